import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  WEEKDAYS,
  channelStatus,
  findOverlaps,
  formatRange,
  formatStatus,
  isValidTimeZone,
  parseTimeRange,
  zonedTimeToInstant,
} from '../../src/shared/hours.ts';
import type { ChannelStatus, Closure, Schedule, TimeRange, WeeklyHours } from '../../src/shared/hours.ts';

const at = (iso: string) => new Date(iso);
const r = (text: string): TimeRange => {
  const parsed = parseTimeRange(text);
  if (!('range' in parsed)) throw new Error(parsed.error);
  return parsed.range;
};

function weekly(hours: Partial<Record<(typeof WEEKDAYS)[number], string[]>>): WeeklyHours {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, (hours[d] ?? []).map(r)])) as WeeklyHours;
}

const office = weekly({
  monday: ['09:00-17:30'],
  tuesday: ['09:00-17:30'],
  wednesday: ['09:00-17:30'],
  thursday: ['09:00-17:30'],
  friday: ['09:00-17:30'],
  saturday: ['10:00-14:00'],
});

function london(closures: Closure[] = [], hours: WeeklyHours = office): Schedule {
  return { timeZone: 'Europe/London', alwaysOpen: false, weekly: hours, closures };
}

const status = (schedule: Schedule, now: string) => {
  const s = channelStatus(schedule, at(now));
  // Compare as ISO strings so failures show readable instants.
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
};

describe('parseTimeRange', () => {
  test('accepts the usual forms', () => {
    assert.deepEqual(parseTimeRange('09:00-17:30'), { range: { start: 540, end: 1050 } });
    assert.deepEqual(parseTimeRange('9:00 – 17:30'), { range: { start: 540, end: 1050 } });
    assert.deepEqual(parseTimeRange('  08:15—12:45 '), { range: { start: 495, end: 765 } });
    assert.deepEqual(parseTimeRange('9.00 to 17.30'), { range: { start: 540, end: 1050 } });
  });

  test('an end before the start runs past midnight', () => {
    assert.deepEqual(parseTimeRange('22:00-02:00'), { range: { start: 1320, end: 1560 } });
    assert.deepEqual(parseTimeRange('17:00-09:00'), { range: { start: 1020, end: 1980 } });
    assert.deepEqual(parseTimeRange('22:00-00:00'), { range: { start: 1320, end: 1440 } });
  });

  test('24:00 ends the day', () => {
    assert.deepEqual(parseTimeRange('00:00-24:00'), { range: { start: 0, end: 1440 } });
    assert.deepEqual(parseTimeRange('18:00-24:00'), { range: { start: 1080, end: 1440 } });
  });

  test('rejects bad input with a reason a writer can act on', () => {
    assert.deepEqual(parseTimeRange('9-5'), {
      error: '"9-5" is not a time range. Write two 24-hour times joined by a dash, like "09:00-17:30".',
    });
    assert.deepEqual(parseTimeRange('abc'), {
      error: '"abc" is not a time range. Write two 24-hour times joined by a dash, like "09:00-17:30".',
    });
    assert.deepEqual(parseTimeRange('25:00-26:00'), {
      error: '"25:00" is not a time of day. Use 00:00 to 23:59, or 24:00 for the very end of the day.',
    });
    assert.deepEqual(parseTimeRange('09:00-17:60'), {
      error: '"17:60" is not a time of day. Use 00:00 to 23:59, or 24:00 for the very end of the day.',
    });
    assert.deepEqual(parseTimeRange('09:00-24:30'), {
      error: '"24:30" is not a time of day. Use 00:00 to 23:59, or 24:00 for the very end of the day.',
    });
    assert.deepEqual(parseTimeRange('24:00-02:00'), {
      error: 'A range cannot start at 24:00. To start at midnight, write 00:00.',
    });
    assert.deepEqual(parseTimeRange('09:00-09:00'), {
      error:
        '"09:00-09:00" opens and closes at the same time. For open all day write "00:00-24:00"; for a closed day leave the hours empty.',
    });
    assert.ok('error' in parseTimeRange(''));
    assert.ok('error' in parseTimeRange('09:00-17:30-18:00'));
  });
});

