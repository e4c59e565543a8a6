import path from 'node:path';
import type { CategoryData } from '../../schemas/category.ts';
import { redirectFieldHelp, redirectSchema, redirectsFieldHelp, redirectsSchema, type Redirect, type RedirectsData } from '../../schemas/redirects.ts';
import type { SiteData } from '../../schemas/site.ts';
import { hasDotSegment } from '../../schemas/web-address.ts';
import type { Problem } from '../../shared/problems.ts';
import { fixedPagePaths, routes, withBase } from '../../shared/routes.ts';
import { suggestClosest } from '../../shared/suggest.ts';
import type { CheckedArticle } from './articles.ts';
import type { YamlFileSpec } from './data-files.ts';
import { exists, relative, type ContentPaths } from './files.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';
import { problemsFromZod } from './schema-problems.ts';

/** How `content/redirects.yaml` is validated and its problems worded. */
export const redirectsSpec: YamlFileSpec<RedirectsData> = {
  schema: redirectsSchema,
  knownKeys: { '': Object.keys(redirectsSchema.shape), redirects: Object.keys(redirectSchema.shape) },
  help: { ...redirectsFieldHelp, 'redirects.from': redirectFieldHelp.from, 'redirects.to': redirectFieldHelp.to },
  kind: 'redirects',
};

/**
 * Paths the build itself writes (scripts, styles, the search index, the
 * service worker): an old address there would replace a file the site needs.
 */
const BUILD_PATHS = /^\/(?:_astro|pagefind)(?:\/|$)|^\/(?:sw\.js|_headers|_redirects|robots\.txt|sitemap\.xml|manifest\.webmanifest|search-words\.json|404\.html|offline\/?)$/;

/** An old path as a page address: decoded, with one trailing slash, so "/a%20b" and "/a b/" are one page. */
export function pageAddressOf(from: string): string {
  let decoded = from;
  try {
    decoded = decodeURIComponent(from);
  } catch {
    // A stray "%" is kept as it is: encodePath gives it the same form either way.
  }
  return decoded.endsWith('/') ? decoded : `${decoded}/`;
}

/** What the redirects check needs to know about the rest of the content. */
export interface RedirectContext {
  paths: ContentPaths;
  site?: SiteData;
  bySlug: Map<string, CheckedArticle>;
  /** Old slugs (front matter redirect_from) and their article. */
  movedSlugs: Map<string, CheckedArticle>;
  categories: Map<string, CategoryData>;
}

/**
 * Reads `content/redirects.yaml` (optional) and reports, with its line:
 * a file that does not match the schema; an old path that is a page of
 * this site, a file of public/ or a file the build writes (the redirect
 * would replace it, or never be reached); a Handrail address that leads
 * nowhere, to a draft or to another redirect. Returns the valid file, or
 * an empty list when it is missing; undefined when it is broken.
 */
export async function checkRedirectsFile(ctx: RedirectContext, problems: Problem[], readText: (absolute: string) => Promise<string | undefined>): Promise<Redirect[] | undefined> {
  const absolute = path.join(ctx.paths.contentDir, 'redirects.yaml');
  if (!(await exists(absolute))) return [];
  const file = relative(ctx.paths, absolute);
  const text = await readText(absolute);
  if (text === undefined) return undefined;
  const source = parseYamlSource(text, file);
  problems.push(...source.problems.map((p) => ({ ...p, rule: 'yaml-syntax' as const })));
  if (source.problems.length) return undefined;
  const parsed = redirectsSpec.schema.safeParse(source.data ?? {});
  if (!parsed.success) {
    problems.push(...problemsFromZod(parsed.error.issues, { file, source, data: source.data, ...redirectsSpec }).map((p) => ({ ...p, rule: 'redirect' as const })));
    return undefined;
  }
  const before = problems.length;
  const seen = new Map<string, number>();
  for (const [index, redirect] of parsed.data.redirects.entries()) {
    // "/a b" and "/a%20b/" are one address: the schema only sees different strings.
    const earlier = seen.get(pageAddressOf(redirect.from));
    if (earlier !== undefined) {
      problems.push({
        file,
        line: source.lineOf(['redirects', index, 'from']),
        field: `redirects[${index}].from`,
        message: `is the same address as redirects[${earlier}].from, written another way`,
        received: redirect.from,
        fix: 'List each old address once: remove one of the two.',
        rule: 'redirect',
        severity: 'error',
      });
      continue;
    }
    seen.set(pageAddressOf(redirect.from), index);
    await checkRedirect(ctx, file, source, index, redirect, problems);
  }
  return problems.length === before ? parsed.data.redirects : undefined;
}

