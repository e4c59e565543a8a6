/**
 * The benchmark: builds synthetic help centers of several sizes and the demo,
 * measures the build and the pages a customer loads, and checks the budgets.
 *
 *   npm run bench                          1,000, 5,000 and 10,000 articles
 *   npm run bench -- --sizes 1000,2000     choose the sizes
 *   npm run bench -- --out reports/b.json  where the figures go (JSON, to compare runs)
 *   npm run bench -- --lighthouse          also score home, a category, an article and search with
 *                                          Lighthouse (mobile preset, local Chromium) at the smallest
 *                                          and largest size
 *
 * Prints progress while it works, then a table and pass/fail per budget.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateHelpCenter } from './lib/generate.ts';
import { budget, byteKind, compressedSize, kb, type BudgetResult, type ByteKind } from './lib/measure.ts';
import { projectRoot } from '../src/node/project-paths.ts';
import { chromiumLaunchOptions } from '../src/node/chromium.ts';
import { treeRss } from '../src/node/process-stats.ts';
import { startStaticServer } from '../src/node/static-server.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    out: { type: 'string', default: 'reports/bench.json' },
    lighthouse: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes!.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const workDir = path.join(projectRoot, '.handrail/bench');
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

interface PageFigures {
  url: string;
  bytes: Record<ByteKind, number>;
  totalBytes: number;
  /** Compressed JavaScript loaded before any interaction. */
  jsBeforeInteraction: number;
  domElements: number;
}

interface SiteFigures {
  name: string;
  articles: number;
  build?: { wallSeconds: number; cpuSeconds: number; phases: Record<string, { wallSeconds: number; cpuSeconds: number }>; peakMemoryBytes?: number };
  output: { bytes: number; files: number };
  pages: Record<'home' | 'category' | 'article', PageFigures>;
  search: { firstQueryBytes: number; msToResults: number; query: string };
  /** Lighthouse scores (0–100) per page and category, with --lighthouse. */
  lighthouse?: Record<string, Record<string, number>>;
}

const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Scores pages with Lighthouse's default (mobile) settings in the local Chromium. */
async function lighthouseScores(urls: Record<string, string>): Promise<Record<string, Record<string, number>>> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const launch = chromiumLaunchOptions();
  const chrome = await chromeLauncher.launch({ chromePath: launch.executablePath, chromeFlags: ['--headless=new', ...(launch.args ?? [])] });
  const scores: Record<string, Record<string, number>> = {};
  try {
    for (const [name, url] of Object.entries(urls)) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...LIGHTHOUSE_CATEGORIES] });
      const categories = result?.lhr.categories ?? {};
      scores[name] = Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]));
      const failing = Object.values(result?.lhr.audits ?? {}).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
      if (failing.length) log(`  Lighthouse ${name}: ${failing.map((a) => a.id).join(', ')} not passed`);
    }
  } finally {
    chrome.kill();
  }
  return scores;
}

async function writeContent(size: number): Promise<string> {
  const dir = path.join(workDir, String(size), 'content');
  await rm(dir, { recursive: true, force: true });
  const { files } = generateHelpCenter(size);
  for (const [relative, text] of files) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), text);
  }
  for (const file of ['site.yaml', 'contact.yaml', 'synonyms.yaml']) await cp(path.join(projectRoot, 'content', file), path.join(dir, file));
  return dir;
}

