import type { AnalysisResult, DocumentCheck, Finding } from '../engine';

/**
 * The server's view of every agent document: the open ones from the editor's text (full analysis,
 * for features), the others from disk (compact: findings, verdict and identity only), and the
 * cross-document findings over all of them. An open document speaks for itself; its disk entry
 * speaks again when it closes.
 */
export class DocumentStore {
  private readonly open = new Map<string, { version: number; check: DocumentCheck }>();
  private readonly disk = new Map<string, DocumentCheck>();
  private workspace = new Map<string, Finding[]>();
  private identities = new Map<string, string>();
  /** Documents set, replaced or dropped since the last refreshWorkspace: only their identity can have changed. */
  private readonly dirty = new Set<string>();
  /** Counts the changes on disk the server was told of: a read from disk is dated by it. */
  private diskClock = 0;
  /** Per document, when its file (or a file its check reads) last changed on disk. */
  private readonly diskChangedAt = new Map<string, number>();

  constructor(
    private readonly finish: (check: DocumentCheck, workspace: ReadonlyMap<string, Finding[]>) => AnalysisResult,
  ) {}

  setOpen(uri: string, version: number, check: DocumentCheck): void {
    this.open.set(uri, { version, check });
    this.dirty.add(uri);
  }

  openVersion(uri: string): number | undefined {
    return this.open.get(uri)?.version;
  }

  closeOpen(uri: string): void {
    this.open.delete(uri);
    this.dirty.add(uri);
  }

  /** When a read from disk begins: pass it to setDisk with the check made from what was read. */
  diskReadStarts(): number {
    return this.diskClock;
  }

  /**
   * A document's file, or a file its check reads (an agent file), changed on disk: checks whose
   * reads began before now are out of date and will be dropped when they arrive. Returns when the
   * read that checks it again begins (now).
   */
  diskChanged(uri: string): number {
    this.diskChangedAt.set(uri, ++this.diskClock);
    return this.diskClock;
  }

  /**
   * Stores (or, undefined, drops) a document's entry from disk, unless the read it was made from
   * began before the document last changed on disk (see diskChanged): that result is older than
   * what the read that followed the change will bring (an indexing worker's, or a slow re-check's,
   * arriving late). Returns whether it was stored.
   */
  setDisk(uri: string, check: DocumentCheck | undefined, readStart: number): boolean {
    if ((this.diskChangedAt.get(uri) ?? 0) > readStart) return false;
    if (check) this.disk.set(uri, check);
    else this.disk.delete(uri);
    this.dirty.add(uri);
    return true;
  }

  clearDisk(): string[] {
    const uris = [...this.disk.keys()];
    this.disk.clear();
    for (const uri of uris) this.dirty.add(uri);
    return uris;
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /** Every agent document the server knows, open or on disk, sorted. */
  uris(): string[] {
    return [...new Set([...this.disk.keys(), ...this.open.keys()])].sort();
  }

  diskUris(): string[] {
    return [...this.disk.keys()];
  }

  check(uri: string): DocumentCheck | undefined {
    return this.open.get(uri)?.check ?? this.disk.get(uri);
  }

  /** The final result: own findings, cross-document findings, overrides, verdict. */
  result(uri: string): AnalysisResult | undefined {
    const check = this.check(uri);
    return check && this.finish(check, this.workspace);
  }

  /** A check made outside the store (a full re-read), finished with the current cross-document findings. */
  finishWith(check: DocumentCheck): AnalysisResult {
    return this.finish(check, this.workspace);
  }

  /**
   * Re-runs the cross-document checks when an id, depends_on (or where they are), stage or type changed
   * (most keystrokes touch neither). Returns the URIs whose cross-document findings changed.
   */
  refreshWorkspace(crossCheck: (checks: DocumentCheck[]) => Map<string, Finding[]>, force = false): string[] {
    // Only the documents set since the last call are looked at: a keystroke costs one identity,
    // not one per indexed document.
    let same = !force;
    for (const uri of this.dirty) {
      const check = this.check(uri);
      const key = check && identityKey(check);
      if (key === undefined) {
        if (this.identities.delete(uri)) same = false;
      } else if (this.identities.get(uri) !== key) {
        this.identities.set(uri, key);
        same = false;
      }
    }
    this.dirty.clear();
    if (same) return [];
    const byUri = new Map(
      this.uris().flatMap((uri) => {
        const check = this.check(uri);
        return check ? [[uri, check] as const] : [];
      }),
    );
    const next = crossCheck([...byUri.values()]);
    const changed = [...byUri]
      .filter(
        ([, check]) =>
          JSON.stringify(this.workspace.get(check.path) ?? []) !== JSON.stringify(next.get(check.path) ?? []),
      )
      .map(([uri]) => uri);
    this.workspace = next;
    return changed;
  }
}

/**
 * What the cross-document checks read of a document. Ranges too: the cross-document findings sit
 * on the id and the depends_on entries, and must move with them when lines are added above.
 */
function identityKey(check: DocumentCheck): string {
  return JSON.stringify([
    check.identity?.id ?? null,
    check.identity?.idRange ?? null,
    check.identity?.dependsOn ?? null,
    // Stage and type decide the orchestration check (AD440).
    check.identity?.type ?? null,
    check.identity?.stage?.id ?? null,
  ]);
}
