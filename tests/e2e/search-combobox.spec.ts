/**
 * The header search's suggestions (WAI-ARIA APG combobox with a listbox
 * popup) on the built site and its real index: a keyboard-only journey, the
 * order of the options, what the live region says and when, Escape putting
 * the typed text back, the hand-over to a person, the shortcuts (and not
 * while typing elsewhere), search code loaded only on focus, no JavaScript,
 * axe with the list open in both colour schemes, and 320 px.
 */
import { expect, test, TEST_NOW } from '../helpers/browser-test.ts';
import type { Page } from '@playwright/test';
import { auditPage, formatReport } from '../../src/node/audit/audit.ts';
import { basePath, guardPage, linkParams } from '../helpers/site.ts';

const NONSENSE = 'xqzjvkw';
const articlePath = (slug: string) => `${basePath()}articles/${slug}/`;
const ARTICLE = articlePath('get-a-refund');
const LABEL = 'Search the help center';

const combobox = (page: Page) => page.getByRole('banner').getByRole('combobox', { name: LABEL });
const listbox = (page: Page) => page.getByRole('listbox', { name: LABEL });
const options = (page: Page) => listbox(page).getByRole('option');
const status = (page: Page) => page.locator('handrail-search-combobox [role="status"]');

/** Types a query and waits until the list shows the options for exactly it. */
async function typeQuery(page: Page, query: string): Promise<void> {
  await combobox(page).pressSequentially(query, { delay: 30 });
  await expect(listbox(page)).toBeVisible();
  await expect(listbox(page)).toHaveAttribute('data-query', query);
}

/**
 * {@link typeQuery} with the page's clock paused. Pagefind waits for its
 * WebAssembly by polling on a timer (`asyncSleep(50)` in pagefind.js), so on
 * a busy machine, where it is not ready when the first query comes, a paused
 * clock kept the suggestions from ever showing (one CI run). The clock is
 * moved on in 25 ms steps until they show for the whole query: 500 ms at most, less than the
 * 700 ms pause after which the count is announced, so the test still sees
 * the list before any announcement. On a quiet machine no step is needed.
 */
async function typeQueryWithClockPaused(page: Page, query: string): Promise<void> {
  await combobox(page).pressSequentially(query, { delay: 30 });
  const shows = () => page.evaluate((q) => { const list = document.querySelector<HTMLElement>('[data-listbox]'); return !!list && !list.hidden && list.dataset.query === q; }, query);
  for (let step = 0; step < 20 && !(await shows()); step++) {
    await page.clock.runFor(25);
    await page.waitForTimeout(150);
  }
  await expect(listbox(page)).toBeVisible();
  await expect(listbox(page)).toHaveAttribute('data-query', query);
}

/** The option texts as a screen reader gets them (accessible names). */
async function optionNames(page: Page): Promise<string[]> {
  return options(page).evaluateAll((items) => items.map((item) => item.textContent ?? ''));
}

