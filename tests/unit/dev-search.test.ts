import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { DevSearchIndex } from '../../src/node/integration/dev-search.ts';
import { closeIndexer } from '../../src/node/integration/pagefind.ts';

const page = (title: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>How to ask for a refund of an order.</p></main></body></html>`;

/**
 * A stand-in for the dev server on 127.0.0.1: answers each article page,
 * except the paths in `missing`, which answer 404 as Astro's stale page lists did.
 */
async function fakeDevServer(missing: Set<string>): Promise<{ origin: string; server: Server; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '';
    asked.push(url);
    if (missing.has(url)) {
      response.statusCode = 404;
      response.end('no matching static path');
      return;
    }
    response.setHeader('Content-Type', 'text/html');
    response.end(page(url));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, asked };
}

/** A dev index whose log resolves `built` with its summary line once an index has been made, or with a warning. */
function devIndex(): { index: DevSearchIndex; built: Promise<string> } {
  let resolve: (line: string) => void = () => {};
  const built = new Promise<string>((r) => (resolve = r));
  const index = new DevSearchIndex('/', {
    info: (message) => {
      if (message.startsWith('Search index for the preview:')) resolve(message);
    },
    warn: (message) => resolve(`warning: ${message}`),
  });
  return { index, built };
}

const ARTICLES = [
  { slug: 'a', path: 'articles/a/' },
  { slug: 'b', path: 'articles/b/' },
];

describe('the dev search index and a page list gone stale', { timeout: 60_000 }, () => {
  after(() => closeIndexer());

  test('an article that answers 404 has the page lists made again once, and is asked for again', async () => {
    const missing = new Set(['/articles/b/']);
    const { origin, server, asked } = await fakeDevServer(missing);
    try {
      const { index, built } = devIndex();
      let remade = 0;
      // Making the lists again is what cures the 404 (dev-server.ts: remakeRoutes).
      index.onPageMissing(() => {
        remade++;
        missing.clear();
      });
      index.start(origin, ARTICLES);
      const summary = await built;
      assert.equal(remade, 1);
      assert.deepEqual(asked, ['/articles/a/', '/articles/b/', '/articles/b/'], 'only the missing article is asked for again');
      assert.equal(summary.replace(/ in [\d.]+ s/, ''), 'Search index for the preview: 2 article pages.');
    } finally {
      server.close();
    }
  });

  test('an article still missing after that is left out and said so, with no second try', async () => {
    const { origin, server, asked } = await fakeDevServer(new Set(['/articles/b/']));
    try {
      const { index, built } = devIndex();
      let remade = 0;
      index.onPageMissing(() => remade++);
      index.start(origin, ARTICLES);
      const summary = await built;
      assert.equal(remade, 1);
      assert.equal(asked.filter((url) => url === '/articles/b/').length, 2);
      assert.match(summary, /1 article pages in [\d.]+ s \(1 could not be rendered and are left out\)\.$/);
    } finally {
      server.close();
    }
  });
});
