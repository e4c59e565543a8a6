import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, test } from 'node:test';
import { clientAddress, DailySalt, eventSubject } from '../../src/node/collector/client-key.ts';
import { RateLimiter } from '../../src/node/collector/rate-limit.ts';
import { redactText } from '../../src/node/collector/redact.ts';
import { checkContentType } from '../../src/node/collector/request-body.ts';
import { settingsFromEnv } from '../../src/node/collector/settings.ts';
import { CHANNEL_KINDS } from '../../src/schemas/contact.ts';
import { listeningEventSchema, VOTE_REASONS } from '../../src/schemas/events.ts';

function fakeRequest(remoteAddress: string, forwarded?: string): IncomingMessage {
  return { socket: { remoteAddress }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} } as unknown as IncomingMessage;
}

describe('event schema', () => {
  test('accepts every reason and every channel kind, and the language tags pages use', () => {
    for (const reason of VOTE_REASONS) assert.ok(listeningEventSchema.safeParse({ type: 'vote', article: 'a', lang: 'en', vote: 'no', reason }).success, reason);
    for (const channel of CHANNEL_KINDS) assert.ok(listeningEventSchema.safeParse({ type: 'contact', channel, lang: 'cy', query: 'ffôn' }).success, channel);
    for (const lang of ['en', 'en-gb', 'pt-br', 'zh-hant-tw', 'ast']) assert.ok(listeningEventSchema.safeParse({ type: 'search', query: 'x', lang, resultCount: 0 }).success, lang);
    for (const lang of ['EN', 'en_GB', 'e', '', 'english']) assert.ok(!listeningEventSchema.safeParse({ type: 'search', query: 'x', lang, resultCount: 0 }).success, lang);
  });

  test('trims reader text and keeps line breaks in comments only', () => {
    const vote = listeningEventSchema.parse({ type: 'vote', article: 'a', lang: 'en', vote: 'no', comment: '  line one\nline two  ' });
    assert.equal(vote.type === 'vote' && vote.comment, 'line one\nline two');
  });
});

describe('client address and daily salt', () => {
  test('the socket address, IPv4-mapped addresses unwrapped, IPv6 by /64', () => {
    assert.equal(clientAddress(fakeRequest('::ffff:192.0.2.7'), false), '192.0.2.7');
    assert.equal(clientAddress(fakeRequest('2001:db8:a:b:1:2:3:4'), false), '2001:db8:a:b::/64');
    assert.equal(clientAddress(fakeRequest('2001:db8::1'), false), '2001:db8:0:0::/64');
    assert.equal(clientAddress(fakeRequest('::1'), false), '0:0:0:0::/64');
  });

  test('X-Forwarded-For only when trusted, and only its last entry', () => {
    assert.equal(clientAddress(fakeRequest('10.0.0.1', '203.0.113.5'), false), '10.0.0.1');
    assert.equal(clientAddress(fakeRequest('10.0.0.1', '1.1.1.1, 203.0.113.5'), true), '203.0.113.5');
  });

  test('a key is stable within a day, differs per subject, and changes with the day', () => {
    const salt = new DailySalt();
    const parts = { address: '192.0.2.1', userAgent: 'ua', site: 'https://help.example.com', subject: 'vote\nen\na' };
    const key = salt.keyFor('2026-11-16', parts);
    assert.equal(salt.keyFor('2026-11-16', parts), key);
    assert.notEqual(salt.keyFor('2026-11-16', { ...parts, subject: 'vote\nen\nb' }), key);
    assert.notEqual(salt.keyFor('2026-11-17', parts), key);
    assert.notEqual(salt.keyFor('2026-11-16', parts), key, 'the old day salt is gone for good');
    assert.notEqual(new DailySalt().keyFor('2026-11-16', parts), key, 'salts are random, not derived from the day');
  });

  test('searches repeat by query regardless of case; contacts by channel and source', () => {
    assert.equal(eventSubject({ type: 'search', query: 'Refund', lang: 'en', resultCount: 0 }), eventSubject({ type: 'search', query: 'refund', lang: 'en', resultCount: 2 }));
    assert.notEqual(eventSubject({ type: 'contact', channel: 'phone', lang: 'en', article: 'a' }), eventSubject({ type: 'contact', channel: 'email', lang: 'en', article: 'a' }));
  });
});

