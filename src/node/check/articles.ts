import path from 'node:path';
import type { z } from 'astro/zod';
import { articleFieldHelp, articleSchema, type ArticleData } from '../../schemas/article.ts';
import { KEBAB_CASE } from '../../schemas/common.ts';
import type { Problem } from '../../shared/problems.ts';
import { splitTranslationName } from '../../shared/translations.ts';
import { checkAccessibility } from './accessibility.ts';
import { checkArticleHtml } from './html.ts';
import { checkMdxCode } from './mdx-code.ts';
import { contentText, readContentText } from './file-safety.ts';
import { relative, type ContentPaths } from './files.ts';
import { MarkdownSyntaxError, scanBody, type BodyScan } from './markdown-scan.ts';
import { findDeepNesting, findOversizedStructure, MAX_FOOTNOTES, MAX_NESTING, MAX_TABLE_COLUMNS } from '../markdown/nesting.ts';
import { problemsFromZod } from './schema-problems.ts';
import { parseYamlSource, splitFrontmatter, type YamlSource } from './yaml-source.ts';

/** An article file as the checker read it: an original, or a translation with its `lang`. */
export interface CheckedArticleFile<T> {
  file: string;
  slug: string;
  /** The language code in the file name (refunds.cy.md); none for an original. */
  lang?: string;
  category: string;
  format: 'md' | 'mdx';
  data: T;
  /** What the body holds; the syntax tree only while the file was just read (a cached article has none). */
  scan?: ArticleScan;
  /** Lines before the body (front matter and its fences): add to a body line to get the file line. */
  bodyLineOffset: number;
  /** File line of each front-matter field, for later checks. */
  lineOf(field: PropertyKey[]): number | undefined;
}

/** An article body's headings and references, and its syntax tree when the file was just parsed. */
export type ArticleScan = Omit<BodyScan, 'tree'> & { tree?: BodyScan['tree'] };

/** An article as the checker read it. */
export type CheckedArticle = CheckedArticleFile<ArticleData>;

/** How an article file's front matter is validated: originals and translations differ. */
export interface FrontMatterSpec<T> {
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<z.core.$ZodIssue> } } };
  /** The fields it accepts, for "did you mean". */
  fields: string[];
  help: Record<string, string>;
  kind: string;
  /** Looks at the raw front matter first; returns what the schema should validate. */
  inspect?(data: Record<string, unknown>, source: YamlSource): Record<string, unknown>;
}

const originalSpec: FrontMatterSpec<ArticleData> = { schema: articleSchema, fields: Object.keys(articleSchema.shape), help: articleFieldHelp, kind: 'article front matter' };

/** Whether a file under content/articles/ is a translation (refunds.cy.md) rather than an original. */
export function isTranslationFile(absolute: string): boolean {
  return splitTranslationName(path.basename(absolute, path.extname(absolute))).lang !== undefined;
}


const ARTICLE_EXTENSIONS = new Set(['.md', '.mdx']);
/** Reads one article file: its place, name, front matter and body; pushes every problem found. */
export function readArticle(paths: ContentPaths, absolute: string, problems: Problem[], bytes?: Buffer): Promise<CheckedArticle | undefined> {
  return readArticleFile(paths, absolute, problems, originalSpec, bytes);
}

/**
 * Reads an original or a translated article with the given front-matter
 * rules. `bytes` are the file's, when the caller has read them already.
 */
