import { declaredAgentFiles } from '../agentFiles/declared';
import { fmList, fmString, sectionMarkdown, tableMarkdown, type ExportSource } from './documentFacts';

export interface AnnexIvExport {
  text: string;
  gaps: string[];
}

/** One Annex IV heading: what the regulation asks (our words) and what the document gives. */
interface Heading {
  number: string;
  title: string;
  parts: Array<string | undefined>;
  /** Said when every part is missing. */
  gap: string;
}

/**
 * The technical documentation of EU AI Act Annex IV (Regulation (EU) 2024/1689, Art. 11(1)) filled
 * from the agent document: every heading, with what the document says under it and, where it says
 * nothing, the gap. The document's own text is quoted as written; nothing is invented.
 */
export function annexIv(source: ExportSource): AnnexIvExport {
  const { model } = source;
  const s = (id: string) => sectionMarkdown(model, id, 1);
  const fact = (label: string, path: string) => {
    const value = fmString(source, path);
    return value ? `- ${label}: ${value}` : undefined;
  };
  const list = (label: string, path: string) => {
    const values = fmList(source, path);
    return values.length ? `- ${label}: ${values.join(', ')}` : undefined;
  };
  const join = (...lines: Array<string | undefined>) => {
    const present = lines.filter((line): line is string => Boolean(line));
    return present.length ? present.join('\n') : undefined;
  };
  const files = declaredAgentFiles(model).map(
    (file) => `- \`${file.path}\`${file.sha256 ? ` (sha256 ${file.sha256} at the last evaluation)` : ''}`,
  );
  const headings: Heading[] = [
    {
      number: '1(a)',
      title: 'Intended purpose, provider and version',
      parts: [
        join(
          fact('Name', 'name'),
          fact('Identifier', 'id'),
          fact('Version', 'version'),
          fact('Built by', 'builder'),
          fact('Production owner', 'owner.name'),
          fact('Lifecycle stage', 'stage'),
        ),
        s('purpose'),
      ],
      gap: "the intended purpose (Purpose & scope), the provider's name and the version",
    },
    {
      number: '1(b)',
      title: 'Interaction with other hardware, software and AI systems',
      parts: [
        list('Systems', 'systems'),
        list('Other agents it depends on', 'depends_on'),
        tableMarkdown(model, 'tools', 'tools'),
        tableMarkdown(model, 'tools', 'servers'),
      ],
      gap: 'the systems and tools the agent uses (Tools & integrations, systems, depends_on)',
    },
    {
      number: '1(c)',
      title: 'Versions of relevant software and update requirements',
      parts: [
        join(
          fact('Model provider', 'model.provider'),
          fact('Model', 'model.name'),
          fact('Model pinning', 'model.pinning'),
          fact('Provider retirement date', 'model.retires_on'),
          fact('Fallback model', 'model.fallback'),
          fact('Prompt version', 'model.prompt_version'),
        ),
        files.length ? `Files that define the agent:\n\n${files.join('\n')}` : undefined,
      ],
      gap: 'the model, prompt version and the files that define the agent (model, agent_files)',
    },
    {
      number: '1(d)',
      title: 'Forms in which the system is placed on the market or put into service',
      parts: [fact('A2A interface', 'a2a.url')],
      gap: 'how the system is made available (service, API, embedded); not in the document',
    },
    {
      number: '1(e)',
      title: 'Hardware on which the system is intended to run',
      parts: [fact('Model served by', 'model.provider')],
      gap: 'the hardware or platform the system runs on',
    },
    {
      number: '1(f)',
      title: 'Photographs or illustrations of products the system is a component of',
      parts: [],
      gap: 'only where the system is a component of a product (Annex I); not in the document',
    },
    {
      number: '1(g)',
      title: 'User interface provided to the deployer',
      parts: [s('userGuide')],
      gap: 'the user interface (User guide)',
    },
    {
      number: '1(h)',
      title: 'Instructions for use for the deployer',
      parts: [s('userGuide'), s('limitations')],
      gap: 'instructions for use (User guide, Known limitations)',
    },
    {
      number: '2(a)',
      title: 'Methods and steps of development, pre-trained systems and third-party tools',
      parts: [
        join(fact('Pre-trained model used', 'model.name'), fact('From', 'model.provider')),
        tableMarkdown(model, 'tools', 'servers'),
      ],
      gap: 'the pre-trained model and third-party tools used',
    },
    {
      number: '2(b)',
      title: 'Design specifications: general logic, key design choices and their rationale',
      parts: [s('prompt'), s('decisions')],
      gap: 'the prompt with the reasons for each part, and the decision architecture',
    },
    {
      number: '2(c)',
      title: 'System architecture and computational resources',
      parts: [tableMarkdown(model, 'tools', 'tools')],
      gap: 'the architecture (how components feed each other) and the computational resources',
    },
    {
      number: '2(d)',
      title: 'Data requirements',
      parts: [
        join(
          list('Personal data categories', 'risk.data_categories'),
          fact('Lawful basis', 'compliance.lawful_basis'),
          fact('Retention', 'compliance.retention'),
        ),
        s('evaluation'),
      ],
      gap: 'the data the system processes and the evaluation data (Art. 10)',
    },
    {
      number: '2(e)',
      title: 'Assessment of the human oversight measures (Art. 14)',
      parts: [fact('Human oversight', 'compliance.human_oversight'), tableMarkdown(model, 'decisions', 'decisions')],
      gap: 'the human oversight measures (compliance.human_oversight, Decision architecture)',
    },
    {
      number: '2(f)',
      title: 'Pre-determined changes to the system and its performance',
      parts: [s('rollout')],
      gap: 'the changes planned in advance (Rollout, change management)',
    },
    {
      number: '2(g)',
      title: 'Validation and testing: data, metrics, logs and reports',
      parts: [s('evaluation'), tableMarkdown(model, 'readiness', 'review')],
      gap: 'the validation and testing (Evaluation, Readiness review with evidence)',
    },
    {
      number: '2(h)',
      title: 'Cybersecurity measures',
      parts: [
        join(
          list('Prompt-injection mitigations', 'prompt_injection.mitigations'),
          fact('Where they are enforced', 'prompt_injection.notes'),
        ),
        tableMarkdown(model, 'failures', 'failures'),
      ],
      gap: 'the cybersecurity measures (prompt_injection, tool permissions, failure modes)',
    },
    {
      number: '3',
      title:
        'Monitoring, functioning and control: capabilities, limitations, foreseeable unintended outcomes, oversight, input data',
      parts: [
        s('limitations'),
        tableMarkdown(model, 'failures', 'failures'),
        fact('Human oversight', 'compliance.human_oversight'),
      ],
      gap: 'limitations, failure modes and oversight',
    },
    {
      number: '4',
      title: 'Appropriateness of the performance metrics',
      parts: [tableMarkdown(model, 'purpose', 'kpis'), tableMarkdown(model, 'evaluation', 'evalset')],
      gap: 'the success metrics and quality bars, and why they fit',
    },
    {
      number: '5',
      title: 'Risk management system (Art. 9)',
      parts: [
        join(
          fact('EU AI Act class', 'risk.eu_ai_act.class'),
          fact('Rationale', 'risk.eu_ai_act.rationale'),
          fact('Annex III area', 'risk.eu_ai_act.annex_iii_area'),
        ),
        tableMarkdown(model, 'failures', 'failures'),
        tableMarkdown(model, 'readiness', 'review'),
      ],
      gap: 'the risk management (classification, failure modes, gated review)',
    },
    {
      number: '6',
      title: 'Relevant changes made through the lifecycle',
      parts: [
        join(fact('Model last changed', 'model.changed_on'), fact('Prompt last changed', 'model.prompt_changed_on')),
        tableMarkdown(model, 'prompt', 'changes'),
      ],
      gap: 'the change log (Prompt section) and change dates',
    },
    {
      number: '7',
      title: 'Harmonised standards applied, or the solutions adopted to meet Chapter III, Section 2',
      parts: [],
      gap: 'the harmonised standards or other specifications applied; not in the document',
    },
    {
      number: '8',
      title: 'Copy of the EU declaration of conformity (Art. 47)',
      parts: [],
      gap: 'the EU declaration of conformity; not in the document',
    },
    {
      number: '9',
      title: 'Post-market monitoring system and plan (Art. 72)',
      parts: [s('operations'), s('cadence'), s('runbook')],
      gap: 'post-market monitoring (Operations, Operating cadence, Runbook)',
    },
  ];
  const gaps: string[] = [];
  const name = fmString(source, 'name') ?? source.result.facts.name ?? 'Agent';
  const riskClass = fmString(source, 'risk.eu_ai_act.class');
  const out = [
    `# Technical documentation (EU AI Act Annex IV): ${name}`,
    '',
    `Generated by agentdoc from \`${source.fileName}\` on ${source.date}. Each heading follows Annex IV of Regulation (EU) 2024/1689 (Art. 11(1)); the text under it is the agent document's, quoted as written. Headings the document cannot fill are listed as gaps at the end.`,
    '',
    riskClass === 'high'
      ? '> The document classifies this agent as high-risk: this technical documentation is required before it is placed on the market or put into service (Art. 11).'
      : `> The document classifies this agent as ${riskClass ?? 'not yet classified'}. Annex IV is required for high-risk systems only; this export can still serve as the technical file.`,
  ];
  let section = '';
  for (const heading of headings) {
    const top = heading.number.replace(/\(.*$/, '');
    if (top !== section) {
      section = top;
      out.push('', `## ${top}. ${TOP_TITLES[top] ?? ''}`.trimEnd());
    }
    const parts = [...new Set(heading.parts.filter((part): part is string => Boolean(part)))];
    out.push('', `### ${heading.number} ${heading.title}`, '');
    if (parts.length === 0) {
      gaps.push(`${heading.number} ${heading.title}: ${heading.gap}`);
      out.push(`**Gap:** ${heading.gap}.`);
    } else out.push(parts.join('\n\n'));
  }
  out.push('', '## Gaps', '');
  out.push(...(gaps.length ? gaps.map((gap) => `- ${gap}`) : ['None: every heading has content from the document.']));
  out.push('');
  return { text: out.join('\n'), gaps };
}

const TOP_TITLES: Record<string, string> = {
  '1': 'General description of the AI system',
  '2': 'Elements of the AI system and its development',
  '3': 'Monitoring, functioning and control',
  '4': 'Performance metrics',
  '5': 'Risk management system',
  '6': 'Changes through the lifecycle',
  '7': 'Standards applied',
  '8': 'EU declaration of conformity',
  '9': 'Post-market monitoring',
};
