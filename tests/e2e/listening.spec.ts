/**
 * With no collector configured (the demo content sets none), a reader's
 * answers and searches stay in the browser: no request leaves the site's
 * own origin, nothing is posted anywhere, the policy allows no other origin
 * to be reached, and the feedback never offers a form that pretends to send.
 * With a collector: tests/collector/browser.test.ts.
 */
import { expect, test } from '../helpers/browser-test.ts';
import type { Page } from '@playwright/test';
import { basePath, readSitemapPaths } from '../helpers/site.ts';

/** Every request the page makes, from now on. */
function recordRequests(page: Page): { method: string; url: string }[] {
  const seen: { method: string; url: string }[] = [];
  page.on('request', (request) => seen.push({ method: request.method(), url: request.url() }));
  return seen;
}

test.describe('listening, with no collector configured', () => {
  test('voting No, typing what was missing, following a channel and searching send nothing anywhere', async ({ page, baseURL }) => {
    const site = new URL(baseURL!).origin;
    const article = readSitemapPaths().find((p) => p.includes('/articles/'))!;
    const requests = recordRequests(page);
    await page.goto(article);
    await expect(page.locator('meta[name="handrail-collector"]')).toHaveCount(0);
    const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    expect(/connect-src ([^;]*)/.exec(policy)?.[1]?.trim()).toBe("'self'");

    const feedback = page.locator('handrail-feedback');
    await feedback.getByRole('button', { name: 'No, this didn\'t help' }).click();
    // Nothing offers to send: the answer goes into the message to a person, and says so.
    await expect(feedback.getByText('nothing is sent until you send it')).toBeVisible();
    await expect(feedback.getByRole('group')).toHaveCount(0);
    await expect(feedback.getByRole('button', { name: 'Send' })).toHaveCount(0);
    await feedback.getByRole('textbox', { name: 'What were you looking for, or what was missing?' }).fill('Opening hours on bank holidays');
    await feedback.locator('a[href^="mailto:"]').first().click({ noWaitAfter: true });

    await page.goto(`${basePath()}search/?q=zzqqxxy`);
    await page.getByRole('status').filter({ hasText: /zzqqxxy/ }).waitFor();
    await page.goto(basePath());
    await page.waitForTimeout(300);

    const fetched = requests.filter((r) => /^https?:/.test(r.url));
    expect(fetched.filter((r) => new URL(r.url).origin !== site), 'requests to another origin').toEqual([]);
    expect(fetched.filter((r) => r.method !== 'GET'), 'anything but GET').toEqual([]);
  });
});
