/**
 * Structure fixes on cleaned HTML: heading levels that fit under the page's
 * h1, tables Markdown can hold (with a header row), and the map from old
 * in-page anchors to the heading ids the new page will have.
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import GithubSlugger from 'github-slugger';
import { allElements, element, isElement, plainText, rewriteElements, stringProperty, text, BLOCK_TAGS } from './hast.ts';
import { hasBlockContent } from './html-clean.ts';
import { squashSpace } from './text.ts';

const HEADING = /^h([1-6])$/;

/**
 * Renumbers headings so the body starts at h2 (the title is the page's
 * h1) and never skips a level, keeping how sections nest. A first heading
 * that repeats the title is dropped. Returns what changed, for the report,
 * or undefined when nothing did.
 */
export function normaliseHeadings(root: Root, title: string): string | undefined {
  const changes: string[] = [];
  const firstBlock = root.children.find((c) => c.type === 'element' || (c.type === 'text' && c.value.trim()));
  if (isElement(firstBlock, 'h1', 'h2', 'h3') && squashSpace(plainText(firstBlock)).toLowerCase() === squashSpace(title).toLowerCase()) {
    root.children.splice(root.children.indexOf(firstBlock), 1);
    changes.push('removed a first heading that repeated the title');
  }
  const stack: number[] = [];
  const moves = new Map<string, number>();
  for (const { element: node } of allElements(root)) {
    const match = HEADING.exec(node.tagName);
    if (!match) continue;
    const level = Number(match[1]);
    while (stack.length && stack[stack.length - 1]! >= level) stack.pop();
    const depth = Math.min(6, 2 + stack.length);
    stack.push(level);
    // A heading that is all bold adds nothing by being bold.
    if (node.children.length === 1 && isElement(node.children[0], 'strong', 'b')) node.children = (node.children[0] as Element).children;
    if (depth !== level) {
      moves.set(`h${level} → h${depth}`, (moves.get(`h${level} → h${depth}`) ?? 0) + 1);
      node.tagName = `h${depth}`;
    }
  }
  for (const [move, count] of moves) changes.push(`${move}${count > 1 ? ` (${count}×)` : ''}`);
  return changes.length ? changes.join(', ') : undefined;
}

/**
 * Old anchor → the id the heading will have on the new page (github-slugger,
 * as Astro makes them). Anchors on a heading, inside it, or just before it
 * lead to that heading; other anchors are left out, so links to them are
 * reported. Also returns every new heading id, in order.
 */
export function anchorMap(root: Root): { anchors: Map<string, string>; headingIds: string[] } {
  const slugger = new GithubSlugger();
  const anchors = new Map<string, string>();
  const headingIds: string[] = [];
  const idOf = new Map<Element, string>();
  for (const { element: node } of allElements(root)) {
    if (!HEADING.test(node.tagName)) continue;
    const id = slugger.slug(plainText(node));
    idOf.set(node, id);
    headingIds.push(id);
  }
  const walk = (parent: Parents, heading: Element | undefined) => {
    parent.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      const own = idOf.has(child) ? child : heading;
      const anchor = stringProperty(child, 'dataAnchor');
      if (anchor && !anchors.has(anchor)) {
        const target = own ?? nextHeading(parent, index);
        if (target && idOf.has(target)) anchors.set(anchor, idOf.get(target)!);
      }
      walk(child, own);
    });
  };
  walk(root, undefined);
  return { anchors, headingIds };
}

/** The heading right after a node (an empty anchor, or a paragraph holding only one). */
function nextHeading(parent: Parents, index: number): Element | undefined {
  const node = parent.children[index] as Element;
  if (plainText(node) !== '') return undefined;
  for (const sibling of parent.children.slice(index + 1)) {
    if (sibling.type === 'text' && !sibling.value.trim()) continue;
    if (isElement(sibling) && HEADING.test(sibling.tagName)) return sibling;
    return undefined;
  }
  return undefined;
}

/** What the table conversion reports; the caller adds the file. */
export interface TableFinding {
  kind: 'table-header-guessed' | 'table-kept-html';
  message: string;
  /** Text from the table, to find its line in the written file. */
  near: string;
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (isElement(child, 'tr')) rows.push(child);
    else if (isElement(child, 'thead', 'tbody', 'tfoot')) rows.push(...child.children.filter((c): c is Element => isElement(c, 'tr')));
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((c): c is Element => isElement(c, 'td', 'th'));
}

function span(cell: Element, name: 'colSpan' | 'rowSpan'): number {
  const value = Number(cell.properties[name] ?? 1);
  return Number.isFinite(value) && value > 1 ? value : 1;
}

