import { msg } from '../l10n';
import { calendarLevel, notYet, withDateSources } from '../evaluation/calendar';
import { hasWrittenContent } from '../model/sectionStatus';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { fm, firstSection, joinList, sectionSeverity } from './support';
import { aiActClass, aiActRoles, highRiskTiming } from './aiActFacts';

/** What the incident-response entry must say, each with the words that show it does. */
const BREACH = [
  {
    what: () =>
      msg(
        'incidentClocks.notifyAuthority',
        'notifying the supervisory authority without undue delay, where feasible within 72 hours of becoming aware of a personal-data breach (GDPR Art. 33(1))',
      ),
    pattern: /\b72\s*(h\b|hours?)|seventy-two hours/i,
    source: 'GDPR Art. 33(1)',
  },
  {
    what: () =>
      msg(
        'incidentClocks.tellPeople',
        'telling the people concerned without undue delay when the breach is likely to put their rights at high risk (GDPR Art. 34(1))',
      ),
    pattern:
      /data subjects?|art(icle|\.)?\s*34\b|(affected|concerned) (people|persons|customers|users|individuals)|(people|persons|customers|users|individuals) (concerned|affected)/i,
    source: 'GDPR Art. 34(1)',
  },
];

const SERIOUS_INCIDENT = [
  {
    what: () => msg('incidentClocks.fifteenDays', '15 days for a serious incident'),
    pattern: /\b15\s*days\b|fifteen days/i,
  },
  {
    what: () =>
      msg(
        'incidentClocks.twoDays',
        '2 days for a widespread infringement or a serious disruption of critical infrastructure',
      ),
    pattern: /\b(2|two)\s*days\b/i,
  },
  { what: () => msg('incidentClocks.tenDays', '10 days after a death'), pattern: /\b10\s*days\b|ten days/i },
];

export const incidentClocks: Rule = {
  code: 'AD453',
  name: 'incident-runbook-legal-clocks',
  description:
    "The Runbook's incident-response entry states the legal clocks that apply: for personal data, the 72-hour notice to the supervisory authority (GDPR Art. 33) and telling the people concerned (Art. 34); for a high-risk agent's provider, the serious-incident reports of EU AI Act Art. 73 (15 days; 2 days for a widespread infringement or critical infrastructure; 10 days after a death).",
  rationale:
    'Deadlines nobody wrote down are missed at 2 AM. A personal-data breach is notified to the authority without undue delay and where feasible within 72 hours (Art. 33(1)), and to the people concerned when their rights are at high risk (Art. 34(1)). Providers of high-risk systems report serious incidents to the market surveillance authority within 15 days, 2 days in widespread or critical-infrastructure cases, 10 days after a death (Art. 73(2)-(4)).',
  sources: ['GDPR Art. 33(1)', 'GDPR Art. 34(1)', 'EU AI Act Art. 73', 'seed:000', 'seed:003'],
  howToFix:
    'Add the missing deadlines as steps of the incident-response entry, with who reports to whom (the DPO to the authority, the provider to the market surveillance authority).',
  defaultSeverity: 'stage',
  obligations: ['gdpr', 'ai-act-high-risk-annex-iii-provider', 'ai-act-high-risk-annex-i-provider'],
  check(context) {
    const due = sectionSeverity(context, 'runbook');
    const section = firstSection(context.model, 'runbook');
    if (!due || !section) return [];
    const entry = section.subsections.find((sub) => /incident/.test(sub.heading.slug));
    // A missing entry is AD370's or gate item incident-runbook-validated's finding, one that is
    // still template text AD102's; a written entry is judged even while other entries say TODO.
    if (!entry || !hasWrittenContent(context.model, section, { from: entry.startLine + 1, to: entry.endLine }))
      return [];
    const lines: string[] = [];
    for (let line = entry.startLine; line < entry.endLine; line++) lines.push(context.model.index.lineText(line));
    const text = lines.join('\n');
    const findings: Finding[] = [];
    const subject = { kind: 'section' as const, id: 'runbook' };
    if (fm(context, 'risk.personal_data') === true) {
      const missing = BREACH.filter((clock) => !clock.pattern.test(text));
      if (missing.length)
        findings.push(
          makeFinding(
            this,
            due,
            msg(
              'incidentClocks.addPersonalDataBreach',
              'Add the personal-data breach deadlines to the incident-response entry. Missing: {missing}.',
              { missing: joinList(missing.map((clock) => clock.what())) },
            ),
            entry.heading.range,
            { subject, sources: missing.map((clock) => clock.source) },
          ),
        );
    }
    if (aiActClass(context) === 'high' && aiActRoles(context).has('provider')) {
      const timing = highRiskTiming(context, 'provider');
      const missing = SERIOUS_INCIDENT.filter((clock) => !clock.pattern.test(text));
      if (missing.length)
        findings.push(
          makeFinding(
            this,
            calendarLevel(timing, due),
            msg(
              'incidentClocks.addSeriousIncidentReporting',
              'Add the serious-incident reporting deadlines of EU AI Act Art. 73 to the incident-response entry. Missing: {missing}, with who reports to the market surveillance authority.{timing}',
              { missing: joinList(missing.map((clock) => clock.what())), timing: notYet(timing) },
            ),
            entry.heading.range,
            { subject, sources: withDateSources(['EU AI Act Art. 73'], timing) },
          ),
        );
    }
    return findings;
  },
};
