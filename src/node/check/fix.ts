import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Heading, Link, Nodes, Root, Table } from 'mdast';
import type { Problem } from '../../shared/problems.ts';
import { visit } from 'unist-util-visit';
import { parseInternalLink } from '../../shared/routes.ts';
import { listFiles } from './files.ts';
import { MarkdownSyntaxError, nodeText, scanBody } from './markdown-scan.ts';

/**
 * The fixes `npm run check -- --fix` makes by itself, because each has one
 * right answer and keeps what the writer meant: heading levels renumbered
 * so none is skipped (the outline kept), a bare web address turned into a
 * link named by its domain, and a table whose first row is empty given its
 * next row as the header. Everything else is listed with a suggestion.
 * Applying the fixes to fixed text changes nothing.
 */

/** One change made, or one suggested, with the file line (1-based). */
export interface FixNote {
  line?: number;
  kind: 'heading' | 'link' | 'table';
  /** What was done or what to do, in a sentence. */
  text: string;
}

/** What fixing a file did. */
export interface FixResult {
  text: string;
  fixed: FixNote[];
  suggested: FixNote[];
}

/** Link texts that say nothing out of context; the same list as the check's (accessibility.ts). */
const VAGUE = new Set(['click here', 'here', 'read more', 'more', 'this link', 'link', 'this', 'click', 'learn more', 'this page', 'go']);

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Splits the front matter from the body, so positions in the body can be found again. */
function splitFrontMatter(source: string): { head: string; body: string; lineOffset: number } {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { head: '', body: source, lineOffset: 0 };
  return { head: match[0], body: source.slice(match[0].length), lineOffset: match[0].split('\n').length - 1 };
}

/** A web address's domain, as link text: "https://www.example.com/prices" → "example.com". */
export function domainOf(url: string): string | undefined {
  try {
    return new URL(/^www\./i.test(url) ? `https://${url}` : url).hostname.replace(/^www\./i, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Markdown for a link destination: in angle brackets when it has spaces or brackets. */
function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/>/g, '%3E')}>` : url;
}

/** New depths for the headings, so the outline keeps its shape without a skipped level or a second h1. */
export function renumberHeadings(depths: readonly number[]): number[] {
  const stack: Array<{ original: number; renumbered: number }> = [];
  return depths.map((depth) => {
    while (stack.length && stack.at(-1)!.original >= depth) stack.pop();
    const renumbered = Math.min((stack.at(-1)?.renumbered ?? 1) + 1, 6);
    stack.push({ original: depth, renumbered });
    return renumbered;
  });
}

/**
 * Fixes one article's text (front matter kept as it is). `titleOf` names
 * the article at a slug, for suggestions and for a bare link to an article.
 * Text that is not valid Markdown or MDX is returned unchanged: the check
 * reports it.
 */
export function fixArticleText(source: string, format: 'md' | 'mdx', titleOf: (slug: string) => string | undefined): FixResult {
  let result = fixOnce(source, format, titleOf);
  const fixed = [...result.fixed];
  // Two fixes in one place (a bare address in a table's first row) take a second pass.
  for (let pass = 0; pass < 3 && result.fixed.length; pass++) {
    const again = fixOnce(result.text, format, titleOf);
    if (again.text === result.text) break;
    fixed.push(...again.fixed);
    result = again;
  }
  return { ...result, fixed };
}

function fixOnce(source: string, format: 'md' | 'mdx', titleOf: (slug: string) => string | undefined): FixResult {
  const { head, body, lineOffset } = splitFrontMatter(source);
  let tree: Root;
  try {
    tree = scanBody(body, format).tree;
  } catch (error) {
    if (error instanceof MarkdownSyntaxError) return { text: source, fixed: [], suggested: [] };
    throw error;
  }
  const edits: Edit[] = [];
  const fixed: FixNote[] = [];
  const suggested: FixNote[] = [];
  const lineOf = (node: Nodes) => (node.position ? node.position.start.line + lineOffset : undefined);
  const span = (node: Nodes) => ({ start: node.position!.start.offset!, end: node.position!.end.offset! });

  const headings: Heading[] = [];
  visit(tree, 'heading', (node: Heading) => {
    headings.push(node);
  });
  const depths = renumberHeadings(headings.map((h) => h.depth));
  headings.forEach((heading, i) => {
    const depth = depths[i]!;
    if (depth === heading.depth || !heading.position) return;
    const { start, end } = span(heading);
    const original = body.slice(start, end);
    const atx = /^(#{1,6})(?=[ \t]|$)/.exec(original);
    if (atx) {
      edits.push({ start, end: start + atx[1]!.length, text: '#'.repeat(depth) });
    } else {
      // A heading underlined with === or ---: written again with #, its text as it was.
      const first = heading.children[0];
      const last = heading.children.at(-1);
      const text = first && last ? body.slice(first.position!.start.offset!, last.position!.end.offset!) : '';
      edits.push({ start, end, text: `${'#'.repeat(depth)} ${text.replace(/\s*\n\s*/g, ' ')}` });
    }
    fixed.push({ line: lineOf(heading), kind: 'heading', text: `heading "${nodeText(heading)}" is now level ${depth} (was ${heading.depth})` });
  });

  visit(tree, 'link', (node: Link) => {
    if (!node.position) return;
    const text = nodeText(node).trim();
    const vague = VAGUE.has(text.toLowerCase().replace(/[.!:]+$/, ''));
    const bare = /^(https?:\/\/|www\.)/i.test(text) || (text === node.url && node.url.includes('/'));
    if (!vague && !bare) return;
    const internal = parseInternalLink(node.url);
    const title = internal?.type === 'article' ? titleOf(internal.slug) : undefined;
    if (bare) {
      const name = internal ? title : /^https?:/i.test(node.url) ? domainOf(node.url) : undefined;
      if (name) {
        const { start, end } = span(node);
        edits.push({ start, end, text: `[${name.replace(/([\\[\]])/g, '\\$1')}](${destination(node.url)}${node.title ? ` ${JSON.stringify(node.title)}` : ''})` });
        fixed.push({ line: lineOf(node), kind: 'link', text: `the address ${text} is now a link named "${name}"` });
        return;
      }
    }
    suggested.push({
      line: lineOf(node),
      kind: 'link',
      text: title
        ? `link "${text}": put the link on the page's title, e.g. [${title}](${node.url})`
        : `link "${text}": put the link on words that name where it goes${domainOf(node.url) ? ` (a page on ${domainOf(node.url)})` : ''}`,
    });
  });

  visit(tree, 'table', (node: Table) => {
    const header = node.children[0];
    if (!header || !header.children.every((cell) => nodeText(cell).trim() === '') || !node.position) return;
    const startLine = node.position.start.line;
    const endLine = node.position.end.line;
    const rows = node.children.length;
    // One line per row (GFM), plus the delimiter row: anything else is not a table this fix understands.
    if (endLine - startLine + 1 !== rows + 1 || rows < 3) {
      suggested.push({ line: lineOf(node), kind: 'table', text: 'table without a header row: write column names in its first row' + (rows < 3 ? ' (it has one row of data, so it may be a layout table better written as a list)' : '') });
      return;
    }
    const lineStarts = [0];
    for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
    const lineText = (line: number) => body.slice(lineStarts[line - 1], (lineStarts[line] ?? body.length + 1) - 1).replace(/\r$/, '');
    const lines = Array.from({ length: rows + 1 }, (_, i) => lineText(startLine + i));
    const [, delimiter, firstRow, ...rest] = lines;
    const start = lineStarts[startLine - 1]!;
    const end = start + lines.join('\n').length + (body.slice(start).includes('\r\n') ? rows : 0);
    edits.push({ start, end, text: [firstRow, delimiter, ...rest].join(body.includes('\r\n') ? '\r\n' : '\n') });
    fixed.push({ line: lineOf(node), kind: 'table', text: 'table: its first row of data is now its header row' });
  });

  edits.sort((a, b) => b.start - a.start);
  let text = body;
  let lastStart = Infinity;
  for (const edit of edits) {
    if (edit.end > lastStart) continue; // overlapping edits: the later one waits for the next run
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    lastStart = edit.start;
  }
  const byLine = (a: FixNote, b: FixNote) => (a.line ?? 0) - (b.line ?? 0);
  return { text: head + text, fixed: fixed.sort(byLine), suggested: suggested.sort(byLine) };
}

