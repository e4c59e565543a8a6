/**
 * Images and attached files the export holds, copied under `public/` with
 * readable, stable names: `public/images/<source>/<name>.<ext>` and
 * `public/files/<source>/<name>.<ext>`. The same bytes get the same file;
 * two different files with one name are told apart by a short hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { slugify } from './slug.ts';
import { ACTIVE_FILE_TYPES, findActiveSvgContent } from '../check/active-files.ts';

/** A file to write under the public folder. */
export interface PlannedAsset {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  data: Buffer;
  /** What it was made from, for the state file. */
  from: string;
}

/** Why an asset was refused. */
export type AssetRefusal = { refused: string };

const IMAGE_TYPES: Record<string, string> = { png: 'png', jpeg: 'jpg', jpg: 'jpg', gif: 'gif', webp: 'webp' };

/** Whether an SVG could run code when opened on its own (scripts, event handlers, foreign HTML): the check's own rule. */
export function isUnsafeSvg(data: Buffer): boolean {
  return findActiveSvgContent(data.toString('utf8')) !== undefined;
}

function sha(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Collects the assets an import copies, and hands out their public addresses. */
export class AssetStore {
  /** Planned files by path relative to the project root. */
  readonly files = new Map<string, PlannedAsset>();
  private readonly byHash = new Map<string, string>();
  private readonly publicPrefix: string;
  private readonly source: string;

  /**
   * @param publicPrefix the public folder relative to the project root ("public")
   * @param source the importer's name, used as the folder under images/ and files/
   */
  constructor(publicPrefix: string, source: string) {
    this.publicPrefix = publicPrefix.replace(/\/+$/, '');
    this.source = source;
  }

  /** Copies a file from the export; returns its public address ("/images/zendesk/router.png"). */
  addFile(absolute: string, kind: 'images' | 'files', from: string): string | AssetRefusal {
    let data: Buffer;
    try {
      data = readFileSync(absolute);
    } catch {
      return { refused: `the file ${absolute} could not be read` };
    }
    const ext = path.extname(absolute).slice(1).toLowerCase();
    return this.add(data, path.basename(absolute, path.extname(absolute)), ext, kind, from);
  }

  /** Writes an image that was inline in the HTML (`data:image/png;base64,…`). */
  addDataUrl(url: string, nameHint: string, from: string): string | AssetRefusal {
    const match = /^data:image\/(png|jpe?g|gif|webp);base64,([A-Za-z0-9+/=\s]+)$/i.exec(url.trim());
    if (!match) return { refused: 'an inline image that is not PNG, JPEG, GIF or WebP' };
    const data = Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64');
    if (!data.length) return { refused: 'an inline image with no data' };
    return this.add(data, nameHint, IMAGE_TYPES[match[1]!.toLowerCase()]!, 'images', from);
  }

  private add(data: Buffer, baseName: string, ext: string, kind: 'images' | 'files', from: string): string | AssetRefusal {
    if (ext === 'svg' && isUnsafeSvg(data)) return { refused: 'an SVG with scripts or event handlers, which would run on your site' };
    // An attached web page or script would run with the help center's address when opened: it is not copied.
    if (ACTIVE_FILE_TYPES.has(ext)) return { refused: `a .${ext} file, which a browser would run as a page or script on your site` };
    const hash = sha(data);
    const known = this.byHash.get(`${kind}:${hash}`);
    if (known) return known;
    const name = slugify(decodeURIComponentSafe(baseName)) || hash.slice(0, 12);
    const safeExt = ext.replace(/[^a-z0-9]/g, '') || 'bin';
    let relative = `${this.publicPrefix}/${kind}/${this.source}/${name}.${safeExt}`;
    if (this.files.has(relative)) relative = `${this.publicPrefix}/${kind}/${this.source}/${name}-${hash.slice(0, 8)}.${safeExt}`;
    this.files.set(relative, { path: relative, data, from });
    const address = `/${relative.slice(this.publicPrefix.length + 1)}`;
    this.byHash.set(`${kind}:${hash}`, address);
    return address;
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Where a URL's file would be in an export folder: the path as it is
 * (`hc/article_attachments/1/a.png`), under `files/<host>/` (how
 * scripts/zendesk-export.ts saves them), and directly under the folders
 * given. Returns the first that exists.
 */
export function exportCandidates(root: string, url: string, folders: readonly string[] = []): string[] {
  let pathname = url;
  let host = '';
  try {
    const parsed = new URL(url, 'https://old.invalid');
    pathname = parsed.pathname;
    host = parsed.hostname === 'old.invalid' ? '' : parsed.hostname.toLowerCase();
  } catch {
    return [];
  }
  const decoded = decodeURIComponentSafe(pathname).replace(/^\/+/, '');
  if (!decoded || decoded.split('/').includes('..')) return [];
  const candidates = [path.join(root, decoded)];
  if (host) candidates.push(path.join(root, 'files', host, decoded));
  for (const folder of folders) candidates.push(path.join(root, folder, decoded));
  return candidates;
}
