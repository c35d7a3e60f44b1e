import { currentLocale, msg } from '../l10n';
import { cellText, type BoundTable, type Section } from '../model/documentModel';
import type { TableRow } from '../model/tables';
import { placeholderIn } from '../model/placeholders';
import { parseNumber, parseRate } from '../model/values';
import type { TableSpec } from '../schemaData/types';
import type { Finding, Level, Range } from '../types';
import { atLeastWarning } from './support';
import { makeFinding, type Rule, type RuleContext } from './rule';
import { columnInsertionFix } from '../fixes/columnInsertion';
import { describeSchemaError } from './schemaMessages';

function tableSeverity(context: RuleContext, section: Section): Level {
  return atLeastWarning(section.spec ? context.ladder.due(section.spec.requiredFrom, context.stage) : undefined);
}

/** First occurrence of each catalogue section: later duplicates are reported by AD103. */
function firstSections(context: RuleContext): Section[] {
  return [...context.model.sectionsById.values()].flatMap((sections) => sections.slice(0, 1));
}

function headerRange(table: BoundTable): Range {
  const cells = table.table.header.cells;
  const first = cells[0]?.range;
  const last = cells[cells.length - 1]?.range;
  return first && last
    ? { start: first.start, end: last.end }
    : { start: { line: table.table.startLine, character: 0 }, end: { line: table.table.startLine, character: 0 } };
}

function columnList(spec: TableSpec): string {
  return spec.columns
    .filter((column) => column.required)
    .map((column) => column.title)
    .join(' | ');
}

export const tableMissing: Rule = {
  code: 'AD110',
  name: 'table-missing',
  description: 'A section that carries facts in a table has that table.',
  rationale:
    'The checks read facts from tables with known columns; prose alone cannot be checked or compared across agents.',
  sources: [],
  howToFix: 'Add the table with the columns the message lists.',
  defaultSeverity: 'stage',
  check(context) {
    return firstSections(context).flatMap((section) =>
      (section.spec?.tables ?? []).flatMap((spec) => {
        if (spec.optional) return [];
        const present = (context.model.sectionsById.get(section.spec?.id ?? '') ?? []).some((candidate) =>
          candidate.tables.some((table) => table.spec === spec),
        );
        if (present) return [];
        return [
          makeFinding(
            this,
            tableSeverity(context, section),
            msg(
              'tables.sectionNoTableAdd',
              'Section "{headingText}" has no {specTitle} table: add one with the columns | {spec} |.',
              { headingText: section.heading.text, specTitle: spec.title.toLowerCase(), spec: columnList(spec) },
            ),
            section.heading.range,
            {
              subject: { kind: 'table', id: `${section.spec?.id}.${spec.id}` },
            },
          ),
        ];
      }),
    );
  },
};

export const tableColumnMissing: Rule = {
  code: 'AD111',
  name: 'table-column-missing',
  description: 'A table has every required column.',
  rationale:
    'A missing column is a missing fact for every row: a tool without its access level, a failure mode without its recovery.',
  sources: [],
  howToFix: "Add the column to the table's header and fill it for every row.",
  defaultSeverity: 'stage',
  check(context) {
    return firstSections(context).flatMap((section) =>
      section.tables.flatMap((table) =>
        table.missingColumns.map((column) => {
          const fix = columnInsertionFix(context.model, table, column);
          return makeFinding(
            this,
            tableSeverity(context, section),
            msg('tables.tableNoColumn', 'The {specTitle} table in "{headingText}" has no "{columnTitle}" column.', {
              specTitle: table.spec?.title.toLowerCase(),
              headingText: section.heading.text,
              columnTitle: column.title,
            }),
            headerRange(table),
            {
              subject: { kind: 'table', id: `${section.spec?.id}.${table.spec?.id}.${column.id}` },
              ...(fix ? { fixes: [fix] } : {}),
            },
          );
        }),
      ),
    );
  },
};

