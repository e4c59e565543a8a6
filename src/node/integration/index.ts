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
 *   every old address as a `_redirects` file (finish.ts). A build of one
 *   part of the site (HANDRAIL_PART, src/shared/build-parts.ts) renders
 *   only that language's pages, and leaves those steps to the step that
 *   joins the parts (`scripts/build.ts --finish`), with a record of what
 *   they need.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cspDirectives, originOf, SCRIPT_SOURCES } from '../../shared/csp.ts';
import type { ContentCheckResult } from '../check/index.ts';
import { runContentCheck } from '../check/run.ts';
import { BUILD_NOW_VARIABLE, buildNow, buildNowProblem } from '../build-clock.ts';
import { astroCacheDir, checkCacheFile, contentDir, OPTIONAL_SETTINGS_FILES, projectRoot } from '../project-paths.ts';
import { pauseFor } from '../publish.ts';
import { readCollectorAddress } from '../site-settings.ts';
import { brandCss } from './brand-css.ts';
import { bundleBrowserScript } from './browser-bundle.ts';
import { clearStaleContentStore, contentStoreInputs } from './content-cache.ts';
import { contentStoreFromDisk } from './content-store-module.ts';
import { ContentProblemsError, contentSummary, errorsOf } from './content-problems.ts';
import { DevSearchIndex } from './dev-search.ts';
import { recordCheck, searchablePages, watchContent } from './dev-server.ts';
import { writeFinishRecord, writePartRecord, type FinishInputs } from './build-records.ts';
import type { OfflineLanguage } from './offline.ts';
import { FINISH_LATER_VARIABLE, PART_VARIABLE, partProblem, rendersSharedPages } from '../../shared/build-parts.ts';
import { languagePrefix } from '../../shared/locale-routes.ts';
import { onDemandModules } from './on-demand.ts';
import { redirectSourcesOf, type RedirectSources } from './redirects-file.ts';
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

/**
 * The pages the site has once, in src/site-pages/: routes added by the
 * integration to a whole build, and to the default language's part of a
 * split one, so that parts never write the same page. Every route in
 * src/pages/ is a language's, and lists only the languages the build
 * renders (src/data/page-language.ts, languageParams).
 */
