// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { contentFileGuard } from './src/node/check/astro-guard.ts';
import { imageSize } from './src/node/image-size.ts';
import handrail from './src/node/integration/index.ts';
import { mdxArticles } from './src/node/integration/mdx-articles.ts';
import { rehypeArticleSanitize } from './src/node/markdown/html-allowlist.ts';
import { rehypeHandrail } from './src/node/markdown/rehype-handrail.ts';
import { remarkSmartPunctuation } from './src/node/markdown/remark-smart-punctuation.ts';
import { remarkArticleGuard } from './src/node/markdown/remark-article-guard.ts';
import { astroCacheDir } from './src/node/project-paths.ts';
import { readLanguagePrefixes, readSiteSettings, readSiteStrings } from './src/node/site-settings.ts';
import { createTranslator } from './src/shared/strings.ts';

// The site address and sub-path come from content/site.yaml, so a writer
// never edits this file. HANDRAIL_BASE overrides the sub-path (tests and
// preview deployments); HANDRAIL_OUT_DIR is where scripts/build.ts builds
// before it swaps the finished site into dist/.
const settings = readSiteSettings();
const base = process.env.HANDRAIL_BASE || settings.basePath;
const publicDir = fileURLToPath(new URL('./public/', import.meta.url));
// Articles name their callouts and tables in their own language, with the
// site's wording from content/translations/<lang>.yaml over Handrail's (as
// the rest of the page does); translations link to pages in their language.
const siteStrings = readSiteStrings();
const prefixes = readLanguagePrefixes();
const translatorOf = (/** @type {string} */ code) => createTranslator(code, siteStrings);
const calloutTitlesOf = (/** @type {string} */ code) => {
  const { t } = translatorOf(code);
  return { note: t('callout.note'), tip: t('callout.tip'), warning: t('callout.warning') };
};
// Originals are in the default language (English when site.yaml declares none).
const defaultCode = prefixes[0]?.code ?? 'en';
const languages = prefixes.map(({ code, prefix }) => ({ code, prefix, tableLabel: translatorOf(code).t('table.label') }));

// Articles are data: the guard refuses anything in an article that would
// run (MDX imports, exports, expressions, unknown components, picture paths
// the build would import) and turns MDX into plain markup; the sanitizer
// then applies the one HTML allowlist to .md and .mdx alike. The same
// processor serves both: .mdx articles are read with MDX syntax and rendered
// to HTML in the content layer like .md ones, never compiled to code
// (src/node/integration/mdx-articles.ts).
/** @type {[typeof remarkArticleGuard, import('./src/node/markdown/remark-article-guard.ts').ArticleGuardOptions]} */
const articleGuard = [
  remarkArticleGuard,
  {
    calloutTitles: calloutTitlesOf(defaultCode),
    calloutTitlesByLanguage: Object.fromEntries(prefixes.map(({ code }) => [code, calloutTitlesOf(code)])),
    imageSize: (/** @type {string} */ src) => imageSize(publicDir, src),
  },
];

export default defineConfig({
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
    processor: unified({
      gfm: false,
      // Curly quotes and dashes by a plain pass over the text, not Astro's
      // smartypants (a natural-language parser, a tenth of the build's CPU).
      smartypants: false,
      remarkPlugins: [remarkSmartPunctuation, remarkGfm, articleGuard],
      rehypePlugins: [rehypeArticleSanitize, [rehypeHandrail, { base, tableLabel: translatorOf(defaultCode).t('table.label'), publicDir, languages }]],
    }),
    syntaxHighlight: false,
  },
  // The file guard refuses links and unreadable files before anything is read;
  // Handrail's build steps (content check, search, offline, CSP) run in its
  // hooks: see src/node/integration/.
  integrations: [contentFileGuard(), mdxArticles(), handrail()],
  // Article pages carry a cache key (src/data/page-keys.ts): a rebuild with
  // the cache kept renders only the pages whose data or body changed.
  experimental: { incrementalBuild: true },
});
