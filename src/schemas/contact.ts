import { z } from 'astro/zod';
// hours.ts is a leaf module (no imports) shared with the browser; the schema
// uses its parser so config and runtime can never disagree on a time range.
import { findOverlaps, parseTimeRange, WEEKDAYS, type TimeRange, type Weekday } from '../shared/hours.ts';
import { calendarDateSchema, KEBAB_CASE, languageCodeSchema } from './common.ts';
import { checkEmailAddress, checkWebAddress, type ValueProblem } from './web-address.ts';

/** The kinds of channel, and how each becomes a link. */
export const CHANNEL_KINDS = ['phone', 'sms', 'email', 'chat', 'relay', 'video-relay', 'post', 'other'] as const;
/** A kind of contact channel. */
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
/** Kinds where a person answers while you wait. */
export const REAL_TIME_KINDS: ReadonlySet<ChannelKind> = new Set(['phone', 'chat', 'relay', 'video-relay']);
/** Kinds a customer can use without speaking or hearing. */
export const TEXT_KINDS: ReadonlySet<ChannelKind> = new Set(['email', 'sms', 'chat', 'relay']);

const rangeSchema = z.string().transform((text, ctx): TimeRange => {
  const parsed = parseTimeRange(text);
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: `a time range like "09:00-17:30" (${parsed.error})` });
    return z.NEVER;
  }
  return parsed.range;
});

/** One day's hours: "closed", one range, or a list of ranges. */
const dayHoursSchema = z
  .union([z.literal('closed'), rangeSchema, z.array(rangeSchema)])
  .transform((value): TimeRange[] => (value === 'closed' ? [] : Array.isArray(value) ? value : [value]))
  .superRefine((ranges, ctx) => {
    for (const [a, b] of findOverlaps(ranges)) {
      ctx.addIssue({ code: 'custom', message: `time ranges that do not overlap (range ${a + 1} overlaps range ${b + 1})` });
    }
  });

/** Hours per weekday; a missing day is closed. */
export const weeklySchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, dayHoursSchema.optional()])) as Record<Weekday, z.ZodOptional<typeof dayHoursSchema>>,
);

const closureSchema = z
  .strictObject({
    /** The first (or only) day, YYYY-MM-DD. */
    date: calendarDateSchema,
    /** The last day of a longer closure, YYYY-MM-DD. */
    until: calendarDateSchema.optional(),
    /** Why: shown to customers, e.g. "Christmas Day". */
    note: z.string().trim().min(1).optional(),
    /** "closed" (the default) or the special hours for those days. */
    hours: dayHoursSchema.default([]),
  })
  .refine((c) => !c.until || c.until >= c.date, { message: 'an "until" date on or after "date"', path: ['until'] });

const E164 = /^\+[1-9][0-9 ]{6,18}$/;
const DIALLABLE = /^\+?[0-9][0-9 ]{2,20}$/;

