import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { childCpuSeconds } from '../../src/node/process-stats.ts';

/** Which part of a build a process is, from its command line. */
export type ProcessRole = 'astro' | 'pagefind' | 'build script' | 'other';

/** "astro" for `node …/astro.mjs build`, "pagefind" for Pagefind's binary, and so on. */
export function roleOf(commandLine: string): ProcessRole {
  if (/astro(\.mjs)?\b.*\bbuild\b/.test(commandLine)) return 'astro';
  if (/pagefind/.test(commandLine)) return 'pagefind';
  if (/scripts\/build\.ts/.test(commandLine)) return 'build script';
  return 'other';
}

/** Peak resident memory of the whole tree and of each role's processes, in bytes. */
export interface MemoryPeaks {
  total: number;
  byRole: Partial<Record<ProcessRole, number>>;
}

/** Folds one sample (resident bytes per process role) into the peaks so far. */
export function addSample(peaks: MemoryPeaks, sample: Array<{ role: ProcessRole; rss: number }>): MemoryPeaks {
  const byRole: Partial<Record<ProcessRole, number>> = {};
  let total = 0;
  for (const { role, rss } of sample) {
    byRole[role] = (byRole[role] ?? 0) + rss;
    total += rss;
  }
  const merged = { ...peaks.byRole };
  for (const [role, rss] of Object.entries(byRole) as Array<[ProcessRole, number]>) merged[role] = Math.max(merged[role] ?? 0, rss);
  return { total: Math.max(peaks.total, total), byRole: merged };
}

/** Every live process under `rootPid` (itself included) with its resident memory and role (Linux /proc). */
function sampleTree(rootPid: number): Array<{ role: ProcessRole; rss: number }> {
  const parent = new Map<number, number>();
  const info = new Map<number, { role: ProcessRole; rss: number }>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      parent.set(Number(entry), Number(stat[1]));
      info.set(Number(entry), { role: roleOf(command), rss: Number(stat[21]) * 4096 });
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number) => {
    for (let p: number | undefined = pid; p; p = parent.get(p)) if (p === rootPid) return true;
    return false;
  };
  return [...info.entries()].filter(([pid]) => inTree(pid)).map(([, value]) => value);
}

/** What one build took. */
export interface BuildRun {
  wallSeconds: number;
  /** CPU of the whole process tree (user + system), from the kernel's account of finished children. */
  cpuSeconds: number;
  memory: MemoryPeaks;
  output: string;
}

/** Thrown when a build ran past its time limit: its whole process group was killed. */
export class BuildTimeout extends Error {
  readonly limitSeconds: number;
  readonly wallSeconds: number;
  /** The end of what the build printed, to tell where it stopped. */
  readonly output: string;
  constructor(limitSeconds: number, wallSeconds: number, output: string) {
    super(`timed out after ${limitSeconds} s; its processes were killed`);
    this.name = 'BuildTimeout';
    this.limitSeconds = limitSeconds;
    this.wallSeconds = wallSeconds;
    this.output = output;
  }
}

/**
 * Runs a build command to the end, sampling the memory of its process tree
 * every 250 ms. CPU comes from this process's reaped children, so nothing
 * else this process runs may finish a child process meanwhile.
 *
 * With `timeoutSeconds`, a build still running then is killed with every
 * process it started (it runs in a process group of its own: a build once
 * wrote its output and never exited) and {@link BuildTimeout} is thrown.
 */
export async function runBuild(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutSeconds?: number }): Promise<BuildRun> {
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.timeoutSeconds !== undefined });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let memory: MemoryPeaks = { total: 0, byRole: {} };
  const sampler = setInterval(() => {
    if (child.pid) memory = addSample(memory, sampleTree(child.pid));
  }, 250);
  let timedOut = false;
  const limit =
    options.timeoutSeconds === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          killGroup(child.pid);
        }, options.timeoutSeconds * 1000);
  // The bench itself stopped (Ctrl+C): take the build's group with it.
  const onExit = () => killGroup(child.pid);
  if (limit) process.once('exit', onExit);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (limit) {
    clearTimeout(limit);
    process.off('exit', onExit);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  if (timedOut) {
    // A child that wrote its result and hung may have left others in the group: they are gone too.
    killGroup(child.pid);
    throw new BuildTimeout(options.timeoutSeconds!, wallSeconds, output.slice(-3000));
  }
  if (code !== 0) throw new Error(`${args.join(' ')} failed:\n${output.slice(-3000)}`);
  return { wallSeconds, cpuSeconds: childCpuSeconds() - cpuBefore, memory, output };
}

/** Kills a detached child's whole process group; nothing when it is gone already. */
function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Every process of the group has ended.
  }
}
