import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
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
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  let doc: Document;
  try {
    // merge: false keeps "<<" an ordinary key, so a merge is reported below, never applied.
    doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, merge: false });
  } catch (error) {
    return unreadable(file, firstLine, error);
  }
  // One broken line often confuses the parser for the rest of the file; the first few errors are the useful ones.
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    const reason = error.code === 'RESOURCE_EXHAUSTION' ? 'it is nested too deeply' : error.message.split('\n')[0];
    if (problems.length === 3 || problems.some((p) => p.message.endsWith(reason!))) continue;
    const { line: at, col } = counter.linePos(error.pos[0]);
    // A value starting with "*", "&" or "!" is YAML syntax, not text: the usual cause is Markdown emphasis.
    const written = /^(\s*(?:-\s+)?[\w-]+:\s+|\s*-\s+)([*&!].*?)\s*$/.exec(text.split('\n')[at - 1] ?? '');
    problems.push({
      file,
      line: toLine(error.pos[0]),
      column: col,
      message: `the YAML could not be read: ${reason}`,
      fix: written
        ? `Text that starts with "${written[2]![0]}" must be in quotes: ${written[1]!.trim()} "${written[2]!.replace(/"/g, '\\"')}"`
        : 'Check the indentation, that every "key: value" has a space after the colon, and that text containing ":" or "#" is in quotes.',
      severity: 'error',
    });
  }
  if (!problems.length) problems.push(...yamlFeatureProblems(doc, text, file, toLine));
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
  let data: unknown;
  if (!problems.length) {
    try {
      data = doc.toJS({ maxAliasCount: 0 });
    } catch (error) {
      return unreadable(file, firstLine, error);
    }
  }
  return { data, problems, lineOf };
}

function unreadable(file: string, line: number, error: unknown): YamlSource {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return {
    data: undefined,
    problems: [{ file, line, message: `the YAML could not be read: ${reason}`, fix: 'Write the settings as plain "key: value" lines and lists, as in the examples in README.md.', severity: 'error' }],
    lineOf: () => line,
  };
}

/**
 * Anchors (&name), aliases (*name), merge keys (<<) and tags (!!binary):
 * YAML features no setting or front matter needs, which make a value
 * appear somewhere other than where it is written, can multiply a small
 * file into gigabytes, or crash a parser. Most often a writer meant plain
 * text that starts with "*" or "&", so the fix says how to quote it.
 */
function yamlFeatureProblems(doc: Document, text: string, file: string, toLine: (offset: number) => number): Problem[] {
  const problems: Problem[] = [];
  const quoted = (start: number, end: number) => {
    const raw = text.slice(start, end).trim();
    return `"${raw.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  };
  // An alias bomb repeats the same few lines: one problem per line and kind is enough.
  const seen = new Set<string>();
  const push = (kind: string, problem: Problem) => {
    const key = `${kind}:${problem.line}`;
    if (seen.has(key) || seen.size >= 20) return;
    seen.add(key);
    problems.push(problem);
  };
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const [start, end] = node.range ?? [0, 0];
      push('alias', {
        file,
        line: toLine(start),
        message: 'starts with "*", which YAML reads as a reference to another value (an alias), not as text',
        received: text.slice(start, end).trim(),
        allowed: 'plain text; put text that starts with "*" in quotes',
        fix: `Write it in quotes: ${quoted(start, end)}. (Markdown emphasis does not work here.)`,
        severity: 'error',
      });
      return;
    }
    if (isPair(node) && isScalar(node.key) && node.key.value === '<<') {
      push('merge', {
        file,
        line: toLine(node.key.range?.[0] ?? 0),
        field: '<<',
        message: 'is a YAML merge key, which copies fields from elsewhere in the file',
        allowed: 'each field written out where it applies',
        fix: 'Replace the "<<:" line with the fields themselves.',
        severity: 'error',
      });
    }
    if (!isNode(node)) return;
    const start = node.range?.[0] ?? 0;
    if (isScalar(node) && typeof node.value === 'string') {
      const hidden = hiddenCharacter(node.value);
      if (hidden) push('hidden', { file, line: toLine(start), ...hidden, severity: 'error' });
    }
    if (node.anchor) {
      push('anchor', {
        file,
        line: toLine(start),
        message: `has a YAML anchor (&${node.anchor}), a name for reusing the value elsewhere`,
        received: `&${node.anchor}`,
        allowed: 'plain values; put text that starts with "&" in quotes',
        fix: `Remove "&${node.anchor}", or if it is part of the text, put the whole text in quotes.`,
        severity: 'error',
      });
    }
    if (node.tag && !isMap(node) && !isSeq(node)) {
      push('tag', {
        file,
        line: toLine(start),
        message: `has a YAML tag (${node.tag.replace('tag:yaml.org,2002:', '!!')}), which changes how the value is read`,
        received: node.tag.replace('tag:yaml.org,2002:', '!!'),
        allowed: 'plain text, numbers, true or false, dates and lists',
        fix: 'Remove the tag, and put the value in quotes if it starts with "!".',
        severity: 'error',
      });
    }
  });
  return problems;
}

// Characters a file cannot hold as bytes (NUL) or that no text needs, which a
// YAML escape ("\0", "\u202E") still puts in a value: control characters
// (tabs and line breaks are text), unpaired surrogates and non-characters,
// and the overrides that make text display in another order than it is
// written ("Refund\u202Egnp.exe" shows as "Refundexe.png").
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const OVERRIDE = /[\u202d\u202e]/;

function hiddenCharacter(value: string): Pick<Problem, 'message' | 'received' | 'allowed' | 'fix'> | undefined {
  const control = CONTROL.exec(value);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      message: `has an invisible control character (${code}), which would be published as it is`,
      received: JSON.stringify(value).slice(1, -1),
      allowed: 'text; tabs and line breaks are fine',
      fix: `Remove the character; in quotes it is often written as the escape "${code === 'U+0000' ? '\\0' : `\\u${code.slice(2)}`}".`,
    };
  }
  const override = OVERRIDE.exec(value);
  if (override) {
    return {
      message: `has a direction override (U+${override[0].charCodeAt(0).toString(16).toUpperCase()}), which shows the text in another order than it is written`,
      received: JSON.stringify(value).slice(1, -1).replace(/[\u202d\u202e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`),
      allowed: 'text as it reads; right-to-left languages need no override, the site sets the direction',
      fix: 'Remove the override character (it is invisible: retype the text, or delete the escape "\\u202E" / "\\u202D").',
    };
  }
  return undefined;
}

/** Splits a Markdown file into front matter and body, keeping line numbers. */
export function splitFrontmatter(source: string): { frontmatter: string | null; body: string; bodyStartLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { frontmatter: null, body: source, bodyStartLine: 1 };
  const frontmatter = match[1] ?? '';
  const bodyStartLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { frontmatter, body: source.slice(match[0].length), bodyStartLine };
}
