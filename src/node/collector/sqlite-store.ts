/**
 * The SQLite implementation of the collector's store, on `node:sqlite`
 * (built into Node 24: nothing to compile on a fresh clone or in the
 * container, unlike a native driver).
 *
 * Durability: WAL journal with `synchronous = FULL`. In WAL mode NORMAL
 * already survives the process being killed, but a power cut or kernel
 * crash can lose the last commits; the collector answers 2xx only when an
 * event is stored, so each commit is flushed to disk (fsync) first. That
 * costs about a millisecond a commit here, far above a help center's rate
 * (see `npm run bench:collector`).
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { MIGRATIONS } from './migrations.ts';
import { sqlite } from './sqlite-module.ts';
import type { DailyContact, DailySearch, DailyVote, ListeningData, ReaderComment } from './listening-data.ts';
import { dayOf, type Day, type EventStore, type ReceivedEvent } from './store.ts';

/** How to open the database. */
export interface SqliteStoreOptions {
  /** Open for reading only (reports): no migrations, no writes. */
  readOnly?: boolean;
  /** How long a writer waits for another connection's lock, in ms. */
  busyTimeoutMs?: number;
}

/** Raised when the database cannot be used as it is; the message says what to do. */
export class StoreSetupError extends Error {
  override name = 'StoreSetupError';
}