describe('findOverlaps', () => {
  test('reports each overlapping pair once', () => {
    assert.deepEqual(findOverlaps([r('09:00-12:00'), r('11:00-14:00')]), [[0, 1]]);
    assert.deepEqual(findOverlaps([r('09:00-17:00'), r('10:00-11:00'), r('16:00-18:00'), r('20:00-21:00')]), [
      [0, 1],
      [0, 2],
    ]);
    assert.deepEqual(findOverlaps([r('22:00-02:00'), r('23:00-23:30')]), [[0, 1]]);
  });

  test('touching or separate ranges do not overlap', () => {
    assert.deepEqual(findOverlaps([r('09:00-12:00'), r('12:00-17:00')]), []);
    assert.deepEqual(findOverlaps([r('13:00-17:00'), r('09:00-12:00')]), []);
    assert.deepEqual(findOverlaps([]), []);
  });
});

describe('isValidTimeZone', () => {
  test('knows real zones and rejects others', () => {
    assert.equal(isValidTimeZone('Europe/London'), true);
    assert.equal(isValidTimeZone('America/New_York'), true);
    assert.equal(isValidTimeZone('UTC'), true);
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
    assert.equal(isValidTimeZone(''), false);
  });
});

describe('zonedTimeToInstant', () => {
  const z = (y: number, m: number, d: number, time: string, zone: string) => {
    const [h, min] = time.split(':').map(Number) as [number, number];
    return zonedTimeToInstant(y, m, d, h * 60 + min, zone).toISOString();
  };

  test('fixed and ordinary offsets', () => {
    assert.equal(z(2026, 1, 14, '09:00', 'Europe/London'), '2026-01-14T09:00:00.000Z');
    assert.equal(z(2026, 7, 14, '09:00', 'Europe/London'), '2026-07-14T08:00:00.000Z');
    assert.equal(z(2026, 1, 14, '09:00', 'America/New_York'), '2026-01-14T14:00:00.000Z');
    assert.equal(z(2026, 7, 14, '09:00', 'America/New_York'), '2026-07-14T13:00:00.000Z');
    assert.equal(z(2026, 6, 15, '09:00', 'Asia/Kolkata'), '2026-06-15T03:30:00.000Z');
    assert.equal(z(2026, 6, 15, '02:00', 'Asia/Kolkata'), '2026-06-14T20:30:00.000Z');
    assert.equal(z(2026, 1, 15, '09:00', 'Australia/Sydney'), '2026-01-14T22:00:00.000Z');
    assert.equal(z(2026, 7, 15, '09:00', 'Australia/Sydney'), '2026-07-14T23:00:00.000Z');
  });

  test('minutes past 1440 roll into the next day, and month/year overflow', () => {
    assert.equal(zonedTimeToInstant(2026, 1, 14, 1560, 'Europe/London').toISOString(), '2026-01-15T02:00:00.000Z');
    assert.equal(zonedTimeToInstant(2026, 12, 31, 1440, 'Europe/London').toISOString(), '2027-01-01T00:00:00.000Z');
  });

  test('London spring forward 2026-03-29 (01:00 GMT → 02:00 BST)', () => {
    assert.equal(z(2026, 3, 29, '00:30', 'Europe/London'), '2026-03-29T00:30:00.000Z');
    assert.equal(z(2026, 3, 29, '01:00', 'Europe/London'), '2026-03-29T01:00:00.000Z'); // gap: reads as 02:00 BST
    assert.equal(z(2026, 3, 29, '01:30', 'Europe/London'), '2026-03-29T01:30:00.000Z'); // gap: moves forward to 02:30 BST
    assert.equal(z(2026, 3, 29, '02:00', 'Europe/London'), '2026-03-29T01:00:00.000Z');
    assert.equal(z(2026, 3, 29, '03:00', 'Europe/London'), '2026-03-29T02:00:00.000Z');
  });

  test('London fall back 2026-10-25 (02:00 BST → 01:00 GMT)', () => {
    assert.equal(z(2026, 10, 25, '00:30', 'Europe/London'), '2026-10-24T23:30:00.000Z');
    assert.equal(z(2026, 10, 25, '01:00', 'Europe/London'), '2026-10-25T00:00:00.000Z'); // first 01:00 (BST)
    assert.equal(z(2026, 10, 25, '01:30', 'Europe/London'), '2026-10-25T00:30:00.000Z'); // first 01:30 (BST)
    assert.equal(z(2026, 10, 25, '02:00', 'Europe/London'), '2026-10-25T02:00:00.000Z');
  });

  test('New York spring forward 2026-03-08 and fall back 2026-11-01', () => {
    assert.equal(z(2026, 3, 8, '01:30', 'America/New_York'), '2026-03-08T06:30:00.000Z');
    assert.equal(z(2026, 3, 8, '02:30', 'America/New_York'), '2026-03-08T07:30:00.000Z'); // gap → 03:30 EDT
    assert.equal(z(2026, 3, 8, '03:00', 'America/New_York'), '2026-03-08T07:00:00.000Z');
    assert.equal(z(2026, 11, 1, '00:30', 'America/New_York'), '2026-11-01T04:30:00.000Z');
    assert.equal(z(2026, 11, 1, '01:30', 'America/New_York'), '2026-11-01T05:30:00.000Z'); // first 01:30 (EDT)
    assert.equal(z(2026, 11, 1, '02:00', 'America/New_York'), '2026-11-01T07:00:00.000Z');
  });

  test('Sydney (southern hemisphere): fall back 2026-04-05, spring forward 2026-10-04', () => {
    assert.equal(z(2026, 4, 5, '02:30', 'Australia/Sydney'), '2026-04-04T15:30:00.000Z'); // first 02:30 (AEDT)
    assert.equal(z(2026, 4, 5, '03:00', 'Australia/Sydney'), '2026-04-04T17:00:00.000Z');
    assert.equal(z(2026, 10, 4, '01:30', 'Australia/Sydney'), '2026-10-03T15:30:00.000Z');
    assert.equal(z(2026, 10, 4, '02:30', 'Australia/Sydney'), '2026-10-03T16:30:00.000Z'); // gap → 03:30 AEDT
    assert.equal(z(2026, 10, 4, '03:00', 'Australia/Sydney'), '2026-10-03T16:00:00.000Z');
  });
});

