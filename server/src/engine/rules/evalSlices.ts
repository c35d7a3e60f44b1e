import { msg } from '../l10n';
import { tablesOf } from '../model/documentModel';
import { makeFinding, type Rule } from './rule';
import { joinList, rowsOf, sectionAnchor, sectionSeverity } from './support';

/** The four slices of seed 004's eval set, with the spellings teams use for them. */
export const SLICES = [
  { id: 'typical', pattern: /\b(typical|common|happy[- ]path|standard|normal|regular|representative|core)\b/i },
  { id: 'edge', pattern: /\b(edge|corner|boundary|rare|long[- ]tail)\b/i },
  {
    id: 'prior-failures',
    pattern: /\b(prior|past|previous|known|historical)[- ]?(failures?|incidents?|errors?|bugs?)\b|\bregressions?\b/i,
  },
  {
    id: 'adversarial',
    pattern: /\b(adversarial|red[- ]?team(ing)?|attacks?|injections?|abuse|jailbreaks?|security)\b/i,
  },
] as const;

export const evalSlices: Rule = {
  code: 'AD340',
  name: 'eval-slices-missing',
  description: 'The eval set covers the four slices: typical cases, edge cases, prior failures and adversarial inputs.',
  rationale:
    'An eval set of typical cases only measures what the pilot already showed. Edge cases and prior failures catch regressions; adversarial inputs (prompt injection, abuse) catch what attackers will try.',
  sources: ['seed:004', 'EU AI Act Art. 15', 'OWASP LLM01'],
  howToFix:
    'Add rows to the Evaluation table for the missing slices, each with its case count, quality bar and latest result.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'evaluation');
    const table = tablesOf(context.model, 'evaluation', 'evalset')[0];
    if (!severity || !table || !table.columns.has('slice')) return [];
    const rows = rowsOf(context.model, 'evaluation', 'evalset');
    if (rows.length === 0) return [];
    const names = rows.map((row) => row.text('slice'));
    const missing = SLICES.filter((slice) => !names.some((name) => slice.pattern.test(name))).map((slice) => slice.id);
    if (missing.length === 0) return [];
    const header =
      table.table.header.cells[table.columns.get('slice') ?? 0]?.range ?? sectionAnchor(context.model, 'evaluation');
    return [
      makeFinding(
        this,
        severity,
        missing.length > 1
          ? msg(
              'evalSlices.evalSetNoSlices',
              'The eval set has no {missing} slices: add rows for them (typical, edge, prior-failures and adversarial are all needed).',
              { missing: joinList(missing) },
            )
          : msg(
              'evalSlices.evalSetNoSlice',
              'The eval set has no {missing} slice: add a row for it (typical, edge, prior-failures and adversarial are all needed).',
              { missing: joinList(missing) },
            ),
        header,
        {
          subject: { kind: 'table', id: 'evaluation.evalset' },
        },
      ),
    ];
  },
};
