import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parseBlocks } from '../../server/src/engine/model/blocks';
import { readTable } from '../../server/src/engine/model/tables';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { FIXTURE_DIR } from '../helpers/fixtures';

/** The cells of every table in a text, as agentdoc's model reads them. */
function modelCells(markdown: string): string[][][] {
  const index = new LineIndex(markdown);
  return parseBlocks(markdown, 0)
    .filter((block) => block.kind === 'table')
    .map((block) => {
      const table = readTable(index, block.startLine, block.endLine);
      return [table.header, ...table.rows].map((row) => row.cells.map((cell) => cell.text));
    });
}

const stock = new MarkdownIt('commonmark').enable('table');

/** The same from stock markdown-it's tokens: the inline content of each th/td. */
function markdownItCells(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let row: string[] | undefined;
  for (const token of stock.parse(markdown, {})) {
    if (token.type === 'table_open') tables.push([]);
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) {
      tables[tables.length - 1]!.push(row);
      row = undefined;
    } else if (token.type === 'inline' && row && tables.length) row.push(token.content);
  }
  return tables;
}

interface SpecExample {
  number: number;
  markdown: string;
  html: string;
}

function specExamples(): SpecExample[] {
  const text = fs.readFileSync(path.join(FIXTURE_DIR, 'gfm', 'table-examples.txt'), 'utf8');
  return text
    .split(/^<!-- example (\d+) -->\n/m)
    .slice(1)
    .reduce<SpecExample[]>((examples, part, index, parts) => {
      if (index % 2 === 1) return examples;
      const [markdown = '', html = ''] = (parts[index + 1] ?? '').split(/^\.\n/m);
      examples.push({ number: Number(part), markdown, html });
      return examples;
    }, []);
}

/** The rendered cells of the spec's expected HTML. */
function htmlCells(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1] ?? ''),
    ),
  );
}

describe('tables are read as GitHub renders them (GFM spec, section Tables)', () => {
  const examples = specExamples();
  it('has the eight table examples of the spec', () => assert.equal(examples.length, 8));
  for (const example of examples) {
    it(`spec example ${example.number}`, () => {
      const rendered = modelCells(example.markdown).map((table) =>
        table.map((row) => row.map((cell) => stock.renderInline(cell))),
      );
      assert.deepEqual(rendered, htmlCells(example.html));
    });
  }

  it('a pipe in a code span splits the cell, an escaped one does not (as on GitHub)', () => {
    const cells = modelCells('| Tool | Note |\n|---|---|\n| `a|b` | x \\| y |\n')[0];
    assert.deepEqual(cells?.[1], ['`a', 'b`']);
    assert.deepEqual(modelCells('| Tool | Note |\n|---|---|\n| `a\\|b` | x \\| y |\n')[0]?.[1], ['`a|b`', 'x | y']);
  });

  it('gives the same cells as markdown-it for generated tables (differential)', function () {
    this.timeout(120000);
    const cell = fc.stringMatching(/^[a-z `\\|*_]{0,8}$/);
    const row = (width: number) => fc.array(cell, { minLength: 0, maxLength: width + 2 });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.tuple(
              fc.array(fc.stringMatching(/^[a-z]{1,5}$/), { minLength: width, maxLength: width }),
              fc.array(row(width), { maxLength: 5 }),
              fc.boolean(),
            ),
          ),
        ([header, rows, outerPipes]) => {
          const line = (cells: string[]): string => (outerPipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
          const markdown = [
            line(header),
            line(header.map(() => '---')),
            ...rows.map((cells) => line(cells).replace(/^\s*$/, 'x')),
          ].join('\n');
          assert.deepEqual(modelCells(markdown), markdownItCells(markdown), markdown);
        },
      ),
      { numRuns: 500, seed: 20261130 },
    );
  });
});
