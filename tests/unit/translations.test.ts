import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createCatalogTranslator, isPluralForms, placeholdersOf, pluralCategoriesOf, type StringEntry } from '../../src/shared/i18n.ts';
import { createTranslator, lookupChain, shippedCatalogs, shippedReviewNotes, t } from '../../src/shared/strings.ts';
import { projectRoot } from '../../src/node/project-paths.ts';

const dir = path.join(projectRoot, 'src/translations');
const read = async (file: string) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Record<string, unknown>;
const english = await read('en.json');
const files = (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'en.json').sort();

describe('shipped UI strings', () => {
  test('English, Spanish, French, German, Welsh and Arabic ship, and every file is loaded', () => {
    assert.deepEqual(files, ['ar.json', 'cy.json', 'de.json', 'es.json', 'fr.json']);
    assert.deepEqual(Object.keys(shippedCatalogs).sort(), ['ar', 'cy', 'de', 'en', 'es', 'fr']);
  });

  for (const file of files) {
    const lang = path.basename(file, '.json');
    test(`${file} has exactly the keys of en.json, the same placeholders, and ${lang}'s plural forms`, async () => {
      const strings = await read(file);
      const keys = Object.keys(strings).filter((key) => key !== '_meta');
      const missing = Object.keys(english).filter((key) => !keys.includes(key));
      const extra = keys.filter((key) => !(key in english));
      assert.deepEqual(missing, [], `${file} lacks keys of en.json`);
      assert.deepEqual(extra, [], `${file} has keys en.json lacks`);
      const categories = pluralCategoriesOf(lang);
      for (const key of keys) {
        const source = english[key] as StringEntry;
        const entry = strings[key];
        assert.ok(typeof entry === 'string' || isPluralForms(entry), `${file} "${key}" is neither text nor plural forms`);
        assert.deepEqual(placeholdersOf(entry), placeholdersOf(source), `${file} "${key}" uses other placeholders than en.json`);
        if (typeof source === 'string') {
          assert.ok(typeof entry === 'string' && entry.trim().length > 0, `${file} "${key}" should be plain text like en.json`);
        } else {
          assert.ok(isPluralForms(entry), `${file} "${key}" needs plural forms, as in en.json`);
          assert.deepEqual(Object.keys(entry).sort(), [...categories].sort(), `${file} "${key}" needs exactly ${lang}'s forms: ${categories.join(', ')}`);
        }
      }
    });

    test(`${file} says it is machine-made and awaiting review`, async () => {
      const meta = (await read(file))._meta as { machineMade?: unknown; note?: unknown; reviewed?: unknown };
      assert.equal(meta.machineMade, true);
      assert.match(String(meta.note), /not yet checked by a fluent/);
      assert.ok(Array.isArray(meta.reviewed) && meta.reviewed.every((key) => typeof key === 'string' && key in english), 'reviewed lists keys of en.json');
      assert.equal(shippedReviewNotes[lang]?.machineMade, true);
      assert.equal(shippedCatalogs[lang]?._meta, undefined, 'the note is never a string');
    });
  }

  test('Welsh and Arabic give all six plural forms, each chosen by its own number', () => {
    for (const lang of ['cy', 'ar']) assert.deepEqual(pluralCategoriesOf(lang), ['zero', 'one', 'two', 'few', 'many', 'other']);
    const cy = createTranslator('cy');
    assert.equal(cy.t('home.articleCount', { count: 0 }), 'Dim erthyglau');
    assert.equal(cy.t('home.articleCount', { count: 3 }), '3 erthygl');
    assert.equal(cy.t('home.articleCount', { count: 20 }), '20 o erthyglau');
    const ar = createTranslator('ar');
    assert.equal(ar.t('home.articleCount', { count: 1 }), 'مقالة واحدة');
    assert.equal(ar.t('home.articleCount', { count: 2 }), 'مقالتان');
    assert.equal(ar.t('home.articleCount', { count: 3 }), '3 مقالات');
    assert.equal(ar.t('home.articleCount', { count: 11 }), '11 مقالة');
    assert.equal(ar.t('home.articleCount', { count: 100 }), '100 مقالة');
  });
});

