import { cellText, tablesOf, type BoundTable, type DocumentModel } from '../model/documentModel';
import type { TableRow } from '../model/tables';
import { catalogueSectionState } from '../model/sectionStatus';
import { placeholderIn } from '../model/placeholders';
import { parseNumber, parseRate } from '../model/values';
import { evaluate } from './predicate';
import type { TierSpec } from '../schemaData/types';

/**
 * The document model seen as named facts, which gate items, tiers and section conditions test.
 * Facts are computed on demand and cached, because a document touches only a few of them.
 */
export class Facts {
  private readonly cache = new Map<string, unknown>();
  private tierCache: TierSpec | undefined | null = null;

  constructor(readonly model: DocumentModel) {}

  get frontMatter(): Record<string, unknown> {
    const data = this.model.frontMatter?.data;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  }

  get(path: string): unknown {
    if (this.cache.has(path)) return this.cache.get(path);
    const value = this.compute(path);
    this.cache.set(path, value);
    return value;
  }

  sectionFilled(sectionId: string): boolean {
    return catalogueSectionState(this.model, sectionId) === 'filled';
  }

  /** The highest tier whose condition holds. */
  get tier(): TierSpec | undefined {
    if (this.tierCache === null) {
      const tiers = [...this.model.schemas.tiers.tiers].sort((a, b) => b.rank - a.rank);
      this.tierCache = tiers.find((tier) => evaluate(tier.when, this));
    }
    return this.tierCache;
  }

  get stage(): string | undefined {
    const stage = this.frontMatter['stage'];
    return typeof stage === 'string' ? stage : undefined;
  }

  private compute(path: string): unknown {
    const [head, ...rest] = path.split('.');
    switch (head) {
      case 'fm':
        return valueAt(this.frontMatter, rest);
      case 'table':
        return this.tableFact(rest);
      case 'runbook':
        return rest[0] === 'entries' ? this.runbookEntries() : undefined;
      case 'eval':
        return rest[0] === 'cases' ? this.evalCases() : undefined;
      case 'rollout':
        return rest[0] === 'maxTraffic' ? this.maxTraffic() : undefined;
      case 'tier':
        return this.tier?.id;
      case 'tierRank':
        return this.tier?.rank;
      case 'stage':
        return this.stage;
      default:
        return undefined;
    }
  }

  private tableFact([sectionId, tableId, column]: string[]): unknown {
    if (!sectionId || !tableId || !column) return undefined;
    const rows = writtenRows(this.model, sectionId, tableId);
    if (column === 'rows') return rows.length;
    return rows.map(({ table, row }) => (cellText(table, row, column) ?? '').toLowerCase());
  }

  /**
   * The Runbook's ### entries, as link targets. An entry that is still template text is a target
   * all the same: its section reports the placeholder, once.
   */
  runbookEntries(): string[] {
    return (this.model.sectionsById.get('runbook') ?? []).flatMap((section) =>
      section.subsections.map((sub) => sub.heading.slug),
    );
  }

  private evalCases(): number {
    let total = 0;
    for (const { table, row } of writtenRows(this.model, 'evaluation', 'evalset'))
      total += parseNumber(cellText(table, row, 'cases') ?? '') ?? 0;
    return total;
  }

  private maxTraffic(): number | undefined {
    let max: number | undefined;
    for (const { table, row } of writtenRows(this.model, 'rollout', 'stages')) {
      const rate = parseRate(cellText(table, row, 'traffic') ?? '', true);
      if (rate !== undefined) max = Math.max(max ?? 0, rate);
    }
    return max;
  }
}

/**
 * The rows of a catalogue table that are written: a row with template text left in any cell
 * (`| FM-1 | TODO | … | no |`, an alert routed to `TODO`) is the skeleton, not evidence, so the
 * gate items that read the table do not count it as met. Its section reports the placeholder.
 */
export function writtenRows(
  model: DocumentModel,
  sectionId: string,
  tableId: string,
): { table: BoundTable; row: TableRow }[] {
  return tablesOf(model, sectionId, tableId).flatMap((table) =>
    table.table.rows
      .filter((row) => !row.cells.some((cell) => placeholderIn(model, cell.text)))
      .map((row) => ({ table, row })),
  );
}

export function valueAt(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const key of path) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
