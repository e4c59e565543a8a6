import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { define, part, readStored, sessionStore, writeStored } from '../../src/browser/ui.ts';
import { Words } from '../../src/browser/words.ts';
import { localiseNumbers, pluralCategory } from '../../src/shared/plural.ts';
import { createTranslator, t, wordsFor } from '../../src/shared/strings.ts';
import { fillTemplate } from '../../src/shared/template.ts';

describe('text templates', () => {
  test('fill every placeholder, and leave an unknown one as written so it is noticed', () => {
    assert.equal(fillTemplate('{count} results for “{query}”', { count: 3, query: 'refund' }), '3 results for “refund”');
    assert.equal(fillTemplate('Open now, until {time}', {}), 'Open now, until {time}');
    // Only the values given: nothing inherited from Object.prototype fills a placeholder.
    assert.equal(fillTemplate('{toString} {constructor}', {}), '{toString} {constructor}');
  });

  test('numbers are written the way each language writes them', () => {
    assert.deepEqual(localiseNumbers({ count: 1234, query: 'x' }, 'en-GB'), { count: '1,234', query: 'x' });
    assert.deepEqual(localiseNumbers({ count: 1234 }, 'de'), { count: '1.234' });
  });
});

describe('plural forms (Intl.PluralRules)', () => {
  test('English has one and other', () => {
    assert.deepEqual([0, 1, 2, 21].map((n) => pluralCategory('en', n)), ['other', 'one', 'other', 'other']);
  });

  test('Welsh has six forms', () => {
    assert.deepEqual([0, 1, 2, 3, 6, 4].map((n) => pluralCategory('cy', n)), ['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  test('Polish and Arabic choose by the last digits', () => {
    assert.deepEqual([1, 2, 5, 22, 25].map((n) => pluralCategory('pl', n)), ['one', 'few', 'many', 'few', 'many']);
    assert.deepEqual([0, 1, 2, 3, 11, 100].map((n) => pluralCategory('ar', n)), ['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  test('the build writes counts with the right form', () => {
    assert.equal(t('home.articleCount', { count: 1 }), '1 article');
    assert.equal(t('home.articleCount', { count: 2 }), '2 articles');
    assert.equal(t('home.articleCount', { count: 1234 }), '1,234 articles');
  });

  test('a page embeds every plural form for its scripts, placeholders unfilled', () => {
    const embedded = wordsFor(['search.count', 'search.none'], createTranslator('cy'));
    assert.equal(typeof embedded['search.none'], 'string');
    assert.deepEqual(Object.keys(embedded['search.count'] as object).sort(), ['few', 'many', 'one', 'other', 'two', 'zero']);
    const words = new Words(JSON.stringify(embedded), 'cy');
    assert.match(words.plural('search.count', 2, { query: 'beic' }), /^2 .*“beic”$/);
  });
});

describe('Words: the strings an element was given', () => {
  const welsh = new Words(
    JSON.stringify({ 'search.count': { one: '{count} canlyniad', two: '{count} ganlyniad', other: '{count} canlyniad o “{query}”' }, greeting: 'Helo {name}' }),
    'cy',
  );

  test('fill templates and pick plural forms in the page language', () => {
    assert.equal(welsh.text('greeting', { name: 'Siân' }), 'Helo Siân');
    assert.equal(welsh.plural('search.count', 1), '1 canlyniad');
    assert.equal(welsh.plural('search.count', 2), '2 ganlyniad');
    assert.equal(welsh.plural('search.count', 1500, { query: 'ad-daliad' }), '1,500 canlyniad o “ad-daliad”');
  });

  test('an unknown key shows as itself, and no strings at all is not an error', () => {
    assert.equal(welsh.text('missing.key'), 'missing.key');
    assert.equal(new Words(undefined, 'en').text('a'), 'a');
  });
});

describe('storage that never throws', () => {
  const globals = globalThis as unknown as { window?: unknown };
  afterEach(() => {
    delete globals.window;
  });

  test('reads and writes through to the browser storage', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
    globals.window = { localStorage: storage, sessionStorage: storage };
    assert.equal(writeStored('localStorage', 'handrail-theme', 'dark'), true);
    assert.equal(readStored('localStorage', 'handrail-theme'), 'dark');
    sessionStore.setItem('handrail-visit', '{}');
    assert.equal(sessionStore.getItem('handrail-visit'), '{}');
    assert.equal(writeStored('localStorage', 'handrail-theme', null), true);
    assert.equal(readStored('localStorage', 'handrail-theme'), null);
  });

  test('blocked storage (even reading window.localStorage throws) and a full one give null and false', () => {
    globals.window = Object.defineProperties({}, {
      localStorage: { get: () => { throw new DOMException('blocked', 'SecurityError'); } },
      sessionStorage: { value: { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } } },
    });
    assert.equal(readStored('localStorage', 'handrail-theme'), null);
    assert.equal(writeStored('localStorage', 'handrail-theme', 'dark'), false);
    assert.equal(writeStored('sessionStorage', 'handrail-visit', '{}'), false);
    assert.doesNotThrow(() => sessionStore.setItem('handrail-visit', '{}'));
  });
});

describe('parts and elements', () => {
  test('a part is the element marked data-<name>', () => {
    const asked: string[] = [];
    const found = { id: 'status' };
    const root = { querySelector: (selector: string) => (asked.push(selector), found) } as unknown as ParentNode;
    assert.equal(part(root, 'status'), found);
    assert.deepEqual(asked, ['[data-status]']);
  });

  test('an element is defined once, however many times its file runs', () => {
    const defined = new Map<string, unknown>();
    const registry = { get: (name: string) => defined.get(name), define: (name: string, element: unknown) => defined.set(name, element) };
    (globalThis as unknown as { customElements: unknown }).customElements = registry;
    class First {}
    class Second {}
    define('handrail-x', First as unknown as CustomElementConstructor);
    define('handrail-x', Second as unknown as CustomElementConstructor);
    assert.equal(defined.get('handrail-x'), First);
    delete (globalThis as unknown as { customElements?: unknown }).customElements;
  });
});
