import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc times; 100 on every Linux this runs on. */
const TICKS = 100;

/** CPU seconds used by this process's finished (waited-for) children, from /proc; 0 where /proc is missing. */
export function childCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) ", field 14 and 15 (0-based 13, 14) are cutime and cstime.
    return (Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc); undefined elsewhere. */
export function treeRss(rootPid: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return undefined;
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      parent.set(Number(entry), Number(stat[1]));
      rss.set(Number(entry), Number(stat[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p; p = parent.get(p)) {
      if (p === rootPid) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}
