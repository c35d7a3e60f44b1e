import { msg } from '../l10n';
import { tablesOf } from '../model/documentModel';
import { placeholderIn } from '../model/placeholders';
import type { Finding } from '../types';
import { makeFinding, type Rule } from './rule';
import { isNonValue, plainId, rowsOf, sectionSeverity } from './support';

export const alertComplete: Rule = {
  code: 'AD313',
  name: 'alert-incomplete',
  description:
    'Every alert names a metric defined in the Metrics table, a threshold with a number, a severity and a route.',
  rationale:
    'An alert on a metric nobody defined cannot fire, a threshold without a number is a wish, and an alert without a route pages nobody. At full traffic alerts are wired to the on-call rotation.',
  sources: ['seed:003', 'seed:004'],
  howToFix:
    'Use a metric id from the Metrics table in the alert\'s Metric column (or define the metric there), write the threshold as a number ("< 92%"), and name the on-call route.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = sectionSeverity(context, 'operations');
    if (!severity) return [];
    const hasMetricsTable = tablesOf(context.model, 'operations', 'metrics').length > 0;
    const metrics = new Set(rowsOf(context.model, 'operations', 'metrics').map((row) => plainId(row.text('metric'))));
    return rowsOf(context.model, 'operations', 'alerts').flatMap((row) => {
      const alert = plainId(row.text('alert')) || msg('support.onLine', 'on line {line}', { line: row.row.line + 1 });
      const subject = { kind: 'table' as const, id: `alerts.${alert}` };
      const findings: Finding[] = [];
      const said = (column: string) => {
        const cell = row.cell(column);
        return cell && cell.text !== '' && !placeholderIn(context.model, cell.text) ? cell : undefined;
      };
      const metric = said('metric');
      if (metric && !isNonValue(metric.text) && hasMetricsTable && !metrics.has(plainId(metric.text))) {
        const known = [...metrics].filter(Boolean).slice(0, 8).join(', ');
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'alertComplete.alertWatchesWhichNot',
              'Alert {alert} watches "{metricText}", which is not in the Metrics table: define it there{orKnown}.',
              {
                alert,
                metricText: plainId(metric.text),
                orKnown: known ? msg('alertComplete.orUseOneOf', ' or use one of {known}', { known }) : '',
              },
            ),
            metric.range,
            { subject },
          ),
        );
      } else if (metric && isNonValue(metric.text)) {
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'alertComplete.alertNamesNoMetric',
              'Alert {alert} names no metric ("{metricText}"): use a metric id from the Metrics table.',
              { alert, metricText: metric.text },
            ),
            metric.range,
            { subject },
          ),
        );
      }
      const threshold = said('threshold');
      if (threshold && !/\d/.test(threshold.text)) {
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'alertComplete.alertSThresholdNo',
              'Alert {alert}\'s threshold "{thresholdText}" has no number: write the value that fires it, e.g. "< 92%" or "> 5 per hour".',
              { alert, thresholdText: threshold.text },
            ),
            threshold.range,
            { subject },
          ),
        );
      }
      const route = said('route');
      if (route && isNonValue(route.text)) {
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'alertComplete.alertNoRouteName',
              'Alert {alert} has no route ("{routeText}"): name the paging schedule, channel or person it goes to.',
              { alert, routeText: route.text },
            ),
            route.range,
            { subject },
          ),
        );
      }
      const level = said('severity');
      if (level && isNonValue(level.text)) {
        findings.push(
          makeFinding(
            this,
            severity,
            msg(
              'alertComplete.alertNoSeverityUse',
              'Alert {alert} has no severity ("{levelText}"): use critical, high, medium, low or sev1-sev4.',
              { alert, levelText: level.text },
            ),
            level.range,
            { subject },
          ),
        );
      }
      return findings;
    });
  },
};
