import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, test } from 'node:test';
import { MIGRATIONS } from '../../src/node/collector/migrations.ts';
import { runMaintenance } from '../../src/node/collector/retention.ts';
import { openSqliteStore, StoreSetupError, type SqliteStore } from '../../src/node/collector/sqlite-store.ts';
import { addDays } from '../../src/node/collector/store.ts';
import type { ListeningEvent } from '../../src/schemas/events.ts';
import { scratchDir, SITE } from './helpers.ts';

function freshStore(): { store: SqliteStore; file: string } {
  const file = path.join(scratchDir(), 'listening.sqlite');
  return { store: openSqliteStore(file), file };
}

async function addAt(store: SqliteStore, iso: string, event: ListeningEvent, dedupeKey?: string): Promise<void> {
  await store.add({ event, receivedAt: new Date(iso), site: SITE, ...(dedupeKey ? { dedupeKey } : {}) });
}

/** Three days of events: two votes and a search a day, a contact and a comment on the first. */
async function seed(store: SqliteStore): Promise<void> {
  for (const day of ['2026-11-01', '2026-11-02', '2026-11-03']) {
    await addAt(store, `${day}T08:00:00Z`, { type: 'vote', article: 'get-a-refund', lang: 'en', vote: 'no', reason: 'inaccurate' });
    await addAt(store, `${day}T09:00:00Z`, { type: 'vote', article: 'get-a-refund', lang: 'en', vote: 'yes' });
    await addAt(store, `${day}T10:00:00Z`, { type: 'search', query: 'Refunds', lang: 'en', resultCount: 0 });
  }
  await addAt(store, '2026-11-01T11:00:00Z', { type: 'search', query: 'Refunds', lang: 'en', resultCount: 4 });
  await addAt(store, '2026-11-01T12:00:00Z', { type: 'contact', channel: 'phone', lang: 'en', query: 'Refunds' });
  await addAt(store, '2026-11-01T13:00:00Z', { type: 'vote', article: 'ways-to-pay', lang: 'cy', vote: 'no', comment: 'Dim sôn am PayPal.' });
}

describe('SQLite store: setup', () => {
  test('a new database is migrated to the latest schema, in WAL mode with synchronous=FULL', () => {
    const { store, file } = freshStore();
    assert.deepEqual(store.query('PRAGMA user_version'), [{ user_version: MIGRATIONS.length }]);
    assert.deepEqual(store.query('PRAGMA journal_mode'), [{ journal_mode: 'wal' }]);
    // 2 is FULL: every commit is flushed before the collector answers.
    assert.deepEqual(store.query('PRAGMA synchronous'), [{ synchronous: 2 }]);
    assert.ok(existsSync(file));
  });

  test('opening again runs no migration twice', async () => {
    const { store, file } = freshStore();
    await addAt(store, '2026-11-01T08:00:00Z', { type: 'vote', article: 'a', lang: 'en', vote: 'yes' });
    await store.close();
    const again = openSqliteStore(file);
    assert.equal(again.countEvents(), 1);
    await again.close();
  });

  test('a database from a newer Handrail is refused with what to do', async () => {
    const { store, file } = freshStore();
    await store.close();
    const raw = new DatabaseSync(file);
    raw.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    assert.throws(() => openSqliteStore(file), (error: Error) => error instanceof StoreSetupError && /written by a newer Handrail .*Update Handrail, or restore a backup\./.test(error.message));
  });

  test('reports open read-only and are told when the database is missing or not yet migrated', () => {
    const dir = scratchDir();
    assert.throws(() => openSqliteStore(path.join(dir, 'missing.sqlite'), { readOnly: true }), StoreSetupError);
    const file = path.join(dir, 'empty.sqlite');
    new DatabaseSync(file).close();
    assert.throws(() => openSqliteStore(file, { readOnly: true }), /schema version 0; this Handrail needs 1\. Start the collector once \(npm run listen\) to upgrade it\./);
  });

  test('a value outside the schema cannot be written even by a bug (STRICT tables and CHECKs)', () => {
    const { store } = freshStore();
    const bad = { type: 'vote', article: 'a', lang: 'en', vote: 'maybe' } as unknown as ListeningEvent;
    return assert.rejects(addAt(store, '2026-11-01T08:00:00Z', bad), /CHECK constraint failed/);
  });
});

