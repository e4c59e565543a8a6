// Opening hours for contact channels. Runs at build time (Node) and in the browser
// (bundled by Vite), so it uses nothing but Intl and Date, and stays small.
import { fillTemplate } from './template.ts';

/** Monday-first, because that is how the hours table and the config are written. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** A key of `WeeklyHours`; derived from WEEKDAYS so the two cannot drift apart. */
export type Weekday = typeof WEEKDAYS[number];
/** Minutes from local midnight. end > start; an end past 1440 means the range runs past midnight into the next day (e.g. 22:00-02:00 → {start:1320,end:1560}). */
export interface TimeRange { start: number; end: number }
/** Wall-clock hours per weekday in the business's zone; an empty list means closed that day. */
export type WeeklyHours = Record<Weekday, TimeRange[]>;
/** A holiday or special day(s): inclusive local dates YYYY-MM-DD; hours [] = closed all day, otherwise replaces the normal hours on those days. */
export interface Closure { from: string; to: string; note?: string; hours: TimeRange[] }
/** Everything needed to work out a channel's status; `timeZone` is the business's, not the viewer's. */
export interface Schedule { timeZone: string; alwaysOpen: boolean; weekly: WeeklyHours; closures: Closure[] }

const DAY = 864e5;
const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => pad((minutes / 60) | 0) + ':' + pad(minutes % 60);

/** Parses "09:00-17:30", "9:00 – 17:30", "22:00-02:00" (crosses midnight), "00:00-24:00". Returns the range or a plain-English reason a writer can act on. */
export function parseTimeRange(text: string): { range: TimeRange } | { error: string } {
  const m = /^\s*(\d{1,2})[:.](\d\d)\s*(?:[-‐‑‒–—]|to)\s*(\d{1,2})[:.](\d\d)\s*$/i.exec(text);
  if (!m) {
    return { error: `"${text.trim()}" is not a time range. Write two 24-hour times joined by a dash, like "09:00-17:30".` };
  }
  const times = [1, 3].map((i) => ({ text: `${m[i]}:${m[i + 1]}`, h: Number(m[i]), min: Number(m[i + 1]) }));
  for (const t of times) {
    if (t.h > 24 || t.min > 59 || (t.h === 24 && t.min > 0)) {
      return { error: `"${t.text}" is not a time of day. Use 00:00 to 23:59, or 24:00 for the very end of the day.` };
    }
  }
  const [start, end] = times.map((t) => t.h * 60 + t.min) as [number, number];
  if (start === 1440) return { error: 'A range cannot start at 24:00. To start at midnight, write 00:00.' };
  if (start === end) {
    return { error: `"${text.trim()}" opens and closes at the same time. For open all day write "00:00-24:00"; for a closed day leave the hours empty.` };
  }
  // An end earlier than the start can only mean the hours run on past midnight.
  return { range: { start, end: end < start ? end + 1440 : end } };
}

/** Pairs of ranges in one day's list that overlap (for config validation), e.g. returns [[0,1]]. Ranges that only touch (12:00 end, 12:00 start) do not overlap. */
export function findOverlaps(ranges: TimeRange[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  ranges.forEach((a, i) => {
    for (let j = i + 1; j < ranges.length; j++) {
      const b = ranges[j]!;
      if (a.start < b.end && b.start < a.end) pairs.push([i, j]);
    }
  });
  return pairs;
}

// Building a DateTimeFormat is far slower than using one, and status needs dozens of lookups.
const partsFormatters: Record<string, Intl.DateTimeFormat> = {};

/** Wall-clock time in `zone` at instant `ms`, expressed as if it were UTC milliseconds (whole seconds). */
function wallClock(zone: string, ms: number): number {
  const n = 'numeric';
  const f = (partsFormatters[zone] ??= new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: n,
    month: n,
    day: n,
    hour: n,
    minute: n,
    second: n,
  }));
  const p: Record<string, number> = {};
  for (const { type, value } of f.formatToParts(ms)) p[type] = +value;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
}

// Only called with whole minutes, so no sub-second part needs dropping before subtracting.
const offset = (zone: string, ms: number) => wallClock(zone, ms) - ms;

/** Whether a string is an IANA time zone this JS engine knows (e.g. "Europe/London"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    wallClock(zone, 0);
    return true;
  } catch {
    return false;
  }
}

/** Instant for a wall-clock time given as UTC-style milliseconds. */
function toInstant(local: number, zone: string): number {
  // The true instant is within ±14 h of `local`, so the offsets a day either side
  // are the only two candidates (no zone changes its offset twice in two days).
  const before = local - offset(zone, local - DAY);
  const after = local - offset(zone, local + DAY);
  if (before === after) return before;
  // In an autumn overlap both read back as `local` and `before` is the earlier, so it
  // wins. In a spring gap neither does, and `before` (the pre-change offset) lands as
  // far past the gap as the time was into it.
  return wallClock(zone, before) === local || wallClock(zone, after) !== local ? before : after;
}

/** The UTC instant for a wall-clock time in a zone (handles DST: a time in the spring-forward gap moves forward; in the autumn overlap the first occurrence is used). month is 1-12. */
export function zonedTimeToInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  return new Date(toInstant(Date.UTC(year, month - 1, day, 0, minutes), timeZone));
}

/** What the customer needs to know right now; instants, so the viewer's zone is applied only when formatting. */
export type ChannelStatus =
  | { state: 'always-open' }
  | { state: 'open'; closesAt: Date }
  | { state: 'closed'; opensAt?: Date; closureNote?: string };

