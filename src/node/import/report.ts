import { formatProblem, type Problem } from '../../shared/problems.ts';

/**
 * Everything the import can find, by kind. The label is what the summary
 * prints; `action` says whether a writer has to do something ("fix"), should
 * look ("check"), or was only told what the import did ("done").
 */
export const FINDING_KINDS = {
  'read-error': { label: 'export files that could not be read', action: 'fix' },
  'row-skipped': { label: 'articles without an id or language in the export, not imported', action: 'fix' },
  'duplicate-id': { label: 'articles listed twice under one id with different text (the later one kept)', action: 'check' },
  'nesting-flattened': { label: 'articles whose HTML nested too deeply, imported as plain paragraphs', action: 'check' },
  'unsafe-content': { label: 'scripts, event handlers and javascript: links removed', action: 'check' },
  embed: { label: 'embedded videos or frames turned into links', action: 'check' },
  'tag-unconverted': { label: 'template tags or components left as text', action: 'fix' },
  'tag-converted': { label: 'template tags, admonitions and shortcodes converted', action: 'done' },
  'headings-renumbered': { label: 'articles whose heading levels were renumbered', action: 'done' },
  'table-header-guessed': { label: 'tables whose first row was made the header row', action: 'check' },
  'table-kept-html': { label: 'tables kept as HTML (merged cells or nested tables)', action: 'check' },
  'image-missing': { label: 'images not in the export (still loaded from the old site)', action: 'fix' },
  'image-no-alt': { label: 'images without alt text', action: 'fix' },
  'image-unsafe': { label: 'images and files refused (code in them, or unreadable data)', action: 'fix' },
  'file-missing': { label: 'linked files not in the export', action: 'fix' },
  'link-unresolved': { label: 'links to old pages that could not be resolved', action: 'fix' },
  'anchor-lost': { label: 'links to a place in a page that no longer exists', action: 'check' },
  'title-shortened': { label: 'titles shortened to 80 characters', action: 'check' },
  'title-duplicate': { label: 'titles that another article has too', action: 'fix' },
  'description-generated': { label: 'descriptions written from the first sentence', action: 'check' },
  'slug-fallback': { label: 'titles that gave no readable file name', action: 'check' },
  restricted: { label: 'articles for a restricted audience, imported as drafts', action: 'check' },
  'no-default-language': { label: 'articles without a version in the default language', action: 'fix' },
  'translation-outdated': { label: 'translations marked outdated at the source', action: 'check' },
  'empty-article': { label: 'articles with no text', action: 'fix' },
  'article-too-large': { label: 'articles over 1 MB, which the check refuses (split them)', action: 'fix' },
  'title-missing': { label: 'articles without a title, given one from their text or id', action: 'fix' },
  'category-flattened': { label: 'nested sections or folders merged into their parent category', action: 'done' },
  'category-shared': { label: 'categories that already existed and were reused', action: 'done' },
  'callout-as-quote': { label: 'callouts written as quotes (the page could not be MDX)', action: 'check' },
  'edited-kept': { label: 'files edited since the last import, kept as they are', action: 'check' },
  'file-exists': { label: 'files the import did not write, left alone', action: 'check' },
  'article-removed': { label: 'articles gone from the export', action: 'check' },
  'redirect-conflict': { label: 'old addresses already redirected by hand', action: 'check' },
} as const satisfies Record<string, { label: string; action: 'fix' | 'check' | 'done' }>;

/** One kind of finding. */
export type FindingKind = keyof typeof FINDING_KINDS;

/**
 * Something the import wants a writer to know, in the same shape as the
 * content checker's problems (file, line, received, allowed, fix), plus its
 * kind and where in the export it came from.
 */
export interface Finding extends Omit<Problem, 'severity'> {
  kind: FindingKind;
  /** Where in the export, e.g. "articles-1.json: article 360001234 (fr)". */
  source?: string;
  /** A string expected in the written file: its line becomes `line` once the file is written. */
  near?: string;
}

/** Collects findings for one file being written, so callers need not repeat the file name. */
export class FindingList {
  readonly items: Finding[] = [];

  /** Adds a finding; returns it so a caller can fill in more. */
  add(finding: Finding): Finding {
    this.items.push(finding);
    return finding;
  }

  /** How many findings of a kind. */
  count(kind: FindingKind): number {
    return this.items.filter((f) => f.kind === kind).length;
  }
}

/** The 1-based line of the first occurrence of `needle` in `text`, if any. */
export function lineOf(text: string, needle: string): number | undefined {
  const index = text.indexOf(needle);
  if (index === -1) return undefined;
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A finding in the checker's wording, for the terminal and the report file. */
export function formatFinding(finding: Finding): string {
  const action = FINDING_KINDS[finding.kind].action;
  const problem: Problem = { ...finding, severity: finding.kind === 'read-error' ? 'error' : 'warning' };
  // formatProblem prints "Received" whenever the key exists; a finding without a value has nothing to show.
  if (problem.received === undefined) delete problem.received;
  const text = formatProblem(problem).replace(/ (error|warning): /, action === 'done' ? ' note: ' : ' $1: ');
  return finding.source ? `${text}\n    Source:   ${finding.source}` : text;
}

/** Findings counted by kind, in the order of {@link FINDING_KINDS}, leaving out kinds with none. */
export function countByKind(findings: readonly Finding[]): Array<{ kind: FindingKind; label: string; action: string; count: number }> {
  const counts = new Map<FindingKind, number>();
  for (const finding of findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
  return (Object.keys(FINDING_KINDS) as FindingKind[])
    .filter((kind) => counts.has(kind))
    .map((kind) => ({ kind, label: FINDING_KINDS[kind].label, action: FINDING_KINDS[kind].action, count: counts.get(kind)! }));
}
