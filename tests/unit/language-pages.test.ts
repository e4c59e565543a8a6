import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Element, Root } from 'hast';
import { contactSchema } from '../../src/schemas/contact.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { rehypeHandrail } from '../../src/node/markdown/rehype-handrail.ts';
import { channelViews, contactPageData } from '../../src/shared/contact-view.ts';
import type { ArticleSummary, CategorySummary } from '../../src/shared/help-center.ts';
import { sitemapEntriesByLanguage } from '../../src/shared/sitemap.ts';
import { createTranslator } from '../../src/shared/strings.ts';

const base = { name: 'Help', tagline: 'Answers.', url: 'https://help.example.com', timeZone: 'Europe/London', repository: { url: 'https://github.com/acme/help' } };
const site = siteSchema.parse({ ...base, languages: [{ code: 'en', locale: 'en-GB' }, { code: 'cy' }, { code: 'ar' }] });
const settings = { languages: site.languages, prefixDefaultLanguage: false };

const article = (slug: string): ArticleSummary =>
  ({ slug, category: 'billing', sourcePath: `content/articles/billing/${slug}.md`, title: slug, description: slug, keywords: [], tags: [], order: 0, draft: false, featured: false, related: [], redirect_from: [] }) as unknown as ArticleSummary;
const categories = [{ slug: 'billing', title: 'Billing', description: 'Money.', order: 0 } as CategorySummary];

describe('sitemap in several languages', () => {
  test('each language lists its fixed pages and categories, and only the articles translated into it', () => {
    const paths = sitemapEntriesByLanguage(settings, categories, [article('refunds'), article('invoices')], new Map([['refunds', new Set(['en', 'cy'])], ['invoices', new Set(['en'])]])).map((e) => e.path);
    assert.equal(paths[0], '/', 'the default home page stays first');
    for (const fixed of ['/', '/contact/', '/search/', '/a-z/', '/categories/billing/']) {
      for (const prefix of ['', '/cy', '/ar']) assert.ok(paths.includes(`${prefix}${fixed}`), `${prefix}${fixed}`);
    }
    assert.ok(paths.includes('/articles/refunds/') && paths.includes('/cy/articles/refunds/'));
    assert.ok(paths.includes('/articles/invoices/'));
    assert.ok(!paths.includes('/cy/articles/invoices/'), 'a fallback page is not listed');
    assert.ok(!paths.includes('/ar/articles/refunds/'));
  });
});

describe('contact channels in the reader\'s language', () => {
  const contact = contactSchema.parse({
    channels: [
      { id: 'phone', kind: 'phone', label: 'Phone', value: '+44 20 7946 0321', languages: ['en', 'cy'], hours: { monday: '09:00-17:00', tuesday: '09:00-17:00' }, hoursByLanguage: { cy: { monday: '09:00-13:00' } } },
      { id: 'email', kind: 'email', label: 'Email', value: 'help@example.com' },
    ],
  });

  test('hours kept for a language replace the week in the summary and the live schedule', () => {
    const [phone] = channelViews(contact.channels, 'Europe/London', 'Help', {}, createTranslator('cy'));
    assert.match(phone!.hoursSummary, /09:00–13:00/);
    assert.doesNotMatch(phone!.hoursSummary, /17:00/);
    assert.deepEqual(contactPageData(contact.channels, 'Europe/London', 'cy', createTranslator('cy')).schedules.phone?.weekly.tuesday, []);
    const [english] = channelViews(contact.channels, 'Europe/London', 'Help', {}, createTranslator('en'));
    assert.match(english!.hoursSummary, /^Mon–Tue 09:00–17:00/);
  });

  test('right-to-left summaries isolate each time range so it reads left to right', () => {
    const [phone] = channelViews(contact.channels, 'Europe/London', 'Help', {}, createTranslator('ar'));
    assert.ok(phone!.hoursSummary.includes('\u206609:00–17:00\u2069'));
    const [english] = channelViews(contact.channels, 'Europe/London', 'Help', {}, createTranslator('en'));
    assert.ok(!english!.hoursSummary.includes('\u2066'));
  });

  test('prefilled messages use the page language\'s words', () => {
    const article = { title: 'Ad-daliadau', url: 'https://help.example.com/cy/articles/refunds/', reference: 'K7P2' };
    const [, email] = channelViews(contact.channels, 'Europe/London', 'Help', { article }, createTranslator('cy'));
    const body = new URLSearchParams(email!.href!.split('?')[1]).get('body') ?? '';
    assert.ok(body.includes(createTranslator('cy').t('contact.message.reading')), body);
  });
});

describe('links in translated articles', () => {
  const link = (href: string): Element => ({ type: 'element', tagName: 'a', properties: { href }, children: [] });
  const run = (file: string, hrefs: string[], base = '/', defaultPrefix = '') => {
    const tree: Root = { type: 'root', children: hrefs.map(link) };
    rehypeHandrail({ base, tableLabel: 'Table', languages: [{ code: 'en', prefix: defaultPrefix, tableLabel: 'Table' }, { code: 'cy', prefix: '/cy', tableLabel: 'Tabl' }] })(tree, { path: file });
    return tree.children.map((node) => (node as Element).properties.href);
  };

  test('a translation links to pages in its own language; files and other sites are left alone', () => {
    assert.deepEqual(run('content/articles/billing/refunds.cy.md', ['/articles/charged-twice/#why', '/contact/', '/images/a.png', 'https://example.com/']), [
      '/cy/articles/charged-twice/#why',
      '/cy/contact/',
      '/images/a.png',
      'https://example.com/',
    ]);
  });

  test('an original keeps its links, and the base path is added after the language', () => {
    assert.deepEqual(run('content/articles/billing/refunds.md', ['/articles/charged-twice/']), ['/articles/charged-twice/']);
    assert.deepEqual(run('content/articles/billing/refunds.cy.mdx', ['/articles/charged-twice/'], '/help/'), ['/help/cy/articles/charged-twice/']);
  });

  test('with prefixDefaultLanguage an original links to pages under the default language\'s prefix', () => {
    assert.deepEqual(run('content/articles/billing/refunds.md', ['/articles/charged-twice/#why', '/images/a.png'], '/', '/en'), ['/en/articles/charged-twice/#why', '/images/a.png']);
    assert.deepEqual(run('content/articles/billing/refunds.mdx', ['/contact/'], '/help/', '/en'), ['/help/en/contact/']);
  });
});
