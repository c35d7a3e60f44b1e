import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { agentIdentity, checkWorkspace, type AgentIdentity } from '../../server/src/engine/workspace/crossDocument';

function identities(documents: Array<{ uri: string; text: string }>): AgentIdentity[] {
  return documents.flatMap(({ uri, text }) => {
    const model = analyze(text).model;
    return model ? [agentIdentity(uri, model)] : [];
  });
}

function doc(id: string, extra = ''): string {
  return `---\nid: ${id}\nname: Agent ${id}\nstage: pilot\nowner:\n  name: Jane Doe\nrisk:\n  personal_data: false\n  customer_facing: false\n${extra}---\n# Agent ${id}\n`;
}

describe('workspace checks (AD38x)', () => {
  it('reports a duplicate agent id on every document that uses it, at the id value', () => {
    const results = checkWorkspace(
      identities([
        { uri: 'file:///ws/a.agentdoc.md', text: doc('invoice-triage') },
        { uri: 'file:///ws/b.agentdoc.md', text: doc('invoice-triage') },
        { uri: 'file:///ws/c.agentdoc.md', text: doc('ticket-router') },
      ]),
    );
    const a = results.get('file:///ws/a.agentdoc.md') ?? [];
    assert.equal(a.length, 1);
    assert.equal(a[0]?.code, 'AD380');
    assert.match(a[0]?.message ?? '', /also used by b\.agentdoc\.md/);
    assert.deepEqual(a[0]?.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 18 } });
    assert.equal(results.get('file:///ws/b.agentdoc.md')?.[0]?.code, 'AD380');
    assert.deepEqual(results.get('file:///ws/c.agentdoc.md'), []);
  });

  it('places AD380 on the id even when another line of the front matter is broken YAML', () => {
    const broken = doc('invoice-triage').replace('name: Agent invoice-triage', "name: 'Dana's agent'");
    const results = checkWorkspace(
      identities([
        { uri: 'file:///ws/a.agentdoc.md', text: broken },
        { uri: 'file:///ws/b.agentdoc.md', text: doc('invoice-triage') },
      ]),
    );
    assert.deepEqual(results.get('file:///ws/a.agentdoc.md')?.[0]?.range, {
      start: { line: 1, character: 4 },
      end: { line: 1, character: 18 },
    });
  });

  it('reports depends_on ids that no agent has, each at its own list item', () => {
    const text = doc('ticket-router', 'depends_on: [invoice-triage, kb-search]\n');
    const results = checkWorkspace(
      identities([
        { uri: 'file:///ws/r.agentdoc.md', text },
        { uri: 'file:///ws/i.agentdoc.md', text: doc('invoice-triage') },
      ]),
    );
    const findings = results.get('file:///ws/r.agentdoc.md') ?? [];
    assert.deepEqual(
      findings.map((finding) => finding.code),
      ['AD381'],
    );
    const line = text.split('\n').findIndex((candidate) => candidate.startsWith('depends_on'));
    const column = text.split('\n')[line]?.indexOf('kb-search') ?? -1;
    assert.deepEqual(findings[0]?.range, {
      start: { line, character: column },
      end: { line, character: column + 'kb-search'.length },
    });
    assert.match(findings[0]?.message ?? '', /"kb-search".*known: invoice-triage/);
  });

  it('is silent for a single clean document and for documents without an id', () => {
    const results = checkWorkspace(
      identities([
        { uri: 'untitled:1', text: doc('solo') },
        { uri: 'untitled:2', text: '# No front matter\n' },
      ]),
    );
    assert.deepEqual([...results.values()].flat(), []);
  });
});
