import type { ChannelData } from '../schemas/contact.ts';
import { channelSchedule } from './contact.ts';
import type { Schedule, TimeRange, Weekday } from './hours.ts';
import { WEEKDAYS } from './hours.ts';

/**
 * Which contact channels can help a reader in their language. A channel
 * that lists no `languages` speaks the site's default language only: the
 * page must not promise Welsh on a line where no one speaks it.
 */

/** The languages a channel's people speak. */
export function channelLanguages(channel: Pick<ChannelData, 'languages'>, defaultLanguage: string): string[] {
  return channel.languages ?? [defaultLanguage];
}

/** Whether a channel can help in a language; a regional variant counts ("pt" staff can help a "pt-br" reader, and the other way round). */
export function channelSpeaks(channel: Pick<ChannelData, 'languages'>, lang: string, defaultLanguage: string): boolean {
  const base = lang.split('-')[0];
  return channelLanguages(channel, defaultLanguage).some((code) => code === lang || code.split('-')[0] === base);
}

/**
 * Channels for a reader of `lang`: those that speak it first, then the
 * rest, each group in its configured order. Nobody is hidden: a reader may
 * still prefer a phone line in English to waiting for a Welsh email.
 */
export function orderChannelsForLanguage<T extends Pick<ChannelData, 'languages'>>(channels: T[], lang: string, defaultLanguage: string): T[] {
  const speaking = channels.filter((channel) => channelSpeaks(channel, lang, defaultLanguage));
  return [...speaking, ...channels.filter((channel) => !speaking.includes(channel))];
}

/**
 * A channel's schedule for speakers of a language: its `hoursByLanguage`
 * entry where it has one (same holidays), else the channel's own hours.
 */
export function channelScheduleFor(channel: ChannelData, timeZone: string, lang: string): Schedule | undefined {
  const schedule = channelSchedule(channel, timeZone);
  const hours = channel.hoursByLanguage?.[lang];
  if (!schedule || !hours) return schedule;
  const weekly = Object.fromEntries(WEEKDAYS.map((day) => [day, hours[day] ?? []])) as Record<Weekday, TimeRange[]>;
  return { ...schedule, alwaysOpen: false, weekly };
}
