import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { announceStep, formatBytes, isHandrailCache, pagesCacheName, savedCacheName } from '../../src/shared/offline.ts';

describe('offline helpers', () => {
  test('sizes read as people say them', () => {
    assert.equal(formatBytes(512), '512 bytes');
    assert.equal(formatBytes(1_400_000), '1.4 MB');
    assert.equal(formatBytes(23_456_789), '23 MB');
    assert.equal(formatBytes(820_000), '820 KB');
  });

  test('progress is announced once per quarter, however many files', () => {
    const announced: number[] = [];
    let last = 0;
    for (let done = 1; done <= 37; done++) {
      const step = announceStep(done, 37, last);
      if (step !== undefined) announced.push((last = step));
    }
    assert.deepEqual(announced, [25, 50, 75, 100]);
    assert.equal(announceStep(0, 0, 0), undefined);
  });

  test('cache names carry the release, so a new release can drop the old ones', () => {
    assert.equal(pagesCacheName('abc'), 'handrail-pages-abc');
    assert.equal(savedCacheName('abc'), 'handrail-saved-abc');
    assert.ok(isHandrailCache('handrail-saved-old'));
    assert.ok(!isHandrailCache('workbox-precache-v2-http://localhost/'));
  });
});
