import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { prepareHtml, resolveReferences, toMarkdown, parses } from '../../src/node/import/convert.ts';
import { SlugAllocator, slugify } from '../../src/node/import/slug.ts';
import { firstSentence, shortenAtWord } from '../../src/node/import/text.ts';
import { convertTemplateSyntax } from '../../src/node/import/sources/template-syntax.ts';

function convert(html: string, style: 'mdx' | 'quote' = 'mdx', title = 'Title') {
  const prepared = prepareHtml(html, title);
  resolveReferences(prepared, { link: (href) => (href.startsWith('#') ? `#${prepared.anchors.get(href.slice(1)) ?? 'lost'}` : href), image: (src) => src });
  return { ...toMarkdown(prepared, style), findings: prepared.findings };
}

describe('HTML to Markdown', () => {
  test('strips inline styles, <font>, empty paragraphs and runs of &nbsp;', () => {
    const { markdown } = convert('<p style="color:red"><font face="Arial">Hello&nbsp;&nbsp;&nbsp;there</font></p><p>&nbsp;</p><p><br></p><p></p>');
    assert.equal(markdown, 'Hello there\n');
  });

  test('never carries scripts, event handlers, javascript: links or frames through, and reports each', () => {
    const { markdown, findings } = convert('<p onclick="steal()">Hi <a href="javascript:alert(1)">bad</a></p><script>alert(1)</script><iframe src="https://www.youtube.com/embed/abc"></iframe>');
    assert.doesNotMatch(markdown, /script|onclick|javascript|iframe/i);
    assert.match(markdown, /\[Watch the video on YouTube\]\(https:\/\/www\.youtube\.com\/watch\?v=abc\)/);
    assert.deepEqual(findings.map((f) => f.kind).sort(), ['embed', 'unsafe-content', 'unsafe-content', 'unsafe-content']);
  });

  test('renumbers headings to start at h2 without skips, drops a first heading that repeats the title, and reports it', () => {
    const { markdown, findings } = convert('<h1>Reset your password</h1><h3>Before</h3><h5>Deep</h5><h3>After</h3>', 'mdx', 'Reset your password');
    assert.equal(markdown, '## Before\n\n### Deep\n\n## After\n');
    assert.equal(findings.filter((f) => f.kind === 'headings-renumbered').length, 1);
  });

  test('fixes lists nested the wrong way', () => {
    assert.equal(convert('<ul><li>One</li><ul><li>Two</li></ul></ul>').markdown, '- One\n  - Two\n');
  });

  test('tables: a bold first row becomes the header; a plain one is made the header and reported', () => {
    const bold = convert('<table><tr><td><b>Plan</b></td><td><b>Price</b></td></tr><tr><td>Basic</td><td><p>£1</p><p>monthly</p></td></tr></table>');
    assert.equal(bold.markdown, '| Plan | Price |\n| - | - |\n| Basic | £1<br />monthly |\n');
    assert.equal(bold.findings.length, 0);
    const plain = convert('<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>');
    assert.deepEqual(plain.findings.map((f) => f.kind), ['table-header-guessed']);
  });

  test('tables Markdown cannot hold stay HTML and are reported; layout tables become plain text', () => {
    const merged = convert('<table><tr><td colspan="2">Both</td></tr><tr><td>a</td><td>b</td></tr></table>');
    assert.match(merged.markdown, /^<table><tbody><tr><td colspan="2">Both<\/td>/);
    assert.deepEqual(merged.findings.map((f) => f.kind), ['table-kept-html']);
    assert.equal(convert('<table><tr><td><img src="/a.png" alt="A lamp"></td><td>Text beside it</td></tr></table>').markdown, '![A lamp](/a.png)\n\nText beside it\n');
  });

  test('callouts become <Callout> in MDX, or a labelled quote, and the MDX parses', () => {
    const html = '<div class="callout callout--warning"><p>Unplug it {first}.</p></div><p><strong>Note:</strong> it may flash.</p><blockquote><p>Tip: in daylight.</p></blockquote>';
    const mdx = convert(html, 'mdx');
    assert.equal(mdx.format, 'mdx');
    assert.match(mdx.markdown, /<Callout type="warning">\n {2}Unplug it \\\{first\}\.\n<\/Callout>/);
    assert.match(mdx.markdown, /<Callout type="note">\n {2}it may flash\./);
    assert.match(mdx.markdown, /<Callout type="tip">/);
    assert.ok(parses(mdx.markdown, true));
    const quote = convert(html, 'quote');
    assert.equal(quote.format, 'md');
    assert.match(quote.markdown, /^> \*\*Warning:\*\* Unplug it \{first\}\./m);
  });

  test('in-page anchors are rewritten to the new heading ids', () => {
    const { markdown } = convert('<p><a href="#h_01">Steps</a></p><h2 id="h_01">How to do it</h2>');
    assert.match(markdown, /\[Steps\]\(#how-to-do-it\)/);
  });
});

describe('slugs, titles and descriptions', () => {
  test('slugs are readable ASCII kebab-case', () => {
    assert.equal(slugify('Café: réglages & “mots de passe”'), 'cafe-reglages-and-mots-de-passe');
    assert.equal(slugify('Подарочные карты'), 'podarochnye-karty');
    assert.equal(slugify('学生割引'), '');
    assert.ok(slugify('word '.repeat(40)).length <= 60);
  });

  test('collisions are resolved with the category, then the id, and reserved slugs are never reused', () => {
    const slugs = new SlugAllocator();
    slugs.reserve('reset-password');
    assert.equal(slugs.allocate('reset-password', ['billing'], '42'), 'reset-password-billing');
    assert.equal(slugs.allocate('reset-password', ['billing'], '43'), 'reset-password-43');
  });

  test('long titles are cut at a word boundary, descriptions at the first sentence', () => {
    const title = 'How to change the delivery address of an order that you have already placed but that has not been packed yet';
    const short = shortenAtWord(title, 80);
    assert.ok(short.length <= 80);
    assert.equal(short, 'How to change the delivery address of an order that you have already placed');
    assert.equal(firstSentence('Hold the button for five seconds. Then open the app.', 'en-us', 200), 'Hold the button for five seconds.');
  });
});

describe('template syntax in Markdown folders', () => {
  test('admonitions and shortcodes with a safe equivalent are converted; the rest stays and is reported with its line', () => {
    const { markdown, notes } = convertTemplateSyntax(':::warning Careful\nHot!\n:::\n{{< youtube abc >}}\n{% if user %}Hi{% endif %}\n<Tabs>', 10, 'T');
    assert.match(markdown, /<div class="admonition admonition-warning" data-title="Careful">/);
    assert.match(markdown, /\[Watch the video on YouTube\]\(https:\/\/www\.youtube\.com\/watch\?v=abc\)/);
    assert.match(markdown, /\{% if user %\}Hi\{% endif %\}/);
    const unconverted = notes.filter((n) => n.kind === 'tag-unconverted');
    assert.deepEqual(unconverted.map((n) => n.sourceLine), [14, 14, 15]);
  });
});

describe('lists from editors', () => {
  test('an item that is one paragraph stays a tight list', () => {
    assert.equal(convert('<ol><li><p class="no-margin">Open <b>Accounts</b>.</p></li><li><p>Choose it.</p><ul><li><p>Nested</p></li></ul></li></ol>').markdown, '1. Open **Accounts**.\n2. Choose it.\n   - Nested\n');
  });
});
