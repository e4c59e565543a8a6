/**
 * The Handrail integration: everything that turns Astro's pages into the
 * help center happens in Astro's own hooks, so `astro build` makes the whole
 * site and `astro dev` previews all of it.
 *
 * - `astro:config:setup` checks the content (the check `npm run check`
 *   runs): in a build any error stops it with the problem list; in the dev
 *   server the problems show in the browser. It also inlines the
 *   before-first-paint script, sets the Content-Security-Policy and keeps
 *   the build's output short.
 * - `astro:server:setup` / `astro:server:start` give the dev server a live
 *   search index and re-check the content on every save.
 * - `astro:build:done` indexes the built site with Pagefind, adds offline
 *   support (service worker), writes the policy as a `_headers` file and
 *   every old address as a `_redirects` file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { logHandlers } from 'astro/config';
import { cspDirectives, originOf, SCRIPT_SOURCES } from '../../shared/csp.ts';
import type { ContentCheckResult } from '../check/index.ts';
import { runContentCheck } from '../check/run.ts';
import { checkCacheFile, contentDir, OPTIONAL_SETTINGS_FILES, projectRoot } from '../project-paths.ts';
import { pauseFor } from '../publish.ts';
import { readCollectorAddress } from '../site-settings.ts';
import { brandCss } from './brand-css.ts';
import { bundleBrowserScript } from './browser-bundle.ts';
import { clearStaleContentStore, contentStoreInputs } from './content-cache.ts';
import { ContentProblemsError, contentSummary, errorsOf } from './content-problems.ts';
import { DevSearchIndex } from './dev-search.ts';
import { recordCheck, searchablePages, watchContent } from './dev-server.ts';
import { addOfflineSupport, offlineSizes, scanBuiltFiles, type OfflineLanguage } from './offline.ts';
import { languagePrefix } from '../../shared/locale-routes.ts';
import { onDemandModules } from './on-demand.ts';
import { indexSite } from './pagefind.ts';
import { placeFileLikeRedirectPages, redirectsSummary, writeRedirectsFile } from './redirects-file.ts';
import { writeSecurityHeaders } from './security-headers.ts';
import { PhaseTimer } from './timings.ts';

/** The script inlined in every page's head, run before first paint. */
const BEFORE_PAINT_SCRIPT = 'src/browser/before-paint.ts';

/**
 * One file for the code every page runs: BaseLayout's script and all it
 * imports. Left to itself the bundler splits the modules that other scripts
 * (search, Save for offline, code loaded on demand) also use into small
 * shared files, each a request and a compressed file's overhead; grouped,
 * an article loads one file, and the other scripts import from it (it has
 * always run already, as every page has it). The test names Astro's module
 * for that script; were the name to change, the result is only a small
 * extra file.
 */
const EVERY_PAGE_CHUNK = { name: 'handrail', test: /[\\/]layouts[\\/]BaseLayout\.astro\?astro&type=script/ };

