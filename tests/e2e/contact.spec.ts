/**
 * Reach a human: the "Contact a person" link and the "Talk to a person"
 * panel are on every page in the same relative order (WCAG 2.2 3.2.6
 * Consistent Help), their links work with and without JavaScript, the
 * live status text is right for the reader's clock and zone, and what the
 * reader did (searches, feedback, their own words) reaches the message.
 */
import { expect, test, TEST_NOW } from '../helpers/browser-test.ts';
import type { Locator, Page } from '@playwright/test';
import {
  allPages,
  categoryOfPage,
  expectedChannelOrder,
  guardPage,
  linkParams,
  onePagePerKind,
  readChannels,
  readNotices,
  readSitemapPaths,
  type ChannelConfig,
} from '../helpers/site.ts';

/** Why a notice the tests' moment is inside of is missing: dist/ was built as of another moment. */
const notInBuild = (title: string) =>
  `"${title}" is not in the built site: build it as \`npm test\` does, as of the tests' moment (HANDRAIL_BUILD_NOW=${TEST_NOW.toISOString()} npm run astro -- build)`;

// The server's pages, not a service worker's cached copies: the offline tests cover the worker.
test.use({ serviceWorkers: 'block' });

/** Soft checks for loops over every page; see site.spec.ts. */
const softly = expect.configure({ soft: true, timeout: 2_000 });

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Talk to a person' });
const firstArticle = () => readSitemapPaths().find((p) => p.includes('/articles/'))!;
const channelOfKind = (kind: string) => readChannels().find((c) => c.kind === kind)!;
const digits = (text: string) => text.replace(/[^\d+]/g, '');

/** One channel as a list shows it: its link, or its postal address. */
interface ShownChannel {
  id: string;
  href?: string;
  isLinkVisible: boolean;
  address?: string;
}

/** Every channel in a list (the panel, the 404 page, the contact page), in page order, read in one go. */
async function shownChannels(list: Locator): Promise<ShownChannel[]> {
  return list.locator('li.channel').evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector<HTMLAnchorElement>('a[href]');
      const address = item.querySelector<HTMLElement>('address');
      return {
        id: (item as HTMLElement).dataset.channel ?? '',
        href: link?.getAttribute('href') ?? undefined,
        isLinkVisible: Boolean(link?.checkVisibility()),
        address: address?.checkVisibility() ? address.innerText : undefined,
      };
    }),
  );
}

/** What is wrong with how a list shows each configured channel's link or address; empty when nothing is. */
function channelProblems(shown: ShownChannel[], channels: ChannelConfig[] = readChannels()): string[] {
  const problems: string[] = [];
  for (const channel of channels) {
    const seen = shown.find((s) => s.id === channel.id);
    if (!seen) {
      problems.push(`${channel.id}: missing`);
      continue;
    }
    if (channel.kind === 'post') {
      if (seen.address === undefined) problems.push(`${channel.id}: no visible address`);
      for (const line of channel.value.split('\n').map((l) => l.trim()).filter(Boolean)) {
        if (!seen.address?.includes(line)) problems.push(`${channel.id}: address is missing "${line}"`);
      }
      continue;
    }
    const href = seen.href ?? '';
    const fail = (why: string) => problems.push(`${channel.id}: ${why} (${href})`);
    if (!seen.isLinkVisible) fail('no visible link');
    switch (channel.kind) {
      case 'phone':
      case 'relay':
        // Relay numbers are a prefix and a national number ("18001 020 …"), so longer than E.164 allows.
        if (!/^tel:\+?\d{3,20}$/.test(href)) fail('not tel: followed by digits');
        else if (href.slice(4) !== digits(channel.value)) fail(`does not dial ${channel.value}`);
        break;
      case 'sms': {
        const match = /^sms:(\+\d{5,15})(\?body=[^&]*)?$/.exec(href);
        if (!match) fail('not sms:+digits with an optional body');
        else if (match[1] !== digits(channel.value)) fail(`does not text ${channel.value}`);
        break;
      }
      case 'email': {
        const match = /^mailto:([^?]+)\?(.*)$/.exec(href);
        const params = linkParams(href);
        if (!match) fail('not mailto:address?subject=…&body=…');
        else if (!/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(decodeURIComponent(match[1]!))) fail('not a valid email address');
        else if (decodeURIComponent(match[1]!) !== channel.value) fail(`does not write to ${channel.value}`);
        if (!params.get('subject')?.trim()) fail('has no subject');
        if (!params.has('body')) fail('has no body');
        break;
      }
      default:
        if (!URL.canParse(href)) fail('not a URL');
        else if (new URL(href).protocol !== 'https:') fail('not https:');
        else if (href !== channel.value) fail(`does not open ${channel.value}`);
    }
  }
  return problems;
}

