import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../../shared/problems.ts';

/** YAML parsed with enough position data to point a writer at a line. */
export interface YamlSource {
  /** Parsed value, or undefined when the YAML itself is broken. */
  data: unknown;
  /** Syntax problems, with lines already offset. */
  problems: Problem[];
  /** 1-based line of the key (or list item) at a path; for a missing one, the nearest parent's line. */
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
}

/**
 * Parses YAML text. `firstLine` is the file line the text starts on, so that
 * front matter (which starts on line 2) reports real file lines.
 */
export function parseYamlSource(text: string, file: string, firstLine = 1): YamlSource {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = doc.errors.map((error) => ({
    file,
    line: toLine(error.pos[0]),
    column: counter.linePos(error.pos[0]).col,
    message: `the YAML could not be read: ${error.message.split('\n')[0]}`,
    fix: 'Check the indentation, that every "key: value" has a space after the colon, and that text containing ":" or "#" is in quotes.',
    severity: 'error',
  }));
  const lineOf = (path: ReadonlyArray<PropertyKey>): number | undefined => {
    // Walk down as far as the path exists, so a missing key points at its parent.
    let node: unknown = doc.contents;
    // A missing top-level field points at the start of the block.
    let line: number | undefined = firstLine;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        const keyRange = (pair.key as { range?: [number, number] } | null)?.range;
        if (keyRange) line = toLine(keyRange[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as { range?: [number, number] } | undefined;
        if (!item) break;
        if (item.range) line = toLine(item.range[0]);
        node = item;
      } else break;
    }
    return line;
  };
  return { data: problems.length ? undefined : doc.toJS(), problems, lineOf };
}

/** Splits a Markdown file into front matter and body, keeping line numbers. */
export function splitFrontmatter(source: string): { frontmatter: string | null; body: string; bodyStartLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { frontmatter: null, body: source, bodyStartLine: 1 };
  const frontmatter = match[1] ?? '';
  const bodyStartLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { frontmatter, body: source.slice(match[0].length), bodyStartLine };
}
