import type { Page } from '@playwright/test';
import { THEME_STORAGE_KEY } from '../../src/shared/theme.ts';
import { readSitemapPaths } from '../helpers/site.ts';
import { test as base, TEST_NOW } from '../helpers/browser-test.ts';

/**
 * The test function for page-by-page audits: one browser page per worker,
 * navigated from URL to URL, because a new page per URL is several times
 * slower. Service workers are blocked: the audit is of the pages the server
 * sends, not of a cached copy. The checks add a text-spacing stylesheet the
 * way a reader's own styles would (WCAG 1.4.12); browsers apply a reader's
 * styles whatever the page's Content-Security-Policy says, so this page
 * does too (bypassCSP). tests/e2e/csp.spec.ts tests the policy itself.
 * Its clock reads TEST_NOW, as every browser test's does.
 */
export const test = base.extend<object, { auditPage: Page }>({
  auditPage: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL, serviceWorkers: 'block', bypassCSP: true });
      await context.clock.setFixedTime(TEST_NOW);
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
});

/**
 * Forgets a theme a reader chose with the toggle (the worker's page is
 * shared between audits, and some choose one), so the pages follow the
 * system's colour scheme, which the audits then set themselves.
 */
export async function followSystemTheme(page: Page): Promise<void> {
  await page.goto(readSitemapPaths()[0]!);
  await page.evaluate((key) => localStorage.removeItem(key), THEME_STORAGE_KEY);
}
