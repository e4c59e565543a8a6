/**
 * The collector's benchmark: events per second it sustains on this
 * machine, latency at full load and at a steady everyday rate, and how big
 * the database grows per 100,000 events. Only ever talks to 127.0.0.1.
 *
 *   npm run bench:collector [-- --seconds 10 --connections 32 --rate 200]
 *
 * Writes reports/collector-bench.json to compare runs.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/node/collector/sqlite-store.ts';
import type { ListeningEvent } from '../src/schemas/events.ts';
import { percentile, runLoad, type LoadResult } from './collector-load.ts';
import { startCollectorProcess } from './collector-process.ts';

const ORIGIN = 'https://help.example.com';
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rate: { type: 'string', default: '200' },
    events: { type: 'string', default: '100000' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const steadyRate = Number(values.rate);
const sizeEvents = Number(values.events);

const scratch = mkdtempSync(path.join(tmpdir(), 'handrail-collector-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const ARTICLES = ['get-a-refund', 'ways-to-pay', 'fix-a-puncture', 'e-bike-range', 'change-delivery-address', 'book-a-service', 'reset-your-password', 'cancel-an-order'];
const WORDS = ['refund', 'gift', 'card', 'battery', 'range', 'brake', 'pads', 'delivery', 'address', 'warranty', 'invoice', 'hire', 'helmet', 'tyre', 'puncture', 'charger'];
const REASONS = ['missing-information', 'inaccurate', 'hard-to-understand', 'broken-link', 'other'] as const;
const CHANNELS = ['phone', 'email', 'chat', 'sms'] as const;

/** A realistic mix: 45 % searches, 40 % votes (a quarter of the "No"s with a comment), 15 % contacts. */
function mixedEvent(n: number): ListeningEvent {
  const pick = <T>(list: readonly T[], salt: number) => list[(n * 7919 + salt) % list.length]!;
  const query = `${pick(WORDS, 1)} ${pick(WORDS, 3)}${n % 3 ? '' : ` ${pick(WORDS, 5)}`}`;
  const slot = n % 20;
  if (slot < 9) return { type: 'search', query, lang: 'en', resultCount: n % 4 ? 0 : 3 };
  if (slot < 17) {
    if (n % 3) return { type: 'vote', article: pick(ARTICLES, 2), lang: 'en', vote: 'yes' };
    const comment = n % 4 === 0 ? { comment: `I needed to know about ${query} and the article did not say how long it takes or who to ask.` } : {};
    return { type: 'vote', article: pick(ARTICLES, 2), lang: 'en', vote: 'no', reason: pick(REASONS, 4), ...comment };
  }
  return n % 2 ? { type: 'contact', channel: pick(CHANNELS, 6), lang: 'en', article: pick(ARTICLES, 2) } : { type: 'contact', channel: pick(CHANNELS, 6), lang: 'en', query };
}

function summarise(name: string, result: LoadResult) {
  const refused = Object.values(result.refused).reduce((a, b) => a + b, 0);
  return {
    name,
    eventsPerSecond: Math.round(result.acknowledged / (result.elapsedMs / 1000)),
    acknowledged: result.acknowledged,
    refusedOrFailed: refused + result.failed,
    p50Ms: +percentile(result.latencies, 50).toFixed(2),
    p99Ms: +percentile(result.latencies, 99).toFixed(2),
    maxMs: +Math.max(...result.latencies).toFixed(2),
  };
}

async function loadPhase(name: string, options: { connections: number; seconds: number; rate?: number }) {
  const dbFile = path.join(scratch, `${name}.sqlite`);
  const collector = await startCollectorProcess({
    HANDRAIL_COLLECTOR_DB: dbFile,
    HANDRAIL_COLLECTOR_ORIGINS: ORIGIN,
    HANDRAIL_COLLECTOR_CLIENT_PER_MINUTE: '0',
    HANDRAIL_COLLECTOR_GLOBAL_PER_SECOND: '0',
  });
  try {
    // One second of warm-up so the JIT and the page cache are not measured.
    await runLoad({ url: collector.eventsUrl, origin: ORIGIN, connections: options.connections, durationMs: 1000, event: mixedEvent });
    const result = await runLoad({ url: collector.eventsUrl, origin: ORIGIN, connections: options.connections, durationMs: options.seconds * 1000, event: mixedEvent, ...(options.rate ? { rate: options.rate } : {}) });
    return summarise(name, result);
  } finally {
    await collector.stop();
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Database size for `count` raw events, then after their days are closed and the raw rows deleted. */
async function sizePhase(count: number) {
  const file = path.join(scratch, 'size.sqlite');
  const store = openSqliteStore(file);
  // Only to fill the file quickly: the bytes written are the same as with FULL.
  store.query('PRAGMA synchronous = OFF');
  const start = Date.parse('2026-10-01T00:00:00Z');
  for (let n = 0; n < count; n++) {
    // Spread over 30 days, as a month of a busy help center.
    const receivedAt = new Date(start + Math.floor((n / count) * 30 * 86_400_000));
    await store.add({ event: mixedEvent(n), receivedAt, site: ORIGIN, dedupeKey: `k${n.toString(36).padStart(21, '0')}` });
  }
  const settle = () => store.query('PRAGMA wal_checkpoint(TRUNCATE)');
  settle();
  const raw = fileSize(file) + fileSize(`${file}-wal`);
  await store.closeDays('2026-11-01');
  await store.prune('2026-11-01');
  store.query('VACUUM');
  settle();
  const aggregatesOnly = fileSize(file) + fileSize(`${file}-wal`);
  await store.close();
  return { events: count, rawBytes: raw, bytesPer100k: Math.round((raw / count) * 100_000), aggregatesOnlyBytes: aggregatesOnly };
}

console.log(`Collector benchmark on ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}: ${connections} connections for ${seconds} s, then ${steadyRate} events/s.`);
const saturated = await loadPhase('saturated', { connections, seconds });
const steady = await loadPhase('steady', { connections: 8, seconds, rate: steadyRate });
const single = await loadPhase('one-connection', { connections: 1, seconds: Math.min(seconds, 5) });
const size = await sizePhase(sizeEvents);

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
console.table([saturated, steady, single]);
console.log(`Database: ${mb(size.rawBytes)} for ${size.events.toLocaleString('en')} raw events (${mb(size.bytesPer100k)} per 100,000); ${mb(size.aggregatesOnlyBytes)} once those 30 days are aggregated and the raw events deleted.`);

const out = path.resolve('reports', 'collector-bench.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, load: [saturated, steady, single], size }, null, 2)}\n`);
console.log(`Figures written to ${path.relative(process.cwd(), out)}.`);
