import { Writable } from 'node:stream';
import { format } from 'node:util';
import type { Connection } from 'vscode-languageserver/node';

const HEADER_END = '\r\n\r\n';

/**
 * Standard output that sends each LSP message in one write. The protocol library writes a
 * message's header and its body separately, awaiting the first; on a pipe that is two system
 * calls and two wake-ups of the client per message, for the header's 20-odd bytes. Here the
 * header is held (and acknowledged at once) until its body arrives. Anything that is not a lone
 * header passes straight through, so nothing is ever held back but a header.
 */
export class OneWritePerMessage extends Writable {
  private header: Buffer | undefined;

  constructor(private readonly out: NodeJS.WritableStream) {
    super({ decodeStrings: true });
    out.on('error', (error: Error) => this.destroy(error));
    out.on('close', () => this.destroy());
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (!this.header && isHeader(chunk)) {
      this.header = chunk;
      done();
      return;
    }
    const data = this.header ? Buffer.concat([this.header, chunk]) : chunk;
    this.header = undefined;
    this.out.write(data, (error) => done(error ?? null));
  }

  override _final(done: (error?: Error | null) => void): void {
    if (!this.header) return done();
    const header = this.header;
    this.header = undefined;
    this.out.write(header, (error) => done(error ?? null));
  }
}

function isHeader(chunk: Buffer): boolean {
  return (
    chunk.length < 256 &&
    chunk.toString('latin1', 0, 15) === 'Content-Length:' &&
    chunk.toString('latin1', chunk.length - HEADER_END.length) === HEADER_END
  );
}

/**
 * What vscode-languageserver does for --stdio when it picks the streams itself: console output
 * would corrupt the protocol on stdout, so it goes to the client's log instead.
 */
export function consoleToClient(connection: Connection): void {
  const log = (...args: unknown[]) => connection.console.log(format(...args));
  console.log = log;
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.debug = log;
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}
