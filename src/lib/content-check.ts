import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { articleFieldHelp, articleSchema, type ArticleData } from '../schemas/article.ts';
import { categoryFieldHelp, categorySchema, type CategoryData } from '../schemas/category.ts';
import { KEBAB_CASE } from '../schemas/common.ts';
import type { z } from 'astro/zod';
import { announcementSchema, announcementsFieldHelp, announcementsSchema } from '../schemas/announcements.ts';
import { channelSchema, contactFieldHelp, contactSchema, type ContactData } from '../schemas/contact.ts';
import { siteFieldHelp, siteSchema, type SiteData } from '../schemas/site.ts';
import { synonymsFieldHelp, synonymsSchema, type SynonymsData } from '../schemas/synonyms.ts';
import { accessibilityFieldHelp, accessibilitySchema, type AccessibilityData } from '../schemas/accessibility.ts';
import { MarkdownSyntaxError, scanBody, type BodyScan } from './markdown-scan.ts';
import type { Problem } from './problems.ts';
import { fixedPagePaths, parseInternalLink } from './routes.ts';
import { problemsFromZod } from './schema-problems.ts';
import { suggestClosest } from './suggest.ts';
import { isWriterComponent, writerComponents } from './writer-components.ts';
import { parseYamlSource, splitFrontmatter, type YamlSource } from './yaml-source.ts';
import { checkAccessibility } from './content-rules.ts';
import { checkThemeContrast } from './contrast.ts';

/** Where to look. Paths are absolute. */
export interface ContentPaths {
  /** Project root; reported file names are relative to it. */
  root: string;
  /** The content folder (content/ by default). */
  contentDir: string;
  /** The public folder, for images and files that articles link to. */
  publicDir: string;
}

/** What the checker compares against. */
export interface CheckOptions {
  /** Article addresses (slugs) of the last release; each must still exist or redirect. */
  previousAddresses?: Set<string>;
  /** What the last release is, for the message, e.g. "release-2026-11-01". */
  previousRelease?: string;
  /** Today, for review dates (tests fix it). */
  today?: Date;
}

/** An article as the checker read it. */
export interface CheckedArticle {
  file: string;
  slug: string;
  category: string;
  format: 'md' | 'mdx';
  data: ArticleData;
  scan?: BodyScan;
  /** File line of each front-matter field, for later checks. */
  lineOf(field: PropertyKey[]): number | undefined;
}

/** Everything the checker read, and everything wrong with it. */
export interface ContentCheckResult {
  problems: Problem[];
  site?: SiteData;
  contact?: ContactData;
  announcements?: z.output<typeof announcementsSchema>;
  synonyms?: SynonymsData;
  categories: Map<string, CategoryData>;
  articles: CheckedArticle[];
}

const ARTICLE_EXTENSIONS = new Set(['.md', '.mdx']);

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function relative(paths: ContentPaths, file: string): string {
  return path.relative(paths.root, file).split(path.sep).join('/');
}

/** What a YAML data file is validated against, and how its problems are worded. */
interface YamlFileSpec<T> {
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<z.core.$ZodIssue> } } };
  knownKeys: Record<string, string[]>;
  help: Record<string, string>;
  kind: string;
}

/** Parses and validates one YAML data file; pushes its problems and returns the data when valid. */
function validateYaml<T>(file: string, text: string, spec: YamlFileSpec<T>, problems: Problem[], onValid?: (data: T, source: YamlSource) => void): T | undefined {
  const source = parseYamlSource(text, file);
  problems.push(...source.problems);
  if (source.problems.length) return undefined;
  const result = spec.schema.safeParse(source.data ?? {});
  if (result.success) {
    onValid?.(result.data, source);
    return result.data;
  }
  problems.push(...problemsFromZod(result.error.issues, { file, source, data: source.data, ...spec }));
  return undefined;
}

async function checkDataFile<T>(
  paths: ContentPaths,
  name: string,
  spec: YamlFileSpec<T>,
  problems: Problem[],
  whenMissing: string,
  onValid?: (data: T, source: YamlSource) => void,
): Promise<T | undefined> {
  const absolute = path.join(paths.contentDir, name);
  const file = relative(paths, absolute);
  if (!(await exists(absolute))) {
    problems.push({ file, message: `the ${spec.kind} file is missing`, fix: whenMissing, severity: 'error' });
    return undefined;
  }
  return validateYaml(file, await readFile(absolute, 'utf8'), spec, problems, onValid);
}

