import { msg, schemaText } from '../l10n';
import { nodeAtPath, nodeSpan } from '../model/frontMatter';
import type { DocumentModel } from '../model/documentModel';
import type { ItemResult } from '../evaluation/readiness';
import type { Predicate } from '../schemaData/types';
import { ownNames } from '../model/placeholders';
import { isPlaceholderValue } from '../model/values';
import type { Finding, FixSuggestion, Level, Range } from '../types';
import { frontMatterKeyFix } from '../fixes/frontMatterInsertion';
import { waiverFix } from '../fixes/waiverInsertion';
import { frontMatterInsertionAnchor, sectionAnchorOrInsertion } from '../model/anchors';
import { makeFinding, type Rule, type RuleContext, type RuleInfo } from './rule';
import { orList } from './signoffRoles';

// Findings carry the gate item's own sources; the rule's are the seeds that ask for gated reviews.
const PENDING: RuleInfo = {
  code: 'AD201',
  name: 'gate-signoff-pending',
  description: 'A gate item that needs a sign-off has its condition met but no pass in the Readiness review table.',
  rationale:
    'Items such as integration testing or the communication plan are judged by people; the review records who signed off, when, and on what evidence.',
  howToFix: 'Record a pass for the item in the Readiness review table, with who signed it off, when, and the evidence.',
  sources: ['seed:000', 'seed:003'],
  defaultSeverity: 'stage',
};

const WAIVER: RuleInfo = {
  code: 'AD202',
  name: 'gate-waiver-invalid',
  description:
    'A waiver is incomplete (justification, approver, expiry) or has expired, so the item it waives is open again.',
  rationale:
    'A waiver is a dated, owned exception, not a way to forget an item: without an approver and an expiry it does not count, and after its expiry the item re-opens.',
  howToFix:
    'Give the waiver a justification (10 characters or more), an approver and an expiry date that has not passed, or meet the item instead.',
  sources: ['seed:000', 'seed:002'],
  defaultSeverity: 'stage',
};

/**
 * Gate items from gates.json that do not hold. One rule module reports three codes because they
 * are three outcomes of one evaluation: not met, met but not signed off, waived badly.
 */
export const gateItems: Rule = {
  code: 'AD200',
  name: 'gate-item-unmet',
  description: 'Every readiness gate item that applies to the document holds, is signed off, or is validly waived.',
  rationale:
    'The review is gated: items that are not ready block the stage. Severity follows the stage: what blocks the current stage is an error, the next stage a warning, later stages a hint.',
  howToFix:
    "Do what the gate item's hint says (the message repeats it); the quick fix adds the front-matter key where one applies.",
  sources: ['seed:000', 'seed:003', 'seed:004'],
  defaultSeverity: 'stage',
  alsoReports: [PENDING, WAIVER],
  check(context) {
    return context.readiness.items.flatMap((result) =>
      result.kind === 'gate-item' ? itemFindings(context, result) : [],
    );
  },
};

const UNMET = gateItems;

function itemFindings(context: RuleContext, result: ItemResult): Finding[] {
  const findings = openItemFindings(context, result);
  const waiver =
    result.item.waivable !== false && !result.waiver
      ? waiverFix(context.model, result.item.id, context.today)
      : undefined;
  if (waiver && findings[0]) findings[0] = { ...findings[0], fixes: [...(findings[0].fixes ?? []), waiver] };
  return findings;
}

