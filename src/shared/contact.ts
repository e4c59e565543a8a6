import type { ChannelData } from '../schemas/contact.ts';
import { formatRange, WEEKDAYS, type Schedule, type TimeRange, type Weekday } from './hours.ts';

/** The link that opens a channel: tel:, sms:, mailto: or https:. Post has none. */
export function channelHref(channel: Pick<ChannelData, 'kind' | 'value'>): string | undefined {
  const digits = channel.value.replace(/[^\d+]/g, '');
  switch (channel.kind) {
    case 'phone':
    case 'relay':
      return `tel:${digits}`;
    case 'sms':
      return `sms:${digits}`;
    case 'email':
      return `mailto:${channel.value}`;
    case 'post':
      return undefined;
    default:
      return channel.value;
  }
}

/** Whether a channel can carry a prefilled message (email and text). */
export function carriesMessage(channel: Pick<ChannelData, 'kind'>): boolean {
  return channel.kind === 'email' || channel.kind === 'sms';
}

/** The link for a channel with a prefilled message, where the channel can carry one. */
export function channelHrefWithMessage(channel: Pick<ChannelData, 'kind' | 'value'>, subject: string, body: string): string | undefined {
  const href = channelHref(channel);
  if (!href) return undefined;
  if (channel.kind === 'email') return `${href}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  if (channel.kind === 'sms') return `${href}?body=${encodeURIComponent(body)}`;
  return href;
}

/**
 * Channels in the order every page shows them. A category may list its own
 * channels first (the billing line on billing pages); the rest keep their
 * configured order and are never hidden.
 */
export function orderChannels<T extends Pick<ChannelData, 'firstFor'>>(channels: T[], category?: string): T[] {
  if (!category) return channels;
  const first = channels.filter((c) => c.firstFor.includes(category));
  return [...first, ...channels.filter((c) => !c.firstFor.includes(category))];
}

/** The schedule the browser needs to compute "open now" for a channel, or undefined when it has no hours. */
export function channelSchedule(channel: ChannelData, timeZone: string): Schedule | undefined {
  if (!channel.hours && !channel.alwaysOpen) return undefined;
  const weekly = Object.fromEntries(WEEKDAYS.map((day) => [day, channel.hours?.[day] ?? []])) as Record<Weekday, TimeRange[]>;
  return {
    timeZone,
    alwaysOpen: channel.alwaysOpen,
    weekly,
    closures: channel.closures.map((c) => ({
      from: c.date.toISOString().slice(0, 10),
      to: (c.until ?? c.date).toISOString().slice(0, 10),
      note: c.note,
      hours: c.hours,
    })),
  };
}

/** One row of a weekly hours table. */
export interface HoursRow {
  day: Weekday;
  /** e.g. "09:00–17:30", or "" when closed. */
  hours: string;
}

/** Hours for each weekday, Monday first. */
export function weeklyRows(channel: ChannelData): HoursRow[] {
  return WEEKDAYS.map((day) => ({ day, hours: (channel.hours?.[day] ?? []).map(formatRange).join(', ') }));
}

/**
 * A compact summary of the week: runs of days with the same hours are
 * joined, e.g. [{ days: ['monday', 'wednesday'], hours: '09:00–17:30' }].
 * Closed days are left out; the caller says "closed other days".
 */
export function summariseWeek(channel: ChannelData): { first: Weekday; last: Weekday; hours: string }[] {
  const rows = weeklyRows(channel);
  const runs: { first: Weekday; last: Weekday; hours: string }[] = [];
  for (const row of rows) {
    const previous = runs.at(-1);
    const previousIndex = previous ? WEEKDAYS.indexOf(previous.last) : -2;
    if (row.hours && previous && previous.hours === row.hours && WEEKDAYS.indexOf(row.day) === previousIndex + 1) previous.last = row.day;
    else if (row.hours) runs.push({ first: row.day, last: row.day, hours: row.hours });
  }
  return runs;
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L: easy to read aloud

/**
 * A short code for an article that a customer can read out on the phone,
 * e.g. "K7P2". Derived from the slug so it never changes while the address
 * does not; `taken` lets the caller avoid the rare clash.
 */
export function articleReference(slug: string, taken: ReadonlySet<string> = new Set()): string {
  for (let salt = 0; ; salt++) {
    let hash = 2166136261;
    for (const char of `${slug}#${salt}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    let code = '';
    for (let i = 0; i < 4; i++) {
      code += REFERENCE_ALPHABET[hash % REFERENCE_ALPHABET.length];
      hash = Math.floor(hash / REFERENCE_ALPHABET.length);
    }
    if (!taken.has(code)) return code;
  }
}

/** What the help center knows about why the customer is getting in touch. */
export interface MessageContext {
  /** The article being read, if any. */
  article?: { title: string; url: string; reference: string };
  /** Searches tried this visit, with how many results each found. */
  searches?: { query: string; results: number }[];
  /** What the customer says they already tried. */
  tried?: string;
  /** What the customer said was missing from an article. */
  missing?: string;
}

/** Labels for the prefilled message, from the UI strings. */
export interface MessageWords {
  reading: string;
  reference: string;
  searched: string;
  noResults: string;
  tried: string;
  missing: string;
  question: string;
}

/**
 * The prefilled message: everything the help center knows, so the customer
 * is not asked for it again. Plain text, for an email body or a text message.
 */
export function composeMessage(context: MessageContext, words: MessageWords): string {
  const lines: string[] = [];
  if (context.article) {
    lines.push(`${words.reading} ${context.article.title}`, context.article.url, `${words.reference} ${context.article.reference}`);
  }
  if (context.searches?.length) {
    lines.push(`${words.searched} ${context.searches.map((s) => (s.results === 0 ? `"${s.query}" (${words.noResults})` : `"${s.query}"`)).join(', ')}`);
  }
  if (context.missing?.trim()) lines.push(`${words.missing} ${context.missing.trim()}`);
  if (context.tried?.trim()) lines.push(`${words.tried} ${context.tried.trim()}`);
  lines.push('', words.question, '');
  return lines.join('\n');
}
