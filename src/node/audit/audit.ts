import type { Browser, Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AUDIT_THEMES, AUDIT_WIDTHS, AXE_TAGS } from '../../shared/audit-standard.ts';
import { THEME_STORAGE_KEY } from '../../shared/theme.ts';
import { axeExceptions, type AxeException } from './exceptions.ts';

/** One axe violation as axe reports it. */
export type Violation = AxeResults['violations'][number];

/** What one audit of one page in one theme and width found. */
export interface PageFindings {
  path: string;
  theme: (typeof AUDIT_THEMES)[number];
  width: number;
  violations: Violation[];
}

/** The whole audit. */
export interface AuditResult {
  axeVersion: string;
  tags: readonly string[];
  pages: number;
  /** Page × theme × width audits run. */
  checks: number;
  seconds: number;
  pagesPerSecond: number;
  findings: PageFindings[];
}

/** Drops the findings that src/node/audit/exceptions.ts accepts for this exact element on this page. */
export function unexcused(violations: Violation[], pagePath: string, exceptions: AxeException[] = axeExceptions): Violation[] {
  return violations
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter(
        (node) =>
          !exceptions.some(
            (exception) => exception.rule === violation.id && exception.pages.test(pagePath) && node.target.map(String).join(' ') === exception.selector,
          ),
      ),
    }))
    .filter((violation) => violation.nodes.length > 0);
}

let axeSource: string | undefined;

/**
 * Runs axe-core in the page as it is now, with these rule tags, and returns
 * what it found. axe-core itself rather than @axe-core/playwright: the help
 * center has no frames to merge, and the wrapper put the engine into the page
 * twice a run and listed every element that passed each rule, which made a
 * page's audit two and a half times as slow (640 ms against 260 ms). Only
 * violations are collected in full (axe's resultTypes); they are all the
 * audit reports.
 */
export async function runAxe(page: Page, tags: readonly string[] = AXE_TAGS): Promise<Violation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
  // As a statement list ending in `undefined`, so nothing of the engine comes back over the wire.
  if (!loaded) await page.evaluate(`${axeSource}\n;undefined`);
  const options: RunOptions = { runOnly: { type: 'tag', values: [...tags] }, resultTypes: ['violations'] };
  return page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    return (await axe.run(document, options)).violations;
  }, options);
}

/** Runs axe on the page as it is now, with the project's tags, less accepted exceptions. */
export async function auditPage(page: Page, pagePath: string): Promise<Violation[]> {
  return unexcused(await runAxe(page), pagePath);
}

/** Waits until the transitions and animations running in the page have ended (at most 2 s, for one that never ends). */
export async function transitionsEnded(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([Promise.all(document.getAnimations().map((animation) => animation.finished)), new Promise((resolve) => setTimeout(resolve, 2_000))]),
  );
}

/**
 * Audits a loaded page in each theme in turn. The colour scheme is switched
 * in place, as when a reader's phone turns dark at sunset (the theme is CSS
 * that follows the system, and the toggle listens for the change), once any
 * transition it starts has ended, so one load serves both themes.
 */
export async function auditEveryTheme(page: Page, pagePath: string, width: number): Promise<PageFindings[]> {
  const chosen = await page.evaluate(() => document.documentElement.dataset.theme);
  // A theme chosen with the toggle overrides the system's, and both audits would see it.
  if (chosen) throw new Error(`${pagePath} shows the ${chosen} theme a reader chose with the toggle, so switching the system's colour scheme cannot audit both themes: remove the "${THEME_STORAGE_KEY}" item from localStorage first.`);
  const findings: PageFindings[] = [];
  for (const theme of AUDIT_THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await transitionsEnded(page);
    const violations = await auditPage(page, pagePath);
    if (violations.length) findings.push({ path: pagePath, theme, width, violations });
  }
  return findings;
}

