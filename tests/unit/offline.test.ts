import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { announceStep, formatBytes, HASHED_ASSET, isHandrailCache, isHashedSearchFile, isInCopy, isSavedCacheOf, pagesCacheName, savedCacheName, searchCacheName } from '../../src/shared/offline.ts';
import { copySizes, isSavedForOffline, offlineLanguagesOf, offlineSizes, PRECACHE_PATTERNS, type OfflineLanguage } from '../../src/node/integration/offline.ts';

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
    // One saved copy per language, all of them kept by their release's worker.
    assert.equal(savedCacheName('abc', 'cy'), 'handrail-saved-cy-abc');
    assert.ok(isSavedCacheOf('handrail-saved-cy-abc', 'abc') && isSavedCacheOf('handrail-saved-abc', 'abc') && isSavedCacheOf('handrail-saved-pt-br-abc', 'abc'));
    assert.ok(!isSavedCacheOf('handrail-saved-cy-old', 'abc') && !isSavedCacheOf('handrail-pages-abc', 'abc'));
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

describe('"Save for offline" per language', () => {
  const languages: OfflineLanguage[] = [
    { code: 'en', prefix: '', searchLanguage: 'en-gb' },
    { code: 'cy', prefix: 'cy', searchLanguage: 'cy' },
    { code: 'ar', prefix: 'ar', searchLanguage: 'ar' },
  ];
  // pagefind-entry.json: Welsh has no stemmer, so it loads the language-neutral wasm.
  const wasmOf = { 'en-gb': 'en-gb', cy: null, ar: 'ar' };
  const of = (name: string, list = languages) => offlineLanguagesOf(name, list, wasmOf);

  test('a language\'s pages and search index are its own; the default language has the unprefixed pages', () => {
    assert.deepEqual(of('cy/articles/refunds/index.html'), ['cy']);
    assert.deepEqual(of('cy/search-words.json'), ['cy']);
    assert.deepEqual(of('ar/manifest.webmanifest'), ['ar']);
    assert.deepEqual(of('pagefind/fragment/cy_1a2b3c4.pf_fragment'), ['cy']);
    assert.deepEqual(of('pagefind/pagefind.ar_ab834ab9f1.pf_meta'), ['ar']);
    assert.deepEqual(of('pagefind/wasm.ar.pagefind'), ['ar']);
    assert.deepEqual(of('pagefind/wasm.unknown.pagefind'), ['cy']);
    assert.deepEqual(of('articles/refunds/index.html'), ['en']);
    assert.deepEqual(of('index.html'), ['en']);
    assert.deepEqual(of('manifest.webmanifest'), ['en']);
  });

  test('every copy takes the shell, pictures, and the default language\'s search (for the labelled fallback results)', () => {
    for (const name of ['_astro/Base.Ab12Cd34.css', 'images/bike.png', 'brand/icon-192.png', 'offline/index.html', 'sitemap.xml', 'search-words.json', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/fragment/en-gb_1a2b3c4.pf_fragment', 'pagefind/index/en-gb_12a1a43.pf_index', 'pagefind/wasm.en-gb.pagefind']) {
      assert.equal(of(name), undefined, name);
    }
  });

  test('with the default language under its own prefix, its folder is its own and the root holds no language\'s pages', () => {
    const prefixed = [{ ...languages[0]!, prefix: 'en' }, ...languages.slice(1)];
    assert.deepEqual(of('en/articles/refunds/index.html', prefixed), ['en']);
    assert.equal(of('en/search-words.json', prefixed), undefined);
    assert.equal(of('offline/index.html', prefixed), undefined);
  });

  test('a site built without languages keeps one copy of everything', () => {
    assert.equal(offlineLanguagesOf('cy/articles/refunds/index.html', []), undefined);
    assert.equal(offlineLanguagesOf('articles/refunds/index.html', []), undefined);
  });

  test('each language\'s size counts its own files and the shared ones', () => {
    const files = [
      { url: '/_astro/a.css', bytes: 100 },
      { url: '/articles/x/', bytes: 10, languages: ['en'] },
      { url: '/cy/articles/x/', bytes: 20, languages: ['cy'] },
      { url: '/pagefind/wasm.x.pagefind', bytes: 5, languages: ['cy', 'ar'] },
    ];
    assert.deepEqual(copySizes(files, ['en', 'cy', 'ar']), { en: { bytes: 110, fileCount: 2 }, cy: { bytes: 125, fileCount: 3 }, ar: { bytes: 105, fileCount: 2 } });
    assert.ok(isInCopy(files[0]!, 'ar') && !isInCopy(files[1]!, 'cy'));
    assert.equal(offlineSizes({ en: { bytes: 2_049_000, fileCount: 1 }, cy: { bytes: 2_151_000, fileCount: 1 } }), 'en 2.0 MB, cy 2.2 MB');
    assert.equal(offlineSizes({ en: { bytes: 2_049_000, fileCount: 1 } }), '2.0 MB');
  });
});