/** A line of the build's summary: results for the writer, printed whatever Astro's log level. */
function report(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** "/", "/help/": the base path with slashes on both ends, as pages see it in BASE_URL. */
function normaliseBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Handrail's Astro integration (registered in astro.config.mjs). */
const scratchRoot = path.join(projectRoot, '.handrail') + path.sep;
/** A file under .handrail/ (builds, benchmarks, caches) that is not part of the content being previewed. */
function isScratch(file: string): boolean {
  return path.resolve(file).startsWith(scratchRoot) && !path.resolve(file).startsWith(path.resolve(contentDir) + path.sep);
}

export default function handrail(): AstroIntegration {
  const timer = new PhaseTimer();
  /** The dev server's latest check (a build keeps only `redirectSources`). */
  let check: ContentCheckResult | undefined;
  /** What a build's last hook needs of the check: content/redirects.yaml and the articles with redirect_from. */
  let redirectSources: Pick<ContentCheckResult, 'redirects' | 'articles'> | undefined;
  /** The declared languages, for sorting the offline copy by language. */
  let offlineLanguages: OfflineLanguage[] = [];
  let root = '';
  let base = '/';
  let search: DevSearchIndex | undefined;
  let problemsText = '';
  const brand = brandCss(undefined);

  return {
    name: 'handrail',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, injectScript, addMiddleware, addWatchFile, logger }) => {
        if (command === 'preview') return;
        root = fileURLToPath(config.root);
        base = normaliseBase(config.base);
        if (await clearStaleContentStore([fileURLToPath(config.cacheDir), path.join(root, '.astro')], contentDir)) {
          logger.info('Schemas, Markdown plugins or packages changed since the last run: the stored content is rebuilt.');
        }
        injectScript('head-inline', await bundleBrowserScript(BEFORE_PAINT_SCRIPT));
        updateConfig({
          vite: {
            plugins: [onDemandModules(), brand.plugin],
            build: { rolldownOptions: { output: { codeSplitting: { groups: [EVERY_PAGE_CHUNK] } } } },
          },
          security: {
            csp: {
              algorithm: 'SHA-256',
              directives: cspDirectives({ connect: [originOf(readCollectorAddress())].filter((o) => o !== undefined), formAction: [] }),
              scriptDirective: { resources: SCRIPT_SOURCES },
            },
          },
        });
        if (command === 'dev') {
          updateConfig({
            logger: { entrypoint: new URL('./dev-log.mjs', import.meta.url) },
            // A file is reported changed once its size has settled: an editor saving
            // truncates and then writes, and Astro read articles half written (a
            // front matter without a title, or the old text kept) and missed the rest.
            // Builds, benchmarks and caches under .handrail/ (tens of thousands of files after a
            // bench) are never watched, except a content folder kept there (the dev benchmark's).
            vite: { server: { watch: { awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 }, ignored: (file: string) => isScratch(file) } } },
          });
        }
        // Astro lists every page it writes; the build's summary is what a writer needs. (Set for
        // `astro check` too: Astro rebuilds its content store whenever the config differs from the last run.)
        // HANDRAIL_VERBOSE=1 keeps Astro's own page list (which pages were reused from the cache).
        else updateConfig({ logger: logHandlers.node({ level: process.env.HANDRAIL_VERBOSE ? 'info' : 'warn' }) });
        // `astro check` (npm run typecheck) only needs the types.
        if (command === 'sync') return;

        timer.start('check');
        // Kept with Astro's own cache: a rebuild reads only the articles that changed.
        const result = await runContentCheck(contentDir, { cacheFile: checkCacheFile(fileURLToPath(config.cacheDir)) });
        timer.end();
        brand.update(result.site?.theme);

        if (command === 'dev') {
          // The dev server keeps the check: its search index starts from the published pages.
          check = result;
          problemsText = recordCheck(result, root, logger);
          addMiddleware({ entrypoint: new URL('./dev-middleware.ts', import.meta.url), order: 'pre' });
          // A schema, Markdown plugin or site strings change restarts the server, which then rebuilds the stored
          // content; so does creating a missing optional settings file (content.config.ts looks for it only then).
          for (const file of await contentStoreInputs(contentDir)) addWatchFile(file);
          for (const name of OPTIONAL_SETTINGS_FILES) if (!existsSync(path.join(contentDir, name))) addWatchFile(path.join(contentDir, name));
          return;
        }

        // Tests only: build content the check refuses, to prove the render-time sanitizer holds alone.
        const renderUnchecked = process.env.HANDRAIL_TEST_RENDER_UNCHECKED === '1';
        if (errorsOf(result).length && !renderUnchecked) throw new ContentProblemsError(result.problems, root, 'build');
        for (const line of contentSummary(result)) report(line);
        // A build keeps only what its last hook needs of the check, the old addresses to redirect:
        // every article's text, scan and front-matter lines (0.7 GB at 10,000 articles) is freed before pages render.
        redirectSources = {
          redirects: result.redirects,
          articles: result.articles.filter((a) => a.data.redirect_from.length > 0).map((a) => ({ ...a, scan: undefined, lineOf: () => undefined })),
        };
        const site = result.site;
        offlineLanguages = (site?.languages ?? []).map((language) => ({
          code: language.code,
          prefix: languagePrefix(site!, language.code).slice(1),
          searchLanguage: language.locale.toLowerCase(),
        }));
        timer.start('astro');
      },

      'astro:server:setup': ({ server, logger, refreshContent }) => {
        search = new DevSearchIndex(base, logger);
        server.middlewares.use(search.middleware);
        watchContent({ server, logger, contentDir, root, search, refreshContent, initial: { problemsText }, onCheck: (latest) => brand.update(latest.site?.theme) });
      },

      'astro:server:start': ({ address }) => {
        const host = ['::', '0.0.0.0', '::1', '127.0.0.1'].includes(address.address) ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
        search?.start(`http://${host}:${address.port}`, check ? searchablePages(check) : []);
      },

      'astro:server:done': async () => {
        await search?.close();
      },

      // Pages are written, nothing else yet: where a test kills the build mid-Astro.
      'astro:build:generated': () => pauseFor('astro'),

      'astro:build:done': async ({ dir, pages }) => {
        timer.end();
        report(`✓ Pages: ${pages.length} in ${timer.seconds('astro').toFixed(1)} s.`);
        const siteDir = fileURLToPath(dir);
        if (redirectSources) await placeFileLikeRedirectPages(siteDir, base, redirectSources.redirects);

        // Pagefind indexes in its own process. Meanwhile this one reads the
        // built files for the offline step and checks every page's policy
        // (the "pagefind" phase covers both): a third of a rebuild's wait.
        timer.start('pagefind');
        const indexing = indexSite(siteDir);
        const alongside = (async () => {
          const scanned = await scanBuiltFiles(siteDir, (name) => name.startsWith('pagefind/'));
          return { scanned, headers: await writeSecurityHeaders(siteDir, base) };
        })();
        // Pagefind is waited for whatever happens alongside, so it is never left running.
        const [indexed, side] = await Promise.allSettled([indexing, alongside]);
        timer.end();
        if (indexed.status === 'rejected') throw indexed.reason;
        if (indexed.value.errors.length) throw new Error(`The search index could not be built:\n${indexed.value.errors.map((e) => `  ${e}`).join('\n')}`);
        if (side.status === 'rejected') throw side.reason;
        const { scanned, headers } = side.value;
        report(`✓ Search index: ${indexed.value.pageCount} pages.`);

        timer.start('offline');
        const offline = await addOfflineSupport(siteDir, base, offlineLanguages, scanned);
        const redirects = redirectSources ? await writeRedirectsFile(siteDir, base, redirectSources, new Set(pages.map((page) => page.pathname))) : undefined;
        timer.end();
        report(`✓ Offline: release ${offline.release}, ${offline.precached} files cached on first visit, ${offlineSizes(offline.copies)} to save for offline.`);
        report(`✓ Content-Security-Policy on ${headers.pageCount} pages, and in _headers.`);
        for (const line of redirects ? redirectsSummary(redirects, base) : []) report(line);
        await timer.save();
      },
    },
  };
}
