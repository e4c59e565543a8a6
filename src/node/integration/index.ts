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
import type { Rolldown } from 'vite';
import { cspDirectives, originOf, SCRIPT_SOURCES } from '../../shared/csp.ts';
import type { ContentCheckResult } from '../check/index.ts';
import { runContentCheck } from '../check/run.ts';
import { contentDir, OPTIONAL_SETTINGS_FILES } from '../project-paths.ts';
import { pauseFor } from '../publish.ts';
import { readFeedbackEndpoint } from '../site-settings.ts';
import { brandCss } from './brand-css.ts';
import { bundleBrowserScript } from './browser-bundle.ts';
import { clearStaleContentStore, contentStoreInputs } from './content-cache.ts';
import { ContentProblemsError, contentSummary, errorsOf } from './content-problems.ts';
import { DevSearchIndex } from './dev-search.ts';
import { publishedSlugs, recordCheck, watchContent } from './dev-server.ts';
import { addOfflineSupport } from './offline.ts';
import { onDemandModules } from './on-demand.ts';
import { indexSite } from './pagefind.ts';
import { placeFileLikeRedirectPages, redirectsSummary, writeRedirectsFile } from './redirects-file.ts';
import { writeSecurityHeaders } from './security-headers.ts';
import { PhaseTimer } from './timings.ts';

/** The script inlined in every page's head, run before first paint. */
const BEFORE_PAINT_SCRIPT = 'src/browser/before-paint.ts';

/**
 * Drops one warning that says nothing to act on: Astro marks the module it
 * generates for each MDX article's styles with "use astro:head-inject" and
 * reads that mark itself before bundling, and Rolldown warns (19 boxed
 * warnings for the demo) that bundling may not keep such a directive.
 */
function quietDirectiveWarnings(warning: Rolldown.RollupLog, warn: (warning: Rolldown.RollupLog) => void): void {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
  warn(warning);
}

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
export default function handrail(): AstroIntegration {
  const timer = new PhaseTimer();
  let check: ContentCheckResult | undefined;
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
            build: { rolldownOptions: { onwarn: quietDirectiveWarnings, output: { codeSplitting: { groups: [EVERY_PAGE_CHUNK] } } } },
          },
          security: {
            csp: {
              algorithm: 'SHA-256',
              directives: cspDirectives({ connect: [originOf(readFeedbackEndpoint())].filter((o) => o !== undefined), formAction: [] }),
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
            vite: { server: { watch: { awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 } } } },
          });
        }
        // Astro lists every page it writes; the build's summary is what a writer needs. (Set for
        // `astro check` too: Astro rebuilds its content store whenever the config differs from the last run.)
        // HANDRAIL_VERBOSE=1 keeps Astro's own page list (which pages were reused from the cache).
        else updateConfig({ logger: logHandlers.node({ level: process.env.HANDRAIL_VERBOSE ? 'info' : 'warn' }) });
        // `astro check` (npm run typecheck) only needs the types.
        if (command === 'sync') return;

        timer.start('check');
        check = await runContentCheck(contentDir);
        timer.end();
        brand.update(check.site?.theme);

        if (command === 'dev') {
          problemsText = recordCheck(check, root, logger);
          addMiddleware({ entrypoint: new URL('./dev-middleware.ts', import.meta.url), order: 'pre' });
          // A schema or Markdown plugin change restarts the server, which then rebuilds the stored
          // content; so does creating a missing optional settings file (content.config.ts looks for it only then).
          for (const file of await contentStoreInputs()) addWatchFile(file);
          for (const name of OPTIONAL_SETTINGS_FILES) if (!existsSync(path.join(contentDir, name))) addWatchFile(path.join(contentDir, name));
          return;
        }

        // Tests only: build content the check refuses, to prove the render-time sanitizer holds alone.
        const renderUnchecked = process.env.HANDRAIL_TEST_RENDER_UNCHECKED === '1';
        if (errorsOf(check).length && !renderUnchecked) throw new ContentProblemsError(check.problems, root, 'build');
        for (const line of contentSummary(check)) report(line);
        timer.start('astro');
      },

      'astro:server:setup': ({ server, logger, refreshContent }) => {
        search = new DevSearchIndex(base, logger);
        server.middlewares.use(search.middleware);
        watchContent({ server, logger, contentDir, root, search, refreshContent, initial: { problemsText }, onCheck: (latest) => brand.update(latest.site?.theme) });
      },

      'astro:server:start': ({ address }) => {
        const host = ['::', '0.0.0.0', '::1', '127.0.0.1'].includes(address.address) ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
        search?.start(`http://${host}:${address.port}`, check ? publishedSlugs(check) : []);
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
        if (check) await placeFileLikeRedirectPages(siteDir, base, check.redirects);

        timer.start('pagefind');
        const indexed = await indexSite(siteDir);
        timer.end();
        if (indexed.errors.length) throw new Error(`The search index could not be built:\n${indexed.errors.map((e) => `  ${e}`).join('\n')}`);
        report(`✓ Search index: ${indexed.pageCount} pages.`);

        timer.start('offline');
        const offline = await addOfflineSupport(siteDir, base);
        const headers = await writeSecurityHeaders(siteDir, base);
        const redirects = check ? await writeRedirectsFile(siteDir, base, check, new Set(pages.map((page) => page.pathname))) : undefined;
        timer.end();
        report(`✓ Offline: release ${offline.release}, ${offline.precached} files cached on first visit, ${(offline.savedBytes / 1e6).toFixed(1)} MB to save for offline.`);
        report(`✓ Content-Security-Policy on ${headers.pageCount} pages, and in _headers.`);
        for (const line of redirects ? redirectsSummary(redirects, base) : []) report(line);
        await timer.save();
      },
    },
  };
}
