import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { announceStep, formatBytes, HASHED_ASSET, isHandrailCache, isHashedSearchFile, pagesCacheName, savedCacheName, searchCacheName } from '../../src/shared/offline.ts';
import { isSavedForOffline, PRECACHE_PATTERNS } from '../../src/node/integration/offline.ts';

describe('offline helpers', () => {
  test('sizes read as people say them', () => {
    assert.equal(formatBytes(512), '512 bytes');
    assert.equal(formatBytes(1_400_000), '1.4 MB');
    assert.equal(formatBytes(23_456_789), '23 MB');
    assert.equal(formatBytes(820_000), '820 KB');
  });

  test('progress is announced once per quarter, however many files', () => {
    const announced: number[] = [];
    let last = 0;
    for (let done = 1; done <= 37; done++) {
      const step = announceStep(done, 37, last);
      if (step !== undefined) announced.push((last = step));
    }
    assert.deepEqual(announced, [25, 50, 75, 100]);
    assert.equal(announceStep(0, 0, 0), undefined);
  });

  test('cache names carry the release, so a new release can drop the old ones', () => {
    assert.equal(pagesCacheName('abc'), 'handrail-pages-abc');
    assert.equal(savedCacheName('abc'), 'handrail-saved-abc');
    assert.equal(searchCacheName('abc'), 'handrail-search-abc');
    assert.ok(isHandrailCache('handrail-saved-old'));
    assert.ok(!isHandrailCache('workbox-precache-v2-http://localhost/'));
  });
});

describe('what a first visit and "Save for offline" take', () => {
  test('the first visit precaches a fixed app shell: no page list, no search index', () => {
    assert.ok(!PRECACHE_PATTERNS.some((p) => /pagefind|search-words|articles|categories|a-z/.test(p)), PRECACHE_PATTERNS.join(', '));
    assert.ok(PRECACHE_PATTERNS.includes('offline/index.html'));
  });

  test('"Save for offline" takes every page and the whole search index, not what nothing loads', () => {
    for (const name of ['index.html', 'articles/x/index.html', '_astro/Base.Ab12Cd34.css', 'search-words.json', 'pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'pagefind/pagefind-entry.json', 'pagefind/wasm.en.pagefind', 'pagefind/pagefind.en_1a2b3c4d5e6f7.pf_meta', 'pagefind/index/en_1a2b3c4.pf_index', 'pagefind/fragment/en_1a2b3c4.pf_fragment', 'pagefind/filter/en_1a2b3c4.pf_filter', 'images/bike.png']) {
      assert.ok(isSavedForOffline(name), name);
    }
    for (const name of ['404.html', 'sw.js', 'offline-manifest.json', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-component-ui.css', 'pagefind/pagefind-highlight.js', 'robots', '_redirects']) {
      assert.ok(!isSavedForOffline(name), name);
    }
  });

  test('files named by their content are known, so caches can trust them', () => {
    assert.ok(isHashedSearchFile('/pagefind/index/en-gb_198d383.pf_index'));
    assert.ok(isHashedSearchFile('/help/pagefind/pagefind.en-gb_b37cb5c1a695c.pf_meta'));
    assert.ok(!isHashedSearchFile('/pagefind/pagefind-entry.json'));
    assert.ok(!isHashedSearchFile('/pagefind/wasm.en-gb.pagefind'));
    assert.ok(HASHED_ASSET.test('_astro/BaseLayout.DeJQfsqW.css'));
    assert.ok(HASHED_ASSET.test('/help/_astro/SearchResults.astro_astro_type_script_index_0_lang.1RRyfZ3E.js'));
    assert.ok(!HASHED_ASSET.test('_astro/manifest.json'));
    assert.ok(!HASHED_ASSET.test('favicon.svg'));
  });
});
