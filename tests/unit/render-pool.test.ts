import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import config from '../../astro.config.mjs';
import { createArticleRenderer, type RenderedArticle, type RenderJob, type RenderShared } from '../../src/node/markdown/article-render.ts';
import { RenderPool } from '../../src/node/markdown/render-pool.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { articleRendering, RUN_GAP_MS, THREADS_AFTER } from '../../src/node/integration/article-rendering.ts';
import { contentDir } from '../../src/node/project-paths.ts';
import { markdownPayloads, mdxHtmlPayloads } from '../fixtures/hostile/payloads.ts';

/**
 * Articles rendered in a render thread (src/node/markdown/render-pool.ts)
 * must be exactly what Astro's thread makes of them: the same HTML and the
 * same headings and pictures, for every article of the demo (originals
 * and translations, .md and .mdx) and for hostile input.
 */
const processor = (config.markdown as { processor: Parameters<typeof createArticleRenderer>[0] }).processor;
const shared = { image: {}, syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: true } as unknown as RenderShared;
const renderHere = createArticleRenderer(processor, shared);

async function demoJobs(): Promise<RenderJob[]> {
  const dir = path.join(contentDir, 'articles');
  const files = (await readdir(dir, { recursive: true })).filter((file) => /\.mdx?$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = parseFrontmatter(await readFile(path.join(dir, file), 'utf8'), { frontmatter: 'empty-with-spaces' });
      return { format: file.endsWith('.mdx') ? 'mdx' : 'md', body: parsed.content.trim(), frontmatter: parsed.frontmatter, filePath: path.join(dir, file) } satisfies RenderJob;
    }),
  );
}

/** Renders here; rejects with what rendering here rejects with. */
const here = async (job: RenderJob) => (await renderHere)(job);

describe('articles rendered in a render thread', () => {
  let pool: RenderPool;
  before(async () => {
    pool = new RenderPool(config.base ?? '/', shared, 1);
    assert.equal(await pool.started(), 1, 'the render thread starts');
  });
  after(() => pool.close());

  test('every demo article renders in the thread exactly as on Astro\'s thread', async () => {
    const jobs = await demoJobs();
    assert.ok(jobs.some((job) => job.format === 'mdx') && jobs.some((job) => /\.[a-z]{2}\.md$/.test(job.filePath!)), 'the demo has .mdx articles and translations');
    let renderedHere = 0;
    const notHere = async (job: RenderJob): Promise<RenderedArticle> => {
      renderedHere++;
      return here(job);
    };
    // One at a time, so each goes to the free thread (the pool renders here only when the thread's queue is full).
    for (const job of jobs) assert.deepEqual(await pool.render(job, notHere), await here(job), job.filePath);
    assert.equal(renderedHere, 0, 'every article was rendered by the thread');
  });

  test('hostile input renders in the thread exactly as here, in both formats', async () => {
    const jobs: RenderJob[] = [
      { format: 'md', body: markdownPayloads.map((payload) => payload.text).join('\n\n'), frontmatter: {} },
      { format: 'mdx', body: mdxHtmlPayloads.map((payload) => payload.text).join('\n\n'), frontmatter: {} },
    ];
    for (const job of jobs) {
      const inThread = await pool.render(job, () => Promise.reject(new Error('rendered here')));
      assert.deepEqual(inThread, await here(job));
      assert.doesNotMatch(inThread.html, /<script|onerror=/i);
    }
  });

  test('an article the thread cannot render is rendered here, so its error is Astro\'s thread\'s own', async () => {
    // MDX that cannot be parsed: a component never closed.
    const job: RenderJob = { format: 'mdx', body: 'Read this.\n\n<Callout type="tip">\n\nNever closed.\n', frontmatter: {} };
    const expected = await here(job).then(() => undefined, (error: Error) => error.message);
    assert.ok(expected, 'rendering it here fails');
    let renderedHere = 0;
    await assert.rejects(
      pool.render(job, (again) => {
        renderedHere++;
        return here(again);
      }),
      (error: Error) => error.message === expected,
    );
    assert.equal(renderedHere, 1);
  });

  test('an article whose front matter cannot be sent to a thread is rendered here', async () => {
    const job = { format: 'md', body: '# Hello\n\nText.', frontmatter: { odd: () => 1 } } as unknown as RenderJob;
    let renderedHere = 0;
    const rendered = await pool.render(job, (again) => {
      renderedHere++;
      return here(again);
    });
    assert.equal(renderedHere, 1);
    assert.match(rendered.html, /<h1 id="hello">Hello<\/h1>/);
  });

  test('once closed, every article is rendered here', async () => {
    const closed = new RenderPool(config.base ?? '/', shared, 1);
    await closed.started();
    await closed.close();
    const job: RenderJob = { format: 'md', body: '# Hello\n\nText.', frontmatter: {} };
    assert.deepEqual(await closed.render(job, here), await here(job));
    await assert.rejects(closed.render(job, () => Promise.reject(new Error('rendered here'))), /rendered here/);
  });
});