function openItemFindings(context: RuleContext, result: ItemResult): Finding[] {
  const { item } = result;
  // An item the law requires earlier than its gate (dueFrom) blocks from that stage: an obligation
  // that already applies is never only a hint because the review lists it later.
  const dueStage = item.dueFrom && context.ladder.get(item.dueFrom) ? item.dueFrom : result.gate.stage;
  const severity = context.ladder.due(dueStage, context.stage);
  if (!severity) return [];
  const stage = context.ladder.get(result.gate.stage)?.title.toLowerCase() ?? result.gate.stage;
  const due =
    dueStage === result.gate.stage
      ? ''
      : msg('gateItems.dueFrom', ', due from {stage}', { stage: context.ladder.get(dueStage)?.title.toLowerCase() });
  const where = msg('gateItems.gate', '{stage} gate "{gateTitle}"{due}', { stage, gateTitle: result.gate.title, due });
  const extra = {
    subject: { kind: 'gate-item' as const, id: item.id },
    sources: item.sources,
    ...(item.frameworks ? { frameworks: item.frameworks } : {}),
  };
  // A waiver that does not count yet (template text, no approver) is the item's one open finding:
  // what the writer works on is the waiver, not the item it stands in for.
  if (result.waiver && !result.waiver.complete && (result.status === 'missing' || result.status === 'pending')) {
    // The key the item still lacks can be added all the same, as on the item's own finding.
    const missingKey =
      result.status === 'missing' && item.fix?.frontMatter
        ? firstMissingKey(context, item.fix.frontMatter, item.requires)
        : undefined;
    const fix = missingKey ? frontMatterKeyFix(context.model, missingKey) : undefined;
    return [incompleteWaiver(result, severity, where, fix)];
  }
  switch (result.status) {
    case 'met':
    case 'waived':
    case 'open':
      return [];
    // Only sections are 'placeholder'; a gate item reports it as not met all the same.
    case 'placeholder':
    case 'missing': {
      const keys = item.fix?.frontMatter ? neededKeys(item.fix.frontMatter, item.requires) : [];
      const placeholder = keys.map((key) => placeholderAt(context, key)).find((found) => found !== undefined);
      if (placeholder) {
        return [
          makeFinding(
            UNMET,
            severity,
            msg(
              'gateItems.notReadyStillHolds',
              'Not ready ({where}): {itemTitle}. "{key}" still holds the placeholder "{placeholderValue}": fill it in.',
              {
                where,
                itemTitle: schemaText(`gates.${item.id}.title`, item.title),
                key: placeholder.key,
                placeholderValue: placeholder.value,
              },
            ),
            placeholder.range,
            extra,
          ),
        ];
      }
      const missingKey = item.fix?.frontMatter
        ? firstMissingKey(context, item.fix.frontMatter, item.requires)
        : undefined;
      const fix = missingKey ? frontMatterKeyFix(context.model, missingKey) : undefined;
      const range = result.waiver?.range ?? anchorFor(context.model, item.requires);
      return [
        makeFinding(
          UNMET,
          severity,
          msg('gateItems.notReady', 'Not ready ({where}): {itemTitle}. {hint}', {
            where,
            itemTitle: schemaText(`gates.${item.id}.title`, item.title),
            hint: schemaText(`gates.${item.id}.hint`, item.hint),
          }),
          range,
          {
            ...extra,
            ...(fix ? { fixes: [fix] } : {}),
          },
        ),
      ];
    }
    case 'pending': {
      const range = result.signoff?.range ?? result.waiver?.range ?? readinessAnchor(context.model);
      const state = result.signoff
        ? msg('gateItems.itsSignOff', 'its sign-off is "{value}"', { value: result.signoff.status || 'empty' })
        : msg('gateItems.itNoRowReadiness', 'it has no row in the Readiness review table');
      return [
        makeFinding(
          PENDING,
          severity,
          msg(
            'gateItems.awaitingSignOffRecord',
            'Awaiting sign-off ({where}): {itemTitle} — {state}. Record a pass for "{itemId}" with the signer{signedBy}, the date and the evidence.',
            { where, itemTitle: item.title, state, itemId: item.id, signedBy: signedBy(context, result) },
          ),
          range,
          extra,
        ),
      ];
    }
    case 'failed':
      return [
        makeFinding(
          UNMET,
          severity,
          msg(
            'gateItems.signOffFailedResolve',
            'Sign-off failed ({where}): {itemTitle}. Resolve it and record a new sign-off, or waive it with a justification, approver and expiry.',
            { where, itemTitle: schemaText(`gates.${item.id}.title`, item.title) },
          ),
          result.signoff?.range ?? readinessAnchor(context.model),
          extra,
        ),
      ];
    case 'waiver-expired':
      return [
        makeFinding(
          WAIVER,
          severity,
          msg(
            'gateItems.waiverExpiredSoItem',
            'The waiver for "{itemId}" expired on {expires}, so the item is open again ({where}): {itemTitle}. {hint}',
            {
              itemId: item.id,
              expires: result.waiver?.expires,
              where,
              itemTitle: schemaText(`gates.${item.id}.title`, item.title),
              hint: schemaText(`gates.${item.id}.hint`, item.hint),
            },
          ),
          result.waiver?.range ?? readinessAnchor(context.model),
          extra,
        ),
      ];
  }
}

/** " (the DPO or legal)": who must still sign, from the item's roles at the document's tier. */
function signedBy(context: RuleContext, result: ItemResult): string {
  if (result.signers.length === 0) return '';
  const roles = context.model.schemas.tiers.roles ?? [];
  const titles = result.signers.map((id) => roles.find((role) => role.id === id)?.title ?? id);
  return msg('gateItems.signedBy', ' ({roles})', { roles: orList(titles) });
}