describe('SQLite store: aggregates and retention', () => {
  test('reports read the same counts before and after days are closed', async () => {
    const { store } = freshStore();
    await seed(store);
    const before = await store.read('2026-11-01', '2026-11-03');
    assert.deepEqual(await store.closeDays('2026-11-03'), ['2026-11-01', '2026-11-02']);
    const after = await store.read('2026-11-01', '2026-11-03');
    const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();
    for (const key of ['votes', 'searches', 'contacts', 'comments'] as const) assert.deepEqual(sorted(after[key]), sorted(before[key]), key);
    assert.deepEqual(
      after.searches.filter((s) => s.day === '2026-11-01'),
      [{ day: '2026-11-01', site: SITE, lang: 'en', query: 'Refunds', noResults: 1, notOpened: 1 }],
    );
    assert.deepEqual(after.contacts, [{ day: '2026-11-01', site: SITE, lang: 'en', channel: 'phone', article: '', query: 'Refunds', count: 1 }]);
    assert.equal(after.votes.filter((v) => v.vote === 'no').reduce((sum, v) => sum + v.count, 0), 4);
    // Closing again finds nothing new.
    assert.deepEqual(await store.closeDays('2026-11-03'), []);
  });

  test('retention deletes raw events and comments of old days, keeps their counts, and keeps open days whatever their age', async () => {
    const { store } = freshStore();
    await seed(store);
    const result = await runMaintenance(store, new Date('2026-11-03T06:00:00Z'), 1);
    assert.deepEqual(result, { closedDays: ['2026-11-01', '2026-11-02'], pruned: 6, keptFrom: '2026-11-02' });
    assert.deepEqual(store.query('SELECT DISTINCT day FROM events ORDER BY day'), [{ day: '2026-11-02' }, { day: '2026-11-03' }]);
    const data = await store.read('2026-11-01', '2026-11-03');
    assert.equal(data.comments.length, 0, 'the comment went with its raw event');
    assert.equal(data.votes.filter((v) => v.day === '2026-11-01').reduce((sum, v) => sum + v.count, 0), 3, 'counts of a pruned day stay');
    assert.equal((await runMaintenance(store, new Date('2026-11-03T07:00:00Z'), 1)).pruned, 0, 'running again changes nothing');
  });

  test('a repeat with the same dedupe key replaces the earlier event; finished days lose their keys', async () => {
    const { store } = freshStore();
    await addAt(store, '2026-11-01T08:00:00Z', { type: 'vote', article: 'a', lang: 'en', vote: 'yes' }, 'k1');
    await addAt(store, '2026-11-01T08:01:00Z', { type: 'vote', article: 'a', lang: 'en', vote: 'no', reason: 'other', comment: 'x' }, 'k1');
    await addAt(store, '2026-11-02T08:00:00Z', { type: 'search', query: 'q', lang: 'en', resultCount: 0 }, 'k2');
    assert.deepEqual(store.query('SELECT vote, reason, comment FROM events WHERE day = ?', '2026-11-01'), [{ vote: 'no', reason: 'other', comment: 'x' }]);
    await store.closeDays('2026-11-02');
    assert.deepEqual(store.query('SELECT day FROM events WHERE dedupe_key IS NOT NULL'), [{ day: '2026-11-02' }]);
  });

  test('addDays crosses month and year ends', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  });
});

describe('SQLite store: backup', () => {
  test('an online backup is a complete, consistent database while writes go on', async () => {
    const { store } = freshStore();
    for (let i = 0; i < 200; i++) await addAt(store, '2026-11-01T08:00:00Z', { type: 'search', query: `q${i}`, lang: 'en', resultCount: 0 });
    const target = path.join(scratchDir(), 'nested', 'backup.sqlite');
    const backup = store.backup(target);
    for (let i = 0; i < 50; i++) await addAt(store, '2026-11-01T09:00:00Z', { type: 'search', query: `during${i}`, lang: 'en', resultCount: 0 });
    await backup;
    const copy = openSqliteStore(target, { readOnly: true });
    assert.ok(copy.countEvents() >= 200);
    assert.deepEqual(copy.query('PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
    assert.deepEqual(copy.query('PRAGMA user_version'), [{ user_version: MIGRATIONS.length }]);
    await copy.close();
    assert.equal(existsSync(`${target}.partial-${process.pid}`), false);
  });
});
