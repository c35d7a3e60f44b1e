import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { analyze, bundledSchemas, renderRuleReferenceHtml, ruleCatalogue } from '../../server/src/engine';
import { toDiagnostic, useRuleLinkBase } from '../../server/src/lsp/convert';
import { describeSource, sourceLabels, sourcesMarkdown } from '../../server/src/engine/catalogue/sources';
import { renderSourcesDoc } from '../../server/src/engine/catalogue/sourcesDoc';
import { REPO_ROOT } from '../helpers/fixtures';

const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', file), 'utf8'));

/** Every citation the shipped data and rules make. */
function allCitations(): string[] {
  return [
    ...ruleCatalogue.flatMap((rule) => rule.sources),
    ...bundledSchemas.gates.gates.flatMap((gate) => gate.items.flatMap((item) => item.sources)),
    ...bundledSchemas.sections.sections.flatMap((section) => section.guidance.sources),
  ];
}

describe('the source catalogue', () => {
  it('schemas/sources.json is valid against its meta-schema (ajv strict mode)', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    const validate = ajv.compile(read('meta/sources.schema.json') as object);
    assert.ok(validate(read('sources.json')), ajv.errorsText(validate.errors));
  });

  it('resolves every citation in the rules, gates and sections to a catalogued document', () => {
    const unresolved = [...new Set(allCitations())].filter((citation) => !describeSource(citation).document);
    assert.deepEqual(unresolved, []);
  });

  it('never shows an internal id as a label', () => {
    for (const citation of new Set(allCitations())) {
      const { label } = describeSource(citation);
      assert.doesNotMatch(label, /seed:|^[a-z-]+$/, `${citation} is shown as "${label}"`);
    }
    assert.deepEqual(sourceLabels(['seed:000', 'GDPR Art. 35(7)', 'seed:000']), [
      'Hand-off article',
      'GDPR Art. 35(7)',
    ]);
  });

  it('links a regulation article to that article on EUR-Lex, and an annex to that annex', () => {
    assert.equal(describeSource('GDPR Art. 35(7)').url, 'https://eur-lex.europa.eu/eli/reg/2016/679/oj#art_35');
    assert.equal(describeSource('EU AI Act Art. 9(8)').url, 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj#art_9');
    assert.equal(describeSource('EU AI Act Annex IV').url, 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj#anx_IV');
    assert.equal(describeSource('OWASP LLM06').url, 'https://genai.owasp.org/llm-top-10/');
    assert.equal(describeSource('seed:003').url, undefined);
    assert.equal(describeSource('seed:003').title, 'Why Most Pilots Never Make It to Production');
  });

  it('keeps an unknown citation as written, so custom gates still read well', () => {
    assert.deepEqual(describeSource('IEC 61508-3 cl. 7'), {
      label: 'IEC 61508-3 cl. 7',
      title: 'IEC 61508-3 cl. 7',
    });
  });

  it('writes Markdown links with the document title, each source once', () => {
    assert.equal(
      sourcesMarkdown(['GDPR Art. 35(7)', 'seed:001', 'seed:001']),
      '[GDPR Art. 35(7)](<https://eur-lex.europa.eu/eli/reg/2016/679/oj#art_35> "Regulation (EU) 2016/679, the General Data Protection Regulation (GDPR)"), Pilot-stall article',
    );
  });

  it('docs/sources.md is generated from it (regenerate with npm run docs:rules)', () => {
    const file = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'sources.md'), 'utf8').replace(/\r\n/g, '\n');
    assert.ok(file === renderSourcesDoc(), 'docs/sources.md is stale: run npm run docs:rules and commit the result');
    for (const title of ['From Pilot to Production: Scaling Your AI Agent Program', 'Regulation (EU) 2024/1689'])
      assert.ok(file.includes(title), title);
  });
});

describe('the rule reference view', () => {
  const html = renderRuleReferenceHtml('https://example.test/docs/');

  it('gives every rule heading its code as id, so a diagnostic link can open at it', () => {
    for (const rule of ruleCatalogue)
      assert.ok(html.includes(`<h3 id="${rule.code.toLowerCase()}">${rule.code} `), `${rule.code} has no anchor`);
  });

  it('carries no raw HTML and sends links to the other docs to the project, in-page links stay', () => {
    assert.doesNotMatch(html, /&lt;a id=|<!--|<script/);
    assert.match(html, /href="https:\/\/example\.test\/docs\/format\.md#stages-gates-and-severity"/);
    assert.match(html, /href="https:\/\/example\.test\/docs\/sources\.md#hand-off-article"/);
    assert.match(html, /href="#ad101"/);
    assert.match(html, /href="https:\/\/eur-lex\.europa\.eu\/eli\/reg\/2016\/679\/oj#art_35"/);
  });
});

describe('diagnostic code links', () => {
  afterEach(() => useRuleLinkBase('vscode://agentdoc.agentdoc/rule/'));

  it('use the client’s URI handler when it asks for it, and ignore any other base', () => {
    const finding = analyze('# not an agent doc\n', { today: '2026-11-30' }).findings[0];
    assert.ok(finding);
    useRuleLinkBase('vscode-insiders://agentdoc.agentdoc/rule/');
    assert.equal(
      toDiagnostic(finding).codeDescription?.href,
      `vscode-insiders://agentdoc.agentdoc/rule/${finding.code}`,
    );
    useRuleLinkBase('https://evil.example/rule/');
    assert.equal(
      toDiagnostic(finding).codeDescription?.href,
      `vscode-insiders://agentdoc.agentdoc/rule/${finding.code}`,
    );
  });
});