describe('channelStatus', () => {
  test('open mid-morning on a weekday (winter)', () => {
    assert.deepEqual(status(london(), '2026-01-14T10:30:00Z'), { state: 'open', closesAt: '2026-01-14T17:30:00.000Z' });
  });

  test('opening and closing instants are half-open', () => {
    assert.deepEqual(status(london(), '2026-01-14T09:00:00Z'), { state: 'open', closesAt: '2026-01-14T17:30:00.000Z' });
    assert.deepEqual(status(london(), '2026-01-14T17:30:00Z'), { state: 'closed', opensAt: '2026-01-15T09:00:00.000Z' });
  });

  test('closed at night opens next morning', () => {
    assert.deepEqual(status(london(), '2026-01-14T22:00:00Z'), { state: 'closed', opensAt: '2026-01-15T09:00:00.000Z' });
    assert.deepEqual(status(london(), '2026-01-15T03:00:00Z'), { state: 'closed', opensAt: '2026-01-15T09:00:00.000Z' });
  });

  test('Friday evening → Saturday 10:00; Saturday afternoon → Monday 09:00', () => {
    assert.deepEqual(status(london(), '2026-01-16T18:00:00Z'), { state: 'closed', opensAt: '2026-01-17T10:00:00.000Z' });
    assert.deepEqual(status(london(), '2026-01-17T15:00:00Z'), { state: 'closed', opensAt: '2026-01-19T09:00:00.000Z' });
    assert.deepEqual(status(london(), '2026-01-17T12:00:00Z'), { state: 'open', closesAt: '2026-01-17T14:00:00.000Z' });
  });

  test('across the spring DST weekend', () => {
    assert.deepEqual(status(london(), '2026-03-28T15:00:00Z'), { state: 'closed', opensAt: '2026-03-30T08:00:00.000Z' });
    assert.deepEqual(status(london(), '2026-03-29T00:30:00Z'), { state: 'closed', opensAt: '2026-03-30T08:00:00.000Z' });
    assert.deepEqual(status(london(), '2026-03-30T12:00:00Z'), { state: 'open', closesAt: '2026-03-30T16:30:00.000Z' });
  });

  test('across the autumn DST weekend', () => {
    assert.deepEqual(status(london(), '2026-10-23T12:00:00Z'), { state: 'open', closesAt: '2026-10-23T16:30:00.000Z' });
    assert.deepEqual(status(london(), '2026-10-24T15:00:00Z'), { state: 'closed', opensAt: '2026-10-26T09:00:00.000Z' });
    assert.deepEqual(status(london(), '2026-10-25T01:30:00Z'), { state: 'closed', opensAt: '2026-10-26T09:00:00.000Z' });
  });

  const goodFriday: Closure = { from: '2026-04-03', to: '2026-04-03', note: 'Good Friday', hours: [] };

  test('holiday closure: closed with note, opens next normal day', () => {
    assert.deepEqual(status(london([goodFriday]), '2026-04-03T10:00:00Z'), {
      state: 'closed',
      opensAt: '2026-04-04T09:00:00.000Z',
      closureNote: 'Good Friday',
    });
    // The day before, the holiday is skipped but no note is given: today is not the holiday.
    assert.deepEqual(status(london([goodFriday]), '2026-04-02T20:00:00Z'), {
      state: 'closed',
      opensAt: '2026-04-04T09:00:00.000Z',
    });
  });

  test('a closure without a note gives no closureNote', () => {
    const closure: Closure = { from: '2026-04-03', to: '2026-04-03', hours: [] };
    assert.deepEqual(status(london([closure]), '2026-04-03T10:00:00Z'), {
      state: 'closed',
      opensAt: '2026-04-04T09:00:00.000Z',
    });
  });

  test('multi-day closure (Christmas 24–26 Dec)', () => {
    const christmas: Closure = { from: '2026-12-24', to: '2026-12-26', note: 'Christmas', hours: [] };
    assert.deepEqual(status(london([christmas]), '2026-12-23T18:00:00Z'), { state: 'closed', opensAt: '2026-12-28T09:00:00.000Z' });
    assert.deepEqual(status(london([christmas]), '2026-12-24T12:00:00Z'), {
      state: 'closed',
      opensAt: '2026-12-28T09:00:00.000Z',
      closureNote: 'Christmas',
    });
    assert.deepEqual(status(london([christmas]), '2026-12-26T23:59:00Z'), {
      state: 'closed',
      opensAt: '2026-12-28T09:00:00.000Z',
      closureNote: 'Christmas',
    });
  });

  test('special reduced hours replace the normal ones', () => {
    const eve: Closure = { from: '2026-12-31', to: '2026-12-31', note: "New Year's Eve", hours: [r('09:00-13:00')] };
    assert.deepEqual(status(london([eve]), '2026-12-31T12:00:00Z'), { state: 'open', closesAt: '2026-12-31T13:00:00.000Z' });
    assert.deepEqual(status(london([eve]), '2026-12-31T14:00:00Z'), { state: 'closed', opensAt: '2027-01-01T09:00:00.000Z' });
    // Special hours on a normally closed Sunday.
    const sunday: Closure = { from: '2026-01-18', to: '2026-01-18', hours: [r('12:00-16:00')] };
    assert.deepEqual(status(london([sunday]), '2026-01-17T15:00:00Z'), { state: 'closed', opensAt: '2026-01-18T12:00:00.000Z' });
  });

  test('a long closure is scanned past the first week', () => {
    const summer: Closure = { from: '2026-07-01', to: '2026-08-31', note: 'Summer break', hours: [] };
    assert.deepEqual(status(london([summer]), '2026-07-10T12:00:00Z'), {
      state: 'closed',
      opensAt: '2026-09-01T08:00:00.000Z',
      closureNote: 'Summer break',
    });
  });

  test('a range crossing midnight stays open into the next day', () => {
    const late = london([], weekly({ friday: ['20:00-02:00'] }));
    assert.deepEqual(status(late, '2026-01-17T01:00:00Z'), { state: 'open', closesAt: '2026-01-17T02:00:00.000Z' });
    assert.deepEqual(status(late, '2026-01-16T21:00:00Z'), { state: 'open', closesAt: '2026-01-17T02:00:00.000Z' });
    assert.deepEqual(status(late, '2026-01-17T03:00:00Z'), { state: 'closed', opensAt: '2026-01-23T20:00:00.000Z' });
  });

  test('a midnight-crossing range over the spring DST change', () => {
    const late = london([], weekly({ saturday: ['22:00-04:00'] }));
    assert.deepEqual(status(late, '2026-03-29T00:30:00Z'), { state: 'open', closesAt: '2026-03-29T03:00:00.000Z' });
  });

  test('24:00 and next-day 00:00 merge into one interval', () => {
    const night = london([], weekly({ monday: ['22:00-24:00'], tuesday: ['00:00-06:00'] }));
    assert.deepEqual(status(night, '2026-01-12T23:00:00Z'), { state: 'open', closesAt: '2026-01-13T06:00:00.000Z' });
    assert.deepEqual(status(night, '2026-01-13T01:00:00Z'), { state: 'open', closesAt: '2026-01-13T06:00:00.000Z' });
    assert.deepEqual(status(night, '2026-01-12T12:00:00Z'), { state: 'closed', opensAt: '2026-01-12T22:00:00.000Z' });
  });

  test('overlapping and unsorted ranges in a day merge', () => {
    const split = london([], weekly({ monday: ['11:00-14:00', '09:00-12:00', '15:00-16:00'] }));
    assert.deepEqual(status(split, '2026-01-12T09:30:00Z'), { state: 'open', closesAt: '2026-01-12T14:00:00.000Z' });
    assert.deepEqual(status(split, '2026-01-12T14:30:00Z'), { state: 'closed', opensAt: '2026-01-12T15:00:00.000Z' });
  });

  test('every day 00:00-24:00 without alwaysOpen reports open, not always-open', () => {
    const allDay = Object.fromEntries(WEEKDAYS.map((d) => [d, [r('00:00-24:00')]])) as WeeklyHours;
    const closing: Closure = { from: '2026-01-20', to: '2026-01-20', hours: [] };
    assert.deepEqual(status(london([closing], allDay), '2026-01-14T12:00:00Z'), {
      state: 'open',
      closesAt: '2026-01-20T00:00:00.000Z',
    });
  });

  test('a business in another zone', () => {
    const ny: Schedule = { timeZone: 'America/New_York', alwaysOpen: false, weekly: office, closures: [] };
    // 2026-03-08 is a Sunday (DST starts); Monday 09:00 EDT is 13:00Z.
    assert.deepEqual(status(ny, '2026-03-07T23:00:00Z'), { state: 'closed', opensAt: '2026-03-09T13:00:00.000Z' });
    // Friday 22:00Z is 17:00 in New York: still open until 17:30 EST.
    assert.deepEqual(status(ny, '2026-01-16T22:00:00Z'), { state: 'open', closesAt: '2026-01-16T22:30:00.000Z' });
  });

  test('alwaysOpen wins over everything', () => {
    const always: Schedule = { ...london([{ from: '2026-01-14', to: '2026-01-14', hours: [] }]), alwaysOpen: true };
    assert.deepEqual(channelStatus(always, at('2026-01-14T12:00:00Z')), { state: 'always-open' });
  });

  test('an empty schedule is closed with no opensAt', () => {
    assert.deepEqual(channelStatus(london([], weekly({})), at('2026-01-14T12:00:00Z')), { state: 'closed' });
    assert.deepEqual(
      channelStatus(london([{ from: '2026-01-14', to: '2026-01-14', note: 'Closed for good', hours: [] }], weekly({})), at('2026-01-14T12:00:00Z')),
      { state: 'closed', closureNote: 'Closed for good' },
    );
  });
});

