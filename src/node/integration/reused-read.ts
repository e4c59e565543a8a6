import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The one buffer built files are read into, grown to the largest file read so far. */
let scratch = Buffer.alloc(1 << 20);

/**
 * Reads a whole file into one reused buffer and returns a view of its bytes,
 * valid only until the next call, so a caller uses them before it awaits
 * anything (the scans beside Pagefind take turns): for the build's last steps, which read
 * every built page (20,000 files at 10,000 articles) to test or hash it and
 * keep nothing. A new buffer per file was garbage the process kept until
 * it needed the room: at 10,000 articles the Astro process grew by up to
 * 1 GB while Pagefind, beside it, needed its own 1 GB.
 */
export function readReused(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > scratch.length) scratch = Buffer.alloc(Math.max(size, scratch.length * 2));
    let read = 0;
    while (read < size) {
      const got = readSync(fd, scratch, read, size - read, read);
      if (got === 0) break;
      read += got;
    }
    return scratch.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** A page's `<head>` as text (the whole page when it has none), read with {@link readReused}. */
export function readHead(file: string): string {
  const bytes = readReused(file);
  const end = bytes.indexOf('</head>');
  return bytes.toString('utf8', 0, end === -1 ? bytes.length : end);
}
