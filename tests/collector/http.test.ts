import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COMMENT_MAX } from '../../src/schemas/events.ts';
import { GOOD, postEvent, send, SITE, startCollector, type RawResponse, type TestCollector } from './helpers.ts';

function count(c: TestCollector): number {
  return c.store.countEvents();
}

function assertRefused(response: RawResponse, status: number, code: string): void {
  assert.equal(response.status, status, response.text);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  assert.equal(response.json().error?.code, code, response.text);
  assert.equal(response.headers['set-cookie'], undefined);
}

describe('collector: accepted events', () => {
  let c: TestCollector;
  before(async () => (c = await startCollector({ clientPerMinute: 0, globalPerSecond: 0 })));
  after(() => c.close());

  for (const [kind, event] of Object.entries(GOOD)) {
    test(`a ${kind} event sent as text/plain (sendBeacon) is stored and answered 204`, async () => {
      const before = count(c);
      const response = await postEvent(c.url, event);
      assert.equal(response.status, 204, response.text);
      assert.equal(response.headers['access-control-allow-origin'], SITE);
      assert.equal(response.headers['set-cookie'], undefined);
      assert.equal(count(c), before + 1);
    });
  }

  test('application/json (fetch with keepalive) is accepted too', async () => {
    const response = await postEvent(c.url, { ...GOOD.search, query: 'json body' }, { 'Content-Type': 'application/json' });
    assert.equal(response.status, 204, response.text);
  });

  test('what is stored is the event, the day and the site: no address, user agent or cookie', async () => {
    await postEvent(c.url, { ...GOOD.vote, article: 'stored-columns' }, { 'X-Forwarded-For': '203.0.113.9', Cookie: 'a=b' });
    const [row] = c.store.query<Record<string, unknown>>("SELECT * FROM events WHERE article = 'stored-columns'");
    assert.ok(row);
    assert.deepEqual(Object.keys(row).sort(), ['article', 'channel', 'comment', 'day', 'dedupe_key', 'id', 'lang', 'query', 'reason', 'received_at', 'result_count', 'site', 'type', 'vote']);
    const everything = JSON.stringify(c.store.query('SELECT * FROM events'));
    for (const secret of ['127.0.0.1', '203.0.113.9', 'test-browser', 'a=b']) assert.ok(!everything.includes(secret), `${secret} was stored`);
  });

  test('SQL-looking text is stored verbatim, as text, and the tables survive', async () => {
    const comment = "'); DROP TABLE events; -- <script>alert(1)</script>";
    const query = "' OR 1=1; DELETE FROM events WHERE '1'='1";
    assert.equal((await postEvent(c.url, { ...GOOD.vote, article: 'injection', comment })).status, 204);
    assert.equal((await postEvent(c.url, { ...GOOD.search, query })).status, 204);
    assert.deepEqual(c.store.query("SELECT comment FROM events WHERE article = 'injection'"), [{ comment }]);
    assert.equal(c.store.query('SELECT query FROM events WHERE query = ?', query).length, 1);
    assert.ok(count(c) >= 6);
  });

  test(`a comment of ${COMMENT_MAX} characters counts characters, not bytes (emoji are accepted)`, async () => {
    const response = await postEvent(c.url, { ...GOOD.vote, article: 'long-comment', comment: '🚲'.repeat(COMMENT_MAX) });
    assert.equal(response.status, 204, response.text);
  });

  test('CORS preflight from the site allows POST with Content-Type and is cached', async () => {
    const response = await send(c.url, { method: 'OPTIONS', headers: { Origin: SITE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    assert.equal(response.status, 204);
    assert.equal(response.headers['access-control-allow-origin'], SITE);
    assert.equal(response.headers['access-control-allow-methods'], 'POST');
    assert.equal(response.headers['access-control-allow-headers'], 'Content-Type');
    assert.equal(response.headers['access-control-allow-credentials'], undefined);
    assert.equal(response.headers.vary, 'Origin');
  });

  test('CORS preflight from another origin is refused without CORS headers', async () => {
    const response = await send(c.url, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    assertRefused(response, 403, 'origin-not-allowed');
    assert.equal(response.headers['access-control-allow-origin'], undefined);
  });

  test('the health endpoint answers 200 while the database does', async () => {
    const response = await send(c.url, { method: 'GET', path: '/healthz' });
    assert.equal(response.status, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });

  test('other paths and methods get a JSON 404 or 405', async () => {
    assertRefused(await send(c.url, { method: 'GET', path: '/' }), 404, 'not-found');
    const wrongMethod = await send(c.url, { method: 'GET' });
    assertRefused(wrongMethod, 405, 'method-not-allowed');
    assert.equal(wrongMethod.headers.allow, 'POST, OPTIONS');
    assertRefused(await send(c.url, { method: 'GET', path: '/v1/export' }), 404, 'not-found');
  });
});

describe('collector: every bad request gets a 4xx and stores nothing', () => {
  let c: TestCollector;
  before(async () => (c = await startCollector({ clientPerMinute: 0, globalPerSecond: 0, maxBodyBytes: 8192 })));
  after(() => c.close());

  const text = { Origin: SITE, 'Content-Type': 'text/plain' };
  const cases: { name: string; status: number; code: string; request: Parameters<typeof send>[1]; field?: string }[] = [
    { name: 'no Origin header', status: 403, code: 'origin-required', request: { headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(GOOD.vote) } },
    { name: 'another origin', status: 403, code: 'origin-not-allowed', request: { headers: { ...text, Origin: 'https://evil.example' }, body: JSON.stringify(GOOD.vote) } },
    { name: 'the site origin with another port', status: 403, code: 'origin-not-allowed', request: { headers: { ...text, Origin: `${SITE}:8443` }, body: JSON.stringify(GOOD.vote) } },
    { name: 'Origin "null" (sandboxed page, file://)', status: 403, code: 'origin-not-allowed', request: { headers: { ...text, Origin: 'null' }, body: JSON.stringify(GOOD.vote) } },
    { name: 'a form post', status: 415, code: 'unsupported-media-type', request: { headers: { ...text, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'type=vote' } },
    { name: 'no Content-Type', status: 415, code: 'unsupported-media-type', request: { headers: { Origin: SITE }, body: JSON.stringify(GOOD.vote) } },
    { name: 'a charset other than UTF-8', status: 415, code: 'unsupported-media-type', request: { headers: { ...text, 'Content-Type': 'text/plain; charset=iso-8859-1' }, body: JSON.stringify(GOOD.vote) } },
    { name: 'a body over the limit (Content-Length)', status: 413, code: 'body-too-large', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, comment: 'x'.repeat(9000) }) } },
    { name: 'invalid UTF-8', status: 400, code: 'invalid-utf8', request: { headers: text, body: Buffer.concat([Buffer.from('{"type":"search","query":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('","lang":"en","resultCount":0}')]) } },
    { name: 'an overlong UTF-8 encoding of "/"', status: 400, code: 'invalid-utf8', request: { headers: text, body: Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]) } },
    { name: 'not JSON', status: 400, code: 'invalid-json', request: { headers: text, body: 'vote=no' } },
    { name: 'an empty body', status: 400, code: 'invalid-json', request: { headers: text, body: '' } },
    { name: 'a JSON array of events', status: 422, code: 'invalid-event', request: { headers: text, body: JSON.stringify([GOOD.vote]) } },
    { name: 'JSON null', status: 422, code: 'invalid-event', request: { headers: text, body: 'null' } },
    { name: 'an unknown type', status: 422, code: 'invalid-event', field: 'type', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, type: 'pageview' }) } },
    { name: 'an unknown field', status: 422, code: 'invalid-event', field: 'email', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, email: 'me@example.com' }) } },
    { name: 'a __proto__ key', status: 422, code: 'invalid-event', field: '__proto__', request: { headers: text, body: '{"type":"search","query":"x","lang":"en","resultCount":0,"__proto__":{"admin":true}}' } },
    { name: 'vote as a boolean', status: 422, code: 'invalid-event', field: 'vote', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, vote: true }) } },
    { name: 'resultCount as a string', status: 422, code: 'invalid-event', field: 'resultCount', request: { headers: text, body: JSON.stringify({ ...GOOD.search, resultCount: '0' }) } },
    { name: 'a fractional resultCount', status: 422, code: 'invalid-event', field: 'resultCount', request: { headers: text, body: JSON.stringify({ ...GOOD.search, resultCount: 1.5 }) } },
    { name: 'a negative resultCount', status: 422, code: 'invalid-event', field: 'resultCount', request: { headers: text, body: JSON.stringify({ ...GOOD.search, resultCount: -1 }) } },
    { name: 'an article that is not a slug', status: 422, code: 'invalid-event', field: 'article', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, article: '../../etc/passwd' }) } },
    { name: 'an upper-case language', status: 422, code: 'invalid-event', field: 'lang', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, lang: 'EN' }) } },
    { name: 'a reason not on the list', status: 422, code: 'invalid-event', field: 'reason', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, reason: 'too-long' }) } },
    { name: 'a reason with a "yes" vote', status: 422, code: 'invalid-event', field: 'reason', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, vote: 'yes' }) } },
    { name: `a comment over ${COMMENT_MAX} characters`, status: 422, code: 'invalid-event', field: 'comment', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, comment: 'x'.repeat(COMMENT_MAX + 1) }) } },
    { name: 'a comment that is only spaces', status: 422, code: 'invalid-event', field: 'comment', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, comment: '   ' }) } },
    { name: 'a comment with a lone surrogate', status: 422, code: 'invalid-event', field: 'comment', request: { headers: text, body: '{"type":"vote","article":"a","lang":"en","vote":"no","comment":"\\ud800"}' } },
    { name: 'a comment with a control character', status: 422, code: 'invalid-event', field: 'comment', request: { headers: text, body: JSON.stringify({ ...GOOD.vote, comment: 'bell\u0007' }) } },
    { name: 'a query over two lines', status: 422, code: 'invalid-event', field: 'query', request: { headers: text, body: JSON.stringify({ ...GOOD.search, query: 'a\nb' }) } },
    { name: 'a channel that is not a kind', status: 422, code: 'invalid-event', field: 'channel', request: { headers: text, body: JSON.stringify({ ...GOOD.contact, channel: '+44 20 7946 0321' }) } },
    { name: 'a contact with an article and a query', status: 422, code: 'invalid-event', field: 'article', request: { headers: text, body: JSON.stringify({ ...GOOD.contact, query: 'refund' }) } },
    { name: 'a contact with neither', status: 422, code: 'invalid-event', field: 'article', request: { headers: text, body: JSON.stringify({ type: 'contact', channel: 'email', lang: 'en' }) } },
    { name: 'a missing field', status: 422, code: 'invalid-event', field: 'lang', request: { headers: text, body: JSON.stringify({ type: 'search', query: 'x', resultCount: 0 }) } },
  ];

  for (const { name, status, code, request, field } of cases) {
    test(`${name} → ${status} ${code}`, async () => {
      const before = count(c);
      const response = await send(c.url, request);
      assertRefused(response, status, code);
      if (field) assert.ok(response.json().error?.issues?.some((issue) => issue.field === field), response.text);
      assert.equal(count(c), before, 'nothing may be stored');
    });
  }

  test('a chunked body over the limit is cut off without reading it all → 413', async () => {
    const before = count(c);
    const response = await new Promise<RawResponse>((resolve, reject) => {
      import('node:http').then(({ request: httpRequest }) => {
        const request = httpRequest(new URL('/v1/events', c.url), { method: 'POST', headers: { ...text, 'Transfer-Encoding': 'chunked' }, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text: body, json: () => JSON.parse(body) });
          });
        });
        request.on('error', (error: NodeJS.ErrnoException) => (['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error)));
        // 64 KiB in 1 KiB chunks: far over the 8 KiB limit.
        for (let i = 0; i < 64; i++) request.write('x'.repeat(1024));
        request.end();
      }, reject);
    });
    assertRefused(response, 413, 'body-too-large');
    assert.equal(count(c), before);
  });

  test('error messages say what to do, in plain words', async () => {
    const response = await send(c.url, { headers: text, body: JSON.stringify({ ...GOOD.vote, colour: 'red' }) });
    const error = response.json().error!;
    assert.equal(error.message, 'The event does not match the schema (src/schemas/events.ts); nothing was stored.');
    assert.deepEqual(error.issues, [{ field: 'colour', message: 'not a field of this event: colour' }]);
    const origin = await send(c.url, { headers: { ...text, Origin: 'https://evil.example' }, body: '{}' });
    assert.equal(origin.json().error!.message, `Events are accepted only from ${SITE}; this came from https://evil.example.`);
  });

  test('no bad request stored anything', () => {
    assert.equal(count(c), 0);
  });
});