/** Every channel of a compact list in its configured order (data-rank), whatever the browser moved forward. */
async function rankedIds(list: Locator): Promise<string[]> {
  return list.locator('li.channel').evaluateAll((items) =>
    (items as HTMLElement[]).toSorted((a, b) => Number(a.dataset.rank ?? 0) - Number(b.dataset.rank ?? 0)).map((item) => item.dataset.channel ?? ''),
  );
}

/** Opens a compact list's "N more ways" disclosure (a native <details>: works without JavaScript too). */
async function openMoreWays(list: Locator): Promise<void> {
  const more = list.locator('details.channel-more > summary');
  for (let i = 0; i < (await more.count()); i++) {
    if (!(await more.nth(i).evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open))) await more.nth(i).click();
  }
}

/** The decoded body of a mailto: or sms: link. */
async function bodyOf(link: Locator): Promise<string> {
  return linkParams((await link.getAttribute('href')) ?? '').get('body') ?? '';
}

test.describe('on every page', () => {
  test('"Contact a person" is within three Tab presses after the skip link, and the panel lists every channel in the configured order', async ({ page }) => {
    test.setTimeout(30_000 + allPages().length * 1_500);
    const channels = readChannels();
    const guard = guardPage(page);
    for (const { path: pagePath } of allPages()) {
      const at = `on ${pagePath}`;
      await page.goto(pagePath);
      await page.keyboard.press('Tab');
      await softly(page.getByRole('link', { name: 'Skip to main content' }), `skip link first ${at}`).toBeFocused();
      const contactLink = page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Contact a person' });
      let presses = 0;
      while (presses < 3 && !(await contactLink.evaluate((link) => link === document.activeElement, undefined, { timeout: 2_000 }).catch(() => false))) {
        await page.keyboard.press('Tab');
        presses++;
      }
      await softly(contactLink, `"Contact a person" reached within 3 Tab presses ${at}`).toBeFocused();
      await softly(contactLink, `"Contact a person" goes to the contact page ${at}`).toHaveAttribute('href', /\/contact\/$/);

      const panel = panelOf(page);
      await softly(panel, `contact panel ${at}`).toBeVisible();
      // The contact page's panel points to the full list, which is the page itself.
      const isContactPage = /\/contact\/$/.test(pagePath);
      const list = isContactPage ? page.getByRole('main') : panel;
      if (isContactPage) await softly(panel.getByRole('link', { name: 'Go to the list' }), `panel points to the list ${at}`).toHaveAttribute('href', '#ways-to-reach-us');
      else await softly(panel.getByRole('link', { name: /^All \d+ ways to reach us/ }), `panel links to every channel ${at}`).toHaveAttribute('href', /\/contact\/$/);
      await openMoreWays(list);
      const shown = await shownChannels(list);
      const order = await rankedIds(list);
      const category = await categoryOfPage(page);
      softly(order, `channel order ${at} (category: ${category ?? 'none'})`).toEqual(expectedChannelOrder(category));
      const feedbackList = page.locator('handrail-feedback');
      if ((await feedbackList.count()) > 0) softly(await rankedIds(feedbackList), `feedback channels ${at}`).toEqual(order);
      softly(channelProblems(shown, channels), `channel links ${at}`).toEqual([]);
      softly(guard.take(), `console errors and requests to other origins ${at}`).toEqual([]);
    }
  });

  test('service notices show, with their heading, between the header and main while active, and hide after they end', async ({ page }) => {
    const notice = readNotices().find((n) => n.end);
    test.skip(!notice, 'content/announcements.yaml has no notice with an end to test');
    const pages = allPages();
    test.setTimeout(30_000 + pages.length * 1_000);
    // Instants well inside and outside the window, whatever the site's time zone (offsets are under a day).
    const start = Date.parse(`${notice!.start.replace(' ', 'T')}Z`);
    const end = Date.parse(`${notice!.end!.replace(' ', 'T')}Z`);
    const during = new Date((start + end) / 2);
    test.skip(end - start < 3 * 864e5, 'the notice is too short to pick an instant inside it in every time zone');
    test.skip(TEST_NOW.getTime() >= end, `the tests' moment is after "${notice!.title}" ended, so \`npm test\`'s build leaves it out`);
    await page.clock.setFixedTime(during);
    await page.goto(pages[0]!.path);
    await expect(page.getByRole('region', { name: notice!.title }), notInBuild(notice!.title)).toHaveCount(1);
    for (const { path: pagePath } of pages) {
      const at = `on ${pagePath}`;
      await page.goto(pagePath);
      const region = page.getByRole('region', { name: notice!.title });
      await softly(region, `notice ${at}`).toBeVisible();
      await softly(region.getByRole('heading', { level: 2, name: notice!.title }), `notice heading ${at}`).toBeVisible();
      await softly(region, `notice message ${at}`).toContainText(notice!.message);
      if ((await region.count()) !== 1) continue;
      const placed = await region.evaluate((el) => {
        const follows = (a: Element | null, b: Element | null) => Boolean(a && b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
        return follows(document.querySelector('header'), el) && follows(el, document.querySelector('main')) && !el.closest('main');
      });
      softly(placed, `notice sits after the header and before main ${at}`).toBe(true);
    }

    await page.clock.setFixedTime(new Date(end + 864e5));
    await page.goto(pages[0]!.path);
    await expect(page.getByRole('region', { name: notice!.title })).toBeHidden();
    await page.clock.setFixedTime(new Date(start - 864e5));
    await page.reload();
    await expect(page.getByRole('region', { name: notice!.title })).toBeHidden();
  });
});

test('a notice that is not critical can be closed, and stays closed on the next page', async ({ page }) => {
  const notice = readNotices().find((n) => n.severity !== 'critical' && n.end);
  test.skip(!notice, 'content/announcements.yaml has no closable notice with an end');
  const start = Date.parse(`${notice!.start.replace(' ', 'T')}Z`);
  const end = Date.parse(`${notice!.end!.replace(' ', 'T')}Z`);
  test.skip(TEST_NOW.getTime() >= end, `the tests' moment is after "${notice!.title}" ended, so \`npm test\`'s build leaves it out`);
  await page.clock.setFixedTime(new Date((start + end) / 2));
  const pages = allPages();
  await page.goto(pages[0]!.path);
  const region = page.getByRole('region', { name: notice!.title });
  await expect(region, notInBuild(notice!.title)).toHaveCount(1);
  await region.getByRole('button', { name: `Dismiss notice: ${notice!.title}` }).click();
  await expect(region).toBeHidden();
  await expect(page.locator('#main')).toBeFocused();
  await page.goto(pages[1]!.path);
  await expect(page.getByRole('region', { name: notice!.title })).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path: pagePath, kind } of onePagePerKind()) {
    test(`${kind} page (${pagePath}): hours summaries and every contact link are there`, async ({ page }) => {
      await page.goto(pagePath);
      await expect(panelOf(page)).toBeVisible();
      // Without a script the configured order stands; the contact page's list is the page itself.
      const panel = kind === 'contact' ? page.getByRole('main') : panelOf(page);
      await openMoreWays(panel);
      expect(await panel.locator('li.channel').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.channel))).toEqual(expectedChannelOrder(undefined));
      expect(channelProblems(await shownChannels(panel))).toEqual([]);
      for (const channel of readChannels()) {
        const item = panel.locator(`li.channel[data-channel="${channel.id}"]`);
        if (channel.hours) {
          const summary = item.locator('.channel__hours');
          await expect(summary, `${channel.id} hours summary`).toBeVisible();
          const ranges = Object.values(channel.hours).flat().filter((hours) => hours !== 'closed');
          for (const range of ranges) await expect(summary, `${channel.id} hours summary`).toContainText(range.replace('-', '–'));
        }
        // The live status needs a script; without one it must not show as an empty gap.
        await expect(item.locator('[data-status]')).toBeHidden();
      }
      await expect(page.getByText('Check the message we will prefill')).toBeHidden();
      if (kind === 'article') await expect(panelOf(page).getByText(/Quote reference [A-Z0-9]{4}\b/)).toBeVisible();
    });
  }
});

