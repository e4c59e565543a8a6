/**
 * axe on the states a reader can open (feedback "No", the message editor),
 * and proof that the audit finds what it should: a planted violation, and
 * text legible in one scheme only. Every page of every language is audited
 * with axe in both schemes at both widths in tests/a11y/every-page.spec.ts.
 * Zero violations; accepted findings live only in exceptions.ts.
 */
import { expect, type Page } from '@playwright/test';
import { followSystemTheme, test } from './audit-test.ts';
import { auditEveryTheme, auditPage, formatReport, unexcused, type PageFindings } from '../../src/node/audit/audit.ts';
import { AUDIT_THEMES } from '../../src/shared/audit-standard.ts';
import { THEME_STORAGE_KEY } from '../../src/shared/theme.ts';
import { readSitemapPaths } from '../helpers/site.ts';

// The same engine, tags, exceptions and report as `npm run audit` (src/node/audit/audit.ts).

async function audit(page: Page, pagePath: string, theme: PageFindings['theme'], width: number): Promise<PageFindings | undefined> {
  const violations = await auditPage(page, pagePath);
  return violations.length ? { path: pagePath, theme, width, violations } : undefined;
}

test('one load is audited in each scheme: text legible only in the light theme is found in the dark one', async ({ auditPage: page }) => {
  const path = readSitemapPaths()[0]!;
  await followSystemTheme(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(path);
  // Dark grey text: readable on the light theme's background, not on the dark theme's, so it is only found if the
  // site's own colours really switch with the scheme in place.
  await page.locator('main').evaluate((main) => main.insertAdjacentHTML('afterbegin', '<p id="planted-grey" style="color:#333">Only legible in the light theme</p>'));
  const findings = await auditEveryTheme(page, path, 1280);
  expect(findings.map((f) => [f.theme, f.violations.map((v) => v.id)])).toEqual([['dark', ['color-contrast']]]);
  expect(formatReport(findings)).toContain('#planted-grey');

  // A theme chosen with the toggle would hide the system's: the audit refuses rather than audit one theme twice.
  await page.evaluate((key) => localStorage.setItem(key, 'dark'), THEME_STORAGE_KEY);
  await page.reload();
  await expect(auditEveryTheme(page, path, 1280)).rejects.toThrow(/the dark theme a reader chose with the toggle.*remove the "handrail-theme" item/);
  await page.evaluate((key) => localStorage.removeItem(key), THEME_STORAGE_KEY);
});

test.describe('states a reader opens', () => {
  const article = () => readSitemapPaths().find((p) => p.includes('/articles/'))!;

  for (const colorScheme of AUDIT_THEMES) {
    test(`article after "No, this didn't help" with the message editor open (${colorScheme})`, async ({ auditPage: page }) => {
      await followSystemTheme(page);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      const path = article();
      await page.goto(path);
      await page.getByRole('button', { name: "No, this didn't help" }).click();
      await expect(page.getByRole('textbox', { name: 'What were you looking for, or what was missing?' })).toBeFocused();
      await page.getByRole('textbox', { name: 'What were you looking for, or what was missing?' }).fill('How to adjust the brakes');
      const panel = page.getByRole('complementary', { name: 'Talk to a person' });
      await panel.getByText('Check the message we will prefill').click();
      await expect(panel.getByRole('textbox', { name: 'Your message' })).toBeVisible();
      const findings = [await audit(page, `${path} after "No" with the editor open`, colorScheme, 1280)].filter((f) => f !== undefined);
      expect(findings, formatReport(findings)).toEqual([]);
    });
  }

  test('article after "Yes"', async ({ auditPage: page }) => {
    await followSystemTheme(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 320, height: 900 });
    const path = article();
    await page.goto(path);
    await page.getByRole('button', { name: 'Yes' }).click();
    await expect(page.getByText('Thank you.')).toBeFocused();
    const findings = [await audit(page, `${path} after "Yes"`, 'light', 320)].filter((f) => f !== undefined);
    expect(findings, formatReport(findings)).toEqual([]);
  });
});

test('the audit catches and reports a planted violation, so a green run means something', async ({ auditPage: page }) => {
  const path = readSitemapPaths()[0]!;
  await page.goto(path);
  await page.locator('main').evaluate((main) => main.insertAdjacentHTML('afterbegin', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="planted">'));
  const found = await audit(page, path, 'light', 1280);
  expect(found?.violations.map((v) => v.id)).toContain('image-alt');
  const report = formatReport([found!]);
  expect(report).toContain('image-alt');
  expect(report).toContain('#planted');
  expect(report).toMatch(/Fix any of the following/);

  // An exception covers only its own rule, element and pages.
  const exception = { rule: 'image-alt', selector: '#planted', pages: new RegExp(`^${path}$`), reason: 'test', link: 'https://example.org' };
  expect(unexcused(found!.violations, path, [exception]).map((v) => v.id)).not.toContain('image-alt');
  expect(unexcused(found!.violations, '/elsewhere/', [exception]).map((v) => v.id)).toContain('image-alt');
  expect(unexcused(found!.violations, path, [{ ...exception, selector: 'img' }]).map((v) => v.id)).toContain('image-alt');
});
