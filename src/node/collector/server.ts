/**
 * The collector's HTTP service, on plain `node:http`: four routes do not
 * need a framework, and every header it sends is visible here.
 *
 *   POST    /v1/events   one event (JSON, sent as text/plain or application/json)
 *   OPTIONS /v1/events   CORS preflight (fetch with Content-Type: application/json)
 *   GET     /v1/export   counts and comments as JSON, with a bearer token (off unless configured)
 *   GET     /healthz     200 when the database answers
 *
 * It sets no cookies and writes no access log: the client address is used
 * in memory for rate limits and the daily dedupe hash, then dropped.
 * Email addresses and long numbers in what readers typed are removed
 * before storing (redact.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EVENTS_PATH } from '../../schemas/event-fields.ts';
import { clientAddress, DailySalt, eventSubject } from './client-key.ts';
import { RateLimiter } from './rate-limit.ts';
import { redactEvent } from './redact.ts';
import { checkContentType, isRefusal, parseEvent, readBody, type Refusal } from './request-body.ts';
import { runMaintenance, type MaintenanceResult } from './retention.ts';
import type { CollectorSettings } from './settings.ts';
import { addDays, dayOf, type EventStore } from './store.ts';

/** Paths the browser and operators use. */
export const COLLECTOR_PATHS = { events: `/${EVENTS_PATH}`, export: '/v1/export', health: '/healthz' } as const;

/** What {@link createCollector} needs. */
export interface CollectorOptions {
  settings: CollectorSettings;
  store: EventStore;
  /** The clock; tests move it. */
  now?: () => Date;
  /** Where operational messages go (never request data). */
  log?: (message: string) => void;
  /** Run housekeeping at start and hourly (off in tests that drive it by hand). */
  scheduleMaintenance?: boolean;
}

/** A running collector. */
export interface Collector {
  server: Server;
  /** Runs the daily housekeeping now. */
  maintain(): Promise<MaintenanceResult>;
  /** Stops accepting requests, waits for those in flight, closes the store. */
  close(): Promise<void>;
}