/** One way to reach a person. */
export const channelSchema = z
  .strictObject({
    /** Short unique name, used in category overrides, e.g. "billing-phone". */
    id: z.string().regex(KEBAB_CASE, 'lower-case words joined by hyphens, like "billing-phone"'),
    /** What kind of channel this is; decides the link. */
    kind: z.enum(CHANNEL_KINDS),
    /** What customers see, e.g. "Phone" or "Billing line". */
    label: z.string().trim().min(1, 'a short name like "Phone"').max(40, 'a name of at most 40 characters'),
    /** The number, address or web link. For post: the postal address, one line per line. */
    value: z.string().trim().min(1, 'the number, address or link'),
    /** How the value is shown, when it differs from the link form, e.g. "020 7946 0321". */
    display: z.string().trim().min(1).optional(),
    /** Opening hours per weekday in the site's time zone; a missing day is closed. */
    hours: weeklySchema.optional(),
    /** Answered at every hour of every day. */
    alwaysOpen: z.boolean().default(false),
    /** Holidays and special days. */
    closures: z.array(closureSchema).default([]),
    /** What to expect, e.g. "We reply within one working day." */
    promise: z.string().trim().min(1).optional(),
    /** What it costs to use, e.g. "Calls cost the same as a local call." */
    cost: z.string().trim().min(1).optional(),
    /** An accessible alternative or note, e.g. how to use it through a relay service. */
    accessibility: z.string().trim().min(1).optional(),
    /** Category slugs whose pages list this channel first. */
    firstFor: z.array(z.string().regex(KEBAB_CASE)).default([]),
    /** Languages its people speak, by code, e.g. [en, cy]; left out, the site's default language only. */
    languages: z.array(languageCodeSchema).optional(),
    /** Hours in a language where they differ from the channel's, e.g. Welsh speakers on Mondays only. */
    hoursByLanguage: z.record(languageCodeSchema, weeklySchema).optional(),
  })
  .superRefine((channel, ctx) => {
    const bad = (message: string) => ctx.addIssue({ code: 'custom', path: ['value'], message });
    const refused = (found: ValueProblem | undefined) => {
      if (found) ctx.addIssue({ code: 'custom', path: ['value'], message: found.allowed, params: { ...found } });
    };
    switch (channel.kind) {
      case 'phone':
      case 'sms':
        if (!E164.test(channel.value)) bad('an international number starting with + and the country code, like "+44 20 7946 0321", so it works as a tel: link');
        break;
      case 'relay':
        if (!DIALLABLE.test(channel.value)) bad('a number to dial, digits and spaces only, like "18001 020 7946 0321"');
        break;
      case 'email':
        refused(checkEmailAddress(channel.value));
        break;
      case 'chat':
      case 'video-relay':
      case 'other':
        refused(checkWebAddress(channel.value));
        break;
    }
    const shown = channel.display === undefined ? undefined : displayMismatch(channel.kind, channel.value, channel.display);
    if (shown) ctx.addIssue({ code: 'custom', path: ['display'], message: shown.allowed, params: { ...shown } });
    if (REAL_TIME_KINDS.has(channel.kind) && !channel.hours && !channel.alwaysOpen) {
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'opening hours (or alwaysOpen: true) for a channel answered in real time' });
    }
    if (channel.hours && channel.alwaysOpen) {
      ctx.addIssue({ code: 'custom', path: ['alwaysOpen'], message: 'either hours or alwaysOpen: true, not both' });
    }
    const seen = new Set<string>();
    channel.languages?.forEach((code, i) => {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', path: ['languages', i], message: 'a language listed only once' });
      seen.add(code);
    });
    for (const code of Object.keys(channel.hoursByLanguage ?? {})) {
      if (!seen.has(code)) {
        ctx.addIssue({ code: 'custom', path: ['hoursByLanguage', code], message: `a language the channel lists in languages (${[...seen].join(', ') || 'none listed'})` });
      }
    }
  });

// The letters on each key of a phone keypad, from 2 to 9.
const KEYPAD = ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'];

