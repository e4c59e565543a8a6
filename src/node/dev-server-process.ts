import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { projectRoot } from './project-paths.ts';

/** A running `npm run dev`, for the dev server tests and the dev benchmark. */
export interface DevServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Stops the server and every process it started. */
  stop(): Promise<void>;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `npm run dev` (as a writer would) on a free port, with another
 * content folder when given (HANDRAIL_CONTENT_DIR), and resolves once it
 * serves the home page. The server runs in its own process group so that
 * stopping it stops npm, Astro and Pagefind's indexer together.
 */
export async function startDevServer(options: { contentDir?: string; timeoutMs?: number } = {}): Promise<DevServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
  if (options.contentDir) env.HANDRAIL_CONTENT_DIR = options.contentDir;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child: ChildProcess = spawn(npm, ['run', 'dev', '--', '--port', String(port), '--host', '127.0.0.1', ...(process.env.HANDRAIL_DEV_VERBOSE ? ['--verbose'] : [])], {
    cwd: projectRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm run dev stopped (exit ${child.exitCode}):\n${output}`);
    const ready = await fetch(url).then((r) => r.ok, () => false);
    if (ready) return { url, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`npm run dev did not answer at ${url} in time:\n${output}`);
}