/** Builds the collector's server (not yet listening). */
export function createCollector(options: CollectorOptions): Collector {
  const { settings, store } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(message));
  const origins = new Set(settings.origins);
  const perClient = new RateLimiter({ limit: settings.clientPerMinute, perSeconds: 60 });
  const global = new RateLimiter({ limit: settings.globalPerSecond, perSeconds: 1, burst: settings.globalPerSecond * 2 });
  const salt = new DailySalt();
  const tokenDigest = settings.exportToken ? sha256(settings.exportToken) : undefined;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`Unexpected failure answering a request: ${(error as Error).message}`);
      if (!response.headersSent) send(response, 500, { error: { code: 'internal', message: 'The collector failed; nothing was stored.' } });
      else response.destroy();
    });
  });
  // A slow sender holds a socket; these bound how long.
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 5_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const pathname = new URL(request.url ?? '/', 'http://collector.invalid').pathname;
    const method = request.method ?? 'GET';
    if (pathname === COLLECTOR_PATHS.health) {
      if (method !== 'GET' && method !== 'HEAD') return refuse(request, response, methodNotAllowed('GET, HEAD'));
      return health(response, method === 'HEAD');
    }
    if (pathname === COLLECTOR_PATHS.events) {
      if (method === 'OPTIONS') return preflight(request, response);
      if (method !== 'POST') return refuse(request, response, methodNotAllowed('POST, OPTIONS'));
      return ingest(request, response);
    }
    if (pathname === COLLECTOR_PATHS.export && tokenDigest) {
      if (method !== 'GET') return refuse(request, response, methodNotAllowed('GET'));
      return exportData(request, response);
    }
    return refuse(request, response, { status: 404, code: 'not-found', message: `Nothing here. Events go to POST ${COLLECTOR_PATHS.events}.` });
  }

  /** The request's Origin if it is one of the help centers configured. */
  function allowedOrigin(request: IncomingMessage): string | undefined {
    const origin = request.headers.origin;
    return origin && origins.has(origin) ? origin : undefined;
  }

  function originRefusal(request: IncomingMessage): Refusal {
    return request.headers.origin
      ? { status: 403, code: 'origin-not-allowed', message: `Events are accepted only from ${[...origins].join(', ')}; this came from ${request.headers.origin}.` }
      : { status: 403, code: 'origin-required', message: 'Events are accepted only from a help center page, which sends an Origin header; this request had none.' };
  }

  /** Per client first, so one noisy client cannot spend the global allowance. */
  function rateLimit(request: IncomingMessage): Refusal | undefined {
    const at = now().getTime();
    const wait = perClient.take(clientAddress(request, settings.trustProxy), at) || global.take('all', at);
    if (!wait) return undefined;
    return { status: 429, code: 'rate-limited', message: `Too many events; try again in ${wait} s.`, retryAfter: wait };
  }

  function preflight(request: IncomingMessage, response: ServerResponse): void {
    response.setHeader('Vary', 'Origin');
    const limited = rateLimit(request);
    if (limited) return refuse(request, response, limited);
    const origin = allowedOrigin(request);
    if (!origin) return refuse(request, response, originRefusal(request));
    response.writeHead(204, {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '86400',
    });
    response.end();
  }

  async function ingest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('Vary', 'Origin');
    const origin = allowedOrigin(request);
    // The allowed origin may read even a refusal, so its developers see why.
    if (origin) response.setHeader('Access-Control-Allow-Origin', origin);
    const early = rateLimit(request) ?? (origin ? undefined : originRefusal(request)) ?? checkContentType(request.headers['content-type']);
    if (early) return refuse(request, response, early);
    const body = await readBody(request, settings.maxBodyBytes);
    if (isRefusal(body)) return refuse(request, response, body);
    const parsed = parseEvent(body);
    if (isRefusal(parsed)) return refuse(request, response, parsed);
    const event = redactEvent(parsed);
    const receivedAt = now();
    const dedupeKey = salt.keyFor(dayOf(receivedAt), {
      address: clientAddress(request, settings.trustProxy),
      userAgent: request.headers['user-agent'] ?? '',
      site: origin!,
      subject: eventSubject(event),
    });
    try {
      await options.store.add({ event, receivedAt, site: origin!, dedupeKey });
    } catch (error) {
      log(`Could not store an event: ${(error as Error).message}`);
      return refuse(request, response, { status: 503, code: 'storage-unavailable', message: 'The event could not be stored; nothing was kept. Try again later.', retryAfter: 5 });
    }
    // 204 only now: the event is committed (and flushed to disk).
    response.writeHead(204);
    response.end();
  }

  async function health(response: ServerResponse, headOnly: boolean): Promise<void> {
    try {
      await store.check();
      send(response, 200, { status: 'ok' }, headOnly);
    } catch (error) {
      log(`Health check failed: ${(error as Error).message}`);
      send(response, 503, { status: 'unavailable' }, headOnly);
    }
  }

  async function exportData(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const limited = rateLimit(request);
    if (limited) return refuse(request, response, limited);
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    // Compare digests in constant time, so timing reveals nothing of the token.
    if (!given || !timingSafeEqual(sha256(given), tokenDigest!)) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      return refuse(request, response, { status: 401, code: 'unauthorised', message: 'Send the export token as "Authorization: Bearer <token>".' });
    }
    const days = Number(new URL(request.url ?? '/', 'http://collector.invalid').searchParams.get('days') ?? '56');
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      return refuse(request, response, { status: 400, code: 'invalid-days', message: 'days must be a whole number from 1 to 3650.' });
    }
    const today = dayOf(now());
    send(response, 200, await store.read(addDays(today, -(days - 1)), today));
  }

  const timers: NodeJS.Timeout[] = [];
  const maintain = async () => {
    const result = await runMaintenance(store, now(), settings.retentionDays);
    if (result.closedDays.length || result.pruned) log(`Housekeeping: closed ${result.closedDays.length} day(s), deleted ${result.pruned} raw event(s) from before ${result.keptFrom}.`);
    return result;
  };
  if (options.scheduleMaintenance ?? true) {
    const runQuietly = () => void maintain().catch((error: unknown) => log(`Housekeeping failed: ${(error as Error).message}`));
    runQuietly();
    timers.push(setInterval(runQuietly, 60 * 60 * 1000).unref());
  }
  timers.push(setInterval(() => perClient.sweep(now().getTime()), 60 * 1000).unref());

  return {
    server,
    maintain,
    async close() {
      for (const timer of timers) clearInterval(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await store.close();
    },
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function methodNotAllowed(allow: string): Refusal {
  return { status: 405, code: 'method-not-allowed', message: `Use ${allow.replace(', ', ' or ')}.`, allow };
}

function send(response: ServerResponse, status: number, body: unknown, headOnly = false): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  response.end(headOnly ? undefined : json);
}

/** Answers with the refusal as JSON. An unread body is not worth reading: the connection closes instead. */
function refuse(request: IncomingMessage, response: ServerResponse, refusal: Refusal): void {
  if (refusal.retryAfter) response.setHeader('Retry-After', String(refusal.retryAfter));
  if (refusal.allow) response.setHeader('Allow', refusal.allow);
  if (!request.complete) response.setHeader('Connection', 'close');
  const { status, code, message, issues } = refusal;
  send(response, status, { error: issues ? { code, message, issues } : { code, message } });
}
