/**
 * <handrail-offline-notice>: shows the offline notice while the connection
 * is down and hides it when it is back. What the notice says (with the date
 * of the saved copy) is worked out by offline-notice-text.ts, loaded only
 * when the reader actually goes offline.
 */
import noticeTextUrl from './offline-notice-text.ts?on-demand';
import { define, isOffline, part } from './ui.ts';

class HandrailOfflineNotice extends HTMLElement {
  readonly #update = (event?: Event) => {
    const notice = part(this, 'offline-notice');
    // data-saved-copy: the service worker served this saved copy because the network failed.
    if (event?.type === 'online') delete this.dataset.savedCopy;
    if (!isOffline()) notice.hidden = true;
    else void (import(/* @vite-ignore */ noticeTextUrl) as Promise<typeof import('./offline-notice-text.ts')>).then((text) => text.showOfflineNotice(this, notice)).catch(() => undefined);
  };

  connectedCallback() {
    addEventListener('offline', this.#update);
    addEventListener('online', this.#update);
    if (isOffline()) this.#update();
  }

  disconnectedCallback() {
    removeEventListener('offline', this.#update);
    removeEventListener('online', this.#update);
  }
}

define('handrail-offline-notice', HandrailOfflineNotice);
