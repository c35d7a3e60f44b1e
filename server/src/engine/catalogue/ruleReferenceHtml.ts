import MarkdownIt from 'markdown-it';
import { renderRulesDoc } from './rulesDoc';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const RULE_HEADING = /^(AD\d{3}) /;

/**
 * The rule reference as HTML for the editor's read-only view: the same text as docs/rules.md,
 * each rule's heading carrying its code as id so the view can open at it. Raw HTML is off, so
 * only Markdown from the catalogue reaches the page; links to the other docs go to the project.
 */
export function renderRuleReferenceHtml(docsBaseUrl: string): string {
  const markdown = new MarkdownIt({ html: false, linkify: false });
  markdown.core.ruler.push('agentdoc-rule-anchors', (state) => {
    state.tokens.forEach((token, index) => {
      if (token.type === 'heading_open') anchorRuleHeading(token, state.tokens[index + 1]);
      for (const child of token.children ?? []) if (child.type === 'link_open') absoluteDocsLink(child, docsBaseUrl);
    });
  });
  const text = renderRulesDoc()
    .split('\n')
    .filter((line) => !/^<a id="ad\d{3}"><\/a>$/.test(line) && !line.startsWith('<!--'))
    .join('\n');
  return markdown.render(text);
}

function anchorRuleHeading(heading: Token, inline: Token | undefined): void {
  const code = inline && RULE_HEADING.exec(inline.content)?.[1];
  if (code) heading.attrSet('id', code.toLowerCase());
}

/** "format.md#stages" → the project's copy; in-page "#ad101" links stay as they are. */
function absoluteDocsLink(link: Token, docsBaseUrl: string): void {
  const href = String(link.attrGet('href') ?? '');
  if (/^[a-z][a-z0-9+.-]*:|^#/i.test(href)) return;
  link.attrSet('href', `${docsBaseUrl.replace(/\/?$/, '/')}${href}`);
}
