import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { projectRoot } from '../../src/node/project-paths.ts';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; needs?: string; if?: string }>;
}

describe('GitHub Actions workflow', async () => {
  const workflow = parse(await readFile(path.join(projectRoot, '.github/workflows/help-center.yml'), 'utf8')) as Workflow;
  const scripts = (JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  test('runs on pull requests and on main', () => {
    assert.ok('pull_request' in workflow.on);
    assert.deepEqual((workflow.on.push as { branches: string[] }).branches, ['main']);
  });

  test('every npm command it runs is a script in package.json', () => {
    const commands = allSteps.flatMap((step) => [...(step.run ?? '').matchAll(/npm (?:run (\S+)|(test|start))/g)].map((m) => m[1] ?? m[2]!));
    assert.ok(commands.length >= 3, `found ${commands.join(', ')}`);
    for (const command of commands) assert.ok(command in scripts, `npm run ${command} is not in package.json`);
  });

  test('pull requests check, build, test with Chromium and upload a preview', () => {
    const steps = workflow.jobs['check-and-test']!.steps;
    const runs = steps.map((s) => s.run ?? s.uses ?? '');
    const index = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));
    assert.ok(index(/playwright install .*chromium/) >= 0);
    assert.ok(index(/npm run check/) >= 0 && index(/npm run check/) < index(/npm test/));
    assert.match(scripts.test!, /run-tests/);
    assert.ok(runs.some((r) => r.startsWith('actions/upload-artifact')));
  });

  test('main deploys to GitHub Pages after the tests pass', () => {
    const deploy = workflow.jobs.deploy!;
    assert.equal(deploy.needs, 'check-and-test');
    assert.match(deploy.if ?? '', /refs\/heads\/main/);
    const uses = deploy.steps.map((s) => s.uses ?? '');
    assert.ok(uses.some((u) => u.startsWith('actions/upload-pages-artifact')));
    assert.ok(uses.some((u) => u.startsWith('actions/deploy-pages')));
  });

  test('every build restores the Astro cache, so a preview renders only the pages that changed', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const steps = job.steps.map((s) => s.run ?? s.uses ?? '');
      const build = steps.findIndex((r) => /npm (test|run build)/.test(r));
      const cache = job.steps.findIndex((s) => (s.uses ?? '').startsWith('actions/cache') && /node_modules\/\.astro/.test(JSON.stringify(s)));
      assert.ok(cache >= 0 && cache < build, `${name}: restore node_modules/.astro before building`);
    }
  });

  test('the pull request template exists', () => {
    assert.ok(existsSync(path.join(projectRoot, '.github/pull_request_template.md')));
  });
});
