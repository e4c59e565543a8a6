/**
 * Starts `scripts/listen.ts` as a child process, the way it runs in
 * production, and waits until it says where it listens. Shared by the
 * durability test (which kills it with SIGKILL) and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A collector running in its own process. */
export interface CollectorProcess {
  child: ChildProcess;
  /** The events URL, e.g. http://127.0.0.1:41234/v1/events. */
  eventsUrl: string;
  /** The base URL. */
  baseUrl: string;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, and wait for it to exit. */
  stop(): Promise<void>;
}

/** Starts the collector on a free port of 127.0.0.1 with these extra environment variables. */
export function startCollectorProcess(env: Record<string, string>): Promise<CollectorProcess> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'listen.ts')], {
    cwd: root,
    env: { ...process.env, HANDRAIL_COLLECTOR_HOST: '127.0.0.1', HANDRAIL_COLLECTOR_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The collector did not start within 10 s.\n${stderr}`));
    }, 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The collector exited (${code}) before listening.\n${stderr}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)\/v1\/events/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        child,
        baseUrl: match[1]!,
        eventsUrl: `${match[1]!}/v1/events`,
        stderr: () => stderr,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Resolves once the process has exited (after a kill). */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}
