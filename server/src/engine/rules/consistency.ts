import { msg } from '../l10n';
import { calendarLevel, notYet, obligationTiming, withDateSources } from '../evaluation/calendar';
import { isPresent } from '../model/values';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, gateStage, joinList, quote, rowsOf, sectionSeverity, severityFrom } from './support';
import { aiActClass } from './aiActFacts';
import { logRetentionText } from './logRetention';

/** Words that show a decision is about a person rather than a document or a ticket. */
const ABOUT_A_PERSON =
  /\b(applicants?|candidates?|customers?|clients?|employees?|staff|patients?|students?|tenants?|claimants?|borrowers?|persons?|people|individuals?|users?|members?|citizens?|credit|loans?|benefits?|claims?|hiring|dismiss\w*|eligib\w*)\b/i;

/** Words that show a decision sends text to someone. */
const SENDS =
  /\b(send|sends|sent|reply|replies|respond\w*|answer\w*|chat\w*|messages?|e-?mails?|notif\w*|publish\w*|post)\b/i;

const isNo = (text: string): boolean => /^(no|n|false|irreversible)\b/i.test(text.replace(/`/g, '').trim());
const isAutonomous = (text: string): boolean => /^autonomous\b/i.test(text.replace(/`/g, '').trim());

export const decisionEffectConflict: Rule = {
  code: 'AD455',
  name: 'decision-contradicts-automated-effect',
  description:
    'A decision about a person that the agent takes alone and that cannot be reversed does not sit next to risk.automated_legal_effect: false without a word on why its effect is not significant.',
  rationale:
    'GDPR Art. 22 and the DPIA triggers rest on risk.automated_legal_effect. An autonomous, irreversible decision about a person is the typical solely automated decision with legal or similarly significant effect; when the front matter says there is none, one of the two is wrong, and every check that reads the flag is wrong with it.',
  sources: ['GDPR Art. 22(1)', 'GDPR Art. 35(3)', 'seed:001'],
  howToFix:
    'Set risk.automated_legal_effect: true (and meet Art. 22), or give the decision a human review (agent-with-review), or write in its Risk acceptance why its effect on the person is not significant.',
  defaultSeverity: 'stage',
  check(context) {
    const due = sectionSeverity(context, 'decisions');
    if (!due || fm(context, 'risk.automated_legal_effect') !== false || fm(context, 'risk.personal_data') !== true)
      return [];
    const findings: Finding[] = [];
    for (const row of rowsOf(context.model, 'decisions', 'decisions')) {
      if (!isAutonomous(row.text('mode')) || !isNo(row.text('reversible'))) continue;
      if (isPresent(row.text('risk_acceptance'))) continue;
      const about = `${row.text('decision')} ${row.text('criteria')}`;
      if (!ABOUT_A_PERSON.test(about)) continue;
      findings.push(
        makeFinding(
          this,
          due,
          msg(
            'consistency.decisionAutonomousIrreversibleAbout',
            'Decision {decision} is autonomous, irreversible and about a person, yet risk.automated_legal_effect is false. Set it to true if the decision has legal or similarly significant effects (GDPR Art. 22); otherwise say why not in its Risk acceptance.',
            { decision: quote(row.text('decision')) },
          ),
          row.cell('mode')?.range ?? row.anchor,
          { subject: { kind: 'table', id: 'decisions.decisions' } },
        ),
      );
    }
    return findings;
  },
};