describe('formatStatus', () => {
  const gb = (s: ChannelStatus, now: string, zone = 'Europe/London') => formatStatus(s, at(now), zone, 'en-GB');
  const open = (closes: string): ChannelStatus => ({ state: 'open', closesAt: at(closes) });
  const closed = (opens?: string, note?: string): ChannelStatus => ({
    state: 'closed',
    ...(opens ? { opensAt: at(opens) } : {}),
    ...(note ? { closureNote: note } : {}),
  });

  test('always open', () => {
    assert.equal(gb({ state: 'always-open' }, '2026-01-14T12:00:00Z'), 'Open 24 hours');
  });

  test('open, closing today or on a later day', () => {
    assert.equal(gb(open('2026-01-14T17:30:00Z'), '2026-01-14T10:30:00Z'), 'Open now, until 17:30');
    assert.equal(gb(open('2026-01-17T02:00:00Z'), '2026-01-16T21:00:00Z'), 'Open now, until Saturday 02:00');
    assert.equal(gb(open('2026-01-30T09:00:00Z'), '2026-01-14T21:00:00Z'), 'Open now, until 30 January 09:00');
  });

  test('viewer in another zone sees their own clock', () => {
    assert.equal(gb(open('2026-01-14T17:30:00Z'), '2026-01-14T10:30:00Z', 'America/New_York'), 'Open now, until 12:30');
    assert.equal(gb(open('2026-07-14T16:30:00Z'), '2026-07-14T10:30:00Z', 'Asia/Kolkata'), 'Open now, until 22:00');
    // Closing in London at 17:30 is already past midnight in Tokyo.
    assert.equal(gb(open('2026-01-14T17:30:00Z'), '2026-01-14T14:00:00Z', 'Asia/Tokyo'), 'Open now, until Thursday 02:30');
  });

  test('closed: today, tomorrow, weekday, beyond a week', () => {
    assert.equal(gb(closed('2026-01-14T09:00:00Z'), '2026-01-14T07:00:00Z'), 'Closed, opens today at 09:00');
    assert.equal(gb(closed('2026-01-15T09:00:00Z'), '2026-01-14T22:00:00Z'), 'Closed, opens tomorrow at 09:00');
    assert.equal(gb(closed('2026-01-19T09:00:00Z'), '2026-01-17T15:00:00Z'), 'Closed, opens Monday at 09:00');
    // Six days ahead still reads as a weekday; seven days ahead becomes a date.
    assert.equal(gb(closed('2026-01-20T09:00:00Z'), '2026-01-14T12:00:00Z'), 'Closed, opens Tuesday at 09:00');
    assert.equal(gb(closed('2026-01-21T09:00:00Z'), '2026-01-14T12:00:00Z'), 'Closed, opens 21 January at 09:00');
    assert.equal(gb(closed('2027-01-02T09:00:00Z'), '2026-12-20T12:00:00Z'), 'Closed, opens 2 January at 09:00');
    assert.equal(gb(closed(), '2026-01-14T12:00:00Z'), 'Closed');
  });

  test('today/tomorrow follow calendar dates in the viewer zone', () => {
    // 23:30 London Wednesday; opens 09:00 London Thursday.
    const s = closed('2026-01-15T09:00:00Z');
    assert.equal(gb(s, '2026-01-14T23:30:00Z'), 'Closed, opens tomorrow at 09:00');
    assert.equal(gb(s, '2026-01-14T23:30:00Z', 'America/New_York'), 'Closed, opens tomorrow at 04:00');
    // In Tokyo it is already Thursday 08:30, and opening is Thursday 18:00.
    assert.equal(gb(s, '2026-01-14T23:30:00Z', 'Asia/Tokyo'), 'Closed, opens today at 18:00');
    // Just after midnight London, Thursday opening is "today" even though it is only hours away.
    assert.equal(gb(s, '2026-01-15T00:01:00Z'), 'Closed, opens today at 09:00');
  });

  test('closure note follows "Closed"', () => {
    assert.equal(
      gb(closed('2026-12-28T09:00:00Z', 'Christmas Day'), '2026-12-25T12:00:00Z'),
      'Closed (Christmas Day), opens Monday at 09:00',
    );
    assert.equal(gb(closed(undefined, 'Christmas Day'), '2026-12-25T12:00:00Z'), 'Closed (Christmas Day)');
    assert.equal(gb(closed(undefined, 'Price $1 & $& day'), '2026-12-25T12:00:00Z'), 'Closed (Price $1 & $& day)');
  });

  test('en-US uses a 12-hour clock and month-first dates', () => {
    // ICU data differs on the space before AM/PM (U+202F in some builds), so normalise it.
    const us = (s: ChannelStatus, now: string) =>
      formatStatus(s, at(now), 'Europe/London', 'en-US').replace(/\u202f/g, ' ');
    assert.equal(us(open('2026-01-14T17:30:00Z'), '2026-01-14T10:30:00Z'), 'Open now, until 5:30 PM');
    assert.equal(us(closed('2026-01-15T09:00:00Z'), '2026-01-14T22:00:00Z'), 'Closed, opens tomorrow at 9:00 AM');
    assert.equal(us(closed('2027-01-02T09:00:00Z'), '2026-12-20T12:00:00Z'), 'Closed, opens January 2 at 9:00 AM');
  });

  test('phrases can be translated', () => {
    const de = {
      alwaysOpen: 'Rund um die Uhr geöffnet',
      openUntil: 'Jetzt geöffnet, bis {time}',
      closedOpens: 'Geschlossen, öffnet {day} um {time}',
      closed: 'Geschlossen',
      today: 'heute',
      tomorrow: 'morgen',
    };
    const f = (s: ChannelStatus, now: string) => formatStatus(s, at(now), 'Europe/Berlin', 'de-DE', de);
    assert.equal(f({ state: 'always-open' }, '2026-01-14T12:00:00Z'), 'Rund um die Uhr geöffnet');
    assert.equal(f(open('2026-01-14T16:30:00Z'), '2026-01-14T10:00:00Z'), 'Jetzt geöffnet, bis 17:30');
    assert.equal(f(closed('2026-01-15T08:00:00Z'), '2026-01-14T20:00:00Z'), 'Geschlossen, öffnet morgen um 09:00');
    assert.equal(f(closed('2026-01-19T08:00:00Z', 'Betriebsferien'), '2026-01-16T20:00:00Z'), 'Geschlossen (Betriebsferien), öffnet Montag um 09:00');
    // Only some phrases replaced: the rest stay English.
    assert.equal(formatStatus(closed(), at('2026-01-14T12:00:00Z'), 'Europe/London', 'en-GB', { closed: 'Shut' }), 'Shut');
  });

  test('end to end with channelStatus', () => {
    const s = london([{ from: '2026-12-24', to: '2026-12-26', note: 'Christmas', hours: [] }]);
    const now = at('2026-12-25T10:00:00Z');
    assert.equal(formatStatus(channelStatus(s, now), now, 'Europe/London', 'en-GB'), 'Closed (Christmas), opens Monday at 09:00');
    assert.equal(formatStatus(channelStatus(s, now), now, 'America/New_York', 'en-GB'), 'Closed (Christmas), opens Monday at 04:00');
  });
});

describe('formatRange', () => {
  test('shows 24-hour times with an en dash', () => {
    assert.equal(formatRange({ start: 540, end: 1050 }), '09:00–17:30');
    assert.equal(formatRange({ start: 1320, end: 1560 }), '22:00–02:00');
    assert.equal(formatRange({ start: 0, end: 1440 }), '00:00–24:00');
    assert.equal(formatRange({ start: 1080, end: 1440 }), '18:00–24:00');
    assert.equal(formatRange({ start: 1020, end: 1980 }), '17:00–09:00');
  });

  test('round-trips through parseTimeRange', () => {
    for (const text of ['09:00–17:30', '22:00–02:00', '00:00–24:00', '23:45–00:15']) {
      assert.equal(formatRange(r(text)), text);
    }
  });
});
