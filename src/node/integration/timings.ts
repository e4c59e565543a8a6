import { readFile, writeFile } from 'node:fs/promises';
import { treeCpuSeconds } from '../process-stats.ts';

/** Wall and CPU seconds of one build phase. */
export interface PhaseTiming {
  wallSeconds: number;
  cpuSeconds: number;
}

/**
 * Times the phases of one build (content check, Astro's pages, search
 * index, offline support) for the benchmark, which reads them from the file
 * named by HANDRAIL_TIMINGS_FILE.
 */
export class PhaseTimer {
  readonly phases: Record<string, PhaseTiming> = {};
  #current?: { name: string; wall: number; cpu: number };

  /** Ends the running phase, if any, and starts `name`. */
  start(name: string): void {
    this.end();
    this.#current = { name, wall: performance.now(), cpu: treeCpuSeconds() };
  }

  /** Ends the running phase. */
  end(): void {
    if (!this.#current) return;
    const { name, wall, cpu } = this.#current;
    this.phases[name] = { wallSeconds: (performance.now() - wall) / 1000, cpuSeconds: treeCpuSeconds() - cpu };
    this.#current = undefined;
  }

  /** Seconds a finished phase took, for the build summary. */
  seconds(name: string): number {
    return this.phases[name]?.wallSeconds ?? 0;
  }

  /**
   * Writes the phases where the benchmark asked for them
   * (HANDRAIL_TIMINGS_FILE), if it did, beside those another process of the
   * same build wrote there (Astro's, when scripts/build.ts finishes after it).
   */
  async save(file = process.env.HANDRAIL_TIMINGS_FILE): Promise<void> {
    this.end();
    if (!file) return;
    let earlier: Record<string, PhaseTiming> = {};
    try {
      earlier = JSON.parse(await readFile(file, 'utf8')) as Record<string, PhaseTiming>;
    } catch {
      // None yet.
    }
    await writeFile(file, JSON.stringify({ ...earlier, ...this.phases }));
  }
}
