import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleSchema } from '../../src/schemas/article.ts';
import { contactSchema } from '../../src/schemas/contact.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { articleTranslationSchema } from '../../src/schemas/translations.ts';
import { channelLanguages, channelScheduleFor, channelSpeaks, orderChannelsForLanguage } from '../../src/shared/channel-languages.ts';
import { channelStatus } from '../../src/shared/hours.ts';
import {
  alternates,
  canonicalPath,
  contentLanguage,
  defaultLanguage,
  languagePicker,
  localizedPath,
  pageLanguages,
  splitLocalizedPath,
} from '../../src/shared/locale-routes.ts';
import { routes } from '../../src/shared/routes.ts';
import { mergeArticleTranslation, splitTranslationName, translateContact, translateNotices, translationFreshness } from '../../src/shared/translations.ts';

const base = { name: 'Help', tagline: 'Answers.', url: 'https://help.example.com', timeZone: 'Europe/London', repository: { url: 'https://github.com/acme/help' } };
const site = siteSchema.parse({ ...base, languages: [{ code: 'en', locale: 'en-GB' }, { code: 'cy' }, { code: 'ar' }] });
const prefixed = siteSchema.parse({ ...base, languages: [{ code: 'en', locale: 'en-GB' }, { code: 'cy' }], prefixDefaultLanguage: true });
const all = new Set(['en', 'cy', 'ar']);
const englishAndWelsh = new Set(['en', 'cy']);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('addresses in several languages', () => {
  test('the default language at the root, others under their code', () => {
    assert.equal(localizedPath(site, 'en', routes.article('get-a-refund')), '/articles/get-a-refund/');
    assert.equal(localizedPath(site, 'cy', routes.article('get-a-refund')), '/cy/articles/get-a-refund/');
    assert.equal(localizedPath(site, 'ar', routes.home), '/ar/');
    assert.equal(localizedPath(site, 'cy', 'https://example.com/'), 'https://example.com/', 'only site paths get a prefix');
  });

  test('or the default language under its own prefix too, when the setting says so', () => {
    assert.equal(localizedPath(prefixed, 'en', routes.contact), '/en/contact/');
    assert.equal(localizedPath(prefixed, 'cy', routes.contact), '/cy/contact/');
  });

  test('an address tells its language, and reads back to the unprefixed path', () => {
    assert.deepEqual(splitLocalizedPath(site, '/cy/articles/get-a-refund/'), { lang: 'cy', path: '/articles/get-a-refund/' });
    assert.deepEqual(splitLocalizedPath(site, '/ar/'), { lang: 'ar', path: '/' });
    assert.deepEqual(splitLocalizedPath(site, '/cy'), { lang: 'cy', path: '/' });
    assert.deepEqual(splitLocalizedPath(site, '/articles/get-a-refund/'), { lang: 'en', path: '/articles/get-a-refund/' });
    assert.deepEqual(splitLocalizedPath(site, '/en/articles/x/'), { lang: 'en', path: '/en/articles/x/' }, 'no /en/ prefix when English is at the root');
    assert.deepEqual(splitLocalizedPath(site, '/es/articles/x/'), { lang: 'en', path: '/es/articles/x/' }, 'an undeclared code is not a prefix');
    assert.deepEqual(splitLocalizedPath(prefixed, '/en/articles/x/'), { lang: 'en', path: '/articles/x/' });
  });

  test('the languages a page exists in, in the declared order', () => {
    assert.deepEqual(pageLanguages(site, new Set(['ar', 'en'])).map((l) => l.code), ['en', 'ar']);
    assert.equal(defaultLanguage(site).code, 'en');
  });

  test('hreflang lists only translations that exist, with x-default at the default language', () => {
    assert.deepEqual(alternates(site, '/articles/get-a-refund/', englishAndWelsh), [
      { hreflang: 'en-GB', path: '/articles/get-a-refund/' },
      { hreflang: 'cy', path: '/cy/articles/get-a-refund/' },
      { hreflang: 'x-default', path: '/articles/get-a-refund/' },
    ]);
    assert.deepEqual(alternates(site, '/articles/only-english/', new Set(['en'])), [], 'one language: nothing to choose between');
    assert.equal(alternates(prefixed, '/', englishAndWelsh).at(-1)?.path, '/en/');
  });

  test('the picker keeps the reader on the same article, in the languages it exists in', () => {
    assert.deepEqual(languagePicker(site, '/articles/get-a-refund/', 'cy', englishAndWelsh), [
      { code: 'en', locale: 'en-GB', name: 'English', dir: 'ltr', path: '/articles/get-a-refund/', isCurrent: false },
      { code: 'cy', locale: 'cy', name: 'Cymraeg', dir: 'ltr', path: '/cy/articles/get-a-refund/', isCurrent: true },
    ]);
    assert.deepEqual(languagePicker(site, '/articles/only-english/', 'en', new Set(['en'])), []);
    assert.deepEqual(languagePicker(site, '/contact/', 'ar', all).map((e) => [e.name, e.dir]), [['English', 'ltr'], ['Cymraeg', 'ltr'], ['العربية', 'rtl']]);
  });
});

