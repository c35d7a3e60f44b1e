import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../engine';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticData {
  rule: string;
  sources?: string[];
  subject?: Finding['subject'];
}

/**
 * Where a diagnostic's code links. The VS Code client asks for its own URI handler, which opens
 * the rule reference rendered in a read-only view at that rule; other editors get the reference
 * shipped with the extension (docs/rules.md next to dist/, set by server.ts), offline and matching
 * this version. The web worker has no such file: without a client handler, codes carry no link.
 */
let ruleLink: ((code: string) => string) | undefined;

/** The rule reference file (a file: URL) for clients that do not ask for their own handler. */
export function useRuleReferenceFile(url: string): void {
  ruleLink ??= (code) => `${url}#${code.toLowerCase()}`;
}

/** The client's link base, from initializationOptions; anything but our own handler is ignored. */
export function useRuleLinkBase(base: unknown): void {
  if (typeof base !== 'string' || !/^[a-z][a-z0-9+.-]{0,40}:\/\/agentdoc\.agentdoc\/rule\/$/.test(base)) return;
  ruleLink = (code) => `${base}${code}`;
}

/** An engine finding as an LSP diagnostic; the rule name and sources travel in `data`. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    rule: finding.rule,
    ...(finding.sources ? { sources: finding.sources } : {}),
    ...(finding.subject ? { subject: finding.subject } : {}),
  };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    ...(ruleLink ? { codeDescription: { href: ruleLink(finding.code) } } : {}),
    source: 'agentdoc',
    message: finding.message,
    data,
  };
}