/** Builds with scripts/build.ts from a cold cache (as CI does), sampling the memory of the whole process tree. */
async function build(contentDir: string, outDir: string) {
  // Astro keeps parsed content between builds; a warm cache would flatter the figures.
  await rm(path.join(projectRoot, '.handrail/cache'), { recursive: true, force: true });
  await rm(path.join(projectRoot, 'node_modules/.astro'), { recursive: true, force: true });
  const timings = path.join(workDir, `timings-${process.pid}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--out', outDir], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir, HANDRAIL_TIMINGS_FILE: timings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let peak: number | undefined;
  const sampler = setInterval(() => {
    const rss = child.pid ? treeRss(child.pid) : undefined;
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`The build failed:\n${output.slice(-3000)}`);
  const phases = JSON.parse(await readFile(timings, 'utf8')) as Record<string, { wallSeconds: number; cpuSeconds: number }>;
  const cpuSeconds = Object.values(phases).reduce((sum, p) => sum + p.cpuSeconds, 0);
  return { wallSeconds: (performance.now() - started) / 1000, cpuSeconds, phases, peakMemoryBytes: peak };
}

async function outputSize(dir: string) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let bytes = 0;
  let files = 0;
  for (const entry of entries.filter((e) => e.isFile())) {
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/** Loads a page in a fresh context and adds up what it transferred, by kind, compressed. */
async function measurePage(browser: Browser, url: string): Promise<PageFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes: Record<ByteKind, number> = { html: 0, css: 0, js: 0, font: 0, image: 0, other: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      (async () => {
        if (response.status() >= 300 || response.url().endsWith('/sw.js')) return;
        const body = await response.body().catch(() => undefined);
        if (!body) return;
        const type = response.headers()['content-type'] ?? '';
        bytes[byteKind(response.request().resourceType(), type)] += compressedSize(body, type);
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  await Promise.all(pending);
  // Inline scripts run before interaction too.
  const inlineJs = await page.evaluate(() => [...document.querySelectorAll('script:not([src]):not([type="application/json"]):not([type="application/ld+json"])')].map((s) => s.textContent ?? '').join('\n'));
  const domElements = await page.evaluate(() => document.querySelectorAll('*').length);
  await context.close();
  const inlineCompressed = inlineJs ? compressedSize(new TextEncoder().encode(inlineJs), 'text/javascript') : 0;
  return {
    url,
    bytes,
    totalBytes: Object.values(bytes).reduce((a, b) => a + b, 0),
    jsBeforeInteraction: bytes.js + inlineCompressed,
    domElements,
  };
}

/** Types a query on the search page; counts the bytes search fetched and the time from the last key to results. */
async function measureSearch(browser: Browser, baseUrl: string, query: string) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page: Page = await context.newPage();
  await page.goto(`${baseUrl}search/`, { waitUntil: 'load' });
  let fetched = 0;
  page.on('response', async (response) => {
    if (!/\/pagefind\/|search-words\.json/.test(response.url())) return;
    const body = await response.body().catch(() => undefined);
    fetched += body?.length ?? 0;
  });
  const field = page.getByRole('searchbox', { name: 'Search the help center' });
  await field.click();
  // Results shown = the first change to the result list after the last key press.
  await page.evaluate(() => {
    const state = window as unknown as { lastKeyAt: number; shownAt?: number };
    state.lastKeyAt = 0;
    document.addEventListener('keydown', () => {
      state.lastKeyAt = performance.now();
      state.shownAt = undefined;
    }, true);
    new MutationObserver(() => {
      if (state.shownAt === undefined && state.lastKeyAt) state.shownAt = performance.now();
    }).observe(document.querySelector('[data-search-results]')!, { childList: true, subtree: true });
  });
  await field.pressSequentially(query, { delay: 80 });
  await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt !== undefined, null, { timeout: 30_000 });
  const { lastKeyAt, shownAt } = await page.evaluate(() => {
    const state = window as unknown as { lastKeyAt: number; shownAt: number };
    return { lastKeyAt: state.lastKeyAt, shownAt: state.shownAt };
  });
  await page.waitForTimeout(300);
  await context.close();
  return { firstQueryBytes: fetched, msToResults: Math.round(shownAt - lastKeyAt), query };
}

async function measureSite(browser: Browser, name: string, dir: string, articles: number, buildFigures?: SiteFigures['build'], withLighthouse = false): Promise<SiteFigures> {
  const server = await startStaticServer({ root: dir, base: '/', port: 0 });
  try {
    const sitemap = await readFile(path.join(dir, 'sitemap.xml'), 'utf8');
    const paths = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
    const category = paths.find((p) => p.startsWith('/categories/'))!;
    const articleList = paths.filter((p) => p.startsWith('/articles/'));
    const article = articleList[Math.floor(articleList.length / 2)]!;
    const pages = {
      home: await measurePage(browser, `${server.url}`),
      category: await measurePage(browser, `${server.url}${category.slice(1)}`),
      article: await measurePage(browser, `${server.url}${article.slice(1)}`),
    };
    const search = await measureSearch(browser, server.url, 'battery');
    const lighthouse = withLighthouse
      ? await lighthouseScores({ home: server.url, category: `${server.url}${category.slice(1)}`, article: `${server.url}${article.slice(1)}`, search: `${server.url}search/?q=battery` })
      : undefined;
    return { name, articles, build: buildFigures, output: await outputSize(dir), pages, search, lighthouse };
  } finally {
    await server.close();
  }
}

function table(rows: SiteFigures[]): string {
  const header = ['', ...rows.map((r) => r.name)];
  const line = (label: string, get: (r: SiteFigures) => string) => [label, ...rows.map(get)];
  const lines = [
    line('Articles', (r) => r.articles.toLocaleString('en')),
    line('Build wall / CPU (s)', (r) => (r.build ? `${r.build.wallSeconds.toFixed(1)} / ${r.build.cpuSeconds.toFixed(1)}` : '–')),
    line('  Astro wall / CPU (s)', (r) => (r.build?.phases.astro ? `${r.build.phases.astro.wallSeconds.toFixed(1)} / ${r.build.phases.astro.cpuSeconds.toFixed(1)}` : '–')),
    line('  Pagefind wall / CPU (s)', (r) => (r.build?.phases.pagefind ? `${r.build.phases.pagefind.wallSeconds.toFixed(1)} / ${r.build.phases.pagefind.cpuSeconds.toFixed(1)}` : '–')),
    line('Peak memory (MB)', (r) => (r.build?.peakMemoryBytes ? (r.build.peakMemoryBytes / 1e6).toFixed(0) : '–')),
    line('Output (MB / files)', (r) => `${(r.output.bytes / 1e6).toFixed(1)} / ${r.output.files.toLocaleString('en')}`),
    ...(['home', 'category', 'article'] as const).flatMap((kind) => [
      line(`${kind}: total (gzip)`, (r) => kb(r.pages[kind].totalBytes)),
      line(`  HTML / CSS / JS`, (r) => `${kb(r.pages[kind].bytes.html)} / ${kb(r.pages[kind].bytes.css)} / ${kb(r.pages[kind].bytes.js)}`),
      line(`  fonts / images`, (r) => `${kb(r.pages[kind].bytes.font)} / ${kb(r.pages[kind].bytes.image)}`),
      line(`  JS before interaction`, (r) => kb(r.pages[kind].jsBeforeInteraction)),
      line(`  DOM elements`, (r) => String(r.pages[kind].domElements)),
    ]),
    line('Search: first query fetched', (r) => kb(r.search.firstQueryBytes)),
    line('Search: last key → results', (r) => `${r.search.msToResults} ms`),
    ...(rows.some((r) => r.lighthouse)
      ? ['home', 'category', 'article', 'search'].map((page) =>
          line(`Lighthouse ${page} (perf/a11y/bp/seo)`, (r) => (r.lighthouse?.[page] ? LIGHTHOUSE_CATEGORIES.map((c) => r.lighthouse![page]![c]).join(' / ') : '–')),
        )
      : []),
  ];
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  return all.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

function budgets(demo: SiteFigures, runs: SiteFigures[]): BudgetResult[] {
  const results = [
    budget('Demo article page, total transfer (gzip)', demo.pages.article.totalBytes, 20_000, kb),
    budget('Demo article page, JS before interaction (gzip)', demo.pages.article.jsBeforeInteraction, 3_000, kb),
  ];
  const bySize = new Map(runs.map((r) => [r.articles, r]));
  const small = bySize.get(Math.min(...bySize.keys()));
  const large = bySize.get(Math.max(...bySize.keys()));
  for (const run of runs) results.push(budget(`${run.articles.toLocaleString('en')} articles: JS before interaction on an article`, run.pages.article.jsBeforeInteraction, 3_000, kb));
  if (small && large && small !== large) {
    for (const kind of ['home', 'category', 'article'] as const) {
      results.push(budget(`${kind} page at ${large.articles.toLocaleString('en')} within 10% of ${small.articles.toLocaleString('en')}`, large.pages[kind].totalBytes, small.pages[kind].totalBytes * 1.1, kb));
    }
    const ratio = large.articles / small.articles;
    if (small.build && large.build) {
      results.push(budget(`Build time grows linearly (${large.articles.toLocaleString('en')} ≤ ${(ratio * 1.1).toFixed(1)}× ${small.articles.toLocaleString('en')})`, large.build.wallSeconds, small.build.wallSeconds * ratio * 1.1, (s) => `${s.toFixed(1)} s`));
    }
  }
  for (const run of runs) {
    for (const [page, scores] of Object.entries(run.lighthouse ?? {})) {
      const lowest = Math.min(...Object.values(scores));
      results.push({ name: `Lighthouse 100 on ${page} at ${run.articles.toLocaleString('en')}`, measured: Object.values(scores).join(' / '), limit: '100 / 100 / 100 / 100', passed: lowest === 100 });
    }
  }
  if (large?.build?.peakMemoryBytes) results.push(budget(`Peak build memory at ${large.articles.toLocaleString('en')}`, large.build.peakMemoryBytes, 4e9, (b) => `${(b / 1e9).toFixed(2)} GB`));
  return results;
}

async function main() {
  await mkdir(workDir, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const runs: SiteFigures[] = [];
  try {
    log('Building the demo help center');
    const demoDir = path.join(workDir, 'demo', 'dist');
    const demoBuild = await build(path.join(projectRoot, 'content'), demoDir);
    log(`Measuring the demo (${demoBuild.wallSeconds.toFixed(1)} s to build)`);
    const demoArticles = (await readFile(path.join(demoDir, 'sitemap.xml'), 'utf8')).match(/\/articles\//g)?.length ?? 0;
    const demo = await measureSite(browser, 'demo', demoDir, demoArticles, demoBuild);
    for (const size of sizes) {
      log(`Generating ${size.toLocaleString('en')} articles`);
      const contentDir = await writeContent(size);
      log(`Building ${size.toLocaleString('en')} articles`);
      const outDir = path.join(workDir, String(size), 'dist');
      const figures = await build(contentDir, outDir);
      log(`Built in ${figures.wallSeconds.toFixed(1)} s; measuring pages in Chromium`);
      const isEnd = size === Math.min(...sizes) || size === Math.max(...sizes);
      if (values.lighthouse && isEnd) log('Running Lighthouse');
      runs.push(await measureSite(browser, `${size.toLocaleString('en')}`, outDir, size, figures, values.lighthouse && isEnd));
    }
    const results = budgets(demo, runs);
    console.log(`\n${table([demo, ...runs])}\n`);
    console.log('Budgets');
    for (const result of results) console.log(`  ${result.passed ? 'PASS' : 'FAIL'}  ${result.name}: ${result.measured} (${result.limit})`);
    const report = { date: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, demo, runs, budgets: results };
    const out = path.resolve(projectRoot, values.out!);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(report, null, 2));
    console.log(`\nFigures written to ${path.relative(projectRoot, out)}.`);
    if (results.some((r) => !r.passed)) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