/** Brand colours that fail WCAG AA contrast, with the measured ratio and the nearest colour that passes. */
function checkBrandColours(file: string, site: SiteData, source: YamlSource, problems: Problem[]): void {
  for (const failure of checkThemeContrast(site.theme)) {
    const usedAs = failure.field === 'accent' ? `link and button colour on the ${failure.theme} background ${failure.against}` : `text on the ${failure.theme} accent ${failure.against}`;
    problems.push({
      file,
      line: source.lineOf(['theme', failure.theme, failure.field]),
      field: `theme.${failure.theme}.${failure.field}`,
      message: `does not have enough contrast as ${usedAs}: ${failure.ratio.toFixed(2)}:1`,
      received: failure.colour,
      allowed: 'a contrast ratio of at least 4.5:1 (WCAG 2.2 AA for text)',
      fix: `The nearest colour that passes is "${failure.suggestion}".`,
      severity: 'error',
    });
  }
}

const siteSpec: YamlFileSpec<SiteData> = {
  schema: siteSchema,
  knownKeys: {
    '': Object.keys(siteSchema.shape),
    repository: Object.keys(siteSchema.shape.repository.shape),
  },
  help: siteFieldHelp,
  kind: 'site settings',
};

const contactSpec: YamlFileSpec<ContactData> = {
  schema: contactSchema,
  knownKeys: { '': ['prepare', 'channels', 'feedbackEndpoint'], channels: Object.keys(channelSchema.shape) },
  help: contactFieldHelp,
  kind: 'contact settings',
};

const synonymsSpec: YamlFileSpec<SynonymsData> = {
  schema: synonymsSchema,
  knownKeys: { '': ['groups'] },
  help: synonymsFieldHelp,
  kind: 'synonyms',
};

const accessibilitySpec: YamlFileSpec<AccessibilityData> = {
  schema: accessibilitySchema,
  knownKeys: { '': Object.keys(accessibilitySchema.shape) },
  help: accessibilityFieldHelp,
  kind: 'accessibility record',
};

const announcementsSpec: YamlFileSpec<z.output<typeof announcementsSchema>> = {
  schema: announcementsSchema,
  knownKeys: { '': ['notices'], notices: Object.keys(announcementSchema.shape) },
  help: announcementsFieldHelp,
  kind: 'announcements',
};

async function checkCategories(paths: ContentPaths, problems: Problem[]): Promise<Map<string, CategoryData>> {
  const categories = new Map<string, CategoryData>();
  for (const absolute of await listFiles(path.join(paths.contentDir, 'categories'))) {
    const file = relative(paths, absolute);
    const ext = path.extname(absolute);
    const slug = path.basename(absolute, ext);
    if (ext !== '.yaml' && ext !== '.yml') {
      problems.push({
        file,
        message: 'is not a category file',
        allowed: 'one .yaml file per category',
        fix: `Rename it to ${slug}.yaml, or move it out of content/categories/.`,
        severity: 'error',
      });
      continue;
    }
    if (!KEBAB_CASE.test(slug)) {
      problems.push({
        file,
        message: 'the file name is not a valid category slug',
        received: slug,
        allowed: 'lower-case words joined by hyphens, like "billing-and-payments"',
        fix: 'Rename the file (and the matching folder under content/articles/).',
        severity: 'error',
      });
      continue;
    }
    const data = validateYaml(
      file,
      await readFile(absolute, 'utf8'),
      { schema: categorySchema, knownKeys: { '': Object.keys(categorySchema.shape) }, help: categoryFieldHelp, kind: 'a category' },
      problems,
    );
    if (data) categories.set(slug, data);
  }
  return categories;
}

async function readArticle(paths: ContentPaths, absolute: string, problems: Problem[]): Promise<CheckedArticle | undefined> {
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
  return { file, slug, category, format, data: result.data, scan, lineOf: source.lineOf };
}

