/**
 * Old addresses → new ones, while an import is planned: which article,
 * category or page a link to the old help center meant and its new
 * address, and the rewriting of each version's links and pictures (files
 * copied from the export, old addresses resolved, the rest reported).
 */
import type { AssetStore } from './assets.ts';
import { resolveReferences } from './convert.ts';
import type { OldTarget, SourceCategory, SourceHelpCenter } from './model.ts';
import type { PlannedArticle, PlannedVersion } from './planned.ts';
import type { Finding } from './report.ts';
import { languageTag } from './text.ts';

// Alt texts editors fill in by themselves, which say nothing about the picture.
const GENERIC_ALT = /^(image|picture|photo|screenshot|screen shot|graphic|icon|img|figure|diagram|untitled|alt|\d+|[\w-]+\.(png|jpe?g|gif|svg|webp))$/i;

/** What resolving an old address needs to know about the whole import. */
export interface LinkContext {
  center: SourceHelpCenter;
  /** Hosts of the old help center, lower case. */
  hosts: Set<string>;
  byId: Map<string, PlannedArticle>;
  categorySlugs: Map<string, string>;
  categoryById: Map<string, SourceCategory>;
  isDefault(locale: string): boolean;
  assets: AssetStore;
}

/** A new address; `lostHash` when the old link named a place in the page that has no heading any more. */
export interface NewAddress {
  href: string;
  lostHash?: string;
}

/** A finding about the version being rewritten; the caller adds file and source. */
export type NoteFinding = (finding: Omit<Finding, 'file' | 'source'>) => void;

/** "" for the default language, else "/<lang>". */
function prefix(ctx: LinkContext, locale: string | undefined): string {
  return locale && !ctx.isDefault(locale) ? `/${languageTag(locale)}` : '';
}

/** The Handrail address of what an old link pointed at, in the reader's language when that version exists. */
export function newAddress(ctx: LinkContext, target: OldTarget, fromLocale: string | undefined): NewAddress | undefined {
  switch (target.kind) {
    case 'article': {
      const p = ctx.byId.get(target.id);
      if (!p) return undefined;
      const locale = target.locale ?? fromLocale;
      const version = locale && !ctx.isDefault(locale) ? p.translations.find((t) => t.lang === languageTag(locale)) : undefined;
      const chosen = version ?? p.main;
      let href = `${version ? `/${version.lang}` : ''}/articles/${p.slug}/`;
      if (target.hash) {
        const id = chosen.prepared.anchors.get(target.hash) ?? (chosen.prepared.headingIds.includes(target.hash) ? target.hash : undefined);
        if (id) href += `#${id}`;
        else return { href, lostHash: target.hash };
      }
      return { href };
    }
    case 'category': {
      const slug = ctx.categorySlugs.get(target.id);
      if (!slug) return undefined;
      const category = ctx.categoryById.get(target.id);
      const translated = target.locale && category?.translations.some((t) => languageTag(t.locale) === languageTag(target.locale!));
      return { href: `${translated ? prefix(ctx, target.locale) : ''}/categories/${slug}/` };
    }
    case 'home':
      return { href: `${prefix(ctx, target.locale)}/` };
    case 'contact':
      return { href: '/contact/' };
    case 'search':
      return { href: '/search/' };
    case 'file':
      return undefined;
  }
}

