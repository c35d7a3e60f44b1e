import { bundledSchemas } from '../schemaData/bundled';
import { ruleCatalogue } from './index';
import { describeSource, sourceDocuments, type SourceDocument } from './sources';

/** Who cites what: rule codes, gate items and sections, by the citation as written. */
function citations(): Map<string, string[]> {
  const citedBy = new Map<string, string[]>();
  const add = (citation: string, by: string): void => {
    const list = citedBy.get(citation) ?? [];
    if (!list.includes(by)) list.push(by);
    citedBy.set(citation, list);
  };
  for (const rule of ruleCatalogue)
    for (const source of rule.sources) add(source, `[${rule.code}](rules.md#${rule.code.toLowerCase()})`);
  for (const gate of bundledSchemas.gates.gates)
    for (const item of gate.items) for (const source of item.sources) add(source, `gate item \`${item.id}\``);
  for (const section of bundledSchemas.sections.sections)
    for (const source of section.guidance.sources) add(source, `section “${section.title}”`);
  return citedBy;
}

const KIND_HEADING: Record<SourceDocument['kind'], string> = {
  article: 'Articles the product is built on',
  regulation: 'Regulations',
  guidance: 'Regulators’ guidance',
  standard: 'Standards',
};

/** docs/sources.md, generated from schemas/sources.json and what the rules and data cite. */
export function renderSourcesDoc(): string {
  const citedBy = citations();
  const out: string[] = [
    '# Sources',
    '',
    '<!-- Generated from schemas/sources.json by `npm run docs:rules` (server/src/engine/catalogue/sourcesDoc.ts). Do not edit by hand: a unit test fails when this file and the data disagree. -->',
    '',
    'What agentdoc’s rules, readiness gates and section guidance rest on. Hovers, reports and SARIF name these sources by the labels below; regulation articles link to the official text on EUR-Lex.',
  ];
  for (const kind of Object.keys(KIND_HEADING) as Array<SourceDocument['kind']>) {
    const documents = sourceDocuments.filter((document) => document.kind === kind);
    if (!documents.length) continue;
    out.push('', `## ${KIND_HEADING[kind]}`);
    for (const document of documents) out.push(...documentEntry(document, citedBy));
  }
  out.push('');
  return out.join('\n');
}

function documentEntry(document: SourceDocument, citedBy: Map<string, string[]>): string[] {
  const out = [
    '',
    `### ${document.short}`,
    '',
    document.url ? `[${document.title}](${document.url})` : `*${document.title}*`,
  ];
  if (document.about) out.push('', document.about);
  const parts = [...citedBy.keys()]
    .filter((citation) => citation === document.id || describeSource(citation).document === document)
    .sort(byArticle);
  if (!parts.length) return out;
  out.push('', '| Cited as | Cited by |', '|---|---|');
  for (const citation of parts) {
    const source = describeSource(citation);
    const label = source.url && citation !== document.id ? `[${source.label}](${source.url})` : source.label;
    out.push(`| ${label} | ${(citedBy.get(citation) ?? []).join(', ')} |`);
  }
  return out;
}

/** Art. 9 before Art. 12: citations sort by the numbers in them, not as text. */
function byArticle(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
