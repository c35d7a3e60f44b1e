import { cellText, tablesOf, type BoundTable, type DocumentModel } from '../model/documentModel';
import type { TableRow } from '../model/tables';
import { isPlaceholderValue, parseIsoDate } from '../model/values';
import { catalogueSectionState } from '../model/sectionStatus';
import type { Facts } from './facts';
import { evaluate } from './predicate';
import type { GateItemSpec, GateSpec, SectionSpec, StageSpec } from '../schemaData/types';
import type { StageLadder } from './stages';
import type { Finding, Range } from '../types';
import { blocksAt } from './verdict';
import { signerRoles } from './signers';

/**
 * `open`: the item's condition holds, but findings about it (in its section, on its sign-off) block its stage.
 * `placeholder`: a section that is there but still holds template text (what AD102 reports), not missing.
 */
export type ItemStatus =
  'met' | 'missing' | 'placeholder' | 'pending' | 'failed' | 'waived' | 'waiver-expired' | 'open';

export interface SignoffRecord {
  status: string;
  signer: string;
  date: string;
  evidence: string;
  range: Range;
  /** The Signed off by cell, where a finding about who signed points. */
  signerRange: Range;
}

export interface WaiverRecord {
  justification: string;
  approver: string;
  expires: string;
  expired: boolean;
  complete: boolean;
  range: Range;
}

export interface ItemResult {
  gate: { id: string; title: string; stage: string };
  item: GateItemSpec;
  /** Section requirements from the catalogue, as opposed to gate items from gates.json. */
  kind: 'section' | 'gate-item';
  /** The catalogue section a section requirement stands for. */
  section?: SectionSpec;
  status: ItemStatus;
  signoff?: SignoffRecord;
  waiver?: WaiverRecord;
  /** Role ids that may sign the item at the document's tier (gates.json signers); empty when none. */
  signers: string[];
}

export interface Readiness {
  stage: StageSpec;
  next: StageSpec | undefined;
  tier: string | undefined;
  /** Every requirement that applies to this document, across all stages. */
  items: ItemResult[];
}

const SATISFIED: ReadonlySet<ItemStatus> = new Set(['met', 'waived']);

export function isSatisfied(result: ItemResult): boolean {
  return SATISFIED.has(result.status);
}

export function evaluateReadiness(model: DocumentModel, facts: Facts, ladder: StageLadder, today: number): Readiness {
  const stage = ladder.current(facts.stage);
  const signoffs = recordsByItem(model, 'review');
  const waivers = recordsByItem(model, 'waivers');
  const items: ItemResult[] = [];
  for (const gate of [...sectionGates(model, ladder), ...model.schemas.gates.gates]) {
    for (const item of gate.items) {
      if (item.when && !evaluate(item.when, facts)) continue;
      const kind = gate.id.startsWith('sections:') ? 'section' : 'gate-item';
      const result = evaluateItem(model, facts, gate, item, kind, signoffs, waivers, today);
      items.push({ ...result, signers: signerRoles(item, facts.tier?.id) });
    }
  }
  return { stage, next: ladder.next(stage), tier: facts.tier?.id, items };
}

/**
 * Items whose condition holds but whose section or sign-off still has findings that block the
 * item's stage are not met: the checklist and report must not say "met" next to an open error.
 */
export function settleItems(readiness: Readiness, findings: readonly Finding[], ladder: StageLadder): Readiness {
  const items = readiness.items.map((result): ItemResult => {
    if (!isSatisfied(result)) return result;
    const stage = ladder.get(result.gate.stage);
    if (!stage) return result;
    const open = findings.some((finding) => belongsTo(finding, result) && blocksAt(finding, stage, ladder));
    return open ? { ...result, status: 'open' } : result;
  });
  return { ...readiness, items };
}

/**
 * A finding about an item: on its gate item, or about its section — the section itself, its
 * tables, or the front-matter keys the catalogue says the section covers.
 */
export function belongsTo(finding: Finding, result: ItemResult): boolean {
  const subject = finding.subject;
  if (result.kind === 'gate-item') return subject?.kind === 'gate-item' && subject.id === result.item.id;
  const section = result.section;
  if (!section || !subject) return false;
  if (subject.kind === 'section' || subject.kind === 'table') return within(subject.id, section.id);
  if (subject.kind === 'front-matter') return (section.frontMatter ?? []).some((key) => within(subject.id, key));
  return false;
}

function within(id: string, prefix: string): boolean {
  return id === prefix || id.startsWith(`${prefix}.`);
}

