/**
 * The checks axe cannot make (checks.ts), on the states a reader opens: the
 * feedback "No" panel with the message editor, search with results and the
 * topic filter, and search with no results. Every page as loaded is checked
 * in tests/a11y/every-page.spec.ts. Zero failures.
 */
import { expect, type Page } from '@playwright/test';
import { followSystemTheme, test } from './audit-test.ts';
import { readSitemapPaths } from '../helpers/site.ts';
import { checkTargetSize, formatCheckReport, runEveryCheck, type CheckFinding } from './checks.ts';

test.describe('states a reader opens', () => {
  const article = () => readSitemapPaths().find((p) => p.includes('/articles/'))!;
  const search = () => readSitemapPaths().find((p) => p.endsWith('/search/'))!;

  /** Every check on the page as it now is, in the audit's conditions (runEveryCheck). */
  async function everyCheck(page: Page, label: string): Promise<CheckFinding[]> {
    const results = await runEveryCheck(page);
    return Object.entries(results).flatMap(([check, problems]) => problems.map((problem) => ({ page: label, check, problem })));
  }

  test('article after "No, this didn\'t help", with the message editor open', async ({ auditPage: page }) => {
    await followSystemTheme(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(article());
    await page.getByRole('button', { name: "No, this didn't help" }).click();
    await page.getByRole('textbox', { name: 'What were you looking for, or what was missing?' }).fill('How to adjust the brakes');
    await page.getByRole('complementary', { name: 'Talk to a person' }).getByText('Check the message we will prefill').click();
    await expect(page.getByRole('textbox', { name: 'Your message' })).toBeVisible();
    const findings = await everyCheck(page, `${article()} after "No" with the editor open`);
    expect(findings, formatCheckReport(findings)).toEqual([]);
  });

  test('search page showing results and the topic filter', async ({ auditPage: page }) => {
    await followSystemTheme(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${search()}?q=refund`);
    await expect(page.locator('[data-search-results] a').first()).toBeVisible();
    await page.locator('[data-search-filter] summary').click();
    const findings = await everyCheck(page, `${search()}?q=refund`);
    expect(findings, formatCheckReport(findings)).toEqual([]);
  });

  test('search page with no results, the people first', async ({ auditPage: page }) => {
    await followSystemTheme(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${search()}?q=zzqxv`);
    await expect(page.locator('[data-search-people]')).toBeVisible();
    const findings = await everyCheck(page, `${search()}?q=zzqxv`);
    expect(findings, formatCheckReport(findings)).toEqual([]);
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
  const report = formatCheckReport(findings);
  expect(findings.length).toBe(2);
  expect(report).toContain(`■ ${path}`);
  expect(report).toContain('✗ checkTargetSize');
  expect(report).toContain('→ button "Planted one": target is 16×16 px, under 24×24 px, and too close to button "Planted two"');
});