/** Personal-data categories and the words a tool's Data classes cell uses for them. */
const CATEGORY_WORDS: Array<{ categories: string[]; pattern: RegExp; special: boolean }> = [
  { categories: ['health'], pattern: /\b(health|medical|diagnos\w*|patients?)\b/i, special: true },
  {
    categories: ['biometric', 'biometric-identification'],
    pattern: /\b(biometric\w*|fingerprints?|facial|face images?|voiceprints?)\b/i,
    special: true,
  },
  { categories: ['genetic'], pattern: /\b(genetic|dna)\b/i, special: true },
  { categories: ['racial-ethnic'], pattern: /\b(racial|ethnic\w*)\b/i, special: true },
  { categories: ['political'], pattern: /\bpolitical\b/i, special: true },
  { categories: ['religious', 'philosophical'], pattern: /\b(religio\w*|philosophical)\b/i, special: true },
  { categories: ['trade-union'], pattern: /\btrade[- ]unions?\b/i, special: true },
  { categories: ['sex-life', 'sexual-orientation'], pattern: /\b(sexual\w*|sex life)\b/i, special: true },
  { categories: ['criminal'], pattern: /\b(criminal|convictions?|offences?)\b/i, special: true },
  { categories: ['children'], pattern: /\b(child|children|minors?)\b/i, special: false },
  { categories: ['location'], pattern: /\b(location|gps|geolocation)\b/i, special: false },
  {
    // "financial data" is as often a company's as a person's: only words about a person's money count.
    categories: ['financial'],
    pattern: /\b(iban|bank (accounts?|details)|salar(y|ies)|payment cards?|credit cards?)\b/i,
    special: false,
  },
  {
    categories: ['contact'],
    pattern: /\b(contacts?|e-?mail address(es)?|phone( numbers?)?|postal address(es)?)\b/i,
    special: false,
  },
  { categories: ['employment'], pattern: /\b(employment|employee|hr|payroll)\b/i, special: false },
  { categories: ['identity'], pattern: /\b(identity|passports?|national id|id numbers?)\b/i, special: false },
];

export const toolDataClasses: Rule = {
  code: 'AD456',
  name: 'tool-data-class-undeclared',
  description:
    "A tool's Data classes name no personal-data category that risk.data_categories leaves out, and no special-category data when risk.personal_data is false.",
  rationale:
    'The DPIA trigger, the tier and the special-category checks all read risk.data_categories. A tool that reads health records while the front matter declares only contact data makes every one of those checks answer the wrong question.',
  sources: ['GDPR Art. 9(1)', 'GDPR Art. 35(3)', 'seed:000'],
  howToFix:
    "Add the category to risk.data_categories (and set risk.personal_data: true), or correct the tool's Data classes if it does not touch that data.",
  defaultSeverity: 'stage',
  check(context) {
    const due = sectionSeverity(context, 'tools');
    if (!due) return [];
    const personal = fm(context, 'risk.personal_data');
    const declaredValue = fm(context, 'risk.data_categories');
    const declared = new Set(Array.isArray(declaredValue) ? declaredValue.map(String) : []);
    if (personal !== true && personal !== false) return [];
    const findings: Finding[] = [];
    for (const row of rowsOf(context.model, 'tools', 'tools')) {
      const cell = row.cell('data_classes');
      const text = row.text('data_classes');
      if (!cell || text === '') continue;
      const undeclared = CATEGORY_WORDS.filter(
        (entry) =>
          entry.pattern.test(text) &&
          (personal ? !entry.categories.some((category) => declared.has(category)) : entry.special),
      );
      if (undeclared.length === 0) continue;
      const names = undeclared.map((entry) => entry.categories.join(' or ')).join(', ');
      findings.push(
        makeFinding(
          this,
          due,
          personal
            ? msg(
                'consistency.toolHandlesWhichData',
                'Tool {tool} handles {text}, which is {names} data, but risk.data_categories does not list it: add it, or correct the Data classes.',
                { tool: quote(row.text('tool')), text: quote(text), names },
              )
            : msg(
                'consistency.toolHandlesWhichSpecial',
                'Tool {tool} handles {text}, which is special-category data ({names}), but risk.personal_data is false: set it to true and list the category in risk.data_categories, or correct the Data classes.',
                { tool: quote(row.text('tool')), text: quote(text), names },
              ),
          cell.range,
          { subject: { kind: 'table', id: 'tools.tools' } },
        ),
      );
    }
    return findings;
  },
};

