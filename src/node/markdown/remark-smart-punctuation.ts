import type { Nodes, Root, Text } from 'mdast';
import type {} from 'mdast-util-mdx';
import { visit } from 'unist-util-visit';

/**
 * Curly quotes, dashes and ellipses in an article's text: the typography
 * Astro's `smartypants` option gave, without its natural-language parser
 * (retext and parse-latin built a sentence tree of every paragraph, about a
 * tenth of the build's CPU). The rules are SmartyPants' own, as
 * retext-smartypants applies them, read over characters instead of parsed
 * words, so the demo's pages come out the same:
 *
 * - `"` and `'` open or close by what is on either side (a quote after a
 *   space or bracket and before a word opens; after a word, closes), so
 *   apostrophes (`don't`, `the '80s`, `5'10"`) become ’ and ”;
 * - `--` is an em dash, `...` (or `. . .`) an ellipsis, ` `` ` and `''`
 *   double quotes.
 *
 * Only prose is touched: code spans and code blocks, raw HTML and MDX
 * attributes keep their characters. Quotes are paired across a paragraph's
 * emphasis and links (`"**Save**"`), as the text reads; a code span counts
 * as a word there, but is never changed.
 */
export function remarkSmartPunctuation() {
  return (tree: Root): void => {
    const texts: Text[] = [];
    const starts: number[] = [];
    let all = '';
    visit(tree, (node: Nodes, _index, parent) => {
      if (!parent) return;
      if (parent.type === 'mdxJsxTextElement' && (parent.name === 'script' || parent.name === 'style')) return;
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
        // A block starts afresh, as a sentence does.
        all += BLOCK_START;
      } else if (node.type === 'text') {
        starts.push(all.length);
        texts.push(node);
        all += node.value;
      } else if (node.type === 'inlineCode') {
        // Stands for a word, so `"`npm run`"` pairs its quotes, but is never changed.
        all += 'A'.repeat(node.value.length);
      }
    });
    if (!/["']/.test(all)) {
      for (const node of texts) node.value = dashesAndEllipses(node.value);
      return;
    }
    // Quotes keep the text's length, so each text node takes back its own stretch.
    const quoted = curlQuotes(all);
    texts.forEach((node, i) => {
      node.value = dashesAndEllipses(quoted.slice(starts[i], starts[i]! + node.value.length));
    });
  };
}

/** Marks where a block starts in the joined text (Markdown never holds U+0000: the parser replaces it). */
const BLOCK_START = '\u0000';
const WHITE_SPACE = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const WORD = /[\p{L}\p{N}\p{M}]/u;

type Kind = 'word' | 'space' | 'mark';

/** What the character at `index` is part of: a word, white space, or punctuation and symbols. */
function kindAt(text: string, index: number): Kind | undefined {
  if (index < 0 || index >= text.length || text[index] === BLOCK_START) return undefined;
  const code = text.charCodeAt(index);
  // The second half of a surrogate pair: the character starts one earlier.
  const char = code >= 0xdc00 && code <= 0xdfff && index > 0 ? String.fromCodePoint(text.codePointAt(index - 1)!) : String.fromCodePoint(text.codePointAt(index)!);
  if (WHITE_SPACE.test(char)) return 'space';
  return WORD.test(char) ? 'word' : 'mark';
}

/** The word that starts at `index`, or '' when none does. */
function wordAt(text: string, index: number): string {
  let end = index;
  while (kindAt(text, end) === 'word') end++;
  return text.slice(index, end);
}

/** Where the run of the character at `index` ends (punctuation repeated, such as `--`, is one mark). */
function runEnd(text: string, index: number): number {
  let end = index + 1;
  while (text[end] === text[index]) end++;
  return end;
}

/** Whether `index` starts a block or a sentence (after `.`, `!`, `?` or `…`, closing marks and a space). */
function startsSentence(text: string, index: number): boolean {
  if (index === 0 || text[index - 1] === BLOCK_START) return true;
  return /[.!?\u2026]["')\]\u2019\u201D]*[\t-\r \u00A0]+$/.test(text.slice(Math.max(0, index - 16), index));
}

const OPEN = { '"': '“', "'": '‘' } as const;
const CLOSE = { '"': '”', "'": '’' } as const;

/** Straight quotes to curly ones, deciding each by its neighbours (SmartyPants' rules, in its order). */
export function curlQuotes(text: string): string {
  // UTF-16 units, so positions match the text nodes' stretches.
  const out = text.split('');
  for (let i = 0; i < text.length; i++) {
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    // Doubled quotes ("" or '') are one mark, not a quote.
    if (text[i - 1] === quote || text[i + 1] === quote) continue;
    const previous = kindAt(text, i - 1);
    const next = kindAt(text, i + 1);
    const afterNext = next === 'mark' ? kindAt(text, runEnd(text, i + 1)) : undefined;
    const nextChar = text[i + 1];
    const nextIsQuote = next === 'mark' && (nextChar === '"' || nextChar === "'") && runEnd(text, i + 1) === i + 2;
    if (next === 'mark' && afterNext !== 'word') {
      // Before punctuation that does not start a word: `"Save".`, `users'.`
      out[i] = CLOSE[quote];
    } else if (nextIsQuote && afterNext === 'word') {
      // A quote inside a quote: `"'Quoted' words"`.
      out[i] = OPEN[quote];
      out[i + 1] = OPEN[nextChar as '"' | "'"];
      i++;
    } else if (next === 'word' && /^\d\ds$/.test(wordAt(text, i + 1))) {
      // A decade: `the '80s`.
      out[i] = CLOSE[quote];
    } else if (quote === "'" && wordAt(text, i + 1) === 's' && startsSentence(text, i)) {
      // `'s` opening a sentence is the end of a word the writer split off.
      out[i] = CLOSE[quote];
    } else if ((previous === 'space' || previous === 'mark') && next === 'word') {
      out[i] = OPEN[quote];
    } else if (previous === 'word') {
      // After a word: a closing quote or an apostrophe (`don't`, `5'10"`).
      out[i] = CLOSE[quote];
    } else if (next === undefined || next === 'space' || (quote === "'" && wordAt(text, i + 1) === 's')) {
      out[i] = CLOSE[quote];
    } else {
      out[i] = OPEN[quote];
    }
  }
  return out.join('');
}

/** `--` to an em dash, `...` and `. . .` to an ellipsis, ` `` ` and `''` to double quotes. */
export function dashesAndEllipses(text: string): string {
  if (!/--|\.\.|\. \.|``|''/.test(text)) return text;
  return text
    .replace(/\.(?:[\t-\r \u00A0]+\.){2,}|\.{3,}/g, '…')
    .replace(/(?<!-)--(?!-)/g, '—')
    .replace(/(?<!`)``(?!`)/g, '“')
    .replace(/(?<!')''(?!')/g, '”');
}
