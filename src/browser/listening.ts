/**
 * Sends listening events (a vote, a search nobody found an answer to, a
 * reader choosing a person) to the collector the organisation runs
 * (`collector` in content/site.yaml; README "Listening to customers").
 * Loaded on demand by listening-loader.ts, on a page whose owner set a
 * collector, when the reader does one of those things; the search page
 * (search.ts) includes it. The
 * events are built from the same fixed lists and limits the collector
 * validates with (src/schemas/event-fields.ts); their types come from its
 * schema, so the two ends cannot drift apart without the type check failing.
 */
import type { ContactEvent, ListeningEventInput, SearchEvent, VoteEvent } from '../schemas/events.ts';
import { COMMENT_MAX, EVENT_LANG, EVENT_LANG_MAX, EVENTS_PATH, QUERY_MAX, VOTE_REASONS, type VoteReason } from '../schemas/event-fields.ts';
import { readVisitContext } from '../shared/visit-context.ts';
import { part, sessionStore } from './ui.ts';
import { wordsOf } from './words.ts';

// What the collector refuses and a reader could still paste: control
// characters (tab and line breaks are fine) and halves of a character.
const UNSENDABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/gu;

/** The collector's address, from the page's `<meta name="handrail-collector">`; undefined when the owner set none, and then nothing is sent. */
export function collectorAddress(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="handrail-collector"]')?.content || undefined;
}

/** Reader's text as the collector takes it: well formed, trimmed, at most `max` characters; undefined when empty. */
export function cleanText(text: string, max: number, isMultiline: boolean): string | undefined {
  let clean = text.replace(UNSENDABLE, '');
  if (!isMultiline) clean = clean.replace(/[\r\n\u2028\u2029]+/g, ' ');
  clean = [...clean.trim()].slice(0, max).join('').trim();
  return clean || undefined;
}

/** The page's language as events carry it ("en-gb"), or "und" (undetermined) when the page has none. */
export function pageLanguage(): string {
  const lang = document.documentElement.lang.toLowerCase();
  return EVENT_LANG.test(lang) && lang.length <= EVENT_LANG_MAX ? lang : 'und';
}

/**
 * Sends one event, never holding the page: `fetch` with `keepalive`, so it
 * survives the reader leaving, without cookies or a referrer, as plain text
 * so no preflight is needed. Resolves true when the collector stored it.
 */
export async function sendEvent(event: ListeningEventInput): Promise<boolean> {
  const collector = collectorAddress();
  if (!collector) return false;
  const url = new URL(EVENTS_PATH, collector.endsWith('/') ? collector : `${collector}/`);
  const body = JSON.stringify(event);
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      keepalive: true,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    });
    return response.ok;
  } catch {
    // A browser without keepalive fetch during unload (or an ad blocker): the beacon is the last try.
    return navigator.sendBeacon?.(url, body) ?? false;
  }
}

/** "Was this article helpful?" answered; with "no", the reason and comment when the reader gave them. */
export function sendVote(article: string, vote: VoteEvent['vote'], reason?: string, comment?: string): Promise<boolean> {
  const isKnownReason = vote === 'no' && (VOTE_REASONS as readonly string[]).includes(reason ?? '');
  const text = vote === 'no' && comment !== undefined ? cleanText(comment, COMMENT_MAX, true) : undefined;
  return sendEvent({
    type: 'vote',
    article,
    lang: pageLanguage(),
    vote,
    ...(isKnownReason && { reason: reason as VoteReason }),
    ...(text && { comment: text }),
  });
}

/** A search that found nothing (0), or whose results the reader left without opening one. */
export function sendSearch(query: string, resultCount: SearchEvent['resultCount']): Promise<boolean> {
  const text = cleanText(query, QUERY_MAX, false);
  return text ? sendEvent({ type: 'search', query: text, lang: pageLanguage(), resultCount }) : Promise.resolve(false);
}

/**
 * The reader chose a way to reach a person: after the article on this
 * page, or else after their last search this visit. Neither (they came
 * straight to the contact page) is not a gap in the help center: not sent.
 */
export function sendContact(channel: ContactEvent['channel'], article: string | undefined): Promise<boolean> {
  const lang = pageLanguage();
  if (article) return sendEvent({ type: 'contact', channel, lang, article });
  const query = cleanText(readVisitContext(sessionStore).searches?.at(-1)?.query ?? '', QUERY_MAX, false);
  return query ? sendEvent({ type: 'contact', channel, lang, query }) : Promise.resolve(false);
}

/** The article on this page, if it is an article (its feedback element carries the slug). */
function pageArticle(): string | undefined {
  return document.querySelector<HTMLElement>('handrail-feedback')?.dataset.slug;
}

/**
 * No, with the reason chosen and the comment typed (either may be empty),
 * saying in the status whether it arrived. The collector keeps this in
 * place of the bare "no" sent on the click.
 */
async function sendAnswer(feedback: HTMLElement): Promise<void> {
  const status = part(feedback, 'feedback-status');
  const reason = feedback.querySelector<HTMLInputElement>('input[name="reason"]:checked')?.value;
  const comment = part<HTMLTextAreaElement>(feedback, 'feedback-missing').value;
  // Emptied first, so the same result said twice is announced twice.
  status.textContent = '';
  const isSent = await sendVote(feedback.dataset.slug ?? '', 'no', reason, comment);
  status.textContent = wordsOf(feedback).text(isSent ? 'feedback.sent' : 'feedback.notSent');
}

/**
 * A click listening-loader.ts caught on an element marked `data-listen`: a
 * vote button, the feedback form's Send button, a channel link.
 */
export function heard(target: HTMLElement): Promise<unknown> {
  const { vote, contactKind, feedbackSend } = target.dataset;
  const feedback = target.closest<HTMLElement>('handrail-feedback');
  if (feedbackSend !== undefined && feedback) return sendAnswer(feedback);
  if (vote === 'yes' || vote === 'no') return sendVote(pageArticle() ?? '', vote);
  // The kind was written by the build from the checked contact.yaml.
  if (contactKind) return sendContact(contactKind as ContactEvent['channel'], pageArticle());
  return Promise.resolve();
}
