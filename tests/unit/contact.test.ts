import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleReference, carriesMessage, channelHref, channelHrefWithMessage, channelSchedule, composeMessage, orderChannels, summariseWeek, weeklyRows } from '../../src/shared/contact.ts';
import { channelViews, zoneCity } from '../../src/shared/contact-view.ts';
import { contactSchema, type ChannelData } from '../../src/schemas/contact.ts';

const words = { reading: 'I was reading:', reference: 'Ref:', searched: 'I searched for:', noResults: 'no results', tried: 'Tried:', missing: 'Missing:', question: 'My question:' };

function parseChannels(channels: unknown[]): ChannelData[] {
  return contactSchema.parse({ channels }).channels;
}

const channels = parseChannels([
  { id: 'phone', kind: 'phone', label: 'Phone', value: '+44 20 7946 0321', hours: { monday: '09:00-17:30', tuesday: '09:00-17:30', wednesday: '09:00-17:30', thursday: '09:00-19:00', friday: '09:00-17:30', saturday: '10:00-14:00' } },
  { id: 'email', kind: 'email', label: 'Email', value: 'help@example.com' },
  { id: 'text', kind: 'sms', label: 'Text', value: '+44 7700 900321', alwaysOpen: true },
  { id: 'billing', kind: 'phone', label: 'Billing', value: '+44 20 7946 0322', hours: { monday: ['09:00-12:00', '13:00-17:00'] }, firstFor: ['billing'], closures: [{ date: '2026-12-25', until: '2026-12-26', note: 'Christmas' }] },
  { id: 'post', kind: 'post', label: 'Post', value: '1 Mill Lane\nBristol' },
]);

describe('channel links', () => {
  test('each kind becomes the right link', () => {
    assert.equal(channelHref(channels[0]!), 'tel:+442079460321');
    assert.equal(channelHref(channels[1]!), 'mailto:help@example.com');
    assert.equal(channelHref(channels[2]!), 'sms:+447700900321');
    assert.equal(channelHref({ kind: 'relay', value: '18001 020 7946 0321' }), 'tel:1800102079460321');
    assert.equal(channelHref({ kind: 'chat', value: 'https://chat.example.com/start' }), 'https://chat.example.com/start');
    assert.equal(channelHref(channels[4]!), undefined);
  });

  test('email and text carry a prefilled message; calls do not', () => {
    assert.equal(carriesMessage(channels[1]!), true);
    assert.equal(carriesMessage(channels[0]!), false);
    assert.equal(channelHrefWithMessage(channels[1]!, 'Help with: Refunds', 'Line 1\nLine 2'), 'mailto:help@example.com?subject=Help%20with%3A%20Refunds&body=Line%201%0ALine%202');
    assert.equal(channelHrefWithMessage(channels[2]!, 'ignored', 'Hi & bye'), 'sms:+447700900321?body=Hi%20%26%20bye');
    assert.equal(channelHrefWithMessage(channels[0]!, 's', 'b'), 'tel:+442079460321');
  });
});

describe('channel order', () => {
  test('keeps the configured order everywhere but the categories a channel is first for', () => {
    assert.deepEqual(orderChannels(channels).map((c) => c.id), ['phone', 'email', 'text', 'billing', 'post']);
    assert.deepEqual(orderChannels(channels, 'orders').map((c) => c.id), ['phone', 'email', 'text', 'billing', 'post']);
    assert.deepEqual(orderChannels(channels, 'billing').map((c) => c.id), ['billing', 'phone', 'email', 'text', 'post']);
  });
});

