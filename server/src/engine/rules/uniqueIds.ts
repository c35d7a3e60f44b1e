import { msg } from '../l10n';
import { makeFinding, type Rule } from './rule';
import { atLeastWarning, isNonValue, plainId, rowsOf, sectionSeverity } from './support';

/** Tables whose first column is an id other parts of the document refer to. */
const ID_TABLES = [
  { section: 'tools', table: 'tools', column: 'tool', what: 'tool' },
  { section: 'decisions', table: 'decisions', column: 'decision', what: 'decision' },
  { section: 'failures', table: 'failures', column: 'id', what: 'failure mode' },
  { section: 'operations', table: 'metrics', column: 'metric', what: 'metric' },
  { section: 'operations', table: 'alerts', column: 'alert', what: 'alert' },
] as const;

export const uniqueIds: Rule = {
  code: 'AD319',
  name: 'duplicate-id',
  description: 'Tool, decision, failure-mode, metric and alert ids are unique within the document.',
  rationale:
    'Failure modes name tools, alerts name metrics, the rollback trigger names a metric: with two rows under one id a reference is ambiguous and one of the rows is silently ignored.',
  sources: ['seed:003', 'seed:004'],
  howToFix: 'Rename one of the rows, or merge them into one.',
  defaultSeverity: 'stage',
  check(context) {
    return ID_TABLES.flatMap((spec) => {
      const severity = atLeastWarning(sectionSeverity(context, spec.section));
      const first = new Map<string, number>();
      return rowsOf(context.model, spec.section, spec.table).flatMap((row) => {
        const cell = row.cell(spec.column);
        const id = plainId(row.text(spec.column));
        if (!cell || id === '' || isNonValue(id)) return [];
        const earlier = first.get(id);
        if (earlier === undefined) {
          first.set(id, row.row.line);
          return [];
        }
        return [
          makeFinding(
            this,
            severity,
            msg(
              'uniqueIds.idUsedTwiceFirst',
              'The {what} id "{id}" is used twice (first on line {value}): give each {what} its own id, or merge the rows.',
              { what: spec.what, id, value: earlier + 1 },
            ),
            cell.range,
            {
              subject: { kind: 'table', id: `${spec.table}.${id}` },
            },
          ),
        ];
      });
    });
  },
};
