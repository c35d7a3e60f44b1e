import sourceData from '../../../../schemas/sources.json';
import { sourceLinkMarkdown, type SourceLink } from '../../protocol/sourceLink';

export interface SourceDocument {
  id: string;
  prefix?: string;
  title: string;
  short: string;
  kind: 'article' | 'regulation' | 'guidance' | 'standard';
  about?: string;
  url?: string;
  articleUrl?: string;
  annexUrl?: string;
}

/** A citation as a reader sees it: what it is called, what it belongs to, and where to read it. */
export interface SourceReference {
  /** As written in lists: "GDPR Art. 35(7)", "Hand-off article". Never an internal id. */
  label: string;
  /** The full title of the document the citation belongs to. */
  title: string;
  url?: string;
  /** The catalogue entry, when the citation resolves; custom gates may cite something else. */
  document?: SourceDocument;
}

// schemas/meta/sources.schema.json validates the file in a unit test; that is what makes this cast safe.
export const sourceDocuments: readonly SourceDocument[] = (sourceData as { documents: SourceDocument[] }).documents;

const byId = new Map(sourceDocuments.map((document) => [document.id, document]));
// Longest prefix first, so a longer prefix is never shadowed by a shorter one.
const byPrefix = sourceDocuments
  .filter((document) => document.prefix)
  .sort((a, b) => (b.prefix?.length ?? 0) - (a.prefix?.length ?? 0));

/** What a rule, gate item or section cites, by the id the data writes (seed:000, GDPR Art. 35(7)). */
export function describeSource(citation: string): SourceReference {
  const whole = byId.get(citation);
  if (whole) return { label: whole.short, title: whole.title, document: whole, ...link(whole.url) };
  const document = byPrefix.find((candidate) => citation.startsWith(candidate.prefix ?? '\0'));
  if (!document) return { label: citation, title: citation };
  return { label: citation, title: document.title, document, ...link(partUrl(document, citation)) };
}

/** The readable labels of several citations, in order, without repeats. */
export function sourceLabels(citations: readonly string[]): string[] {
  return [...new Set(citations.map((citation) => describeSource(citation).label))];
}

/** Citations for a client to show: label, title and link, each source once. */
export function sourceLinks(citations: readonly string[]): SourceLink[] {
  const seen = new Set<string>();
  return citations
    .map((citation) => describeSource(citation))
    .filter((source) => !seen.has(source.label) && Boolean(seen.add(source.label)))
    .map(({ label, title, url }) => ({ label, title, ...link(url) }));
}

/** Citations as Markdown: each label a link where the text is public. */
export function sourcesMarkdown(citations: readonly string[]): string {
  return sourceLinks(citations).map(sourceLinkMarkdown).join(', ');
}

function partUrl(document: SourceDocument, citation: string): string | undefined {
  const article = /\bArt\. (\d+)/.exec(citation)?.[1];
  if (article && document.articleUrl) return document.articleUrl.replace('{article}', article);
  const annex = /\bAnnex ([IVXLC]+)\b/.exec(citation)?.[1];
  if (annex && document.annexUrl) return document.annexUrl.replace('{annex}', annex);
  return document.url;
}

function link(url: string | undefined): { url?: string } {
  return url ? { url } : {};
}
