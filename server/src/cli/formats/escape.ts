import { escapeControls, escapeMarkdown, safeJson } from '../../engine';

/**
 * The one place output formats escape what comes from a repository (file names, messages quoting
 * the document, verdict phrases from a config). Each format calls one of these on every such field:
 * - `plain` for line-based text (text, github): control characters and line breaks become visible
 *   escapes, so a value can never start a line of its own or drive the terminal;
 * - `markdown` for Markdown (also drops @mentions, pipes and raw HTML);
 * - `json` for JSON and SARIF: valid JSON, with the controls JSON leaves raw escaped too;
 * - `workflowData` / `workflowProperty` for GitHub workflow commands (their own escapes, then `plain`).
 */
export const plain = escapeControls;
export const markdown = escapeMarkdown;
export const json = safeJson;

/**
 * Workflow-command message escaping, as in @actions/core: %, CR and LF (GitHub shows them as line
 * breaks inside the annotation; they never start a line of the log), then the other controls.
 */
export function workflowData(value: string): string {
  return plain(value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Property values additionally escape the separators ":" and ",". */
export function workflowProperty(value: string): string {
  return workflowData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
