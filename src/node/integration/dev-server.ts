import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { defaultLanguage, localizedPath } from '../../shared/locale-routes.ts';
import { formatProblem, sortProblems, summariseProblems } from '../../shared/problems.ts';
import { routes } from '../../shared/routes.ts';
import { splitTranslationName } from '../../shared/translations.ts';
import type { ContentCheckResult } from '../check/index.ts';
import { runContentCheck } from '../check/run.ts';
import { errorsOf } from './content-problems.ts';
import type { DevSearchIndex, SearchablePage } from './dev-search.ts';
import { devState } from './dev-state.ts';

/** How long a check waits for Astro to store the content again before it carries on. */
const REFRESH_WAIT_MS = 10_000;

/**
 * The article pages the build indexes, in a stable order, for the dev
 * search index: every published original in the default language, and
 * every published translation in a declared language, at the address the
 * build gives it (`cy/articles/refunds/`, without the base path). Fallback
 * pages are left out: they carry no `data-pagefind-body`, so they add
 * nothing to any language's index.
 */
export function searchablePages(check: ContentCheckResult): SearchablePage[] {
  const site = check.site;
  const settings = site ?? { languages: [{ code: 'en', locale: 'en', name: 'English', dir: 'ltr' as const }], prefixDefaultLanguage: false };
  const declared = new Set(settings.languages.map((language) => language.code));
  const at = (code: string, slug: string) => localizedPath(settings, code, routes.article(slug)).slice(1);
  const originals = check.articles.filter((a) => !a.data.draft).map((a) => ({ slug: a.slug, path: at(defaultLanguage(settings).code, a.slug) }));
  const translations = check.languages.translations
    .filter((t) => t.lang !== undefined && declared.has(t.lang) && !t.data.draft && !t.original.data.draft)
    .map((t) => ({ slug: t.slug, path: at(t.lang!, t.slug) }));
  return [...originals, ...translations].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Records a check for the dev middleware and tells the writer in the terminal; returns the problems as text, to compare runs. */
export function recordCheck(check: ContentCheckResult, root: string, logger: AstroIntegrationLogger): string {
  const problems = sortProblems(check.problems);
  devState().problems = problems;
  devState().root = root;
  const text = problems.map(formatProblem).join('\n\n');
  // Astro logs the full list with each page that shows it; the terminal only needs to know.
  if (errorsOf(check).length) logger.error(`The content has ${summariseProblems(problems)}: every page shows them until they are fixed (\`npm run check\` lists them too).`);
  return text;
}

/**
 * Keeps the dev server's picture of the content current: every change under
 * the content folder re-runs the content check (the same one `npm run check`
 * runs) and updates the search index; when the problems change, open pages
 * reload to show them, or to render again once they are fixed.
 */
export function watchContent(options: {
  server: ViteDevServer;
  logger: AstroIntegrationLogger;
  contentDir: string;
  root: string;
  search: DevSearchIndex;
  initial: { problemsText: string };
  /** Astro's reload of the content store (astro:server:setup). */
  refreshContent?: (options: { loaders?: string[] }) => Promise<void>;
  /** Told about every new check (the brand colours follow site.yaml). */
  onCheck: (check: ContentCheckResult) => void;
}): void {
  const { server, logger, contentDir, root, search, refreshContent, onCheck } = options;
  let problemsText = options.initial.problemsText;
  const changedSlugs = new Set<string>();
  let isEverythingStale = false;
  /** Pages changed while the content had errors, to index once it has none. */
  let unindexed: Set<string> | 'all' = new Set();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const recheck = async () => {
    const slugs = new Set(changedSlugs);
    const everything = isEverythingStale;
    changedSlugs.clear();
    isEverythingStale = false;
    const check = await runContentCheck(contentDir);
    const text = recordCheck(check, root, logger);
    onCheck(check);
    // Astro reloads a changed file by itself, but not always to the end: now and
    // then it logged the reload yet the page kept the text from before the last
    // save. Once the check has read the settled files, Astro is asked to reload
    // the content too (unchanged files are skipped by their digest). All of it:
    // Astro drops the loaders' file watchers only on a full reload, and a
    // partial one added a second set on each save. With errors Astro's reload
    // fails on the same problems, which the page shows.
    // Never wait on it for ever: a reload that hangs would hold back every later check, and the fix with them.
    await Promise.race([refreshContent?.({}).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, REFRESH_WAIT_MS).unref())]);
    // Astro keeps each page's list of addresses (getStaticPaths) until it stores new content;
    // a list made while a renamed file was half way (neither name readable) kept the article
    // a 404. Have it made again from what the check just read, and open pages follow.
    remakeRoutes();
    newVersion();
    if (text !== problemsText) {
      const isFixed = !errorsOf(check).length;
      if (isFixed && problemsText) logger.info('The content problems are fixed.');
      problemsText = text;
      // New problems show at once (the middleware answers every page with them).
      // After a fix, Astro still has to store the article it had set aside:
      // reloading before that showed a 404, so wait for it (at most 1.5 s, for a
      // fix Astro stores nothing for, such as adding the image a link needed).
      if (isFixed) await storeWritten(1_500);
      server.environments.client.hot.send({ type: 'full-reload', path: '*' });
    }
    // While the content has errors every page shows them and none can be indexed:
    // what changed meanwhile is fetched once they are fixed.
    unindexed = everything || unindexed === 'all' ? 'all' : new Set([...unindexed, ...slugs]);
    if (!errorsOf(check).length) {
      search.update(searchablePages(check), unindexed);
      unindexed = new Set();
    }
  };

  // Astro's content store for the dev server; it rewrites the file after every change it takes in.
  const storeFile = path.join(root, '.astro', 'data-store.json');
  const storeWritten = (timeoutMs: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timeout);
        server.watcher.off('change', onChange);
        resolve();
      };
      const onChange = (file: string) => file === storeFile && done();
      const timeout = setTimeout(done, timeoutMs);
      server.watcher.on('change', onChange);
    });

  // Pages carry the content version they were rendered from and reload when it is
  // not the latest (src/browser/dev-content-reload.ts): a new version whenever
  // Astro stores new content or the problems change.
  const newVersion = () => {
    devState().contentVersion++;
    server.environments.client.hot.send('handrail:content-version', { version: devState().contentVersion });
  };
  server.environments.client.hot.on('handrail:content-version-request', (_data, client) => client.send('handrail:content-version', { version: devState().contentVersion }));
  // Each time Astro stores new content, the page lists are made again too: a list made
  // before the store had a renamed article kept it a 404 until the next save.
  // The page code is run afresh first. It reads the content store once per run
  // (Astro's globalDataStore, astro/dist/content/data-store.js) and Astro only
  // marks the store's own module stale when it writes the file. The page code
  // ran afresh when another of Astro's files changed (content-assets.mjs),
  // which Astro writes before the store: a page requested in between read the
  // old store and kept it, and a renamed article stayed a 404 until the next save.
  const remakeRoutes = () => {
    for (const [name, environment] of Object.entries(server.environments)) {
      if (name === 'client') continue;
      environment.hot.send({ type: 'full-reload' });
      environment.hot.send('astro:content-changed', {});
    }
  };
  const stored = (file: string) => {
    if (file !== storeFile) return;
    remakeRoutes();
    newVersion();
  };
  server.watcher.on('change', stored);
  server.watcher.on('add', stored);
  // If the lists are stale all the same (an article the check says is published answers 404
  // to the search indexer), they are made again once, and open pages follow the new version.
  search.onPageMissing(() => {
    remakeRoutes();
    newVersion();
  });

  server.watcher.add(contentDir);
  server.watcher.on('all', (_event, file) => {
    const relative = path.relative(contentDir, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return;
    const parts = relative.split(path.sep);
    // An article only changes its own page's index entry; any other file (a category, the synonyms, the site) may change all of them.
    // A translation (refunds.cy.md) marks its slug too: the pages of one slug are fetched again together.
    if (parts[0] === 'articles' && /\.mdx?$/.test(file)) changedSlugs.add(splitTranslationName(path.basename(file).replace(/\.mdx?$/, '')).slug);
    else isEverythingStale = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(recheck).catch((error: unknown) => logger.error(`The content check failed: ${(error as Error).message}`));
    }, 50);
  });
}