test.describe('open now, by the reader\'s clock', () => {
  // The instants below are chosen against the demo hours in content/contact.yaml.
  // If a writer changes those hours, say so plainly rather than fail on a status text.
  test.beforeAll(() => {
    const assumed: Record<string, Record<string, string>> = {
      phone: { monday: '09:00-17:30', wednesday: '09:00-17:30', thursday: '09:00-19:00', sunday: 'closed' },
      chat: { wednesday: '08:00-20:00', saturday: '09:00-17:00', sunday: '10:00-16:00' },
      'sign-video': { wednesday: '10:00-16:00', friday: '10:00-16:00' },
      'billing-phone': { monday: '09:00-17:00', wednesday: '09:00-17:00' },
    };
    for (const [id, hours] of Object.entries(assumed)) {
      expect(readChannels().find((c) => c.id === id)?.hours, `content/contact.yaml "${id}" hours changed: update the instants in this block`).toMatchObject(hours);
    }
  });

  /** Opens a page at a fixed instant and reads each channel's status text from the panel. */
  async function statusesAt(page: Page, instant: string, pagePath = readSitemapPaths()[0]!): Promise<Record<string, string>> {
    await page.clock.setFixedTime(new Date(instant));
    await page.goto(pagePath);
    const panel = panelOf(page);
    await expect(panel.locator('[data-status]').first()).not.toBeEmpty();
    return Object.fromEntries(
      await panel.locator('li.channel').evaluateAll((items) =>
        items.filter((item) => item.querySelector('[data-status]')).map((item) => [(item as HTMLElement).dataset.channel!, item.querySelector('[data-status]')!.textContent!.trim()]),
      ),
    );
  }

  test.describe('a reader in London', () => {
    test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

    test('Wednesday 10:00: open, with each closing time', async ({ page }) => {
      const status = await statusesAt(page, '2026-11-25T10:00:00Z');
      expect(status.phone).toBe('Open now, until 17:30');
      expect(status.chat).toBe('Open now, until 20:00');
      expect(status['sign-video']).toBe('Open now, until 16:00');
      expect(status['billing-phone']).toBe('Open now, until 17:00');
      await expect(panelOf(page).locator('li[data-channel="phone"]')).toHaveAttribute('data-state', 'open');
    });

    test('Wednesday 18:00: closed until tomorrow, or until a named day', async ({ page }) => {
      const status = await statusesAt(page, '2026-11-25T18:00:00Z');
      expect(status.phone).toBe('Closed, opens tomorrow at 09:00');
      expect(status.chat).toBe('Open now, until 20:00');
      expect(status['sign-video']).toBe('Closed, opens Friday at 10:00');
    });

    test('Sunday noon: phone closed until tomorrow, chat open', async ({ page }) => {
      const status = await statusesAt(page, '2026-11-22T12:00:00Z');
      expect(status.phone).toBe('Closed, opens tomorrow at 09:00');
      expect(status['billing-phone']).toBe('Closed, opens tomorrow at 09:00');
      expect(status.chat).toBe('Open now, until 16:00');
    });

    test('Monday 04:00: opens today', async ({ page }) => {
      const status = await statusesAt(page, '2026-11-23T04:00:00Z');
      expect(status.phone).toBe('Closed, opens today at 09:00');
    });

    test('Christmas Day: closed for the holiday, with when each channel opens again', async ({ page }) => {
      const status = await statusesAt(page, '2026-12-25T12:00:00Z');
      expect(status.phone).toBe('Closed (Christmas), opens Monday at 09:00');
      expect(status.chat).toBe('Closed (Christmas Day), opens tomorrow at 09:00');
      await expect(panelOf(page).locator('li[data-channel="phone"]')).toHaveAttribute('data-state', 'closed');
    });

    test('the status is the same on an article page, where the category may reorder channels', async ({ page }) => {
      const status = await statusesAt(page, '2026-11-25T10:00:00Z', firstArticle());
      expect(status.phone).toBe('Open now, until 17:30');
    });
  });

  test.describe('the best channels first', () => {
    test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

    test('open channels move ahead of closed ones in the panel; without a script the configured order stands', async ({ page }) => {
      // Wednesday 18:00 in London: the phone lines have closed, chat is open until 20:00.
      await page.clock.setFixedTime(new Date('2026-11-25T18:00:00Z'));
      await page.goto(readSitemapPaths()[0]!);
      const top = panelOf(page).locator('[data-channels-top] > li');
      await expect(top.first()).toHaveAttribute('data-state', /open/);
      const ids = await top.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.channel));
      // Open first, then those that take a message any time (email), then the closed ones.
      expect(ids.slice(0, 2)).toEqual(['chat', 'email']);
      // Every channel is still there, one disclosure away.
      expect(await rankedIds(panelOf(page))).toEqual(expectedChannelOrder(undefined));
    });
  });

  test.describe('a reader in New York', () => {
    test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

    test('sees London hours converted to their own clock', async ({ page }) => {
      // 10:00 in New York is 15:00 in London: the phone line closes at 17:30 London, 12:30 New York.
      let status = await statusesAt(page, '2026-11-25T15:00:00Z');
      expect(status.phone).toBe('Open now, until 12:30');
      expect(status.chat).toBe('Open now, until 15:00');
      // Sunday 23:00 in New York is Monday 04:00 in London: the line opens at 04:00 tomorrow, New York time.
      status = await statusesAt(page, '2026-11-23T04:00:00Z');
      expect(status.phone).toBe('Closed, opens tomorrow at 04:00');
    });
  });

  test.describe('no layout shift when the status appears', () => {
    test.use({ timezoneId: 'Europe/London' });

    // Holds back the channels element so the page can be measured before and after it fills the status lines.
    const holdChannels = () => {
      const define = customElements.define.bind(customElements);
      const held: Parameters<CustomElementRegistry['define']>[] = [];
      customElements.define = (...args: Parameters<CustomElementRegistry['define']>) => {
        if (args[0] === 'handrail-channels') held.push(args);
        else define(...args);
      };
      (window as unknown as { releaseChannels(): void }).releaseChannels = () => held.forEach((args) => define(...args));
    };

    for (const width of [1280, 320]) {
      for (const { path: pagePath, kind } of onePagePerKind().filter((p) => ['home', 'article', 'contact'].includes(p.kind))) {
        test(`${kind} page at ${width} px`, async ({ page }) => {
          await page.setViewportSize({ width, height: 800 });
          // Christmas Day gives the longest status text: the worst case for wrapping.
          await page.clock.setFixedTime(new Date('2026-12-25T12:00:00Z'));
          await page.addInitScript(holdChannels);
          await page.goto(pagePath);
          const measure = () =>
            page.locator('li.channel').evaluateAll((items) =>
              // By slot: a compact list may bring an open channel forward into a slot, the slots must not move.
              items.filter((item) => (item as HTMLElement).checkVisibility()).map((item, slot) => {
                const box = item.getBoundingClientRect();
                return `slot ${slot}: top ${Math.round(box.top + scrollY)}, height ${Math.round(box.height)}`;
              }),
            );
          // The contact page's statuses are in its own list; the panel there points to it.
          const panel = kind === 'contact' ? page.getByRole('main').locator('handrail-channels') : panelOf(page);
          const panelHeight = async () => (await panel.boundingBox())!.height;
          await expect(panel.locator('[data-status]').first()).toBeEmpty();
          // Whatever else settles first (pictures, other elements) is not the status's doing: measure until two readings agree.
          let before = { boxes: await measure(), panel: await panelHeight() };
          for (let i = 0; i < 10; i++) {
            await page.waitForTimeout(100);
            const again = { boxes: await measure(), panel: await panelHeight() };
            if (JSON.stringify(again) === JSON.stringify(before)) break;
            before = again;
          }
          await page.evaluate(() => (window as unknown as { releaseChannels(): void }).releaseChannels());
          await expect(panel.locator('[data-status]').first()).not.toBeEmpty();
          expect({ boxes: await measure(), panel: await panelHeight() }).toEqual(before);
        });
      }
    }
  });
});