/** A report a writer can act on: page, rule, what it means, each element and the fix axe suggests. */
export function formatReport(findings: PageFindings[]): string {
  const lines: string[] = [];
  for (const { path, theme, width, violations } of findings) {
    lines.push(`\n■ ${path} (${theme}, ${width} px)`);
    for (const violation of violations) {
      lines.push(`  ✗ ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}`, `    ${violation.helpUrl}`);
      for (const node of violation.nodes) {
        lines.push(`    → ${node.target.map(String).join(' ')}`);
        for (const summary of (node.failureSummary ?? '').split('\n').filter(Boolean)) lines.push(`        ${summary.trim()}`);
      }
    }
  }
  return lines.join('\n');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The audit as an accessible HTML page a writer can open. */
export function htmlReport(result: AuditResult, generatedAt: Date): string {
  const rows = result.findings.flatMap((finding) =>
    finding.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `<tr><td><a href="${escapeHtml(finding.path)}">${escapeHtml(finding.path)}</a></td><td>${finding.theme}, ${finding.width} px</td><td><a href="${escapeHtml(violation.helpUrl)}">${escapeHtml(violation.id)}</a><br>${escapeHtml(violation.help)}</td><td><code>${escapeHtml(node.target.map(String).join(' '))}</code></td><td>${escapeHtml(node.failureSummary ?? '').replace(/\n/g, '<br>')}</td></tr>`,
      ),
    ),
  );
  const summary = rows.length
    ? `<p><strong>${rows.length} problems</strong> on ${new Set(result.findings.map((f) => f.path)).size} pages.</p>`
    : '<p><strong>No problems found.</strong></p>';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Accessibility audit</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem;line-height:1.5;color:#16181d}table{border-collapse:collapse;width:100%}th,td{border:1px solid #6b7280;padding:.4rem;text-align:left;vertical-align:top}th{background:#f4f5f7}code{overflow-wrap:anywhere}a{color:#1d4ed8}</style></head>
<body><main>
<h1>Accessibility audit</h1>
<p>${result.pages} pages, each in ${AUDIT_THEMES.join(' and ')} themes at ${AUDIT_WIDTHS.join(' and ')} CSS px (${result.checks} checks), with axe-core ${escapeHtml(result.axeVersion)} and the tags ${result.tags.join(', ')}. ${result.seconds.toFixed(1)} s, ${result.pagesPerSecond.toFixed(2)} page checks a second. Generated ${generatedAt.toISOString()}.</p>
${summary}
${rows.length ? `<table><caption>Problems, with the fix axe suggests</caption><thead><tr><th scope="col">Page</th><th scope="col">Theme and width</th><th scope="col">Rule</th><th scope="col">Element</th><th scope="col">How to fix</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}
</main></body></html>
`;
}

/** Options for {@link auditSite}. */
export interface AuditOptions {
  browser: Browser;
  /** Where the site is served, ending in "/" (its base path included). */
  baseUrl: string;
  /** Root-relative paths to audit (with the base path), e.g. from the sitemap. */
  paths: string[];
  axeVersion: string;
  /** Browser pages working at once; each is reused from page to page. */
  concurrency?: number;
  onProgress?(done: number, total: number): void;
}

/**
 * Audits every page in every theme and width. One browser, a few pages
 * reused from URL to URL (a new page per URL costs four times as much), so
 * it scales to thousands of pages.
 */
export async function auditSite(options: AuditOptions): Promise<AuditResult> {
  const started = performance.now();
  // A job is one page at one width; each load is audited in every theme (auditEveryTheme).
  const jobs = AUDIT_WIDTHS.flatMap((width) => options.paths.map((path) => ({ path, width })));
  const total = jobs.length * AUDIT_THEMES.length;
  const findings: PageFindings[] = [];
  let done = 0;
  const origin = new URL(options.baseUrl).origin;
  const worker = async () => {
    const context = await options.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let width = 0;
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      if (job.width !== width) {
        await page.setViewportSize({ width: job.width, height: 900 });
        width = job.width;
      }
      await page.goto(`${origin}${job.path}`, { waitUntil: 'load' });
      findings.push(...(await auditEveryTheme(page, job.path, job.width)));
      done += AUDIT_THEMES.length;
      options.onProgress?.(done, total);
    }
    await context.close();
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  const seconds = (performance.now() - started) / 1000;
  findings.sort((a, b) => a.path.localeCompare(b.path) || a.theme.localeCompare(b.theme) || a.width - b.width);
  return { axeVersion: options.axeVersion, tags: AXE_TAGS, pages: options.paths.length, checks: total, seconds, pagesPerSecond: total / seconds, findings };
}
