/**
 * Keyboard-only journeys through the built site: no clicks, only key
 * presses, and after every press the test says where focus must be. A reader
 * who cannot use a pointer has to be able to search, read, say an article
 * did not help and reach a person, recover from a missing page, and choose
 * the dark theme.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../helpers/browser-test.ts';
import { allPages, linkParams, readSitemapPaths } from '../helpers/site.ts';

// The pages the server sends, not a service worker's cached copy; a light system theme, so the toggle starts off.
test.use({ serviceWorkers: 'block', colorScheme: 'light', viewport: { width: 1280, height: 800 } });

/** What has focus, as a short label for messages, and a token that tells two elements apart. */
async function focused(page: Page): Promise<{ label: string; token: number }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const store = window as unknown as { __keyboardTokens?: WeakMap<Element, number>; __keyboardNext?: number };
    store.__keyboardTokens ??= new WeakMap();
    if (!el || el === document.body) return { label: 'the page body', token: 0 };
    if (!store.__keyboardTokens.has(el)) store.__keyboardTokens.set(el, (store.__keyboardNext = (store.__keyboardNext ?? 0) + 1));
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return { label: `${el.localName}${el.id ? `#${el.id}` : ''}${name ? ` "${name}"` : ''}`, token: store.__keyboardTokens.get(el)! };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus. Every press must move
 * focus to another element of the page, never leave it on the body, and the
 * target must come within `max` presses.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}): Promise<void> {
  const handle = await target.elementHandle();
  const path: string[] = [];
  let previous = -1;
  for (let press = 1; press <= max; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    path.push(now.label);
    expect(now.token, `press ${press} of ${backwards ? 'Shift+Tab' : 'Tab'} left focus on the body; focus went ${path.join(' → ')}`).not.toBe(0);
    expect(now.token, `press ${press} did not move focus from ${now.label}`).not.toBe(previous);
    previous = now.token;
    if (await handle!.evaluate((el) => el === document.activeElement)) {
      await expect(target).toBeFocused();
      return;
    }
  }
  throw new Error(`${max} presses did not bring focus to ${target}; it went ${path.join(' → ')}`);
}

const firstOf = (kind: string) => allPages().find((p) => p.kind === kind)!.path;

test('search from the home page, open a result, read it and reach a person', async ({ page }) => {
  await page.goto(readSitemapPaths()[0]!);
  const field = page.getByRole('combobox', { name: 'Search the help center' });
  await tabTo(page, field);
  await page.keyboard.type('refund');
  await expect(field).toHaveValue('refund');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=refund/);

  // A new page: the skip link is the first stop, and it moves focus to the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  const searchField = page.getByRole('main').getByRole('searchbox', { name: 'Search the help center' });
  await tabTo(page, searchField, { max: 3 });
  await expect(searchField).toHaveValue('refund');

  const results = page.getByRole('list', { name: 'Results' }).getByRole('link');
  await expect(results.first()).toBeVisible();
  const title = (await results.first().textContent())!.trim();
  await page.keyboard.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/articles\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // The header's "Contact a person" comes early, and the panel's own first channel is a phone or email link.
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contact a person' }), { max: 4 });
  const panel = page.getByRole('complementary', { name: 'Talk to a person' });
  const firstChannel = panel.getByRole('link').first();
  await tabTo(page, firstChannel);
  expect(await firstChannel.getAttribute('href')).toMatch(/^(tel|mailto):/);
});

test('from a category, open an article, say it did not help, and take the answer to email', async ({ page }) => {
  await page.goto(firstOf('category'));
  const articleLink = page.getByRole('main').locator('a[href*="/articles/"]').first();
  await tabTo(page, articleLink);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/articles\//);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

  await tabTo(page, page.getByRole('button', { name: "No, this didn't help" }), { max: 120 });
  await page.keyboard.press('Enter');
  const missing = page.getByRole('textbox', { name: 'What were you looking for, or what was missing?' });
  await expect(missing).toBeFocused();
  await page.keyboard.type('How to fit a child seat');
  await expect(missing).toHaveValue('How to fit a child seat');

  const email = page.locator('[data-feedback-people]').locator('a[href^="mailto:"]');
  await tabTo(page, email, { max: 10 });
  // The message is filled in by a module loaded on demand: wait for it, without touching anything.
  await expect.poll(async () => linkParams((await email.getAttribute('href'))!).get('body') ?? '').toContain('How to fit a child seat');
  const params = linkParams((await email.getAttribute('href'))!);
  expect(`${params.get('subject')}\n${params.get('body')}`).toContain(title);
  await expect(email).toBeFocused();
});

test('from the missing-page page, search by keyboard', async ({ page }) => {
  const response = await page.goto(firstOf('not-found'));
  expect(response?.status()).toBe(404);
  const field = page.getByRole('main').getByRole('combobox', { name: 'Search the help center' });
  await tabTo(page, field);
  await page.keyboard.type('track my order');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=track/);
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('main').getByRole('searchbox', { name: 'Search the help center' })).toHaveValue('track my order');
});

test('turn the dark theme on and off by keyboard, and it is remembered', async ({ page }) => {
  await page.goto(readSitemapPaths()[0]!);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'system');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  await tabTo(page, toggle);
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await theme()).toBe('dark');
  await expect(toggle).toBeFocused();

  await page.reload();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await theme()).toBe('dark');

  await tabTo(page, toggle);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await theme()).toBe('light');

  await page.reload();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await theme()).toBe('light');
});
