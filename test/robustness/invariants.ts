import type { Finding, Position, Range } from '../../server/src/engine';

/**
 * Checks, independently of the engine's own LineIndex, that findings are well-formed LSP data for
 * this text: every range inside the document, start ≤ end, never between the two halves of a
 * surrogate pair, no internal-error finding. Returns the problems found (empty when all hold).
 */
export function invariantViolations(text: string, findings: readonly Finding[]): string[] {
  // LSP line breaks: \r\n, \n or a lone \r.
  const lines = text.split(/\r\n|\r|\n/);
  const problems: string[] = [];
  const checkPosition = (what: string, position: Position): void => {
    if (
      !Number.isInteger(position.line) ||
      !Number.isInteger(position.character) ||
      position.line < 0 ||
      position.character < 0
    ) {
      problems.push(`${what} ${JSON.stringify(position)} is not a valid position`);
      return;
    }
    if (position.line >= lines.length) {
      problems.push(`${what} line ${position.line} is past the last line (${lines.length} lines)`);
      return;
    }
    const lineText = lines[position.line] ?? '';
    if (position.character > lineText.length) {
      problems.push(
        `${what} ${position.line}:${position.character} is past the end of its line (length ${lineText.length})`,
      );
      return;
    }
    const high = lineText.charCodeAt(position.character - 1);
    const low = lineText.charCodeAt(position.character);
    if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff)
      problems.push(`${what} ${position.line}:${position.character} splits a surrogate pair`);
  };
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const checkRange = (what: string, range: Range): void => {
    checkPosition(`${what} start`, range.start);
    checkPosition(`${what} end`, range.end);
    if (before(range.end, range.start)) problems.push(`${what} ends before it starts: ${JSON.stringify(range)}`);
  };
  for (const finding of findings) {
    const what = `${finding.code} "${finding.message.slice(0, 80)}"`;
    if (finding.code === 'AD900') problems.push(`internal error: ${finding.message}`);
    checkRange(what, finding.range);
    for (const fix of finding.fixes ?? [])
      for (const insertion of fix.insertions) checkPosition(`${what} fix "${fix.title}" insertion`, insertion.position);
  }
  return problems;
}

/** Wall-clock and CPU milliseconds of a call; CPU time is what other processes' load does not inflate. */
export function timed<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: Number(process.hrtime.bigint() - wall) / 1e6, cpuMs: (used.user + used.system) / 1000 };
}

/** A short, printable excerpt of a failing input for an assertion message. */
export function excerpt(text: string, max = 400): string {
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max / 2)}…${text.slice(-max / 2)}` : text);
  return `${shown} (${text.length} chars)`;
}
