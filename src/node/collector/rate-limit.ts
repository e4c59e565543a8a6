/**
 * Token buckets, in memory only. Keys are client addresses: they are never
 * written anywhere, and an idle key is forgotten once its bucket is full
 * again (it would behave the same as a new one).
 */

/** How fast a bucket refills and how much it holds. */
export interface BucketRule {
  /** Requests allowed per `perSeconds` on average. 0 turns the limit off. */
  limit: number;
  /** The window the limit is spread over, in seconds. */
  perSeconds: number;
  /** Largest burst, in requests; defaults to `limit`. */
  burst?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A set of token buckets with one rule, keyed by client (or one key for a global limit). */
export class RateLimiter {
  readonly #rate: number;
  readonly #capacity: number;
  readonly #maxKeys: number;
  readonly #buckets = new Map<string, Bucket>();

  /**
   * `maxKeys` bounds memory under a flood of addresses: past it, the least
   * recently seen key is dropped, which can only be generous to that client.
   */
  constructor(rule: BucketRule, maxKeys = 100_000) {
    this.#rate = rule.limit / rule.perSeconds;
    this.#capacity = rule.burst ?? rule.limit;
    this.#maxKeys = maxKeys;
  }

  /** Whether the limit is on at all. */
  get enabled(): boolean {
    return this.#rate > 0 && this.#capacity > 0;
  }

  /**
   * Takes one token for `key` at time `nowMs`. Returns 0 when allowed,
   * otherwise the whole seconds to wait before a token is back (for Retry-After).
   */
  take(key: string, nowMs: number): number {
    if (!this.enabled) return 0;
    const bucket = this.#buckets.get(key) ?? { tokens: this.#capacity, at: nowMs };
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.#rate);
    bucket.at = nowMs;
    // Re-inserting keeps the Map in least-recently-seen order for eviction.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#maxKeys) this.#buckets.delete(this.#buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#rate));
  }

  /** Forgets buckets that have refilled completely: they hold nothing a new bucket would not. */
  sweep(nowMs: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((nowMs - bucket.at) / 1000) * this.#rate >= this.#capacity) this.#buckets.delete(key);
    }
  }

  /** How many clients are remembered (for tests). */
  get size(): number {
    return this.#buckets.size;
  }
}
