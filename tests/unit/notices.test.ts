import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDismissible, noticeKey } from '../../src/shared/announcements.ts';

describe('closing a notice', () => {
  test('a notice is remembered by its id, so a translation or new wording stays closed', () => {
    assert.equal(noticeKey({ id: 'phone-outage', title: 'Phones down', start: '2026-11-20 08:00' }), 'phone-outage');
    assert.equal(noticeKey({ id: 'phone-outage', title: 'Ffonau i lawr', start: '2026-11-20 08:00' }), 'phone-outage');
  });

  test('without an id, by its title and start: stable across builds, new for a new notice', () => {
    const notice = { title: 'Phones down', start: '2026-11-20 08:00' };
    assert.equal(noticeKey(notice), noticeKey({ ...notice }));
    assert.match(noticeKey(notice), /^n-[0-9a-f]{8}$/);
    assert.notEqual(noticeKey(notice), noticeKey({ ...notice, start: '2026-12-01 08:00' }));
    assert.notEqual(noticeKey(notice), noticeKey({ ...notice, title: 'Chat down' }));
  });

  test('only info and warning notices can be closed; a critical one stays until it ends', () => {
    assert.deepEqual((['info', 'warning', 'critical'] as const).map((severity) => isDismissible({ severity })), [true, true, false]);
  });
});
