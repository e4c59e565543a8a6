import { parentPort, workerData } from 'node:worker_threads';
import { createArticleRenderer, type RenderJob, type RenderShared } from './article-render.ts';
import { siteMarkdownProcessor } from './site-markdown.ts';

/**
 * A thread that renders articles beside Astro's (src/node/markdown/render-pool.ts):
 * the site's processor, made as astro.config.mjs makes it, renders each job
 * it is sent. A job that fails is answered with `failed`, and Astro's
 * thread renders it again itself, so its error is reported as ever.
 */
const { base, shared } = workerData as { base: string; shared: RenderShared };
const render = await createArticleRenderer(siteMarkdownProcessor(base), shared);
parentPort!.on('message', async ({ id, job }: { id: number; job: RenderJob }) => {
  try {
    parentPort!.postMessage({ id, rendered: await render(job) });
  } catch {
    parentPort!.postMessage({ id, failed: true });
  }
});
parentPort!.postMessage({ ready: true });