/** Catalogue sections as gate items, one synthetic gate per stage, so readiness shows them too. */
function sectionGates(model: DocumentModel, ladder: StageLadder): GateSpec[] {
  return ladder.stages.flatMap((stage) => {
    const sections = model.schemas.sections.sections.filter((section) => section.requiredFrom === stage.id);
    if (sections.length === 0) return [];
    return [
      {
        id: `sections:${stage.id}`,
        stage: stage.id,
        title: 'Documentation parts',
        items: sections.map((section) => ({
          id: `section-${section.id}`,
          title: `Section "${section.title}"`,
          requires: { section: section.id },
          ...(section.when ? { when: section.when } : {}),
          hint: `Write the ${section.title} section.`,
          rationale: section.guidance.why,
          sources: section.guidance.sources,
        })),
      },
    ];
  });
}

function evaluateItem(
  model: DocumentModel,
  facts: Facts,
  gate: GateSpec,
  item: GateItemSpec,
  kind: ItemResult['kind'],
  signoffs: Map<string, { table: BoundTable; row: TableRow }>,
  waivers: Map<string, { table: BoundTable; row: TableRow }>,
  today: number,
): Omit<ItemResult, 'signers'> {
  const section =
    kind === 'section' ? model.schemas.sections.sections.find((spec) => `section-${spec.id}` === item.id) : undefined;
  const base = {
    gate: { id: gate.id, title: gate.title, stage: gate.stage },
    item,
    kind,
    ...(section ? { section } : {}),
  };
  const signoffRow = signoffs.get(item.id);
  const signoff = signoffRow && readSignoff(signoffRow.table, signoffRow.row);
  const waiverRow = waivers.get(item.id);
  const waiver = waiverRow && readWaiver(waiverRow.table, waiverRow.row, today);
  const extra = { ...(signoff ? { signoff } : {}), ...(waiver ? { waiver } : {}) };
  const sectionState = kind === 'section' ? catalogueSectionState(model, item.id.slice('section-'.length)) : undefined;
  const requirementHolds = sectionState ? sectionState === 'filled' : !item.requires || evaluate(item.requires, facts);
  const unmet: ItemStatus = sectionState === 'placeholder' ? 'placeholder' : 'missing';
  const signed = !item.signoff || signoff?.status === 'pass';
  if (requirementHolds && signed) return { ...base, status: 'met', ...extra };
  if (waiver && item.waivable !== false) {
    if (!waiver.complete) return { ...base, status: requirementHolds ? 'pending' : unmet, ...extra };
    return { ...base, status: waiver.expired ? 'waiver-expired' : 'waived', ...extra };
  }
  if (!requirementHolds) return { ...base, status: unmet, ...extra };
  return { ...base, status: signoff?.status === 'fail' ? 'failed' : 'pending', ...extra };
}

function recordsByItem(model: DocumentModel, tableId: string): Map<string, { table: BoundTable; row: TableRow }> {
  const records = new Map<string, { table: BoundTable; row: TableRow }>();
  for (const table of tablesOf(model, 'readiness', tableId)) {
    for (const row of table.table.rows) {
      const id = (cellText(table, row, 'item') ?? '').replace(/`/g, '').trim().toLowerCase();
      if (id && !records.has(id)) records.set(id, { table, row });
    }
  }
  return records;
}

function rowRange(row: TableRow): Range {
  const first = row.cells[0]?.range;
  const last = row.cells[row.cells.length - 1]?.range;
  return first && last
    ? { start: first.start, end: last.end }
    : { start: { line: row.line, character: 0 }, end: { line: row.line, character: 0 } };
}

function readSignoff(table: BoundTable, row: TableRow): SignoffRecord {
  const get = (column: string): string => cellText(table, row, column) ?? '';
  const signerAt = table.columns.get('signer');
  const range = rowRange(row);
  return {
    status: get('status').toLowerCase(),
    signer: get('signer'),
    date: get('date'),
    evidence: get('evidence'),
    range,
    signerRange: (signerAt !== undefined ? row.cells[signerAt]?.range : undefined) ?? range,
  };
}

function readWaiver(table: BoundTable, row: TableRow, today: number): WaiverRecord {
  const get = (column: string): string => cellText(table, row, column) ?? '';
  const expiresDay = parseIsoDate(get('expires'));
  // Template text (TODO) is not a justification or an approver: such a waiver does not count yet.
  const complete =
    get('justification').trim().length >= 10 &&
    !isPlaceholderValue(get('justification')) &&
    !isPlaceholderValue(get('approver')) &&
    expiresDay !== undefined;
  return {
    justification: get('justification'),
    approver: get('approver'),
    expires: get('expires'),
    expired: expiresDay !== undefined && expiresDay < today,
    complete,
    range: rowRange(row),
  };
}