test.describe('header search suggestions', () => {
  test('keyboard only: "/" to the field, type, arrow to a suggestion, Enter opens it', async ({ page }) => {
    const guard = guardPage(page);
    await page.goto(ARTICLE);
    const field = combobox(page);
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await expect(field).toHaveAttribute('aria-autocomplete', 'list');
    await page.keyboard.press('/');
    await expect(field).toBeFocused();
    await page.keyboard.type('reset password', { delay: 30 });
    await expect(listbox(page)).toHaveAttribute('data-query', 'reset password');
    await expect(field).toHaveAttribute('aria-expanded', 'true');
    await expect(field).toHaveAttribute('aria-controls', (await listbox(page).getAttribute('id'))!);
    expect(await field.getAttribute('aria-activedescendant'), 'no option is active before the arrows').toBeNull();

    await page.keyboard.press('ArrowDown');
    const first = options(page).first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(field).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
    const title = (await first.locator('.header-search__title').textContent())!;
    await expect(field, 'the active suggestion shows in the field').toHaveValue(title);
    await expect(field, 'focus stays in the field').toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${articlePath('reset-your-password')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    expect(guard.take()).toEqual([]);
  });

  test('suggestions show title and topic; "See all results" and "Talk to a person" are always the last two', async ({ page }) => {
    await page.goto(ARTICLE);
    await combobox(page).focus();
    await typeQuery(page, 'battery');
    const names = await optionNames(page);
    expect(names.length, 'a few articles and the two ways on').toBeGreaterThan(2);
    expect(names.length).toBeLessThanOrEqual(7);
    expect(names.slice(-2)).toEqual(['See all results for “battery”', 'Talk to a person']);
    const articles = options(page).filter({ has: page.locator('.header-search__title') });
    await expect(articles).toHaveCount(names.length - 2);
    await expect(articles.first().locator('.header-search__title')).toHaveText('Look after your e-bike battery');
    await expect(articles.first().locator('.header-search__category')).toHaveText('E-bikes and batteries');
    // Screen readers hear title and topic apart.
    await expect(articles.first()).toHaveAccessibleName(/^Look after your e-bike battery ?, E-bikes and batteries$/);

    await combobox(page).fill('');
    await typeQuery(page, NONSENSE);
    expect(await optionNames(page), 'nothing found still leads on').toEqual([`See all results for “${NONSENSE}”`, 'Talk to a person']);

    // Only small words so far: no articles yet, the two ways on at once.
    await combobox(page).fill('');
    await typeQuery(page, 'how do i');
    expect(await optionNames(page)).toEqual(['See all results for “how do i”', 'Talk to a person']);
    await combobox(page).pressSequentially(' track', { delay: 30 });
    await expect(listbox(page)).toHaveAttribute('data-query', 'how do i track');
    await expect(options(page).first()).toContainText('Track your order');

    // A pasted paragraph: the options and the count quote it shortened (the field and the search page get all of it).
    const pasted = 'battery '.repeat(40).trim();
    await combobox(page).fill(pasted);
    await expect(listbox(page)).toHaveAttribute('data-query', pasted);
    const seeAll = (await optionNames(page)).at(-2) ?? '';
    expect(seeAll).toMatch(/^See all results for “(battery ){9,}battery…”$/);
    expect(seeAll.length).toBeLessThanOrEqual('See all results for “”'.length + 81);
    await expect(status(page)).toHaveText(/^\d+ suggestions? for “(battery ){9,}battery…”$/);
  });

  test('arrows wrap, Home and End jump while an option is active, Enter on "See all results" opens the search page', async ({ page }) => {
    await page.goto(ARTICLE);
    const field = combobox(page);
    await field.focus();
    await typeQuery(page, 'refund');
    const count = await options(page).count();
    await page.keyboard.press('ArrowUp');
    await expect(options(page).nth(count - 1), 'Up from the field goes to the last option').toHaveAttribute('aria-selected', 'true');
    await expect(field, 'the typed text stays for "Talk to a person"').toHaveValue('refund');
    await page.keyboard.press('ArrowDown');
    await expect(options(page).first(), 'Down from the last wraps to the first').toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('End');
    await expect(options(page).nth(count - 1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
    await expect(listbox(page).locator('[aria-selected="true"]')).toHaveCount(1);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await expect(options(page).nth(count - 2)).toHaveText('See all results for “refund”');
    await expect(options(page).nth(count - 2)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === `${basePath()}search/` && url.searchParams.get('q') === 'refund');
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('link').first()).toBeVisible();
  });

  test('Enter with no active option submits to the search page', async ({ page }) => {
    await page.goto(ARTICLE);
    await combobox(page).focus();
    await typeQuery(page, 'track my order');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === `${basePath()}search/` && url.searchParams.get('q') === 'track my order');
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('link').first()).toHaveText('Track your order');
  });

  test('Escape closes the list and puts back what was typed', async ({ page }) => {
    await page.goto(ARTICLE);
    const field = combobox(page);
    await field.focus();
    await typeQuery(page, 'refund');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(field).not.toHaveValue('refund');
    await page.keyboard.press('Escape');
    await expect(listbox(page)).toBeHidden();
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await expect(field).toHaveValue('refund');
    expect(await field.getAttribute('aria-activedescendant')).toBeNull();
    await expect(field).toBeFocused();
    // Down opens it again, on the first suggestion.
    await page.keyboard.press('ArrowDown');
    await expect(listbox(page)).toBeVisible();
    await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
    // Leaving the field closes it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(listbox(page)).toBeHidden();
  });

  test('the count is announced politely once typing pauses, never while typing', async ({ page }) => {
    await page.clock.install({ time: TEST_NOW });
    await page.goto(ARTICLE);
    await page.clock.pauseAt(TEST_NOW.getTime() + 5_000);
    const region = status(page);
    await expect(region).toHaveAttribute('role', 'status');
    await expect(region).toHaveAttribute('aria-live', 'polite');
    await combobox(page).focus();
    await typeQueryWithClockPaused(page, 'refund');
    // The results are shown, and the page's clock has moved less than the pause: no announcement yet.
    await expect(region).toHaveText('');
    await page.clock.runFor(300);
    await combobox(page).press('s');
    await expect(listbox(page)).toHaveAttribute('data-query', 'refunds');
    await page.clock.runFor(500);
    await expect(region, 'a pause shorter than the announcement pause, counted from the last key').toHaveText('');
    await page.clock.runFor(300);
    const shown = (await options(page).count()) - 2;
    await expect(region).toHaveText(shown === 1 ? '1 suggestion for “refunds”' : `${shown} suggestions for “refunds”`);

    await combobox(page).fill('');
    await combobox(page).pressSequentially(NONSENSE);
    await expect(listbox(page)).toHaveAttribute('data-query', NONSENSE);
    await page.clock.runFor(800);
    await expect(region).toHaveText(`No suggestions for “${NONSENSE}”. You can still see all results or talk to a person.`);
  });

  test('"Talk to a person" opens the contact page with the query in the message', async ({ page }) => {
    await page.goto(ARTICLE);
    await combobox(page).focus();
    await typeQuery(page, NONSENSE);
    await page.keyboard.press('End'); // no option active yet: End stays in the text
    await expect(listbox(page).locator('[aria-selected="true"]')).toHaveCount(0);
    await page.keyboard.press('ArrowUp');
    await expect(options(page).last()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === `${basePath()}contact/`);
    const email = page.getByRole('main').locator('a[href^="mailto:"]').first();
    await expect.poll(async () => linkParams((await email.getAttribute('href')) ?? '').get('body') ?? '').toContain(`"${NONSENSE}"`);
  });

  test('a pointer can choose a suggestion without the list closing first', async ({ page }) => {
    await page.goto(ARTICLE);
    await combobox(page).click();
    await typeQuery(page, 'battery');
    await options(page).first().click();
    await expect(page).toHaveURL(new RegExp(`${articlePath('look-after-your-e-bike-battery')}$`));
  });
});

