import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { projectRoot } from '../../src/node/project-paths.ts';
import { hostileArticle } from '../fixtures/hostile/article.ts';
import { fixtureContent } from '../unit/fixture-content.ts';

const env = (contentDir: string, extra: Record<string, string> = {}) => ({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir, ...extra });

/** Runs scripts/build.ts; returns exit code and output. */
function build(contentDir: string, out: string, extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--out', out], { cwd: projectRoot, env: env(contentDir, extra), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Runs `astro build` alone, without the content check, into a scratch folder. */
function astroBuild(contentDir: string, outDir: string) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    env: env(contentDir, { HANDRAIL_OUT_DIR: outDir, HANDRAIL_ROOT: projectRoot }),
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A complete built site: pages, the 404 page and the build marker, read through the output link. */
function assertCompleteSite(out: string, note: string) {
  for (const file of ['index.html', '404.html', 'articles/welcome/index.html', 'sitemap.xml', '.handrail-build']) {
    assert.ok(existsSync(path.join(out, file)), `${note}: ${file} missing from ${out}`);
  }
}

describe('--out never replaces what is not a Handrail build', { concurrency: false }, () => {
  const refused: { out: string; reason: RegExp }[] = [
    { out: 'content', reason: /it is or contains content\/ .* which the build would replace/ },
    { out: 'public', reason: /it is or contains public\/ .* which the build would replace/ },
    { out: 'src', reason: /it is or contains src\/ .* which the build would replace/ },
    { out: '.', reason: /it is or contains the project folder/ },
    { out: '..', reason: /it is or contains the project folder/ },
    { out: 'content/articles/new', reason: /it is inside content\// },
    { out: 'public/site', reason: /it is inside public\// },
    { out: 'package.json', reason: /it is or contains|it is a file, not a folder/ },
  ];
  for (const { out, reason } of refused) {
    test(`--out ${out} is refused before anything runs`, async () => {
      const { status, output } = build(await fixtureContent(), out);
      assert.equal(status, 1, output);
      assert.match(output, new RegExp(`✗ The site was not built into ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      assert.match(output, reason);
      assert.match(output, /Nothing was changed\./);
      assert.doesNotMatch(output, /Content checked/, 'refused before the check');
    });
  }

  test('a folder with someone else\'s files, and a file, are refused', async () => {
    const foreign = await mkdtemp(path.join(tmpdir(), 'handrail-foreign-'));
    await writeFile(path.join(foreign, 'notes.txt'), 'mine');
    let result = build(await fixtureContent(), foreign);
    assert.equal(result.status, 1);
    assert.match(result.output, /it is not empty and is not a previous Handrail build \(it has no \.handrail-build file\)/);
    assert.deepEqual(await readdir(foreign), ['notes.txt']);
    result = build(await fixtureContent(), path.join(foreign, 'notes.txt'));
    assert.match(result.output, /it is a file, not a folder/);
    assert.equal(await readFile(path.join(foreign, 'notes.txt'), 'utf8'), 'mine');
  });

  test('a link to something that is not a build is refused', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'handrail-link-'));
    await symlink(path.join(projectRoot, 'src'), path.join(parent, 'site'));
    const result = build(await fixtureContent(), path.join(parent, 'site'));
    assert.match(result.output, /it is inside src\/|it is or contains src\//);
  });
});

describe('hostile content fails the build and leaves the previous site intact', { concurrency: false }, () => {
  const cases: { name: string; setup(dir: string): Promise<void>; expect: RegExp }[] = [
    { name: 'an MDX import', setup: (dir) => writeFile(path.join(dir, 'articles/billing/x.mdx'), hostileArticle('Import', [{ category: '', text: "import fs from 'node:fs'" }]).text), expect: /x\.mdx:8:1 error: has an import statement/ },
    { name: 'a script', setup: (dir) => writeFile(path.join(dir, 'articles/billing/x.md'), hostileArticle('Script', [{ category: '', text: '<script>alert(1)</script>' }]).text), expect: /x\.md:8:1 error: <script> is not allowed in an article: it runs code/ },
    { name: 'a symlinked article', setup: (dir) => symlink('/etc/hostname', path.join(dir, 'articles/billing/host.md')), expect: /host\.md error: is a symbolic link/ },
    { name: 'a mail link with a hidden Bcc', setup: (dir) => cp(path.join(projectRoot, 'tests/fixtures/broken/unsafe-contact/contact.yaml'), path.join(dir, 'contact.yaml')), expect: /contact\.yaml:11 error: "channels\[1\]\.value": has "\?", "&", "%" or "#" in it/ },
    { name: 'a YAML alias bomb', setup: (dir) => cp(path.join(projectRoot, 'tests/fixtures/broken/yaml-alias-bomb/synonyms.yaml'), path.join(dir, 'synonyms.yaml')), expect: /synonyms\.yaml:2 error: has a YAML anchor/ },
  ];
  for (const { name, setup, expect } of cases) {
    test(name, async () => {
      const out = await mkdtemp(path.join(tmpdir(), 'handrail-prev-'));
      await writeFile(path.join(out, 'index.html'), 'previous site');
      await writeFile(path.join(out, '.handrail-build'), '{}\n');
      const dir = await fixtureContent();
      await setup(dir);
      const { status, output } = build(dir, out);
      assert.equal(status, 1, output);
      assert.match(output, expect);
      assert.match(output, /Nothing was written to .*: the previous site is unchanged\./);
      assert.doesNotMatch(output, /^\s+at .*:\d+:\d+\)?$/m, 'no stack trace');
      assert.equal(await readFile(path.join(out, 'index.html'), 'utf8'), 'previous site');
    });
  }
});

describe('astro build alone refuses code and links: it runs the same content check first', { concurrency: false }, () => {
  test('an MDX import stops the build with the writer\'s message, and nothing is written', async () => {
    const dir = await fixtureContent();
    await writeFile(path.join(dir, 'articles/billing/x.mdx'), hostileArticle('Import', [{ category: '', text: "import host from '/etc/hostname?raw'" }, { category: '', text: 'Home: {process.env.HOME}' }]).text);
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-astro-')), 'site');
    const { status, output } = astroBuild(dir, out);
    assert.notEqual(status, 0, output);
    // The content check stops it at startup; the render guard behind it is tested in tests/unit/render-sanitize.test.ts.
    assert.match(output, /The content has 2 errors and 0 warnings\. Nothing was built\./);
    assert.match(output, /x\.mdx:8:1 error: has an import statement: articles cannot load code or files/);
    assert.match(output, /x\.mdx:10:7 error: has a JavaScript expression in \{ \}, which articles cannot run/);
    assert.ok(!existsSync(path.join(out, 'articles')), 'no page was written');
  });

  test('a symlinked article stops the build before anything is read', async () => {
    const dir = await fixtureContent();
    await symlink('/etc/hostname', path.join(dir, 'articles/billing/host.md'));
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-astro-')), 'site');
    const { status, output } = astroBuild(dir, out);
    assert.notEqual(status, 0, output);
    assert.match(output, /The site was not built: some files are not what they seem\./);
    assert.match(output, /host\.md error: is a symbolic link/);
    assert.doesNotMatch(output, /^\s+at .*:\d+:\d+\)?$/m, 'no stack trace');
    assert.ok(!existsSync(out), 'nothing was written');
  });
});

/** Starts a build that pauses at a step ('astro': pages written, before search and offline), SIGKILLs its whole process group there. */
async function killAt(contentDir: string, out: string, step: string): Promise<void> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--out', out], {
    cwd: projectRoot,
    env: env(contentDir, { HANDRAIL_TEST_PAUSE_AT: step }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`never reached ${step}:\n${output}`)), 120_000);
    const watch = (chunk: Buffer) => {
      output += chunk;
      // Astro colours its log when it thinks a terminal is there: match the words, not the escapes.
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
      const reached = plain.includes(`⏸ paused at ${step}`);
      if (reached) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', (code) => reject(new Error(`the build ended (${code}) before ${step}:\n${output}`)));
  });
  process.kill(-child.pid!, 'SIGKILL');
  await new Promise((resolve) => child.on('close', resolve));
}

describe('killing the build at any step never loses the site', { concurrency: false }, () => {
  test('SIGKILL at every step: the output is always a complete site, and the next build tidies up', async () => {
    const contentDir = await fixtureContent();
    const parent = await mkdtemp(path.join(tmpdir(), 'handrail-kill-'));
    const out = path.join(parent, 'site');
    const first = build(contentDir, out);
    assert.equal(first.status, 0, first.output);
    assert.ok(lstatSync(out).isSymbolicLink(), 'the output is a link to a kept build');
    assertCompleteSite(out, 'after the first build');

    for (const step of ['started', 'astro', 'built', 'kept', 'linked', 'swapped']) {
      await killAt(contentDir, out, step);
      assertCompleteSite(out, `killed at ${step}`);
    }

    // The first build after a real folder: the one two-step move, and the recovery that covers it.
    const real = path.join(parent, 'real');
    await cp(out, real, { recursive: true, dereference: true });
    await killAt(contentDir, real, 'moved-aside');
    assert.ok(!existsSync(real), 'killed between the two renames of a real folder, the output is briefly missing');
    // The next build restores it first thing (here it is killed again right after that).
    await killAt(contentDir, real, 'started');
    assertCompleteSite(real, 'restored by the next build');

    // Leftovers of dead builds go at the next build; live ones stay.
    await mkdir(path.join(projectRoot, '.handrail', 'build-999999-1'), { recursive: true });
    await mkdir(path.join(parent, '.handrail-old-999999-1'), { recursive: true });
    const last = build(contentDir, out);
    assert.equal(last.status, 0, last.output);
    assertCompleteSite(out, 'after a normal build');
    assert.match(last.output, /✓ Tidied up: removed \.handrail\/build-999999-1\./);
    assert.deepEqual(readdirSync(parent).filter((name) => name.startsWith('.handrail-')), [], 'no scratch beside the output');
    const scratch = readdirSync(path.join(projectRoot, '.handrail')).filter((name) => /^build-\d+-\d+$/.test(name));
    assert.deepEqual(scratch, [], 'no scratch build folder left');
  });
});
