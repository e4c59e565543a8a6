import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { imageSize } from '../image-size.ts';
import { parseInternalLink, withBase } from '../../shared/routes.ts';

const PHRASING_BLOCKERS = new Set(['ul', 'ol', 'p', 'div', 'table', 'blockquote', 'pre']);

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function isCheckbox(node: ElementContent | undefined): node is Element {
  return node?.type === 'element' && node.tagName === 'input' && node.properties.type === 'checkbox';
}

/**
 * GFM task lists render a bare `<input type=checkbox disabled>` with no
 * label. Wrap the checkbox and the item's own text in a <label> so screen
 * readers announce "Charge the battery, checkbox, checked" once. Pagefind
 * never indexes a <label> (it takes them for form chrome), so the item's
 * text is also handed to it as an attribute to index in its place.
 */
function labelTaskItem(item: Element): void {
  // A loose list puts the checkbox inside the first paragraph.
  const holder = item.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p') ?? item;
  const start = holder.children.findIndex((c) => isCheckbox(c));
  if (start === -1) return;
  let end = start + 1;
  while (end < holder.children.length) {
    const child = holder.children[end]!;
    if (child.type === 'element' && PHRASING_BLOCKERS.has(child.tagName)) break;
    end++;
  }
  const wrapped = holder.children.slice(start, end);
  const checkbox = wrapped[0] as Element;
  checkbox.properties.disabled = true;
  const label: Element = { type: 'element', tagName: 'label', properties: { className: ['task-label'] }, children: wrapped };
  holder.children.splice(start, end - start, label);
  const text = wrapped.slice(1).map(textOf).join('').trim();
  if (!text) checkbox.properties.ariaLabel = 'Task';
  else Object.assign(holder.properties, { dataPagefindIndexAttrs: 'data-search-text', dataSearchText: text });
}

const HEADING = /^h[1-6]$/;

/** What a table is about, for its region's name: its caption, else the heading before it, else its first column headers. */
function tableTopic(table: Element, headingBefore: string | undefined): string {
  let caption = '';
  visit(table, 'element', (node: Element) => {
    if (node.tagName === 'caption' && !caption) caption = textOf(node).replace(/\s+/g, ' ').trim();
  });
  if (caption) return caption;
  if (headingBefore) return headingBefore;
  const headers: string[] = [];
  visit(table, 'element', (cell: Element) => {
    if (cell.tagName === 'th' && headers.length < 3) headers.push(textOf(cell).trim());
  });
  return headers.join(', ');
}

/**
 * Tables: header cells get scope="col", and each table sits in a focusable,
 * labelled region so it can scroll sideways at 320 px without the page doing
 * so. Each region is named after its table's caption or the heading above
 * it, numbered when two would share a name (axe landmark-unique): two
 * tables with the same columns are told apart by what they are about.
 */
function wrapTable(table: Element, index: number, parent: Root | Element, name: string): void {
  visit(table, 'element', (cell: Element) => {
    if (cell.tagName === 'th' && cell.properties.scope === undefined) cell.properties.scope = 'col';
  });
  const region: Element = {
    type: 'element',
    tagName: 'div',
    properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: name },
    children: [table],
  };
  parent.children.splice(index, 1, region);
}

/** Options for {@link rehypeHandrail}. */
export interface RehypeHandrailOptions {
  /** The site's base path, e.g. "/" or "/help/". */
  base: string;
  /** Accessible name prefix for table regions (from the UI strings). */
  tableLabel: string;
  /** Where images live, to give each Markdown image its size (no layout shift). */
  publicDir?: string;
  /**
   * Declared languages, the default first: a translation (refunds.cy.md)
   * links to pages in its own language (/cy/articles/…) and labels tables
   * in it; an original links under the default language's prefix (/en/…
   * with prefixDefaultLanguage, none otherwise).
   */
  languages?: { code: string; prefix: string; tableLabel: string }[];
}

/** The language of an article from its file name: "refunds.cy.md" is Welsh, "refunds.md" the default language (the first declared). */
function languageOfFile(filePath: string | undefined, languages: NonNullable<RehypeHandrailOptions['languages']>) {
  const code = /\.([a-z0-9-]+)\.mdx?$/.exec(filePath ?? '')?.[1];
  return code === undefined ? languages[0] : languages.find((language) => language.code === code);
}

/**
 * Makes rendered Markdown fit for the site: labelled task-list checkboxes,
 * scrollable labelled tables, and root-relative links and images that keep
 * working when the site is published under a sub-path.
 */
export function rehypeHandrail(options: RehypeHandrailOptions) {
  return (tree: Root, file?: { path?: string }) => {
    const language = languageOfFile(file?.path, options.languages ?? []);
    const tableLabel = language?.tableLabel ?? options.tableLabel;
    const tables: Array<{ table: Element; index: number; parent: Root | Element; topic: string }> = [];
    // The tree is visited in document order, so the last heading seen is the one above the next table.
    let headingBefore: string | undefined;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (HEADING.test(node.tagName)) headingBefore = textOf(node).replace(/\s+/g, ' ').trim();
      if (node.tagName === 'li' && (node.properties.className as string[] | undefined)?.includes('task-list-item')) {
        labelTaskItem(node);
      }
      if (node.tagName === 'table' && parent && index !== undefined && !(parent.type === 'element' && (parent.properties.className as string[] | undefined)?.includes('table-scroll'))) {
        tables.push({ table: node, index, parent: parent as Root | Element, topic: tableTopic(node, headingBefore) });
      }
      if (node.tagName === 'img' && typeof node.properties.src === 'string' && node.properties.width === undefined && options.publicDir) {
        const size = imageSize(options.publicDir, node.properties.src);
        if (size) Object.assign(node.properties, { width: size.width, height: size.height, loading: 'lazy', decoding: 'async' });
      }
      for (const attribute of ['href', 'src'] as const) {
        let value = node.properties[attribute];
        // A page link (not a file) stays in the article's language.
        if (attribute === 'href' && typeof value === 'string' && language?.prefix && parseInternalLink(value) && parseInternalLink(value)?.type !== 'file') {
          value = node.properties[attribute] = `${language.prefix}${value}`;
        }
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && options.base !== '/') {
          node.properties[attribute] = withBase(options.base, value);
        }
      }
    });
    // Names in document order, so the second of two tables under one heading is "(2)".
    const seen = new Map<string, number>();
    const named = tables.map((entry) => {
      const count = (seen.get(entry.topic) ?? 0) + 1;
      seen.set(entry.topic, count);
      return { ...entry, name: `${tableLabel}: ${entry.topic}${count > 1 ? ` (${count})` : ''}` };
    });
    // Wrapped last to first, so each index still points at its table.
    for (const { table, index, parent, name } of named.reverse()) wrapTable(table, index, parent, name);
  };
}
