import { allRules } from '../rules';
import type { RuleInfo } from '../rules/rule';
import { workspaceRules } from '../workspace/crossDocument';
import { engineCodes } from './engineCodes';
import { frontMatterBlockMissing } from '../evaluation/frontMatterRoots';

export type { RuleInfo } from '../rules/rule';

/**
 * Every finding code agentdoc can report, with what it checks, why, how to fix it, its sources and
 * its default severity. Rules, the gate rule's extra outcomes, the cross-document checks and the
 * engine's own codes all land here; config validation, SARIF, hovers and docs/rules.md read it,
 * so a code cannot exist in one of them and be unknown to another.
 */
export const ruleCatalogue: readonly RuleInfo[] = buildCatalogue();

function buildCatalogue(): RuleInfo[] {
  const entries = [
    ...allRules.flatMap((rule): RuleInfo[] => [infoOf(rule), ...(rule.alsoReports ?? []).map(infoOf)]),
    ...workspaceRules.map(infoOf),
    ...engineCodes.map(infoOf),
    infoOf(frontMatterBlockMissing),
  ];
  const byCode = new Map<string, RuleInfo>();
  for (const entry of entries) {
    if (byCode.has(entry.code)) throw new Error(`Rule code ${entry.code} is defined twice.`);
    byCode.set(entry.code, entry);
  }
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The data fields only: rules carry a check function the catalogue does not hand out. */
function infoOf(entry: RuleInfo): RuleInfo {
  const { code, name, description, rationale, howToFix, sources, frameworks, defaultSeverity, obligations } = entry;
  return {
    code,
    name,
    description,
    rationale,
    howToFix,
    sources,
    ...(frameworks ? { frameworks } : {}),
    defaultSeverity,
    ...(obligations?.length ? { obligations } : {}),
  };
}

const byCode = new Map(ruleCatalogue.map((entry) => [entry.code, entry]));

export function ruleInfo(code: string): RuleInfo | undefined {
  return byCode.get(code);
}

/** Codes a config may name in `rules`. */
export function knownRuleCodes(): ReadonlySet<string> {
  return new Set(byCode.keys());
}