const SITE_PAGES: { pattern: string; file: string }[] = [
  { pattern: '/404', file: '404.astro' },
  { pattern: '/offline', file: 'offline.astro' },
  { pattern: '/sitemap.xml', file: 'sitemap.xml.ts' },
  { pattern: '/robots.txt', file: 'robots.txt.ts' },
  { pattern: '/brand/favicon.svg', file: 'brand/favicon.svg.ts' },
  { pattern: '/brand/[icon].png', file: 'brand/[icon].png.ts' },
  { pattern: '/[...old]', file: '[...old].astro' },
];

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
  /** What a build's last hook needs of the check: every old address to redirect. */
  let redirectSources: RedirectSources | undefined;
  /** The declared languages, for sorting the offline copy by language. */
  let offlineLanguages: OfflineLanguage[] = [];
  let root = '';
  let base = '/';
  let search: DevSearchIndex | undefined;
  let problemsText = '';
  const brand = brandCss(undefined);
  /** The part of the site this build renders (src/shared/build-parts.ts); undefined for the whole site. */
  const part = process.env[PART_VARIABLE] || undefined;

  return {
    name: 'handrail',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, injectScript, injectRoute, addMiddleware, addWatchFile, logger }) => {
        if (command === 'preview') return;
        const clockProblem = buildNowProblem();
        if (clockProblem) {
          // The message says what to do; a stack trace would only point into Handrail's code.
          const error = new Error(clockProblem);
          error.stack = '';
          throw error;
        }
        root = fileURLToPath(config.root);
        base = normaliseBase(config.base);
        if (await clearStaleContentStore([fileURLToPath(config.cacheDir), path.join(root, '.astro')], contentDir)) {
          logger.info('Schemas, Markdown plugins or packages changed since the last run: the stored content is rebuilt.');
        }
        injectScript('head-inline', await bundleBrowserScript(BEFORE_PAINT_SCRIPT));
        updateConfig({
          vite: {
            plugins: [
              onDemandModules(),
              brand.plugin,
              // With Astro's default single-file store, and no adapter: then the page code runs
              // only inside the build, where the store's file is (content-store-module.ts).
              ...((config.experimental.collectionStorage ?? 'single-file') === 'single-file' && !config.adapter
                ? [contentStoreFromDisk(new URL('data-store.json', config.cacheDir))]
                : []),
            ],
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
        // HANDRAIL_VERBOSE=1 keeps Astro's own page list (which pages were reused from the cache):
        // build-log.mjs reads it, so the configuration (and the content store's digest of it) stays the same.
        else updateConfig({ logger: { entrypoint: new URL('./build-log.mjs', import.meta.url), config: { level: 'info' } } });
        const addSitePages = () => {
          for (const { pattern, file } of SITE_PAGES) injectRoute({ pattern, entrypoint: new URL(`../../site-pages/${file}`, import.meta.url), prerender: true });
        };
        // `astro check` (npm run typecheck) only needs the types.
        if (command === 'sync') return addSitePages();

        timer.start('check');
        // Kept with Astro's own cache: a rebuild reads only the articles that changed.
        // A part reads the check's results where the check job and whole builds keep them (project-paths.ts).
        const result = await runContentCheck(contentDir, { cacheFile: checkCacheFile(part ? astroCacheDir(null) : fileURLToPath(config.cacheDir)) });
        timer.end();
        brand.update(result.site?.theme);

        if (command === 'dev') {
          // The dev server keeps the check: its search index starts from the published pages.
          check = result;
          addSitePages();
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
        if (process.env[BUILD_NOW_VARIABLE]) report(`✓ Built as of ${new Date(buildNow()).toISOString()} (${BUILD_NOW_VARIABLE}), not the current time: notices and review dates are as at that moment.`);
        // A build keeps only what its last hook needs of the check, the old addresses to redirect:
        // every article's text, scan and front-matter lines (0.7 GB at 10,000 articles) is freed before pages render.
        redirectSources = redirectSourcesOf(result, base);
        const site = result.site;
        if (site) {
          const settings = { languages: site.languages, prefixDefaultLanguage: site.prefixDefaultLanguage };
          const problem = partProblem(settings, part);
          if (problem) throw new Error(`${problem} Set ${PART_VARIABLE} to one of them, or leave it unset to build the whole site.`);
          if (rendersSharedPages(settings, part)) addSitePages();
          if (part) report(`✓ Part ${part}: its pages${rendersSharedPages(settings, part) ? ' and the pages the site has once' : ''}; search, offline, _headers and _redirects are left to \`scripts/build.ts --finish\`.`);
        } else addSitePages();
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
        const inputs: FinishInputs = { base, languages: offlineLanguages, redirects: redirectSources };
        if (part) {
          // One part of a split build: the steps over the whole site run once the parts are joined.
          // Pages sorted: Astro renders several at once, and the record is the same for the same part.
          const languages = offlineLanguages.map((language) => language.code);
          await writePartRecord(siteDir, { generator: 'Handrail', part, languages, sitePages: languages[0] === part, finish: inputs, pages: pages.map((page) => page.pathname).sort() });
        } else if (process.env[FINISH_LATER_VARIABLE] === '1') {
          // `npm run build`: scripts/build.ts runs the same steps once this process has ended and given its memory back.
          await writeFinishRecord(siteDir, { finish: inputs, pages: pages.map((page) => page.pathname).sort() });
        } else {
          // `astro build` alone: the same steps, here (loaded only now: Astro's process seldom needs them).
          const { finishSite } = await import('./finish.ts');
          for (const line of await finishSite(siteDir, inputs, new Set(pages.map((page) => page.pathname)), timer)) report(line);
        }
        await timer.save();
      },
    },
  };
}
