import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { siteFields, siteSchema } from '../schemas/site.ts';
import { uiStringsSchema } from '../schemas/translations.ts';
import type { Catalog } from '../shared/i18n.ts';
import { LANGUAGE_CODE } from '../shared/language-tags.ts';
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

/** The site's sub-path: HANDRAIL_BASE (tests and preview deployments) over site.yaml's. */
export function siteBase(settings: { basePath: string } = readSiteSettings()): string {
  return process.env.HANDRAIL_BASE || settings.basePath;
}

/**
 * Each declared language's address prefix ("" for the default at the root,
 * "/cy" for Welsh), for the Markdown pipeline, which runs before content
 * collections exist: a link in a Welsh article to /articles/x/ leads to
 * the Welsh page. Codes the schema would refuse are left out (the check
 * reports them).
 */
export function readLanguagePrefixes(dir: string = contentDir): { code: string; prefix: string }[] {
  try {
    const data = parse(readFileSync(path.join(dir, 'site.yaml'), 'utf8')) as { languages?: { code?: unknown }[]; prefixDefaultLanguage?: unknown } | null;
    const codes = (data?.languages ?? []).map((language) => language.code).filter((code): code is string => typeof code === 'string' && LANGUAGE_CODE.test(code));
    return codes.map((code, i) => ({ code, prefix: i === 0 && data?.prefixDefaultLanguage !== true ? '' : `/${code}` }));
  } catch {
    return [];
  }
}

/**
 * The code of every language the site is in, the default first (a
 * one-language site's `locale` resolved to its code): the parts of a
 * split build, one per language (`npm run build -- --list-parts`). Empty
 * when site.yaml is missing or invalid; the content check says why.
 */
export function readLanguageCodes(dir: string = contentDir): string[] {
  try {
    const site = siteSchema.safeParse(parse(readFileSync(path.join(dir, 'site.yaml'), 'utf8')));
    return site.success ? site.data.languages.map((language) => language.code) : [];
  } catch {
    return [];
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

/**
 * The site's own interface strings (content/translations/<lang>.yaml) by
 * language code, for the Markdown pipeline, which runs before content
 * collections exist: callout titles and table labels in articles follow
 * the site's wording as the rest of the page does. Only entries the
 * collection's schema accepts are kept; the content check reports the rest.
 */
export function readSiteStrings(dir: string = contentDir): Record<string, Catalog> {
  const strings: Record<string, Catalog> = {};
  let names: string[];
  try {
    names = readdirSync(path.join(dir, 'translations'));
  } catch {
    return strings;
  }
  for (const name of names.filter((n) => /\.ya?ml$/.test(n)).sort()) {
    try {
      const data = parse(readFileSync(path.join(dir, 'translations', name), 'utf8')) as unknown;
      if (!data || typeof data !== 'object' || Array.isArray(data)) continue;
      const entries = Object.entries(data).filter(([, entry]) => uiStringsSchema.valueType.safeParse(entry).success);
      strings[name.replace(/\.ya?ml$/, '')] = Object.fromEntries(entries) as Catalog;
    } catch {
      // A broken file is the check's to report.
    }
  }
  return strings;
}
