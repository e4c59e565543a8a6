/**
 * Audits any built site for accessibility: every page in its sitemap, plus
 * its 404 page, in light and dark themes at 1280 and 320 CSS px, with
 * axe-core. Writes a JSON report (to compare runs) and a readable HTML one.
 *
 *   npm run audit                             the demo in dist/
 *   npm run audit -- --dir path/to/site --base /help/ --out reports/accessibility
 *
 * Exits 1 when anything is found.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { axeVersion } from '../src/node/axe-version.ts';
import { projectRoot } from '../src/node/project-paths.ts';
import { readSiteSettings } from '../src/node/site-settings.ts';
import { chromiumLaunchOptions } from '../src/node/chromium.ts';
import { auditSite, formatReport, htmlReport } from '../src/node/audit/audit.ts';
import { startStaticServer } from '../src/node/static-server.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string' },
    out: { type: 'string', default: 'reports/accessibility' },
    concurrency: { type: 'string', default: '2' },
  },
});
const siteDir = path.resolve(projectRoot, values.dir!);
const sitemapFile = path.join(siteDir, 'sitemap.xml');
if (!existsSync(sitemapFile)) {
  console.error(`${path.relative(projectRoot, sitemapFile)} does not exist. Build the site first (npm run build), or point --dir at a built site.`);
  process.exit(2);
}
const base = values.base ?? (process.env.HANDRAIL_BASE || readSiteSettings().basePath);
const sitemap = await readFile(sitemapFile, 'utf8');
const paths = [...sitemap.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')).pathname);
paths.push(`${base}no-such-page-${Date.now()}/`); // the 404 page, as a reader meets it

const server = await startStaticServer({ root: siteDir, base, port: 0 });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  let lastShown = 0;
  const result = await auditSite({
    browser,
    baseUrl: server.url,
    paths,
    axeVersion: axeVersion(),
    concurrency: Number(values.concurrency),
    onProgress(done, total) {
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent > lastShown || done === total) {
        lastShown = percent;
        console.log(`  ${done} of ${total} checks`);
      }
    },
  });
  const outDir = path.resolve(projectRoot, values.out!);
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'audit.json'), JSON.stringify({ generatedAt: new Date().toISOString(), ...result }, null, 2));
  await writeFile(path.join(outDir, 'audit.html'), htmlReport(result, new Date()));
  const problems = result.findings.reduce((n, f) => n + f.violations.reduce((m, v) => m + v.nodes.length, 0), 0);
  if (problems) console.error(formatReport(result.findings));
  console.log(
    `\n${problems ? '✗' : '✓'} ${result.pages} pages × ${result.checks / result.pages} settings = ${result.checks} checks in ${result.seconds.toFixed(1)} s (${result.pagesPerSecond.toFixed(2)} checks a second): ${problems} problems.`,
  );
  console.log(`Reports: ${path.relative(projectRoot, path.join(outDir, 'audit.html'))} and audit.json`);
  process.exitCode = problems ? 1 : 0;
} finally {
  await browser.close();
  await server.close();
}