test.describe('the message we prefill', () => {
  test('"No, this didn\'t help" asks what was missing and carries the answer, the article and the reference into email and text', async ({ page }) => {
    const guard = guardPage(page);
    await page.goto(firstArticle());
    const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    const reference = /Quote reference ([A-Z0-9]{4})\b/.exec(await panelOf(page).innerText())?.[1];
    expect(reference).toMatch(/^[A-Z0-9]{4}$/);
    const feedback = page.getByRole('region', { name: 'Was this article helpful?' });
    const email = channelOfKind('email');
    const sms = channelOfKind('sms');
    const feedbackEmail = feedback.locator(`li[data-channel="${email.id}"] a`);
    const feedbackPeople = feedback.locator('[data-feedback-people]');
    await expect(feedbackPeople).toBeHidden();

    await feedback.getByRole('button', { name: "No, this didn't help" }).click();
    const missing = feedback.getByRole('textbox', { name: 'What were you looking for, or what was missing?' });
    await expect(missing).toBeFocused();
    await expect(feedback.getByRole('button', { name: 'Yes' })).toBeHidden();
    await expect(feedbackPeople).toBeVisible();
    // The best channels for now, and the way to every other.
    await expect(feedbackPeople.locator('[data-channels-top] li.channel a').first()).toBeVisible();
    await expect(feedbackPeople.getByRole('link', { name: /^All \d+ ways to reach us/ })).toBeVisible();
    await page.keyboard.type('How to adjust disc brakes');

    const expected = `What I could not find: How to adjust disc brakes`;
    await expect.poll(() => bodyOf(feedbackEmail)).toContain(expected);
    const body = await bodyOf(feedbackEmail);
    expect(body).toContain(title);
    expect(body).toContain(new URL(page.url()).pathname);
    expect(body).toContain(reference);
    expect(linkParams((await feedbackEmail.getAttribute('href'))!).get('subject')).toContain(title);
    expect(await bodyOf(feedback.locator(`li[data-channel="${sms.id}"] a`))).toContain(expected);
    // The panel at the foot of the page carries the same words.
    expect(await bodyOf(panelOf(page).locator(`li[data-channel="${email.id}"] a`))).toContain(expected);
    expect(guard.take()).toEqual([]);

    // The answer stays with the visit (this tab only), so the contact page's list still carries it.
    await page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Contact a person' }).click();
    await expect.poll(() => bodyOf(page.getByRole('main').locator(`li[data-channel="${email.id}"] a`))).toContain(expected);
  });

  test('"Yes" thanks the reader and moves focus to the thanks', async ({ page }) => {
    await page.goto(firstArticle());
    const feedback = page.getByRole('region', { name: 'Was this article helpful?' });
    await feedback.getByRole('button', { name: 'Yes' }).click();
    await expect(feedback.getByText('Thank you.')).toBeFocused();
    await expect(feedback.getByRole('button', { name: "No, this didn't help" })).toBeHidden();
    await expect(feedback.getByRole('textbox')).toBeHidden();
  });

  test('searches from this visit, including ones with no results, appear in the message', async ({ page }) => {
    await page.addInitScript(() => {
      sessionStorage.setItem(
        'handrail-visit',
        JSON.stringify({ searches: [{ query: 'squeaky brake', results: 0 }, { query: 'brake pads', results: 4 }], tried: 'Cleaned the rim' }),
      );
    });
    await page.goto(firstArticle());
    const panel = panelOf(page);
    const link = panel.locator(`li[data-channel="${channelOfKind('email').id}"] a`);
    await expect.poll(() => bodyOf(link)).toContain('I searched for: "squeaky brake" (no results), "brake pads"');
    expect(await bodyOf(link)).toContain('What I have already tried: Cleaned the rim');
    expect(await bodyOf(panel.locator(`li[data-channel="${channelOfKind('sms').id}"] a`))).toContain('"squeaky brake" (no results)');

    await panel.getByText('Check the message we will prefill').click();
    await expect(panel.getByRole('textbox', { name: 'Your message' })).toHaveValue(/I searched for: "squeaky brake" \(no results\), "brake pads"/);
    await expect(panel.getByRole('textbox', { name: 'What have you already tried? (optional)' })).toHaveValue('Cleaned the rim');
  });

  test('what the reader tried and their own edits change the email and text links', async ({ page }) => {
    await page.goto(readSitemapPaths()[0]!);
    const panel = panelOf(page);
    const email = panel.locator(`li[data-channel="${channelOfKind('email').id}"] a`);
    const sms = panel.locator(`li[data-channel="${channelOfKind('sms').id}"] a`);
    const subject = linkParams((await email.getAttribute('href'))!).get('subject');

    await panel.getByText('Check the message we will prefill').click();
    await panel.getByRole('textbox', { name: 'What have you already tried? (optional)' }).fill('Turned it off and on');
    await expect.poll(() => bodyOf(email)).toContain('What I have already tried: Turned it off and on');
    await expect(panel.getByRole('textbox', { name: 'Your message' })).toHaveValue(/What I have already tried: Turned it off and on/);

    const mine = 'My bell fell off on the way to work.\nCan you send a new one?';
    await panel.getByRole('textbox', { name: 'Your message' }).fill(mine);
    await expect.poll(() => bodyOf(email)).toBe(mine);
    expect(await bodyOf(sms)).toBe(mine);
    expect(linkParams((await email.getAttribute('href'))!).get('subject')).toBe(subject);
    // Links that cannot carry a message are left alone.
    const phone = channelOfKind('phone');
    await expect(panel.locator(`li[data-channel="${phone.id}"]`).getByRole('link')).toHaveAttribute('href', `tel:${digits(phone.value)}`);
  });
});

