/**
 * Screen-reader journeys, with Guidepup's Virtual Screen Reader running in
 * the page (bundled for the browser here; the page's Content-Security-Policy
 * is bypassed for the test only). What a screen-reader user hears is
 * asserted as spoken phrases:
 * - on an article: the h1, then "Talk to a person" by landmark and by
 *   heading, then each channel's name and its open/closed status;
 * - on search: the result count, announced by the live region;
 * - on a search with no results: the count, then the hand-over to people.
 * The clock is fixed on a Wednesday morning in London, when the demo's
 * phone lines and chat are open.
 */
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { expect, test } from '../helpers/browser-test.ts';
import type { Page } from '@playwright/test';
import { readChannels, readSitemapPaths } from '../helpers/site.ts';

test.use({ serviceWorkers: 'block', bypassCSP: true, timezoneId: 'Europe/London', locale: 'en-GB' });

let bundle = '';
test.beforeAll(async () => {
  const entry = createRequire(import.meta.url).resolve('@guidepup/virtual-screen-reader/package.json').replace(/package\.json$/, 'lib/esm/index.browser.js');
  const result = await build({
    stdin: { contents: `import { virtual } from ${JSON.stringify(entry)}; window.__virtual = virtual;`, resolveDir: process.cwd() },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
});

type Command = 'moveToNextHeadingLevel1' | 'moveToNextHeadingLevel2' | 'moveToNextComplementary' | 'moveToNextLandmark';

/** Starts the virtual screen reader on the page's body. */
async function startReader(page: Page): Promise<void> {
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => (window as unknown as { __virtual: { start(o: object): Promise<void> } }).__virtual.start({ container: document.body }));
}

/** Runs reader commands in the page and returns what was spoken since the last call. */
async function hear(page: Page, steps: Array<Command | 'next'>): Promise<string[]> {
  return page.evaluate(async (steps) => {
    const v = (window as unknown as { __virtual: { perform(c: string): Promise<void>; next(): Promise<void>; spokenPhraseLog(): Promise<string[]>; clearSpokenPhraseLog(): Promise<void>; commands: Record<string, string> } }).__virtual;
    await v.clearSpokenPhraseLog();
    for (const step of steps) {
      if (step === 'next') await v.next();
      else await v.perform(v.commands[step]!);
    }
    return v.spokenPhraseLog();
  }, steps);
}

/**
 * Moves by `command` (at most `max` times) until the reader says `target`,
 * then reads on `then` items; returns everything spoken on the way.
 */
async function hearUntil(page: Page, command: Command, target: string, then = 0, max = 40): Promise<string[]> {
  return page.evaluate(
    async ({ command, target, then, max }) => {
      const v = (window as unknown as { __virtual: { perform(c: string): Promise<void>; next(): Promise<void>; lastSpokenPhrase(): Promise<string>; spokenPhraseLog(): Promise<string[]>; clearSpokenPhraseLog(): Promise<void>; commands: Record<string, string> } }).__virtual;
      await v.clearSpokenPhraseLog();
      for (let i = 0; i < max && !(await v.lastSpokenPhrase()).includes(target); i++) await v.perform(v.commands[command]!);
      for (let i = 0; i < then; i++) await v.next();
      return v.spokenPhraseLog();
    },
    { command, target, then, max },
  );
}

async function stopReader(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __virtual: { stop(): Promise<void> } }).__virtual.stop());
}

test('on an article: the h1, then "Talk to a person" by landmark and heading, each channel with its status', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-25T10:00:00Z'));
  await page.goto(readSitemapPaths().find((p) => p.includes('/articles/'))!);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await expect(page.locator('#contact-panel [data-status]').first()).not.toBeEmpty();
  await startReader(page);

  // The first heading of level 1 is the article's title.
  expect(await hearUntil(page, 'moveToNextHeadingLevel1', 'heading,')).toContain(`heading, ${title}, level 1`);
  // By landmark: the panel is a complementary landmark named "Talk to a person".
  expect((await hear(page, ['moveToNextComplementary'])).at(-1)).toBe('complementary, Talk to a person');
  // Reading on: the heading, then each channel's name and its status, then its action.
  const spoken = (await hear(page, Array.from({ length: 30 }, () => 'next' as const))).join(' | ');
  expect(spoken).toContain('heading, Talk to a person, level 2');
  const top = await page.locator('#contact-panel [data-channels-top] > li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.channel!));
  const labels = new Map(readChannels().map((c) => [c.id, c.label]));
  for (const id of top) {
    const status = (await page.locator(`#contact-panel li[data-channel="${id}"] .channel__status`).textContent())!.trim();
    expect(spoken, `${id}: name then status`).toContain(`${labels.get(id)} | ${status}`);
  }
  expect(spoken).toMatch(/Open now, until \d\d:\d\d/);
  await stopReader(page);

  // And by heading: from the top, level-2 headings lead to "Talk to a person".
  await page.reload();
  await startReader(page);
  expect(await hearUntil(page, 'moveToNextHeadingLevel2', 'Talk to a person')).toContain('heading, Talk to a person, level 2');
  await stopReader(page);
});

test('on search: the result count is announced; with no results, the hand-over to people', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-25T10:00:00Z'));
  await page.goto('search/');
  await startReader(page);
  await page.getByRole('searchbox', { name: 'Search the help center' }).first().fill('refund');
  await expect(page.locator('[data-search-status]')).toHaveText(/\d+ results? for “refund”/);
  await expect.poll(async () => (await page.evaluate(() => (window as unknown as { __virtual: { spokenPhraseLog(): Promise<string[]> } }).__virtual.spokenPhraseLog())).join(' | ')).toMatch(/\d+ results? for “refund”/);

  await page.getByRole('searchbox', { name: 'Search the help center' }).first().fill('zzqxvk');
  await expect(page.locator('[data-search-status]')).toHaveText(/No results for “zzqxvk”/);
  await expect.poll(async () => (await page.evaluate(() => (window as unknown as { __virtual: { spokenPhraseLog(): Promise<string[]> } }).__virtual.spokenPhraseLog())).join(' | ')).toMatch(/No results for “zzqxvk”/);
  await stopReader(page);

  // The next heading after the announcement is the hand-over, with a channel and the way to all of them.
  await startReader(page);
  const spoken = await hearUntil(page, 'moveToNextHeadingLevel2', 'Talk to a person', 30);
  const joined = spoken.join(' | ');
  expect(joined).toContain('heading, Talk to a person, level 2');
  expect(joined).toMatch(/We could not find an answer for “zzqxvk”\. A person can help/);
  // Each channel offered: its name, its status, its action; then the way to every other.
  expect(joined).toMatch(/paragraph \| Phone \| Open now, until 17:30 \| end of paragraph \| link, 020 7946 0321, Phone/);
  expect(joined).toMatch(/link, All \d+ ways to reach us, with opening hours/);
  await stopReader(page);
});
