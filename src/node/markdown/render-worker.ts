import { parentPort, workerData } from 'node:worker_threads';
import { createArticleRenderer, type RenderJob, type RenderShared } from './article-render.ts';
import { siteMarkdownProcessor } from './site-markdown.ts';

/**
 * A thread that renders articles beside Astro's (src/node/markdown/render-pool.ts):
 * the site's processor, made as astro.config.mjs makes it, renders each job
 * it is sent, one after another. A job that fails is answered with
 * `failed`, and Astro's thread renders it again itself, so its error is
 * reported there, once: what the processor printed here for that job is
 * dropped, and what it printed for a job that succeeded is passed on.
 */
const { base, shared } = workerData as { base: string; shared: RenderShared };
const render = await createArticleRenderer(siteMarkdownProcessor(base), shared);

const printed: Array<[method: 'log' | 'warn' | 'error', args: unknown[]]> = [];
const original = { log: console.log, warn: console.warn, error: console.error };
for (const method of ['log', 'warn', 'error'] as const) console[method] = (...args: unknown[]) => void printed.push([method, args]);

async function renderOne({ id, job }: { id: number; job: RenderJob }): Promise<void> {
  printed.length = 0;
  try {
    const rendered = await render(job);
    for (const [method, args] of printed) original[method](...args);
    parentPort!.postMessage({ id, rendered });
  } catch {
    parentPort!.postMessage({ id, failed: true });
  }
}

let queue = Promise.resolve();
parentPort!.on('message', (message: { id: number; job: RenderJob }) => {
  queue = queue.then(() => renderOne(message));
});
parentPort!.postMessage({ ready: true });