describe('fallback to the default language', () => {
  test('a reader gets their language when the page exists in it', () => {
    const { language, fallback } = contentLanguage(site, 'cy', englishAndWelsh);
    assert.equal(language.code, 'cy');
    assert.equal(fallback, false);
  });

  test('a page missing in a language falls back to the default, with its own lang and dir, and names the original as canonical', () => {
    const { language, fallback } = contentLanguage(site, 'ar', englishAndWelsh);
    assert.deepEqual([language.code, language.locale, language.dir, fallback], ['en', 'en-GB', 'ltr', true]);
    assert.equal(canonicalPath(site, '/articles/get-a-refund/', language.code), '/articles/get-a-refund/');
  });

  test('a regional variant falls back to its sibling before the default language', () => {
    const regional = siteSchema.parse({ ...base, languages: [{ code: 'en' }, { code: 'pt' }, { code: 'pt-br' }] });
    assert.equal(contentLanguage(regional, 'pt-br', new Set(['en', 'pt'])).language.code, 'pt');
    assert.equal(contentLanguage(regional, 'pt-br', new Set(['en'])).language.code, 'en');
  });
});

describe('outdated translations', () => {
  test('the original changed after translated_from: outdated, with the date for the notice', () => {
    assert.deepEqual(translationFreshness({ originalUpdated: day('2026-11-03'), translatedFrom: day('2026-09-01'), translationChanged: day('2026-11-20') }), {
      isOutdated: true,
      originalUpdated: day('2026-11-03'),
      translatedAt: day('2026-09-01'),
      basis: 'translated_from',
    });
  });

  test('translated the day the original changed, or later: up to date', () => {
    assert.equal(translationFreshness({ originalUpdated: new Date('2026-11-03T16:00:00Z'), translatedFrom: day('2026-11-03') }).isOutdated, false);
    assert.equal(translationFreshness({ originalUpdated: day('2026-11-03'), translatedFrom: day('2026-11-04') }).isOutdated, false);
  });

  test('without translated_from, the translation’s updated date, then git’s last change of the file', () => {
    assert.deepEqual(translationFreshness({ originalUpdated: day('2026-05-01'), translationUpdated: day('2026-04-01'), translationChanged: day('2026-06-01') }).basis, 'updated');
    const git = translationFreshness({ originalUpdated: new Date('2026-05-01T10:00:00Z'), translationChanged: new Date('2026-04-30T09:00:00Z') });
    assert.deepEqual([git.isOutdated, git.basis], [true, 'git']);
  });

  test('nothing known: never outdated', () => {
    assert.deepEqual(translationFreshness({ originalUpdated: day('2026-05-01') }), { isOutdated: false, originalUpdated: day('2026-05-01'), translatedAt: undefined, basis: 'unknown' });
    assert.equal(translationFreshness({ translatedFrom: day('2026-05-01') }).isOutdated, false);
  });
});

