import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { EXAMPLES_DIR } from '../helpers/fixtures';

/** The shipped examples, the seeds every mutation starts from. */
export const EXAMPLES: readonly { name: string; text: string }[] = fs
  .readdirSync(EXAMPLES_DIR)
  .filter((file) => file.endsWith('.agentdoc.md'))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(EXAMPLES_DIR, name), 'utf8') }));

const exampleLines = EXAMPLES.flatMap((example) => example.text.split('\n'));

/** Runs and seeds: `npm test` uses the defaults, `npm run fuzz` raises the runs through the environment. */
export function fuzzRuns(variable: string, fallback: number): number {
  const value = Number(process.env[variable]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
export const FUZZ_SEED = fuzzRuns('AGENTDOC_FUZZ_SEED', 20261123);

/** Characters and snippets that mean something to YAML, Markdown or line handling. */
const SIGNIFICANT = [
  '|',
  '#',
  '-',
  ':',
  '`',
  '[',
  ']',
  '{',
  '}',
  '>',
  '*',
  '_',
  '\t',
  ' ',
  '"',
  "'",
  '&',
  '!',
  '?',
  '\\',
  '%',
  '@',
  '\n',
  '\r\n',
  '\r',
  '---\n',
  '...\n',
  '## ',
  '### ',
  '- ',
  '1. ',
  '> ',
  '| a | b |\n',
  '|---|---|\n',
  '```\n',
  '~~~',
  '<!--',
  '-->',
  '<div>',
  '\uFEFF',
  '\u0000',
  '\u2028',
  '\u00A0',
  '\u200B',
  'TODO',
  'stage: production\n',
  '  key: value\n',
  '*anchor',
  '&anchor ',
  '!!str ',
];

/** A piece of text to insert: structure, full Unicode (pairs), lone surrogates, example lines. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...SIGNIFICANT), maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.constantFrom('😀', '𝔸', '🎫', '👩‍💻', 'é', 'Ω') },
  { weight: 2, arbitrary: fc.nat().map((at) => `${exampleLines[at % exampleLines.length] ?? ''}\n`) },
);

export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'duplicateLine'; a: number }
  | { kind: 'lineEndings'; style: 'crlf' | 'cr' | 'lf' | 'mixed'; salt: number }
  | { kind: 'bom' }
  | { kind: 'nul'; at: number };

const position = fc.nat({ max: 1_000_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, text: fragment }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: position,
      length: fc.oneof(fc.nat(8), fc.nat(400)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: position, b: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), a: position }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('lineEndings' as const),
      style: fc.constantFrom('crlf' as const, 'cr' as const, 'lf' as const, 'mixed' as const),
      salt: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
  // Rare: a NUL in the first 8,000 characters makes the whole document "not text".
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nul' as const), at: position }) },
);

export function applyMutation(text: string, change: Mutation): string {
  const at = (value: number) => value % (text.length + 1);
  switch (change.kind) {
    case 'insert':
      return text.slice(0, at(change.at)) + change.text + text.slice(at(change.at));
    case 'delete':
      return text.slice(0, at(change.at)) + text.slice(at(change.at) + change.length);
    case 'truncate':
      return text.slice(0, at(change.at));
    case 'nul':
      return `${text.slice(0, at(change.at))}\u0000${text.slice(at(change.at))}`;
    case 'bom':
      return `\uFEFF${text}`;
    case 'swapLines':
    case 'duplicateLine': {
      const lines = text.split('\n');
      const a = change.a % lines.length;
      const b = change.kind === 'swapLines' ? change.b % lines.length : a;
      const [first, second] = [lines[a] ?? '', lines[b] ?? ''];
      if (change.kind === 'duplicateLine') lines.splice(a, 0, first);
      else [lines[a], lines[b]] = [second, first];
      return lines.join('\n');
    }
    case 'lineEndings': {
      const breaks = { crlf: ['\r\n'], cr: ['\r'], lf: ['\n'], mixed: ['\n', '\r\n', '\r'] }[change.style];
      let count = change.salt;
      return text.replace(/\r\n|\r|\n/g, () => breaks[count++ % breaks.length] ?? '\n');
    }
  }
}

export interface MutatedDocument {
  example: string;
  mutations: Mutation[];
  text: string;
}

/** An example with one to six mutations applied in turn. */
export const mutatedDocument: fc.Arbitrary<MutatedDocument> = fc
  .tuple(fc.nat(EXAMPLES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([which, mutations]) => {
    const example = EXAMPLES[which] ?? EXAMPLES[0]!;
    return { example: example.name, mutations, text: mutations.reduce(applyMutation, example.text) };
  });
