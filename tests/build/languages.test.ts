/**
 * Languages in the real build, on a copy of the valid fixture (English
 * default, Welsh and Arabic) with the default language under its own prefix
 * and a Welsh strings file that names the site and words callouts and
 * tables: the addresses, the site's words per language, and an incremental
 * rebuild after the strings file changes.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { projectRoot } from '../../src/node/project-paths.ts';
import { buildContent } from './build-content.ts';
import { fixtureContent } from '../unit/fixture-content.ts';


const WELSH_STRINGS = `header.contact: Siarad â ni
site.name: Cymorth Prawf
site.tagline: Canolfan gymorth fach y mae'r profion yn adeiladu arni.
callout.tip: Cyngor
table.label: Tabl data
`;

/** A Welsh translation of the MDX article: a callout and a table, both named by the Welsh strings. */
const WELSH_INVOICE = `---
title: Talu anfoneb
description: Ffyrdd o dalu'r hyn sy'n ddyledus gennych.
---

<Callout type="tip">Talwch â cherdyn i gael y canlyniad cyflymaf.</Callout>

## Ffyrdd o dalu

| Ffordd | Pryd |
| --- | --- |
| Cerdyn | Nawr |
`;

/** The text of the first element matching a simple pattern, tags stripped. */
function textOf(html: string, pattern: RegExp): string | undefined {
  return pattern.exec(html)?.[1]?.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

describe('languages in the build', { concurrency: false }, () => {
  let root: string;
  let content: string;
  let cacheDir: string;
  let out: string;
  const page = (address: string) => readFile(path.join(out, address, 'index.html'), 'utf8');

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handrail-languages-'));
    content = await fixtureContent();
    const site = await readFile(path.join(content, 'site.yaml'), 'utf8');
    // A collector, so articles offer the feedback comment (with its length limit).
    // Arabic as written in Egypt, whose numbers have Arabic digits ("١٬٠٠٠"), unlike English's.
    const arabicInEgypt = site.replace('  - code: ar\n', '  - code: ar\n    locale: ar-EG\n');
    assert.notEqual(arabicInEgypt, site);
    await writeFile(path.join(content, 'site.yaml'), `${arabicInEgypt.trimEnd()}\nprefixDefaultLanguage: true\ncollector: https://listen.fixture.example\n`);
    await writeFile(path.join(content, 'translations/cy.yaml'), WELSH_STRINGS);
    await writeFile(path.join(content, 'articles/billing/pay-an-invoice.cy.mdx'), WELSH_INVOICE);
    // The cache folder astro.config.mjs gives this content set: the rebuild test keeps it.
    cacheDir = path.join(projectRoot, '.handrail/cache', createHash('sha1').update(content).digest('hex').slice(0, 12));
    out = path.join(root, 'first');
    buildContent(content, out);
  });

  after(async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
    await rm(content, { recursive: true, force: true });
  });

  test('prefixDefaultLanguage: the root sends readers to /en/, and every language, English too, lives under its code', async () => {
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    assert.match(home, /<meta http-equiv="refresh" content="0; url=\/en\/">/);
    assert.match(home, /<link rel="canonical" href="https:\/\/help\.fixture\.example\/en\/">/);
    for (const address of ['en', 'cy', 'ar', 'en/articles/welcome', 'cy/articles/welcome', 'ar/articles/welcome', 'en/contact', 'cy/search']) {
      assert.ok(existsSync(path.join(out, address, 'index.html')), `${address}/ is built`);
    }
    assert.ok(!existsSync(path.join(out, 'articles/welcome/index.html')), 'no unprefixed article page');
    assert.ok(!existsSync(path.join(out, 'contact/index.html')), 'no unprefixed contact page');

    const english = await page('en/articles/welcome');
    assert.match(english, /<html lang="en-GB" dir="ltr"/);
    assert.match(english, /<link rel="canonical" href="https:\/\/help\.fixture\.example\/en\/articles\/welcome\/">/);
    assert.match(english, /<link rel="alternate" hreflang="cy" href="https:\/\/help\.fixture\.example\/cy\/articles\/welcome\/">/);
    assert.match(english, /<link rel="alternate" hreflang="x-default" href="https:\/\/help\.fixture\.example\/en\/articles\/welcome\/">/);
    // Links in an original lead to English pages under /en/, links in a translation to its language's.
    assert.match(english, /href="\/en\/articles\/pay-an-invoice\/"/);
    assert.doesNotMatch(english, /href="\/articles\//, 'no link to an unprefixed article');
    assert.match(await page('cy/articles/welcome'), /href="\/cy\/articles\/pay-an-invoice\/"/);
    // Fallback (untranslated) Arabic page: canonical is the English original's prefixed address.
    assert.match(await page('ar/articles/pay-an-invoice'), /<link rel="canonical" href="https:\/\/help\.fixture\.example\/en\/articles\/pay-an-invoice\/">/);

    const sitemap = await readFile(path.join(out, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    assert.ok(locs.includes('/en/articles/welcome/') && locs.includes('/cy/articles/welcome/'), locs.join('\n'));
    assert.deepEqual(locs.filter((loc) => !/^\/(en|cy|ar)\//.test(loc)), [], 'every address in the sitemap has its language');
    assert.equal(JSON.parse(await readFile(path.join(out, 'en/manifest.webmanifest'), 'utf8')).start_url, '/en/');
  });

  test('the site’s name and tagline from translations/cy.yaml: Welsh header, titles, previews, home and app; other languages keep site.yaml’s', async () => {
    const welsh = await page('cy/articles/welcome');
    assert.equal(textOf(welsh, /<title>([^<]*)<\/title>/), 'Croeso – Cymorth Prawf');
    assert.match(welsh, /<meta property="og:site_name" content="Cymorth Prawf">/);
    assert.match(welsh, /<a class="site-header__name" href="\/cy\/"><span>Cymorth Prawf<\/span><\/a>/);
    assert.match(welsh, /"publisher":\{"@type":"Organization","name":"Cymorth Prawf"\}/);
    assert.match(welsh, /<link rel="manifest" href="\/cy\/manifest\.webmanifest">/);
    const welshHome = await page('cy');
    assert.equal(textOf(welshHome, /<title>([^<]*)<\/title>/), 'Cymorth Prawf');
    assert.equal(textOf(welshHome, /<h1 id="home-title"[^>]*>([\s\S]*?)<\/h1>/), 'Cymorth Prawf');
    assert.equal(textOf(welshHome, /<p class="hero__tagline"[^>]*>([\s\S]*?)<\/p>/), "Canolfan gymorth fach y mae'r profion yn adeiladu arni.");
    assert.match(welshHome, /<meta name="description" content="Canolfan gymorth fach/);
    const manifest = JSON.parse(await readFile(path.join(out, 'cy/manifest.webmanifest'), 'utf8'));
    assert.deepEqual(
      { name: manifest.name, short_name: manifest.short_name, description: manifest.description, lang: manifest.lang, dir: manifest.dir, start_url: manifest.start_url, scope: manifest.scope },
      { name: 'Cymorth Prawf', short_name: 'Cymorth Prawf', description: "Canolfan gymorth fach y mae'r profion yn adeiladu arni.", lang: 'cy', dir: 'ltr', start_url: '/cy/', scope: '/' },
    );

    for (const other of ['en/articles/welcome', 'ar/articles/welcome']) {
      const html = await page(other);
      assert.match(html, /<meta property="og:site_name" content="Fixture Help">/, other);
      assert.doesNotMatch(html, /Cymorth Prawf/, other);
    }
    const arabic = JSON.parse(await readFile(path.join(out, 'ar/manifest.webmanifest'), 'utf8'));
    assert.deepEqual([arabic.name, arabic.lang, arabic.dir, arabic.start_url], ['Fixture Help', 'ar-EG', 'rtl', '/ar/']);
  });

  test('callout titles and table labels in a Welsh article follow translations/cy.yaml; English articles keep Handrail’s', async () => {
    const welsh = await page('cy/articles/pay-an-invoice');
    assert.equal(textOf(welsh, /<p class="callout__title">([\s\S]*?)<\/p>/), 'Cyngor');
    assert.match(welsh, /aria-label="Tabl data: Ffyrdd o dalu"/);
    // Welsh Handrail strings the site did not override still apply (welcome.cy.md's table is named by the override too).
    assert.match(await page('cy/articles/welcome'), /aria-label="Tabl data: Camau nesaf"/);
    const english = await page('en/articles/pay-an-invoice');
    assert.equal(textOf(english, /<p class="callout__title">([\s\S]*?)<\/p>/), 'Tip');
  });

  test('the feedback comment\'s length limit is written the page language\'s way', async () => {
    const hint = (html: string) => textOf(html, /<p class="feedback__hint" id="feedback-comment-hint">([\s\S]*?)<a /);
    assert.match(hint(await page('en/articles/welcome')) ?? '', /up to 1,000 characters/);
    // Arabic digits and separator on the Arabic (fallback) page, whose interface is Arabic.
    assert.match(hint(await page('ar/articles/welcome')) ?? '', /١٬٠٠٠/);
  });

  test('an incremental rebuild after translations/cy.yaml changes re-renders the kept pages with the new words', async () => {
    // Unchanged, the rebuild takes article pages from the cache: what the change below must defeat.
    const unchanged = buildContent(content, path.join(root, 'unchanged'));
    assert.ok((unchanged.match(/\((restored|cached)\)/g)?.length ?? 0) > 0, `an unchanged rebuild reuses pages:\n${unchanged}`);

    // Only an interface string: nothing the Markdown pipeline uses, so only the page key can tell.
    await writeFile(path.join(content, 'translations/cy.yaml'), WELSH_STRINGS.replace('header.contact: Siarad â ni', 'header.contact: Ffoniwch ni'));
    out = path.join(root, 'interface');
    buildContent(content, out);
    for (const address of ['cy/articles/pay-an-invoice', 'cy/articles/welcome']) {
      const html = await page(address);
      assert.match(html, /data-contact-link>[\s\S]*?Ffoniwch ni<\/a>/, address);
      assert.doesNotMatch(html, /Siarad â ni/, address);
    }

    // The words articles are rendered with, and the site's name.
    await writeFile(path.join(content, 'translations/cy.yaml'), WELSH_STRINGS.replace('callout.tip: Cyngor', 'callout.tip: Awgrym da').replace('table.label: Tabl data', 'table.label: Tabl').replace('site.name: Cymorth Prawf', 'site.name: Help Prawf'));
    out = path.join(root, 'changed');
    buildContent(content, out);
    const welsh = await page('cy/articles/pay-an-invoice');
    assert.equal(textOf(welsh, /<p class="callout__title">([\s\S]*?)<\/p>/), 'Awgrym da');
    assert.match(welsh, /aria-label="Tabl: Ffyrdd o dalu"/);
    assert.match(welsh, /<meta property="og:site_name" content="Help Prawf">/);
    assert.match(await page('cy/articles/welcome'), /aria-label="Tabl: Camau nesaf"/);
    assert.doesNotMatch(await page('cy/articles/welcome'), /Cymorth Prawf|Tabl data/);
  });
});
