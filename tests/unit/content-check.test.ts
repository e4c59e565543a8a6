import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkFixture } from './fixture-content.ts';

/** Checks one broken fixture and returns its error text with temp folder names normalised. */
async function errorsOf(brokenCase: string) {
  const result = await checkFixture(brokenCase);
  const errors = result.problems.filter((p) => p.severity === 'error');
  const text = result.text.replace(/handrail-content-[^/]+\//g, 'content/');
  return { errors, text };
}

describe('content check', () => {
  test('the valid fixture has no problems and reads every file', async () => {
    const result = await checkFixture();
    assert.deepEqual(result.problems, []);
    assert.equal(result.articles.length, 2);
    assert.deepEqual([...result.categories.keys()].sort(), ['billing', 'getting-started']);
    assert.equal(result.site?.name, 'Fixture Help');
    assert.equal(result.contact?.channels.length, 2);
  });

  const cases: { name: string; file: string; line?: number; field?: string; phrases: string[] }[] = [
    { name: 'missing-title', file: 'content/articles/getting-started/welcome.md', line: 2, field: 'title', phrases: ['"title": is required but missing', 'Fix:      Write the question'] },
    { name: 'empty-title', file: 'content/articles/getting-started/welcome.md', line: 2, field: 'title', phrases: ['"title": is empty', 'a title of 1 to 80 characters'] },
    { name: 'long-title', file: 'content/articles/getting-started/welcome.md', line: 2, field: 'title', phrases: ['is too long (94 characters)', 'at most 80 characters'] },
    { name: 'unknown-key', file: 'content/articles/getting-started/welcome.md', line: 4, field: 'tittle', phrases: ['is not a field of article front matter', 'Did you mean "title"?', 'Allowed:  title, description'] },
    { name: 'unknown-category', file: 'content/articles/bilings/refunds.md', phrases: ['in the folder "bilings", which has no category file', 'Did you mean the "billing" folder?', 'content/categories/bilings.yaml'] },
    { name: 'bad-date', file: 'content/articles/getting-started/welcome.md', line: 4, field: 'updated', phrases: ['Received: "2026-02-30"', 'a real date written as YYYY-MM-DD'] },
    { name: 'duplicate-slug', file: 'content/articles/getting-started/welcome.md', phrases: ['same file name as content/articles/billing/welcome.md', 'published at /articles/welcome/', 'Rename one of the two files'] },
    { name: 'related-missing', file: 'content/articles/getting-started/welcome.md', line: 6, field: 'related[1]', phrases: ['names an article that does not exist', 'Received: "pay-an-invoyce"', 'Did you mean "pay-an-invoice"?'] },
    { name: 'invalid-mdx', file: 'content/articles/billing/pay-an-invoice.mdx', line: 6, phrases: ['the MDX could not be read: Expected a closing tag for `<Callout>`', 'every <Component> is closed'] },
    { name: 'draft-linked', file: 'content/articles/getting-started/welcome.md', line: 5, field: 'related[0]', phrases: ['names a draft (content/articles/billing/pay-an-invoice.mdx)', 'welcome.md:9:12 error: links to a draft', 'remove draft: true'] },
    { name: 'broken-link', file: 'content/articles/getting-started/welcome.md', line: 6, phrases: ['links to an article that does not exist', 'Received: "/articles/prices/"', 'links to a heading that is not on this page'] },
    { name: 'bad-yaml', file: 'content/articles/getting-started/welcome.md', line: 2, phrases: ['the YAML could not be read', 'text containing ":" or "#" is in quotes'] },
    { name: 'image-without-alt', file: 'content/articles/billing/pay-an-invoice.mdx', line: 6, field: 'alt', phrases: ['<Image> has no alt text', '<Callout> has an unknown type', '<Callot> is not a Handrail component', 'Did you mean <Callout>?'] },
    { name: 'bad-phone', file: 'content/contact.yaml', line: 5, field: 'channels[0].value', phrases: ['Received: "020 7946 0000"', 'starting with + and the country code', 'tel: link'] },
    { name: 'bad-email', file: 'content/contact.yaml', line: 10, field: 'channels[1].value', phrases: ['Received: "help-at-fixture.example"', 'is not an email address', 'an email address alone, like "help@example.com"'] },
    { name: 'unknown-timezone', file: 'content/site.yaml', line: 4, field: 'timeZone', phrases: ['Received: "Europe/Londn"', 'an IANA time zone name'] },
    { name: 'bad-hours', file: 'content/contact.yaml', line: 7, field: 'channels[0].hours.monday', phrases: ['Received: "9am to 5pm"', 'a time range like "09:00-17:30"', 'time ranges that do not overlap (range 1 overlaps range 2)'] },
    { name: 'content-accessibility', file: 'content/articles/getting-started/welcome.md', line: 6, phrases: ['uses a level-1 heading (#) in the body', 'welcome.md:8:1 error: has alt text that does not describe the image', 'welcome.md:10:1 error: has an image without alt text', 'welcome.md:12:13 error: has link text that says nothing out of context\n    Received: "click here"', 'Received: "https://example.com/prices"', 'welcome.md:14:1 error: skips a heading level (h1 to h4)', 'welcome.md:16:1 error: gives an instruction by colour alone\n    Received: "click the green button"', 'welcome.md:18:1 error: has a table without a header row', 'welcome.md:22:1 warning: has a long sentence (33 words)'] },
    { name: 'low-contrast-colours', file: 'content/site.yaml', line: 9, field: 'theme.light.accent', phrases: ['not have enough contrast as link and button colour on the light background #f4f5f7: 1.97:1', 'The nearest colour that passes is "#5071a1"', '"theme.light.accentText"', '"theme.dark.accent": does not have enough contrast', 'at least 4.5:1'] },
    { name: 'md-component', file: 'content/articles/billing/card-fees.md', line: 8, phrases: ['card-fees.md:8 error: uses the <Callout> component, which works only in .mdx files', 'card-fees.md:10 error: uses the <Image> component', 'Fix:      Rename the file to card-fees.mdx (the address stays /articles/card-fees/).'] },
    { name: 'no-real-time-channel', file: 'content/contact.yaml', field: 'channels', phrases: ['at least one real-time channel', 'at least one text channel'] },
  ];

  for (const expected of cases) {
    test(`${expected.name}: names the file, line, field, value and fix`, async () => {
      const { errors, text } = await errorsOf(expected.name);
      assert.ok(errors.length > 0, `${expected.name} should fail the check`);
      const first = errors.find((e) => e.file.endsWith(expected.file.replace('content/', '')));
      assert.ok(first, `expected an error in ${expected.file}, got:\n${text}`);
      if (expected.line !== undefined) assert.equal(first.line, expected.line, text);
      if (expected.field !== undefined) assert.equal(first.field, expected.field, text);
      assert.ok(errors.every((e) => e.fix || e.allowed), `every error says what to do:\n${text}`);
      for (const phrase of expected.phrases) assert.ok(text.includes(phrase), `missing "${phrase}" in:\n${text}`);
      const headline = `${expected.file}${expected.line !== undefined ? `:${expected.line}` : ''}`;
      assert.ok(text.includes(headline), `headline "${headline}" missing in:\n${text}`);
    });
  }

  test('content accessibility advice warns without failing', async () => {
    const result = await checkFixture('content-accessibility');
    const warnings = result.problems.filter((p) => p.severity === 'warning');
    assert.deepEqual(warnings.map((w) => w.message), ['has a long sentence (33 words)']);
  });

  test('reports every problem at once, not only the first', async () => {
    const { errors } = await errorsOf('image-without-alt');
    assert.equal(errors.length, 4);
  });
});
