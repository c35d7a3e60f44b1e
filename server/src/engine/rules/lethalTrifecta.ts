import { msg } from '../l10n';
import type { DocumentModel } from '../model/documentModel';
import type { RelatedFinding } from '../types';
import { makeFinding, type Rule } from './rule';
import { fm, severityFrom } from './support';
import { documentedTools, type DocumentedTool } from './toolFacts';

export interface Trifecta {
  untrusted: DocumentedTool[];
  privateData: DocumentedTool[];
  outbound: DocumentedTool[];
  /** The outbound tools a person does not approve: the way out that stays open. */
  open: DocumentedTool[];
}

/** The three legs from the Tools table's Exposure column; undefined when one is missing. */
export function trifectaOf(model: DocumentModel): Trifecta | undefined {
  const tools = documentedTools(model).filter((tool) => !tool.template);
  const untrusted = tools.filter((tool) => tool.exposure.has('untrusted-content'));
  const privateData = tools.filter((tool) => tool.exposure.has('private-data'));
  const outbound = tools.filter((tool) => tool.exposure.has('outbound') || tool.exposure.has('sends-messages'));
  if (!untrusted.length || !privateData.length || !outbound.length) return undefined;
  return { untrusted, privateData, outbound, open: outbound.filter((tool) => tool.approval !== 'human') };
}

/** "get_ticket reads untrusted content, get_customer reads private data and send_email can send it out". */
export function describeChain(chain: Trifecta, out: DocumentedTool): string {
  const names = (tools: DocumentedTool[]) => tools.map((tool) => `"${tool.id}"`).join(', ');
  const untrusted =
    chain.untrusted.length > 1
      ? msg('lethalTrifecta.returnUntrustedMany', '{tools} return untrusted content', { tools: names(chain.untrusted) })
      : msg('lethalTrifecta.returnUntrusted', '{tools} returns untrusted content', { tools: names(chain.untrusted) });
  const privateData =
    chain.privateData.length > 1
      ? msg('lethalTrifecta.readPrivateMany', '{tools} read private data', { tools: names(chain.privateData) })
      : msg('lethalTrifecta.readPrivate', '{tools} reads private data', { tools: names(chain.privateData) });
  return msg('lethalTrifecta.chain', '{untrusted}, {privateData} and "{out}" can send data out', {
    untrusted,
    privateData,
    out: out.id,
  });
}

export const lethalTrifecta: Rule = {
  code: 'AD405',
  name: 'lethal-trifecta',
  description:
    'An agent whose tools together return untrusted content, read private data and can send data out (Exposure column) has a documented mitigation: human approval on every outbound tool, or prompt_injection.mitigations (egress-allowlist, context-separation).',
  rationale:
    'Untrusted content can carry instructions; the model cannot reliably tell them from yours. With private data in reach and a way to send it out, one poisoned web page, e-mail or ticket is enough to exfiltrate data (prompt injection, agent goal hijack). Prompt wording does not close this; approval, egress control or separated contexts do.',
  sources: ['OWASP LLM01', 'OWASP LLM06', 'OWASP ASI01:2026', 'OWASP ASI02:2026', 'seed:004'],
  howToFix:
    'Require human approval on the outbound tool (Approval: human), restrict where it can send (prompt_injection.mitigations: [egress-allowlist]) or handle the untrusted content in a context without private data or outbound tools ([context-separation]), and say in prompt_injection.notes where it is enforced.',
  defaultSeverity: 'stage',
  check(context) {
    const severity = severityFrom(context, context.model.schemas.policy.lethalTrifectaFromStage ?? 'canary');
    if (!severity) return [];
    const chain = trifectaOf(context.model);
    if (!chain || chain.open.length === 0) return [];
    const mitigations = fm(context, 'prompt_injection.mitigations');
    if (
      Array.isArray(mitigations) &&
      mitigations.some((entry) => entry === 'egress-allowlist' || entry === 'context-separation')
    )
      return [];
    return chain.open.map((out) => {
      const related: RelatedFinding[] = [...chain.untrusted, ...chain.privateData]
        .filter((tool) => tool !== out)
        .map((tool) => ({
          message: msg('lethalTrifecta.toolExposure', '"{tool}": {exposure}', {
            tool: tool.id,
            exposure: [...tool.exposure].join(', '),
          }),
          range: tool.row.cell('tool')?.range ?? tool.row.anchor,
        }));
      return makeFinding(
        this,
        severity,
        msg(
          'lethalTrifecta.promptInjectionExposureNo',
          'Prompt-injection exposure: {value}, with no documented mitigation. Require human approval on "{outId}", or document an egress allow-list or separated contexts in prompt_injection.mitigations.',
          { value: describeChain(chain, out), outId: out.id },
        ),
        out.row.cell('exposure')?.range ?? out.row.cell('tool')?.range ?? out.row.anchor,
        { subject: { kind: 'table', id: `tools.${out.id}` }, related },
      );
    });
  },
};
