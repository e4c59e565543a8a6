import { closeSync, lstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';

/** Width and height in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

function svgSize(text: string): Size | undefined {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  const attribute = (name: string) => new RegExp(`\\s${name}="([\\d.]+)(px)?"`).exec(tag)?.[1];
  const width = Number(attribute('width'));
  const height = Number(attribute('height'));
  if (width && height) return { width, height };
  const viewBox = /viewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(tag);
  return viewBox ? { width: Number(viewBox[1]), height: Number(viewBox[2]) } : undefined;
}

function pngSize(bytes: Buffer): Size | undefined {
  return bytes.subarray(1, 4).toString('latin1') === 'PNG' ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : undefined;
}

function jpegSize(bytes: Buffer): Size | undefined {
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    // Start-of-frame markers carry the size; skip every other segment by its length.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return undefined;
}

/** Enough of a file to find its size: PNG's is in its first 24 bytes, JPEG's and SVG's near the start. */
const HEAD_BYTES = 64 * 1024;

/** Sizes already read, by file, kept while the file is unchanged (`astro dev` sees a replaced image). */
const known = new Map<string, { modified: number; bytes: number; size: Size | undefined }>();

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function sizeOf(file: string, bytes: Buffer): Size | undefined {
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === '.svg') return svgSize(bytes.toString('utf8'));
    if (ext === '.png') return pngSize(bytes);
    if (ext === '.jpg' || ext === '.jpeg') return jpegSize(bytes);
  } catch {
    // The size lies past the bytes read (a JPEG with a large embedded thumbnail).
  }
  return undefined;
}

/**
 * The intrinsic size of an image in public/, so pages can reserve its space
 * and nothing shifts when it loads. Undefined for unknown formats or files.
 * Each file is read once per build (and only its first 64 KB), however many
 * articles show it.
 */
export function imageSize(publicDir: string, src: string): Size | undefined {
  try {
    // Only a real file inside public/: never a way out ("/../"), never a link.
    const root = path.resolve(publicDir);
    const file = path.resolve(root, `.${path.posix.normalize(`/${decodeURIComponent(src.split(/[?#]/)[0]!)}`)}`);
    if (!file.startsWith(root + path.sep)) return undefined;
    const stats = lstatSync(file);
    if (!stats.isFile()) return undefined;
    const { mtimeMs, size } = stats;
    const cached = known.get(file);
    if (cached && cached.modified === mtimeMs && cached.bytes === size) return cached.size;
    const found = sizeOf(file, readHead(file)) ?? (size > HEAD_BYTES ? sizeOf(file, readFileSync(file)) : undefined);
    known.set(file, { modified: mtimeMs, bytes: size, size: found });
    return found;
  } catch {
    return undefined;
  }
}
