import { Facts } from '../evaluation/facts';
import { currentLocale } from '../l10n';
import type { DocumentModel } from '../model/documentModel';
import { noReads, readsStayInside, watchedModel, type ModelReads } from '../model/modelReads';
import type { Finding } from '../types';
import type { Rule, RuleContext } from './rule';

/**
 * A rule's findings for one text, reused for the next text when nothing the rule read changed: an
 * edit inside one section re-runs only the rules that read that section. What a rule read is
 * recorded while it runs (model/modelReads.ts), not declared, so it cannot go stale as rules
 * change. Sections are compared by their heading and block objects, which the incremental parser
 * hands out again only for the same text at the same lines (model/chunkedBlocks.ts): a reused
 * finding's range and message are exactly what the rule would produce again. Everything else a
 * rule may depend on — front matter, stage, date, schemas, language — is part of the key.
 */

/** What every rule result depends on besides the sections: compared value by value. */
type Setting = unknown[];

interface Entry {
  setting: Setting;
  /** Undefined: the rule read more than can be compared, so it runs again (without watching). */
  reads: Omit<ModelReads, 'contentLines' | 'boundaryLines'> | undefined;
  seen: unknown[];
  findings: Finding[];
}

/** Recent results per rule: a few, as the editor checks a handful of documents in turn. */
const ENTRIES_PER_RULE = 4;
const cache = new Map<Rule, Entry[]>();

export function clearRuleResultCache(): void {
  cache.clear();
  recentTokens.clear();
}

/**
 * Runs rules for one analysis, each from the cache when nothing it read has changed. `run` is the
 * rule's check as the engine calls it.
 */
export function ruleRunnerReusing(
  context: RuleContext,
): (rule: Rule, run: (context: RuleContext) => Finding[]) => Finding[] {
  const setting = settingOf(context);
  const tokens = new SectionTokens(context.model);
  return (rule, run) => {
    const entries = cache.get(rule) ?? [];
    const known = entries.find((entry) => sameValues(entry.setting, setting));
    if (known && !known.reads) return run(context);
    if (known && sameValues(known.seen, tokens.seenBy(known.reads!))) return known.findings;

    const reads = noReads();
    const findings = run(watchedContext(context, reads));
    const { contentLines: _lines, boundaryLines: _boundaries, ...structure } = reads;
    const entry: Entry = readsStayInside(context.model, reads)
      ? { setting, reads: structure, seen: tokens.seenBy(structure), findings }
      : { setting, reads: undefined, seen: [], findings: [] };
    cache.set(rule, [entry, ...entries.filter((other) => other !== known)].slice(0, ENTRIES_PER_RULE));
    return findings;
  };
}

/**
 * One token per catalogue section id (and one for all sections) for this analysis: the same
 * object as in an earlier analysis when those sections have the same heading and block objects.
 * Each is worked out once per analysis, not once per rule that read it.
 */
class SectionTokens {
  private readonly known = new Map<string, object>();

  constructor(private readonly model: DocumentModel) {}

  seenBy(reads: Omit<ModelReads, 'contentLines' | 'boundaryLines'>): unknown[] {
    const { model } = this;
    const seen: unknown[] = [];
    if (reads.title) {
      const title = model.title;
      seen.push(title?.line, title?.level, title?.text, title?.range.start.character, title?.range.end.character);
    }
    if (reads.lineCount) seen.push(model.index.lineCount);
    if (reads.allSections) seen.push(this.token(ALL_SECTIONS));
    else for (const id of [...reads.sectionIds].sort()) seen.push(this.token(id));
    return seen;
  }

  private token(id: string): object {
    let token = this.known.get(id);
    if (!token) {
      const sections = id === ALL_SECTIONS ? this.model.sections : (this.model.sectionsById.get(id) ?? []);
      const parts: unknown[] = [];
      for (const section of sections) {
        parts.push(section.heading, section.endLine, section.blocks.length);
        for (const block of section.blocks) parts.push(block);
      }
      const recent = recentTokens.get(id) ?? [];
      const same = recent.find((candidate) => sameValues(candidate.parts, parts));
      token = same?.token ?? {};
      if (!same) recentTokens.set(id, [{ parts, token }, ...recent].slice(0, TOKENS_PER_ID));
      this.known.set(id, token);
    }
    return token;
  }
}

/** Not a catalogue id (those are slugs): the token of the list of all sections. */
const ALL_SECTIONS = '*';
const TOKENS_PER_ID = ENTRIES_PER_RULE;
const recentTokens = new Map<string, { parts: unknown[]; token: object }[]>();

/**
 * The context with a watched model and its own facts (facts cache what they read, and a read
 * another rule made first would go unrecorded). The readiness, files on disk and agent files
 * depend on the whole document or outside it: reading them makes the result not reusable.
 */
export function watchedContext(context: RuleContext, reads: ModelReads): RuleContext {
  const model = watchedModel(context.model, reads);
  const watched: RuleContext = {
    model,
    facts: new Facts(model),
    ladder: context.ladder,
    stage: context.stage,
    get readiness() {
      reads.whole = true;
      return context.readiness;
    },
    validators: context.validators,
    today: context.today,
  };
  if (context.fileExists) {
    const fileExists = context.fileExists;
    Object.defineProperty(watched, 'fileExists', {
      enumerable: true,
      get: () => ((reads.whole = true), fileExists),
    });
  }
  if (context.agentFiles) {
    const agentFiles = context.agentFiles;
    Object.defineProperty(watched, 'agentFiles', {
      enumerable: true,
      get: () => ((reads.whole = true), agentFiles),
    });
  }
  return watched;
}

function settingOf(context: RuleContext): Setting {
  const { model } = context;
  return [
    model.schemas,
    model.frontMatter,
    model.bodyStartLine,
    model.sectionLevel,
    model.index.eol,
    context.stage,
    context.today,
    currentLocale(),
    context.fileExists !== undefined,
    context.agentFiles !== undefined,
  ];
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
