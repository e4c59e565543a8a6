/**
 * What the collector's tools read from the help center's own content: the
 * site's address (the origin events come from) and, for reports, article
 * titles and categories, so a writer sees "Get a refund" and the file to
 * edit rather than a slug. Read directly from the YAML and front matter
 * with no build: reports must run anywhere the content is checked out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** One category, with every word its articles are found by. */
export interface CategoryInfo {
  slug: string;
  title: string;
  /** Lower-cased words of its title, description and its articles' titles, keywords and tags. */
  words: string[];
}

/** One article in the default language. */
export interface ArticleInfo {
  slug: string;
  title: string;
  category: string;
  /** Path from the project root, for "edit this file". */
  file: string;
  /** Lower-cased words of its title, keywords and tags. */
  words: string[];
}

/** Articles and categories, for naming things in reports. */
export interface ContentIndex {
  /** The site's public address (site.yaml `url`), if set. */
  siteUrl?: string;
  categories: CategoryInfo[];
  articles: Map<string, ArticleInfo>;
}

function readYaml(file: string): Record<string, unknown> {
  try {
    const value: unknown = parseYaml(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function frontMatter(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  if (!match) return {};
  try {
    const value: unknown = parseYaml(match[1]!);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

/** Lower-case words of some texts (letters and digits, accents removed). */
export function wordsOf(...texts: string[]): string[] {
  return texts
    .join(' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The origin of the site's `url` in site.yaml, if it has one. */
export function siteOrigin(contentDir: string): string | undefined {
  const url = readYaml(path.join(contentDir, 'site.yaml')).url;
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Reads categories and default-language articles; a missing folder gives an empty index. */
export function readContentIndex(contentDir: string, projectRoot: string): ContentIndex {
  const index: ContentIndex = { categories: [], articles: new Map() };
  const site = readYaml(path.join(contentDir, 'site.yaml'));
  if (typeof site.url === 'string') index.siteUrl = site.url.replace(/\/?$/, '/') + String(site.basePath ?? '/').replace(/^\//, '');
  const categoriesDir = path.join(contentDir, 'categories');
  const articlesDir = path.join(contentDir, 'articles');
  if (!existsSync(categoriesDir)) return index;
  for (const name of readdirSync(categoriesDir).sort()) {
    // <slug>.yaml only: <slug>.<lang>.yaml are translations of the same category.
    const match = /^([a-z0-9-]+)\.ya?ml$/.exec(name);
    if (!match) continue;
    const slug = match[1]!;
    const data = readYaml(path.join(categoriesDir, name));
    const title = typeof data.title === 'string' ? data.title : slug;
    const words = wordsOf(title, strings(data.description).join(' '));
    const folder = path.join(articlesDir, slug);
    for (const file of existsSync(folder) ? readdirSync(folder).sort() : []) {
      const article = /^([a-z0-9-]+)\.mdx?$/.exec(file);
      if (!article) continue;
      const fm = frontMatter(path.join(folder, file));
      const articleTitle = typeof fm.title === 'string' ? fm.title : article[1]!;
      const articleWords = wordsOf(articleTitle, ...strings(fm.keywords), ...strings(fm.tags));
      index.articles.set(article[1]!, {
        slug: article[1]!,
        title: articleTitle,
        category: slug,
        file: path.relative(projectRoot, path.join(folder, file)).split(path.sep).join('/'),
        words: articleWords,
      });
      words.push(...articleWords);
    }
    index.categories.push({ slug, title, words });
  }
  return index;
}
