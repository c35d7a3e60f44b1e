import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../engine';

/**
 * The latest analysis per open document and version, so diagnostics, code actions, hovers and
 * code lenses for one version share one analysis instead of each re-parsing the text.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; result: AnalysisResult }>();

  constructor(private readonly analyze: (uri: string, text: string) => AnalysisResult) {}

  get(document: TextDocument): AnalysisResult {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.result;
    const result = this.analyze(document.uri, document.getText());
    this.entries.set(document.uri, { version: document.version, result });
    return result;
  }

  clear(): void {
    this.entries.clear();
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
