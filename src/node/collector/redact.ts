/**
 * Readers type order numbers, phone numbers and email addresses into
 * search boxes and comment fields. Writers need the words, never those, so
 * they are replaced before anything is stored: the collector keeps no
 * identifier of a reader, not even one the reader typed.
 */
import type { ListeningEvent } from '../../schemas/events.ts';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Six or more digits, possibly grouped by spaces, dots, dashes or slashes:
// order, account, card and phone numbers. Years and prices stay.
const LONG_NUMBER = /\+?\d(?:[\s./-]?\d){5,}/g;

/** Marks put where something personal was. */
export const REDACTED = { email: '[email removed]', number: '[number removed]' } as const;

/** The text with email addresses and long numbers replaced. */
export function redactText(text: string): string {
  return text.replace(EMAIL, REDACTED.email).replace(LONG_NUMBER, REDACTED.number);
}

/** The event with its free text redacted (queries and comments). */
export function redactEvent(event: ListeningEvent): ListeningEvent {
  switch (event.type) {
    case 'vote':
      return event.comment === undefined ? event : { ...event, comment: redactText(event.comment) };
    case 'search':
      return { ...event, query: redactText(event.query) };
    case 'contact':
      return event.query === undefined ? event : { ...event, query: redactText(event.query) };
  }
}
