import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { redirectsSchema } from '../../src/schemas/redirects.ts';
import { runImport, type ImportOptions } from '../../src/node/import/run.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');

function importInto(source: ImportOptions['source'], input: string) {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'handrail-import-')), 'content');
  const outcome = runImport({ source, input: path.join(fixtures, input), contentDir: content });
  const read = (file: string) => readFileSync(path.join(content, file), 'utf8');
  const redirects = new Map(redirectsSchema.parse(parse(read('redirects.yaml'))).redirects.map((r) => [r.from, r.to]));
  const kinds = Object.fromEntries(outcome.summary.problems.map((p) => [p.kind, p.count]));
  return { content, outcome, read, redirects, kinds };
}

describe('Intercom', () => {
  test('collections become categories, translated_content becomes translations, Intercom callouts become <Callout>', () => {
    const { outcome, read, redirects, kinds } = importInto('intercom', 'intercom');
    assert.equal(outcome.summary.articles, 31);
    assert.equal(outcome.summary.translations, 4);
    assert.equal(kinds['read-error'], 1, 'the article in no collection is reported');
    const callouts = read('articles/billing/bank-connection-stopped-working.mdx');
    assert.match(callouts, /<Callout type="warning">\n {2}Reconnecting does not delete anything\./);
    assert.match(callouts, /<Callout type="tip">/);
    assert.match(read('articles/getting-started/change-your-plan.pt-br.md'), /^title: Mudar de plano$/m);
    assert.equal(redirects.get('/tally/en/articles/7000000-connect-your-bank'), '/articles/connect-your-bank/');
    assert.equal(redirects.get('/fr/articles/7000000'), '/fr/articles/connect-your-bank/');
    assert.match(read('articles/getting-started/connect-your-bank.md'), /^description: Tally reads your transactions through a secure bank connection\.$/m, 'the source description is kept');
  });
});

describe('Help Scout Docs', () => {
  test('categories, related articles, keywords, private collections as drafts, unsafe SVGs refused', () => {
    const { outcome, read, redirects, kinds } = importInto('helpscout', 'helpscout');
    assert.equal(outcome.summary.articles, 30);
    assert.equal(kinds.restricted, 2);
    assert.equal(kinds['image-unsafe'], 4);
    const desk = read('articles/getting-here/book-a-desk.mdx');
    assert.match(desk, /^related: \[cancel-a-booking, book-a-meeting-room\]$/m);
    assert.match(desk, /^keywords: \[desk, booking\]$/m);
    assert.equal(redirects.get('/article/101-book-a-desk'), '/articles/book-a-desk/');
    assert.equal(redirects.get('/article/101'), '/articles/book-a-desk/');
    assert.equal(redirects.get('/category/12-bookings'), '/categories/bookings/');
  });
});

describe('folders of Markdown', () => {
  test('Docusaurus: categories from _category_ files, relative links resolved, admonitions converted, MDX imports removed', () => {
    const { read, redirects, kinds } = importInto('folder', 'folder/docusaurus/docs');
    const install = read('articles/getting-started/install-quill.mdx');
    assert.match(install, /\[write your first note\]\(\/articles\/write-your-first-note\/\)/);
    assert.match(install, /\[the configuration guide\]\(\/articles\/configure-quill\/#the-config-file\)/);
    assert.match(install, /!\[The installer window\]\(\/images\/folder\/install-window\.png\)/);
    assert.doesNotMatch(read('articles/getting-started/write-your-first-note.mdx'), /^import /m);
    assert.match(read('categories/getting-started.yaml'), /^description: Install quill and write your first note\.$/m);
    assert.equal(redirects.get('/docs/getting-started/install'), '/articles/install-quill/');
    assert.equal(redirects.get('/docs/upgrading'), '/articles/upgrade-quill/');
    assert.equal(kinds['tag-unconverted'], 4);
  });

  test('Jekyll: Liquid includes, highlight and link tags converted; permalink and redirect_from kept as redirects', () => {
    const { read, redirects } = importInto('folder', 'folder/jekyll');
    const linux = read('articles/installing/install-on-linux.mdx');
    assert.match(linux, /<Callout type="note">\n {2}The snap package updates itself\./);
    assert.match(linux, /```bash\nsudo apt install quill\n```/);
    assert.match(linux, /\[Windows\]\(\/articles\/install-on-windows\/\)/);
    assert.equal(redirects.get('/docs/linux/'), '/articles/install-on-linux/');
    assert.equal(redirects.get('/linux.html'), '/articles/install-on-linux/');
    assert.equal(redirects.get('/docs/fonts.html'), '/articles/change-the-font/');
    assert.doesNotMatch(read('articles/customising/colours.md'), /<script|alert/);
  });

  test('Hugo: TOML front matter, _index.md categories, shortcodes, aliases and a .fr.md translation', () => {
    const { read, redirects } = importInto('folder', 'folder/hugo/content');
    assert.match(read('categories/sync-and-sharing.yaml'), /^title: Sync and sharing$/m);
    assert.match(read('articles/sync-and-sharing/turn-on-sync.mdx'), /\[sharing\]\(\/articles\/share-a-note\/\)/);
    assert.match(read('articles/sync-and-sharing/share-a-note.fr.md'), /^title: Partager une note$/m);
    assert.equal(redirects.get('/old/sync-setup/'), '/articles/turn-on-sync/');
    assert.equal(redirects.get('/bugs/'), '/articles/report-a-bug/');
  });

  test('MkDocs: !!! admonitions with their indented body, titles from the first heading', () => {
    const { read } = importInto('folder', 'folder/mkdocs/docs');
    const headings = read('articles/writing/headings-and-structure.mdx');
    assert.match(headings, /<Callout type="note" title="Good to know">\n {2}Headings appear in the outline on the left\.\n\n {2}They also make notes searchable\./);
    assert.match(headings, /^## A level-three heading straight away$/m);
  });
});