/** Opens (creating and migrating if needed) the SQLite database at `file`. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  const readOnly = options.readOnly ?? false;
  if (!readOnly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: DatabaseSync;
  try {
    db = new sqlite.DatabaseSync(file, { readOnly, timeout: options.busyTimeoutMs ?? 5000, defensive: true });
  } catch (error) {
    throw new StoreSetupError(`Could not open the listening database at ${file}: ${(error as Error).message}.`);
  }
  if (!readOnly) {
    const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string };
    if (mode.journal_mode !== 'wal') throw new StoreSetupError(`The listening database at ${file} cannot use WAL mode (got ${mode.journal_mode}); put it on a local disk.`);
    db.exec('PRAGMA synchronous = FULL');
    migrate(db, file);
  } else {
    const version = userVersion(db);
    if (version !== MIGRATIONS.length) {
      db.close();
      throw new StoreSetupError(
        version < MIGRATIONS.length
          ? `The listening database at ${file} has schema version ${version}; this Handrail needs ${MIGRATIONS.length}. Start the collector once (npm run listen) to upgrade it.`
          : `The listening database at ${file} was written by a newer Handrail (schema version ${version}). Update Handrail.`,
      );
    }
  }
  return new SqliteStore(db);
}

function userVersion(db: DatabaseSync): number {
  return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
}

/** Runs each migration the database has not had, each in its own transaction. */
function migrate(db: DatabaseSync, file: string): void {
  const version = userVersion(db);
  if (version > MIGRATIONS.length) {
    throw new StoreSetupError(`The listening database at ${file} was written by a newer Handrail (schema version ${version}, this one knows ${MIGRATIONS.length}). Update Handrail, or restore a backup.`);
  }
  MIGRATIONS.slice(version).forEach((sql, index) => {
    transaction(db, () => {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${version + index + 1}`);
    });
  });
}

/** Runs `work` in one IMMEDIATE transaction (takes the write lock up front, so it never fails half-way on a lock upgrade). */
function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

// Open days are aggregated live with the same GROUP BY that closes a day,
// so a report reads the same numbers before and after a day is closed.
// Each takes (from, to); `filter` narrows further.
const voteCounts = (filter = '') => `SELECT day, site, lang, article, vote, COALESCE(reason, '') AS reason, COUNT(*) AS count
  FROM events WHERE type = 'vote' AND day BETWEEN ? AND ? ${filter} GROUP BY day, site, lang, article, vote, COALESCE(reason, '')`;
const searchCounts = (filter = '') => `SELECT day, site, lang, query, SUM(result_count = 0) AS noResults, SUM(result_count > 0) AS notOpened
  FROM events WHERE type = 'search' AND day BETWEEN ? AND ? ${filter} GROUP BY day, site, lang, query`;
const contactCounts = (filter = '') => `SELECT day, site, lang, channel, COALESCE(article, '') AS article, COALESCE(query, '') AS query, COUNT(*) AS count
  FROM events WHERE type = 'contact' AND day BETWEEN ? AND ? ${filter} GROUP BY day, site, lang, channel, COALESCE(article, ''), COALESCE(query, '')`;
const OPEN_DAYS_ONLY = 'AND day NOT IN (SELECT day FROM closed_days)';

/** {@link EventStore} on one SQLite file. */
export class SqliteStore implements EventStore {
  readonly #db: DatabaseSync;
  #insert: StatementSync | undefined;

  /** Use {@link openSqliteStore}. */
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async add({ event, receivedAt, site, dedupeKey }: ReceivedEvent): Promise<void> {
    // One statement is one transaction: the row is there whole or not at all.
    // A repeat (same dedupe key) replaces what may change: the answer, the
    // reason and comment added after the click, the result count.
    this.#insert ??= this.#db.prepare(`INSERT INTO events
      (received_at, day, site, type, lang, article, vote, reason, comment, query, result_count, channel, dedupe_key)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO UPDATE SET
        received_at = excluded.received_at, vote = excluded.vote, reason = excluded.reason,
        comment = excluded.comment, result_count = excluded.result_count`);
    const values: SQLInputValue[] = [receivedAt.toISOString(), dayOf(receivedAt), site, event.type, event.lang];
    switch (event.type) {
      case 'vote':
        values.push(event.article, event.vote, event.reason ?? null, event.comment ?? null, null, null, null);
        break;
      case 'search':
        values.push(null, null, null, null, event.query, event.resultCount, null);
        break;
      case 'contact':
        values.push(event.article ?? null, null, null, null, event.query ?? null, null, event.channel);
        break;
    }
    values.push(dedupeKey ?? null);
    this.#insert.run(...values);
  }

  async closeDays(today: Day): Promise<Day[]> {
    const db = this.#db;
    return transaction(db, () => {
      const days = (db.prepare('SELECT DISTINCT day FROM events WHERE day < ? AND day NOT IN (SELECT day FROM closed_days) ORDER BY day').all(today) as { day: string }[]).map((row) => row.day);
      const now = new Date().toISOString();
      for (const day of days) {
        db.prepare(`INSERT INTO daily_votes (day, site, lang, article, vote, reason, count) ${voteCounts()}`).run(day, day);
        db.prepare(`INSERT INTO daily_searches (day, site, lang, query, no_results, not_opened) ${searchCounts()}`).run(day, day);
        db.prepare(`INSERT INTO daily_contacts (day, site, lang, channel, article, query, count) ${contactCounts()}`).run(day, day);
        db.prepare('INSERT INTO closed_days (day, closed_at) VALUES (?, ?)').run(day, now);
      }
      // The salt of those days is gone; clearing the keys too means nothing
      // stored can link two events of one reader once their day is over.
      db.prepare('UPDATE events SET dedupe_key = NULL WHERE day < ? AND dedupe_key IS NOT NULL').run(today);
      return days;
    });
  }

  async prune(before: Day): Promise<number> {
    const result = this.#db.prepare('DELETE FROM events WHERE day < ? AND day IN (SELECT day FROM closed_days)').run(before);
    return Number(result.changes);
  }

  async read(from: Day, to: Day): Promise<ListeningData> {
    const db = this.#db;
    // One read transaction: a day closing meanwhile cannot be counted twice or not at all.
    db.exec('BEGIN');
    try {
      const rows = <T>(closed: string, live: string): T[] =>
        db.prepare(`${closed} WHERE day BETWEEN ? AND ? UNION ALL ${live} ORDER BY day`).all(from, to, from, to) as T[];
      const votes = rows<DailyVote>('SELECT day, site, lang, article, vote, reason, count FROM daily_votes', voteCounts(OPEN_DAYS_ONLY));
      const searches = rows<DailySearch>('SELECT day, site, lang, query, no_results AS noResults, not_opened AS notOpened FROM daily_searches', searchCounts(OPEN_DAYS_ONLY));
      const contacts = rows<DailyContact>('SELECT day, site, lang, channel, article, query, count FROM daily_contacts', contactCounts(OPEN_DAYS_ONLY));
      const comments = db
        .prepare(`SELECT day, site, lang, article, vote, COALESCE(reason, '') AS reason, comment FROM events
          WHERE type = 'vote' AND comment IS NOT NULL AND day BETWEEN ? AND ? ORDER BY received_at DESC, id DESC`)
        .all(from, to) as ReaderComment[];
      db.exec('COMMIT');
      // Rows come with a null prototype; plain objects compare and serialise as expected.
      const plain = <T extends object>(list: T[]): T[] => list.map((row) => ({ ...row }));
      return { format: 'handrail-listening', version: 1, from, to, votes: plain(votes), searches: plain(searches), contacts: plain(contacts), comments: plain(comments) };
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  async check(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async backup(file: string): Promise<void> {
    // SQLite's online backup copies a consistent snapshot while writes go
    // on. Into a scratch name first, so `file` is never a half-written copy.
    const target = path.resolve(file);
    mkdirSync(path.dirname(target), { recursive: true });
    const scratch = `${target}.partial-${process.pid}`;
    try {
      await sqlite.backup(this.#db, scratch);
      renameSync(scratch, target);
    } finally {
      rmSync(scratch, { force: true });
    }
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }

  /** Raw events stored (for tests and the benchmark). */
  countEvents(): number {
    return (this.#db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  }

  /** Runs an SQL query and returns plain objects (for tests and the benchmark). */
  query<T = Record<string, unknown>>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.#db.prepare(sql).all(...params).map((row) => ({ ...row }) as T);
  }
}
