export {
  buildReport,
  STATUS_LABEL,
  type ReadinessReport,
  type AgentReport,
  type GateReport,
  type ReportItem,
  type StageProgress,
} from './model';
export { renderReportMarkdown, escapeMarkdown, textBar } from './markdown';
export { renderReportHtml, escapeHtml } from './html';
