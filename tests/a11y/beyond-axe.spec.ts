/**
 * Every built page (the sitemap, the 404 page and the pages the sitemap
 * leaves out) checked for what axe cannot see: reflow, text spacing and
 * target size at 320 CSS px; the heading outline and landmarks; keyboard
 * focus at 1280 px in the light and the dark theme; forced colours; reduced
 * motion. Then the states a reader opens. Zero failures; checks.ts says what
 * each check measures.
 */
import { expect, type Page } from '@playwright/test';
import { test } from './audit-test.ts';
import { transitionsEnded } from '../../src/node/audit/audit.ts';
import { guardPage, languageOfPath, pagesInEveryLanguage, readSitemapPaths, siteLanguages, unlistedPages, type SitePage } from '../helpers/site.ts';
import {
  checkFocusVisible,
  checkForcedColors,
  checkHeadingOutline,
  checkLandmarks,
  checkReducedMotion,
  checkReflow,
  checkTargetSize,
  checkTextSpacing,
  runEveryCheck,
  type Check,
} from './checks.ts';

/** One failure: where, which check, and what is wrong with which element. */
interface Finding {
  page: string;
  check: string;
  problem: string;
}


/** Grouped by page, then check: the element and the problem on each line. */
function formatReport(findings: Finding[]): string {
  const lines: string[] = [`${findings.length} accessibility failure(s) beyond axe:`];
  let page = '';
  let check = '';
  for (const finding of findings) {
    if (finding.page !== page) {
      page = finding.page;
      check = '';
      lines.push(`\n■ ${page}`);
    }
    if (finding.check !== check) {
      check = finding.check;
      lines.push(`  ✗ ${check}`);
    }
    lines.push(`    → ${finding.problem}`);
  }
  return lines.join('\n');
}

/** Every page of one language (every page of every language without one), fallback and 404 pages included. */
const everyPage = (lang?: string): SitePage[] => [...pagesInEveryLanguage(), ...unlistedPages(true)].filter((p) => lang === undefined || languageOfPath(p.path) === lang);

/** The theme a reader chose with the toggle, saved before the pages load; undefined follows the system. */
async function chooseTheme(page: Page, theme: 'light' | 'dark' | undefined): Promise<void> {
  await page.goto(readSitemapPaths()[0]!);
  await page.evaluate((value) => {
    if (value) localStorage.setItem('handrail-theme', value);
    else localStorage.removeItem('handrail-theme');
  }, theme);
  await page.emulateMedia({ colorScheme: theme ?? 'light' });
}

/**
 * Switches the loaded page's theme in place, as the toggle does (it sets
 * data-theme on the root; the stored choice stays for the next page), once
 * any transition the switch starts has ended.
 */
async function switchTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((value) => (document.documentElement.dataset.theme = value), theme);
  await transitionsEnded(page);
}

/**
 * Visits every page and runs the named checks on each, collecting failures
 * (and any console error or page exception on the way, which would mean the
 * page was not checked as a reader sees it).
 */
async function auditEveryPage(page: Page, lang: string, label: string, run: Record<string, Check>, before?: () => Promise<void>): Promise<Finding[]> {
  const guard = guardPage(page);
  const findings: Finding[] = [];
  for (const { path, status } of everyPage(lang)) {
    await before?.();
    const response = await page.goto(path);
    expect(response?.status(), `status of ${path}`).toBe(status);
    for (const [name, check] of Object.entries(run)) {
      for (const problem of await check(page)) findings.push({ page: `${path} (${label})`, check: name, problem });
    }
    for (const problem of guard.take()) findings.push({ page: `${path} (${label})`, check: 'page errors', problem });
  }
  return findings;
}

