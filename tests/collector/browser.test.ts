/**
 * The whole listening path in a real browser: the real collector
 * (scripts/listen.ts) on 127.0.0.1 with a scratch database, a fixture help
 * center built with `collector:` pointing at it and served on another port,
 * and Chromium doing what a reader does — "No" with a reason and a comment,
 * a search that finds nothing, a channel followed after an article. Each
 * must arrive as a row in SQLite, under a policy that lets pages reach the
 * collector's origin and nothing else. (With no collector configured, the
 * site sends nothing: tests/e2e/listening.spec.ts, on the main build.)
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DatabaseSync } from 'node:sqlite';
import { chromium, type Browser, type Page } from '@playwright/test';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
// The project's own rules (.htmlvalidate.mjs is untyped JavaScript, hence the cast below).
import htmlValidateConfig from '../../.htmlvalidate.mjs';
import { auditPage, formatReport, type PageFindings } from '../../src/node/audit/audit.ts';
import { chromiumLaunchOptions } from '../../src/node/chromium.ts';
import { AUDIT_THEMES } from '../../src/shared/audit-standard.ts';
import { runEveryCheck } from '../a11y/checks.ts';
import { fixtureContent } from '../unit/fixture-content.ts';
import { scratchDir } from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a child and resolves with the first match of `ready` in its output. */
function startChild(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve({ child, match });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}:\n${output}`)));
  });
}

interface EventRow {
  type: string;
  lang: string;
  article: string | null;
  vote: string | null;
  reason: string | null;
  comment: string | null;
  query: string | null;
  result_count: number | null;
  channel: string | null;
  site: string;
}

describe('listening in a browser, end to end', { concurrency: false, timeout: 240_000 }, () => {
  let dbFile = '';
  let site = '';
  let collectorUrl = '';
  let outDir = '';
  let browser: Browser;
  const children: ChildProcess[] = [];

  /** The rows the collector committed, polled until `count` are there (or 10 s pass). */
  async function rows(count: number): Promise<EventRow[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const db = new DatabaseSync(dbFile, { readOnly: true });
      const found = db.prepare('SELECT type, lang, article, vote, reason, comment, query, result_count, channel, site FROM events ORDER BY id').all() as unknown as EventRow[];
      db.close();
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  before(async () => {
    const sitePort = await freePort();
    site = `http://127.0.0.1:${sitePort}`;
    dbFile = path.join(scratchDir(), 'listening.sqlite');
    const collector = await startChild(
      ['scripts/listen.ts'],
      { HANDRAIL_COLLECTOR_PORT: '0', HANDRAIL_COLLECTOR_ORIGINS: site, HANDRAIL_COLLECTOR_DB: dbFile },
      /(http:\/\/127\.0\.0\.1:\d+)\/v1\/events/,
    );
    children.push(collector.child);
    collectorUrl = collector.match[1]!;

    const contentDir = await fixtureContent();
    const siteFile = path.join(contentDir, 'site.yaml');
    writeFileSync(siteFile, `${readFileSync(siteFile, 'utf8')}collector: ${collectorUrl}\n`);
    outDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-listening-')), 'site');
    const env = { ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir };
    const built = spawnSync(process.execPath, ['scripts/build.ts', '--out', outDir], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
    assert.equal(built.status, 0, `${built.stdout}\n${built.stderr}`);

    const server = await startChild(['scripts/serve.ts', '--dir', outDir, '--port', String(sitePort)], env, /127\.0\.0\.1|localhost/);
    children.push(server.child);
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    for (const child of children) child.kill('SIGTERM');
  });

  /** A page that records every request leaving the site, and refuses any that is not to the collector. */
  async function openPage(): Promise<{ page: Page; elsewhere: string[] }> {
    const context = await browser.newContext({ baseURL: site, serviceWorkers: 'block' });
    const page = await context.newPage();
    const elsewhere: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === site) return route.continue();
      elsewhere.push(route.request().url());
      return url.origin === collectorUrl ? route.continue() : route.abort();
    });
    return { page, elsewhere };
  }

  test('the policy lets pages reach the collector and nothing else, in the meta tag and in _headers', async () => {
    const { page } = await openPage();
    await page.goto('/articles/welcome/');
    const meta = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    const connect = (policy: string) => /connect-src ([^;]*)/.exec(policy)?.[1]?.trim().split(/\s+/);
    assert.deepEqual(connect(meta), ["'self'", collectorUrl]);
    assert.deepEqual(connect(readFileSync(path.join(outDir, '_headers'), 'utf8')), ["'self'", collectorUrl]);
    await page.context().close();
  });

  test('"No" with a reason and a comment, then a channel followed, arrive as rows', async () => {
    const { page, elsewhere } = await openPage();
    const violations: string[] = [];
    page.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
    await page.goto('/articles/welcome/');
    await page.getByRole('button', { name: 'No, this didn\'t help' }).click();
    const reasons = page.getByRole('group', { name: 'What was wrong? (optional)' });
    await reasons.getByRole('radio', { name: 'It is wrong or out of date' }).check();
    await page.getByRole('textbox', { name: 'What were you looking for, or what was missing?' }).fill('The screenshot shows the old menu.');
    await page.getByRole('button', { name: 'Send' }).click();
    await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Thank you. Your answer has been sent.' }).waitFor());

    // Email is the one channel in the fixture a browser can follow without a phone: in the
    // hand-over after "No" when it is one of the best channels, else among the panel's other ways.
    const email = page.locator('a[data-contact-kind="email"][href^="mailto:help@fixture.example"]');
    if (!(await email.locator('visible=true').count())) await page.locator('details.channel-more:has(a[data-contact-kind="email"]) > summary').first().click();
    await email.locator('visible=true').first().click({ noWaitAfter: true });

    const found = await rows(2);
    const vote = found.find((row) => row.type === 'vote');
    assert.deepEqual(
      { ...vote },
      { type: 'vote', lang: 'en-gb', article: 'welcome', vote: 'no', reason: 'inaccurate', comment: 'The screenshot shows the old menu.', query: null, result_count: null, channel: null, site },
      'the bare "no" sent on the click is replaced by the answer with its reason',
    );
    const contact = found.find((row) => row.type === 'contact');
    assert.deepEqual({ type: contact?.type, article: contact?.article, channel: contact?.channel, query: contact?.query }, { type: 'contact', article: 'welcome', channel: 'email', query: null });
    assert.equal(found.length, 2, JSON.stringify(found));
    assert.deepEqual(new Set(elsewhere.map((url) => new URL(url).origin)), new Set([collectorUrl]));
    assert.deepEqual(violations, []);
    await page.context().close();
  });

  test('by keyboard alone: No, a reason by arrow key, a comment, Send; the status is announced and the row arrives', async () => {
    const { page } = await openPage();
    await page.goto('/articles/pay-an-invoice/');
    await page.getByRole('button', { name: 'No, this didn\'t help' }).focus();
    await page.keyboard.press('Enter');
    // Focus lands on the first question: the reasons.
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), 'missing-information');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByRole('radio', { name: 'It is wrong or out of date' }).isChecked(), true);
    const comment = page.getByRole('textbox', { name: 'What were you looking for, or what was missing?' });
    for (let i = 0; i < 5 && !(await comment.evaluate((field) => field === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.type('Which card types?');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Send');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Thank you. Your answer has been sent.' }).waitFor();
    const deadline = Date.now() + 10_000;
    let row: EventRow | undefined;
    while (!row?.comment && Date.now() < deadline) {
      row = (await rows(0)).find((r) => r.type === 'vote' && r.article === 'pay-an-invoice');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.deepEqual({ vote: row?.vote, reason: row?.reason, comment: row?.comment }, { vote: 'no', reason: 'inaccurate', comment: 'Which card types?' });
    await page.context().close();
  });

  test('a search with no results arrives when the reader leaves it, in the page\'s language', async () => {
    const { page } = await openPage();
    const before = (await rows(0)).length;
    await page.goto('/search/?q=zzqqxxy');
    await page.getByRole('status').filter({ hasText: /zzqqxxy/ }).waitFor();
    await page.goto('/');
    const found = await rows(before + 1);
    const search = found.at(-1)!;
    assert.deepEqual({ type: search.type, query: search.query, result_count: search.result_count, lang: search.lang }, { type: 'search', query: 'zzqqxxy', result_count: 0, lang: 'en-gb' });
    await page.context().close();
  });

  test('a search whose results were left unopened arrives with its count; one whose result was opened does not', async () => {
    const { page } = await openPage();
    const before = (await rows(0)).length;
    await page.goto('/search/?q=welcome');
    const result = page.locator('[data-search-results] a').first();
    await result.waitFor();
    await result.click();
    await page.waitForURL(/\/articles\//);
    await page.goto('/search/?q=invoice');
    await page.locator('[data-search-results] a').first().waitFor();
    await page.goto('/');
    const found = await rows(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const added = (await rows(0)).slice(before);
    assert.deepEqual(
      added.map((row) => ({ type: row.type, query: row.query, opened: row.result_count === 0 ? 'none found' : 'not opened' })),
      [{ type: 'search', query: 'invoice', opened: 'not opened' }],
      JSON.stringify(found),
    );
    await page.context().close();
  });

  test('the reasons form after "No", its status, and the privacy page have no axe violations in either theme', async () => {
    // As tests/a11y/audit-test.ts: the audit is of the page, not of a cached copy.
    const context = await browser.newContext({ baseURL: site, serviceWorkers: 'block', bypassCSP: true });
    const page = await context.newPage();
    // The events go nowhere: this test is about the page, and must not add rows.
    await context.route(`${collectorUrl}/**`, (route) => route.fulfill({ status: 204, headers: { 'access-control-allow-origin': site } }));
    const findings: PageFindings[] = [];
    for (const colorScheme of AUDIT_THEMES) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/articles/pay-an-invoice/');
      await page.getByRole('button', { name: 'No, this didn\'t help' }).click();
      await page.getByRole('radio', { name: 'Something else' }).check();
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('status').filter({ hasText: 'Thank you. Your answer has been sent.' }).waitFor();
      const form = await auditPage(page, '/articles/pay-an-invoice/ after "No" and Send');
      if (form.length) findings.push({ path: '/articles/pay-an-invoice/ after "No" and Send', theme: colorScheme, width: 1280, violations: form });
      // Beyond axe, as tests/a11y/every-page.spec.ts does for every page: 24 px targets, reflow, text spacing, focus, forced colours.
      if (colorScheme === 'light') {
        const failed = Object.entries(await runEveryCheck(page)).filter(([, problems]) => problems.length);
        assert.deepEqual(failed, [], JSON.stringify(failed, null, 2));
      }
      await page.goto('/privacy/');
      await page.getByRole('heading', { level: 1, name: 'Privacy: what this help center collects' }).waitFor();
      assert.match((await page.locator('main').textContent()) ?? '', new RegExp(`its own collector at ${new URL(collectorUrl).host}:`));
      const privacy = await auditPage(page, '/privacy/');
      if (privacy.length) findings.push({ path: '/privacy/', theme: colorScheme, width: 1280, violations: privacy });
    }
    assert.deepEqual(findings, [], formatReport(findings));
    await context.close();
  });

  test('the article with the reasons form, and the privacy page, are valid HTML by the project\'s rules', async () => {
    const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig as unknown as ConfigData));
    const invalid: string[] = [];
    for (const file of ['articles/welcome/index.html', 'privacy/index.html', 'accessibility/index.html']) {
      const report = await validator.validateString(readFileSync(path.join(outDir, file), 'utf8'), file);
      for (const message of report.results.flatMap((r) => r.messages)) invalid.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
    assert.deepEqual(invalid, []);
  });
});
