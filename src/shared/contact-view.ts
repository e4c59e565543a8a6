import type { ChannelData } from '../schemas/contact.ts';
import { carriesMessage, channelHref, channelHrefWithMessage, composeMessage, summariseWeek, type MessageContext, type MessageWords } from './contact.ts';
import { WEEKDAYS, type Schedule, type StatusWords } from './hours.ts';
import { channelScheduleFor } from './channel-languages.ts';
import type { Translator } from './i18n.ts';
import { createTranslator, type StringKey } from './strings.ts';

const english = createTranslator('en');

/** The prefilled-message labels, from the UI strings. */
export function messageWords(tr: Translator<StringKey> = english): MessageWords {
  const t = tr.t;
  return {
    reading: t('contact.message.reading'),
    reference: t('contact.message.reference'),
    searched: t('contact.message.searched'),
    noResults: t('contact.message.noResults'),
    tried: t('contact.message.tried'),
    missing: t('contact.message.missing'),
    question: t('contact.message.question'),
  };
}

/** The open/closed phrases, from the UI strings. */
export function statusWords(tr: Translator<StringKey> = english): StatusWords {
  const t = tr.t;
  return {
    alwaysOpen: t('contact.status.alwaysOpen'),
    openUntil: t('contact.status.openUntil'),
    closedOpens: t('contact.status.closedOpens'),
    closed: t('contact.status.closed'),
    today: t('contact.status.today'),
    tomorrow: t('contact.status.tomorrow'),
  };
}

/** "London" from "Europe/London": how people name a time zone. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
}

/** Everything a page needs to show one channel, worked out at build time. */
export interface ChannelView {
  id: string;
  kind: ChannelData['kind'];
  label: string;
  /** The number, address or link as shown. */
  shown: string;
  /** The plain link; with a prefilled message for email and text. */
  href?: string;
  /** Whether the link carries the prefilled message (and scripts may update it). */
  carriesMessage: boolean;
  /** Raw value the browser needs to rebuild the link. */
  value: string;
  schedule?: Schedule;
  /** e.g. "Mon–Fri 09:00–17:30 · Sat 10:00–14:00 · closed other days". */
  hoursSummary: string;
  channel: ChannelData;
}

/**
 * Builds the view of each channel, with messages prefilled from what the
 * page knows, in the page's language (`tr`): its words, and the hours the
 * channel keeps for speakers of that language (`hoursByLanguage`).
 */
export function channelViews(channels: ChannelData[], timeZone: string, subject: string, context: MessageContext, tr: Translator<StringKey> = english): ChannelView[] {
  const t = tr.t;
  const body = composeMessage(context, messageWords(tr));
  return channels.map((channel) => {
    const own = channel.hoursByLanguage?.[tr.lang];
    // Hours kept for this language replace the week, as channelScheduleFor does for the live status.
    const runs = summariseWeek(own ? { ...channel, hours: own, alwaysOpen: false } : channel);
    const dayShort = (day: string) => t(`dayShort.${day}` as StringKey);
    let hoursSummary = '';
    if (channel.alwaysOpen && !own) hoursSummary = t('contact.alwaysOpen');
    else if (own ?? channel.hours) {
      // In right-to-left text "09:00–17:30" would read backwards: isolate each range left to right (LRI … PDI).
      const hours = (text: string) => (tr.dir === 'rtl' ? `\u2066${text}\u2069` : text);
      const parts = runs.map((run) => `${run.first === run.last ? dayShort(run.first) : `${dayShort(run.first)}–${dayShort(run.last)}`} ${hours(run.hours)}`);
      const openDays = runs.reduce((n, run) => n + WEEKDAYS.indexOf(run.last) - WEEKDAYS.indexOf(run.first) + 1, 0);
      if (openDays < 7) parts.push(t('contact.closedOtherDays'));
      hoursSummary = `${parts.join(' · ')} (${zoneCity(timeZone)})`;
    }
    return {
      id: channel.id,
      kind: channel.kind,
      label: channel.label,
      shown: channel.display ?? channel.value,
      href: carriesMessage(channel) ? channelHrefWithMessage(channel, subject, body) : channelHref(channel),
      carriesMessage: carriesMessage(channel),
      value: channel.value,
      schedule: channelScheduleFor(channel, timeZone, tr.lang),
      hoursSummary,
      channel,
    };
  });
}

/** What every page's contact lists share, embedded once as JSON by the layout. */
export interface ContactPageData {
  schedules: Record<string, Schedule>;
  messageWords: MessageWords;
  statusWords: StatusWords;
  locale: string;
}

/** The shared contact data for a page: each channel's schedule by id, and the wording. */
export function contactPageData(channels: ChannelData[], timeZone: string, locale: string, tr: Translator<StringKey> = english): ContactPageData {
  const schedules: Record<string, Schedule> = {};
  for (const channel of channels) {
    const schedule = channelScheduleFor(channel, timeZone, tr.lang);
    if (schedule) schedules[channel.id] = schedule;
  }
  return { schedules, messageWords: messageWords(tr), statusWords: statusWords(tr), locale };
}