export const tableCellInvalid: Rule = {
  code: 'AD112',
  name: 'table-cell-invalid',
  description: 'Table rows hold valid values (allowed values, numbers, dates) and tables have enough rows.',
  rationale:
    'A decision mode of "sometimes" or a stage without a traffic share cannot be reasoned about by a reviewer or a check.',
  sources: [],
  howToFix: 'Write a value the column allows (the message lists them), or add the rows the table needs.',
  defaultSeverity: 'stage',
  check(context) {
    return firstSections(context).flatMap((section) =>
      section.tables.flatMap((table) => {
        if (!table.spec) return [];
        const severity = tableSeverity(context, section);
        const findings = table.table.rows.flatMap((row) => rowFindings(this, context, table, row, severity));
        const minRows = table.spec.minRows ?? 0;
        if (table.table.rows.length < minRows) {
          findings.push(
            makeFinding(
              this,
              severity,
              msg(
                'tables.tableNoRowsAdd',
                'The {specTitle} table in "{headingText}" has no rows: add at least {minRows}.',
                { specTitle: table.spec.title.toLowerCase(), headingText: section.heading.text, minRows },
              ),
              headerRange(table),
            ),
          );
        }
        return findings;
      }),
    );
  },
};

/**
 * A row's findings are a function of the row (its cells and line: the model hands out the same
 * row object only for the same text at the same line, see model/documentModel.ts), the table's
 * binding, the row validator, the severity and the message language: kept by the row, so an
 * edit elsewhere does not validate every row of every table again.
 */
interface KnownRow {
  table: BoundTable;
  validate: unknown;
  level: string;
  locale: unknown;
  findings: Finding[];
}
const knownRows = new WeakMap<TableRow, KnownRow>();

function rowFindings(rule: Rule, context: RuleContext, table: BoundTable, row: TableRow, severity: Level): Finding[] {
  const validate = table.spec && context.validators.row(table.spec);
  const level = typeof severity === 'string' ? severity : `${severity.severity}/${severity.stage}`;
  const locale = currentLocale();
  const known = knownRows.get(row);
  if (known && known.table === table && known.validate === validate && known.level === level && known.locale === locale)
    return known.findings;
  const findings = validateRow(rule, context, table, row, severity);
  knownRows.set(row, { table, validate, level, locale, findings });
  return findings;
}

function validateRow(rule: Rule, context: RuleContext, table: BoundTable, row: TableRow, severity: Level): Finding[] {
  const spec = table.spec;
  const validate = spec && context.validators.row(spec);
  if (!spec || !validate) return [];
  const values: Record<string, unknown> = {};
  const placeholders = new Set<string>();
  for (const column of spec.columns) {
    const text = cellText(table, row, column.id);
    if (text === undefined || text === '') continue;
    if (placeholderIn(context.model, text)) {
      placeholders.add(column.id);
      continue;
    }
    values[column.id] = coerce(text, column.type);
  }
  if (validate(values)) return [];
  return (validate.errors ?? []).flatMap((error) => {
    const column = error.keyword === 'required' ? String(error.params['missingProperty']) : error.instancePath.slice(1);
    // Missing values in columns the table does not have are AD111's business; placeholders are AD102's.
    if (placeholders.has(column) || !table.columns.has(column)) return [];
    const title = spec.columns.find((candidate) => candidate.id === column)?.title ?? column;
    const cell = row.cells[table.columns.get(column) ?? -1];
    const range = cell?.range ?? {
      start: { line: row.line, character: 0 },
      end: { line: row.line, character: context.model.index.lineText(row.line).length },
    };
    const message =
      error.keyword === 'required'
        ? msg('tables.rowLineNo', 'The {specTitle} row on line {value} has no {title}.', {
            specTitle: spec.title.toLowerCase(),
            value: row.line + 1,
            title,
          })
        : describeSchemaError(error, spec.title).message.replace(
            new RegExp(`valid ${escapeRegExp(column)}\\b`),
            `valid ${title}`,
          );
    return [makeFinding(rule, severity, message, range, { subject: { kind: 'table', id: `${spec.id}.${column}` } })];
  });
}

function coerce(text: string, type: string | undefined): unknown {
  const plain = text.replace(/`/g, '').trim();
  switch (type) {
    case 'number':
      return parseNumber(plain) ?? plain;
    case 'percent':
      return parseRate(plain, true) ?? plain;
    default:
      return type === 'date' ? plain : plain.toLowerCase() === plain ? plain : enumFriendly(plain);
  }
}

/** Enum cells compare case-insensitively: "Autonomous" means autonomous. */
function enumFriendly(text: string): string {
  return /^[A-Za-z-]+$/.test(text) ? text.toLowerCase() : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
