/**
 * <handrail-notices>: service notices follow the reader's clock. The build
 * leaves out notices that had ended; between builds this shows a notice once
 * its start has passed and hides it once its end has, so a static site never
 * announces an outage that is over.
 */
import { define } from './ui.ts';

class HandrailNotices extends HTMLElement {
  connectedCallback() {
    const now = Date.now();
    for (const notice of this.querySelectorAll<HTMLElement>('[data-start]')) {
      const end = notice.dataset.end ? Number(notice.dataset.end) : Infinity;
      notice.hidden = !(Number(notice.dataset.start) <= now && now < end);
    }
  }
}

define('handrail-notices', HandrailNotices);