export async function readArticleFile<T>(paths: ContentPaths, absolute: string, problems: Problem[], spec: FrontMatterSpec<T>, bytes?: Buffer): Promise<CheckedArticleFile<T> | undefined> {
  const file = relative(paths, absolute);
  const articlesDir = path.join(paths.contentDir, 'articles');
  const parts = path.relative(articlesDir, absolute).split(path.sep);
  const ext = path.extname(absolute);
  if (!ARTICLE_EXTENSIONS.has(ext)) {
    problems.push({
      file,
      message: 'is not an article: only .md and .mdx files belong under content/articles/',
      fix: 'Move images to public/images/ and other files out of content/articles/.',
      severity: 'error',
    });
    return undefined;
  }
  if (parts.length !== 2) {
    problems.push({
      file,
      message: 'is not directly inside a category folder',
      allowed: 'content/articles/<category>/<slug>.md',
      fix: 'Move the file into the folder of its category, one level below content/articles/.',
      severity: 'error',
    });
    return undefined;
  }
  const category = parts[0]!;
  const { slug, lang } = splitTranslationName(path.basename(absolute, ext));
  if (!KEBAB_CASE.test(slug)) {
    problems.push({
      file,
      message: 'the file name is not a valid article slug (it becomes the page address)',
      received: slug,
      allowed: 'lower-case words joined by hyphens, like "reset-your-password"',
      fix: `Rename the file, e.g. to ${slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}${lang ? `.${lang}` : ''}${ext}.`,
      severity: 'error',
    });
    return undefined;
  }
  const text = bytes ? contentText(paths, absolute, bytes, problems) : await readContentText(paths, absolute, problems);
  if (text === undefined) return undefined;
  const { frontmatter, body, bodyStartLine } = splitFrontmatter(text);
  if (frontmatter === null && /^---\r(?!\n)/.test(text)) {
    // Classic Mac OS line endings: the front matter is there, but no tool reads "\r" alone as a new line.
    problems.push({
      file,
      line: 1,
      message: 'ends its lines with a carriage return only (old Mac line endings), so its front matter cannot be read',
      allowed: 'lines ending in LF (or CRLF)',
      fix: 'Save the file with LF line endings (your editor\'s "line endings" setting), or run: perl -pi -e \'s/\\r/\\n/g\' <file>.',
      severity: 'error',
    });
    return undefined;
  }
  if (frontmatter === null) {
    problems.push({
      file,
      line: 1,
      message: 'has no front matter',
      fix: 'Start the file with a block between two "---" lines holding at least title and description.',
      severity: 'error',
    });
    return undefined;
  }
  const source = parseYamlSource(frontmatter, file, 2);
  problems.push(...source.problems);
  if (source.problems.length) return undefined;
  const raw = (source.data ?? {}) as Record<string, unknown>;
  const result = spec.schema.safeParse(spec.inspect ? spec.inspect(raw, source) : raw);
  if (!result.success) {
    problems.push(
      ...problemsFromZod(result.error.issues, {
        file,
        source,
        data: source.data,
        knownKeys: { '': spec.fields },
        help: spec.help,
        kind: spec.kind,
      }),
    );
    return undefined;
  }
  const format = ext === '.mdx' ? 'mdx' : 'md';
  let scan: BodyScan | undefined;
  const oversized = findOversizedStructure(body);
  if (oversized) {
    // Checked before parsing: reading such a table or so many footnotes takes the parser minutes.
    const table = oversized.what === 'table-columns';
    problems.push({
      file,
      line: oversized.line + bodyStartLine - 1,
      message: table ? `has a table of more than ${MAX_TABLE_COLUMNS} columns` : `has more than ${MAX_FOOTNOTES} footnotes`,
      received: table ? `${oversized.count} columns` : `${oversized.count} footnotes`,
      allowed: table ? `at most ${MAX_TABLE_COLUMNS} columns` : `at most ${MAX_FOOTNOTES} footnotes`,
      fix: table ? 'Split the table into several narrower ones, or offer the data as a download (a CSV file in public/files/).' : 'Split the article, or turn the notes into text and links.',
      severity: 'error',
    });
    return { file, slug, lang, category, format, data: result.data, scan, bodyLineOffset: bodyStartLine - 1, lineOf: source.lineOf };
  }
  const deep = findDeepNesting(body, { markdown: true });
  if (deep) {
    // Every Markdown and HTML tool walks the page by recursion: this deep, reading it would crash them.
    problems.push(deeplyNested(file, deep.line + bodyStartLine - 1, deep.what, deep.depth));
    return { file, slug, lang, category, format, data: result.data, scan, bodyLineOffset: bodyStartLine - 1, lineOf: source.lineOf };
  }
  try {
    scan = scanBody(body, format, bodyStartLine - 1);
    problems.push(...checkAccessibility(file, scan, bodyStartLine - 1));
    problems.push(...checkMdxCode(file, scan.tree, format, bodyStartLine - 1), ...checkArticleHtml(file, scan.tree, body, format, bodyStartLine - 1));
  } catch (error) {
    // A last guard: a page the estimate above let through must still not crash the check.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      problems.push(deeplyNested(file, bodyStartLine, 'either'));
      return { file, slug, lang, category, format, data: result.data, scan, bodyLineOffset: bodyStartLine - 1, lineOf: source.lineOf };
    }
    if (!(error instanceof MarkdownSyntaxError)) throw error;
    problems.push({
      file,
      line: error.line,
      column: error.column,
      message: `the ${format === 'mdx' ? 'MDX' : 'Markdown'} could not be read: ${error.message}`,
      fix:
        format === 'mdx'
          ? 'Check that every <Component> is closed (</Component> or />), that { and } are paired, and that a literal "<" or "{" is escaped as \\< or \\{.'
          : 'Check the Markdown near this line.',
      severity: 'error',
    });
  }
  return { file, slug, lang, category, format, data: result.data, scan, bodyLineOffset: bodyStartLine - 1, lineOf: source.lineOf };
}


/** The problem for a body nested too deeply to read safely. */
export function deeplyNested(file: string, line: number, what: 'html' | 'markdown' | 'either', depth?: number): Problem {
  const nested = { html: 'HTML elements', markdown: 'quotes or lists', either: 'elements, quotes or lists' }[what];
  return {
    file,
    line,
    message: `has ${nested} nested inside each other more than ${MAX_NESTING} levels deep, too deep to read safely`,
    received: depth === undefined ? undefined : `${depth} levels`,
    allowed: `at most ${MAX_NESTING} levels; real articles need a few`,
    fix: {
      html: 'Close each element you open (<b>…</b>, <div>…</div>), or replace the HTML with Markdown.',
      markdown: 'Take out the extra ">" or list markers and indentation at the start of this line.',
      either: 'Close each HTML element you open, and take out extra ">" or list markers: real articles need a few levels.',
    }[what],
    severity: 'error',
  };
}
