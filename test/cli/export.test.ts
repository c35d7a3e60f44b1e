import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT, FIXTURE_TODAY } from '../helpers/fixtures';
import { removeTree, runCli, tempTree } from '../helpers/cli';

const VENDOR = path.join(REPO_ROOT, 'schemas', 'vendor');
const GOLDEN = path.join(REPO_ROOT, 'test', 'golden');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

/** The vendored schemas, loaded here independently of the engine's own validation. */
function agentCardValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const bundle = readJson(path.join(VENDOR, 'a2a', 'agent-card.v1.0.0.excerpt.json')) as {
    definitions: Record<string, object>;
  };
  for (const [title, definition] of Object.entries(bundle.definitions))
    ajv.addSchema({
      ...definition,
      $id:
        title === 'Struct'
          ? 'google.protobuf.Struct.jsonschema.json'
          : `lf.a2a.v1.${title.replace(/ /g, '')}.jsonschema.json`,
    });
  return ajv.getSchema('lf.a2a.v1.AgentCard.jsonschema.json')!;
}

function componentValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const name of ['common', 'Entity', 'EntityMeta', 'Component.v1alpha1'])
    ajv.addSchema(readJson(path.join(VENDOR, 'backstage', `${name}.schema.json`)));
  return ajv.getSchema('ComponentV1alpha1')!;
}

describe('agentdoc export (golden files in test/golden/export-*)', () => {
  it('the A2A Agent Card validates against the published A2A 1.0 schema and has what the specification requires', () => {
    const card = readJson(path.join(GOLDEN, 'export-agent-card.json'));
    const validate = agentCardValidator();
    assert.ok(validate(card), JSON.stringify(validate.errors));
    for (const field of [
      'name',
      'description',
      'supportedInterfaces',
      'version',
      'capabilities',
      'defaultInputModes',
      'defaultOutputModes',
      'skills',
    ])
      assert.ok(card[field] !== undefined && card[field] !== '', field);
    assert.deepEqual(card['supportedInterfaces'], [
      {
        url: 'https://agents.example.com/finance/ap-invoice-triage/a2a',
        protocolBinding: 'JSONRPC',
        protocolVersion: '1.0',
      },
    ]);
    // An invalid card is refused by the same validator, so the test can fail.
    assert.ok(!validate({ ...card, url: 'https://old-0.3-field.example' }));
  });

  it("every catalog-info.yaml entity validates against Backstage's Component schema", () => {
    const documents = parseAllDocuments(fs.readFileSync(path.join(GOLDEN, 'export-catalog-info.yaml'), 'utf8'));
    const validate = componentValidator();
    assert.equal(documents.length, 4, 'one entity per example document');
    for (const document of documents) {
      const entity = document.toJS() as { metadata: { name: string }; spec: { owner: string; type: string } };
      assert.ok(validate(entity), `${entity.metadata.name}: ${JSON.stringify(validate.errors)}`);
      assert.match(entity.metadata.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.equal(entity.spec.type, 'ai-agent');
    }
  });

  it('the Annex IV documentation has every Annex IV heading and lists the gaps', () => {
    const text = fs.readFileSync(path.join(GOLDEN, 'export-annex-iv.md'), 'utf8');
    for (const heading of [
      '1(a)',
      '1(b)',
      '1(c)',
      '1(d)',
      '1(e)',
      '1(f)',
      '1(g)',
      '1(h)',
      '2(a)',
      '2(b)',
      '2(c)',
      '2(d)',
      '2(e)',
      '2(f)',
      '2(g)',
      '2(h)',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ])
      assert.match(text, new RegExp(`^### ${heading.replace(/[()]/g, '\\$&')} `, 'm'), heading);
    const gaps = text.slice(text.indexOf('\n## Gaps\n'));
    assert.match(gaps, /- 8 Copy of the EU declaration of conformity/);
    assert.match(text, /\| get_invoice \| SAP S\/4HANA FI-AP/, 'tables are quoted as written');
  });

  it('reports gaps on stderr, writes one file per document with --output-dir, and exits 1 when an export does not validate', () => {
    const pilot = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'pilot.agentdoc.md'), 'utf8');
    const files = {
      'a.agentdoc.md': pilot,
      'b.agentdoc.md': fs.readFileSync(path.join(REPO_ROOT, 'examples', 'broken.agentdoc.md'), 'utf8'),
      'bad.agentdoc.md': pilot.replace(/^id: .*$/m, `id: ${'x'.repeat(70)}`),
      'escape.agentdoc.md': pilot.replace(/^id: .*$/m, 'id: "../../etc/passwd"'),
      'twin.agentdoc.md': pilot,
    };
    const root = tempTree(files);
    try {
      const many = runCli(['export', '--format', 'a2a', '.', '--today', FIXTURE_TODAY], { cwd: root });
      assert.equal(many.code, 2);
      assert.match(many.stderr, /--output-dir/);
      const written = runCli(
        [
          'export',
          '--format',
          'a2a',
          'a.agentdoc.md',
          'b.agentdoc.md',
          '--output-dir',
          'out',
          '--today',
          FIXTURE_TODAY,
        ],
        { cwd: root },
      );
      assert.equal(written.code, 0, written.stderr);
      assert.match(written.stderr, /gap: supportedInterfaces: a2a\.url/);
      assert.deepEqual(fs.readdirSync(path.join(root, 'out')).sort(), [
        'support-reply-drafter.agent-card.json',
        'ticket-classifier.agent-card.json',
      ]);
      // The id is the document's own text: it never names a file outside --output-dir, and two
      // documents with one id are both written.
      const hostile = runCli(
        [
          'export',
          '--format',
          'a2a',
          'escape.agentdoc.md',
          'twin.agentdoc.md',
          'a.agentdoc.md',
          '--output-dir',
          'safe',
        ],
        { cwd: root },
      );
      assert.deepEqual(fs.readdirSync(path.join(root, 'safe')).sort(), [
        'etc-passwd.agent-card.json',
        'support-reply-drafter-2.agent-card.json',
        'support-reply-drafter.agent-card.json',
      ]);
      assert.deepEqual(fs.readdirSync(root).sort(), [...Object.keys(files), 'out', 'safe'].sort());
      assert.match(hostile.stderr, /twin\.agentdoc\.md: written as support-reply-drafter-2\.agent-card\.json/);
      const bad = runCli(['export', '--format', 'backstage', 'bad.agentdoc.md', '--today', FIXTURE_TODAY], {
        cwd: root,
      });
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /does not validate: \/metadata\/name/);
      assert.equal(runCli(['export', 'a.agentdoc.md'], { cwd: root }).code, 2, '--format is required');
    } finally {
      removeTree(root);
    }
  });
});
