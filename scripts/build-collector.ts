/**
 * Bundles the collector (scripts/listen.ts and everything it imports) into
 * one JavaScript file that runs on a bare Node 24 with no node_modules: what
 * the container image and the systemd unit run.
 *
 *   npm run build:collector [-- <out file>]     default .handrail/collector/collector.mjs
 */
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../src/node/project-paths.ts';

const out = path.resolve(process.argv[2] ?? path.join(projectRoot, '.handrail', 'collector', 'collector.mjs'));
await build({
  entryPoints: [path.join(projectRoot, 'scripts', 'listen.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // Some dependencies still call require() inside an ES module bundle.
  banner: { js: "import { createRequire as __handrailRequire } from 'node:module'; const require = __handrailRequire(import.meta.url);" },
  legalComments: 'linked',
  logLevel: 'warning',
});
console.log(`Bundled the collector into ${path.relative(process.cwd(), out)}. Run it with: node ${path.relative(process.cwd(), out)}`);
