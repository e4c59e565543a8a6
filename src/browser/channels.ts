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
    this.querySelector('details.message-editor')?.addEventListener('toggle', wire, { once: true });
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
    this.#bringOpenForward();
  }

  /**
   * A compact list (data-reorder = how many show first) puts the page's own
   * channels first, then those open now, then those with no hours (email),
   * then the closed ones, post last, each group in the configured order; the
   * first few go in the top list, the rest where the rest were. A dead end's
   * list (data-keep-message) keeps the email among those few, in the last
   * place (even over a category's own channel, should those fill them all),
   * since the page promises that what the reader searched for or typed goes
   * into the message (a text message carries it too, but is short and keeps
   * hours).
   */
  #bringOpenForward() {
    const shown = Number(this.dataset.reorder);
    const top = this.querySelector<HTMLElement>('[data-channels-top]');
    const rest = this.querySelector<HTMLElement>('[data-channels-rest]');
    if (!shown || !top) return;
    const items = [...this.querySelectorAll<HTMLElement>('li[data-rank]')];
    const group = (item: HTMLElement) => {
      if (item.hasAttribute('data-first-for')) return 0;
      const state = item.dataset.state;
      if (item.classList.contains('channel--post')) return 4;
      return state === 'open' || state === 'always-open' ? 1 : state === 'closed' ? 3 : 2;
    };
    items.sort((a, b) => group(a) - group(b) || Number(a.dataset.rank) - Number(b.dataset.rank));
    const wanted = items.slice(0, shown);
    // A dead end carries what the reader told it into a message: the email, which takes the longest and never closes, stays in view.
    const carrier = this.hasAttribute('data-keep-message') && items.find((item) => item.querySelector('[data-message-kind=email]'));
    if (carrier && !wanted.includes(carrier)) wanted[shown - 1] = carrier;
    // Leave the lists alone when nothing moves: a reader may be tabbing through them.
    if (wanted.every((item, index) => top.children[index] === item)) return;
    top.append(...wanted);
    rest?.append(...items.filter((item) => !wanted.includes(item)));
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
