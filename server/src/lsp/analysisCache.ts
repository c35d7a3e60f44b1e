import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisResult, type AnalyzeOptions } from '../engine';

/**
 * The latest analysis per open document and version, so diagnostics, code actions, hovers and
 * code lenses for one version share one analysis instead of each re-parsing the text.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; result: AnalysisResult }>();

  get(document: TextDocument, options: AnalyzeOptions = {}): AnalysisResult {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.result;
    const result = analyze(document.getText(), options);
    this.entries.set(document.uri, { version: document.version, result });
    return result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
