import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildNow, buildNowProblem } from '../../src/node/build-clock.ts';

describe('the build clock', () => {
  test('unset or empty, it is the clock', () => {
    for (const value of [undefined, '']) {
      const before = Date.now();
      const now = buildNow(value);
      assert.ok(now >= before && now <= Date.now(), String(value));
      assert.equal(buildNowProblem(value), undefined);
    }
  });

  test('HANDRAIL_BUILD_NOW gives the moment, with its offset', () => {
    assert.equal(buildNow('2026-01-15T12:00:00Z'), Date.UTC(2026, 0, 15, 12));
    assert.equal(buildNow('2026-06-01T09:30:00+01:00'), Date.UTC(2026, 5, 1, 8, 30));
  });

  test('a value that is not a date and time is refused with the variable, the value and an example', () => {
    const problem = 'HANDRAIL_BUILD_NOW=next tuesday is not a date and time. Give one like 2026-12-01T09:00:00Z, or unset it to build as of now.';
    assert.equal(buildNowProblem('next tuesday'), problem);
    assert.throws(() => buildNow('next tuesday'), { message: problem });
  });
});