describe('collector: rate limits', () => {
  test('one client gets its allowance per minute, then 429 with Retry-After; others are unaffected', async () => {
    const c = await startCollector({ clientPerMinute: 5, globalPerSecond: 0, trustProxy: true });
    try {
      const from = (address: string) => ({ 'X-Forwarded-For': `198.51.100.1, ${address}` });
      for (let i = 0; i < 5; i++) assert.equal((await postEvent(c.url, { ...GOOD.search, query: `q${i}` }, from('192.0.2.1'))).status, 204);
      const limited = await postEvent(c.url, { ...GOOD.search, query: 'q5' }, from('192.0.2.1'));
      assertRefused(limited, 429, 'rate-limited');
      assert.equal(limited.headers['retry-after'], '12');
      assert.equal(count(c), 5, 'the refused event is not stored');
      // Another client, and the first one's neighbour in the same IPv6 /64 counts as the same client.
      assert.equal((await postEvent(c.url, { ...GOOD.search, query: 'other' }, from('192.0.2.2'))).status, 204);
      for (let i = 0; i < 5; i++) assert.equal((await postEvent(c.url, { ...GOOD.search, query: `v6-${i}` }, from(`2001:db8:1:2::${i + 1}`))).status, 204);
      assertRefused(await postEvent(c.url, { ...GOOD.search, query: 'v6-5' }, from('2001:db8:1:2:ffff::9')), 429, 'rate-limited');
      // The address the client claims (left of the proxy's) is not trusted.
      assertRefused(await postEvent(c.url, { ...GOOD.search, query: 'spoof' }, { 'X-Forwarded-For': '10.9.9.9, 192.0.2.1' }), 429, 'rate-limited');
      c.clock.now = new Date(c.clock.now.getTime() + 60_000);
      assert.equal((await postEvent(c.url, { ...GOOD.search, query: 'next minute' }, from('192.0.2.1'))).status, 204);
    } finally {
      await c.close();
    }
  });

  test('the global limit holds whatever the number of clients', async () => {
    const c = await startCollector({ clientPerMinute: 0, globalPerSecond: 3, trustProxy: true });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await postEvent(c.url, { ...GOOD.search, query: `g${i}` }, { 'X-Forwarded-For': `192.0.2.${i + 1}` })).status);
      // A burst of twice the per-second rate, then refusals while the clock stands still.
      assert.deepEqual(statuses, [204, 204, 204, 204, 204, 204, 429, 429, 429, 429]);
      assert.equal(count(c), 6);
      c.clock.now = new Date(c.clock.now.getTime() + 1000);
      assert.equal((await postEvent(c.url, { ...GOOD.search, query: 'later' }, { 'X-Forwarded-For': '192.0.2.99' })).status, 204);
    } finally {
      await c.close();
    }
  });

  test('refused requests count too, so a flood of bad events is limited as well', async () => {
    const c = await startCollector({ clientPerMinute: 3, globalPerSecond: 0 });
    try {
      for (let i = 0; i < 3; i++) assertRefused(await postEvent(c.url, '{"bad":1}'), 422, 'invalid-event');
      assertRefused(await postEvent(c.url, GOOD.vote), 429, 'rate-limited');
    } finally {
      await c.close();
    }
  });
});