describe('hours for display', () => {
  test('weekly rows list every day, closed days empty', () => {
    const rows = weeklyRows(channels[0]!);
    assert.equal(rows.length, 7);
    assert.deepEqual(rows[3], { day: 'thursday', hours: '09:00–19:00' });
    assert.deepEqual(rows[6], { day: 'sunday', hours: '' });
    assert.equal(weeklyRows(channels[3]!)[0]!.hours, '09:00–12:00, 13:00–17:00');
  });

  test('the week summary joins runs of equal days', () => {
    assert.deepEqual(summariseWeek(channels[0]!), [
      { first: 'monday', last: 'wednesday', hours: '09:00–17:30' },
      { first: 'thursday', last: 'thursday', hours: '09:00–19:00' },
      { first: 'friday', last: 'friday', hours: '09:00–17:30' },
      { first: 'saturday', last: 'saturday', hours: '10:00–14:00' },
    ]);
  });

  test('views carry a readable summary and the schedule the browser needs', () => {
    const [phone, email, text, billing] = channelViews(channels, 'Europe/London', 'Subject', {});
    assert.equal(phone!.hoursSummary, 'Mon–Wed 09:00–17:30 · Thu 09:00–19:00 · Fri 09:00–17:30 · Sat 10:00–14:00 · closed other days (London)');
    assert.equal(email!.hoursSummary, '');
    assert.equal(email!.schedule, undefined);
    assert.equal(text!.hoursSummary, 'Open 24 hours, every day');
    assert.deepEqual(billing!.schedule?.closures, [{ from: '2026-12-25', to: '2026-12-26', note: 'Christmas', hours: [] }]);
    assert.equal(channelSchedule(channels[1]!, 'Europe/London'), undefined);
    assert.equal(zoneCity('America/New_York'), 'New York');
  });
});

describe('article reference', () => {
  test('is four easy-to-read characters and stable', () => {
    const reference = articleReference('reset-your-password');
    assert.match(reference, /^[2-9A-HJKMNP-Z]{4}$/);
    assert.equal(articleReference('reset-your-password'), reference);
    assert.notEqual(articleReference('track-your-order'), reference);
  });

  test('avoids a reference already taken', () => {
    const first = articleReference('a');
    assert.notEqual(articleReference('a', new Set([first])), first);
  });
});

describe('prefilled message', () => {
  test('carries the article, searches (marking ones with no results), what was missing and what was tried', () => {
    const message = composeMessage(
      {
        article: { title: 'Get a refund', url: 'https://help.example.com/articles/get-a-refund/', reference: 'K7P2' },
        searches: [{ query: 'refund', results: 3 }, { query: 'money back twice', results: 0 }],
        missing: 'how long it takes',
        tried: 'I asked in the shop',
      },
      words,
    );
    assert.equal(
      message,
      [
        'I was reading: Get a refund',
        'https://help.example.com/articles/get-a-refund/',
        'Ref: K7P2',
        'I searched for: "refund", "money back twice" (no results)',
        'Missing: how long it takes',
        'Tried: I asked in the shop',
        '',
        'My question:',
        '',
      ].join('\n'),
    );
  });

  test('with nothing known, it is just the question prompt', () => {
    assert.equal(composeMessage({}, words), '\nMy question:\n');
  });
});

describe('contact schema', () => {
  test('hours can cross midnight; closures default to closed all day', () => {
    const [channel] = parseChannels([{ id: 'night', kind: 'chat', label: 'Night chat', value: 'https://chat.example.com', hours: { friday: '20:00-02:00' }, closures: [{ date: '2026-12-25' }] }, { id: 'e', kind: 'email', label: 'E', value: 'a@b.co' }]);
    assert.deepEqual(channel!.hours?.friday, [{ start: 1200, end: 1560 }]);
    assert.deepEqual(channel!.closures[0]!.hours, []);
  });

  test('rejects both hours and alwaysOpen, duplicate ids and a real-time channel without hours', () => {
    const result = contactSchema.safeParse({
      channels: [
        { id: 'a', kind: 'phone', label: 'A', value: '+44 20 7946 0000', alwaysOpen: true, hours: { monday: '09:00-17:00' } },
        { id: 'a', kind: 'chat', label: 'B', value: 'https://chat.example.com' },
        { id: 'c', kind: 'email', label: 'C', value: 'c@example.com' },
      ],
    });
    assert.equal(result.success, false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    assert.ok(messages.includes('channels.0.alwaysOpen: either hours or alwaysOpen: true, not both'), messages.join('\n'));
    assert.ok(messages.includes('channels.1.hours: opening hours (or alwaysOpen: true) for a channel answered in real time'), messages.join('\n'));
    assert.ok(messages.includes('channels.1.id: an id used by no other channel'), messages.join('\n'));
  });
});
