/**
 * Who is asking, for rate limits and for merging repeats, without keeping
 * anything that identifies a person. The address is used in memory for the
 * request and never stored or logged; the dedupe key is a keyed hash whose
 * key (salt) is random, lives in memory for one UTC day and is then
 * replaced, as cookieless analytics do.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { ListeningEvent } from '../../schemas/events.ts';

/**
 * The client's address. Behind a reverse proxy (`trustProxy`), the last
 * address in X-Forwarded-For is the one the proxy saw; anything to its left
 * was sent by the client and could be made up. An IPv6 client owns a whole
 * /64, so it is limited as one.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  let address = request.socket.remoteAddress ?? 'unknown';
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim();
    if (last) address = last;
  }
  if (address.startsWith('::ffff:')) return address.slice(7);
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
  return address;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const middle = address.includes('::') ? Array<string>(8 - left.length - right.length).fill('0') : [];
  return [...left, ...middle, ...right].map((part) => part.toLowerCase());
}

/** What a repeat is: the same reader sending about the same thing, the same day. */
export function eventSubject(event: ListeningEvent): string {
  switch (event.type) {
    case 'vote':
      return `vote\n${event.lang}\n${event.article}`;
    case 'search':
      return `search\n${event.lang}\n${event.query.toLowerCase()}`;
    case 'contact':
      return `contact\n${event.lang}\n${event.channel}\n${event.article ?? ''}\n${event.query?.toLowerCase() ?? ''}`;
  }
}

/** Keyed hashes with a salt that is replaced at each UTC midnight and never leaves memory. */
export class DailySalt {
  #day = '';
  #salt: Buffer = Buffer.alloc(0);

  /**
   * The dedupe key for one request. The subject is inside the hash, so two
   * keys of one reader (two articles) share nothing: the key merges repeats
   * but cannot follow a reader from page to page, even within the day.
   */
  keyFor(day: string, parts: { address: string; userAgent: string; site: string; subject: string }): string {
    if (day !== this.#day) {
      // The old salt is dropped here; without it no key can be recomputed.
      this.#salt = randomBytes(32);
      this.#day = day;
    }
    return createHmac('sha256', this.#salt)
      .update([parts.address, parts.userAgent, parts.site, parts.subject].join('\0'))
      .digest('base64url')
      .slice(0, 22);
  }
}
