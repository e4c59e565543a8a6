/**
 * Embedded players and frames (YouTube, Vimeo, Loom, Wistia, audio): where
 * they pointed, and the words of the link that replaces them. An embed runs
 * another site's code in the page, so articles link to it instead.
 */
import type { Element } from 'hast';
import { isElement, stringProperty } from './hast.ts';

/** Where an embed pointed, as an absolute http(s) URL, or undefined. */
export function embedSource(node: Element): string | undefined {
  let src = stringProperty(node, 'src') ?? stringProperty(node, 'data');
  if (!src) {
    const source = node.children.find((c): c is Element => isElement(c, 'source') && !!stringProperty(c, 'src'));
    src = source ? stringProperty(source, 'src') : undefined;
  }
  if (!src) return undefined;
  if (src.startsWith('//')) src = `https:${src}`;
  if (!/^https?:\/\//i.test(src) && !src.startsWith('/')) return undefined;
  // A link to the player page, not the bare player, is what a reader can use.
  const youtube = /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]+)/i.exec(src);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^https?:\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(src);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return src;
}

/** The words of the link that replaces an embed: its title, else what and where it plays ("Watch the video on YouTube"). */
export function embedLabel(node: Element, src: string): string {
  const title = stringProperty(node, 'title')?.trim();
  if (title) return title;
  let host = '';
  try {
    host = new URL(src, 'https://old.invalid').hostname.replace(/^www\./, '');
  } catch {
    // Unparseable: fall through to the generic label.
  }
  const site = /youtube|youtu\.be/.test(host) ? 'YouTube' : /vimeo/.test(host) ? 'Vimeo' : /loom/.test(host) ? 'Loom' : /wistia/.test(host) ? 'Wistia' : host && host !== 'old.invalid' ? host : '';
  const kind = isElement(node, 'audio') ? 'Listen to the recording' : 'Watch the video';
  return site ? `${kind} on ${site}` : kind;
}
