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
 * The rule reference shipped with the extension (docs/rules.md), so the link in each diagnostic
 * works offline and matches the installed version. Each entry point says where it is: next to
 * dist/ on Node, the extension's own URI in the web worker. Without one, diagnostics carry no link.
 */
let rulesReference: string | undefined;

export function setRulesReference(url: string | undefined): void {
  rulesReference = url;
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
    ...(rulesReference ? { codeDescription: { href: `${rulesReference}#${finding.code.toLowerCase()}` } } : {}),
    source: 'agentdoc',
    message: finding.message,
    data,
  };
}
