// Runs `astro build` through Astro's own API with one more Vite plugin, which
// records the module each environment bundled for the content store:
// node astro-build-recording.ts <record.json>. The content folder and the
// output folder come from HANDRAIL_CONTENT_DIR and HANDRAIL_OUT_DIR, as for
// `astro build` alone.
import { writeFileSync } from 'node:fs';
import { build } from 'astro';
import type { Plugin } from 'vite';
import { projectRoot } from '../../src/node/project-paths.ts';
import { STORE_MODULE_ID } from '../../src/node/integration/content-store-module.ts';

const recordFile = process.argv[2];
if (!recordFile) throw new Error('usage: node astro-build-recording.ts <record.json>');

const bundled: Record<string, string> = {};
const recorder: Plugin = {
  name: 'test:record-store-module',
  buildEnd() {
    const code = this.getModuleInfo(STORE_MODULE_ID)?.code;
    if (code != null) bundled[this.environment.name] = code;
  },
};

await build({ root: projectRoot, logLevel: 'error', vite: { plugins: [recorder] } });
writeFileSync(recordFile, JSON.stringify(bundled));
