import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { imageSize } from '../../src/node/image-size.ts';
import { publicDir } from '../../src/node/project-paths.ts';

describe('image size', () => {
  test('reads SVG, PNG and JPEG sizes so pages reserve the space', async () => {
    assert.deepEqual(imageSize(publicDir, '/images/account-menu.svg'), { width: 480, height: 300 });
    assert.deepEqual(imageSize(publicDir, '/icons/icon-192.png'), { width: 192, height: 192 });
    const dir = await mkdtemp(path.join(tmpdir(), 'handrail-img-'));
    await writeFile(path.join(dir, 'box.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"></svg>');
    assert.deepEqual(imageSize(dir, '/box.svg'), { width: 40, height: 30 });
    // A minimal JPEG: SOI, an APP0 segment to skip, then SOF0 with 120 × 80.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x50, 0x00, 0x78]);
    await writeFile(path.join(dir, 'photo.jpg'), jpeg);
    assert.deepEqual(imageSize(dir, '/photo.jpg'), { width: 120, height: 80 });
    assert.equal(imageSize(dir, '/missing.png'), undefined);
  });
});