test('the home page and the missing page suggest too, from their own search field', async ({ page }) => {
  for (const path of [basePath(), `${basePath()}no-such-page/`]) {
    await page.goto(path);
    const field = page.getByRole('main').getByRole('combobox', { name: LABEL });
    await expect(page.getByRole('banner').getByRole('combobox'), 'one search field on the page').toHaveCount(0);
    await page.keyboard.press('Control+k');
    await expect(field).toBeFocused();
    await field.pressSequentially('track my order', { delay: 30 });
    const list = page.getByRole('listbox', { name: LABEL });
    await expect(list).toHaveAttribute('data-query', 'track my order');
    await expect(list.getByRole('option').first()).toContainText('Track your order');
  }
});

test.describe('search shortcuts', () => {
  test('Ctrl+K, ⌘K and "/" focus the header search, and aria-keyshortcuts says so', async ({ page }) => {
    await page.goto(ARTICLE);
    const field = combobox(page);
    await expect(field).toHaveAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
    for (const keys of ['Control+k', 'Meta+k', '/']) {
      await page.getByRole('heading', { level: 1 }).click();
      await expect(field).not.toBeFocused();
      await page.keyboard.press(keys);
      await expect(field, keys).toBeFocused();
      await expect(field, `${keys} is not typed`).toHaveValue('');
    }
    await page.getByRole('heading', { level: 1 }).click();
    for (const keys of ['Control+/', 'Alt+/', 'Alt+Control+k']) {
      await page.keyboard.press(keys);
      await expect(field, `${keys} is not a shortcut`).not.toBeFocused();
    }
  });

  test('not while typing in a text area', async ({ page }) => {
    await page.goto(ARTICLE);
    const field = combobox(page);
    await page.getByText('Check the message we will prefill').click();
    const message = page.getByRole('textbox', { name: 'Your message' });
    await message.click();
    await message.press('ControlOrMeta+End');
    await page.keyboard.type(' a/b');
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Meta+k');
    await expect(message).toBeFocused();
    await expect(message).toHaveValue(/ a\/b$/);
    await expect(field).toHaveValue('');
  });

  test('the shortcut hint shows on a wide screen with a pointer and hides at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(ARTICLE);
    const hint = page.locator('.header-search__hint');
    await expect(hint).toBeVisible();
    await expect(hint).toHaveText('/');
    await combobox(page).focus();
    await expect(hint, 'hidden while the field is in use').toBeHidden();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.getByRole('heading', { level: 1 }).click();
    await expect(hint).toBeHidden();
  });
});

