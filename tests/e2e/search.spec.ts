/**
 * The search page as customers use it, against the built site and its real
 * Pagefind index: typing, links to a query, history, the topic filter,
 * keyboard-only use, the "/" shortcut, what the live region says and when,
 * the hand-over to a person when nothing is found, search without
 * JavaScript or without its index, that other pages never download search
 * code, axe in both colour schemes, and a 320 px wide screen.
 */
import { expect, test, TEST_NOW } from '../helpers/browser-test.ts';
import type { Locator, Page } from '@playwright/test';
import { auditPage, formatReport, type PageFindings } from '../../src/node/audit/audit.ts';
import { basePath, guardPage, linkParams } from '../helpers/site.ts';

/** A query no article can match, and no word in the vocabulary is close to. */
const NONSENSE = 'xqzjvkw';
/** A query whose results span several topics, so the filter is offered. */
const BROAD = 'refund';
/** Category titles (content/categories), as the filter and result meta show them. */
const BILLING = 'Payments, refunds and invoices';
const CATEGORY_TITLES = [
  'Orders and delivery',
  'Your account and signing in',
  BILLING,
  'Servicing and repairs',
  'E-bikes and batteries',
  'Bike hire',
  'Getting help and accessibility',
];

const searchPath = (query?: string) => `${basePath()}search/${query === undefined ? '' : `?q=${encodeURIComponent(query)}`}`;
const articlePath = (slug: string) => `${basePath()}articles/${slug}/`;

/** The page's search field: the search page's own, or the header's elsewhere. */
const searchField = (page: Page) => page.getByRole('searchbox', { name: 'Search the help center' });
const statusRegion = (page: Page) => page.locator('[data-search-status]');
const resultList = (page: Page) => page.getByRole('list', { name: 'Results' });
const resultLinks = (page: Page) => resultList(page).getByRole('link');
const peopleSection = (page: Page) => page.getByRole('region', { name: 'Talk to a person' });
/** The summary that opens the topic filter (a <summary> has no role Playwright can name). */
const filterToggle = (page: Page) => page.locator('summary', { hasText: 'Filter by topic' });

/** "N results for “q”" exactly as the live region words it. */
function countText(count: number, query: string): string {
  return count === 1 ? `1 result for “${query}”` : `${count} results for “${query}”`;
}

/** The q parameter of the page's address. */
function addressQuery(page: Page): string | null {
  return new URL(page.url()).searchParams.get('q');
}

/** Waits until the live region has announced the results of `query`, and returns how many links are shown. */
async function waitForAnnouncement(page: Page, query: string): Promise<number> {
  await expect(statusRegion(page)).toContainText(`“${query}”`);
  return resultLinks(page).count();
}

