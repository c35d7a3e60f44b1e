import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, completionsAt, hoverAt } from '../../server/src/engine';
import { EXAMPLES_DIR, FIXTURE_DIR, FIXTURE_TODAY, loadFixture } from '../helpers/fixtures';

const complete = fs.readFileSync(path.join(EXAMPLES_DIR, 'complete.agentdoc.md'), 'utf8');

function at(text: string, needle: string, offset = 0) {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, needle);
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('tool permissions in the editor: hovers and completion', () => {
  it('a Tools row hovers with its permission facts and the injection chain, naming the three tools and the mitigation', () => {
    const result = analyze(complete, { today: FIXTURE_TODAY });
    const hover = hoverAt(result, at(complete, '| draft_supplier_email | Exchange', 4));
    assert.ok(hover);
    assert.match(
      hover.markdown,
      /\*\*Tool `draft_supplier_email`\*\* — kind mcp via MCP server `graph-mail` · access write · approval human/,
    );
    assert.match(
      hover.markdown,
      /"get_invoice" returns untrusted content, "get_invoice", "match_po", "get_supplier" read private data and "draft_supplier_email" can send data out/,
    );
    assert.match(hover.markdown, /Mitigated by every outbound tool \(`draft_supplier_email`\) needs human approval/);
  });

  it('says when the chain is not mitigated', () => {
    const fixture = loadFixture(path.join(FIXTURE_DIR, 'rules', 'lethal-trifecta.agentdoc.md'));
    const hover = hoverAt(analyze(fixture.text, { today: FIXTURE_TODAY }), at(fixture.text, '| read_inbox', 3));
    assert.match(hover?.markdown ?? '', /No mitigation is documented \(AD405\)/);
  });

  it('an MCP servers row hovers with its transport, version and the tools through it', () => {
    const hover = hoverAt(analyze(complete, { today: FIXTURE_TODAY }), at(complete, '| graph-mail | @acme', 3));
    assert.match(
      hover?.markdown ?? '',
      /\*\*MCP server `graph-mail`\*\* — stdio · version @acme-finance\/graph-mail-mcp@0\.9\.3/,
    );
    assert.match(hover?.markdown ?? '', /`draft_supplier_email`/);
  });

  it('completes Approval values, MCP server names and exposure flags in Tools cells', () => {
    const model = analyze(complete, { today: FIXTURE_TODAY }).model!;
    const row =
      '| route_to_queue | ServiceNow AP case management (REST) | read-write | creates or updates a case and assigns a queue | OAuth2, integration user svc_ap_triage | 300 req/min | invoice data, supplier contact | retry with idempotency key, then alert on-call | mcp | ';
    const serverCell = at(complete, row, row.length);
    assert.deepEqual(
      completionsAt(model, serverCell).map((option) => option.label),
      ['sap-fi', 'servicenow', 'graph-mail'],
    );
    const approvalCell = at(complete, `${row}servicenow | `, row.length + 'servicenow | '.length);
    assert.deepEqual(
      completionsAt(model, approvalCell).map((option) => option.label),
      ['none', 'human', 'policy'],
    );
    const exposureCell = at(complete, `${row}servicenow | policy | `, row.length + 'servicenow | policy | '.length);
    assert.ok(completionsAt(model, exposureCell).some((option) => option.label === 'untrusted-content'));
  });
});

describe('AD400 on a Tools table without an Approval column', () => {
  const withoutApproval = (rows: string[]) =>
    complete.replace(
      /\| Tool \| System \| Access [^\n]*\n\|[-|]+\n(\|[^\n]*\n)+/,
      ['| Tool | System | Access | Side effects | Auth | On failure |', '|---|---|---|---|---|---|', ...rows, ''].join(
        '\n',
      ),
    );

  it('asks once, at the header, with the fix that adds the column', () => {
    const text = withoutApproval([
      '| get_invoice | SAP | read | none | OAuth2 | retry |',
      '| set_block_reason | SAP | write | changes the block reason | OAuth2 | retry |',
    ]);
    const findings = analyze(text, { today: FIXTURE_TODAY }).findings.filter((finding) => finding.code === 'AD400');
    assert.equal(findings.length, 1);
    assert.equal(
      findings[0]!.range.start.line,
      at(text, '| Tool | System | Access | Side effects | Auth | On failure |').line,
    );
    assert.match(findings[0]!.message, /who approves tool "set_block_reason" \(write access\)/);
    assert.match(findings[0]!.fixes?.[0]?.title ?? '', /Add the "Approval" column/);
  });

  it('names a few of thousands of tools and counts the rest', () => {
    const rows = Array.from({ length: 3000 }, (_, index) => `| tool_${index} | Sys | write | changes | key | retry |`);
    const findings = analyze(withoutApproval(rows), { today: FIXTURE_TODAY }).findings.filter(
      (finding) => finding.code === 'AD400',
    );
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /\("tool_0", "tool_1", "tool_2", "tool_3", "tool_4" and 2995 more\)/);
    assert.ok(findings[0]!.message.length < 400);
  });
});
