/**
 * Shows or hides the offline notice: "You are offline. This copy was saved
 * on …", dated from the cached page when there is one.
 */
export async function showOfflineNotice(notice: HTMLElement): Promise<void> {
  if (navigator.onLine) {
    notice.hidden = true;
    return;
  }
  const words = JSON.parse(notice.dataset.words ?? '{}') as { notice: string; unknown: string };
  let saved: string | null = null;
  try {
    saved = (await caches.match(location.href, { ignoreSearch: true }))?.headers.get('date') ?? null;
  } catch {
    // Cache storage unavailable: say we are offline without a date.
  }
  const date = saved ? new Date(saved) : undefined;
  notice.textContent =
    date && !Number.isNaN(date.getTime())
      ? words.notice.replace('{date}', date.toLocaleString(document.documentElement.lang, { dateStyle: 'long', timeStyle: 'short' }))
      : words.unknown;
  notice.hidden = false;
}