/** Status at `now`. Adjacent/overlapping intervals (e.g. Mon 22:00-24:00 then Tue 00:00-06:00, or a range crossing midnight) merge so closesAt is the real closing time. closureNote is set when today (business local date) is a full-day closure. opensAt is undefined if nothing opens within 366 days. */
export function channelStatus(schedule: Schedule, now: Date): ChannelStatus {
  if (schedule.alwaysOpen) return { state: 'always-open' };
  const zone = schedule.timeZone;
  const t = +now;
  const wall = wallClock(zone, t);
  const today = wall - (wall % DAY);
  let note: string | undefined;
  let start = 0;
  let end = -Infinity;
  // Start from yesterday for ranges running past midnight. Days are walked in order and
  // each day's ranges start before the next day's, so one running interval merges them;
  // it is final only once a later range starts after it ends.
  scan: for (let i = -1; i <= 367; i++) {
    const midnight = today + i * DAY;
    const date = new Date(midnight);
    const key = date.toISOString().slice(0, 10);
    const closure = schedule.closures.find((c) => c.from <= key && key <= c.to);
    if (!i && closure && !closure.hours.length) note = closure.note;
    const ranges = closure ? closure.hours : schedule.weekly[WEEKDAYS[(date.getUTCDay() + 6) % 7]!] ?? [];
    for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
      const from = toInstant(midnight + r.start * 6e4, zone);
      if (from > end) {
        if (end > t) break scan;
        start = from;
      }
      end = Math.max(end, toInstant(midnight + r.end * 6e4, zone));
    }
  }
  if (end > t && start <= t) return { state: 'open', closesAt: new Date(end) };
  const closed: ChannelStatus = { state: 'closed' };
  if (end > t) closed.opensAt = new Date(start);
  if (note) closed.closureNote = note;
  return closed;
}

/** Customer-facing phrases, kept apart so a translated site can replace them. */
export interface StatusWords { alwaysOpen: string; openUntil: string; closedOpens: string; closed: string; today: string; tomorrow: string }

const ENGLISH: StatusWords = {
  alwaysOpen: 'Open 24 hours',
  openUntil: 'Open now, until {time}',
  closedOpens: 'Closed, opens {day} at {time}',
  closed: 'Closed',
  today: 'today',
  tomorrow: 'tomorrow',
};

// Status text is re-rendered (e.g. every minute, per channel), so reuse formatters.
const displayFormatters: Record<string, Intl.DateTimeFormat> = {};
const formatter = (locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) =>
  (displayFormatters[locale + timeZone + JSON.stringify(options)] ??= new Intl.DateTimeFormat(locale, { ...options, timeZone }));

/** Short status text for the customer, in THEIR time zone `viewerTimeZone` and `locale` (e.g. 'en-GB'), using Intl.DateTimeFormat:
 *  always-open → "Open 24 hours"
 *  open → "Open now, until 17:30" (add the weekday if closing is not today in viewer's zone: "Open now, until Tuesday 02:00")
 *  closed → "Closed, opens today at 09:00" / "Closed, opens tomorrow at 09:00" / "Closed, opens Monday at 09:00" / beyond 6 days "Closed, opens 2 January at 09:00"; with no opensAt "Closed"; with a closureNote append " (Christmas Day)" after "Closed".
 *  "today"/"tomorrow" are judged by calendar dates in the viewer's zone. Time format from Intl with hour/minute for the locale (en-GB gives 17:30, en-US gives 5:30 PM). Keep the phrases in an optional `words` parameter object with English defaults so they can be translated: { alwaysOpen, openUntil: 'Open now, until {time}', closedOpens: 'Closed, opens {day} at {time}', closed: 'Closed', today: 'today', tomorrow: 'tomorrow' }. */
export function formatStatus(
  status: ChannelStatus,
  now: Date,
  viewerTimeZone: string,
  locale: string,
  words?: Partial<StatusWords>,
): string {
  const w = { ...ENGLISH, ...words };
  if (status.state === 'always-open') return w.alwaysOpen;
  const open = status.state === 'open';
  const at = open ? status.closesAt : status.opensAt;
  let text = w.closed;
  if (at) {
    const f = (options: Intl.DateTimeFormatOptions) => formatter(locale, viewerTimeZone, options).format(at);
    const days = Math.floor(wallClock(viewerTimeZone, +at) / DAY) - Math.floor(wallClock(viewerTimeZone, +now) / DAY);
    // Ask for a 2-digit hour only where the locale uses a 24-hour clock: "09:00" but not "09:00 AM".
    const h12 = formatter(locale, viewerTimeZone, { hour: 'numeric' }).resolvedOptions().hour12;
    const time = f({ hour: h12 ? 'numeric' : '2-digit', minute: '2-digit' });
    const day =
      days > 6
        ? f({ day: 'numeric', month: 'long' })
        : days > 1 || (open && days)
          ? f({ weekday: 'long' })
          : days
            ? w.tomorrow
            : w.today;
    if (open) return fillTemplate(w.openUntil, { time: days ? day + ' ' + time : time });
    text = fillTemplate(w.closedOpens, { day, time });
  }
  const note = !open && status.closureNote ? ` (${status.closureNote})` : '';
  if (!note) return text;
  // The note qualifies "Closed", so it goes straight after that word where the phrase has it.
  return text.includes(w.closed) ? text.replace(w.closed, () => w.closed + note) : text + note;
}

/** "09:00–17:30" style display of a range for the weekly hours table (end shown as "02:00" for 1560, "24:00" for 1440). */
export function formatRange(range: TimeRange): string {
  return hhmm(range.start) + '–' + hhmm(range.end === 1440 ? 1440 : range.end % 1440);
}
