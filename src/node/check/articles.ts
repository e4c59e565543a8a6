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
  try {
    scan = scanBody(body, format, bodyStartLine - 1);
    problems.push(...checkAccessibility(file, scan, bodyStartLine - 1));
    problems.push(...checkMdxCode(file, scan.tree, format, bodyStartLine - 1), ...checkArticleHtml(file, scan.tree, body, format, bodyStartLine - 1));
  } catch (error) {
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

