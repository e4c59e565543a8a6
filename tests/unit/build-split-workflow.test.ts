/**
 * The split-build workflow (.github/workflows/build-split.yml) cannot run
 * here, so it is read: its matrix is the site's languages, every command
 * it runs exists with the options it passes, and the artifacts it uploads
 * are the ones the join downloads. A renamed option or script fails this
 * test instead of a deploy.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { BUILD_OPTIONS } from '../../src/node/build-options.ts';
import { astroCacheDir, checkCacheFile, projectRoot } from '../../src/node/project-paths.ts';

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string | number | boolean>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
  steps: Step[];
}

describe('the split-build workflow', async () => {
  const workflow = parse(await readFile(path.join(projectRoot, '.github/workflows/build-split.yml'), 'utf8')) as { jobs: { check: Job; pages: Job; join: Job; deploy: Job } & Record<string, Job | undefined> };
  const scripts = (JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const { check, pages, join, deploy } = workflow.jobs;
  const runs = (job: Job) => job.steps.map((step) => step.run ?? '').filter(Boolean);
  /** `npm run build -- <args>` commands of a job, as argument lists. */
  const buildCommands = (job: Job) => runs(job).flatMap((run) => [...run.matchAll(/npm run (?:--silent )?build -- ([^\n)"]+)/g)].map((m) => m[1]!.trim().split(/\s+/)));

  test('jobs run in order: check, the pages of each part, the join, the deploy', () => {
    assert.ok(check && pages && join && deploy, Object.keys(workflow.jobs).join());
    assert.equal(pages.needs, 'check');
    assert.equal(join.needs, 'pages');
    assert.equal(deploy.needs, 'join');
    assert.match(deploy.if ?? '', /refs\/heads\/main/);
    assert.ok(runs(check).some((run) => run === 'npm run check'), 'the content is checked once, before any part');
  });

  test('the matrix is one part per language of content/site.yaml', async () => {
    assert.equal(pages.strategy?.matrix.part, '${{ fromJSON(needs.check.outputs.parts) }}');
    assert.equal(check.outputs?.parts, '${{ steps.parts.outputs.parts }}');
    const list = check.steps.find((step) => step.id === 'parts');
    assert.match(list?.run ?? '', /^echo "parts=\$\(npm run --silent build -- --list-parts\)" >> "\$GITHUB_OUTPUT"$/);
    // What that step prints, against the languages site.yaml declares, read here on its own.
    const env = { ...process.env };
    delete env.HANDRAIL_CONTENT_DIR; // the demo content, as the workflow builds it
    const listed = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--list-parts'], { cwd: projectRoot, encoding: 'utf8', env });
    assert.equal(listed.status, 0, listed.stderr);
    const declared = (parse(await readFile(path.join(projectRoot, 'content/site.yaml'), 'utf8')) as { languages: { code: string }[] }).languages.map((language) => language.code);
    assert.deepEqual(JSON.parse(listed.stdout), declared);
    assert.ok(declared.length > 1, 'the demo is in several languages');
  });

  test('every command exists: npm scripts in package.json, build options in scripts/build.ts', () => {
    const jobs = Object.values(workflow.jobs).filter((job) => job !== undefined);
    const all = jobs.flatMap(runs);
    const npmScripts = all.flatMap((run) => [...run.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]!));
    assert.ok(npmScripts.length >= 4, npmScripts.join());
    for (const name of npmScripts) assert.ok(name in scripts, `npm run ${name} is not in package.json`);
    const flags = jobs.flatMap(buildCommands).flat().filter((arg) => arg.startsWith('--'));
    assert.deepEqual([...new Set(flags)].sort(), ['--finish', '--list-parts', '--no-finish', '--out', '--part']);
    for (const flag of flags) assert.ok(flag.slice(2) in BUILD_OPTIONS, `${flag} is not an option of scripts/build.ts`);
  });

  test('each part builds its language with its own cache and uploads what the join downloads', () => {
    const [command] = buildCommands(pages);
    assert.deepEqual(command, ['--part', '${{', 'matrix.part', '}}', '--no-finish', '--out', 'parts/${{', 'matrix.part', '}}']);
    const build = pages.steps.findIndex((step) => /--part/.test(step.run ?? ''));
    const cache = pages.steps.findIndex((step) => step.uses === 'actions/cache@v4');
    assert.ok(cache >= 0 && cache < build, 'the cache is restored before the build');
    const cached = pages.steps[cache]!.with!;
    assert.match(String(cached.key), /^pages-\$\{\{ matrix\.part \}\}-/, 'a cache per part');
    assert.deepEqual(String(cached.path).trim().split('\n'), ['.handrail/cache', '!.handrail/cache/node-compile'], 'where a part keeps its Astro cache (astroCacheDir), without Node\'s compiled code');
    // The check job's results, saved under the key that job used, so each part's check reads no article again.
    const checkCache = check.steps.find((step) => step.uses === 'actions/cache@v4')!.with!;
    const handed = pages.steps.findIndex((step) => step.uses === 'actions/cache/restore@v4');
    assert.ok(handed >= 0 && handed < build);
    assert.deepEqual(pages.steps[handed]!.with, { path: checkCache.path, key: checkCache.key });
    // The folders are the ones the build uses for the demo content, as the workflow builds it.
    const other = process.env.HANDRAIL_CONTENT_DIR;
    delete process.env.HANDRAIL_CONTENT_DIR;
    // As in a part's build: the check's results still go to the whole build's folder.
    process.env.HANDRAIL_PART = 'cy';
    try {
      assert.ok(checkCacheFile(astroCacheDir(null)).startsWith(path.join(projectRoot, String(checkCache.path), path.sep)), 'the check keeps its results in the cached folder');
      const [kept] = String(cached.path).trim().split('\n');
      assert.ok(path.resolve(projectRoot, astroCacheDir('cy')).startsWith(path.join(projectRoot, kept!, path.sep)), 'a part keeps its Astro cache in the cached folder');
    } finally {
      delete process.env.HANDRAIL_PART;
      if (other !== undefined) process.env.HANDRAIL_CONTENT_DIR = other;
    }

    const upload = pages.steps.find((step) => (step.uses ?? '').startsWith('actions/upload-artifact'))!;
    assert.equal(upload.with?.name, 'pages-${{ matrix.part }}');
    assert.equal(upload.with?.path, 'parts/${{ matrix.part }}/');
    const download = join.steps.find((step) => (step.uses ?? '').startsWith('actions/download-artifact'))!;
    assert.equal(download.with?.pattern, 'pages-*');
    assert.equal(download.with?.path, 'parts/');
    assert.equal(download.with?.['merge-multiple'], undefined, 'each part in its own folder, so the join can compare shared files');
    assert.deepEqual(buildCommands(join), [['--finish', 'parts/pages-*']]);
  });

  test('the joined site is what is deployed', () => {
    const finish = join.steps.findIndex((step) => /--finish/.test(step.run ?? ''));
    const upload = join.steps.findIndex((step) => (step.uses ?? '').startsWith('actions/upload-pages-artifact'));
    assert.ok(finish >= 0 && upload > finish);
    assert.equal(join.steps[upload]!.with?.path, 'dist/');
    assert.ok(deploy.steps.some((step) => (step.uses ?? '').startsWith('actions/deploy-pages')));
  });
});