describe('collector: repeats and export', () => {
  test('a reader who votes then adds a reason has one vote that day; the next day is a new one', async () => {
    const c = await startCollector({ clientPerMinute: 0, globalPerSecond: 0 });
    try {
      const vote = { type: 'vote', article: 'get-a-refund', lang: 'en', vote: 'no' };
      assert.equal((await postEvent(c.url, vote)).status, 204);
      assert.equal((await postEvent(c.url, { ...vote, reason: 'inaccurate', comment: 'Wrong bank days.' })).status, 204);
      assert.deepEqual(c.store.query('SELECT vote, reason, comment FROM events'), [{ vote: 'no', reason: 'inaccurate', comment: 'Wrong bank days.' }]);
      // Another reader (another user agent) on the same article is counted apart.
      assert.equal((await postEvent(c.url, vote, { 'User-Agent': 'other-browser' })).status, 204);
      assert.equal(count(c), 2);
      c.clock.now = new Date('2026-11-17T09:00:00Z');
      assert.equal((await postEvent(c.url, vote)).status, 204);
      assert.equal(count(c), 3);
      await c.collector.maintain();
      assert.deepEqual(c.store.query("SELECT day FROM events WHERE dedupe_key IS NOT NULL"), [{ day: '2026-11-17' }], "finished days keep no dedupe keys");
    } finally {
      await c.close();
    }
  });

  test('GET /v1/export needs the bearer token and returns counts and comments', async () => {
    const token = 'a'.repeat(40);
    const c = await startCollector({ clientPerMinute: 0, globalPerSecond: 0, exportToken: token });
    try {
      await postEvent(c.url, GOOD.vote);
      await postEvent(c.url, GOOD.search);
      assertRefused(await send(c.url, { method: 'GET', path: '/v1/export' }), 401, 'unauthorised');
      assertRefused(await send(c.url, { method: 'GET', path: '/v1/export', headers: { Authorization: `Bearer ${'b'.repeat(40)}` } }), 401, 'unauthorised');
      const response = await send(c.url, { method: 'GET', path: '/v1/export?days=7', headers: { Authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200);
      const data = response.json();
      assert.equal(data.format, 'handrail-listening');
      assert.equal(data.from, '2026-11-10');
      assert.equal(data.to, '2026-11-16');
      assert.deepEqual(data.searches, [{ day: '2026-11-16', site: SITE, lang: 'en', query: 'refund gift card', noResults: 1, notOpened: 0 }]);
      assert.deepEqual(data.comments, [{ day: '2026-11-16', site: SITE, lang: 'en', article: 'get-a-refund', vote: 'no', reason: 'missing-information', comment: GOOD.vote.comment }]);
    } finally {
      await c.close();
    }
  });

  test('the health endpoint says 503 when the database is gone', async () => {
    const c = await startCollector();
    await c.store.close();
    const response = await send(c.url, { method: 'GET', path: '/healthz' });
    assert.equal(response.status, 503);
    assert.deepEqual(response.json(), { status: 'unavailable' });
    const event = await postEvent(c.url, GOOD.vote);
    assertRefused(event, 503, 'storage-unavailable');
    await c.close();
  });
});

describe('collector: what readers type about themselves is not kept', () => {
  test('email addresses and long numbers in queries and comments are replaced before storing', async () => {
    const c = await startCollector({ clientPerMinute: 0, globalPerSecond: 0 });
    try {
      assert.equal((await postEvent(c.url, { ...GOOD.search, query: 'order 1234-5678-90 jo.bloggs+help@example.co.uk' })).status, 204);
      assert.equal((await postEvent(c.url, { ...GOOD.vote, comment: 'Call me on +44 20 7946 0321 about the 2026 model, £1,299' })).status, 204);
      assert.deepEqual(c.store.query("SELECT query FROM events WHERE type = 'search'"), [{ query: 'order [number removed] [email removed]' }]);
      assert.deepEqual(c.store.query("SELECT comment FROM events WHERE type = 'vote'"), [{ comment: 'Call me on [number removed] about the 2026 model, £1,299' }]);
    } finally {
      await c.close();
    }
  });
});