test.describe('every built page, beyond axe', () => {
  test.beforeAll(() => {
    // Fail early and plainly if the build is missing, rather than on the first check.
    expect(everyPage().length).toBeGreaterThan(0);
  });

  // One test per language and check group, so parallel workers share the pages of every language.
  for (const lang of siteLanguages().codes) {
    test(`320 px wide: reflows, keeps text with increased spacing, 24 px targets, one heading outline, named landmarks (${lang})`, async ({ auditPage: page }) => {
      test.setTimeout(30_000 + everyPage(lang).length * 2_000);
      await chooseTheme(page, undefined);
      await page.setViewportSize({ width: 320, height: 800 });
      // Headings and landmarks do not depend on the width; they ride along to save a pass of navigations.
      // Text spacing last, so the others measure the page as served, not just after its stylesheet was removed.
      const findings = await auditEveryPage(page, lang, '320 px', { checkReflow, checkTargetSize, checkHeadingOutline, checkLandmarks, checkTextSpacing });
      expect(findings, formatReport(findings)).toEqual([]);
    });

    test(`keyboard focus is visible, unobscured and never stuck: light and dark themes, 1280 px (${lang})`, async ({ auditPage: page }) => {
      test.setTimeout(30_000 + everyPage(lang).length * 8_000);
      // Each page loads in the light theme the reader chose, is walked, is switched to dark as the toggle does, and
      // is walked again: one load for both themes.
      await chooseTheme(page, 'light');
      await page.setViewportSize({ width: 1280, height: 800 });
      const findings = await auditEveryPage(page, lang, '1280 px', {
        'checkFocusVisible (light theme)': checkFocusVisible,
        'checkFocusVisible (dark theme)': async (page) => {
          await switchTheme(page, 'dark');
          return checkFocusVisible(page);
        },
      });
      expect(findings, formatReport(findings)).toEqual([]);
    });

    test(`forced colours keep controls and focus visible; reduced motion stops motion (${lang})`, async ({ auditPage: page }) => {
      test.setTimeout(30_000 + everyPage(lang).length * 2_000);
      await chooseTheme(page, undefined);
      await page.setViewportSize({ width: 1280, height: 800 });
      // Reduced motion before each load too, so motion a script decides on at load is caught.
      const findings = await auditEveryPage(page, lang, 'forced colours / reduced motion', { checkReducedMotion, checkForcedColors }, () =>
        page.emulateMedia({ reducedMotion: 'reduce' }),
      );
      await page.emulateMedia({ reducedMotion: null });
      expect(findings, formatReport(findings)).toEqual([]);
    });
  }
});

test.describe('states a reader opens', () => {
  const article = () => readSitemapPaths().find((p) => p.includes('/articles/'))!;
  const search = () => readSitemapPaths().find((p) => p.endsWith('/search/'))!;

  /** Every check on the page as it now is, in the audit's conditions (runEveryCheck). */
  async function everyCheck(page: Page, label: string): Promise<Finding[]> {
    const results = await runEveryCheck(page);
    return Object.entries(results).flatMap(([check, problems]) => problems.map((problem) => ({ page: label, check, problem })));
  }

  test('article after "No, this didn\'t help", with the message editor open', async ({ auditPage: page }) => {
    await chooseTheme(page, undefined);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(article());
    await page.getByRole('button', { name: "No, this didn't help" }).click();
    await page.getByRole('textbox', { name: 'What were you looking for, or what was missing?' }).fill('How to adjust the brakes');
    await page.getByRole('complementary', { name: 'Talk to a person' }).getByText('Check the message we will prefill').click();
    await expect(page.getByRole('textbox', { name: 'Your message' })).toBeVisible();
    const findings = await everyCheck(page, `${article()} after "No" with the editor open`);
    expect(findings, formatReport(findings)).toEqual([]);
  });

  test('search page showing results and the topic filter', async ({ auditPage: page }) => {
    await chooseTheme(page, undefined);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${search()}?q=refund`);
    await expect(page.locator('[data-search-results] a').first()).toBeVisible();
    await page.locator('[data-search-filter] summary').click();
    const findings = await everyCheck(page, `${search()}?q=refund`);
    expect(findings, formatReport(findings)).toEqual([]);
  });

  test('search page with no results, the people first', async ({ auditPage: page }) => {
    await chooseTheme(page, undefined);
    await page.goto(`${search()}?q=zzqxv`);
    await expect(page.locator('[data-search-people]')).toBeVisible();
    const findings = await everyCheck(page, `${search()}?q=zzqxv`);
    expect(findings, formatReport(findings)).toEqual([]);
  });
});

test('the audit catches and reports a planted defect, so a green run means something', async ({ auditPage: page }) => {
  const path = readSitemapPaths()[0]!;
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(path);
  await page.getByRole('main').evaluate((main) =>
    main.insertAdjacentHTML(
      'afterbegin',
      '<p><button type="button" style="width:16px;height:16px;min-height:0;padding:0" aria-label="Planted one"></button><button type="button" style="width:16px;height:16px;min-height:0;padding:0" aria-label="Planted two"></button></p>',
    ),
  );
  const findings = (await checkTargetSize(page)).map((problem) => ({ page: path, check: 'checkTargetSize', problem }));
  const report = formatReport(findings);
  expect(findings.length).toBe(2);
  expect(report).toContain(`■ ${path}`);
  expect(report).toContain('✗ checkTargetSize');
  expect(report).toContain('→ button "Planted one": target is 16×16 px, under 24×24 px, and too close to button "Planted two"');
});
