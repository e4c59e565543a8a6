/**
 * <handrail-notices>: service notices follow the reader's clock. The build
 * leaves out notices that had ended; between builds this shows a notice once
 * its start has passed and hides it once its end has, so a static site never
 * announces an outage that is over. A notice the reader closed stays closed
 * on this device (its key in local storage); a critical one has no close button.
 */
import { DISMISSED_NOTICES_KEY } from '../shared/announcements.ts';
import { define, readStored, writeStored } from './ui.ts';

function dismissed(): string[] {
  try {
    const list: unknown = JSON.parse(readStored('localStorage', DISMISSED_NOTICES_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

class HandrailNotices extends HTMLElement {
  connectedCallback() {
    const now = Date.now();
    const closed = new Set(dismissed());
    for (const notice of this.querySelectorAll<HTMLElement>('[data-start]')) {
      const end = notice.dataset.end ? Number(notice.dataset.end) : Infinity;
      const isClosed = notice.querySelector('[data-notice-close]') !== null && closed.has(notice.dataset.notice ?? '');
      notice.hidden = isClosed || !(Number(notice.dataset.start) <= now && now < end);
    }
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('[data-notice-close]');
      const notice = button?.closest<HTMLElement>('[data-notice]');
      if (!notice) return;
      // Keep the list short: the 20 most recent closes are plenty for notices that come and go.
      writeStored('localStorage', DISMISSED_NOTICES_KEY, JSON.stringify([...dismissed().filter((k) => k !== notice.dataset.notice), notice.dataset.notice].slice(-20)));
      notice.hidden = true;
      // Focus would be lost with the button: move it to the page's main content.
      document.getElementById('main')?.focus();
    });
  }
}

define('handrail-notices', HandrailNotices);
