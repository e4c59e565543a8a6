import { formatDate } from '../help-center.ts';
import type { PageData } from './find.ts';
import { words } from './synonyms.ts';

/** Words over which an excerpt looks for the most matches. */
export const EXCERPT_WORDS = 24;
/** Most characters an excerpt shows: two lines of a result at its reading width (42rem). */
export const EXCERPT_CHARS = 130;
/** Most words shown before the first highlighted one, so it is on the first line. */
const LEAD_IN = 5;
/** How far back from a match an excerpt may reach to start with its sentence. */
const SENTENCE_REACH = 9;

/** A run of an excerpt's text: highlighted when it is a word the query matched. */
export interface ExcerptPart {
  text: string;
  isMatch: boolean;
}

/** One result as the search page (and the header's suggestions) show it. */
export interface SearchResult {
  url: string;
  title: string;
  /** The article's category title; empty when the page has none. */
  category: string;
  /** When the article was last updated: `iso` for `<time datetime>`, `label` for people. */
  updated?: { iso: string; label: string };
  /** Body text around the matched words; never keywords, synonyms or references. */
  excerpt: ExcerptPart[];
}

/** A matched word's position in a page's text, how strongly it matched, and which query word it matched. */
export interface ScoredLocation {
  location: number;
  score: number;
  /** Which of the query's words (any key): an excerpt with more different ones is better. */
  term?: number;
}

/**
 * A date as one run of digits (20261012), as the `updated` metadata field
 * holds it. Pagefind searches every metadata field; as one token, the date
 * can never match a "10" or a "12" a customer typed.
 */
export function compactDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

