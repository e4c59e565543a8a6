/**
 * Runs the Astro CLI (`npm run dev`, `npm run typecheck`, `npm run astro -- …`)
 * with Astro's telemetry off, so nothing is sent anywhere and no notice is
 * printed — on every platform, which `VAR=1 astro …` in package.json is not.
 *
 *   node scripts/astro.ts dev [--port 4321]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../src/node/project-paths.ts';

const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), ...process.argv.slice(2)], {
  cwd: projectRoot,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: 'inherit',
});
// Ctrl+C reaches both processes through the terminal; pass on a stop sent to this one alone.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
