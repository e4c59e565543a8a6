// @ts-check
import { contentFileGuard } from './src/node/check/astro-guard.ts';
import handrail from './src/node/integration/index.ts';
import { articleRendering } from './src/node/integration/article-rendering.ts';
import { astroCacheDir } from './src/node/project-paths.ts';
import { siteMarkdownProcessor } from './src/node/markdown/site-markdown.ts';
import { readSiteSettings, siteBase } from './src/node/site-settings.ts';

// The site address and sub-path come from content/site.yaml, so a writer
// never edits this file. HANDRAIL_BASE overrides the sub-path (tests and
// preview deployments); HANDRAIL_OUT_DIR is where scripts/build.ts builds
// before it swaps the finished site into dist/.
const settings = readSiteSettings();
const base = siteBase(settings);

// A plain object rather than `defineConfig` from 'astro/config', which only
// returns what it is given: that module also loads Astro's SVG optimizer
// (svgo and csso, about 230 modules Handrail never uses), at every build,
// dev server start and check.
/** @type {import('astro').AstroUserConfig} */
const config = {
  site: settings.url,
  base,
  trailingSlash: 'always',
  outDir: process.env.HANDRAIL_OUT_DIR ?? './dist',
  // Another content set (a test fixture) gets its own cache, so its entries
  // never mix with the demo's (src/node/project-paths.ts).
  cacheDir: astroCacheDir(),
  // One stylesheet file, cached once for every page (and offline).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  devToolbar: { enabled: false },
  prefetch: false,
  markdown: {
    // The guard, the sanitizer and the typography: src/node/markdown/site-markdown.ts.
    processor: siteMarkdownProcessor(base),
    syntaxHighlight: false,
  },
  // The file guard refuses links and unreadable files before anything is read;
  // Handrail's build steps (content check, search, offline, CSP) run in its
  // hooks: see src/node/integration/.
  integrations: [contentFileGuard(), articleRendering({ base }), handrail()],
  // Article pages carry a cache key (src/data/page-keys.ts): a rebuild with
  // the cache kept renders only the pages whose data or body changed.
  experimental: { incrementalBuild: true },
};

export default config;
