import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Options for {@link startStaticServer}. */
export interface StaticServerOptions {
  /** Folder of the built site. */
  root: string;
  /** Base path the site is published under, e.g. "/" or "/help/". */
  base: string;
  /** 0 picks a free port. */
  port: number;
  /** Gzip text for clients that accept it (default true). */
  compress?: boolean;
  host?: string;
}

/** What a file is served as: where it is, whether a folder named it, and its validator. */
interface Found {
  file: string;
  isFolder: boolean;
  /** Weak validator from size and modification time, as static hosts send. */
  etag: string;
}

/** The file for a URL path, and whether the path named a folder (served by its index.html). */
async function fileFor(root: string, urlPath: string): Promise<Found | undefined> {
  const decoded = decodeURIComponent(urlPath);
  const candidate = path.join(root, decoded);
  // No escaping the site folder: "/..%2fdist-old/" decodes to a sibling that merely starts with the same name.
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
  try {
    const info = await stat(candidate);
    const etag = (i: { size: number; mtimeMs: number }) => `W/"${i.size.toString(16)}-${Math.floor(i.mtimeMs).toString(16)}"`;
    if (info.isFile()) return { file: candidate, isFolder: false, etag: etag(info) };
    if (info.isDirectory()) {
      const index = path.join(candidate, 'index.html');
      const indexInfo = await stat(index);
      if (indexInfo.isFile()) return { file: index, isFolder: true, etag: etag(indexInfo) };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The 404 page for a missing address: the language's own (/cy/404/) for an
 * address under a language prefix, as a host's per-folder 404 rule serves
 * it (Netlify: `/cy/* /cy/404/ 404`); else the site's 404.html.
 */
function notFoundPage(root: string, rest: string): string {
  const first = /^([a-z]{2,3}(?:-[a-z0-9]+)*)\//.exec(rest)?.[1];
  const own = first ? path.join(root, first, '404', 'index.html') : undefined;
  return own && existsSync(own) ? own : path.join(root, '404.html');
}

/** Starts a static file server; resolves once it listens. */
export async function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const root = path.resolve(options.root);
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let found: Found | undefined;
    if (url.pathname.startsWith(base)) found = await fileFor(root, `/${url.pathname.slice(base.length)}`);
    else if (url.pathname === base.slice(0, -1)) {
      response.writeHead(301, { Location: base });
      response.end();
      return;
    }
    // A folder asked for without its slash: redirect, as static hosts do.
    if (found?.isFolder && !url.pathname.endsWith('/')) {
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      response.end();
      return;
    }
    // Revalidation, as real static hosts answer it: an unchanged file costs a 304, not its bytes.
    if (found && String(request.headers['if-none-match'] ?? '').split(/\s*,\s*/).includes(found.etag)) {
      response.writeHead(304, { ETag: found.etag, 'Cache-Control': 'no-cache' });
      response.end();
      return;
    }
    const status = found ? 200 : 404;
    const file = found?.file ?? notFoundPage(root, url.pathname.slice(base.length));
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    // Text is sent gzipped when the browser accepts it, as every static host does.
    const isGzipped = options.compress !== false && /text|javascript|json|xml|svg|manifest/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(found ? { ETag: found.etag } : {}),
      ...(isGzipped ? { 'Content-Encoding': 'gzip' } : {}),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(file).on('error', () => response.end());
    if (isGzipped) stream.pipe(createGzip()).pipe(response);
    else stream.pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://localhost:${port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
