/**
 * Shared helpers for the collector tests: a collector on a free port with a
 * database in a scratch folder and a clock the test moves, and a raw HTTP
 * client that sends exactly the bytes and headers it is given (fetch would
 * add or refuse some of them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCollector, type Collector } from '../../src/node/collector/server.ts';
import { collectorSettingsSchema, type CollectorSettingsInput } from '../../src/node/collector/settings.ts';
import { openSqliteStore, type SqliteStore } from '../../src/node/collector/sqlite-store.ts';

/** The help center origin every test collector accepts. */
export const SITE = 'https://help.example.com';

/** A scratch folder removed when the test process ends. */
export function scratchDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'handrail-collector-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A running test collector. */
export interface TestCollector {
  url: string;
  store: SqliteStore;
  collector: Collector;
  /** The clock the collector reads; set it to move time. */
  clock: { now: Date };
  dbFile: string;
  close(): Promise<void>;
}

/** Starts a collector on 127.0.0.1 with its own database. */
export async function startCollector(settings: Partial<CollectorSettingsInput> = {}, start = new Date('2026-11-16T10:00:00Z')): Promise<TestCollector> {
  const dbFile = path.join(scratchDir(), 'listening.sqlite');
  const store = openSqliteStore(dbFile);
  const clock = { now: start };
  const collector = createCollector({
    settings: collectorSettingsSchema.parse({ origins: [SITE], port: 0, dbFile, ...settings }),
    store,
    now: () => clock.now,
    log: () => {},
    scheduleMaintenance: false,
  });
  await new Promise<void>((resolve) => collector.server.listen(0, '127.0.0.1', resolve));
  const { port } = collector.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, store, collector, clock, dbFile, close: () => collector.close() };
}

/** What came back. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): { error?: { code: string; message: string; issues?: { field: string; message: string }[] }; [key: string]: unknown };
}

/** Sends one request with exactly these headers and body bytes. */
export function send(url: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path ?? '/v1/events', url);
    const request = httpRequest(target, { method: options.method ?? 'POST', headers: options.headers ?? {}, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
      });
    });
    // The server may close early on a refused body; the answer already arrived.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    request.end(options.body);
  });
}

/** Posts an event the way sendBeacon does: a JSON string as text/plain, from the site's origin. */
export function postEvent(url: string, event: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(url, {
    headers: { Origin: SITE, 'Content-Type': 'text/plain;charset=UTF-8', 'User-Agent': 'test-browser', ...headers },
    body: typeof event === 'string' ? event : JSON.stringify(event),
  });
}

/** A valid event of each kind. */
export const GOOD = {
  vote: { type: 'vote', article: 'get-a-refund', lang: 'en', vote: 'no', reason: 'missing-information', comment: 'Nothing about refunds to a gift card.' },
  search: { type: 'search', query: 'refund gift card', lang: 'en', resultCount: 0 },
  contact: { type: 'contact', channel: 'phone', lang: 'en', article: 'get-a-refund' },
} as const;