test('an article page fetches no search code until the field takes focus, then the index', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(ARTICLE);
  await page.waitForLoadState('networkidle');
  const isSearchCode = (path: string) => path.startsWith(`${basePath()}pagefind/`) || /search-(suggestions|engine)/.test(path);
  expect(requested.filter(isSearchCode), 'before any interaction').toEqual([]);
  await combobox(page).focus();
  await expect.poll(() => requested.filter((path) => /\/pagefind\/(pagefind\.js|wasm\.[\w-]+\.pagefind)$/.test(path)).length, 'Pagefind and its wasm, on focus').toBeGreaterThanOrEqual(2);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the header search is a plain form that submits to the search page', async ({ page }) => {
    await page.goto(ARTICLE);
    const field = page.getByRole('banner').getByRole('searchbox', { name: LABEL });
    await expect(field).not.toHaveAttribute('role', 'combobox');
    await expect(field).not.toHaveAttribute('aria-expanded', /.*/);
    await field.fill('track my order');
    await field.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === `${basePath()}search/` && url.searchParams.get('q') === 'track my order');
  });
});

test('a slow index opens the list with "See all results" and "Talk to a person" and says "Searching…", then the articles come first', async ({ page }) => {
  // A phone on a slow connection: every part of the index takes two and a half seconds to arrive.
  await page.route('**/pagefind/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue();
  });
  await page.goto(ARTICLE);
  await combobox(page).focus();
  await combobox(page).pressSequentially('refund', { delay: 30 });
  await expect(listbox(page)).toBeVisible();
  await expect(listbox(page)).toHaveAttribute('data-searching', '');
  expect(await optionNames(page)).toEqual(['See all results for “refund”', 'Talk to a person']);
  await expect(status(page)).toHaveText('Searching…');
  // The way to a person works while the articles are still on their way.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(combobox(page)).toHaveAttribute('aria-activedescendant', /-1$/);

  await expect(listbox(page)).toHaveAttribute('data-query', 'refund', { timeout: 30_000 });
  await expect(listbox(page)).not.toHaveAttribute('data-searching');
  const names = await optionNames(page);
  expect(names.length).toBeGreaterThan(2);
  expect(names.slice(-2)).toEqual(['See all results for “refund”', 'Talk to a person']);
  await expect(status(page)).toHaveText(`${names.length - 2} suggestion${names.length === 3 ? '' : 's'} for “refund”`);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing with the suggestions open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(ARTICLE);
    await combobox(page).focus();
    await typeQuery(page, 'refund');
    await page.keyboard.press('ArrowDown');
    const pagePath = new URL(page.url()).pathname;
    const violations = await auditPage(page, pagePath);
    expect(violations, formatReport([{ path: `${pagePath} with the suggestions open`, theme: colorScheme, width: 1280, violations }])).toEqual([]);
  });
}

test('at 320 px wide the open list fits without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(ARTICLE);
  await combobox(page).focus();
  await typeQuery(page, 'how do i change the battery on my e-bike');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = (await listbox(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
});
