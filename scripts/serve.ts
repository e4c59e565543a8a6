/**
 * Serves a built site on localhost, the way a static host would: files by
 * path, folders by their index.html, and the 404 page with status 404.
 * The site's base path (from site.yaml or HANDRAIL_BASE) is honoured.
 *
 *   node scripts/serve.ts [--dir dist] [--port 4321]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/node/project-paths.ts';
import { readSiteSettings } from '../src/node/site-settings.ts';
import { startStaticServer } from '../src/node/static-server.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: process.env.PORT ?? '4321' } },
});
const base = process.env.HANDRAIL_BASE || readSiteSettings().basePath;
const server = await startStaticServer({ root: path.resolve(projectRoot, values.dir!), base, port: Number(values.port) });
console.log(`Serving ${values.dir}/ at ${server.url} (Ctrl+C to stop)`);