test.describe('the message code loads on demand, and nothing typed meanwhile is lost', () => {
  test('words typed in the editor before its code arrives are kept', async ({ page }) => {
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    let isHeld = false;
    // The message code is its own file, loaded on demand (src/browser/channel-messages.ts).
    await page.route('**/_astro/channel-messages.*.js', async (route) => {
      isHeld = true;
      await arrived;
      await route.continue();
    });
    await page.goto(readSitemapPaths()[0]!);
    const panel = panelOf(page);
    const email = panel.locator(`li[data-channel="${channelOfKind('email').id}"] a`);
    await panel.getByText('Check the message we will prefill').click();
    await panel.getByRole('textbox', { name: 'What have you already tried? (optional)' }).fill('Pumped up the tyres');
    await panel.getByRole('textbox', { name: 'Your message' }).fill('The back wheel wobbles.');
    expect(isHeld, 'the message code was requested, and held back').toBe(true);
    release();
    await expect.poll(() => bodyOf(email)).toBe('The back wheel wobbles.');
    await expect(panel.getByRole('textbox', { name: 'Your message' })).toHaveValue('The back wheel wobbles.');
    await expect(panel.getByRole('textbox', { name: 'What have you already tried? (optional)' })).toHaveValue('Pumped up the tyres');
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('handrail-visit') ?? '{}').tried)).toBe('Pumped up the tyres');
  });

  test('what was missing is stored as last typed, even when loads finish out of order', async ({ page }) => {
    let heldBack: Promise<void> | undefined;
    await page.route('**/_astro/feedback-context.*.js', (route) => {
      // Hold back only the first load: with the text read at keystroke time, it would finish last and store "H".
      if (heldBack) return route.continue();
      heldBack = new Promise<void>((resolve) => setTimeout(resolve, 1_000)).then(() => route.continue());
      return heldBack;
    });
    await page.goto(firstArticle());
    const feedback = page.getByRole('region', { name: 'Was this article helpful?' });
    await feedback.getByRole('button', { name: "No, this didn't help" }).click();
    await page.keyboard.type('Hub gears');
    const link = feedback.locator(`li[data-channel="${channelOfKind('email').id}"] a`);
    await expect.poll(() => page.evaluate(() => JSON.parse(sessionStorage.getItem('handrail-visit') ?? '{}').missing), { timeout: 5_000 }).toBe('Hub gears');
    // Let the held-back load finish too, then check nothing older overwrote the answer. Its module
    // is already loaded, so the store follows within a task or two of the answer.
    expect(heldBack, 'the feedback code was requested, and held back').toBeDefined();
    await heldBack;
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('handrail-visit') ?? '{}').missing)).toBe('Hub gears');
    expect(await bodyOf(link)).toContain('What I could not find: Hub gears');
  });
});