/** A cell's content as one line: blocks separated by line breaks, list items bulleted. */
function flattenCell(cell: Element): ElementContent[] {
  const lines: ElementContent[][] = [[]];
  const newLine = () => {
    if (lines[lines.length - 1]!.length) lines.push([]);
  };
  const add = (nodes: readonly ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'element' && (BLOCK_TAGS.has(node.tagName) || HEADING.test(node.tagName))) {
        newLine();
        if (isElement(node, 'ul', 'ol')) {
          let n = Number(node.properties.start ?? 1);
          for (const item of node.children) {
            if (!isElement(item, 'li')) continue;
            newLine();
            lines[lines.length - 1]!.push(text(node.tagName === 'ol' ? `${n++}. ` : '• '));
            add(item.children);
          }
        } else if (HEADING.test(node.tagName)) {
          lines[lines.length - 1]!.push(element('strong', {}, node.children));
        } else if (isElement(node, 'pre')) {
          lines[lines.length - 1]!.push(element('code', {}, [text(plainText(node))]));
        } else add(node.children);
        newLine();
      } else if (isElement(node, 'br')) {
        newLine();
      } else lines[lines.length - 1]!.push(node);
    }
  };
  add(cell.children);
  const filled = lines.filter((line) => line.some((n) => n.type !== 'text' || n.value.trim()));
  return filled.flatMap((line, i) => (i ? [element('handrail-br', {}, []), ...line] : line));
}

/** A first row whose every cell is bold and nothing else was meant as a header row. */
function isBoldRow(cells: Element[]): boolean {
  return cells.length > 0 && cells.every((cell) => {
    const content = cell.children.filter((c) => c.type !== 'text' || c.value.trim());
    const only = content.length === 1 ? content[0] : undefined;
    const inner = isElement(only, 'p') ? only.children.filter((c) => c.type !== 'text' || c.value.trim()) : content;
    return inner.length === 1 && isElement(inner[0], 'strong', 'b');
  });
}

function unbold(cell: Element): void {
  const inner = (nodes: ElementContent[]): ElementContent[] => nodes.flatMap((n) => (isElement(n, 'strong', 'b') ? n.children : isElement(n, 'p') ? inner(n.children) : [n]));
  cell.children = inner(cell.children);
}

/**
 * Tables: layout tables (one row or one column) become plain content;
 * tables with merged cells or tables inside tables stay HTML (Markdown
 * cannot hold them) and are reported; the rest become Markdown tables
 * with a header row: the HTML's own, a first row in bold, or else the
 * first row (reported, so a writer checks it names the columns).
 */
export function convertTables(root: Root, report: (finding: TableFinding) => void): number {
  let unwrapped = 0;
  const done = new WeakSet<Element>();
  rewriteElements(root, (node) => {
    if (!isElement(node, 'table') || done.has(node)) return undefined;
    done.add(node);
    const rows = rowsOf(node);
    const near = squashSpace(plainText(node)).slice(0, 30);
    if (!rows.length) return [];
    const widest = Math.max(...rows.map((r) => cellsOf(r).reduce((n, c) => n + span(c, 'colSpan'), 0)));
    const nested = rows.some((r) => cellsOf(r).some((c) => allElements(c).some(({ element: e }) => e.tagName === 'table')));
    if (rows.length === 1 || widest <= 1) {
      unwrapped++;
      return rows.flatMap((r) => cellsOf(r)).flatMap((cell) => (hasBlockContent(cell) ? cell.children : plainText(cell) || cell.children.some((c) => isElement(c, 'img')) ? [element('p', {}, cell.children)] : []));
    }
    const merged = rows.some((r) => cellsOf(r).some((c) => span(c, 'colSpan') > 1 || span(c, 'rowSpan') > 1));
    if (nested || merged) {
      const cells = rows.flatMap((r) => cellsOf(r));
      const why = nested ? 'a table inside a table' : 'merged cells (colspan or rowspan)';
      report({ kind: 'table-kept-html', message: `has a table with ${why}, which Markdown cannot hold: it was kept as HTML`, near: '<table' });
      for (const cell of cells) for (const { element: inner } of allElements(cell)) if (isElement(inner, 'table')) done.add(inner);
      const header = rows[0] && !isElement(rows[0].children.find((c) => c.type === 'element'), 'th') ? undefined : rows[0];
      const body = header ? rows.slice(1) : rows;
      const table = element('table', {}, [...(header ? [element('thead', {}, [header])] : []), element('tbody', {}, body)]);
      done.add(table);
      return [element('handrail-html', {}, [table])];
    }
    const firstCells = cellsOf(rows[0]!);
    const hasHead = node.children.some((c) => isElement(c, 'thead')) || firstCells.every((c) => c.tagName === 'th');
    if (!hasHead) {
      if (isBoldRow(firstCells)) firstCells.forEach(unbold);
      else report({ kind: 'table-header-guessed', message: 'has a table without a header row: its first row was made the header', near: near || '|' });
    }
    const toCell = (tag: 'th' | 'td') => (cell: Element) => element(tag, {}, flattenCell(cell));
    const pad = (cells: Element[], tag: 'th' | 'td') => [...cells, ...Array.from({ length: Math.max(0, widest - cells.length) }, () => element(tag, {}, []))];
    const head = element('tr', {}, pad(firstCells.map(toCell('th')), 'th'));
    const body = rows.slice(1).map((r) => element('tr', {}, pad(cellsOf(r).map(toCell('td')), 'td')));
    const table = element('table', {}, [element('thead', {}, [head]), element('tbody', {}, body)]);
    done.add(table);
    return [table];
  });
  return unwrapped;
}