/** The front-matter keys an item needs: the one its fix names, then those its condition tests. */
function neededKeys(fixKey: string, requires: Predicate | undefined): string[] {
  return [...new Set([fixKey, ...(requires ? frontMatterFacts(requires) : [])])];
}

/** The first of those keys that is not written yet. */
function firstMissingKey(context: RuleContext, fixKey: string, requires: Predicate | undefined): string | undefined {
  return neededKeys(fixKey, requires).find((key) => context.facts.get(`fm.${key}`) === undefined);
}

function frontMatterFacts(predicate: Predicate): string[] {
  if ('all' in predicate) return predicate.all.flatMap(frontMatterFacts);
  if ('any' in predicate) return predicate.any.slice(0, 1).flatMap(frontMatterFacts);
  if ('not' in predicate || 'section' in predicate) return [];
  return predicate.fact.startsWith('fm.') ? [predicate.fact.slice(3)] : [];
}

/** A front-matter value that is there but still placeholder text, such as a fix's TODO. */
function placeholderAt(
  context: RuleContext,
  dottedPath: string,
): { key: string; value: string; range: Range } | undefined {
  const value = context.facts.get(`fm.${dottedPath}`);
  if (typeof value !== 'string' || !isPlaceholderValue(value, ownNames(context.model))) return undefined;
  const frontMatter = context.model.frontMatter;
  const span = frontMatter?.document && nodeSpan(nodeAtPath(frontMatter.document, dottedPath.split('.'))?.value);
  if (!frontMatter || !span) return undefined;
  return {
    key: dottedPath,
    value,
    range: context.model.index.rangeOf(
      frontMatter.contentStart + span[0],
      frontMatter.contentStart + span[0] + value.length,
    ),
  };
}

function incompleteWaiver(result: ItemResult, severity: Level, where: string, fix?: FixSuggestion): Finding {
  return makeFinding(
    WAIVER,
    severity,
    msg(
      'gateItems.waiverDoesNotCount',
      'The waiver for "{itemId}" does not count yet ({where}): it needs a justification of at least 10 characters, an approver and an expiry date (YYYY-MM-DD).',
      { itemId: result.item.id, where },
    ),
    result.waiver?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    {
      subject: { kind: 'gate-item', id: result.item.id },
      ...(fix ? { fixes: [fix] } : {}),
    },
  );
}

function readinessAnchor(model: DocumentModel): Range {
  return sectionAnchorOrInsertion(model, 'readiness');
}

/** Points an unmet item at what it is about: the front-matter key or the section it tests. */
function anchorFor(model: DocumentModel, predicate: Predicate | undefined): Range {
  const fact = predicate && firstFact(predicate);
  if (fact?.startsWith('fm.'))
    return frontMatterAnchor(model, fact.slice(3).split('.')) ?? frontMatterInsertionAnchor(model);
  const sectionId = fact && sectionOfFact(fact);
  const section = sectionId ? model.sectionsById.get(sectionId)?.[0] : undefined;
  return (
    section?.heading.range ??
    (sectionId ? sectionAnchorOrInsertion(model, sectionId) : frontMatterInsertionAnchor(model))
  );
}

function firstFact(predicate: Predicate): string | undefined {
  if ('all' in predicate) return predicate.all.map(firstFact).find(Boolean);
  if ('any' in predicate) return predicate.any.map(firstFact).find(Boolean);
  if ('not' in predicate) return firstFact(predicate.not);
  if ('section' in predicate) return `section.${predicate.section}`;
  return predicate.fact;
}

function sectionOfFact(fact: string): string | undefined {
  const [head, second] = fact.split('.');
  const owners: Record<string, string> = { runbook: 'runbook', eval: 'evaluation', rollout: 'rollout' };
  if (head === 'table' || head === 'section') return second;
  return head ? owners[head] : undefined;
}

function frontMatterAnchor(model: DocumentModel, path: string[]): Range | undefined {
  const frontMatter = model.frontMatter;
  if (!frontMatter?.document) return undefined;
  for (let depth = path.length; depth > 0; depth--) {
    const node = nodeAtPath(frontMatter.document, path.slice(0, depth));
    const span = nodeSpan(node?.key);
    if (span) return model.index.rangeOf(frontMatter.contentStart + span[0], frontMatter.contentStart + span[1]);
  }
  return frontMatterInsertionAnchor(model);
}
