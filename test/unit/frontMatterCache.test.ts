import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFrontMatter, readFrontMatter, type FrontMatter } from '../../server/src/engine/model/frontMatter';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { generateAgentDoc } from '../helpers/agentDocGenerator';
import { applyMutation, mutation } from '../robustness/mutations';

/** What a front matter result says, without the yaml Document object (compared as its text). */
function view(frontMatter: FrontMatter | undefined) {
  if (!frontMatter) return undefined;
  const { document, ...rest } = frontMatter;
  // yaml's error objects carry the stack of the call that parsed: compared by what they say.
  const plain = JSON.parse(
    JSON.stringify(rest, (_key, value: unknown) =>
      value instanceof Error ? { ...value, name: value.name, message: value.message, stack: undefined } : value,
    ),
  ) as unknown;
  return { plain, document: document?.toString() };
}

/** The front matter parse is cached by its text: a cached result must equal a fresh parse. */
describe('front matter parse cache', () => {
  const base = generateAgentDoc({ lines: 400, seed: 3 });

  it('gives what a fresh parse gives after every edit of a random sequence', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (changes) => {
        let text = base;
        for (const change of changes) {
          text = applyMutation(text, change);
          const index = new LineIndex(text);
          assert.deepEqual(view(parseFrontMatter(index)), view(readFrontMatter(new LineIndex(text))));
          // Twice: the second answer comes from the cache.
          assert.deepEqual(view(parseFrontMatter(new LineIndex(text))), view(readFrontMatter(index)));
        }
      }),
      { seed: 20261130, numRuns: 60 },
    );
  });

  it('parses again when the front matter changes, and not when only the body does', () => {
    const first = parseFrontMatter(new LineIndex(base));
    const bodyEdited = parseFrontMatter(new LineIndex(`${base}\nOne more line.\n`));
    assert.equal(bodyEdited, first, 'a body edit reuses the parse');
    const stageEdited = parseFrontMatter(new LineIndex(base.replace(/^stage: .*$/m, 'stage: canary')));
    assert.notEqual(stageEdited, first);
    assert.equal((stageEdited?.data as Record<string, unknown>)['stage'], 'canary');
    const shallow = parseFrontMatter(new LineIndex(base), 1);
    assert.notEqual(shallow, first, 'another depth limit is another parse');
  });
});
