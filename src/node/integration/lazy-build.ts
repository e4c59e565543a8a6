import { build } from 'esbuild';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../project-paths.ts';

/**
 * Bundles src/browser/lazy/*.ts into <site>/_handrail/ with content-hashed names,
 * and writes _handrail/manifest.json (module name → file) for the loader in
 * the inline head script. Vite would wrap each dynamic import in its preload
 * helper, which on its own weighs more than the code it defers.
 */
export async function buildLazyModules(siteDir: string): Promise<Record<string, string>> {
  const dir = path.join(projectRoot, 'src/browser/lazy');
  const outdir = path.join(siteDir, '_handrail');
  const entries = (await readdir(dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  const result = await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    entryNames: '[name]-[hash]',
    chunkNames: 'shared-[hash]',
    metafile: true,
    logLevel: 'silent',
  });
  const manifest: Record<string, string> = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint) manifest[path.basename(output.entryPoint, '.ts')] = path.basename(file);
  }
  await writeFile(path.join(outdir, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}