describe('translator', () => {
  test('fills placeholders, formats numbers the language’s way, and picks the plural form by count', () => {
    const de = createTranslator('de');
    assert.equal(de.t('search.count', { count: 1, query: 'Akku' }), '1 Ergebnis für „Akku“');
    assert.equal(de.t('search.count', { count: 1234, query: 'Akku' }), '1.234 Ergebnisse für „Akku“');
    assert.equal(createTranslator('en').t('search.count', { count: 1234, query: 'battery' }), '1,234 results for “battery”');
  });

  test('without a count a plural string gives its "other" form with the placeholders left for a browser script', () => {
    assert.equal(createTranslator('fr').t('search.count'), '{count} résultats pour «\u00a0{query}\u00a0»');
  });

  test('a missing string falls back to English, says so, and uses English plural rules for it', () => {
    const partial = createCatalogTranslator({ code: 'cy', locale: 'cy', dir: 'ltr' }, [
      { lang: 'cy', locale: 'cy', strings: { 'header.home': 'Hafan' } },
      { lang: 'en', locale: 'en', strings: shippedCatalogs.en! },
    ]);
    assert.equal(partial.t('header.home'), 'Hafan');
    assert.equal(partial.has('header.home'), true);
    assert.equal(partial.t('header.az'), 'All articles A–Z');
    assert.equal(partial.has('header.az'), false);
    assert.equal(partial.languageOf('header.az'), 'en');
    // 2 is "two" in Welsh; the English text must still read "2 articles".
    assert.equal(partial.t('home.articleCount', { count: 2 }), '2 articles');
  });

  test('a site’s strings from content/ win over the shipped ones, and can add a language Handrail does not ship', () => {
    const cy = createTranslator('cy', { cy: { 'header.contact': 'Siarad â ni' } });
    assert.equal(cy.t('header.contact'), 'Siarad â ni');
    assert.equal(cy.t('header.home'), 'Hafan');
    const pl = createTranslator('pl', { pl: { 'header.home': 'Strona główna', 'home.articleCount': { one: '{count} artykuł', few: '{count} artykuły', many: '{count} artykułów', other: '{count} artykułu' } } });
    assert.equal(pl.t('header.home'), 'Strona główna');
    assert.equal(pl.t('home.articleCount', { count: 5 }), '5 artykułów');
    assert.equal(pl.t('header.az'), 'All articles A–Z');
    assert.equal(pl.languageOf('header.az'), 'en');
  });

  test('a regional language uses its base language’s strings: es-419 reads Spanish, with its own number format', () => {
    assert.deepEqual(lookupChain('es-419'), ['es-419', 'es', 'en']);
    const latam = createTranslator({ code: 'es-419', locale: 'es-419', dir: 'ltr' });
    assert.equal(latam.t('header.home'), 'Inicio');
    assert.equal(latam.languageOf('header.home'), 'es');
  });

  test('dates, times, numbers and lists come from Intl in the page’s language', () => {
    const day = new Date(Date.UTC(2026, 10, 3));
    assert.equal(createTranslator('cy').date(day), '3 Tachwedd 2026');
    assert.equal(createTranslator({ code: 'en', locale: 'en-GB', dir: 'ltr' }).date(day), '3 November 2026');
    assert.equal(createTranslator('ar').date(day), '3 نوفمبر 2026');
    assert.equal(createTranslator('de').number(1234.5), '1.234,5');
    assert.equal(createTranslator('en').list(['phone', 'chat', 'email']), 'phone, chat, and email');
    assert.equal(createTranslator({ code: 'en', locale: 'en-GB', dir: 'ltr' }).list(['phone', 'chat', 'email'], 'disjunction'), 'phone, chat or email');
    const evening = new Date('2026-07-01T16:30:00Z');
    assert.equal(createTranslator({ code: 'en', locale: 'en-GB', dir: 'ltr' }).time(evening, 'Europe/London'), '17:30');
    assert.equal(createTranslator({ code: 'en', locale: 'en-US', dir: 'ltr' }).time(evening, 'Europe/London'), '5:30 PM');
  });

  test('knows each language’s direction', () => {
    assert.equal(createTranslator('ar').dir, 'rtl');
    assert.equal(createTranslator('cy').dir, 'ltr');
  });

  test('the English t() keeps working for existing callers', () => {
    assert.equal(t('header.home'), 'Home');
    assert.equal(t('search.count'), '{count} results for “{query}”');
    assert.equal(t('home.articleCount', { count: 1 }), '1 article');
    assert.equal(t('az.count', { count: 41, categories: 7 }), '41 articles in 7 topics.');
    assert.equal(t('contact.subject', { topic: 'Refunds' }), 'Help with: Refunds');
  });
});
