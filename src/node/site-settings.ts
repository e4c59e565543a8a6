import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { siteFields } from '../schemas/site.ts';
import { contentDir } from './project-paths.ts';

/**
 * The two settings the Astro config needs before content collections exist.
 * Validation with friendly errors happens in the content checker; here a
 * broken file falls back to safe values so the checker's message is what
 * the writer sees.
 */
export function readSiteSettings(dir: string = contentDir): { url: string; basePath: string } {
  try {
    const data = parse(readFileSync(path.join(dir, 'site.yaml'), 'utf8')) as { url?: unknown; basePath?: unknown } | null;
    // Only a value the schema accepts reaches the Astro config (canonical
    // links, sitemap), even when `astro build` runs without the check.
    const url = siteFields.shape.url.safeParse(data?.url);
    const basePath = siteFields.shape.basePath.safeParse(data?.basePath);
    return { url: url.success ? url.data : 'http://localhost', basePath: basePath.success ? basePath.data : '/' };
  } catch {
    return { url: 'http://localhost', basePath: '/' };
  }
}

/**
 * The collector's address (`collector` in site.yaml), for the
 * Content-Security-Policy, which Astro needs before content collections
 * exist. Only a value the schema accepts is returned; the content check
 * tells the writer what is wrong with any other.
 */
export function readCollectorAddress(dir: string = contentDir): string | undefined {
  try {
    const data = parse(readFileSync(path.join(dir, 'site.yaml'), 'utf8')) as { collector?: unknown } | null;
    const collector = siteFields.shape.collector.safeParse(data?.collector);
    return collector.success ? collector.data : undefined;
  } catch {
    return undefined;
  }
}
