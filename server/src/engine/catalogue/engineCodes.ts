import type { RuleInfo } from '../rules/rule';

/** Codes the engine reports itself, around the rules: a rule that failed, input it did not check. */
export const internalError: RuleInfo = {
  code: 'AD900',
  name: 'internal-error',
  description: 'A rule failed on this document; the other rules ran normally.',
  rationale: 'One broken check must not hide the findings of the others or stop the editor.',
  howToFix: 'Report the problem with the document that triggered it; other rules ran normally.',
  sources: [],
  defaultSeverity: 'error',
};

export const documentTooLarge: RuleInfo = {
  code: 'AD901',
  name: 'document-too-large',
  description: 'The document is above the size limit and was not checked.',
  rationale:
    'Very large files would slow the editor down for every keystroke; agent documentation is never that large.',
  howToFix: 'Split the document, or raise the agentdoc.maxDocumentBytes setting.',
  sources: [],
  defaultSeverity: 'warning',
};

export const notText: RuleInfo = {
  code: 'AD902',
  name: 'not-text',
  description: 'The file holds binary data (NUL bytes or undecodable characters) and was not checked.',
  rationale: 'A binary file named like an agent document is not documentation; checking it would only produce noise.',
  howToFix: 'Check only text files; remove or rename the binary file.',
  sources: [],
  defaultSeverity: 'warning',
};

export const fileUnreadable: RuleInfo = {
  code: 'AD903',
  name: 'file-unreadable',
  description: 'The file could not be read (permissions, a special file, a link) and was not checked.',
  rationale:
    'One unreadable file must not stop the check of the others, and must not pass silently as if it were clean.',
  howToFix:
    'Make the file a readable regular file inside the repository, or exclude it (files.exclude in .agentdoc.yaml).',
  sources: [],
  defaultSeverity: 'error',
};

export const notUtf8: RuleInfo = {
  code: 'AD904',
  name: 'not-utf8',
  description: 'The text holds characters that could not be decoded (shown as \uFFFD): the file is not saved as UTF-8.',
  rationale:
    'A name like "María López" read from a Latin-1 file becomes "Mar\uFFFDa L\uFFFDpez": the owner, the signers and every quoted value in reports and exports would be wrong without anyone noticing.',
  howToFix:
    'Save the file as UTF-8 (in VS Code: "Reopen with Encoding" with the encoding it was written in, then "Save with Encoding", UTF-8).',
  sources: [],
  defaultSeverity: 'warning',
};

/** A problem in .agentdoc.yaml, shown on the config file itself. */
export const configInvalid: RuleInfo = {
  code: 'AD004',
  name: 'config-invalid',
  description: 'The workspace configuration (.agentdoc.yaml, .yml or .json) is valid.',
  rationale:
    'A configuration that cannot be read is never half-applied or silently ignored: the checks would no longer be the ones the team agreed on.',
  howToFix: 'Correct the configuration at the reported line; docs/cli.md describes every key.',
  sources: [],
  defaultSeverity: 'error',
};

export const engineCodes: readonly RuleInfo[] = [
  configInvalid,
  internalError,
  documentTooLarge,
  notText,
  fileUnreadable,
  notUtf8,
];
