/**
 * The header suggestions' speed alone, without the rest of the benchmark:
 * for each size, generates a help center, builds it, types the bench's
 * queries into an article page's header search (as `npm run bench` does)
 * and holds the times to the issue's budgets. Exits 1 when one fails.
 *
 *   npm run bench:search                          1,000 and 10,000 articles
 *   npm run bench:search -- --sizes 10000         choose the sizes
 *   npm run bench:search -- --rounds 3            type the queries on 3 fresh pages; each query's
 *                                                 median counts (the machine may be shared)
 *   npm run bench:search -- --reuse               measure the site last built for a size (by this
 *                                                 script or `npm run bench`) instead of building:
 *                                                 it has the scripts of that build, not of today's code
 *   npm run bench:search -- --out reports/s.json  where the figures go
 *
 * Prints the load average beside the figures: on a busy machine every
 * figure is slower, and the reader should know.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeContent } from './lib/corpus.ts';
import { suggestionBudgets } from './lib/figures.ts';
import { runBuild } from './lib/run-build.ts';
import { measureSuggestions, SUGGESTION_QUERIES, type SuggestionFigures } from './lib/site.ts';
import { chromiumLaunchOptions } from '../src/node/chromium.ts';
import { projectRoot } from '../src/node/project-paths.ts';
import { startStaticServer } from '../src/node/static-server.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    rounds: { type: 'string', default: '1' },
    reuse: { type: 'boolean', default: false },
    out: { type: 'string', default: 'reports/bench-search.json' },
  },
});
const sizes = values.sizes!.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const rounds = Math.max(1, Number(values.rounds));
const workDir = path.join(projectRoot, '.handrail/bench');
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** The middle article of a built site's sitemap, as a path ("/articles/x/"). */
async function middleArticle(dir: string): Promise<string> {
  const sitemap = await readFile(path.join(dir, 'sitemap.xml'), 'utf8');
  const articles = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/articles\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
  return articles[Math.floor(articles.length / 2)]!;
}

/** Each position's median over several runs. */
function medians(runs: number[][]): number[] {
  return runs[0]!.map((_, i) => {
    const sorted = runs.map((r) => r[i]!).sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
  });
}

async function siteFor(size: number): Promise<string> {
  const outDir = path.join(workDir, String(size), 'dist');
  if (values.reuse && existsSync(path.join(outDir, 'sitemap.xml'))) {
    log(`Reusing the last build of ${size.toLocaleString('en')} articles (its scripts, not necessarily today's)`);
    return outDir;
  }
  log(`Generating ${size.toLocaleString('en')} articles`);
  const contentDir = await writeContent(path.join(workDir, String(size), 'content'), size, projectRoot);
  // As `npm run bench`: a cold build, so no cache from another corpus is read.
  await rm(path.join(projectRoot, '.handrail/cache'), { recursive: true, force: true });
  log(`Building ${size.toLocaleString('en')} articles`);
  const run = await runBuild(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--out', outDir], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir },
  });
  log(`Built in ${run.wallSeconds.toFixed(1)} s`);
  return outDir;
}

async function main() {
  await mkdir(workDir, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const report: { size: number; rounds: SuggestionFigures[]; counted: SuggestionFigures; loadBefore: string; loadAfter: string }[] = [];
  try {
    for (const size of sizes) {
      const dir = await siteFor(size);
      const server = await startStaticServer({ root: dir, base: '/', port: 0 });
      try {
        const article = `${server.url}${(await middleArticle(dir)).slice(1)}`;
        const loadBefore = load();
        const all: SuggestionFigures[] = [];
        for (let round = 1; round <= rounds; round++) {
          const figures = await measureSuggestions(browser, article, SUGGESTION_QUERIES);
          all.push(figures);
          log(`  ${size.toLocaleString('en')}, round ${round}: first query ${figures.firstMs} ms (typed at once ${figures.firstAtOnceMs} ms), later ${figures.warmMs.join(', ')} ms`);
        }
        const [firstMs, firstAtOnceMs, ...warmMs] = medians(all.map((f) => [f.firstMs, f.firstAtOnceMs ?? 0, ...f.warmMs]));
        report.push({ size, rounds: all, counted: { firstMs: firstMs!, firstAtOnceMs, warmMs, queries: SUGGESTION_QUERIES }, loadBefore, loadAfter: load() });
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`\nHeader suggestions, last key → shown (ms${rounds > 1 ? `, median of ${rounds} pages` : ''}); load average (1, 5, 15 min) before and after`);
  console.log(`  queries: ${SUGGESTION_QUERIES.join(' | ')} (the first is the page's first query)`);
  for (const r of report) console.log(`  ${r.size.toLocaleString('en').padStart(6)}: ${[r.counted.firstMs, ...r.counted.warmMs].join(', ')}; first typed at once ${r.counted.firstAtOnceMs}   load ${r.loadBefore} → ${r.loadAfter}`);
  const results = report.flatMap((r) => suggestionBudgets(`${r.size.toLocaleString('en')} articles`, r.counted));
  console.log('\nBudgets');
  for (const result of results) console.log(`  ${result.passed ? 'PASS' : 'FAIL'}  ${result.name}: ${result.measured} (${result.limit})`);
  const out = path.resolve(projectRoot, values.out!);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify({ date: new Date().toISOString(), report, budgets: results }, null, 2));
  console.log(`\nFigures written to ${path.relative(projectRoot, out)}.`);
  if (results.some((r) => !r.passed)) process.exitCode = 1;
}

await main();
