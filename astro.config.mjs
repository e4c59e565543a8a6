// @ts-check
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import handrail from './src/node/integration/index.ts';
import { rehypeHandrail } from './src/node/markdown/rehype-handrail.ts';
import { readSiteSettings } from './src/node/site-settings.ts';
import strings from './src/translations/en.json' with { type: 'json' };

// The site address and sub-path come from content/site.yaml, so a writer
// never edits this file. HANDRAIL_BASE overrides the sub-path (tests and
// preview deployments); HANDRAIL_OUT_DIR is where scripts/build.ts builds
// before it swaps the finished site into dist/.
const settings = readSiteSettings();
const base = process.env.HANDRAIL_BASE || settings.basePath;

export default defineConfig({
  site: settings.url,
  base,
  trailingSlash: 'always',
  outDir: process.env.HANDRAIL_OUT_DIR ?? './dist',
  // Another content set (a test fixture) gets its own cache, so its entries
  // never mix with the demo's.
  cacheDir: process.env.HANDRAIL_CONTENT_DIR ? `./.handrail/cache/${createHash('sha1').update(process.env.HANDRAIL_CONTENT_DIR).digest('hex').slice(0, 12)}` : './node_modules/.astro',
  // One stylesheet file, cached once for every page (and offline).
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  prefetch: false,
  markdown: {
    processor: unified({
      gfm: false,
      smartypants: true,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypeHandrail, { base, tableLabel: strings['table.label'], publicDir: fileURLToPath(new URL('./public/', import.meta.url)) }]],
    }),
    syntaxHighlight: false,
  },
  // Handrail's build steps (content check, search, offline, CSP) run in its hooks: see src/node/integration/.
  integrations: [mdx(), handrail()],
});
