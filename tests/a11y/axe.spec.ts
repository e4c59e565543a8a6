/**
 * Every built page, audited with axe in both colour schemes at desktop and
 * 320 CSS px widths, plus the states a reader can open (feedback "No", the
 * message editor). Zero violations; accepted findings live only in
 * exceptions.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { allPages, readSitemapPaths, unlistedPages } from '../helpers/site.ts';
import { axeExceptions, type AxeException } from './exceptions.ts';

/** The WCAG levels the project promises, plus axe's best practices. Never drop a tag to get green. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** One page's findings that no exception covers. */
interface PageFindings {
  label: string;
  violations: Violation[];
}

// One browser page per worker, navigated from page to page: opening a page per URL would double the run time.
const test = base.extend<object, { auditPage: Page }>({
  auditPage: [
    async ({ browser }, use, workerInfo) => {
      // Service workers blocked: the audit is of the pages the server sends, not of a cached copy.
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL, serviceWorkers: 'block' });
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
});

/** Drops findings that exceptions.ts accepts for this exact element on this page. */
function unexcused(violations: Violation[], pagePath: string, exceptions: AxeException[] = axeExceptions): Violation[] {
  return violations
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter(
        (node) =>
          !exceptions.some(
            (exception) => exception.rule === violation.id && exception.pages.test(pagePath) && node.target.map(String).join(' ') === exception.selector,
          ),
      ),
    }))
    .filter((violation) => violation.nodes.length > 0);
}

/** A report a person can act on: page, rule, what it means, and each failing element with axe's own summary. */
function formatReport(findings: PageFindings[]): string {
  const lines: string[] = [];
  for (const { label, violations } of findings) {
    lines.push(`\n■ ${label}`);
    for (const violation of violations) {
      lines.push(`  ✗ ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}`, `    ${violation.helpUrl}`);
      for (const node of violation.nodes) {
        lines.push(`    → ${node.target.map(String).join(' ')}`);
        for (const summary of (node.failureSummary ?? '').split('\n').filter(Boolean)) lines.push(`        ${summary.trim()}`);
      }
    }
  }
  return lines.join('\n');
}

/** Runs axe on the page as it stands; undefined when nothing beyond the accepted exceptions is found. */
async function audit(page: Page, label: string, pagePath: string): Promise<PageFindings | undefined> {
  // Legacy mode runs axe in the page itself. The default opens a blank page per
  // audit to merge frame results, which more than doubles the time, and the
  // help center has no iframes to merge. resultTypes keeps every violation in
  // full but sends one example of each pass, not thousands of nodes.
  const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  const violations = unexcused(results.violations, pagePath);
  return violations.length ? { label, violations } : undefined;
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1280, 320]) {
    test(`every page has no axe violations: ${colorScheme} scheme, ${width} px wide`, async ({ auditPage: page }) => {
      const pages = [...allPages(), ...unlistedPages()];
      test.setTimeout(30_000 + pages.length * 3_000);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      const findings: PageFindings[] = [];
      for (const { path, status } of pages) {
        const response = await page.goto(path);
        expect.soft(response?.status(), `status of ${path}`).toBe(status);
        const found = await audit(page, `${path} (${colorScheme}, ${width} px)`, path);
        if (found) findings.push(found);
      }
      expect(findings, formatReport(findings)).toEqual([]);
    });
  }
}

test.describe('states a reader opens', () => {
  const article = () => readSitemapPaths().find((p) => p.includes('/articles/'))!;

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`article after "No, this didn't help" with the message editor open (${colorScheme})`, async ({ auditPage: page }) => {
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
      const findings = [await audit(page, `${path} after "No" with the editor open (${colorScheme})`, path)].filter((f) => f !== undefined);
      expect(findings, formatReport(findings)).toEqual([]);
    });
  }

  test('article after "Yes"', async ({ auditPage: page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 320, height: 900 });
    const path = article();
    await page.goto(path);
    await page.getByRole('button', { name: 'Yes' }).click();
    await expect(page.getByText('Thank you.')).toBeFocused();
    const findings = [await audit(page, `${path} after "Yes"`, path)].filter((f) => f !== undefined);
    expect(findings, formatReport(findings)).toEqual([]);
  });
});

test('the audit catches and reports a planted violation, so a green run means something', async ({ auditPage: page }) => {
  const path = readSitemapPaths()[0]!;
  await page.goto(path);
  await page.locator('main').evaluate((main) => main.insertAdjacentHTML('afterbegin', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="planted">'));
  const found = await audit(page, `${path} with a planted image`, path);
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