test.describe('the 404 page', () => {
  test('answers 404 and offers the people before the search form', async ({ page }) => {
    const notFound = allPages().find((p) => p.status === 404)!;
    const response = await page.goto(notFound.path);
    expect(response?.status()).toBe(404);
    const main = page.getByRole('main');
    const people = main.getByRole('region', { name: 'Talk to a person' });
    await expect(people).toBeVisible();
    const search = main.getByRole('search');
    await expect(search).toBeVisible();
    const peopleFirst = await people.evaluate((el, form) => Boolean(el.compareDocumentPosition(form as Node) & Node.DOCUMENT_POSITION_FOLLOWING), await search.elementHandle());
    expect(peopleFirst).toBe(true);
    // A dead end offers the best channels inline and the way to every other, without repeating the panel.
    const top = await shownChannels(people.locator('[data-channels-top]'));
    expect(top.length).toBeGreaterThanOrEqual(2);
    expect(channelProblems(top, readChannels().filter((c) => top.some((s) => s.id === c.id)))).toEqual([]);
    await expect(people.getByRole('link', { name: /^All \d+ ways to reach us/ })).toHaveAttribute('href', /\/contact\/$/);
  });
});

test.describe('the contact page', () => {
  const dayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

  test('has a weekly hours table, the promise, cost and accessibility notes for each channel', async ({ page }) => {
    const contactPath = readSitemapPaths().find((p) => p.endsWith('/contact/'))!;
    await page.goto(contactPath);
    const main = page.getByRole('main');
    expect(channelProblems(await shownChannels(main))).toEqual([]);
    for (const channel of readChannels()) {
      const item = main.locator(`li.channel[data-channel="${channel.id}"]`);
      await expect(item.getByRole('heading', { name: channel.label, exact: true })).toBeVisible();
      const table = item.getByRole('table', { name: /^Opening hours/ });
      if (channel.hours) {
        await expect(table, `${channel.id} hours table`).toBeVisible();
        const rows = await table.getByRole('row').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent?.trim(), tr.querySelector('td')?.textContent?.trim()]));
        const expected = dayNames.map((day) => {
          const hours = channel.hours![day];
          const text = !hours || hours === 'closed' ? 'Closed' : [hours].flat().map((h) => h.replace('-', '–')).join(', ');
          return [day[0]!.toUpperCase() + day.slice(1), text];
        });
        expect(rows, `${channel.id} hours`).toEqual(expected);
      } else {
        await expect(table, `${channel.id} has no hours table`).toHaveCount(0);
      }
      const facts = Object.fromEntries(
        await item.locator('dl dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent?.trim(), dt.nextElementSibling?.textContent?.trim()])),
      );
      if (channel.promise) expect(facts['What to expect'], `${channel.id} promise`).toBe(channel.promise);
      if (channel.cost) expect(facts['Cost'], `${channel.id} cost`).toBe(channel.cost);
      if (channel.accessibility) expect(facts['Accessibility'], `${channel.id} accessibility`).toBe(channel.accessibility);
    }
  });
});