/** Fixes a file in place; returns what was done (nothing is written when nothing changed). */
export async function fixArticleFile(absolute: string, titleOf: (slug: string) => string | undefined): Promise<FixResult> {
  const source = await readFile(absolute, 'utf8');
  const result = fixArticleText(source, absolute.endsWith('.mdx') ? 'mdx' : 'md', titleOf);
  if (result.text !== source) await writeFile(absolute, result.text);
  return result;
}

/** Fixes every article and translation under content/articles/; returns what was done to each file, by path. */
export async function fixContentFolder(contentDir: string, titleOf: (slug: string) => string | undefined): Promise<Array<{ absolute: string; result: FixResult }>> {
  const files = (await listFiles(path.join(contentDir, 'articles'))).filter((file) => /\.mdx?$/.test(file));
  const done: Array<{ absolute: string; result: FixResult }> = [];
  for (const absolute of files) done.push({ absolute, result: await fixArticleFile(absolute, titleOf) });
  return done;
}

/** The lines `--fix` prints: each change by file and line, then what a person must do, with a suggestion. */
export function formatFixes(done: ReadonlyArray<{ file: string; result: FixResult }>): string[] {
  const lines: string[] = [];
  const changed = done.filter((d) => d.result.fixed.length);
  const total = changed.reduce((sum, d) => sum + d.result.fixed.length, 0);
  lines.push(total ? `Fixed ${total} ${total === 1 ? 'problem' : 'problems'} in ${changed.length} ${changed.length === 1 ? 'file' : 'files'}:` : 'Nothing to fix by machine.');
  for (const { file, result } of changed) for (const note of result.fixed) lines.push(`  ${file}${note.line ? `:${note.line}` : ''} ${note.text}`);
  const suggested = done.flatMap(({ file, result }) => result.suggested.map((note) => ({ file, note })));
  if (suggested.length) {
    lines.push(`${suggested.length} more ${suggested.length === 1 ? 'needs' : 'need'} a person; suggestions:`);
    for (const { file, note } of suggested) lines.push(`  ${file}${note.line ? `:${note.line}` : ''} ${note.text}`);
  }
  return lines;
}

/** Rules whose problems --fix may fix by itself (vague link text only when the text is an address). */
const FIXABLE_RULES = new Set(['heading-h1', 'heading-skip', 'table-header', 'link-text']);

/**
 * How many problems `--fix` would fix, tried on the files that have
 * problems of its kinds (nothing is written), for the check to offer it.
 */
export async function countFixable(problems: readonly Problem[], root: string, titleOf: (slug: string) => string | undefined): Promise<number> {
  let count = 0;
  const files = new Set(problems.filter((p) => p.rule !== undefined && FIXABLE_RULES.has(p.rule)).map((p) => path.resolve(root, p.file)));
  for (const file of files) count += fixArticleText(await readFile(file, 'utf8'), file.endsWith('.mdx') ? 'mdx' : 'md', titleOf).fixed.length;
  return count;
}
