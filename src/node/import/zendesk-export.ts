/**
 * Downloads a Zendesk Guide help center as the files `npm run import`
 * reads: every page of the locales, categories, sections and articles
 * lists in every locale, and the images and attachments the articles show
 * (under `files/<host>/<path>`). Run by the owner with their own token;
 * the import itself never touches the network.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** How to reach the help center. */
export interface ZendeskExportOptions {
  /** https://<subdomain>.zendesk.com, or the help center's own domain. http is only allowed for 127.0.0.1 and localhost (tests). */
  baseUrl: string;
  /** Where to write the files. */
  out: string;
  /** The Authorization header value ("Basic …" or "Bearer …"); undefined for a public help center. */
  authorization?: string;
  /** Items per page (Zendesk allows up to 100). */
  pageSize?: number;
  /** Longest wait on a 429 answer, in seconds. */
  maxRetryWait?: number;
  /** Called with a line of progress. */
  log?: (line: string) => void;
  /** For tests: the fetch to use. */
  fetch?: typeof fetch;
}

/** What was downloaded. */
export interface ZendeskExportResult {
  pages: number;
  articles: number;
  files: number;
  locales: string[];
}

/** The Authorization header for an email and API token, or an OAuth token. */
export function zendeskAuthorization(env: { ZENDESK_EMAIL?: string; ZENDESK_API_TOKEN?: string; ZENDESK_OAUTH_TOKEN?: string }): string | undefined {
  if (env.ZENDESK_OAUTH_TOKEN) return `Bearer ${env.ZENDESK_OAUTH_TOKEN}`;
  if (env.ZENDESK_EMAIL && env.ZENDESK_API_TOKEN) return `Basic ${Buffer.from(`${env.ZENDESK_EMAIL}/token:${env.ZENDESK_API_TOKEN}`).toString('base64')}`;
  return undefined;
}

function checkBase(baseUrl: string): URL {
  const url = new URL(baseUrl);
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error(`${baseUrl} is not an https address. Give https://<subdomain>.zendesk.com: a token must never travel unencrypted.`);
  }
  return new URL(url.origin);
}

/** Downloads the help center; see the module comment. */
export async function exportZendesk(options: ZendeskExportOptions): Promise<ZendeskExportResult> {
  const origin = checkBase(options.baseUrl);
  const doFetch = options.fetch ?? fetch;
  const log = options.log ?? (() => {});
  const size = options.pageSize ?? 100;
  const result: ZendeskExportResult = { pages: 0, articles: 0, files: 0, locales: [] };
  await mkdir(options.out, { recursive: true });

  const get = async (url: URL, withAuth: boolean): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const response = await doFetch(url, { headers: { Accept: 'application/json', ...(withAuth && options.authorization ? { Authorization: options.authorization } : {}) }, redirect: 'manual' });
      if (response.status === 429 && attempt < 5) {
        const wait = Math.min(Number(response.headers.get('retry-after') ?? '10') || 0, options.maxRetryWait ?? 60);
        log(`Rate limited; waiting ${wait} s.`);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        continue;
      }
      return response;
    }
  };
  const sameOrigin = (url: URL) => url.origin === origin.origin;

  /** Follows next_page (offset) or links.next (cursor) on the same host only: the token never goes elsewhere. */
  const list = async (first: string, name: string): Promise<Array<Record<string, unknown>>> => {
    const items: Array<Record<string, unknown>> = [];
    let next: URL | undefined = new URL(first, origin);
    for (let page = 1; next; page++) {
      const response = await get(next, true);
      if (!response.ok) throw new Error(`${next.href} answered ${response.status} ${response.statusText}. Check the address and that the token may read the help center.`);
      const data = (await response.json()) as Record<string, unknown>;
      await writeFile(path.join(options.out, `${name}-${page}.json`), `${JSON.stringify(data, null, 1)}\n`);
      result.pages++;
      const key = Object.keys(data).find((k) => Array.isArray(data[k]));
      if (key) items.push(...(data[key] as Array<Record<string, unknown>>));
      const meta = data.meta as { has_more?: boolean } | undefined;
      const links = data.links as { next?: string | null } | undefined;
      const nextHref = typeof data.next_page === 'string' ? data.next_page : meta?.has_more && typeof links?.next === 'string' ? links.next : undefined;
      next = nextHref ? new URL(nextHref, origin) : undefined;
      if (next && !sameOrigin(next)) throw new Error(`The next page is on another host (${next.host}); stopping so the token is not sent there.`);
    }
    return items;
  };

  const localesResponse = await get(new URL('/api/v2/help_center/locales.json', origin), true);
  if (!localesResponse.ok) throw new Error(`${origin.href}api/v2/help_center/locales.json answered ${localesResponse.status}. Check the address, ZENDESK_EMAIL and ZENDESK_API_TOKEN.`);
  const localesData = (await localesResponse.json()) as { locales?: string[]; default_locale?: string };
  await writeFile(path.join(options.out, 'locales.json'), `${JSON.stringify(localesData, null, 1)}\n`);
  result.pages++;
  result.locales = localesData.locales ?? [localesData.default_locale ?? 'en-us'];
  const bodies: string[] = [];
  for (const locale of result.locales) {
    log(`Downloading ${locale}…`);
    await list(`/api/v2/help_center/${locale}/categories.json?page[size]=${size}`, `categories-${locale}`);
    await list(`/api/v2/help_center/${locale}/sections.json?page[size]=${size}`, `sections-${locale}`);
    const articles = await list(`/api/v2/help_center/${locale}/articles.json?page[size]=${size}`, `articles-${locale}`);
    result.articles += articles.length;
    for (const article of articles) if (typeof article.body === 'string') bodies.push(article.body);
  }
  // Images and attachments on the help center's own host: the import copies them into public/.
  const seen = new Set<string>();
  for (const body of bodies) {
    for (const match of body.matchAll(/(?:src|href)\s*=\s*["']([^"']+)["']/gi)) {
      let url: URL;
      try {
        url = new URL(match[1]!.replace(/&amp;/g, '&'), origin);
      } catch {
        continue;
      }
      if (!sameOrigin(url) || !/\/(article_attachments|attachments)\//.test(url.pathname) || seen.has(url.href)) continue;
      seen.add(url.href);
      const response = await get(url, true);
      if (!response.ok) {
        log(`Could not download ${url.href} (${response.status}); the import will report it.`);
        continue;
      }
      const target = path.join(options.out, 'files', url.hostname, ...decodeURIComponent(url.pathname).split('/').filter((p) => p && p !== '..'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, Buffer.from(await response.arrayBuffer()));
      result.files++;
    }
  }
  return result;
}
