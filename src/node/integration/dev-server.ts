import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { formatProblem, sortProblems, summariseProblems } from '../../shared/problems.ts';
import type { ContentCheckResult } from '../check/index.ts';
import { runContentCheck } from '../check/run.ts';
import { errorsOf } from './content-problems.ts';
import type { DevSearchIndex } from './dev-search.ts';
import { devState } from './dev-state.ts';

/** Published article slugs, in a stable order, for the dev search index. */
export function publishedSlugs(check: ContentCheckResult): string[] {
  return check.articles.filter((a) => !a.data.draft).map((a) => a.slug).sort();
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
  let wasFileRemoved = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const recheck = async () => {
    const slugs = new Set(changedSlugs);
    const everything = isEverythingStale;
    const removed = wasFileRemoved;
    changedSlugs.clear();
    isEverythingStale = false;
    wasFileRemoved = false;
    // Astro forgets a removed .mdx article but keeps importing it (its list of
    // MDX modules is rewritten only when an MDX entry is added), so a rename
    // from .mdx to .md broke every page until the server restarted. Reloading
    // the articles rewrites that list.
    if (removed) await refreshContent?.({ loaders: ['glob-loader'] }).catch(() => undefined);
    const check = await runContentCheck(contentDir);
    const text = recordCheck(check, root, logger);
    onCheck(check);
    if (text !== problemsText) {
      if (!errorsOf(check).length && problemsText) logger.info('The content problems are fixed.');
      problemsText = text;
      // Astro reloads its own copy of the changed files in parallel; after a fix, wait for
      // it, or the reloaded page could still miss the article Astro had set aside. (With
      // errors Astro's reload fails on the same problems, and the page only shows them.)
      if (!removed && !errorsOf(check).length) await refreshContent?.({ loaders: ['glob-loader'] }).catch(() => undefined);
      server.environments.client.hot.send({ type: 'full-reload', path: '*' });
    }
    search.update(publishedSlugs(check), everything ? 'all' : slugs);
  };

  server.watcher.add(contentDir);
  server.watcher.on('all', (event, file) => {
    const relative = path.relative(contentDir, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return;
    if (event === 'unlink') wasFileRemoved = true;
    const parts = relative.split(path.sep);
    // An article only changes its own page's index entry; any other file (a category, the synonyms, the site) may change all of them.
    if (parts[0] === 'articles' && /\.mdx?$/.test(file)) changedSlugs.add(path.basename(file).replace(/\.mdx?$/, ''));
    else isEverythingStale = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(recheck).catch((error: unknown) => logger.error(`The content check failed: ${(error as Error).message}`));
    }, 50);
  });
}
