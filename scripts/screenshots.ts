/**
 * npm run screenshots: the README's screenshots, from the built demo
 * (run `npm run build` first). Writes docs/screenshots/<page>-<device>-<theme>.png.
 */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { takeScreenshots } from '../src/node/screenshots.ts';

const files = await takeScreenshots(process.argv[2] ?? 'dist');
let total = 0;
for (const file of files) total += (await stat(file)).size;
console.log(`✓ ${files.length} screenshots in ${path.relative(process.cwd(), path.dirname(files[0]!))}/, ${(total / 1024).toFixed(0)} KB in all.`);