describe('translated content', () => {
  test('file names: the first dot starts the language code', () => {
    assert.deepEqual(splitTranslationName('get-a-refund'), { slug: 'get-a-refund' });
    assert.deepEqual(splitTranslationName('get-a-refund.cy'), { slug: 'get-a-refund', lang: 'cy' });
    assert.deepEqual(splitTranslationName('get-a-refund.pt-br'), { slug: 'get-a-refund', lang: 'pt-br' });
  });

  test('a translation takes its words from itself and its place from the original', () => {
    const original = { ...articleSchema.parse({ title: 'Get a refund', description: 'Money back.', tags: ['refunds'], order: 2, related: ['charged-twice'], featured: true, updated: '2026-11-03' }), slug: 'get-a-refund', category: 'billing', sourcePath: 'content/articles/billing/get-a-refund.md' };
    const data = articleTranslationSchema.parse({ title: 'Cael ad-daliad', description: 'Arian yn ôl.', keywords: ['arian yn ôl'], translated_from: '2026-09-01' });
    const freshness = translationFreshness({ originalUpdated: original.updated, translatedFrom: day('2026-09-01') });
    const merged = mergeArticleTranslation(original, data, 'cy', 'content/articles/billing/get-a-refund.cy.md', freshness, day('2026-09-02'));
    assert.deepEqual(
      [merged.title, merged.description, merged.keywords, merged.tags, merged.order, merged.related, merged.featured, merged.category, merged.slug, merged.lang, merged.sourcePath],
      ['Cael ad-daliad', 'Arian yn ôl.', ['arian yn ôl'], ['refunds'], 2, ['charged-twice'], true, 'billing', 'get-a-refund', 'cy', 'content/articles/billing/get-a-refund.cy.md'],
    );
    assert.equal(merged.updated?.toISOString().slice(0, 10), '2026-09-02');
    assert.equal(merged.freshness.isOutdated, true);
    assert.equal(mergeArticleTranslation({ ...original, draft: true }, data, 'cy', '', freshness).draft, true, 'a draft original keeps its translations unpublished');
  });

  const contact = contactSchema.parse({
    prepare: ['Your order number.'],
    channels: [
      { id: 'phone', kind: 'phone', label: 'Phone', value: '+44 20 7946 0321', languages: ['en', 'cy'], hours: { monday: '09:00-17:00', tuesday: '09:00-17:00' }, hoursByLanguage: { cy: { monday: '09:00-13:00' } }, closures: [{ date: '2026-12-25', note: 'Christmas Day' }], promise: 'Answered in 5 minutes.' },
      { id: 'email', kind: 'email', label: 'Email', value: 'help@example.com' },
      { id: 'chat', kind: 'chat', label: 'Chat', value: 'https://chat.example.com/', alwaysOpen: true, languages: ['ar', 'en'] },
    ],
  });

  test('contact words come from the overlay by channel id; numbers, links and hours from contact.yaml', () => {
    const cy = translateContact(contact, { prepare: ['Rhif eich archeb.'], channels: [{ id: 'phone', label: 'Ffôn', closures: [{ date: day('2026-12-25'), note: 'Dydd Nadolig' }] }] });
    assert.deepEqual(cy.prepare, ['Rhif eich archeb.']);
    const [phone, email] = cy.channels;
    assert.deepEqual([phone?.label, phone?.value, phone?.promise, phone?.closures[0]?.note], ['Ffôn', '+44 20 7946 0321', 'Answered in 5 minutes.', 'Dydd Nadolig']);
    assert.equal(email?.label, 'Email');
    assert.equal(translateContact(contact, undefined), contact);
  });

  test('notices take the translated title and message by id, and say which were translated', () => {
    const notices = [
      { id: 'phone-outage', severity: 'critical' as const, title: 'Phones down', message: 'Use chat.', start: '2026-11-20 08:00' },
      { severity: 'info' as const, title: 'New shop', message: 'Come and see.', start: '2026-11-20 08:00' },
    ];
    const cy = translateNotices(notices, { notices: [{ id: 'phone-outage', title: 'Ffonau i lawr', message: 'Defnyddiwch sgwrs.' }] });
    assert.deepEqual(cy.map((n) => [n.title, n.severity, n.isTranslated]), [['Ffonau i lawr', 'critical', true], ['New shop', 'info', false]]);
  });

  test('channels that speak the reader’s language come first; none is hidden; no languages means the default only', () => {
    assert.deepEqual(channelLanguages(contact.channels[1]!, 'en'), ['en']);
    assert.equal(channelSpeaks(contact.channels[0]!, 'cy', 'en'), true);
    assert.equal(channelSpeaks(contact.channels[1]!, 'cy', 'en'), false);
    assert.equal(channelSpeaks({ languages: ['pt'] }, 'pt-br', 'en'), true);
    assert.deepEqual(orderChannelsForLanguage(contact.channels, 'ar', 'en').map((c) => c.id), ['chat', 'phone', 'email']);
    assert.deepEqual(orderChannelsForLanguage(contact.channels, 'cy', 'en').map((c) => c.id), ['phone', 'email', 'chat']);
    assert.deepEqual(orderChannelsForLanguage(contact.channels, 'en', 'en').map((c) => c.id), ['phone', 'email', 'chat']);
  });

  test('hours in a language where they differ: Welsh on the phone until 13:00 on Mondays, with the same holidays', () => {
    const phone = contact.channels[0]!;
    const monday2pm = new Date('2026-11-23T14:00:00Z');
    assert.equal(channelStatus(channelScheduleFor(phone, 'Europe/London', 'en')!, monday2pm).state, 'open');
    assert.equal(channelStatus(channelScheduleFor(phone, 'Europe/London', 'cy')!, monday2pm).state, 'closed');
    assert.equal(channelStatus(channelScheduleFor(phone, 'Europe/London', 'cy')!, new Date('2026-11-23T10:00:00Z')).state, 'open');
    assert.equal(channelScheduleFor(phone, 'Europe/London', 'cy')?.closures[0]?.from, '2026-12-25');
  });

  test('hoursByLanguage must name a language the channel lists', () => {
    const result = contactSchema.safeParse({ channels: [{ ...contact.channels[0], closures: [], hoursByLanguage: { ar: { monday: '09:00-10:00' } } }, { id: 'email', kind: 'email', label: 'Email', value: 'help@example.com' }] });
    assert.ok(!result.success);
  });
});
