import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import config from '../../astro.config.mjs';
import { curlQuotes, dashesAndEllipses } from '../../src/node/markdown/remark-smart-punctuation.ts';

/**
 * Curly quotes, dashes and ellipses, through the very Markdown processor
 * astro.config.mjs gives Astro: what a writer types, what a reader sees.
 * The expected typography is SmartyPants' (what Astro's smartypants option
 * produced before the plain pass replaced it).
 */
type Renderer = { render(content: string, options: { fileURL: URL }): Promise<{ code: string }> };
const processor = (config.markdown as unknown as { processor: { createRenderer(shared: object): Promise<Renderer> } }).processor;
const renderer = processor.createRenderer({});

async function html(markdown: string): Promise<string> {
  const { code } = await (await renderer).render(markdown, { fileURL: new URL('file:///content/articles/billing/quotes.md') });
  return code;
}

describe('curly quotes, dashes and ellipses in article text', () => {
  test('apostrophes inside and at the end of words close', async () => {
    assert.equal(await html("It's the customers' money, isn't it?"), '<p>It’s the customers’ money, isn’t it?</p>');
  });

  test('double and single quotes open after a space and close after a word', async () => {
    assert.equal(await html('Choose "Save" or \'Cancel\'.'), '<p>Choose “Save” or ‘Cancel’.</p>');
  });

  test('a quote inside a quote opens both', async () => {
    assert.equal(await html('He said, "\'Quoted\' words in a larger quote."'), '<p>He said, “‘Quoted’ words in a larger quote.”</p>');
  });

  test('measurements, decades and a word starting with an apostrophe', async () => {
    assert.equal(await html('A 5\'10" door from the \'80s, rock \'n\' roll.'), '<p>A 5’10” door from the ’80s, rock ‘n’ roll.</p>');
  });

  test('quotes pair across emphasis and links, as the sentence reads', async () => {
    assert.equal(await html('Select "**Save**" then "[your account](/account/)".'), '<p>Select “<strong>Save</strong>” then “<a href="/account/">your account</a>”.</p>');
  });

  test('quotes at the start of a heading, a list item and a table cell open', async () => {
    assert.match(await html('## "Pending" payments'), /<h2[^>]*>“Pending” payments<\/h2>/);
    assert.match(await html('- "Refunded" means paid back'), /<li>“Refunded” means paid back<\/li>/);
    assert.match(await html('| Status | Meaning |\n| --- | --- |\n| "Held" | it\'s waiting |'), /<td>“Held”<\/td>\s*<td>it’s waiting<\/td>/);
  });

  test('code spans and code blocks keep straight quotes and double hyphens', async () => {
    const out = await html('Run `git commit -m "fix it\'s bug" --amend` then "done".\n\n```sh\necho "it\'s" -- ... \'x\'\n```');
    assert.match(out, /<code>git commit -m "fix it's bug" --amend<\/code> then “done”\./);
    const block = out.slice(out.indexOf('<pre'));
    assert.equal(block.replace(/<[^>]+>/g, ''), 'echo "it\'s" -- ... \'x\'');
  });

  test('a code span between quotes counts as a word, so the quotes pair around it', async () => {
    assert.equal(await html('Type "`npm run check`" first.'), '<p>Type “<code>npm run check</code>” first.</p>');
  });

  test('dashes and ellipses', async () => {
    assert.equal(await html('Wait -- it takes a minute... or two. . .'), '<p>Wait — it takes a minute… or two…</p>');
    assert.equal(dashesAndEllipses('a --- b, ``quoted\'\''), 'a --- b, “quoted”', 'three hyphens stay (SmartyPants leaves them)');
  });

  test('raw HTML attributes are not text and keep their quotes', async () => {
    assert.match(await html('Press <kbd title="it\'s a key">Enter</kbd> to "go".'), /<kbd title="it(?:'|&#x27;)s a key">Enter<\/kbd> to “go”\./);
  });

  test('text already curly is left alone; letters of any script are words', () => {
    assert.equal(curlQuotes('Don’t “change” this'), 'Don’t “change” this');
    assert.equal(curlQuotes('\u0000Über \'ü\' "日本"'), '\u0000Über ‘ü’ “日本”');
  });
});