/** A short description of the focused element, for messages and comparisons. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${name}`.trim();
  });
}

/** Whether the locator's element has keyboard focus. */
function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Starts recording every text the live region takes; read it with `statusLog`. */
async function recordStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const region = document.querySelector('[data-search-status]')!;
    const log: string[] = [];
    (window as unknown as { statusLog: string[] }).statusLog = log;
    new MutationObserver(() => log.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

function statusLog(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
}

/**
 * A dead end's people: two channels (which two follows the hours: open ones
 * first), one of them the email that takes the message, and the way to all
 * of them.
 */
async function expectTwoChannelsWithEmail(people: Locator): Promise<void> {
  await expect(people.locator('li.channel').filter({ visible: true })).toHaveCount(2);
  await expect(people.locator('a[href^="mailto:"]')).toBeVisible();
  await expect(people.getByRole('link', { name: /^All \d+ ways to reach us/ })).toHaveAttribute('href', `${basePath()}contact/`);
}

test.describe('search page', () => {
  test('typing shows results and keeps the address in step without adding history entries', async ({ page }) => {
    const guard = guardPage(page);
    await page.goto(searchPath());
    const entries = await page.evaluate(() => history.length);
    await searchField(page).pressSequentially('battery care', { delay: 40 });

    await expect(resultLinks(page).first()).toBeVisible();
    await expect(resultLinks(page).first()).toHaveText('Look after your e-bike battery');
    await expect.poll(() => addressQuery(page)).toBe('battery care');
    expect(await page.evaluate(() => history.length), 'typing replaces the history entry').toBe(entries);
    await waitForAnnouncement(page, 'battery care');
    expect(guard.take()).toEqual([]);
  });

  test('a ?q= link runs the search: title link, topic and date, and a highlighted excerpt', async ({ page }) => {
    await page.goto(searchPath('battery care'));
    await expect(searchField(page)).toHaveValue('battery care');
    const count = await waitForAnnouncement(page, 'battery care');
    await expect(statusRegion(page)).toHaveText(countText(count, 'battery care'));

    const first = resultList(page).getByRole('listitem').first();
    const link = first.getByRole('heading', { level: 3 }).getByRole('link');
    await expect(link).toHaveText('Look after your e-bike battery');
    await expect(link).toHaveAttribute('href', articlePath('look-after-your-e-bike-battery'));
    await expect(first.locator('.search-result__meta')).toHaveText(/^E-bikes and batteries · Updated \d{1,2} [A-Z][a-z]+ \d{4}$/);
    await expect(first.locator('.search-result__excerpt mark').first()).toBeVisible();
  });

  test('Back after opening a result returns to the same results', async ({ page }) => {
    await page.goto(searchPath());
    await searchField(page).pressSequentially('hire deposit', { delay: 40 });
    await waitForAnnouncement(page, 'hire deposit');
    await expect.poll(() => addressQuery(page)).toBe('hire deposit');
    const titles = await resultLinks(page).allTextContents();

    await resultLinks(page).first().click();
    await expect(page).toHaveURL(new RegExp(`${articlePath('hire-deposits')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[0]!);

    await page.goBack();
    expect(addressQuery(page)).toBe('hire deposit');
    await expect(searchField(page)).toHaveValue('hire deposit');
    await waitForAnnouncement(page, 'hire deposit');
    expect(await resultLinks(page).allTextContents()).toEqual(titles);
  });

  test('submitting adds a history entry, and Back and Forward run each query again', async ({ page }) => {
    await page.goto(searchPath(BROAD));
    await waitForAnnouncement(page, BROAD);
    const entries = await page.evaluate(() => history.length);

    // A customer who pauses before pressing Enter: the live results have
    // already put the new query in the address.
    await searchField(page).fill('battery');
    await expect.poll(() => addressQuery(page)).toBe('battery');
    await searchField(page).press('Enter');
    await expect.poll(() => page.evaluate(() => history.length)).toBe(entries + 1);
    await waitForAnnouncement(page, 'battery');

    await page.goBack();
    await expect.poll(() => addressQuery(page)).toBe(BROAD);
    await expect(searchField(page)).toHaveValue(BROAD);
    await waitForAnnouncement(page, BROAD);
    await expect(resultLinks(page).first()).toHaveText("When you'll get your refund");

    await page.goForward();
    await expect.poll(() => addressQuery(page)).toBe('battery');
    await expect(searchField(page)).toHaveValue('battery');
    await waitForAnnouncement(page, 'battery');

    // A customer who presses Enter straight away gets an entry too.
    await searchField(page).fill('warranty');
    await searchField(page).press('Enter');
    await expect.poll(() => page.evaluate(() => history.length)).toBe(entries + 2);
    await waitForAnnouncement(page, 'warranty');
    await page.goBack();
    await expect.poll(() => addressQuery(page)).toBe('battery');
    await waitForAnnouncement(page, 'battery');
  });

  test('a typo is searched as its likely correction, and the status says so', async ({ page }) => {
    await page.goto(searchPath('refnud'));
    await expect(statusRegion(page)).toHaveText(/^No results for “refnud”\. Showing \d+ results for “refund”\.$/);
    await expect(resultLinks(page).first()).toHaveText("When you'll get your refund");
    // The results already answer the correction: no "Did you mean" on top.
    await expect(page.getByText(/^Did you mean/)).toBeHidden();
    await expect(peopleSection(page)).toBeHidden();
    await expect(searchField(page)).toHaveValue('refnud');

    // A typo among known words: the rest of the question is kept.
    await page.goto(searchPath('cancle my order'));
    await expect(statusRegion(page)).toHaveText(/^No results for “cancle my order”\. Showing \d+ results for “cancel my order”\.$/);
    await expect(resultLinks(page).first()).toHaveText('Cancel your order');
  });

  test('a pasted paragraph is quoted shortened in what the status says; the field keeps all of it', async ({ page }) => {
    // The live region reads its whole sentence aloud: it used to read all 300 characters, twice (typed and corrected).
    const pasted = 'refnud '.repeat(43).trim();
    await page.goto(searchPath(pasted));
    const said = /^No results for “((?:refnud ){9,}refnud…)”\. Showing \d+ results for “((?:refund ){9,}refund…)”\.$/;
    await expect(statusRegion(page)).toHaveText(said);
    const [, typed = '', corrected = ''] = said.exec((await statusRegion(page).textContent()) ?? '') ?? [];
    expect(typed.length, 'each quote is at most 80 characters and "…"').toBeLessThanOrEqual(81);
    expect(corrected.length).toBeLessThanOrEqual(81);
    await expect(searchField(page)).toHaveValue(pasted);
    expect(new URL(page.url()).searchParams.get('q')).toBe(pasted);
  });

  test('a word with no close match finds nothing rather than pages matching a scrap of it', async ({ page }) => {
    // Pagefind retries an unknown word with shorter starts of it, so
    // "xqzjvkw" could match every page with an "x" word.
    await page.goto(searchPath(`${NONSENSE} refund`));
    const count = await waitForAnnouncement(page, `${NONSENSE} refund`);
    await expect(statusRegion(page)).toHaveText(`No article matches every word of “${NONSENSE} refund”. ${count} articles match some of them.`);
    await expect(resultLinks(page).first()).toHaveText("When you'll get your refund");
    await page.goto(searchPath(NONSENSE));
    await expect(statusRegion(page)).toHaveText(`No results for “${NONSENSE}”.`);
    await expect(resultList(page)).toBeHidden();
    await expect(peopleSection(page)).toBeVisible();
  });

  test('a half-typed word finds what it is the start of', async ({ page }) => {
    await page.goto(searchPath());
    await searchField(page).pressSequentially('accessib', { delay: 40 });
    await waitForAnnouncement(page, 'accessib');
    await expect(resultLinks(page).first()).toHaveText('Accessibility options and extra support');
  });

  test('the topic filter narrows the results and the status says so', async ({ page }) => {
    await page.goto(searchPath(BROAD));
    const total = await waitForAnnouncement(page, BROAD);
    const filter = page.locator('details').filter({ has: filterToggle(page) });
    await expect(filter).toBeVisible();
    await filterToggle(page).click();
    const boxes = filter.getByRole('checkbox');
    expect(await boxes.count(), 'one box per topic among the results').toBeGreaterThanOrEqual(2);

    const billing = filter.getByRole('checkbox', { name: new RegExp(`^${BILLING} \\(\\d+\\)$`) });
    const label = (await billing.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '')).trim();
    const inBilling = Number(/\((\d+)\)$/.exec(label)![1]);
    expect(inBilling).toBeLessThan(total);
    await billing.check();

    await expect(resultLinks(page)).toHaveCount(inBilling);
    for (const meta of await resultList(page).locator('.search-result__meta').allTextContents()) expect(meta.startsWith(`${BILLING} ·`)).toBe(true);
    await expect(statusRegion(page)).toHaveText(`${countText(total, BROAD)} ${inBilling} of ${total} results shown, filtered by topic.`);

    await billing.uncheck();
    await expect(resultLinks(page)).toHaveCount(total);
    await expect(statusRegion(page)).toHaveText(countText(total, BROAD));
  });

  test('keyboard only: Tab to the field, type, arrows through the results, Enter opens the article', async ({ page }) => {
    await page.goto(searchPath());
    const field = searchField(page);
    for (let presses = 0; !(await hasFocus(field)); presses++) {
      expect(presses, 'the search field is reached by Tab').toBeLessThan(15);
      await page.keyboard.press('Tab');
      expect(await describeFocus(page), 'focus is never lost').not.toBe('body');
    }

    await expect(field, 'the arrow keys are announced with the field').toHaveAccessibleDescription('Use the down arrow to move from the search field to the results.');

    await page.keyboard.type('reset password', { delay: 30 });
    await waitForAnnouncement(page, 'reset password');
    expect(await hasFocus(field), 'results do not steal focus').toBe(true);
    const links = resultLinks(page);
    expect(await links.count()).toBeGreaterThanOrEqual(2);

    const steps: [key: string, target: Locator][] = [
      ['ArrowDown', links.nth(0)],
      ['ArrowDown', links.nth(1)],
      ['ArrowUp', links.nth(0)],
      ['ArrowUp', field],
      ['ArrowDown', links.nth(0)],
      ['Escape', field],
      ['ArrowDown', links.nth(0)],
    ];
    for (const [key, target] of steps) {
      await page.keyboard.press(key);
      expect(await hasFocus(target), `after ${key}, focus should be on ${await target.evaluate((el) => el.outerHTML.slice(0, 80))} but is on ${await describeFocus(page)}`).toBe(true);
    }
    // The field kept what was typed through all of it.
    await expect(field).toHaveValue('reset password');

    const title = (await links.nth(0).textContent())!;
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${articlePath('reset-your-password')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('"/" and Ctrl+K on the search page focus its own field, but not while typing in a field', async ({ page }) => {
    await page.goto(searchPath());
    const field = searchField(page);
    await expect(field).toHaveAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    await expect(field).toBeFocused();
    await expect(field, 'the "/" itself is not typed').toHaveValue('');
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+k');
    await expect(field).toBeFocused();
    // The header's combobox and a text area: tests/e2e/search-combobox.spec.ts.
  });

  test('the live region stays quiet while typing and announces once typing pauses', async ({ page }) => {
    // The page's clock only moves when the test says so: the pauses between
    // keys are exact however busy the machine is. Searching itself still
    // runs in real time, so results can arrive after the next key, as they
    // do for real.
    await page.clock.install({ time: TEST_NOW });
    await page.goto(searchPath());
    await page.clock.pauseAt(TEST_NOW.getTime() + 5_000);
    const status = statusRegion(page);
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await recordStatus(page);
    const field = searchField(page);
    const typeSlowly = async (text: string, said: string) => {
      for (const key of text) {
        await field.press(key);
        expect(await status.textContent(), `straight after typing "${key}"`).toBe(said);
        await page.clock.runFor(350); // past the 200 ms results pause, short of the 800 ms announcement pause
      }
    };

    // Slow typing: results update between keys, but nothing is said.
    await typeSlowly('battery', '');
    await expect(resultLinks(page).first()).toBeVisible();
    expect(await status.textContent(), 'still quiet before the 800 ms pause').toBe('');
    await page.clock.runFor(1_000); // "about 800 ms" after the last key
    const count = await waitForAnnouncement(page, 'battery');
    await expect(status).toHaveText(countText(count, 'battery'));
    expect(await statusLog(page), 'one announcement for the whole word').toEqual([countText(count, 'battery')]);

    // A second query: the first announcement stays until the pause, even for
    // half-typed words that are searched as a correction.
    await recordStatus(page);
    await field.press('ControlOrMeta+a');
    await typeSlowly('recipt', countText(count, 'battery'));
    await page.clock.runFor(1_000); // "about 800 ms" after the last key
    await expect(status).toHaveText(/^No results for “recipt”\. Showing \d+ results for “receipt”\.$/);
    const said = await statusLog(page);
    expect(said.length, `announcements: ${JSON.stringify(said)}`).toBeLessThanOrEqual(2);
    for (const text of said) expect(text, 'nothing is said about a half-typed query').toContain('“recipt”');
  });

  test('nonsense is announced as no results', async ({ page }) => {
    await page.goto(searchPath());
    await searchField(page).pressSequentially(NONSENSE, { delay: 30 });
    await expect(statusRegion(page)).toHaveText(`No results for “${NONSENSE}”.`);
    await expect(resultList(page)).toBeHidden();
  });

  test('no results puts the people first, and the email carries the query, whatever the hour', async ({ page }) => {
    await page.goto(searchPath(NONSENSE));
    await expect(statusRegion(page)).toHaveText(`No results for “${NONSENSE}”.`);
    const people = peopleSection(page);
    await expect(people).toBeVisible();
    await expect(people).toContainText(`We could not find an answer for “${NONSENSE}”.`);
    const isBeforeResults = await people.evaluate(
      (section) => Boolean(section.compareDocumentPosition(document.querySelector('[data-search-results]')!) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    expect(isBeforeResults, 'the people section comes before the results in reading order').toBe(true);

    await expectTwoChannelsWithEmail(people);
    // The channels open now come first, but the email stays among them, and its message holds the search (so does every other message link's).
    for (const link of await people.locator('a[data-message-kind]').all()) {
      await expect.poll(async () => linkParams((await link.getAttribute('href')) ?? '').get('body') ?? '').toContain(`"${NONSENSE}" (no results)`);
    }

    await expect(people.getByRole('link', { name: 'All articles A–Z' })).toHaveAttribute('href', `${basePath()}a-z/`);
    for (const title of CATEGORY_TITLES) await expect(people.getByRole('link', { name: title, exact: true })).toBeVisible();
  });

  test('the search field on an article page leads to the search page', async ({ page }) => {
    await page.goto(articlePath('get-a-refund'));
    const field = page.getByRole('banner').getByRole('combobox', { name: 'Search the help center' });
    await field.fill('track my order');
    await field.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === searchPath() && url.searchParams.get('q') === 'track my order');
    await waitForAnnouncement(page, 'track my order');
    await expect(resultLinks(page).first()).toHaveText('Track your order');
  });
});

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('says search needs JavaScript and links to A–Z and every topic', async ({ page }) => {
    await page.goto(searchPath(BROAD));
    const message = page.getByText('Search needs JavaScript, which is turned off or did not load.', { exact: false });
    await expect(message).toBeVisible();
    const fallback = page.locator('[data-search-fallback]');
    await expect(fallback.getByRole('link', { name: 'All articles A–Z' })).toHaveAttribute('href', `${basePath()}a-z/`);
    for (const title of CATEGORY_TITLES) await expect(fallback.getByRole('link', { name: title, exact: true })).toBeVisible();
    await expect(resultList(page)).toBeHidden();
    await expect(peopleSection(page)).toBeHidden();
  });
});

test.describe('search when part of it cannot load', () => {
  // A service worker would answer from its cache, out of page.route's reach.
  test.use({ serviceWorkers: 'block' });

  test('search still works when the word list for "Did you mean" cannot load', async ({ page }) => {
    await page.route('**/search-words.json', (route) => route.abort());
    await page.goto(searchPath(BROAD));
    const count = await waitForAnnouncement(page, BROAD);
    expect(count).toBeGreaterThan(0);
    await expect(statusRegion(page)).toHaveText(countText(count, BROAD));
  });

  test('says search is not working and offers the people', async ({ page }) => {
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(searchPath(BROAD));
    const unavailable = 'Search is not working right now. You can still find every article in the A–Z list or by topic, or talk to a person.';
    await expect(statusRegion(page)).toHaveText(unavailable);
    const people = peopleSection(page);
    await expect(people).toBeVisible();
    await expect(people.getByText(unavailable)).toBeVisible();
    await expect(people.getByText(/We could not find an answer/)).toBeHidden();
    await expectTwoChannelsWithEmail(people);
    await expect(people.getByRole('link', { name: 'All articles A–Z' })).toBeVisible();
    await expect(resultList(page)).toBeHidden();
    // The no-JavaScript message would be wrong here: the script did run.
    await expect(page.getByText(/Search needs JavaScript/)).toBeHidden();

    // Typing again does not pretend otherwise.
    await searchField(page).fill('battery');
    await page.waitForTimeout(1_000);
    await expect(statusRegion(page)).toHaveText(unavailable);
    await expect(people).toBeVisible();
  });

  test('a slow index says "Searching…", then the count, and nothing while the reader types', async ({ page }) => {
    // A phone on a slow connection: every part of the index takes two and a half seconds to arrive.
    await page.route('**/pagefind/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await route.continue();
    });
    const said: string[] = [];
    await page.exposeFunction('noteStatus', (text: string) => said.push(text));
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const status = document.querySelector('[data-search-status]')!;
        new MutationObserver(() => (window as unknown as { noteStatus(text: string): void }).noteStatus(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
      });
    });
    await page.goto(searchPath(BROAD));
    await expect(statusRegion(page)).toHaveText('Searching…');
    await expect(resultList(page)).toBeHidden();
    // Pagefind, its wasm, the index and each result's fragment arrive one after another, each late.
    await expect(statusRegion(page)).toContainText(`“${BROAD}”`, { timeout: 30_000 });
    const count = await resultLinks(page).count();
    await expect(statusRegion(page)).toHaveText(countText(count, BROAD));
    expect(said.filter((text) => text).slice(0, 2)).toEqual(['Searching…', countText(count, BROAD)]);

    // Typing on, a key every 0.4 s, each starting a slow search: nothing is said until the typing stops.
    said.length = 0;
    await searchField(page).fill('');
    await searchField(page).pressSequentially('battery', { delay: 400 });
    expect(said.filter((text) => text), 'said while typing').toEqual([]);
    await expect(statusRegion(page)).toContainText('“battery”', { timeout: 30_000 });
  });

  /** A start that fails, a second's pause and a start again, on a loaded CI machine. */
  const RETRIED_START = 20_000;

  // After about 124 search pages in one Chromium tab, a new page's Pagefind
  // could not get WebAssembly memory until earlier pages' was collected
  // (DEVELOPERS.md, How search works). Here the browser refuses it on demand.
  test('a start of search that fails is retried after a pause', async ({ page }) => {
    await refuseWebAssembly(page, 1);
    await page.goto(searchPath(BROAD));
    // The retry waits a second first; a loaded machine needs longer than the usual 5 s.
    await expect(statusRegion(page)).toContainText(`“${BROAD}”`, { timeout: RETRIED_START });
    await expect(resultLinks(page).first()).toBeVisible();
    expect(await instantiations(page)).toEqual({ refused: 1, made: 1 });
  });

  test('when the retry fails too, the next search starts search afresh', async ({ page }) => {
    await refuseWebAssembly(page, 2);
    await page.goto(searchPath(BROAD));
    await expect(statusRegion(page)).toHaveText(/^Search is not working right now/, { timeout: RETRIED_START });
    expect(await instantiations(page)).toEqual({ refused: 2, made: 0 });
    // Not failing for as long as the page stays open.
    await searchField(page).fill('battery');
    await expect(statusRegion(page)).toContainText('“battery”', { timeout: RETRIED_START });
    await expect(resultLinks(page).first()).toBeVisible();
    expect(await instantiations(page)).toEqual({ refused: 2, made: 1 });
  });
});

/**
 * The page, and every page the tab loads after it, refuses its first `count` WebAssembly
 * instantiations with the error Chromium gives when it has no memory for one.
 */
async function refuseWebAssembly(page: Page, count: number): Promise<void> {
  await page.addInitScript((refuse) => {
    const counts = { refused: 0, made: 0 };
    (window as unknown as { __instantiations: typeof counts }).__instantiations = counts;
    const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (...args: unknown[]) => Promise<unknown>;
    (WebAssembly as unknown as { instantiate: (...args: unknown[]) => Promise<unknown> }).instantiate = (...args) => {
      if (counts.refused < refuse) {
        counts.refused++;
        return Promise.reject(new RangeError('WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new instance'));
      }
      counts.made++;
      return instantiate(...args);
    };
  }, count);
}

async function instantiations(page: Page): Promise<{ refused: number; made: number }> {
  return page.evaluate(() => ({ ...(window as unknown as { __instantiations: { refused: number; made: number } }).__instantiations }));
}

// What the page's own code asks for. The service worker's precache for
// offline use is a separate, deliberate download and is not counted here.
test('an article page downloads no search code before interaction, and never the search page\'s', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const scriptBodies = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scriptBodies.set(response.url(), response.text().catch(() => ''));
  });

  await page.goto(searchPath(BROAD));
  await waitForAnnouncement(page, BROAD);
  await page.waitForLoadState('networkidle');
  const searchScripts = [...scriptBodies.keys()];
  const searchChunks: string[] = [];
  // The script that defines <handrail-search> (the name quoted whole: other elements' names start the same).
  for (const [url, body] of scriptBodies) if (/["'`]handrail-search["'`]/.test(await body)) searchChunks.push(url);
  expect(searchChunks, `the search page's own script, among ${searchScripts.join(', ')}`).not.toEqual([]);
  expect(requested.some((url) => new URL(url).pathname.startsWith(`${basePath()}pagefind/`)), 'the search page loads the index').toBe(true);

  requested.length = 0;
  await page.goto(articlePath('get-a-refund'));
  await page.waitForLoadState('networkidle');
  const fromArticle = requested.filter((url) => new URL(url).pathname.startsWith(`${basePath()}pagefind/`) || searchChunks.includes(url));
  expect(fromArticle, 'search code requested by an article page before any interaction').toEqual([]);
  // Typing in the header loads the suggestions and the index (search-combobox.spec.ts), never the search page's script.
  await page.keyboard.press('/');
  await page.keyboard.type('refund');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => searchChunks.includes(url)), "the search page's script, from an article page").toEqual([]);
  const searchOnly = searchScripts.filter((url) => !requested.includes(url));
  expect(searchOnly, 'scripts only the search page loads').toEqual(expect.arrayContaining(searchChunks));
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing with results, with no results and with the filter open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const findings: PageFindings[] = [];
    const audit = async (state: string) => {
      const pagePath = new URL(page.url()).pathname;
      const violations = await auditPage(page, pagePath);
      if (violations.length) findings.push({ path: `${pagePath} (${state})`, theme: colorScheme, width: 1280, violations });
    };

    await page.goto(searchPath(BROAD));
    await waitForAnnouncement(page, BROAD);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    await audit('results');

    await filterToggle(page).click();
    await page.getByRole('checkbox', { name: new RegExp(`^${BILLING}`) }).check();
    await expect(statusRegion(page)).toContainText('filtered by topic');
    await audit('filter open');

    await page.goto(searchPath(NONSENSE));
    await expect(statusRegion(page)).toHaveText(`No results for “${NONSENSE}”.`);
    await expect(peopleSection(page)).toBeVisible();
    await audit('no results');

    await page.goto(searchPath('refnud'));
    await expect(statusRegion(page)).toContainText('Showing');
    await audit('corrected typo');

    expect(findings, formatReport(findings)).toEqual([]);
  });
}

test('at 320 px wide the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  await page.goto(searchPath(BROAD));
  await waitForAnnouncement(page, BROAD);
  await filterToggle(page).click();
  expect(await overflow(), 'results with the filter open').toBeLessThanOrEqual(0);

  await page.goto(searchPath(NONSENSE));
  await expect(peopleSection(page)).toBeVisible();
  expect(await overflow(), 'no results').toBeLessThanOrEqual(0);
});
