/**
 * HTML (or Markdown) → clean Markdown for a Handrail article, through the
 * unified pipeline: rehype-parse → clean and restructure the HTML tree →
 * rehype-remark (hast-util-to-mdast) → remark-gfm + remark-stringify.
 *
 * It runs in two steps so links between articles can be rewritten: first
 * {@link prepareHtml} (or {@link prepareMarkdown}) for every article, which
 * gives each page's new heading ids; then {@link resolveReferences} and
 * {@link toMarkdown} once every page's ids are known.
 */
import type { Element, Root } from 'hast';
import type { Nodes as MdastNodes, Paragraph, PhrasingContent, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { allElements, element, isElement, plainText, rewriteElements, stringProperty, text } from './hast.ts';
import type { CalloutType } from './callouts.ts';
import { cleanHtml } from './html-clean.ts';
import { anchorMap, convertTables, normaliseHeadings } from './html-structure.ts';
import type { FindingKind } from './report.ts';
import { findDeepNesting, MAX_NESTING, type DeepNesting } from '../markdown/nesting.ts';

/** A finding from the conversion, before the caller knows the file it belongs to. */
export interface BodyFinding {
  kind: FindingKind;
  message: string;
  received?: string;
  fix?: string;
  /** Text to look for in the written file, to report its line. */
  near?: string;
}

/** An article body, parsed and cleaned, waiting for its links to be rewritten. */
export interface PreparedBody {
  tree: Root;
  /** Old in-page anchor → new heading id. */
  anchors: Map<string, string>;
  /** The new page's heading ids, in order. */
  headingIds: string[];
  /** The opening text, for a description when the source has none. */
  openingText: string;
  /** Callouts found (they decide between .md and .mdx). */
  callouts: number;
  findings: BodyFinding[];
}

/** Parses and cleans an HTML body. `title` is the article's title (a first heading repeating it is dropped). */
export function prepareHtml(html: string, title: string): PreparedBody {
  const deep = findDeepNesting(html, { markdown: false });
  const tree = unified().use(rehypeParse, { fragment: true }).parse(deep ? flattenHtml(html) : html) as Root;
  return withNestingFinding(prepareTree(tree, title), deep);
}

/**
 * HTML nested too deeply for the unified tools (they recurse, and a few
 * thousand levels overflow the stack and stop the whole import), as
 * paragraphs of its text: block ends become paragraph breaks, every other
 * tag goes. The text stays HTML-escaped, so nothing in it becomes markup.
 */
function flattenHtml(html: string): string {
  return html
    .split(/<\/?(?:p|div|br|li|h[1-6]|tr|blockquote|section|article|table|pre)\b[^<>]*>/i)
    .map((part) => part.replace(/<[^<>]*>?/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((part) => `<p>${part}</p>`)
    .join('\n');
}

function withNestingFinding(prepared: PreparedBody, deep: DeepNesting | undefined): PreparedBody {
  if (deep) {
    prepared.findings.unshift({
      kind: 'nesting-flattened',
      message: `had ${deep.what === 'html' ? 'HTML elements' : 'quotes or lists'} nested ${deep.depth} levels deep (at most ${MAX_NESTING} can be read safely), so only its text was imported, as plain paragraphs`,
      received: `${deep.depth} levels`,
      fix: 'Compare it with the old page and put back headings, lists and links by hand.',
    });
  }
  return prepared;
}

/**
 * Parses a Markdown body into the same HTML tree, raw HTML included, so
 * the same cleaning applies (nothing executable in a Markdown file gets
 * through either).
 */
export function prepareMarkdown(markdown: string, title: string): PreparedBody {
  const deep = findDeepNesting(markdown, { markdown: true });
  if (deep) {
    // Quote and list markers and indentation go, and the HTML is flattened like an HTML body's.
    const lines = markdown.split('\n').map((line) => line.replace(/^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/, ''));
    return withNestingFinding(prepareHtml(flattenHtml(lines.join('\n').replace(/\n\s*\n/g, '<br>')), title), deep);
  }
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  return prepareTree(tree, title);
}

function prepareTree(tree: Root, title: string): PreparedBody {
  const findings: BodyFinding[] = [];
  cleanHtml(tree, { report: (f) => findings.push({ ...f, near: f.kind === 'embed' ? f.received : undefined }) });
  const headingChange = normaliseHeadings(tree, title);
  if (headingChange) {
    findings.push({ kind: 'headings-renumbered', message: `had headings renumbered to start at ## under the title: ${headingChange}`, fix: 'Check the outline still reads well.' });
  }
  // Layout tables (one row or one column) become plain content without a word: they held no data.
  convertTables(tree, (f) => findings.push({ ...f, fix: f.kind === 'table-kept-html' ? 'Split it into simpler tables, or a list, if you can; it works as it is.' : 'Make sure the first row names the columns; if the table is really a list of facts, turn it into a list.' }));
  const { anchors, headingIds } = anchorMap(tree);
  const callouts = allElements(tree).filter(({ element: e }) => e.tagName === 'handrail-callout').length;
  return { tree, anchors, headingIds, openingText: openingText(tree), callouts, findings };
}

/** The text of the first real paragraph: what the article says first. */
function openingText(tree: Root): string {
  for (const child of tree.children) {
    if (isElement(child, 'p')) {
      const value = plainText(child);
      if (value.length > 1) return value;
    }
    if (isElement(child, 'ul', 'ol')) {
      const value = plainText(child);
      if (value) return value;
    }
  }
  return plainText(tree);
}

/** How links and images are rewritten; see {@link resolveReferences}. */
export interface ReferenceResolver {
  /** The new href for a link, or null to keep its text without the link. */
  link(href: string, text: string): string | null;
  /** The new src for an image. */
  image(src: string, alt: string): string;
}

const IMAGE_EXTENSION = /\.(png|jpe?g|gif|webp|svg|avif|bmp)(\?|#|$)/i;

/** Rewrites every link and image in a prepared body, once. */
export function resolveReferences(prepared: PreparedBody, resolver: ReferenceResolver): void {
  rewriteElements(prepared.tree, (node) => {
    if (isElement(node, 'a')) {
      const href = stringProperty(node, 'href');
      const content = node.children.filter((c) => c.type !== 'text' || c.value.trim());
      // A picture linked to itself (a lightbox) is just the picture.
      if (href && content.length === 1 && isElement(content[0], 'img') && (IMAGE_EXTENSION.test(href) || href === stringProperty(content[0], 'src'))) {
        return [content[0]];
      }
      if (href === undefined) return [...node.children];
      const next = resolver.link(href, plainText(node));
      if (next === null) return [...node.children];
      node.properties.href = next;
      return undefined;
    }
    if (isElement(node, 'img')) {
      const src = stringProperty(node, 'src');
      if (!src) return [];
      node.properties.src = resolver.image(src, stringProperty(node, 'alt') ?? '');
    }
    return undefined;
  });
}

const CALLOUT_NAMES: Record<CalloutType, string> = { note: 'Note', tip: 'Tip', warning: 'Warning' };

/** How callouts are written: Handrail's <Callout> (the file becomes .mdx) or a quote opening with the label. */
export type CalloutStyle = 'mdx' | 'quote';

/**
 * Writes a prepared body as Markdown (`format: 'md'`) or, when it has
 * callouts and `style` is "mdx", as MDX with <Callout>. The result is
 * parsed again with the checker's own parser; MDX that does not parse
 * falls back to Markdown with quotes, so an import never writes a page the
 * build cannot read.
 */
export function toMarkdown(prepared: PreparedBody, style: CalloutStyle): { markdown: string; format: 'md' | 'mdx'; fellBack: boolean } {
  const wantMdx = style === 'mdx' && prepared.callouts > 0;
  if (wantMdx) {
    const markdown = stringify(prepared.tree, true);
    if (parses(markdown, true)) return { markdown, format: 'mdx', fellBack: false };
  }
  const markdown = stringify(prepared.tree, false);
  return { markdown, format: 'md', fellBack: wantMdx };
}

function stringify(tree: Root, mdx: boolean): string {
  const handlers = {
    'handrail-callout': (state: HandlerState, node: Element): MdastContent => {
      const type = (stringProperty(node, 'dataType') ?? 'note') as CalloutType;
      const title = stringProperty(node, 'dataTitle');
      const children = state.toFlow(state.all(node)) as MdastContent[];
      if (mdx) {
        const attributes: Array<{ type: 'mdxJsxAttribute'; name: string; value: string }> = [{ type: 'mdxJsxAttribute', name: 'type', value: type }];
        // A title that only repeats the type ("Tip") adds nothing: the component shows the type's name.
        if (title && title.toLowerCase() !== type) attributes.push({ type: 'mdxJsxAttribute', name: 'title', value: title });
        return { type: 'mdxJsxFlowElement', name: 'Callout', attributes, children } as unknown as MdastContent;
      }
      const label: PhrasingContent = { type: 'strong', children: [{ type: 'text', value: `${title ?? CALLOUT_NAMES[type]}:` }] };
      const first = children[0];
      if (first?.type === 'paragraph') first.children.unshift(label, { type: 'text', value: ' ' });
      else children.unshift({ type: 'paragraph', children: [label] } satisfies Paragraph);
      return { type: 'blockquote', children } as MdastContent;
    },
    'handrail-html': (_state: HandlerState, node: Element): MdastContent => {
      const table = node.children.find((c): c is Element => c.type === 'element');
      const html = table ? toHtml(table, { closeSelfClosing: true }) : '';
      // In MDX a brace opens an expression, even inside HTML.
      const value = mdx ? html.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;') : html;
      return { type: 'html', value } as MdastContent;
    },
    'handrail-br': (): MdastNodes => ({ type: 'html', value: '<br />' }),
  };
  const copy = structuredClone(tree);
  // Old anchors have done their job (the link map); they must not reach the page.
  for (const { element: node } of allElements(copy)) delete node.properties.dataAnchor;
  const mdast = unified().use(rehypeRemark, { handlers: handlers as never }).runSync(copy as never) as MdastRoot;
  const processor = unified().use(remarkGfm, { tablePipeAlign: false });
  if (mdx) processor.use(remarkMdx);
  const out = processor
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-', listItemIndent: 'one', resourceLink: true, incrementListMarker: true })
    .stringify(mdast);
  return `${out.trim()}\n`;
}

interface HandlerState {
  all(node: Element): MdastNodes[];
  toFlow(nodes: MdastNodes[]): MdastContent[];
}

/** Whether text parses as the build will read it (GFM, and MDX for .mdx). */
export function parses(markdown: string, mdx: boolean): boolean {
  try {
    fromMarkdown(markdown, {
      extensions: mdx ? [gfm(), mdxjs()] : [gfm()],
      mdastExtensions: mdx ? [gfmFromMarkdown(), mdxFromMarkdown()] : [gfmFromMarkdown()],
    });
    return true;
  } catch {
    return false;
  }
}

/** A paragraph of text as a hast element, for readers that build bodies themselves. */
export function paragraph(value: string): Element {
  return element('p', {}, [text(value)]);
}