/** The old site's path for a URL, when it is on the old site (`base` is the page's own old address). */
export function oldPath(hosts: Set<string>, href: string, base: string | undefined): { path: string; hash?: string; absolute: string } | undefined {
  let url: URL;
  try {
    url = new URL(href, base ?? 'https://old.invalid/');
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const onOldSite = url.hostname === 'old.invalid' || hosts.has(url.hostname.toLowerCase()) || (base !== undefined && new URL(base).hostname === url.hostname);
  if (!onOldSite) return undefined;
  const absolute = url.hostname === 'old.invalid' ? url.pathname + url.search + url.hash : url.href;
  return { path: url.pathname, hash: url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined, absolute };
}

/**
 * Rewrites one version's links and pictures: anchors to the new heading
 * ids, old addresses to new ones, files and pictures copied into public/;
 * whatever cannot be carried over is kept as it was and reported.
 */
export function rewriteVersionLinks(ctx: LinkContext, p: PlannedArticle, v: PlannedVersion, note: NoteFinding): void {
  const base = v.version.oldUrls.find((u) => /^https?:\/\//.test(u));
  const fromLocale = v.lang ? v.version.locale : undefined;
  resolveReferences(v.prepared, {
    link: (href, linkText) => {
      const trimmed = href.trim();
      if (trimmed.startsWith('#')) {
        const anchor = decodeURIComponentSafe(trimmed.slice(1));
        if (!anchor) return null;
        const id = v.prepared.anchors.get(anchor) ?? (v.prepared.headingIds.includes(anchor) ? anchor : undefined);
        if (id) return `#${id}`;
        note({ kind: 'anchor-lost', message: 'links to a place on the page that has no heading any more; the link was removed, its text kept', received: trimmed, fix: 'Link to a heading on the page, or leave the text as it is.', near: linkText });
        return null;
      }
      if (/^(mailto|tel|sms):/i.test(trimmed)) return trimmed;
      if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed)) return trimmed;
      const relative = !/^(https?:)?\/\//i.test(trimmed) && !trimmed.startsWith('/');
      const found = relative && ctx.center.resolveRelative ? ctx.center.resolveRelative(trimmed, p.article, v.version) : undefined;
      const old = found || (relative && ctx.center.resolveRelative) ? undefined : oldPath(ctx.hosts, trimmed, base);
      if (!found && !old && !(relative && ctx.center.resolveRelative)) return trimmed; // another site
      let target: OldTarget | undefined = found ?? (old ? ctx.center.parseOldPath(old.path) : undefined);
      if (target && target.kind === 'article' && !target.hash && old?.hash) target = { ...target, hash: old.hash };
      if (target?.kind === 'file') {
        const fileUrl = old?.absolute ?? target.url;
        const file = ctx.center.locateFile(fileUrl, p.article, v.version);
        if (file) {
          const address = ctx.assets.addFile(file, /\.(png|jpe?g|gif|webp|svg|avif)$/i.test(file) ? 'images' : 'files', `${v.version.origin}: ${fileUrl}`);
          if (typeof address === 'string') return address;
          note({ kind: 'image-unsafe', message: `links to ${address.refused}; it was not copied, and the link still points at the old site`, received: target.url, fix: 'Ask whoever owns it for a PDF or a picture instead, or remove the link before the old site closes.', near: linkText });
          return old?.absolute.startsWith('http') ? old.absolute : trimmed;
        }
        note({ kind: 'file-missing', message: 'links to a file that is not in the export; the link still points at the old site', received: target.url, fix: 'Add the file to public/files/ and link to it there, or remove the link before the old site closes.', near: linkText });
        return old?.absolute.startsWith('http') ? old.absolute : trimmed;
      }
      const address = target ? newAddress(ctx, target, fromLocale) : undefined;
      if (address) {
        if (address.lostHash) note({ kind: 'anchor-lost', message: 'links to a place in another article that has no heading any more; the link now goes to the top of the article', received: trimmed, fix: 'Link to one of that article\'s headings if it helps.', near: linkText });
        return address.href;
      }
      note({
        kind: 'link-unresolved',
        message: relative && ctx.center.resolveRelative ? 'links to a page that is not part of this import' : 'links to a page of the old help center that is not in this export',
        received: trimmed,
        fix: 'Link to the new article that replaces it, or remove the link before the old site closes.',
        near: linkText,
      });
      return old?.absolute ?? trimmed;
    },
    image: (src, alt) => {
      const fileName = decodeURIComponentSafe(src.split(/[?#]/)[0]!.split('/').pop() ?? '');
      if (!alt.trim() || GENERIC_ALT.test(alt.trim()) || alt.trim() === fileName) {
        note({ kind: 'image-no-alt', message: alt.trim() ? 'has an image whose alt text does not say what it shows' : 'has an image without alt text', received: alt.trim() || (src.startsWith('data:') ? 'an inline image' : src), fix: 'Describe what the image shows in the [square brackets].', near: src.startsWith('data:') ? undefined : src });
      }
      if (src.startsWith('data:')) {
        const address = ctx.assets.addDataUrl(src, `${p.slug}-image`, v.version.origin);
        if (typeof address === 'string') return address;
        note({ kind: 'image-unsafe', message: `has ${address.refused}, which was not copied`, fix: 'Save the picture as a PNG in public/images/ and show it from there.' });
        return '';
      }
      const file = ctx.center.locateFile(src, p.article, v.version);
      if (file) {
        const address = ctx.assets.addFile(file, 'images', `${v.version.origin}: ${src}`);
        if (typeof address === 'string') return address;
        note({ kind: 'image-unsafe', message: `shows ${address.refused}; it was not copied`, received: src, fix: 'Save the picture as PNG or a clean SVG in public/images/ and show it from there.', near: src });
        return src;
      }
      const old = oldPath(ctx.hosts, src, base);
      const shown = old?.absolute.startsWith('http') ? old.absolute : src;
      note({ kind: 'image-missing', message: 'shows an image that is not in the export; it still loads from the old site', received: src, fix: 'Download it into public/images/ and change the address, before the old site closes.', near: src });
      return shown;
    },
  });
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

