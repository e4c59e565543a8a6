import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { checkContent } from '../../src/node/check/index.ts';
import { publicDir } from '../../src/node/project-paths.ts';
import { checkFixture, fixtureContent } from './fixture-content.ts';
import en from '../../src/translations/en.json' with { type: 'json' };

// The Polish fixture gives one usable string (header.az); its other keys are misspelt or broken, so every other string is missing.
const missingInPolish = Object.keys(en).filter((key) => !key.startsWith('_')).length - 1;

/** Checks one broken fixture; returns its problems and the text a writer reads, with temp folder names normalised. */
async function check(brokenCase: string) {
  const result = await checkFixture(brokenCase);
  return { ...result, text: result.text.replace(/handrail-content-[^/]+\//g, 'content/') };
}

describe('content check: languages', () => {
  test('the valid fixture’s translations are read: an article, a category, contact words and interface strings', async () => {
    const { problems, languages } = await checkFixture();
    assert.deepEqual(problems, []);
    assert.deepEqual(languages.translations.map((t) => [t.slug, t.lang, t.original.slug, t.freshness.isOutdated]), [['welcome', 'cy', 'welcome', false]]);
    assert.equal(languages.categoryTranslations.get('cy')?.get('getting-started')?.title, 'Dechrau arni');
    assert.deepEqual(languages.contactTranslations.cy?.channels.map((c) => c.id), ['phone', 'email']);
    assert.deepEqual(languages.uiStrings, { cy: { 'header.contact': 'Siarad â ni' } });
    assert.deepEqual(languages.synonyms, { cy: { groups: [['ad-daliad', 'arian yn ôl']] } });
  });

  const cases: { name: string; errors: number; warnings?: number; phrases: string[] }[] = [
    {
      name: 'translation-orphan',
      errors: 1,
      phrases: [
        'content/articles/getting-started/welcom.cy.md error: is a translation of content/articles/getting-started/welcom.md, which does not exist\n    Received: "welcom"',
        'Fix:      Did you mean "welcome"? A translation has its original\'s file name: rename it to content/articles/getting-started/welcome.cy.md.',
      ],
    },
    {
      name: 'translation-unknown-language',
      errors: 3,
      phrases: [
        'content/articles/getting-started/welcome.cyy.md error: is in the language "cyy", which content/site.yaml does not declare\n    Received: "cyy"\n    Allowed:  cy (Welsh), ar (Arabic)\n    Fix:      Did you mean "cy"? Rename the file to content/articles/getting-started/welcome.cy.md.',
        'welcome.es.md error: is in the language "es", which content/site.yaml does not declare',
        'Fix:      To publish in Spanish, add { code: es } to languages in content/site.yaml; otherwise remove the file.',
        'content/articles/billing/pay-an-invoice.en.mdx error: is named as a translation into English, the site\'s default language',
        'Fix:      The English text belongs in content/articles/billing/pay-an-invoice.mdx: keep one of the two files and remove the other.',
      ],
    },
    {
      name: 'translation-wrong-folder',
      errors: 1,
      phrases: [
        'content/articles/billing/welcome.cy.md error: is in the folder "billing", but its original is content/articles/getting-started/welcome.md\n    Received: "billing"\n    Allowed:  getting-started',
        'Fix:      Move it to content/articles/getting-started/welcome.cy.md: a translation sits next to its original.',
      ],
    },
    {
      name: 'translation-inherited-field',
      errors: 3,
      phrases: [
        'content/articles/getting-started/welcome.cy.md:4 error: "order": is taken from the original (content/articles/getting-started/welcome.md), so a translation cannot set it\n    Received: 3\n    Fix:      Remove the line. To change it in every language, change it in the original.',
        'welcome.cy.md:5 error: "related": is taken from the original',
        'welcome.cy.md:6 error: "translated_form": is not a field of translation front matter',
        'Allowed:  title, description, tags, keywords, updated, draft, translated_from',
        'Did you mean "translated_from"?',
      ],
    },
    {
      name: 'translation-link-heading',
      errors: 1,
      phrases: [
        'content/articles/getting-started/welcome.cy.md:7:15 error: links to a heading that is not in content/articles/billing/pay-an-invoice.cy.mdx\n    Received: "/articles/pay-an-invoice/#ways-to-pay"\n    Allowed:  #ffyrdd-o-dalu',
      ],
    },
    {
      name: 'translation-category-orphan',
      errors: 2,
      phrases: [
        'content/categories/biling.cy.yaml error: is a translation of content/categories/biling.yaml, which does not exist',
        'Fix:      Did you mean "billing"? Rename it to content/categories/billing.cy.yaml.',
        'content/categories/getting-started.cy.yaml:3 error: "order": is taken from the original (content/categories/getting-started.yaml)',
      ],
    },
    {
      name: 'translation-unknown-channel',
      errors: 2,
      phrases: [
        'content/contact.cy.yaml:2 error: "channels[0].id": names a channel that content/contact.yaml does not have\n    Received: "phnoe"\n    Allowed:  phone, email\n    Fix:      Did you mean "phone"? Use the channel\'s id from content/contact.yaml.',
        'content/contact.cy.yaml:7 error: "channels[1].closures[0].date": is not a date the "email" channel closes in content/contact.yaml',
        'Allowed:  no closures on this channel',
      ],
    },
    {
      name: 'translation-unknown-notice',
      errors: 1,
      phrases: [
        'content/announcements.cy.yaml:2 error: "notices[0].id": names a notice that content/announcements.yaml does not have\n    Received: "phone-outgae"\n    Allowed:  phone-outage\n    Fix:      Did you mean "phone-outage"?',
      ],
    },
    {
      name: 'translation-outdated',
      errors: 0,
      warnings: 1,
      phrases: [
        'content/articles/getting-started/welcome.cy.md:4 warning: "translated_from": may be out of date: content/articles/getting-started/welcome.md changed on 2026-01-15, after this translation (translated_from 2025-12-01); readers are told so\n    Fix:      Bring the translation up to date, then set translated_from: 2026-01-15.',
      ],
    },
    {
      name: 'translation-synonyms',
      errors: 2,
      phrases: [
        'content/synonyms.ary.yaml error: is in the language "ary", which content/site.yaml does not declare\n    Received: "ary"\n    Allowed:  cy (Welsh), ar (Arabic)\n    Fix:      Did you mean "ar"? Rename the file to content/synonyms.ar.yaml.',
        'content/synonyms.cy.yaml:2 error: "groups[0]": is not valid\n    Received: ["ad-daliad"]\n    Allowed:  a group of at least two words',
      ],
    },
    {
      name: 'ui-strings',
      errors: 4,
      warnings: 1,
      phrases: [
        'content/translations/cyy.yaml error: is in the language "cyy", which content/site.yaml does not declare',
        'Allowed:  en (English), cy (Welsh), pl (Polish)\n    Fix:      Did you mean "cy"? Rename the file to content/translations/cy.yaml.',
        'content/translations/pl.yaml:1 error: "header.hmoe": is not a key of the interface strings\n    Received: "Strona główna"\n    Fix:      Did you mean "header.home"? Keys are those of src/translations/en.json.',
        'content/translations/pl.yaml:3 error: "search.count": needs the plural forms Polish uses; it lacks few, many',
        'Allowed:  the forms one, few, many, other',
        'content/translations/pl.yaml:6 error: "search.none": uses {qurey}, which this string does not fill in\n    Received: "Brak wyników dla „{qurey}”."\n    Allowed:  {query}\n    Fix:      Did you mean {query}?',
        `content/translations/pl.yaml warning: lacks ${missingInPolish} interface strings in Polish, shown in English until translated: skipLink, header.navLabel, header.home, header.contact, search.label, search.placeholder, search.submit, theme.toggle and ${missingInPolish - 8} more`,
        'Fix:      Add them to content/translations/pl.yaml, translating the English in src/translations/en.json (strings that count need the forms one, few, many, other).',
      ],
    },
    {
      name: 'site-words',
      errors: 4,
      phrases: [
        'content/translations/cy.yaml:2 error: "site.name": should be the site\'s name in Welsh\n    Received: "Canolfan Gymorth y Gosodiadau Prawf, Sydd â Llawer Gormod…" (77 characters)\n    Allowed:  a name of at most 60 characters\n    Fix:      Write site.name: "…", the name of site.yaml in Welsh (the header, page titles and the installed app show it).',
        'content/translations/cy.yaml:4 error: "site.nmae": is not a key of the interface strings\n    Received: "Cymorth"\n    Fix:      Did you mean "site.name"? It translates name in site.yaml.',
        'content/translations/cyy.yaml error: is in the language "cyy", which content/site.yaml does not declare\n    Received: "cyy"\n    Allowed:  en (English), cy (Welsh), ar (Arabic)\n    Fix:      Did you mean "cy"? Rename the file to content/translations/cy.yaml.',
        'content/translations/en.yaml:1 error: "site.name": translates the site\'s name, but English is the default language, whose name is in content/site.yaml\n    Received: "Fixture Help Centre"\n    Fix:      Change name in content/site.yaml, and remove this line.',
      ],
    },
  ];

  for (const expected of cases) {
    test(`${expected.name}: names the file, line, field, value and fix`, async () => {
      const { problems, text } = await check(expected.name);
      assert.equal(problems.filter((p) => p.severity === 'error').length, expected.errors, text);
      assert.equal(problems.filter((p) => p.severity === 'warning').length, expected.warnings ?? 0, text);
      assert.ok(problems.every((p) => p.fix), `every problem says what to do:\n${text}`);
      for (const phrase of expected.phrases) assert.ok(text.includes(phrase), `missing:\n${phrase}\n\nin:\n${text}`);
    });
  }

  test('a translated site name or tagline is kept for its language only when it passes', async () => {
    assert.deepEqual((await checkFixture('site-words')).languages.uiStrings, { cy: { 'site.tagline': "Canolfan gymorth fach y mae'r profion yn adeiladu arni." }, en: {} });
  });

  test('a misplaced or orphaned translation is not used, so pages never show it', async () => {
    assert.deepEqual((await checkFixture('translation-orphan')).languages.translations.map((t) => t.file.split('/').at(-1)), ['welcome.cy.md']);
    assert.deepEqual((await checkFixture('translation-wrong-folder')).languages.translations.map((t) => t.file.replace(/^[^/]+\//, '')), ['articles/getting-started/welcome.cy.md']);
    assert.equal((await checkFixture('translation-unknown-language')).languages.translations.length, 1);
  });

  test('a translation following a commit is compared with that commit’s date from git', async () => {
    const contentDir = await fixtureContent();
    await writeFile(path.join(contentDir, 'articles/getting-started/welcome.cy.md'), '---\ntitle: Croeso\ndescription: Beth yw hyn.\ntranslated_from: 3f2a9c1\n---\n\nTestun.\n');
    const history = { commitDate: (hash: string) => (hash === '3f2a9c1' ? new Date('2026-01-10T12:00:00Z') : undefined) };
    const outdated = await checkContent({ root: path.dirname(contentDir), contentDir, publicDir }, { history });
    assert.deepEqual(outdated.languages.translations[0]?.freshness, { isOutdated: true, originalUpdated: new Date('2026-01-15'), translatedAt: new Date('2026-01-10T12:00:00Z'), basis: 'translated_from' });
    assert.match(outdated.problems.map((p) => p.message).join('\n'), /changed on 2026-01-15, after this translation \(translated_from 2026-01-10\)/);
    const unknown = await checkContent({ root: path.dirname(contentDir), contentDir, publicDir }, { history: { commitDate: () => undefined } });
    assert.deepEqual(unknown.problems.map((p) => [p.field, p.message, p.severity]), [['translated_from', 'names a commit that is not in this repository', 'error']]);
    const shallow = await checkContent({ root: path.dirname(contentDir), contentDir, publicDir }, { history: { commitDate: () => undefined, isShallow: () => true } });
    assert.deepEqual(shallow.problems.map((p) => [p.message, p.severity]), [['names a commit this shallow clone does not have, so whether the translation is out of date is not known', 'warning']]);
  });
});
