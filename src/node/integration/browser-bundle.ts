import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { projectRoot } from '../project-paths.ts';

/**
 * Bundles one file of src/browser/ into a single classic script (an IIFE)
 * with Vite — the same bundler Astro uses for every other script — for the
 * two scripts that cannot be page modules: the one inlined in <head> before
 * first paint, and the service worker. `define` replaces build-time constants.
 */
export async function bundleBrowserScript(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: projectRoot,
    define,
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: path.join(projectRoot, entry), formats: ['iife'], name: 'handrail' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk) throw new Error(`Bundling ${entry} produced no script.`);
  return chunk.code.trim();
}
