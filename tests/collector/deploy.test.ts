import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { DEFAULT_DB_FILE, SETTING_VARIABLES } from '../../src/node/collector/settings.ts';
import { scratchDir, send, SITE } from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('collector deployment files', () => {
  test('the bundle the container runs starts on a bare Node, answers health and prints nothing on stderr', { timeout: 30_000 }, async () => {
    const dir = scratchDir();
    const bundle = path.join(dir, 'collector.mjs');
    const built = spawn(process.execPath, ['scripts/build-collector.ts', bundle], { cwd: root, stdio: 'ignore' });
    assert.equal(await new Promise((resolve) => built.on('exit', resolve)), 0);
    // From a folder with no node_modules and no content, as in the image.
    const child = spawn(process.execPath, [bundle], {
      cwd: dir,
      env: { PATH: process.env.PATH, HANDRAIL_COLLECTOR_PORT: '0', HANDRAIL_COLLECTOR_ORIGINS: SITE, HANDRAIL_COLLECTOR_DB: path.join(dir, 'db', 'listening.sqlite') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+)\/v1\/events/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    try {
      assert.equal((await send(base, { method: 'GET', path: '/healthz' })).status, 200);
      assert.equal(stderr, '');
    } finally {
      child.kill('SIGTERM');
    }
  });

  test('Dockerfile: node:24-slim, a non-root user, the database on a volume, a health check', () => {
    const docker = read('deploy/collector/Dockerfile');
    const froms = [...docker.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    assert.deepEqual(froms, ['node:24-slim', 'node:24-slim']);
    assert.match(docker, /^USER node$/m);
    const db = /HANDRAIL_COLLECTOR_DB=(\S+)/.exec(docker)![1]!;
    assert.match(docker, new RegExp(`^VOLUME \\["${path.posix.dirname(db)}"\\]$`, 'm'));
    assert.match(docker, /^HEALTHCHECK .*\n.*\/healthz/m);
    assert.match(docker, /scripts\/build-collector\.ts/);
  });

  test('systemd unit: hardened, state in /var/lib, the same database path as the container', () => {
    const unit = read('deploy/collector/handrail-collector.service');
    for (const line of ['DynamicUser=yes', 'StateDirectory=handrail-collector', 'NoNewPrivileges=yes', 'ProtectSystem=strict', 'ProtectHome=yes', 'PrivateTmp=yes', 'CapabilityBoundingSet=', 'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX', 'SystemCallFilter=@system-service', 'KillSignal=SIGTERM']) {
      assert.match(unit, new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), line);
    }
    assert.match(unit, /^Environment=HANDRAIL_COLLECTOR_DB=\/var\/lib\/handrail-collector\/listening\.sqlite$/m);
    assert.match(read('deploy/collector/Dockerfile'), /HANDRAIL_COLLECTOR_DB=\/var\/lib\/handrail-collector\/listening\.sqlite/);
  });

  test('every setting is documented in README, with the default database path', () => {
    const readme = read('README.md');
    for (const variable of Object.values(SETTING_VARIABLES)) assert.ok(readme.includes(variable), `${variable} is not in README`);
    assert.ok(readme.includes(DEFAULT_DB_FILE));
  });

  test('the report workflow is off unless configured, refuses public repositories and runs real npm scripts', () => {
    const workflow = parse(read('.github/workflows/listening-report.yml')) as { on: Record<string, unknown>; jobs: Record<string, { if?: string; steps: { run?: string }[] }> };
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    assert.ok('schedule' in workflow.on && 'workflow_dispatch' in workflow.on);
    const job = workflow.jobs.report!;
    assert.equal(job.if, "vars.HANDRAIL_COLLECTOR_URL != ''");
    assert.match(job.steps[0]!.run ?? '', /PUBLIC/);
    for (const [, name] of job.steps.flatMap((s) => [...(s.run ?? '').matchAll(/npm run (\S+)/g)])) assert.ok(name! in scripts, name);
  });
});