/** The YYYY-MM-DD form of a `compactDate`, or undefined when it is not one. */
export function isoFromCompact(compact: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(compact?.trim() ?? '');
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/**
 * A page's text split into the words Pagefind counts `locations` over:
 * by zero-width spaces where it segmented the text itself (languages
 * written without spaces), otherwise by white space.
 */
export function pageWords(content: string): string[] {
  return content.includes('\u200B') ? content.split('\u200B') : content.split(/[^\S\uFEFF]+/).filter(Boolean);
}

/** How many words the page's text starts with that are its title (Pagefind indexes the h1 first). */
function titleLength(tokens: string[], title: string): number {
  const wanted = words(title);
  let seen: string[] = [];
  for (let i = 0; i < tokens.length && seen.length < wanted.length; i++) {
    seen = seen.concat(words(tokens[i]!));
    if (seen.join(' ') === wanted.join(' ')) return i + 1;
  }
  return 0;
}

/** Where an excerpt from `start` must end to stay within `EXCERPT_CHARS`, at most `end`; at least one word. */
function fitEnd(tokens: string[], start: number, end: number): number {
  let chars = 0;
  for (let i = start; i < end; i++) {
    chars += tokens[i]!.length + (i > start ? 1 : 0);
    if (chars > EXCERPT_CHARS) return Math.max(i, start + 1);
  }
  return end;
}

const endsSentence = (token: string) => /[.!?:]["'”’)]*$/.test(token);

/** A matched token split so only its word is highlighted, not the punctuation around it. */
function markToken(token: string): ExcerptPart[] {
  const match = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(token)!;
  const [, before = '', core = '', after = ''] = match;
  if (!core) return [{ text: token, isMatch: false }];
  return [
    ...(before ? [{ text: before, isMatch: false }] : []),
    { text: core, isMatch: true },
    ...(after ? [{ text: after, isMatch: false }] : []),
  ];
}

/** Tokens `start` to `end` as parts, the `marked` ones highlighted. */
function toParts(tokens: string[], marked: Set<number>, start: number, end: number): ExcerptPart[] {
  return tokens.slice(start, end).flatMap((token, i) => [
    ...(i > 0 ? [{ text: ' ', isMatch: false }] : []),
    ...(marked.has(start + i) ? markToken(token) : [{ text: token, isMatch: false }]),
  ]);
}

/**
 * The excerpt of a result: the stretch of the article's body with the most
 * (and best) matched words, starting at its sentence or a few words before
 * the first match, with the matches highlighted. The title is left out (the
 * result shows it already). When only the title or metadata matched (a
 * synonym, a keyword, a reference), the description stands in: it is the
 * writer's own summary, and no match is highlighted in it.
 */
export function buildExcerpt(
  page: { content: string; title: string; description?: string },
  matches: ScoredLocation[],
  length = EXCERPT_WORDS,
): ExcerptPart[] {
  const tokens = pageWords(page.content);
  const bodyStart = titleLength(tokens, page.title);
  const inBody = matches.filter((m) => m.location >= bodyStart && m.location < tokens.length);
  if (inBody.length === 0) {
    const [from, first] = page.description ? [pageWords(page.description), 0] : [tokens, bodyStart];
    const end = fitEnd(from, first, Math.min(from.length, first + length));
    return mergePlain([...toParts(from, new Set(), first, end), ...(end < from.length ? [{ text: ' …', isMatch: false }] : [])]);
  }

  // The window of `length` words holding the most different query words,
  // then the best-weighted matches (a heading over body text); the earliest wins a tie.
  const sorted = [...inBody].sort((a, b) => a.location - b.location);
  const inWindow = new Map<number | undefined, number>();
  let bestFirst = sorted[0]!.location;
  let bestScore = -Infinity;
  for (let i = 0, j = 0, sum = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j]!.location < sorted[i]!.location + length - LEAD_IN) {
      inWindow.set(sorted[j]!.term, (inWindow.get(sorted[j]!.term) ?? 0) + 1);
      sum += sorted[j++]!.score;
    }
    const score = inWindow.size * 1000 + sum;
    if (score > bestScore) {
      bestScore = score;
      bestFirst = sorted[i]!.location;
    }
    const left = inWindow.get(sorted[i]!.term)! - 1;
    if (left) inWindow.set(sorted[i]!.term, left);
    else inWindow.delete(sorted[i]!.term);
    sum -= sorted[i]!.score;
  }

  let start = Math.max(bodyStart, bestFirst - LEAD_IN);
  for (let i = bestFirst - 1; i >= Math.max(bodyStart, bestFirst - SENTENCE_REACH); i--) {
    if (endsSentence(tokens[i]!)) {
      start = i + 1;
      break;
    }
    if (i === bodyStart) start = bodyStart;
  }
  const end = fitEnd(tokens, start, Math.min(tokens.length, start + length));
  const isSentenceStart = start === bodyStart || endsSentence(tokens[start - 1]!);
  const parts = toParts(tokens, new Set(inBody.map((m) => m.location)), start, end);
  if (!isSentenceStart) parts.unshift({ text: '… ', isMatch: false });
  if (end < tokens.length && !endsSentence(tokens[end - 1]!)) parts.push({ text: ' …', isMatch: false });
  return mergePlain(parts);
}

/** Neighbouring plain runs as one, so a renderer makes one text node of each. */
function mergePlain(parts: ExcerptPart[]): ExcerptPart[] {
  const merged: ExcerptPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && !last.isMatch && !part.isMatch) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/**
 * A Pagefind page as a result to show. The date label is formatted with
 * `Intl` in the site's locale, in UTC so it is the day the writer wrote.
 */
export function toSearchResult(page: PageData, locale: string): SearchResult {
  const title = page.meta.title ?? page.url;
  // Pagefind's weight: 1 for body text, more for headings and the description.
  const weights = new Map(page.weighted_locations?.map((l) => [l.location, l.weight]));
  const matches = page.term_locations
    ? page.term_locations.flatMap((locations, term) => locations.map((location) => ({ location, term, score: weights.get(location) ?? 1 })))
    : page.locations.map((location) => ({ location, score: weights.get(location) ?? 1 }));
  const iso = isoFromCompact(page.meta.updated);
  return {
    url: page.url,
    title,
    category: page.filters.category?.[0] ?? '',
    ...(iso ? { updated: { iso, label: formatDate(new Date(`${iso}T00:00:00Z`), locale) } } : {}),
    excerpt: buildExcerpt({ content: page.raw_content !== undefined && page.raw_content.includes('\u200B') ? unescapeAngles(page.raw_content) : page.content, title, description: page.meta.description }, matches),
  };
}

/** Pagefind's `raw_content` escapes only angle brackets. */
function unescapeAngles(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
}
