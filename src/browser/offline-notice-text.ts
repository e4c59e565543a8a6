/**
 * What the offline notice says: "You are offline. This copy was saved on …",
 * dated from the service worker's cached copy of the page when there is one.
 * Loaded by <handrail-offline-notice> when the connection drops.
 */
import { isOffline } from './ui.ts';
import { wordsOf } from './words.ts';

/** Fills the notice in and shows it; `element` carries the strings (data-words). */
export async function showOfflineNotice(element: HTMLElement, notice: HTMLElement): Promise<void> {
  const words = wordsOf(element);
  let saved: string | null | undefined;
  try {
    saved = (await caches.match(location.href, { ignoreSearch: true }))?.headers.get('date');
  } catch {
    // No cache storage here: say we are offline, without a date.
  }
  const date = saved ? new Date(saved) : undefined;
  notice.textContent =
    date && !Number.isNaN(date.getTime())
      ? words.text('offline.notice', { date: date.toLocaleString(words.locale, { dateStyle: 'long', timeStyle: 'short' }) })
      : words.text('offline.noticeUnknown');
  // Back online while this was loading: the element has hidden it already, and it stays hidden.
  notice.hidden = !isOffline();
}
