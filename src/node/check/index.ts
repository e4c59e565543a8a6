import path from 'node:path';
import type { z } from 'astro/zod';
import type { announcementsSchema } from '../../schemas/announcements.ts';
import type { CategoryData } from '../../schemas/category.ts';
import type { ContactData } from '../../schemas/contact.ts';
import type { SiteData } from '../../schemas/site.ts';
import type { SynonymsData } from '../../schemas/synonyms.ts';
import type { Problem } from '../../shared/problems.ts';
import { suggestClosest } from '../../shared/suggest.ts';
import { readOriginalArticle, type ArticleCheckCache } from './article-cache.ts';
import { isTranslationFile, type CheckedArticle } from './articles.ts';
import {
  accessibilitySpec,
  announcementsSpec,
  checkBrandColours,
  checkCategories,
  checkDataFile,
  contactSpec,
  siteSpec,
  synonymsSpec,
  validateYaml,
  type YamlFileSpec,
} from './data-files.ts';
import { checkFileSafety, readContentText } from './file-safety.ts';
import { exists, listFiles, relative, type ContentPaths } from './files.ts';
import { checkLanguages, type History, type LanguagesResult } from './languages.ts';
import { checkLinks } from './links.ts';
import { checkRedirectsFile } from './redirects.ts';
import type { Redirect } from '../../schemas/redirects.ts';
import { buildNow } from '../build-clock.ts';

export type { ContentPaths } from './files.ts';
export type { CheckedArticle } from './articles.ts';
export type { CheckedTranslation, History } from './languages.ts';

/** What the checker compares against. */
export interface CheckOptions {
  /** Article addresses (slugs) of the last release; each must still exist or redirect. */
  previousAddresses?: Set<string>;
  /** What the last release is, for the message, e.g. "release-2026-11-01". */
  previousRelease?: string;
  /** Today, for review dates (tests fix it). */
  today?: Date;
  /** Git's dates, to tell translations whose original changed after them. */
  history?: History;
  /** What earlier checks found in each article file, reused while the file is unchanged. */
  articleCache?: ArticleCheckCache;
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
  /** Translations, interface strings and translated settings. */
  languages: LanguagesResult;
  /** The old addresses of content/redirects.yaml (none while the file is missing or has problems). */
  redirects: Redirect[];
}


/**
 * Reads every content file and reports every problem at once: settings,
 * categories, front matter, Markdown/MDX syntax, components, links, related
 * articles, duplicate slugs and drafts linked from published pages.
 */
export async function checkContent(paths: ContentPaths, options: CheckOptions = {}): Promise<ContentCheckResult> {
  const articleFiles = await listFiles(path.join(paths.contentDir, 'articles'));
  const originals = articleFiles.filter((file) => !isTranslationFile(file));
  // Articles the cache does not hold are read on every core (src/node/check/parallel-read.ts),
  // the workers starting while this thread checks the settings.
  await options.articleCache?.readInParallel(paths, originals.map((absolute) => ({ absolute })));
  try {
    return await checkEverything(paths, options, articleFiles, originals);
  } finally {
    await options.articleCache?.close();
  }
}

/** The checks themselves, with the article files listed and their workers, if any, started. */
async function checkEverything(paths: ContentPaths, options: CheckOptions, articleFiles: string[], originals: string[]): Promise<ContentCheckResult> {
  const problems: Problem[] = await checkFileSafety(paths);
  const site = await checkDataFile(paths, 'site.yaml', siteSpec, problems, 'Create content/site.yaml with name, tagline, url, timeZone and repository (see README).', (data, source) =>
    checkBrandColours(relative(paths, path.join(paths.contentDir, 'site.yaml')), data, source, problems),
  );
  const contact = await checkDataFile(paths, 'contact.yaml', contactSpec, problems, 'Create content/contact.yaml with at least one phone or chat channel and one email or text channel (see README).');
  // An optional file that is missing gets its default; one that is broken, undefined.
  const optional = async <T>(name: string, spec: YamlFileSpec<T>, missing: T): Promise<T | undefined> => {
    const absolute = path.join(paths.contentDir, name);
    if (!(await exists(absolute))) return missing;
    const text = await readContentText(paths, absolute, problems);
    return text === undefined ? undefined : validateYaml(relative(paths, absolute), text, spec, problems);
  };
  const announcements = await optional('announcements.yaml', announcementsSpec, { notices: [] });
  await optional('accessibility.yaml', accessibilitySpec, undefined);
  const synonyms = await optional('synonyms.yaml', synonymsSpec, { groups: [] });
  const categories = await checkCategories(paths, problems);
  const articles: CheckedArticle[] = [];
  const bySlug = new Map<string, CheckedArticle>();
  /** Each article's component problems, reported below with its links. */
  const bodyProblems = new Map<CheckedArticle, Problem[]>();
  for (const absolute of originals) {
    const read = options.articleCache ? await options.articleCache.read(paths, absolute, problems) : await readOriginalArticle(paths, absolute, problems);
    const article = read.article;
    if (!article) continue;
    bodyProblems.set(article, read.bodyProblems);
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
        rule: 'duplicate-title', severity: 'error',
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
    const today = options.today ?? new Date(buildNow());
    if (article.data.review_by && article.data.review_by < today && !article.data.draft) {
      problems.push({
        file: article.file,
        line: article.lineOf(['review_by']),
        field: 'review_by',
        message: 'is past: the article is due for a review, and readers are told it may be out of date',
        received: article.data.review_by,
        fix: 'Check the article is still right, then set a new review_by date (and updated).',
        rule: 'review-due', severity: 'warning',
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
          rule: 'related', severity: 'error',
        });
      } else if (linked.data.draft && !article.data.draft) {
        problems.push({
          file: article.file,
          line,
          field: `related[${index}]`,
          message: `names a draft (${linked.file}), which will not be published`,
          received: slug,
          fix: 'Publish that article first, or remove it from related.',
          rule: 'related', severity: 'error',
        });
      } else if (slug === article.slug) {
        problems.push({
          file: article.file,
          line,
          field: `related[${index}]`,
          message: 'names the article itself',
          received: slug,
          fix: 'Remove it from related.',
          rule: 'related', severity: 'error',
        });
      }
    });
    problems.push(...(bodyProblems.get(article) ?? []));
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
  const redirectsFile = await checkRedirectsFile({ paths, site, bySlug, movedSlugs: redirects, categories }, problems, (absolute) => readContentText(paths, absolute, problems));
  const languages = await checkLanguages({ paths, site, problems, articleCache: options.articleCache }, articleFiles.filter(isTranslationFile), { bySlug, redirects, categories, contact, announcements }, options.history);
  return { problems, site, contact, announcements, synonyms, categories, articles, languages, redirects: redirectsFile ?? [] };
}
