import { expect, test } from '../helpers/browser-test.ts';

test.describe('moved articles and freshness', () => {
  test('an old address sends the reader to the renamed article', async ({ page }) => {
    const response = await page.goto('/articles/forgot-password/');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/articles\/reset-your-password\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
  });

  test('with the redirect blocked, the old address still offers the link and a person', async ({ browser }) => {
    // With JavaScript off the meta refresh still runs, so read the page as served.
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.request.get('/articles/forgotten-password/');
    const html = await response.text();
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/articles/reset-your-password/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toMatch(/<a href="\/articles\/reset-your-password\/">Go to “Reset your password”<\/a>/);
    expect(html).toContain('id="contact-panel"');
    await context.close();
  });

  test('old addresses are not in the sitemap', async ({ request }) => {
    const sitemap = await (await request.get('/sitemap.xml')).text();
    expect(sitemap).toContain('/articles/reset-your-password/');
    expect(sitemap).not.toContain('/articles/forgot-password/');
  });

  test('an article past its review date says so and offers a person', async ({ page }) => {
    await page.goto('/articles/hire-deposits/');
    const note = page.getByRole('note').filter({ hasText: 'This article may be out of date' });
    await expect(note).toBeVisible();
    await expect(note.getByRole('link', { name: 'Contact a person' })).toHaveAttribute('href', '/contact/');
  });

  test('no edit link unless the site asks for one (the demo does not; the fixture with editLinks is tested in tests/dev)', async ({ page }) => {
    await page.goto('/articles/get-a-refund/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /Edit this page/ })).toHaveCount(0);
  });
});
