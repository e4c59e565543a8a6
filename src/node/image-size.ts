import { lstatSync, readFileSync } from 'node:fs';
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

/**
 * The intrinsic size of an image in public/, so pages can reserve its space
 * and nothing shifts when it loads. Undefined for unknown formats or files.
 */
export function imageSize(publicDir: string, src: string): Size | undefined {
  try {
    // Only a real file inside public/: never a way out ("/../"), never a link.
    const root = path.resolve(publicDir);
    const file = path.resolve(root, `.${path.posix.normalize(`/${decodeURIComponent(src.split(/[?#]/)[0]!)}`)}`);
    if (!file.startsWith(root + path.sep) || !lstatSync(file).isFile()) return undefined;
    const bytes = readFileSync(file);
    const ext = path.extname(file).toLowerCase();
    if (ext === '.svg') return svgSize(bytes.toString('utf8'));
    if (ext === '.png') return pngSize(bytes);
    if (ext === '.jpg' || ext === '.jpeg') return jpegSize(bytes);
  } catch {
    return undefined;
  }
  return undefined;
}
