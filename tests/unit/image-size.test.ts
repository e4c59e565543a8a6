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

describe('image size, read once', () => {
  test('a changed file is read again; a JPEG whose size lies past the first 64 KB is still found', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'handrail-img-'));
    const file = path.join(dir, 'box.svg');
    await writeFile(file, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"></svg>');
    assert.deepEqual(imageSize(dir, '/box.svg'), { width: 40, height: 30 });
    await writeFile(file, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" data-changed="yes"></svg>');
    assert.deepEqual(imageSize(dir, '/box.svg'), { width: 400, height: 300 });
    // SOI, then three 60 KB APP1 segments (a big thumbnail), then SOF0 with 640 × 480.
    const app1 = Buffer.alloc(60_000, 0); // the length field counts itself
    app1.writeUInt16BE(60_000, 0);
    const segments = [Buffer.from([0xff, 0xd8]), ...[1, 2, 3].flatMap(() => [Buffer.from([0xff, 0xe1]), app1]), Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80])];
    await writeFile(path.join(dir, 'big.jpg'), Buffer.concat(segments));
    assert.deepEqual(imageSize(dir, '/big.jpg'), { width: 640, height: 480 });
  });
});
