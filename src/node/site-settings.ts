import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
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
    return {
      url: typeof data?.url === 'string' ? data.url : 'http://localhost',
      basePath: typeof data?.basePath === 'string' ? data.basePath : '/',
    };
  } catch {
    return { url: 'http://localhost', basePath: '/' };
  }
}

/**
 * The address votes are sent to (`feedbackEndpoint` in contact.yaml), for
 * the Content-Security-Policy, which Astro needs before content collections
 * exist. Unchecked here: the content check rejects a bad one before a build.
 */
export function readFeedbackEndpoint(dir: string = contentDir): string | undefined {
  try {
    const data = parse(readFileSync(path.join(dir, 'contact.yaml'), 'utf8')) as { feedbackEndpoint?: unknown } | null;
    return typeof data?.feedbackEndpoint === 'string' ? data.feedbackEndpoint : undefined;
  } catch {
    return undefined;
  }
}
