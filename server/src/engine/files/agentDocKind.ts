/**
 * Which files are agent documents: the one answer the CLI, the language server and the VS Code
 * client share.
 *
 * A file named *.agentdoc.md is one. Any other Markdown file is one when its front matter declares
 * `agentdoc: <version>`: that keeps the *.agent.md files of the first release working, and lets
 * VS Code's and GitHub Copilot's own *.agent.md chat-agent files be. Files in the folders where
 * those tools keep their chat agents, chat modes and prompts are never agent documents.
 */
export const AGENT_DOC_SUFFIX = '.agentdoc.md';
/** The first release's suffix, which VS Code 1.139 also uses for its chat-agent files. */
export const LEGACY_SUFFIX = '.agent.md';
/** The names a workspace walk reads to look for agent documents, unless a config says otherwise. */
export const DEFAULT_INCLUDE = ['**/*.agentdoc.md', '**/*.agent.md'];

const CHAT_FOLDER = /(^|\/)\.github\/(agents|chatmodes|prompts)\//i;
const FENCE = /^---[ \t]*\r?$/;
const MARKER = /^agentdoc[ \t]*:[ \t]*\S/;
/** The marker must be in the front matter, which never runs this long in a real document. */
const MAX_SCAN_LINES = 500;

/** A path in a folder of VS Code's or Copilot's own chat files. */
export function isChatToolFile(path: string): boolean {
  return CHAT_FOLDER.test(path.replace(/\\/g, '/'));
}

/** Whether a file may be an agent document by its name alone (the text decides for *.agent.md). */
export function mayBeAgentDoc(path: string): boolean {
  if (isChatToolFile(path)) return false;
  return /\.md$/i.test(path);
}

/** Whether the name alone makes it an agent document. */
export function hasAgentDocSuffix(path: string): boolean {
  return path.toLowerCase().endsWith(AGENT_DOC_SUFFIX) && !isChatToolFile(path);
}

export function hasLegacySuffix(path: string): boolean {
  return path.toLowerCase().endsWith(LEGACY_SUFFIX);
}

/** Whether the text's front matter declares `agentdoc:`. Reads at most the first few hundred lines. */
export function declaresAgentdoc(text: string): boolean {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  let inFrontMatter = false;
  while (start <= text.length && line < MAX_SCAN_LINES) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const current = text.slice(start, end);
    if (line === 0) {
      if (!FENCE.test(current)) return false;
      inFrontMatter = true;
    } else if (inFrontMatter) {
      if (FENCE.test(current) || /^\.\.\.[ \t]*\r?$/.test(current)) return false;
      if (MARKER.test(current)) return true;
    }
    if (newline < 0) return false;
    start = newline + 1;
    line++;
  }
  return false;
}

/** The one test: is this file, with this text, an agent document? */
export function isAgentDoc(path: string, text: string): boolean {
  if (!mayBeAgentDoc(path)) return false;
  return hasAgentDocSuffix(path) || declaresAgentdoc(text);
}

/** The name an agent document should have: *.agent.md becomes *.agentdoc.md; undefined when it is fine. */
export function preferredName(path: string): string | undefined {
  return hasLegacySuffix(path) ? `${path.slice(0, -LEGACY_SUFFIX.length)}${AGENT_DOC_SUFFIX}` : undefined;
}
