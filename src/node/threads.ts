import { availableParallelism } from 'node:os';

/**
 * How many worker threads a step runs beside its own: one per core beyond
 * the first, at most three (on the 2-core machines builds often get, one).
 * The content check's reading (src/node/check/parallel-read.ts) and the
 * articles' rendering (src/node/markdown/render-pool.ts) use it, one after
 * the other.
 */
export function extraThreads(): number {
  return Math.max(0, Math.min(availableParallelism() - 1, 3));
}