describe('the content types that render articles', () => {
  type ContentType = { extensions: string[]; getRenderFunction(config: unknown): Promise<(entry: object) => Promise<RenderedArticle>> };

  /** The integration's two content types, set up with a logger that keeps what it is told. */
  async function contentTypes() {
    const integration = articleRendering({ base: '/', threads: 1 });
    const types: ContentType[] = [];
    const log = { warn: [] as string[], debug: [] as string[] };
    const setup = integration.hooks['astro:config:setup'] as unknown as (params: object) => Promise<void>;
    const logger = { warn: (message: string) => log.warn.push(message), debug: (message: string) => log.debug.push(message) };
    await setup({ addContentEntryType: (type: ContentType) => types.push(type), logger });
    const close = integration.hooks['astro:build:start'] as unknown as () => Promise<void>;
    return { types, log, close };
  }
  const article = (n: number) => ({ body: `## Opening hours ${n}\n\nWe're open.`, data: {} });
  const resolvedConfig = { markdown: { ...(config.markdown as object), syntaxHighlight: false }, image: {} };

  test('a rebuild that renders a few articles starts no render thread; more than a few start one', async () => {
    const { types, log, close } = await contentTypes();
    assert.deepEqual(types.map((type) => type.extensions).flat().sort(), ['.md', '.mdx']);
    const [md, mdx] = [await types[0]!.getRenderFunction(resolvedConfig), await types[1]!.getRenderFunction(resolvedConfig)];
    for (let n = 1; n <= THREADS_AFTER; n++) {
      const rendered = await (n % 2 ? md : mdx)(article(n));
      assert.match(rendered.html, new RegExp(`<h2 id="opening-hours-${n}">Opening hours ${n}</h2>`));
    }
    assert.deepEqual(log.debug, [], `no thread for ${THREADS_AFTER} articles, .md and .mdx counted together`);
    const next = await md(article(THREADS_AFTER + 1));
    assert.match(next.html, /<h2 id="opening-hours-17">/);
    assert.deepEqual(log.debug, [`Articles render on 2 threads: more than ${THREADS_AFTER} to render.`]);
    assert.deepEqual(log.warn, []);
    await close();
  });

  test('articles saved one at a time (the dev server) never add up to a run that starts threads', async () => {
    const { types, log, close } = await contentTypes();
    const md = await types[0]!.getRenderFunction(resolvedConfig);
    const half = THREADS_AFTER / 2 + 1;
    for (let n = 1; n <= half; n++) await md(article(n));
    await sleep(RUN_GAP_MS + 200);
    for (let n = half + 1; n <= 2 * half; n++) await md(article(n));
    assert.ok(2 * half > THREADS_AFTER);
    assert.deepEqual(log.debug, [], `${2 * half} articles, in two runs a pause apart, start no thread`);
    for (let n = 2 * half + 1; n <= THREADS_AFTER + half + 1; n++) await md(article(n));
    assert.equal(log.debug.length, 1, 'more than a run\'s worth without a pause does');
    await close();
  });

  test('settings a render thread cannot be given: every article renders on Astro\'s thread, and the log says so', async () => {
    const { types, log, close } = await contentTypes();
    // A function cannot be sent to a thread.
    const resolved = { ...resolvedConfig, image: { service: { entrypoint: 'x', config: { resize: () => 1 } } } };
    const render = await types[0]!.getRenderFunction(resolved);
    for (let n = 1; n <= THREADS_AFTER + 2; n++) {
      const rendered = await render(article(n));
      assert.match(rendered.html, new RegExp(`<h2 id="opening-hours-${n}">Opening hours ${n}</h2>\\s*<p>We’re open\\.</p>`));
    }
    assert.equal(log.warn.length, 1, 'said once');
    assert.match(log.warn[0]!, /render on one thread/);
    await close();
  });
});