function checkComponents(article: CheckedArticle, problems: Problem[]): void {
  for (const ref of article.scan?.references ?? []) {
    if (ref.kind !== 'component') continue;
    const where = { file: article.file, line: ref.line, column: ref.column };
    if (!/^[A-Z]/.test(ref.value)) continue; // lower-case names are plain HTML elements
    if (!isWriterComponent(ref.value)) {
      const guess = suggestClosest(ref.value, Object.keys(writerComponents));
      problems.push({
        ...where,
        message: `<${ref.value}> is not a Handrail component`,
        allowed: Object.keys(writerComponents).map((n) => `<${n}>`).join(', '),
        fix: guess ? `Did you mean <${guess}>?` : 'Use one of the components listed in CONTRIBUTING.md.',
        severity: 'error',
      });
      continue;
    }
    const attributes = ref.attributes ?? {};
    if (ref.value === 'Image') {
      const alt = attributes.alt;
      if (attributes.decorative === undefined && (alt === undefined || (typeof alt === 'string' && alt.trim() === ''))) {
        problems.push({
          ...where,
          field: 'alt',
          message: '<Image> has no alt text',
          received: alt === undefined ? undefined : alt,
          allowed: 'alt="what the image shows", or decorative for an image that adds nothing',
          fix: 'Describe what the image shows, e.g. <Image src="/images/card-reader.png" alt="The card reader, with the green button on the right" />.',
          severity: 'error',
        });
      }
      if (typeof attributes.src !== 'string') {
        problems.push({ ...where, field: 'src', message: '<Image> has no src', fix: 'Add src="/images/<file>" for a file in public/images/.', severity: 'error' });
      }
    }
    if (ref.value === 'Callout' && attributes.type !== undefined) {
      const allowed = writerComponents.Callout.attributes.type as readonly string[];
      if (typeof attributes.type !== 'string' || !allowed.includes(attributes.type)) {
        problems.push({
          ...where,
          field: 'type',
          message: '<Callout> has an unknown type',
          received: attributes.type,
          allowed: allowed.join(', '),
          fix: 'Write <Callout type="note">, <Callout type="tip"> or <Callout type="warning">.',
          severity: 'error',
        });
      }
    }
  }
}

async function checkLinks(
  paths: ContentPaths,
  article: CheckedArticle,
  bySlug: Map<string, CheckedArticle>,
  redirects: Map<string, CheckedArticle>,
  categories: Map<string, CategoryData>,
  problems: Problem[],
): Promise<void> {
  for (const ref of article.scan?.references ?? []) {
    if (ref.kind === 'component') {
      const src = ref.value === 'Image' ? ref.attributes?.src : undefined;
      if (typeof src === 'string' && src.startsWith('/') && !(await exists(path.join(paths.publicDir, decodeURIComponent(src))))) {
        problems.push({
          file: article.file,
          line: ref.line,
          column: ref.column,
          field: 'src',
          message: '<Image> shows a file that does not exist in public/',
          received: src,
          fix: `Add the file as public${src}, or correct the path.`,
          severity: 'error',
        });
      }
      continue;
    }
    const where = { file: article.file, line: ref.line, column: ref.column };
    if (ref.value.startsWith('#')) {
      const id = decodeURIComponent(ref.value.slice(1));
      if (id && !article.scan?.headingIds.includes(id)) {
        problems.push({
          ...where,
          message: 'links to a heading that is not on this page',
          received: ref.value,
          allowed: article.scan?.headingIds.map((h) => `#${h}`).join(', ') || 'no headings on this page',
          fix: 'Link to one of the headings listed, or add the heading.',
          severity: 'error',
        });
      }
      continue;
    }
    const target = parseInternalLink(ref.value);
    if (!target) continue;
    if (target.type === 'article') {
      const linked = bySlug.get(target.slug);
      const moved = redirects.get(target.slug);
      if (!linked && moved) {
        problems.push({
          ...where,
          message: `links to an old address that now redirects to /articles/${moved.slug}/`,
          received: ref.value,
          fix: `Link to /articles/${moved.slug}/ directly.`,
          severity: 'warning',
        });
        continue;
      }
      if (!linked) {
        const guess = suggestClosest(target.slug, bySlug.keys());
        problems.push({
          ...where,
          message: 'links to an article that does not exist',
          received: ref.value,
          fix: guess ? `Did you mean /articles/${guess}/? ` : 'Check the file name of the article you meant (the part before .md).',
          severity: 'error',
        });
        continue;
      }
      if (linked.data.draft && !article.data.draft) {
        problems.push({
          ...where,
          message: `links to a draft (${linked.file}), which will not be published`,
          received: ref.value,
          fix: 'Publish the linked article (remove draft: true), or remove the link until it is ready.',
          severity: 'error',
        });
      }
      if (target.hash && linked.scan && !linked.scan.headingIds.includes(decodeURIComponent(target.hash))) {
        problems.push({
          ...where,
          message: `links to a heading that is not in ${linked.file}`,
          received: ref.value,
          allowed: linked.scan.headingIds.map((h) => `#${h}`).join(', ') || 'no headings in that article',
          fix: 'Link to one of the headings listed, or to the article without a #part.',
          severity: 'error',
        });
      }
    } else if (target.type === 'category') {
      if (!categories.has(target.slug)) {
        problems.push({
          ...where,
          message: 'links to a category that does not exist',
          received: ref.value,
          allowed: [...categories.keys()].map((c) => `/categories/${c}/`).join(', '),
          fix: 'Use one of the categories listed.',
          severity: 'error',
        });
      }
    } else if (target.type === 'page') {
      if (!fixedPagePaths.includes(target.path)) {
        problems.push({
          ...where,
          message: 'links to a page that does not exist',
          received: ref.value,
          allowed: `/articles/<slug>/, /categories/<slug>/, ${fixedPagePaths.join(', ')}`,
          fix: 'Link to an article as /articles/<file name>/.',
          severity: 'error',
        });
      }
    } else if (!(await exists(path.join(paths.publicDir, decodeURIComponent(target.path))))) {
      problems.push({
        ...where,
        message: `${ref.kind === 'image' ? 'shows an image' : 'links to a file'} that does not exist in public/`,
        received: ref.value,
        fix: `Add the file as public${target.path}, or correct the path.`,
        severity: 'error',
      });
    }
  }
}

