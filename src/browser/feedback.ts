/**
 * <handrail-feedback>: "Was this article helpful?". Yes thanks the reader;
 * No puts the people first and asks what was missing, and the answer is
 * carried into the prefilled messages (feedback-context.ts, loaded on the
 * first keystroke). Sending, when the organisation runs a collector, is not
 * done here: the buttons and the reasons form are marked `data-listen`, and
 * listening-loader.ts hands them to the sender when they are used.
 */
import contextUrl from './feedback-context.ts?on-demand';
import { define, part } from './ui.ts';

class HandrailFeedback extends HTMLElement {
  connectedCallback() {
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('[data-vote]');
      if (button) this.#vote(button.dataset.vote === 'yes' ? 'yes' : 'no');
    });
    const missing = part<HTMLTextAreaElement>(this, 'feedback-missing');
    missing.addEventListener('input', () => {
      // Each keystroke may start a load, and loads can finish out of order: read
      // the field when one finishes, so the last to finish never stores stale text.
      void (import(/* @vite-ignore */ contextUrl) as Promise<typeof import('./feedback-context.ts')>)
        .then((context) => context.rememberMissing(missing.value))
        .catch(() => undefined);
    });
  }

  #vote(vote: 'yes' | 'no') {
    part(this, 'feedback-buttons').hidden = true;
    const next = part(this, vote === 'yes' ? 'feedback-thanks' : 'feedback-people');
    next.hidden = false;
    // After No, the first question (data-feedback-first): the reasons when they are asked, else the field.
    (vote === 'yes' ? next : part(this, 'feedback-first')).focus();
  }
}

define('handrail-feedback', HandrailFeedback);