async function checkRedirect(ctx: RedirectContext, file: string, source: YamlSource, index: number, redirect: Redirect, problems: Problem[]): Promise<void> {
  const at = (field: 'from' | 'to') => ({ file, line: source.lineOf(['redirects', index, field]), field: `redirects[${index}].${field}`, rule: 'redirect' as const, severity: 'error' as const });
  const from = pageAddressOf(redirect.from);
  const page = realPageAt(ctx, from);
  if (page) {
    problems.push({ ...at('from'), message: page.message, received: redirect.from, allowed: 'an old address that is not a page of this help center', fix: page.fix });
  } else if (hasDotSegment(redirect.from) || /\/\//.test(redirect.from)) {
    problems.push({
      ...at('from'),
      message: 'has a "." or ".." part, or an empty one ("//"), which a browser never sends as it is',
      received: redirect.from,
      allowed: 'a path whose parts are names, e.g. /hc/en-us/articles/360001234',
      fix: 'Write the path as the browser showed it in the address bar.',
    });
  } else if (/[\u0000-\u001f\u007f]/.test(from)) {
    // "%00" would become a file name the build cannot write; "%0A" would split a line of _redirects.
    problems.push({
      ...at('from'),
      message: 'has a control character in it (written %00 to %1F or %7F), which no real address has',
      received: redirect.from,
      allowed: 'a path of visible characters, e.g. /hc/en-us/articles/360001234',
      fix: 'Write the path as the browser showed it in the address bar, or remove this redirect.',
    });
  } else if (/\*|\/:/.test(redirect.from)) {
    problems.push({
      ...at('from'),
      message: 'has a "*" or a part starting with ":", which hosts that read _redirects take as a pattern matching other addresses',
      received: redirect.from,
      allowed: 'an address without "*" and without a part starting with ":"',
      fix: 'Write "*" as %2A and ":" as %3A, the way a browser sends them.',
    });
  } else if (BUILD_PATHS.test(redirect.from)) {
    problems.push({
      ...at('from'),
      message: 'is a file the build writes for the site itself',
      received: redirect.from,
      fix: 'Remove this redirect: readers can never have used this address for an article.',
    });
  } else if (/\.[a-z0-9]+$/i.test(redirect.from) && (await exists(path.join(ctx.paths.publicDir, from.slice(0, -1))))) {
    problems.push({
      ...at('from'),
      message: `is the address of the file public${from.slice(0, -1)}, so the redirect would replace it`,
      received: redirect.from,
      fix: 'Remove this redirect, or move the file.',
    });
  }
  const target = describeTarget(ctx, redirect.to);
  if (target.kind === 'missing') {
    problems.push({ ...at('to'), message: 'leads to a page that does not exist', received: redirect.to, allowed: 'the address of an article, a category or a page of this help center, ending in "/"', fix: target.guess ? `Did you mean "${target.guess}"?` : 'Use the address of the article that replaces the old page, e.g. /articles/reset-your-password/.' });
  } else if (target.kind === 'draft') {
    problems.push({ ...at('to'), message: `leads to a draft (${target.file}), which is not published`, received: redirect.to, fix: 'Publish that article first, or lead the old address somewhere else.' });
  } else if (target.kind === 'moved') {
    problems.push({ ...at('to'), message: `leads to an old address of ${target.file}, a second redirect`, received: redirect.to, fix: `Lead it straight to ${target.address}.` });
  }
}

