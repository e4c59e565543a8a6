/**
 * The redirects an import adds to content/redirects.yaml: every old
 * address of every published article, translation, section and category,
 * with and without its slug, to its new address.
 */
import { oldPathSchema } from '../../schemas/redirects.ts';
import type { OldTarget, SourceHelpCenter } from './model.ts';
import type { PlannedArticle } from './planned.ts';
import { languageTag } from './text.ts';

/** Every old path → new address, sorted by new address then old path so the file diffs cleanly. */
export function planRedirects(
  center: SourceHelpCenter,
  planned: PlannedArticle[],
  categorySlugs: Map<string, string>,
  addressOf: (target: OldTarget, locale: string | undefined) => { href: string } | undefined,
  isDefault: (locale: string) => boolean,
): Array<{ from: string; to: string }> {
  const out = new Map<string, string>();
  const add = (url: string, to: string) => {
    let from: string;
    try {
      const parsed = new URL(url, 'https://old.invalid');
      // An export's html_url of "javascript:…" or "mailto:…" is no page anyone can have bookmarked; its "pathname" is not a path.
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return;
      from = parsed.pathname;
    } catch {
      return;
    }
    if (!oldPathSchema.safeParse(from).success || from === to || from === '/' || out.has(from)) return;
    out.set(from, to);
  };
  for (const p of planned) {
    // A draft had no public address, and redirecting to an unpublished page would only move the 404.
    if (p.draft) continue;
    for (const url of p.main.version.oldUrls) add(url, `/articles/${p.slug}/`);
    for (const t of p.translations) {
      if (t.version.draft) continue;
      for (const url of t.version.oldUrls) add(url, `/${t.lang}/articles/${p.slug}/`);
    }
  }
  const used = new Set(planned.filter((p) => !p.draft).map((p) => p.category));
  for (const category of center.categories) {
    const slug = categorySlugs.get(category.id);
    const to = slug && used.has(slug) ? `/categories/${slug}/` : '/';
    for (const url of category.oldUrls) add(url, to);
    for (const t of category.translations) {
      if (isDefault(t.locale)) continue;
      const lang = languageTag(t.locale);
      for (const url of t.oldUrls) add(url, slug && used.has(slug) ? `/${lang}/categories/${slug}/` : `/${lang}/`);
    }
  }
  for (const extra of center.extraRedirects) {
    const address = addressOf(extra.to, undefined);
    if (address) add(extra.from, address.href);
  }
  return [...out.entries()].map(([from, to]) => ({ from, to })).sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.from < b.from ? -1 : 1));
}
