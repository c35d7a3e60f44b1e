import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';

/** Past this many bytes of serialised results, the spool moves to a temporary file. */
export const SPOOL_MEMORY_BYTES = 32 * 1024 * 1024;

/**
 * Results held between the analysis of every file and the output, which must wait for the
 * cross-document checks over all of them. Each entry is stored serialised (v8's structured clone,
 * exact for plain data): in memory up to SPOOL_MEMORY_BYTES, then in a temporary file that only
 * this process can read and that is removed by `close()`. So memory stays flat whether a run
 * checks fifty files or fifty thousand.
 */
export class ResultSpool<T> {
  private readonly inMemory = new Map<number, Uint8Array>();
  private memoryBytes = 0;
  private file: { dir: string; fd: number; size: number } | undefined;
  private readonly onDisk = new Map<number, { offset: number; length: number }>();

  constructor(private readonly memoryLimit = SPOOL_MEMORY_BYTES) {}

  put(index: number, value: T): void {
    this.putSerialized(index, v8.serialize(value));
  }

  /** An entry already serialised with v8.serialize (a worker thread did it). */
  putSerialized(index: number, bytes: Uint8Array): void {
    if (!this.file && this.memoryBytes + bytes.length <= this.memoryLimit) {
      this.inMemory.set(index, bytes);
      this.memoryBytes += bytes.length;
      return;
    }
    if (!this.file) this.spill();
    this.append(index, bytes);
  }

  /** The entry stored under `index`, removed from the spool; undefined when there is none. */
  take(index: number): T | undefined {
    const held = this.inMemory.get(index);
    if (held) {
      this.inMemory.delete(index);
      this.memoryBytes -= held.length;
      return v8.deserialize(held) as T;
    }
    const at = this.onDisk.get(index);
    if (!at || !this.file) return undefined;
    this.onDisk.delete(index);
    const bytes = Buffer.alloc(at.length);
    fs.readSync(this.file.fd, bytes, 0, at.length, at.offset);
    return v8.deserialize(bytes) as T;
  }

  close(): void {
    if (!this.file) return;
    fs.closeSync(this.file.fd);
    fs.rmSync(this.file.dir, { recursive: true, force: true });
    this.file = undefined;
  }

  private spill(): void {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdoc-results-'));
    const fd = fs.openSync(path.join(dir, 'results.bin'), 'wx+', 0o600);
    this.file = { dir, fd, size: 0 };
    for (const [index, bytes] of this.inMemory) this.append(index, bytes);
    this.inMemory.clear();
    this.memoryBytes = 0;
  }

  private append(index: number, bytes: Uint8Array): void {
    const file = this.file!;
    fs.writeSync(file.fd, bytes, 0, bytes.length, file.size);
    this.onDisk.set(index, { offset: file.size, length: bytes.length });
    file.size += bytes.length;
  }
}
