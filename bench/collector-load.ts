/**
 * A small, bounded load generator for the collector: a fixed number of
 * keep-alive connections, each sending one event after another (or paced
 * to a target rate) until a deadline. Written here rather than taken from
 * autocannon because the durability test must know exactly which event
 * each 2xx acknowledged, and the benchmark wants the same client.
 * It only ever talks to the address it is given; callers use 127.0.0.1.
 */
import { Agent, request } from 'node:http';

/** What to send and for how long. */
export interface LoadOptions {
  /** The collector's events URL, e.g. http://127.0.0.1:8787/v1/events. */
  url: string;
  /** The Origin header (one the collector accepts). */
  origin: string;
  /** Requests in flight at once. */
  connections: number;
  /** Stop starting requests after this long. */
  durationMs: number;
  /** Events per second across all connections; unset sends as fast as answers come. */
  rate?: number;
  /** The n-th event's body. */
  event: (n: number) => unknown;
  /** Called for each 2xx, with the event's number. */
  onAck?: (n: number) => void;
  /** Stop everything at the first connection error (the collector went away). */
  stopOnError?: boolean;
}

/** What happened. */
export interface LoadResult {
  /** Requests that got a 2xx. */
  acknowledged: number;
  /** Requests that got any other status, by status. */
  refused: Record<number, number>;
  /** Requests that got no answer (connection refused or reset). */
  failed: number;
  /** Latency of each 2xx, in ms. */
  latencies: number[];
  /** From first request to last answer, in ms. */
  elapsedMs: number;
}

/** Runs the load and resolves when every request started has finished. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const result: LoadResult = { acknowledged: 0, refused: {}, failed: 0, latencies: [], elapsedMs: 0 };
  const started = performance.now();
  const deadline = started + options.durationMs;
  let next = 0;
  let stopped = false;

  const sendOne = (n: number) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify(options.event(n));
      const sentAt = performance.now();
      const req = request(
        options.url,
        { method: 'POST', agent, headers: { Origin: options.origin, 'Content-Type': 'text/plain;charset=UTF-8', 'User-Agent': `handrail-load/${n}`, 'Content-Length': Buffer.byteLength(body) } },
        (response) => {
          response.resume();
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              result.acknowledged++;
              result.latencies.push(performance.now() - sentAt);
              options.onAck?.(n);
            } else result.refused[status] = (result.refused[status] ?? 0) + 1;
            resolve();
          });
          response.on('error', () => {
            result.failed++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        result.failed++;
        if (options.stopOnError) stopped = true;
        resolve();
      });
      req.end(body);
    });

  const interval = options.rate ? (1000 * options.connections) / options.rate : 0;
  const worker = async (index: number) => {
    // Paced workers start spread out, so the rate is even rather than in bursts.
    let due = started + (interval * index) / options.connections;
    while (!stopped && performance.now() < deadline) {
      if (interval) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        due += interval;
        if (performance.now() >= deadline) break;
      }
      await sendOne(next++);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, i) => worker(i)));
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  return result;
}

/** The p-th percentile (0–100) of some numbers, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
