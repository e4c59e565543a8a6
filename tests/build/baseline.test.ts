import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { projectRoot } from '../../src/node/project-paths.ts';
import { fixtureContent } from '../unit/fixture-content.ts';

function run(script: string, args: string[], contentDir: string) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('baseline in the build', { concurrency: false }, () => {
  test('known problems do not stop the build; it says how many there are', async () => {
    const contentDir = await fixtureContent('content-accessibility');
    // Every kind of baselinable link problem an import brings, to prove the pages still build with them.
    await appendFile(
      path.join(contentDir, 'articles/getting-started/welcome.md'),
      '\nSee [the old price list](/articles/no-such-article/), [a heading](/articles/pay-an-invoice/#no-such-heading), [the old forum](/community/) and ![A chart of prices](/images/missing-chart.png).\n',
    );
    await writeFile(path.join(contentDir, 'articles/billing/same-title.md'), '---\ntitle: Welcome\ndescription: A second article with the same title.\nrelated: [no-such-article]\n---\n\nText.\n');
    const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-baseline-')), 'site');
    const refused = run('scripts/build.ts', ['--out', outDir], contentDir);
    assert.equal(refused.status, 1, refused.output);

    const recorded = run('scripts/check-content.ts', ['--content', contentDir, '--baseline'], contentDir);
    assert.equal(recorded.status, 0, recorded.output);
    assert.match(recorded.output, /Recorded 15 known problems in 2 files in .*\.handrail-baseline\.json: commit it with the content\. New problems still fail\./);
    assert.match(recorded.output, /✓ 3 articles in 2 categories: 0 errors and \d+ warnings?, 15 known\./);

    const built = run('scripts/build.ts', ['--out', outDir], contentDir);
    assert.equal(built.status, 0, built.output);
    assert.match(built.output, /15 known problems counted in .*\.handrail-baseline\.json/);
    assert.ok(existsSync(path.join(outDir, 'articles/welcome/index.html')));
    assert.ok(existsSync(path.join(outDir, 'articles/same-title/index.html')));
  });
});
