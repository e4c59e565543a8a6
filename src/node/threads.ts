import { availableParallelism } from 'node:os';

/** Sets how many worker threads a build step may add to its own (0: one core only). */
export const THREADS_VARIABLE = 'HANDRAIL_THREADS';

/**
 * How many worker threads a step runs beside its own: HANDRAIL_THREADS
 * when set (a CI runner that shares its cores may want 0), else one per
 * core beyond the first, at most three (on the 2-core machines builds
 * often get, one). The content check's reading
 * (src/node/check/parallel-read.ts) and the articles' rendering
 * (src/node/markdown/render-pool.ts) use it, one after the other.
 */
export function extraThreads(): number {
  const set = process.env[THREADS_VARIABLE];
  if (set !== undefined && /^\d+$/.test(set.trim())) return Math.min(Number(set), 8);
  return Math.max(0, Math.min(availableParallelism() - 1, 3));
}
