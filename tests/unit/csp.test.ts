import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { readCollectorAddress } from '../../src/node/site-settings.ts';
import { cspDirectives, originOf } from '../../src/shared/csp.ts';

/** connect-src as the integration writes it for a site.yaml with these lines. */
async function connectFor(siteLines: string): Promise<string | undefined> {
  const dir = await mkdtemp(path.join(tmpdir(), 'handrail-csp-'));
  await writeFile(path.join(dir, 'site.yaml'), `name: Help\n${siteLines}`);
  const connect = [originOf(readCollectorAddress(dir))].filter((o) => o !== undefined);
  return cspDirectives({ connect, formAction: [] }).find((d) => d.startsWith('connect-src'));
}

describe('connect-src follows the collector setting', () => {
  test('no collector: the site itself only', async () => {
    assert.equal(await connectFor(''), "connect-src 'self'");
  });

  test('a collector: exactly its origin, whatever path it is under', async () => {
    assert.equal(await connectFor('collector: https://listen.example.com\n'), "connect-src 'self' https://listen.example.com");
    assert.equal(await connectFor('collector: https://example.com:8443/listen/\n'), "connect-src 'self' https://example.com:8443");
    assert.equal(await connectFor('collector: http://127.0.0.1:8787\n'), "connect-src 'self' http://127.0.0.1:8787");
  });

  test('an address the check refuses never widens the policy, even when the build runs without the check', async () => {
    for (const bad of ['http://listen.example.com', 'javascript:alert(1)', '"https://a.example https://b.example"', 'https://user:pw@listen.example.com', "\"https://listen.example.com; script-src 'unsafe-inline'\"", '[https://a.example]']) {
      assert.equal(await connectFor(`collector: ${bad}\n`), "connect-src 'self'", bad);
    }
  });
});