describe('rate limiter', () => {
  test('refills at its rate, up to its burst', () => {
    const limiter = new RateLimiter({ limit: 2, perSeconds: 1, burst: 4 });
    const results = Array.from({ length: 5 }, () => limiter.take('a', 0));
    assert.deepEqual(results, [0, 0, 0, 0, 1]);
    assert.equal(limiter.take('a', 500), 0, 'half a second gives one token back');
    assert.equal(limiter.take('a', 500), 1);
  });

  test('forgets idle clients and never holds more than its maximum', () => {
    const limiter = new RateLimiter({ limit: 1, perSeconds: 1 }, 3);
    for (const key of ['a', 'b', 'c', 'd']) limiter.take(key, 0);
    assert.equal(limiter.size, 3);
    limiter.sweep(10_000);
    assert.equal(limiter.size, 0);
    assert.equal(new RateLimiter({ limit: 0, perSeconds: 60 }).take('x', 0), 0, 'a limit of 0 is off');
  });
});

describe('content type, redaction and settings', () => {
  test('text/plain and application/json in UTF-8 only', () => {
    for (const ok of ['text/plain', 'text/plain;charset=UTF-8', 'application/json', 'application/json; charset="utf-8"']) assert.equal(checkContentType(ok), undefined, ok);
    for (const bad of [undefined, '', 'text/html', 'multipart/form-data', 'text/plain; charset=utf-16']) assert.equal(checkContentType(bad)?.status, 415, String(bad));
  });

  test('emails and long numbers go; short numbers, years and prices stay', () => {
    assert.equal(redactText('mail me at a.b@example.org'), 'mail me at [email removed]');
    assert.equal(redactText('order #AB-12345678 placed'), 'order #AB-[number removed] placed');
    assert.equal(redactText('card 4111 1111 1111 1111'), 'card [number removed]');
    assert.equal(redactText('the 2026 model costs 1,299 and has 7 gears'), 'the 2026 model costs 1,299 and has 7 gears');
  });

  test('settings come from the environment and name the variable when wrong', () => {
    const settings = settingsFromEnv({ HANDRAIL_COLLECTOR_ORIGINS: 'https://a.example, https://b.example/', HANDRAIL_COLLECTOR_TRUST_PROXY: 'yes' });
    assert.deepEqual(settings.origins, ['https://a.example', 'https://b.example']);
    assert.equal(settings.trustProxy, true);
    assert.equal(settings.port, 8787);
    assert.throws(
      () => settingsFromEnv({ HANDRAIL_COLLECTOR_ORIGINS: 'https://a.example/help/', HANDRAIL_COLLECTOR_PORT: 'eighty', HANDRAIL_COLLECTOR_EXPORT_TOKEN: 'short' }),
      (error: Error) =>
        error.message ===
        [
          "The collector's settings need fixing:",
          '  HANDRAIL_COLLECTOR_PORT: a port number from 0 to 65535 (received "eighty")',
          '  HANDRAIL_COLLECTOR_ORIGINS: an origin like "https://help.example.com" (scheme, host and port only), not "https://a.example/help/"',
          '  HANDRAIL_COLLECTOR_EXPORT_TOKEN: a token of at least 32 characters (openssl rand -hex 32)',
        ].join('\n'),
    );
    assert.throws(() => settingsFromEnv({}), /HANDRAIL_COLLECTOR_ORIGINS: the address of at least one help center/);
  });
});

describe('loading node:sqlite', () => {
  test("drops SQLite's ExperimentalWarning, and only that warning", async () => {
    const { loadSqlite } = await import('../../src/node/collector/sqlite-module.ts');
    const seen: string[] = [];
    const listener = (warning: Error) => seen.push(warning.message);
    // Node's own printer is set aside so the test's warnings do not reach the output.
    const printers = process.listeners('warning');
    process.removeAllListeners('warning');
    process.on('warning', listener);
    const original = process.getBuiltinModule;
    // What Node 24 releases before node:sqlite's release-candidate stage do on load.
    process.getBuiltinModule = ((id: string) => {
      process.emitWarning('SQLite is an experimental feature and might change at any time', 'ExperimentalWarning');
      process.emitWarning('Something else is experimental', 'ExperimentalWarning');
      return original(id);
    }) as typeof process.getBuiltinModule;
    try {
      assert.equal(typeof loadSqlite().DatabaseSync, 'function');
    } finally {
      process.getBuiltinModule = original;
    }
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', listener);
    for (const printer of printers) process.on('warning', printer);
    assert.deepEqual(seen, ['Something else is experimental']);
  });
});
