/**
 * How deeply an article's source nests, measured on the text before any
 * parser sees it. The unified tools (mdast, hast, parse5, the sanitizer)
 * walk trees by recursion: a few thousand `<b>` or `>` inside each other,
 * a 20 KB file, exhaust the stack, and the check, the render or the import
 * stops with "Maximum call stack size exceeded" and no file name. Real
 * articles nest a handful of levels (a list in a quote in a callout);
 * {@link MAX_NESTING} is far above that and far below what breaks.
 */

/** Deepest nesting accepted: HTML elements inside each other, or quotes and lists inside each other. */
export const MAX_NESTING = 100;

/** Where a text first nests deeper than {@link MAX_NESTING}. */
export interface DeepNesting {
  /** 1-based line in the text. */
  line: number;
  /** The depth reached there. */
  depth: number;
  /** What nests: HTML elements, or Markdown quotes and lists. */
  what: 'html' | 'markdown';
}

// Elements that never hold others, and elements HTML closes by itself
// (an unclosed <p> or <li> ends at the next one): neither deepens a page.
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc', 'colgroup', 'caption', 'html', 'head', 'body',
]);

const TAG = /<(\/?)([A-Za-z][\w:.-]*)(?:\s[^<>]*?)?(\/?)>|\n/g;
// Quote markers and list markers at the start of a line, with the space around them.
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;

/**
 * The first place a text nests deeper than {@link MAX_NESTING}, or
 * undefined. HTML: elements opened and not yet closed (`<div>` in `<div>`…).
 * Markdown (`markdown: true`): quote and list markers at the start of a
 * line, plus its indentation (two columns a level). A conservative
 * estimate: it may count a level the parser would not, never misses one
 * that would overflow.
 */
export function findDeepNesting(text: string, options: { markdown: boolean }): DeepNesting | undefined {
  let depth = 0;
  let line = 1;
  let found: DeepNesting | undefined;
  for (const match of text.matchAll(TAG)) {
    if (match[0] === '\n') {
      line++;
      continue;
    }
    const name = match[2]!.toLowerCase();
    if (match[3] || NOT_NESTING.has(name)) continue;
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (++depth > MAX_NESTING) {
      // Where it first goes too deep, and how deep it gets.
      found ??= { line, depth, what: 'html' };
      found.depth = Math.max(found.depth, depth);
    }
  }
  if (found || !options.markdown) return found;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const prefix = CONTAINERS.exec(lines[i]!)![0];
    if (prefix.length <= MAX_NESTING) continue;
    let levels = 0;
    let columns = 0;
    let afterMarker = false;
    for (const char of prefix) {
      if (char === ' ' || char === '\t') {
        // The space after a marker belongs to it; other indentation counts two columns a level.
        if (!afterMarker) columns += char === '\t' ? 4 : 1;
        afterMarker = false;
      } else if (char === '>' || char === '-' || char === '*' || char === '+' || char === '.' || char === ')') {
        levels++;
        afterMarker = true;
      }
    }
    const found = levels + Math.floor(columns / 2);
    if (found > MAX_NESTING) return { line: i + 1, depth: found, what: 'markdown' };
  }
  return undefined;
}

/** Most columns a table may have: a table wider than a page is unreadable long before this. */
export const MAX_TABLE_COLUMNS = 100;
/** Most footnotes an article may have. */
export const MAX_FOOTNOTES = 1000;

/** Where a text has a table or footnotes far past what any article needs. */
export interface Oversized {
  line: number;
  what: 'table-columns' | 'footnotes';
  count: number;
}

/**
 * Tables and footnotes past any real article, found on the text before it
 * is parsed: the GFM parser takes about 18 s to read one 220 KB table of
 * 5,000 columns, and 35 s for 20,000 footnotes (it slows down faster than
 * they grow), then rendering takes longer still; a 1 MB article of either
 * would hold a build for minutes.
 */
export function findOversizedStructure(text: string): Oversized | undefined {
  const lines = text.split('\n');
  let footnotes = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > MAX_TABLE_COLUMNS) {
      const columns = (line.match(/(?<!\\)\|/g) ?? []).length - 1;
      if (columns > MAX_TABLE_COLUMNS) return { line: i + 1, what: 'table-columns', count: columns };
    }
    if (/^ {0,3}\[\^[^\]\n]+\]:/.test(line) && ++footnotes > MAX_FOOTNOTES) {
      const total = lines.filter((l) => /^ {0,3}\[\^[^\]\n]+\]:/.test(l)).length;
      return { line: i + 1, what: 'footnotes', count: total };
    }
  }
  return undefined;
}
