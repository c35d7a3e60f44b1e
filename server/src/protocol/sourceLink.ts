/** A citation as a reader sees it: "GDPR Art. 35(7)" with the document's title and, where public, a link. */
export interface SourceLink {
  label: string;
  title: string;
  url?: string;
}

/** One Markdown form for hovers, tooltips and the rule reference, so they cannot drift apart. */
export function sourceLinkMarkdown(source: SourceLink): string {
  const label = source.label.replace(/[[\]\\`*_<>]/g, '\\$&');
  if (!source.url) return label;
  return source.title
    ? `[${label}](<${source.url}> "${source.title.replace(/"/g, "'")}")`
    : `[${label}](<${source.url}>)`;
}
