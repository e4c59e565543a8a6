import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { articleFieldHelp, articleSchema, type ArticleData } from '../../schemas/article.ts';
import { KEBAB_CASE } from '../../schemas/common.ts';
import type { Problem } from '../../shared/problems.ts';
import { checkAccessibility } from './accessibility.ts';
import { relative, type ContentPaths } from './files.ts';
import { MarkdownSyntaxError, scanBody, type BodyScan } from './markdown-scan.ts';
import { problemsFromZod } from './schema-problems.ts';
import { parseYamlSource, splitFrontmatter } from './yaml-source.ts';

/** An article as the checker read it. */
export interface CheckedArticle {
  file: string;
  slug: string;
  category: string;
  format: 'md' | 'mdx';
  data: ArticleData;
  scan?: BodyScan;
  /** Lines before the body (front matter and its fences): add to a body line to get the file line. */
  bodyLineOffset: number;
  /** File line of each front-matter field, for later checks. */
  lineOf(field: PropertyKey[]): number | undefined;
}


const ARTICLE_EXTENSIONS = new Set(['.md', '.mdx']);
/** Reads one article file: its place, name, front matter and body; pushes every problem found. */
export async function readArticle(paths: ContentPaths, absolute: string, problems: Problem[]): Promise<CheckedArticle | undefined> {
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
  const slug = path.basename(absolute, ext);
  if (!KEBAB_CASE.test(slug)) {
    problems.push({
      file,
      message: 'the file name is not a valid article slug (it becomes the page address)',
      received: slug,
      allowed: 'lower-case words joined by hyphens, like "reset-your-password"',
      fix: `Rename the file, e.g. to ${slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}${ext}.`,
      severity: 'error',
    });
    return undefined;
  }
  const text = await readFile(absolute, 'utf8');
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
  const result = articleSchema.safeParse(source.data ?? {});
  if (!result.success) {
    problems.push(
      ...problemsFromZod(result.error.issues, {
        file,
        source,
        data: source.data,
        knownKeys: { '': Object.keys(articleSchema.shape) },
        help: articleFieldHelp,
        kind: 'article front matter',
      }),
    );
    return undefined;
  }
  const format = ext === '.mdx' ? 'mdx' : 'md';
  let scan: BodyScan | undefined;
  try {
    scan = scanBody(body, format, bodyStartLine - 1);
    problems.push(...checkAccessibility(file, scan, bodyStartLine - 1));
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
  return { file, slug, category, format, data: result.data, scan, bodyLineOffset: bodyStartLine - 1, lineOf: source.lineOf };
}