export const customerReplyDisclosure: Rule = {
  code: 'AD457',
  name: 'customer-reply-without-disclosure',
  description:
    'A customer-facing agent whose Decision architecture sends text to people on its own does not declare risk.eu_ai_act.interacts_with_people: false without an AI disclosure. Graded by the date Art. 50 applies.',
  rationale:
    'A drafting assistant whose texts a person reviews and sends does not interact with people directly; an agent that replies to customers on its own does (Art. 50(1)), and they must learn they are dealing with an AI system. The decision table and the front matter must tell the same story.',
  sources: ['EU AI Act Art. 50(1)', 'EU AI Act Art. 113', 'seed:001'],
  howToFix:
    'Set risk.eu_ai_act.interacts_with_people: true and add compliance.ai_disclosure, or make the decision agent-with-review so a person sends the text.',
  defaultSeverity: 'stage',
  obligations: ['ai-act-transparency'],
  check(context) {
    const due = sectionSeverity(context, 'userGuide');
    if (
      !due ||
      fm(context, 'risk.customer_facing') !== true ||
      fm(context, 'risk.eu_ai_act.interacts_with_people') !== false ||
      isPresent(fm(context, 'compliance.ai_disclosure'))
    )
      return [];
    const timing = obligationTiming(context.model.schemas, 'ai-act-transparency', context.today);
    return rowsOf(context.model, 'decisions', 'decisions')
      .filter((row) => isAutonomous(row.text('mode')) && SENDS.test(`${row.text('decision')} ${row.text('criteria')}`))
      .map((row) =>
        makeFinding(
          this,
          calendarLevel(timing, due),
          msg(
            'consistency.decisionSendsTextPeople',
            'Decision {decision} sends text to people on its own, yet risk.eu_ai_act.interacts_with_people is false. Set it to true and add compliance.ai_disclosure (EU AI Act Art. 50(1)), or have a person review and send.{timing}',
            { decision: quote(row.text('decision')), timing: notYet(timing) },
          ),
          row.cell('mode')?.range ?? row.anchor,
          {
            subject: { kind: 'table', id: 'decisions.decisions' },
            sources: withDateSources(['EU AI Act Art. 50(1)'], timing),
          },
        ),
      );
  },
};

export const auditLogRetention: Rule = {
  code: 'AD458',
  name: 'audit-log-retention-missing',
  description:
    'An agent that processes personal data and keeps an audit log (compliance.audit_log) says how long the log is kept: compliance.log_retention, or a part of compliance.retention that names the logs.',
  rationale:
    'Audit records hold the inputs and outputs, so they are personal data, kept no longer than their purpose needs (GDPR Art. 5(1)(e)). A retention that speaks only of inputs and outputs leaves the log, usually the longest-kept copy, without a limit.',
  sources: ['GDPR Art. 5(1)(e)', 'seed:003'],
  howToFix: 'Add compliance.log_retention, e.g. "13 months", or name the audit log in compliance.retention.',
  defaultSeverity: 'stage',
  obligations: ['gdpr'],
  check(context) {
    const due = severityFrom(context, gateStage(context, 'compliance-signed-off') ?? 'canary');
    const logged = fm(context, 'compliance.audit_log');
    if (!due || fm(context, 'risk.personal_data') !== true || !Array.isArray(logged) || logged.length === 0) return [];
    // A high-risk agent's log retention is AD354's finding, with the AI Act minimum.
    if (aiActClass(context) === 'high' || logRetentionText(context)) return [];
    return [
      makeFinding(
        this,
        due,
        msg(
          'consistency.addComplianceLogRetention',
          'Add compliance.log_retention: the audit log is kept, but no retention says for how long. It records {logged}, which is personal data (GDPR Art. 5(1)(e)).',
          { logged: joinList(logged.map(String)) },
        ),
        fmRange(context.model, 'compliance.audit_log'),
        { subject: { kind: 'front-matter', id: 'compliance.log_retention' } },
      ),
    ];
  },
};
