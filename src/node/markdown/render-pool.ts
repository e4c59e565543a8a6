import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderedArticle, RenderShared } from './article-render.ts';

type Answer = { ready: true } | { id: number; rendered: RenderedArticle } | { id: number; failed: true };

interface Thread {
  worker: Worker;
  ready: boolean;
  /** Settles once the thread can take jobs (true) or never will (false). */
  started: Promise<boolean>;
  /** The jobs it has been sent, in order, with what to do with each answer. */
  jobs: Map<number, (rendered: RenderedArticle | undefined) => void>;
}

/**
 * Jobs a thread is sent ahead. Its answers are read only when Astro's
 * thread pauses between articles, so a thread sent one at a time sat idle
 * most of the time (it rendered a sixth of the articles). Most of the ten
 * articles the content layer keeps in flight go to it: Astro's thread also
 * reads, parses and stores every entry, and renders when the queue is full
 * (at 1,000 articles on 2 cores, about half each; the sync took 20–25 %
 * less time than on one thread, where four queued saved 10 %).
 */
const QUEUED = 8;

/**
 * Renders articles on more than one core. Astro's content layer renders
 * each changed article to HTML on its own thread, ten in flight at once
 * but one at a time on the processor: a fifth of a cold build (a
 * third with the parsing). The pool hands an article to a render thread
 * (src/node/markdown/render-worker.ts) whenever one is free and renders it
 * on Astro's thread otherwise, so both cores render while the content
 * layer syncs. Threads still starting, or gone, are simply not used; an
 * article a thread could not render is rendered on Astro's thread, where
 * its error is reported as ever.
 */
export class RenderPool {
  readonly #threads: Thread[] = [];
  #next = 0;

  /** Starts `threads` render threads for a site at `base` (as astro.config.mjs gives it to the processor). */
  constructor(base: string, shared: RenderShared, threads: number) {
    for (let n = 0; n < threads; n++) {
      let started!: (ready: boolean) => void;
      const thread: Thread = {
        worker: new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: { base, shared } }),
        ready: false,
        started: new Promise((resolve) => (started = resolve)),
        jobs: new Map(),
      };
      thread.worker.on('message', (answer: Answer) => {
        if ('ready' in answer) started((thread.ready = true));
        else this.#settle(thread, answer.id, 'rendered' in answer ? answer.rendered : undefined);
      });
      const gone = () => {
        thread.ready = false;
        started(false);
        for (const id of [...thread.jobs.keys()]) this.#settle(thread, id, undefined);
      };
      thread.worker.on('error', gone);
      thread.worker.on('exit', gone);
      // An idle thread never keeps the process alive (the dev server stops, a build ends).
      thread.worker.unref();
      this.#threads.push(thread);
    }
  }

  /**
   * Renders `job` on a free render thread, or with `here` on this thread
   * when none is free or the thread could not render it.
   */
  async render(job: RenderJob, here: (job: RenderJob) => Promise<RenderedArticle>): Promise<RenderedArticle> {
    const thread = this.#threads.filter((candidate) => candidate.ready && candidate.jobs.size < QUEUED).sort((a, b) => a.jobs.size - b.jobs.size)[0];
    if (!thread) return here(job);
    const id = this.#next++;
    const rendered = await new Promise<RenderedArticle | undefined>((done) => {
      thread.jobs.set(id, done);
      thread.worker.ref();
      try {
        thread.worker.postMessage({ id, job });
      } catch {
        // Front matter a thread cannot be sent (it never is plain YAML's): rendered here.
        this.#settle(thread, id, undefined);
      }
    });
    return rendered ?? here(job);
  }

  /** How many render threads have started and can take articles (resolves once each has started or failed). */
  async started(): Promise<number> {
    return (await Promise.all(this.#threads.map((thread) => thread.started))).filter(Boolean).length;
  }

  /** Stops the render threads, giving their memory back (once the content layer has synced). */
  async close(): Promise<void> {
    const threads = this.#threads.splice(0);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  #settle(thread: Thread, id: number, rendered: RenderedArticle | undefined): void {
    const done = thread.jobs.get(id);
    if (!done) return;
    thread.jobs.delete(id);
    if (thread.jobs.size === 0) thread.worker.unref();
    done(rendered);
  }
}
