/**
 * Keeps a channel list's email and text links, and its editable message, in
 * step with what the customer has done this visit: searches, what they
 * tried, what was missing. Loaded by <handrail-channels> only when there is
 * something to add.
 */
import { channelHrefWithMessage, composeMessage, type MessageContext, type MessageWords } from '../shared/contact.ts';
import { readVisitContext, updateVisitContext, VISIT_CONTEXT_EVENT } from '../shared/visit-context.ts';
import { sessionStore } from './ui.ts';

/** Wires one channel list; `words` are the message labels the layout embedded once per page. */
export function wireMessages(list: HTMLElement, words: MessageWords): void {
  const page = JSON.parse(list.dataset.context ?? '{}') as { article?: MessageContext['article']; subject: string };
  const message = list.querySelector<HTMLTextAreaElement>('textarea[data-message]');
  const tried = list.querySelector<HTMLTextAreaElement>('textarea[data-tried]');
  let isEdited = false;
  const applyBody = (body: string) => {
    for (const link of list.querySelectorAll<HTMLAnchorElement>('a[data-message-kind]')) {
      const kind = link.dataset.messageKind as 'email' | 'sms';
      link.href = channelHrefWithMessage({ kind, value: link.dataset.value ?? '' }, page.subject, body) ?? link.href;
    }
  };
  const refresh = () => {
    const visit = readVisitContext(sessionStore);
    if (tried && document.activeElement !== tried) tried.value = visit.tried ?? '';
    if (isEdited && message) return applyBody(message.value);
    const body = composeMessage({ article: page.article, ...visit }, words);
    if (message) message.value = body;
    applyBody(body);
  };
  message?.addEventListener('input', () => {
    isEdited = true;
    applyBody(message.value);
  });
  tried?.addEventListener('input', () => {
    updateVisitContext(sessionStore, { tried: tried.value });
    document.dispatchEvent(new CustomEvent(VISIT_CONTEXT_EVENT));
  });
  document.addEventListener(VISIT_CONTEXT_EVENT, refresh);
  refresh();
}
