import { existsSync, readdirSync, readFileSync } from 'node:fs';

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

/**
 * CPU seconds used so far by this process and everything it started: its
 * own time, finished children (cutime/cstime) and children still running
 * (such as the Pagefind binary). Differences between two readings give a
 * phase's CPU, whichever way its children ended.
 */
export function treeCpuSeconds(): number {
  const own = process.cpuUsage();
  let total = (own.user + own.system) / 1e6 + childCpuSeconds();
  for (const [pid, stat] of descendants(process.pid)) {
    void pid;
    total += (Number(stat[11]) + Number(stat[12]) + Number(stat[13]) + Number(stat[14])) / TICKS;
  }
  return total;
}

/** The /proc stat fields (after "pid (comm) ") of every live descendant of a process. */
function descendants(rootPid: number): Map<number, string[]> {
  const stats = new Map<number, string[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return stats;
  }
  const parent = new Map<number, number>();
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      parent.set(Number(entry), Number(stat[1]));
      stats.set(Number(entry), stat);
    } catch {
      // The process ended while we looked.
    }
  }
  const result = new Map<number, string[]>();
  for (const [pid, stat] of stats) {
    for (let p = parent.get(pid); p; p = parent.get(p)) {
      if (p === rootPid) {
        result.set(pid, stat);
        break;
      }
    }
  }
  return result;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc); undefined elsewhere. */
export function treeRss(rootPid: number): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const rssOf = (stat: string[]) => Number(stat[21]) * 4096;
  let total = 0;
  try {
    total += rssOf(readFileSync(`/proc/${rootPid}/stat`, 'utf8').split(') ')[1]!.split(' '));
  } catch {
    // The root has ended.
  }
  for (const stat of descendants(rootPid).values()) total += rssOf(stat);
  return total;
}
