import type { Element, Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { checkEmailAddress, checkSitePath } from '../../schemas/web-address.ts';

/**
 * The one list of what an article's HTML may contain, after Markdown and
 * MDX have become HTML. The sanitizer applies it to every page at build
 * time, and the content checker runs the very same sanitizer to tell the
 * writer, by line, what it would remove: the two cannot disagree.
 *
 * It allows what Markdown itself produces (GFM tables, task lists and
 * footnotes included), the markup of the writer components, and a few
 * inline elements writers reach for (<kbd>, <sub>, <sup>, <mark>,
 * <details>). No scripts, event handlers, styles, frames, forms, media or
 * ids a page script could trip over; links only to web, mail and phone
 * addresses; images only from the site itself.
 */
export const articleHtmlSchema: Schema = {
  tagNames: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
    'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li',
    'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup',
    'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'var',
  ],
  attributes: {
    '*': ['lang', ['dir', 'ltr', 'rtl', 'auto'], 'title'],
    a: [
      'href',
      // GFM footnotes: a numbered reference and a link back to it.
      ['id', /^user-content-fnref-[^\s"'<>]+$/],
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['ariaDescribedBy', 'footnote-label'],
      'ariaLabel',
      ['className', 'data-footnote-backref'],
    ],
    img: ['src', 'alt', ['width', /^\d{1,5}$/], ['height', /^\d{1,5}$/]],
    li: [['className', 'task-list-item'], ['id', /^user-content-fn-[^\s"'<>]+$/]],
    ol: [['className', 'contains-task-list'], ['start', /^\d{1,6}$/]],
    ul: [['className', 'contains-task-list']],
    input: [['type', 'checkbox'], ['disabled', true], ['checked', true]],
    h2: [['id', 'footnote-label'], ['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    code: [['className', /^language-[^\s"'<>]+$/]],
    td: [['align', 'left', 'center', 'right'], ['colSpan', /^\d{1,3}$/], ['rowSpan', /^\d{1,3}$/]],
    th: [['align', 'left', 'center', 'right'], ['colSpan', /^\d{1,3}$/], ['rowSpan', /^\d{1,3}$/], ['scope', 'col', 'row']],
    // The writer components (src/node/markdown/writer-components.ts).
    div: [['className', 'callout', 'callout--note', 'callout--tip', 'callout--warning', 'steps'], ['role', 'note']],
    p: [['className', 'callout__title']],
    figure: [['className', 'figure'], ['role', 'none']],
    details: ['open'],
  },
  // GFM task lists render a disabled checkbox; nothing else may be an input.
  required: { input: { type: 'checkbox', disabled: true } },
  // Links: web, mail and phone only. Images: checked as same-site paths below.
  protocols: { href: ['http', 'https', 'mailto', 'tel'], src: ['https'] },
  // These go with everything inside them: their content is code, styles or another document, never text to keep.
  strip: ['script', 'style', 'template', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'plaintext'],
  // Only the generated footnote ids above are allowed, so nothing needs a prefix against DOM clobbering.
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'], caption: ['table'], li: ['ol', 'ul'], summary: ['details'], figcaption: ['figure'] },
};

/** Whether an image address is a path on this site, never another origin, a data: URL or a way out of public/. */
export function isSameSitePath(value: string): boolean {
  return checkSitePath(value) === undefined;
}

/**
 * Whether a link may be published: a web, mail or phone address, a
 * #heading, or a path from the site root with no "..", backslash or
 * invisible character. A relative path would not work on the published
 * site, and "//host" or "/\host" would leave it while looking local.
 */
export function isAllowedHref(value: string): boolean {
  if (value.startsWith('#')) return !/[\s\u0000-\u001f]/.test(value);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  if (scheme?.toLowerCase() === 'mailto') return !/[\u0000-\u0020\u007f]/.test(value) && isPlainMailLink(value);
  if (scheme) return ['http', 'https', 'tel'].includes(scheme) && !/[\u0000-\u0020\u007f]/.test(value);
  return isSameSitePath(value.split(/[?#]/, 1)[0]!) && !/[\s\u0000-\u001f\\]/.test(value);
}

/**
 * Whether a mailto: link writes to one address and at most fills in the
 * subject and text. "mailto:help@x.example?bcc=spy@evil.example" would
 * copy every reader's message to a stranger, out of sight of the link
 * text (the same rule as an email channel's value in contact.yaml).
 */
export function isPlainMailLink(value: string): boolean {
  const [to = '', query = ''] = value.replace(/^mailto:/i, '').split('?', 2);
  let address = to;
  try {
    address = decodeURIComponent(to);
  } catch {
    return false;
  }
  if (checkEmailAddress(address)) return false;
  return query.split('&').every((pair) => pair === '' || /^(?:subject|body)=/i.test(pair));
}

/**
 * The allowlist applied to a tree: the schema, then the address rules
 * (same-site pictures, links that go where they seem to).
 */
export function sanitizeArticle(tree: Root, schema: Schema = articleHtmlSchema): Root {
  const clean = sanitize(tree, schema) as Root;
  visit(clean, 'element', (node: Element) => {
    const { src, href } = node.properties;
    if (src !== undefined && !(typeof src === 'string' && isSameSitePath(src))) delete node.properties.src;
    if (href !== undefined && !(typeof href === 'string' && isAllowedHref(href))) delete node.properties.href;
  });
  return clean;
}

/**
 * The render-time sanitizer (a rehype plugin), first in the list so
 * nothing later sees unsafe markup: raw HTML in `.md` is parsed here
 * (Astro would otherwise parse it after every plugin has run), then the
 * allowlist is applied. Silent by design: the content check has already
 * told the writer, line by line, about anything this removes.
 */
export function rehypeArticleSanitize() {
  return (tree: Root, file: VFile): Root => {
    const parsed = raw(tree, { file }) as Root;
    return sanitizeArticle(parsed);
  };
}

/** Something the allowlist would remove or change, where it was written. */
export interface HtmlFinding {
  line?: number;
  column?: number;
  /** The element, e.g. "script". */
  element: string;
  /** The attribute as written in HTML, e.g. "onerror"; absent when the whole element goes. */
  attribute?: string;
  /** The attribute's value as written. */
  value?: string;
}

const MARK = 'dataHandrailNode';

/** The HTML name of a hast property, e.g. onError → onerror, className → class. */
export function attributeName(property: string): string {
  return find(html, property).attribute;
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.join(' ');
  return value === true ? '' : String(value);
}

/**
 * What {@link sanitizeArticle} would remove from a tree, found by running
 * it: every element is tagged, sanitized with the same schema (plus the
 * tag), and compared with what survived. An element removed with its
 * content (a script) is one finding, not one per element inside it.
 */
export function findDisallowedHtml(tree: Root): HtmlFinding[] {
  const original = new Map<number, Element>();
  let next = 0;
  visit(tree, 'element', (node: Element) => {
    original.set(next, node);
    node.properties[MARK] = next++;
  });
  const tagged: Schema = {
    ...articleHtmlSchema,
    attributes: { ...articleHtmlSchema.attributes, '*': [...(articleHtmlSchema.attributes?.['*'] ?? []), MARK] },
  };
  const kept = new Map<number, Element>();
  visit(sanitizeArticle(tree, tagged), 'element', (node: Element) => {
    kept.set(Number(node.properties[MARK]), node);
  });
  const findings: HtmlFinding[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'element') {
      const id = Number(node.properties[MARK]);
      delete node.properties[MARK];
      const where = { line: node.position?.start.line, column: node.position?.start.column, element: node.tagName };
      const survivor = kept.get(id);
      if (!survivor) {
        findings.push(where);
        // A stripped element goes with its content, so that is one problem; an unwrapped one keeps its children, which are checked in turn.
        if (articleHtmlSchema.strip?.includes(node.tagName)) {
          forget(node);
          return;
        }
      }
      for (const [key, value] of survivor ? Object.entries(node.properties) : []) {
        if (value === undefined || value === null || value === false) continue;
        if (!(key in survivor!.properties) || valueText(survivor!.properties[key]) !== valueText(value)) {
          findings.push({ ...where, attribute: attributeName(key), value: valueText(value) });
        }
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return findings;
}

/** Removes the tags from a subtree that is reported as a whole. */
function forget(node: Element): void {
  visit(node, 'element', (inner: Element) => {
    delete inner.properties[MARK];
  });
}

/** Parses the raw HTML of a Markdown article into elements with file positions, as the sanitizer will. */
export function parseRawHtml(tree: Root, file: VFile): Root {
  return raw(tree, { file }) as Root;
}
