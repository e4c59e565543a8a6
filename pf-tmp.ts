import * as pagefind from 'pagefind';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
const siteDir = '/tmp/site';
const mode = process.argv[2];
const out = `/tmp/pf-${mode}`;
rmSync(out, { recursive: true, force: true });
let t = performance.now();
const lap = (s: string) => { const n = performance.now(); console.log(mode, s, (n - t).toFixed(0), 'ms'); t = n; };
const pages = readdirSync(siteDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.relative(siteDir, path.join(e.parentPath, e.name))).sort().filter((p) => readFileSync(path.join(siteDir, p)).includes('data-pagefind-body'));
lap(`scan ${pages.length}`);
const { index } = await pagefind.createIndex({ rootSelector: 'html' });
if (mode === 'dir') {
  for (let s = 0; s < pages.length; s += 500) { const c = pages.slice(s, s + 500); await index!.addDirectory({ path: siteDir, glob: `{${c.join(',')}}` }); }
} else {
  const texts = pages.map((p) => { const html = readFileSync(path.join(siteDir, p), 'utf8');
    const open = html.match(/<html[^>]*>/)![0];
    const a = html.indexOf('<article class="article" data-pagefind-body'); const e = html.indexOf('</article>', a) + 10;
    return `<!DOCTYPE html>${open}<head><meta charset="utf-8"></head><body>${html.slice(a, e)}</body></html>`; });
  lap('slice');
  await Promise.all(pages.map((p, i) => index!.addHTMLFile({ sourcePath: p, content: texts[i]! })));
}
lap('add');
await index!.writeFiles({ outputPath: out }); lap('writeFiles');
await pagefind.close();
