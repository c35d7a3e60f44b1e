import type { AnalysisResult } from '../engine';

/** File access the index needs; injected so tests can use an in-memory workspace. */
export interface WorkspaceFiles {
  /** Absolute URIs of the agent docs under a folder URI. */
  list(folderUri: string): Promise<string[]>;
  read(uri: string): Promise<string>;
}

export interface IndexProgress {
  report(done: number, total: number): void;
  isCancelled(): boolean;
}

/**
 * Every agent doc in the workspace folders, read from disk and analysed, so unopened files get
 * diagnostics and the portfolio covers the whole repository. Open documents are owned by the
 * editor's text; the index keeps the on-disk version for when they close.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, AnalysisResult>();

  constructor(
    private readonly files: WorkspaceFiles,
    private readonly analyze: (uri: string, text: string) => AnalysisResult,
  ) {}

  async indexFolders(
    folderUris: readonly string[],
    progress: IndexProgress,
    onFile: (uri: string, result: AnalysisResult) => void,
  ): Promise<number> {
    const uris = (await Promise.all(folderUris.map((folder) => this.files.list(folder).catch(() => [] as string[]))))
      .flat()
      .sort();
    let done = 0;
    for (const uri of uris) {
      if (progress.isCancelled()) break;
      const result = await this.refresh(uri);
      if (result) onFile(uri, result);
      done++;
      progress.report(done, uris.length);
      // Yield between files so requests for open documents are answered while a big workspace indexes.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return done;
  }

  async refresh(uri: string): Promise<AnalysisResult | undefined> {
    let text: string;
    try {
      text = await this.files.read(uri);
    } catch {
      this.entries.delete(uri);
      return undefined;
    }
    const result = this.analyze(uri, text);
    this.entries.set(uri, result);
    return result;
  }

  remove(uri: string): void {
    this.entries.delete(uri);
  }

  get(uri: string): AnalysisResult | undefined {
    return this.entries.get(uri);
  }

  all(): [string, AnalysisResult][] {
    return [...this.entries.entries()];
  }

  clear(): void {
    this.entries.clear();
  }
}