/** The digits of the first phone number in a text, vanity letters (1-800-FLOWERS) as the keypad digits they dial. */
function dialledDigits(text: string): string {
  const number = /\+?\(?\d[\d\s().\/-]*(?:[A-Z]{2,}[\dA-Z-]*)?/.exec(text)?.[0] ?? '';
  return number.replace(/[A-Z]/g, (letter) => String(KEYPAD.findIndex((keys) => keys.includes(letter)) + 2)).replace(/\D/g, '');
}

/**
 * Whether `display` shows the address the link goes to. The link uses
 * `value`; a display with another number or address would show customers
 * one thing and send them to another (a premium-rate line, a stranger's
 * inbox), and only the display is what a reviewer reads on the page.
 */
export function displayMismatch(kind: ChannelKind, value: string, display: string): ValueProblem | undefined {
  // A value that is refused itself is reported on its own; comparing with it would only add noise.
  if (kind === 'phone' || kind === 'sms' || kind === 'relay') {
    if (!(kind === 'relay' ? DIALLABLE : E164).test(value)) return undefined;
    // "+44 (0)20 …" shows the trunk 0 that is not dialled from abroad.
    const shown = dialledDigits(display.replace(/\(0\)/g, ''));
    // A display without a number ("Call us") shows nothing to compare.
    if (shown.length < 6) return undefined;
    const dialled = value.replace(/\D/g, '');
    // The same number, or its national form: "020 7946 0321" for "+44 20 7946 0321" (a trunk 0 for the country code), "(555) 123-4567" for "+1 555 123 4567".
    if (shown === dialled || dialled.endsWith(shown) || (shown.startsWith('0') && dialled.endsWith(shown.slice(1)))) return undefined;
    return {
      problem: 'shows a different number from the one the link dials (value)',
      allowed: `the number in value (${value}), written as customers dial it, e.g. "020 7946 0321" for "+44 20 7946 0321"`,
      fix: `Write the number from value here, or correct value: a link that dials another number than it shows would send customers somewhere else.`,
    };
  }
  if (kind === 'email' && display.includes('@') && !checkEmailAddress(value) && !display.toLowerCase().includes(value.toLowerCase())) {
    return {
      problem: 'shows a different email address from the one the link writes to (value)',
      allowed: `the address in value (${value}), or a name without an address`,
      fix: 'Write the address from value here, or correct value: a link that writes to another address than it shows would send customers\' messages somewhere else.',
    };
  }
  return undefined;
}

/** What a writer reads when contact.yaml still has the old `feedbackEndpoint`. */
export const MOVED_FEEDBACK_ENDPOINT: ValueProblem = {
  problem: 'has moved: the address events are sent to is now "collector" in content/site.yaml',
  allowed: 'no feedbackEndpoint here; collector: https://listen.example.com in content/site.yaml',
  fix: 'Remove this line, and write collector: with the address of your collector (npm run listen) in content/site.yaml. It receives votes with reasons, searches and contacts at /v1/events, which an old feedback endpoint would refuse.',
};

function refuseMovedFeedbackEndpoint(_value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  ctx.addIssue({ code: 'custom', message: MOVED_FEEDBACK_ENDPOINT.allowed, params: { ...MOVED_FEEDBACK_ENDPOINT } });
}

/** Contact settings (`content/contact.yaml`). */
export const contactSchema = z
  .strictObject({
    /** What to have ready before getting in touch. */
    prepare: z.array(z.string().trim().min(1)).default([]),
    /** The channels, in the order every page lists them. */
    channels: z.array(channelSchema).min(1, 'at least one channel'),
    /**
     * Replaced by `collector` in site.yaml, which also takes searches and
     * contacts in a shape the old endpoint never received. Kept as a field
     * only to say so: an alias would send new events to an old receiver.
     */
    feedbackEndpoint: z.unknown().superRefine(refuseMovedFeedbackEndpoint).optional(),
  })
  .superRefine((contact, ctx) => {
    const seen = new Set<string>();
    contact.channels.forEach((channel, i) => {
      if (seen.has(channel.id)) ctx.addIssue({ code: 'custom', path: ['channels', i, 'id'], message: 'an id used by no other channel' });
      seen.add(channel.id);
    });
    if (!contact.channels.some((c) => REAL_TIME_KINDS.has(c.kind))) {
      ctx.addIssue({ code: 'custom', path: ['channels'], message: 'at least one real-time channel (phone, chat, relay or video-relay) so a customer can reach a person now' });
    }
    if (!contact.channels.some((c) => TEXT_KINDS.has(c.kind))) {
      ctx.addIssue({ code: 'custom', path: ['channels'], message: 'at least one text channel (email, sms, chat or relay) for customers who cannot use a phone' });
    }
  });

/** Contact settings after parsing: hours are minute ranges. */
export type ContactData = z.output<typeof contactSchema>;
/** One channel after parsing. */
export type ChannelData = ContactData['channels'][number];

/** How to fix each field, for error messages. */
export const contactFieldHelp = {
  prepare: 'List what to have ready, e.g. prepare: ["Your order number"].',
  channels:
    'Each channel needs id, kind, label and value; see the example in content/contact.yaml. Kinds: phone, sms, email, chat, relay, video-relay, post, other.',
  feedbackEndpoint: 'Remove feedbackEndpoint, and write collector: https://listen.example.com in content/site.yaml (see README, "Listening to customers").',
  'channels.id': 'Give each channel a short unique id, e.g. id: billing-phone.',
  'channels.kind': 'Use one of: phone, sms, email, chat, relay, video-relay, post, other.',
  'channels.value': 'Phone and text numbers start with + and the country code (e.g. "+44 20 7946 0321"); emails look like help@example.com; chat and video links start with https://.',
  'channels.display': 'Write the number as customers dial it locally, e.g. display: "020 7946 0321".',
  'channels.hours': 'Write each weekday as "09:00-17:30", a list like ["09:00-12:30", "13:30-17:00"], or closed. Ranges on the same day must not overlap.',
  'channels.alwaysOpen': 'Write alwaysOpen: true for a channel answered around the clock, and leave out hours.',
  'channels.closures': 'Write closures as a list, e.g. - { date: 2026-12-25, note: Christmas Day } or with until: and hours:.',
  'channels.firstFor': 'List category slugs, e.g. firstFor: [billing].',
  'channels.languages': 'List the codes of the languages the people on this channel speak, e.g. languages: [en, cy].',
  'channels.hoursByLanguage':
    'Add hours for a language the channel lists in languages, written like hours, e.g. hoursByLanguage: { cy: { monday: "09:00-13:00" } }.',
} satisfies Record<keyof typeof contactSchema.shape, string> & Partial<Record<`channels.${keyof typeof channelSchema.shape}`, string>>;
