import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { domainOf, fixArticleText, fixContentFolder, formatFixes, renumberHeadings } from '../../src/node/check/fix.ts';
import { checkContent } from '../../src/node/check/index.ts';
import { projectRoot, publicDir } from '../../src/node/project-paths.ts';
import { fixtureContent } from './fixture-content.ts';

const titles = new Map([['pay-an-invoice', 'Pay an invoice']]);
const titleOf = (slug: string) => titles.get(slug);

const BEFORE = `---
title: Lamp setup
description: "# not a heading: front matter is never touched"
---

# Before you start

#### What you need

See https://www.example.com/parts or [https://shop.example.org/a](https://shop.example.org/a "Shop").

Pay as [/articles/pay-an-invoice/](/articles/pay-an-invoice/), or [click here](/articles/pay-an-invoice/), or [read more](https://example.net/more).

Wiring
======

|  |  |
| --- | --- |
| Colour | Meaning |
| Red | Live |

> |  |  |
> | - | - |
> | Only | row |
`;

const AFTER = `---
title: Lamp setup
description: "# not a heading: front matter is never touched"
---

## Before you start

### What you need

See [example.com](https://www.example.com/parts) or [shop.example.org](https://shop.example.org/a "Shop").

Pay as [Pay an invoice](/articles/pay-an-invoice/), or [click here](/articles/pay-an-invoice/), or [read more](https://example.net/more).

## Wiring

| Colour | Meaning |
| --- | --- |
| Red | Live |

> |  |  |
> | - | - |
> | Only | row |
`;

describe('check --fix', () => {
  test('heading levels are renumbered keeping the outline', () => {
    assert.deepEqual(renumberHeadings([2, 3, 2, 3]), [2, 3, 2, 3], 'a good outline is left alone');
    assert.deepEqual(renumberHeadings([1, 3, 4, 2]), [2, 3, 4, 3]);
    assert.deepEqual(renumberHeadings([2, 4, 5, 4, 2]), [2, 3, 4, 3, 2]);
    assert.deepEqual(renumberHeadings([4, 4, 6]), [2, 2, 3]);
  });

  test('domains are link text without www', () => {
    assert.equal(domainOf('https://www.gov.uk/help'), 'gov.uk');
    assert.equal(domainOf('www.example.com/a'), 'example.com');
    assert.equal(domainOf('not a url'), undefined);
  });

  test('safe fixes are made; the rest are listed with a suggestion; fixing again changes nothing', () => {
    const result = fixArticleText(BEFORE, 'md', titleOf);
    assert.equal(result.text, AFTER);
    assert.deepEqual(
      result.fixed.map((note) => `${note.line} ${note.text}`),
      [
        '6 heading "Before you start" is now level 2 (was 1)',
        '8 heading "What you need" is now level 3 (was 4)',
        '10 the address https://www.example.com/parts is now a link named "example.com"',
        '10 the address https://shop.example.org/a is now a link named "shop.example.org"',
        '12 the address /articles/pay-an-invoice/ is now a link named "Pay an invoice"',
        '14 heading "Wiring" is now level 2 (was 1)',
        '17 table: its first row of data is now its header row',
      ],
    );
    assert.deepEqual(
      result.suggested.map((note) => `${note.line} ${note.text}`),
      [
        '12 link "click here": put the link on the page\'s title, e.g. [Pay an invoice](/articles/pay-an-invoice/)',
        '12 link "read more": put the link on words that name where it goes (a page on example.net)',
        '22 table without a header row: write column names in its first row (it has one row of data, so it may be a layout table better written as a list)',
      ],
    );
    const again = fixArticleText(result.text, 'md', titleOf);
    assert.equal(again.text, result.text);
    assert.deepEqual(again.fixed, []);
  });

  test('MDX components are kept, and text that cannot be read is left as it is', () => {
    const mdx = '---\ntitle: T\ndescription: D\n---\n\n<Callout type="tip">\n\n#### Tip heading\n\nSee https://example.com.\n\n</Callout>\n';
    const fixed = fixArticleText(mdx, 'mdx', titleOf).text;
    assert.equal(fixed, '---\ntitle: T\ndescription: D\n---\n\n<Callout type="tip">\n\n## Tip heading\n\nSee [example.com](https://example.com).\n\n</Callout>\n');
    const broken = '---\ntitle: T\n---\n\n<Callout>\n\n# Open\n';
    assert.equal(fixArticleText(broken, 'mdx', titleOf).text, broken);
  });

  test('on a content folder, the fixed problems are gone from the check and the others stay', async () => {
    const contentDir = await fixtureContent('content-accessibility');
    const paths = { root: path.dirname(contentDir), contentDir, publicDir };
    const rulesOf = async () => (await checkContent(paths)).problems.filter((p) => p.severity === 'error').map((p) => p.rule).sort();
    assert.deepEqual(await rulesOf(), ['alt-text', 'alt-text', 'colour-only', 'heading-h1', 'heading-skip', 'link-text', 'link-text', 'link-text', 'table-header']);
    const done = await fixContentFolder(contentDir, titleOf);
    assert.deepEqual(await rulesOf(), ['alt-text', 'alt-text', 'colour-only', 'link-text', 'table-header']);
    const lines = formatFixes(done.map(({ absolute, result }) => ({ file: path.relative(contentDir, absolute), result })));
    assert.equal(lines[0], 'Fixed 4 problems in 1 file:');
    assert.ok(lines.includes('2 more need a person; suggestions:'), lines.join('\n'));
    const text = await readFile(path.join(contentDir, 'articles/getting-started/welcome.md'), 'utf8');
    assert.equal((await fixContentFolder(contentDir, titleOf)).every(({ result }) => result.fixed.length === 0), true);
    assert.equal(await readFile(path.join(contentDir, 'articles/getting-started/welcome.md'), 'utf8'), text);
  });
});

describe('npm run check offers --fix and --baseline, and --fix reports what it did', () => {
  const run = (contentDir: string, ...args: string[]) => {
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/check-content.ts'), '--content', contentDir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, HANDRAIL_RELEASE_REF: '' },
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };

  test('the offer, then the fixes, then the baseline', async () => {
    const contentDir = await fixtureContent('content-accessibility');
    const first = run(contentDir);
    assert.equal(first.status, 1);
    assert.match(first.output, /^4 problems \(heading levels, bare web addresses, tables without a header row\) can be fixed for you: npm run check -- --fix\.$/m);
    assert.match(first.output, /^All 9 errors \(accessibility, links, writing\) can be counted as known while you work through them: npm run check -- --baseline\.$/m);

    const fixed = run(contentDir, '--fix');
    assert.equal(fixed.status, 1);
    assert.match(fixed.output, /^Fixed 4 problems in 1 file:\n {2}.*welcome\.md:6 heading "A second title" is now level 2 \(was 1\)$/m);
    assert.match(fixed.output, /^2 more need a person; suggestions:\n {2}.*welcome\.md:12 link "click here": put the link on the page's title, e\.g\. \[Pay an invoice\]\(\/articles\/pay-an-invoice\/\)$/m);
    assert.match(fixed.output, /✗ 2 articles in 2 categories: 5 errors and 1 warning\./);
    assert.doesNotMatch(fixed.output, /can be fixed for you/);

    const recorded = run(contentDir, '--baseline');
    assert.equal(recorded.status, 0, recorded.output);
    assert.match(recorded.output, /^Known problems \(.*\.handrail-baseline\.json\): 5 in 1 file, counted but not failing\.$/m);
    assert.match(recorded.output, /^✓ 2 articles in 2 categories: 0 errors and 1 warning, 5 known\.$/m);
  });
});
