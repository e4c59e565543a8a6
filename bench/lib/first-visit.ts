import type { Browser, Request } from '@playwright/test';
import { firstVisitTotals, largestGroups, QuietWindow, type FetchRecord, type FirstVisitTotals } from './quiet.ts';

/** How long the network must stay quiet before a first visit counts as over. */
export const QUIET_MS = 2_000;
/** A first visit that never goes quiet is cut off here (and reported as such). */
const LONGEST_MS = 180_000;

/** Everything a first visit to one page cost, worker included. */
export interface FirstVisit extends FirstVisitTotals {
  url: string;
  /** Whether a service worker was running when the network went quiet. */
  hasWorker: boolean;
  /** Milliseconds from navigation until the network had been quiet for QUIET_MS (QUIET_MS not included). */
  settledMs: number;
  /** Whether the visit was cut off before the network went quiet. */
  isCutOff: boolean;
  /** Where the bytes went, largest first. */
  largest: Array<{ group: string; bytes: number; requests: number }>;
}

/**
 * Opens one page in a fresh profile with service workers allowed, as a
 * customer's first visit, and counts every request the page and its
 * service worker make until the network has been quiet for QUIET_MS.
 *
 * Playwright reports a service worker's own requests on the context (and
 * `request.serviceWorker()` names the worker) in Chromium; the caller can
 * check `worker.requests` to see they were seen.
 */
export async function measureFirstVisit(browser: Browser, url: string): Promise<FirstVisit> {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const started = Date.now();
  const quiet = new QuietWindow(started);
  const records: FetchRecord[] = [];
  const pending: Promise<void>[] = [];
  const finish = (request: Request, isFailed: boolean) => {
    pending.push(
      (async () => {
        try {
          if (isFailed) return;
          const response = await request.response();
          const sizes = await request.sizes();
          records.push({
            url: request.url(),
            bytes: sizes.responseBodySize,
            isFromWorker: request.serviceWorker() !== null,
            isAnsweredByWorker: response?.fromServiceWorker() ?? false,
          });
        } catch {
          // The context closed under a late request: it did not finish inside the visit.
        } finally {
          quiet.end(request, Date.now());
        }
      })(),
    );
  };
  context.on('request', (request) => quiet.start(request, Date.now()));
  context.on('requestfinished', (request) => finish(request, false));
  context.on('requestfailed', (request) => finish(request, true));
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    let now = Date.now();
    while (!quiet.isQuiet(now, QUIET_MS) && now - started < LONGEST_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      now = Date.now();
    }
    await Promise.all(pending);
    const hasWorker = context.serviceWorkers().length > 0;
    const isCutOff = !quiet.isQuiet(Date.now(), QUIET_MS);
    return { url, ...firstVisitTotals(records), hasWorker, settledMs: quiet.lastActivity - started, isCutOff, largest: largestGroups(records) };
  } finally {
    await context.close();
  }
}
