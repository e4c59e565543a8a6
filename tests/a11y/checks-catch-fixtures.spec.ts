/**
 * The checks are tested like any other code: each page in
 * tests/fixtures/a11y-pages breaks one rule, and exactly the check (and,
 * where axe covers the rule, the axe rule) meant to catch it must report it,
 * naming the element; every other check must stay quiet on it. The clean
 * page passes everything. A green every-page run means something only
 * because these pass.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { runAxe } from '../../src/node/audit/audit.ts';
import { projectRoot } from '../helpers/site.ts';
import { runEveryCheck, type CheckName } from './checks.ts';

const fixtureDir = path.join(projectRoot, 'tests/fixtures/a11y-pages');

/** One fixture: which checks and axe rules must fail on it, and text the report must contain. */
interface Expectation {
  checks: CheckName[];
  axe: string[];
  /** Each string must appear in the failures of the first expected check (or of axe): the element named, the problem said. */
  mentions: string[];
}

const expectations: Record<string, Expectation> = {
  'clean.html': { checks: [], axe: [], mentions: [] },
  'missing-alt.html': { checks: [], axe: ['image-alt'], mentions: ['img'] },
  'low-contrast.html': { checks: [], axe: ['color-contrast'], mentions: ['.faint'] },
  'skipped-heading.html': { checks: ['checkHeadingOutline'], axe: ['heading-order'], mentions: ['h4 "Before you start"', 'skips from level 2 to level 4'] },
  'small-target.html': {
    checks: ['checkTargetSize'],
    axe: ['target-size'],
    mentions: ['button "Previous photo": target is 16×16 px', 'button "Next photo"'],
  },
  'sideways-scroll.html': { checks: ['checkReflow'], axe: [], mentions: ['page: scrolls sideways at 320 px', 'p.wide'] },
  'invisible-focus.html': { checks: ['checkFocusVisible'], axe: [], mentions: ['a.skip-link "Skip to main content": no visible focus indicator', 'input#q'] },
  'focus-obscured.html': { checks: ['checkFocusVisible'], axe: [], mentions: ['hidden under section.cookies'] },
  'focus-trap.html': { checks: ['checkFocusVisible'], axe: [], mentions: ['input#q "Search the help center": focus is stuck here'] },
  'text-spacing-clip.html': { checks: ['checkTextSpacing'], axe: [], mentions: ['p.status "Workshop open today": cuts off'] },
  'text-spacing-overlap.html': { checks: ['checkTextSpacing'], axe: [], mentions: ['p.status "Workshop open today": text spills'] },
  'landmark-unlabelled.html': { checks: ['checkLandmarks'], axe: [], mentions: ['nav: navigation landmark has no accessible name'] },
  'landmark-duplicate.html': { checks: ['checkLandmarks'], axe: ['landmark-unique'], mentions: ['a second navigation landmark named "Main"'] },
  'outside-landmark.html': { checks: ['checkLandmarks'], axe: ['region'], mentions: ['p "This paragraph sits in no landmark.": is outside every landmark'] },
  'running-animation.html': { checks: ['checkReducedMotion'], axe: [], mentions: ['span.spinner "Loading": animation "spin" lasts 1s, repeating forever'] },
  'forced-colors-invisible.html': { checks: ['checkForcedColors'], axe: [], mentions: ['button.flat "Search": has no border or outline in forced colours mode'] },
  'forced-colors-focus.html': { checks: ['checkForcedColors'], axe: [], mentions: ['input#q "Search the help center": no focus outline in forced colours mode'] },
};

// One page for all fixtures, as in the site audit.
const test = base.extend<object, { fixturePage: Page }>({
  fixturePage: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
});

test('every fixture page has an expectation, and every expectation a page', () => {
  const files = readdirSync(fixtureDir).filter((f) => f.endsWith('.html'));
  expect(files.sort()).toEqual(Object.keys(expectations).sort());
});

for (const [file, expected] of Object.entries(expectations)) {
  const what = expected.checks.length + expected.axe.length === 0 ? 'passes every check and axe' : `is caught by ${[...expected.checks, ...expected.axe].join(' and ')}, and nothing else`;
  test(`${file} ${what}`, async ({ fixturePage: page }) => {
    await page.goto(pathToFileURL(path.join(fixtureDir, file)).href);
    const results = await runEveryCheck(page);
    const axe = { violations: await runAxe(page) };
    const report = [
      ...Object.entries(results).flatMap(([check, problems]) => problems.map((p) => `${check}: ${p}`)),
      ...axe.violations.flatMap((v) => v.nodes.map((n) => `axe ${v.id}: ${n.target.join(' ')}`)),
    ].join('\n');

    const failing = Object.entries(results)
      .filter(([, problems]) => problems.length > 0)
      .map(([check]) => check);
    expect(failing.sort(), report).toEqual([...expected.checks].sort());
    expect(axe.violations.map((v) => v.id).sort(), report).toEqual([...expected.axe].sort());
    for (const mention of expected.mentions) expect(report, `the report names the element and the problem`).toContain(mention);
  });
}
