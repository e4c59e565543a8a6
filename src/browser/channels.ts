/**
 * <handrail-channels>: a list of ways to reach a person, with each staffed
 * channel's live "open now" status in the reader's own time zone, refreshed
 * every minute. The build already put the article into the email and text
 * links; the code that adds this visit's searches and answers
 * (channel-messages.ts) loads only once there is something to add, or when
 * the customer opens the message to check it.
 */
import type { ContactPageData } from '../shared/contact-view.ts';
import { channelStatus, formatStatus } from '../shared/hours.ts';
import { VISIT_CONTEXT_EVENT, VISIT_CONTEXT_KEY } from '../shared/visit-keys.ts';
import messagesUrl from './channel-messages.ts?on-demand';
import { define, sessionStore } from './ui.ts';

const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let pageData: ContactPageData | undefined;

/** Schedules and wording, embedded once per page by BaseLayout and shared by every channel list. */
function sharedData(): ContactPageData {
  pageData ??= JSON.parse(document.getElementById('handrail-contact-data')?.textContent || '{}') as ContactPageData;
  return pageData;
}

class HandrailChannels extends HTMLElement {
  #timer = 0;
  #wired?: Promise<void>;

  connectedCallback() {
    this.#showStatus();
    this.#timer = window.setInterval(() => this.#showStatus(), 60_000);
    const wire = () => void this.#wireMessages();
    if (sessionStore.getItem(VISIT_CONTEXT_KEY)) wire();
    this.querySelector('details')?.addEventListener('toggle', wire, { once: true });
    document.addEventListener(VISIT_CONTEXT_EVENT, wire, { once: true });
  }

  disconnectedCallback() {
    window.clearInterval(this.#timer);
  }

  #showStatus() {
    const { schedules, locale, statusWords } = sharedData();
    const now = new Date();
    for (const item of this.querySelectorAll<HTMLElement>('[data-has-schedule]')) {
      const schedule = schedules?.[item.dataset.channel ?? ''];
      if (!schedule) continue;
      const status = channelStatus(schedule, now);
      item.dataset.state = status.state;
      const out = item.querySelector('[data-status]');
      if (out) out.textContent = formatStatus(status, now, viewerZone, locale, statusWords);
    }
  }

  #wireMessages(): Promise<void> {
    this.#wired ??= (import(/* @vite-ignore */ messagesUrl) as Promise<typeof import('./channel-messages.ts')>)
      .then((messages) => {
        // A reader can open the editor and type (or paste, or dictate) before the
        // module arrives. Wiring fills the message in, so put their words back
        // and replay them as input, or they would be lost.
        const typed = [...this.querySelectorAll<HTMLTextAreaElement>('textarea[data-tried], textarea[data-message]')]
          .filter((field) => field.value !== field.defaultValue)
          .map((field) => ({ field, value: field.value }));
        messages.wireMessages(this, sharedData().messageWords);
        for (const { field, value } of typed) {
          field.value = value;
          field.dispatchEvent(new Event('input'));
        }
      })
      .catch(() => {
        // Not loaded (offline and never cached): the links still carry the article.
      });
    return this.#wired;
  }
}

define('handrail-channels', HandrailChannels);
