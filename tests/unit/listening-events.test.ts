/**
 * The events the pages send (src/browser/listening.ts) are exactly what the
 * collector accepts (src/schemas/events.ts): every event the senders build,
 * from any text a reader could type or paste, passes the collector's schema,
 * and is sent the way the README says (keepalive, no cookies, no referrer,
 * text/plain to <collector>/v1/events). No browser: the page is a stub.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { listeningEventSchema } from '../../src/schemas/events.ts';
import { COMMENT_MAX, QUERY_MAX } from '../../src/schemas/event-fields.ts';

interface Sent {
  url: string;
  init: RequestInit;
}
let sent: Sent[] = [];
let collector: string | undefined = 'https://listen.example.com/';
let lang = 'en-GB';
const store = new Map<string, string>();

Object.assign(globalThis, {
  document: {
    get documentElement() {
      return { lang };
    },
    querySelector: (selector: string) => (selector.includes('handrail-collector') && collector ? { content: collector } : null),
  },
  window: { sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) } },
  fetch: async (url: URL, init: RequestInit) => {
    sent.push({ url: String(url), init });
    return new Response(null, { status: 204 });
  },
});
const { cleanText, sendContact, sendSearch, sendVote } = await import('../../src/browser/listening.ts');

const bodies = () => sent.map((s) => JSON.parse(String(s.init.body)) as unknown);

beforeEach(() => {
  sent = [];
  collector = 'https://listen.example.com/';
  lang = 'en-GB';
  store.clear();
});

// What readers type and paste: control characters, broken surrogate pairs, emoji, RTL text, line breaks, far too much.
const NASTY = [
  'plain words',
  '  padded\t',
  'line one\nline two\r\nline three',
  'bell\u0007 and escape\u001b[31m red',
  'half an emoji \ud83d and the other half \ude00',
  '🚲'.repeat(COMMENT_MAX + 5),
  'x'.repeat(5000),
  'مرحبا، كيف أسترد المبلغ؟',
  '\u2028separators\u2029',
  '<script>alert(1)</script>',
];

describe('events the pages send pass the collector\'s schema', () => {
  test('votes, with every reason, any comment, and an unknown reason dropped', async () => {
    for (const comment of [...NASTY, '', '   ']) {
      for (const reason of ['missing-information', 'inaccurate', 'hard-to-understand', 'broken-link', 'other', 'made-up', undefined]) {
        assert.equal(await sendVote('reset-your-password', 'no', reason, comment), true);
      }
    }
    assert.equal(await sendVote('reset-your-password', 'yes', 'inaccurate', 'ignored with yes'), true);
    for (const body of bodies()) {
      const parsed = listeningEventSchema.safeParse(body);
      assert.ok(parsed.success, `${JSON.stringify(body).slice(0, 120)}: ${JSON.stringify(parsed.error?.issues)}`);
    }
    assert.deepEqual(bodies().at(-1), { type: 'vote', article: 'reset-your-password', lang: 'en-gb', vote: 'yes' });
    assert.deepEqual(bodies()[0], { type: 'vote', article: 'reset-your-password', lang: 'en-gb', vote: 'no', reason: 'missing-information', comment: 'plain words' });
  });

  test('searches and contacts, from any query', async () => {
    for (const query of NASTY) {
      await sendSearch(query, 0);
      await sendSearch(query, 12);
      store.set('handrail-visit', JSON.stringify({ searches: [{ query, results: 0 }] }));
      await sendContact('email', undefined);
    }
    await sendContact('phone', 'get-a-refund');
    assert.equal(sent.length, NASTY.length * 3 + 1);
    for (const body of bodies()) {
      const parsed = listeningEventSchema.safeParse(body);
      assert.ok(parsed.success, `${JSON.stringify(body).slice(0, 120)}: ${JSON.stringify(parsed.error?.issues)}`);
    }
    assert.deepEqual(bodies().at(-1), { type: 'contact', channel: 'phone', lang: 'en-gb', article: 'get-a-refund' });
  });

  test('a contact with neither an article nor a search this visit, or an empty query, is not sent', async () => {
    assert.equal(await sendContact('email', undefined), false);
    assert.equal(await sendSearch('   ', 0), false);
    assert.equal(sent.length, 0);
  });

  test('a page with no language says "und"', async () => {
    lang = '';
    await sendSearch('bike', 0);
    assert.equal((bodies()[0] as { lang: string }).lang, 'und');
  });
});

describe('how and where events are sent', () => {
  test('to <collector>/v1/events, as text/plain, keepalive, without cookies or referrer', async () => {
    collector = 'https://example.com/listen';
    await sendSearch('bike', 0);
    const [{ url, init }] = sent as [Sent];
    assert.equal(url, 'https://example.com/listen/v1/events');
    assert.equal(init.method, 'POST');
    assert.equal(init.keepalive, true);
    assert.equal(init.credentials, 'omit');
    assert.equal(init.referrerPolicy, 'no-referrer');
    assert.deepEqual(init.headers, { 'Content-Type': 'text/plain;charset=UTF-8' });
  });

  test('with no collector on the page, nothing is sent', async () => {
    collector = undefined;
    assert.equal(await sendVote('a', 'no', 'other', 'x'), false);
    assert.equal(await sendSearch('bike', 0), false);
    assert.equal(sent.length, 0);
  });
});

describe('cleanText', () => {
  test('keeps what a reader meant, within the limit, on one line for queries', () => {
    assert.equal(cleanText('  line one\nline two  ', QUERY_MAX, false), 'line one line two');
    assert.equal(cleanText('line one\nline two', COMMENT_MAX, true), 'line one\nline two');
    assert.equal(cleanText('a\u0000b\u007fc', 10, false), 'abc');
    assert.equal(cleanText('🚲🚲🚲', 2, false), '🚲🚲');
    assert.equal(cleanText('\ud83d', 10, false), undefined);
  });
});