/**
 * Reads every content file and reports every problem at once: settings,
 * categories, front matter, Markdown/MDX syntax, components, links, related
 * articles, duplicate slugs and drafts linked from published pages.
 */
export async function checkContent(paths: ContentPaths, options: CheckOptions = {}): Promise<ContentCheckResult> {
  const problems: Problem[] = [];
  const site = await checkDataFile(paths, 'site.yaml', siteSpec, problems, 'Create content/site.yaml with name, tagline, url, timeZone and repository (see README).', (data, source) =>
    checkBrandColours(relative(paths, path.join(paths.contentDir, 'site.yaml')), data, source, problems),
  );
  const contact = await checkDataFile(paths, 'contact.yaml', contactSpec, problems, 'Create content/contact.yaml with at least one phone or chat channel and one email or text channel (see README).');
  const announcementsFile = path.join(paths.contentDir, 'announcements.yaml');
  const announcements = (await exists(announcementsFile))
    ? validateYaml(relative(paths, announcementsFile), await readFile(announcementsFile, 'utf8'), announcementsSpec, problems)
    : { notices: [] };
  const accessibilityFile = path.join(paths.contentDir, 'accessibility.yaml');
  if (await exists(accessibilityFile)) validateYaml(relative(paths, accessibilityFile), await readFile(accessibilityFile, 'utf8'), accessibilitySpec, problems);
  const synonymsFile = path.join(paths.contentDir, 'synonyms.yaml');
  const synonyms = (await exists(synonymsFile))
    ? validateYaml(relative(paths, synonymsFile), await readFile(synonymsFile, 'utf8'), synonymsSpec, problems)
    : { groups: [] };
  const categories = await checkCategories(paths, problems);
  const articles: CheckedArticle[] = [];
  const bySlug = new Map<string, CheckedArticle>();
  const articleFiles = await listFiles(path.join(paths.contentDir, 'articles'));
  for (const absolute of articleFiles) {
    const article = await readArticle(paths, absolute, problems);
    if (!article) continue;
    const earlier = bySlug.get(article.slug);
    if (earlier) {
      problems.push({
        file: article.file,
        message: `has the same file name as ${earlier.file}, so both would be published at /articles/${article.slug}/`,
        received: article.slug,
        fix: 'Rename one of the two files so each article has its own address.',
        severity: 'error',
      });
      continue;
    }
    bySlug.set(article.slug, article);
    articles.push(article);
  }
  const titles = new Map<string, CheckedArticle>();
  const redirects = new Map<string, CheckedArticle>();
  for (const article of articles) {
    const key = article.data.title.toLowerCase();
    const same = titles.get(key);
    if (same) {
      problems.push({
        file: article.file,
        line: article.lineOf(['title']),
        field: 'title',
        message: `is the same as the title of ${same.file}`,
        received: article.data.title,
        fix: 'Give each article its own title, so customers can tell them apart in search results.',
        severity: 'error',
      });
    } else titles.set(key, article);
    article.data.redirect_from.forEach((slug, index) => {
      const where = { file: article.file, line: article.lineOf(['redirect_from', index]), field: `redirect_from[${index}]`, received: slug };
      const clash = bySlug.get(slug);
      const twice = redirects.get(slug);
      if (clash) {
        problems.push({ ...where, message: `is the address of an existing article (${clash.file})`, fix: 'Remove it: an article that exists cannot also redirect.', severity: 'error' });
      } else if (twice) {
        problems.push({ ...where, message: `already redirects to ${twice.file}`, fix: 'An old address can redirect to one article only; remove it from one of them.', severity: 'error' });
      } else redirects.set(slug, article);
    });
    const today = options.today ?? new Date();
    if (article.data.review_by && article.data.review_by < today && !article.data.draft) {
      problems.push({
        file: article.file,
        line: article.lineOf(['review_by']),
        field: 'review_by',
        message: 'is past: the article is due for a review, and readers are told it may be out of date',
        received: article.data.review_by,
        fix: 'Check the article is still right, then set a new review_by date (and updated).',
        severity: 'warning',
      });
    }
  }
  if (options.previousAddresses) {
    for (const slug of [...options.previousAddresses].sort()) {
      if (bySlug.has(slug) || redirects.has(slug)) continue;
      problems.push({
        file: relative(paths, path.join(paths.contentDir, 'articles')),
        message: `the address /articles/${slug}/ was published in ${options.previousRelease ?? 'the last release'} and no longer exists`,
        received: slug,
        fix: `Add redirect_from: [${slug}] to the front matter of the article that replaces it, so old links and bookmarks keep working.`,
        severity: 'error',
      });
    }
  }
  const reportedFolders = new Set<string>();
  for (const article of articles) {
    if (!categories.has(article.category)) {
      if (!reportedFolders.has(article.category)) {
        reportedFolders.add(article.category);
        const guess = suggestClosest(article.category, categories.keys());
        problems.push({
          file: article.file,
          message: `is in the folder "${article.category}", which has no category file`,
          received: article.category,
          allowed: [...categories.keys()].join(', ') || 'no categories yet',
          fix: guess
            ? `Did you mean the "${guess}" folder? Move the article there, or create content/categories/${article.category}.yaml.`
            : `Create content/categories/${article.category}.yaml with a title and description, or move the article into an existing category folder.`,
          severity: 'error',
        });
      }
    }
    article.data.related.forEach((slug, index) => {
      const linked = bySlug.get(slug);
      const line = article.lineOf(['related', index]);
      if (!linked) {
        const guess = suggestClosest(slug, bySlug.keys());
        problems.push({
          file: article.file,
          line,
          field: `related[${index}]`,
          message: 'names an article that does not exist',
          received: slug,
          fix: guess ? `Did you mean "${guess}"?` : 'Use the file name of another article, without .md.',
          severity: 'error',
        });
      } else if (linked.data.draft && !article.data.draft) {
        problems.push({
          file: article.file,
          line,
          field: `related[${index}]`,
          message: `names a draft (${linked.file}), which will not be published`,
          received: slug,
          fix: 'Publish that article first, or remove it from related.',
          severity: 'error',
        });
      } else if (slug === article.slug) {
        problems.push({
          file: article.file,
          line,
          field: `related[${index}]`,
          message: 'names the article itself',
          received: slug,
          fix: 'Remove it from related.',
          severity: 'error',
        });
      }
    });
    checkComponents(article, problems);
    await checkLinks(paths, article, bySlug, redirects, categories, problems);
  }
  if (contact) {
    contact.channels.forEach((channel, i) => {
      channel.firstFor.forEach((slug, j) => {
        if (!categories.has(slug)) {
          problems.push({
            file: relative(paths, path.join(paths.contentDir, 'contact.yaml')),
            field: `channels[${i}].firstFor[${j}]`,
            message: 'names a category that does not exist',
            received: slug,
            allowed: [...categories.keys()].join(', '),
            fix: 'Use the file name of a category in content/categories/, without .yaml.',
            severity: 'error',
          });
        }
      });
    });
  }
  return { problems, site, contact, announcements, synonyms, categories, articles };
}
