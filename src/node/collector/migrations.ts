/**
 * The SQLite schema, as numbered migrations. Migration n brings a database
 * from `PRAGMA user_version` n-1 to n. Append new ones; never edit one that
 * has shipped, because databases in the field have already run it.
 *
 * STRICT tables make SQLite refuse a value of the wrong type instead of
 * storing it anyway; the CHECKs repeat the event schema's closed lists so a
 * bug in the collector cannot write a value no report understands.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: raw events, daily aggregates, and the list of days already aggregated.
  `
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL,
    day TEXT NOT NULL,
    site TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('vote', 'search', 'contact')),
    lang TEXT NOT NULL,
    article TEXT,
    vote TEXT CHECK (vote IN ('yes', 'no')),
    reason TEXT CHECK (reason IN ('missing-information', 'inaccurate', 'hard-to-understand', 'broken-link', 'other')),
    comment TEXT,
    query TEXT,
    result_count INTEGER CHECK (result_count >= 0),
    channel TEXT,
    dedupe_key TEXT
  ) STRICT;
  CREATE UNIQUE INDEX events_dedupe_key ON events (dedupe_key) WHERE dedupe_key IS NOT NULL;
  CREATE INDEX events_day ON events (day, type);

  CREATE TABLE closed_days (
    day TEXT PRIMARY KEY,
    closed_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE daily_votes (
    day TEXT NOT NULL,
    site TEXT NOT NULL,
    lang TEXT NOT NULL,
    article TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
    reason TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, site, lang, article, vote, reason)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE daily_searches (
    day TEXT NOT NULL,
    site TEXT NOT NULL,
    lang TEXT NOT NULL,
    query TEXT NOT NULL,
    no_results INTEGER NOT NULL,
    not_opened INTEGER NOT NULL,
    PRIMARY KEY (day, site, lang, query)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE daily_contacts (
    day TEXT NOT NULL,
    site TEXT NOT NULL,
    lang TEXT NOT NULL,
    channel TEXT NOT NULL,
    article TEXT NOT NULL,
    query TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, site, lang, channel, article, query)
  ) STRICT, WITHOUT ROWID;
  `,
];
