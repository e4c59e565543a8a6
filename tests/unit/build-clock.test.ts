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

  test('a date alone is midnight UTC', () => {
    assert.equal(buildNow('2026-01-15'), Date.UTC(2026, 0, 15));
  });

  test('a value that is not an ISO date and time with its offset is refused with the variable, the value and an example', () => {
    const problem = 'HANDRAIL_BUILD_NOW=next tuesday is not an ISO date and time with its offset from UTC. Give one like 2026-12-01T09:00:00Z, or unset it to build as of now.';
    assert.equal(buildNowProblem('next tuesday'), problem);
    assert.throws(() => buildNow('next tuesday'), { message: problem });
    // Date.parse takes each of these, the last two in the machine's own time zone.
    for (const value of ['1', 'March 5', '2026-13-45T00:00:00Z', '2026-01-15T12:00:00', '2026-01-15 12:00']) {
      assert.match(buildNowProblem(value) ?? '', /is not an ISO date and time/, value);
    }
  });
});
