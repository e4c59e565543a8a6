import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger, ContentEntryType, HookParameters } from 'astro';
import { createArticleRenderer, type RenderedArticle, type RenderJob, type RenderShared } from '../markdown/article-render.ts';
import { RenderPool } from '../markdown/render-pool.ts';
import { extraThreads } from '../threads.ts';

/** Astro gives integrations this hook, but leaves it out of its public types. */
type WithContentEntryType = HookParameters<'astro:config:setup'> & { addContentEntryType(type: ContentEntryType): void };

/** Front matter and body, as Astro reads a `.md` file; a YAML error names the file and line. */
function readEntry(contents: string, file: string) {
  try {
    return parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    const yaml = error as Error & { mark?: { line: number; column: number }; reason?: string; id?: string; loc?: object };
    if (yaml.name === 'YAMLException' && yaml.mark) {
      yaml.id = file;
      yaml.loc = { file, line: yaml.mark.line + 1, column: yaml.mark.column };
      if (yaml.reason) yaml.message = yaml.reason;
    }
    throw yaml;
  }
}

/**
 * Articles rendered on Astro's thread before the render threads start. A
 * rebuild renders only the articles that changed, usually a few: starting
 * a thread for them cost more (0.4–0.5 s of a core, loading the
 * processor) than rendering them (a few milliseconds each). A cold build
 * renders these first few on Astro's thread while the threads start.
 * Articles count as one run while each comes within {@link RUN_GAP_MS} of
 * the last: the dev server's saves, one at a time, never start threads.
 */
export const THREADS_AFTER = 16;
/** A pause longer than this between articles starts the count again. */
export const RUN_GAP_MS = 1_000;

/**
 * How articles become HTML in Astro's content layer, `.md` and `.mdx`
 * alike (in place of Astro's own `.md` type and of @astrojs/mdx):
 *
 * - `.mdx` articles are read like `.md` and rendered with the site's
 *   Markdown processor reading MDX syntax (src/node/markdown/mdx-articles.ts).
 *   No module is compiled per article: the rendered HTML is stored with the
 *   entry and kept while the file is unchanged, so `astro build` and a
 *   rebuild skip Vite for articles, and `astro dev` updates an article on
 *   save as it does a `.md` one.
 * - Both render on every core once more than a few have changed: render
 *   threads beside Astro's take an article whenever one is free
 *   (src/node/markdown/render-pool.ts), made with the same processor
 *   (src/node/markdown/site-markdown.ts). A build stops them once the
 *   content layer has synced, before the pages render.
 */
export function articleRendering(options: { base: string; threads?: number }): AstroIntegration {
  let pool: RenderPool | undefined;
  let logger: AstroIntegrationLogger | undefined;
  let renderer: Promise<(job: RenderJob) => Promise<RenderedArticle>> | undefined;
  // Articles asked for in this run, when the last was, and whether the threads were started (or could not be).
  let asked = 0;
  let lastAsked = 0;
  let tried = false;
  const startThreads = (shared: RenderShared) => {
    tried = true;
    const threads = options.threads ?? extraThreads();
    if (threads === 0) return;
    try {
      pool = new RenderPool(options.base, shared, threads);
      logger?.debug(`Articles render on ${threads + 1} threads: more than ${THREADS_AFTER} to render.`);
    } catch (error) {
      // Settings a thread cannot be given (they hold a function): every article renders here, and the log says so.
      logger?.warn(`Articles render on one thread: the render settings could not be given to a render thread (${(error as Error).message}).`);
    }
  };
  const renderFunction = (format: RenderJob['format']) => async (config: AstroConfig) => {
    const shared: RenderShared = {
      image: config.image,
      syntaxHighlight: config.markdown.syntaxHighlight,
      shikiConfig: config.markdown.shikiConfig,
      gfm: config.markdown.gfm,
      smartypants: config.markdown.smartypants,
    };
    renderer ??= createArticleRenderer(config.markdown.processor, shared);
    const here = await renderer;
    return async (entry: { body?: string; data: Record<string, unknown>; filePath?: string }) => {
      const job: RenderJob = { format, body: entry.body ?? '', frontmatter: entry.data, filePath: entry.filePath };
      const now = performance.now();
      if (now - lastAsked > RUN_GAP_MS) asked = 0;
      lastAsked = now;
      if (++asked > THREADS_AFTER && !tried) startThreads(shared);
      return pool ? pool.render(job, here) : here(job);
    };
  };
  const close = async () => {
    await pool?.close();
    pool = undefined;
    asked = 0;
    tried = false;
  };
  return {
    name: 'handrail:article-rendering',
    hooks: {
      'astro:config:setup': (params) => {
        logger = params.logger;
        for (const format of ['md', 'mdx'] as const) {
          (params as WithContentEntryType).addContentEntryType({
            extensions: [`.${format}`],
            getEntryInfo({ contents, fileUrl }) {
              const parsed = readEntry(contents, fileURLToPath(fileUrl));
              return { data: parsed.frontmatter, body: parsed.content.trim(), slug: parsed.frontmatter.slug, rawData: parsed.rawFrontmatter };
            },
            // Articles bring no styles or scripts of their own.
            handlePropagation: false,
            getRenderFunction: renderFunction(format),
          });
        }
      },
      // The content layer has synced: the render threads' memory goes back before the pages render.
      'astro:build:start': close,
      // The dev server stops or restarts (a restart makes a new pool).
      'astro:server:done': close,
    },
  };
}
