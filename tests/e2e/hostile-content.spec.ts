import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../helpers/browser-test.ts';
import { startStaticServer } from '../../src/node/static-server.ts';
import { hostileArticle } from '../fixtures/hostile/article.ts';
import { markdownDefinitions, markdownPayloads, mdxHtmlPayloads } from '../fixtures/hostile/payloads.ts';

/**
 * The sanitizer alone holds: an article carrying every payload the checker
 * rejects is built with `astro build` directly, the content check's errors
 * ignored (HANDRAIL_TEST_RENDER_UNCHECKED, which only a test, not a
 * writer's pull request, can set) — and
 * read in Chromium. Nothing may run, and nothing may be asked of another
 * origin. (MDX code — imports, exports, expressions — cannot be built at
 * all: tests/build/safety.test.ts proves the build refuses it.)
 */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let server: Awaited<ReturnType<typeof startStaticServer>>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const contentDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-hostile-')), 'content');
  await cp(path.join(projectRoot, 'tests/fixtures/valid'), contentDir, { recursive: true });
  await writeFile(path.join(contentDir, 'articles/billing/hostile-html.md'), hostileArticle('Hostile Markdown', markdownPayloads, markdownDefinitions).text);
  const mdx = mdxHtmlPayloads.filter((p) => p.category !== 'component misuse');
  await writeFile(path.join(contentDir, 'articles/billing/hostile-jsx.mdx'), hostileArticle('Hostile MDX', mdx).text);
  const outDir = path.join(path.dirname(contentDir), 'site');
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir, HANDRAIL_OUT_DIR: outDir, HANDRAIL_ROOT: projectRoot, HANDRAIL_TEST_RENDER_UNCHECKED: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
  server = await startStaticServer({ root: outDir, base: '/', port: 0 });
});

test.afterAll(async () => {
  await server?.close();
});

for (const slug of ['hostile-html', 'hostile-jsx']) {
  test(`${slug}: no payload runs, and nothing is requested from another origin`, async ({ page }) => {
    const origin = new URL(server.url).origin;
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin && !url.protocol.startsWith('data')) elsewhere.push(request.url());
    });
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${server.url}articles/${slug}/`);
    await page.waitForLoadState('networkidle');
    const prose = page.locator('.prose');
    await expect(prose).toContainText('The payloads follow.');

    // Give every event handler a chance: hover, focus and click everything in the article.
    for (const element of await prose.locator('*').all()) {
      await element.hover({ force: true, timeout: 500 }).catch(() => {});
      await element.focus({ timeout: 500 }).catch(() => {});
    }
    for (const link of await prose.locator('a, summary, details').all()) {
      await link.click({ force: true, modifiers: ['Alt'], timeout: 1000, noWaitAfter: true }).catch(() => {});
    }
    await page.waitForTimeout(300);
    expect(page.url(), 'still on the article').toBe(`${server.url}articles/${slug}/`);

    const live = await page.evaluate(() => {
      const root = document.querySelector('.prose')!;
      const found: string[] = [];
      if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push(`window.__pwned = ${String((window as unknown as { __pwned?: unknown }).__pwned)}`);
      for (const element of root.querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        if (['script', 'style', 'iframe', 'object', 'embed', 'form', 'button', 'textarea', 'select', 'link', 'meta', 'base', 'svg', 'math', 'video', 'audio', 'source', 'template', 'area'].includes(tag)) found.push(`<${tag}>`);
        if (tag.includes('-')) found.push(`custom element <${tag}>`);
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith('on') || ['style', 'srcset', 'poster', 'background', 'ping', 'target', 'formaction', 'action', 'name', 'xlink:href'].includes(name)) found.push(`${name} on <${tag}>`);
          // Ids come only from headings (for #links) and footnotes, never from the writer's HTML.
          if (name === 'id' && !/^h[1-6]$/.test(tag) && !/^user-content-fn(?:ref)?-[\w-]+$/.test(attribute.value)) found.push(`id="${attribute.value}" on <${tag}>`);
        }
        const href = element.getAttribute('href');
        if (href !== null && !/^(?:https?:\/\/|mailto:|tel:|#|\/[^/\\])/.test(href)) found.push(`href="${href}"`);
        const src = element.getAttribute('src');
        if (src !== null && !/^\/[^/\\]/.test(src)) found.push(`src="${src}"`);
      }
      // A page-wide check too: nothing outside the article was added by it.
      if (document.querySelector('base, meta[http-equiv="refresh"]')) found.push('a <base> or refresh in the page');
      return found;
    });
    expect(live, 'nothing live in the article').toEqual([]);
    expect(dialogs, 'no dialogs').toEqual([]);
    expect(elsewhere, 'no requests to another origin').toEqual([]);
  });
}