/** A page of this site at an address (without base), with what to tell the writer; undefined when there is none. */
function realPageAt(ctx: RedirectContext, address: string): { message: string; fix: string } | undefined {
  const replaces = 'so the redirect would replace a page that exists';
  const article = /^\/articles\/([^/]+)\/$/.exec(address)?.[1];
  if (article !== undefined) {
    const published = ctx.bySlug.get(article);
    if (published) return { message: `is the address of the article ${published.file}, ${replaces}`, fix: `Remove this redirect, or rename ${published.file}.` };
    const moved = ctx.movedSlugs.get(article);
    if (moved) return { message: `is already an old address of ${moved.file} (in its redirect_from)`, fix: `List it once: remove it here or from the redirect_from of ${moved.file}.` };
  }
  const category = /^\/categories\/([^/]+)\/(?:\d+\/)?$/.exec(address)?.[1];
  if (category !== undefined && ctx.categories.has(category)) {
    return { message: `is the address of the category content/categories/${category}.yaml, ${replaces}`, fix: 'Remove this redirect, or rename the category.' };
  }
  if (fixedPagePaths.includes(address) || /^\/a-z\/[^/]+\/$/.test(address)) {
    return { message: `is the address of the page ${address}, which every help center has, ${replaces}`, fix: 'Remove this redirect.' };
  }
  return undefined;
}

type Target = { kind: 'page' } | { kind: 'missing'; guess?: string } | { kind: 'draft'; file: string } | { kind: 'moved'; file: string; address: string };

/** Where a Handrail address leads: a page, a draft, another redirect, or nowhere. */
function describeTarget(ctx: RedirectContext, to: string): Target {
  let address = to.split('#', 1)[0] ?? to;
  // Another declared language's page: /fr/articles/x/ is the article x in French.
  const prefix = /^\/([a-z]{2,3}(?:-[a-z0-9]+)*)(\/.*)$/.exec(address);
  if (prefix && ctx.site?.languages.some((language) => language.code === prefix[1])) address = prefix[2]!;
  const article = /^\/articles\/([^/]+)\/$/.exec(address)?.[1];
  if (article !== undefined) {
    const found = ctx.bySlug.get(article);
    if (found) return found.data.draft ? { kind: 'draft', file: found.file } : { kind: 'page' };
    const moved = ctx.movedSlugs.get(article);
    if (moved) return { kind: 'moved', file: moved.file, address: routes.article(moved.slug) };
    const guess = suggestClosest(article, ctx.bySlug.keys());
    return { kind: 'missing', guess: guess ? routes.article(guess) : undefined };
  }
  const category = /^\/categories\/([^/]+)\/$/.exec(address)?.[1];
  if (category !== undefined) {
    if (ctx.categories.has(category)) return { kind: 'page' };
    const guess = suggestClosest(category, ctx.categories.keys());
    return { kind: 'missing', guess: guess ? routes.category(guess) : undefined };
  }
  return fixedPagePaths.includes(address) ? { kind: 'page' } : { kind: 'missing' };
}

/**
 * Every redirect the site publishes, as `_redirects` lines take them: old
 * paths of content/redirects.yaml as written (they are paths of the old
 * host), and old slugs of published articles under the base path.
 */
export function allRedirects(redirectsFile: readonly Redirect[], articles: readonly CheckedArticle[], base = '/'): Redirect[] {
  const fromArticles = articles
    .filter((article) => !article.data.draft)
    .flatMap((article) => article.data.redirect_from.map((old) => ({ from: withBase(base, routes.article(old)), to: routes.article(article.slug) })));
  return [...redirectsFile, ...fromArticles];
}
