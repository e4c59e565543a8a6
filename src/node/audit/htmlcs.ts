import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { htmlcsExceptions, type HtmlcsException } from './exceptions.ts';

/**
 * A second engine beside axe: HTML_CodeSniffer (Squiz, as pa11y runs it),
 * with its WCAG2AA standard. Its rules overlap axe's only in part; where
 * it cannot decide (text on a gradient, absolutely positioned text) it
 * says so as a warning, which is exactly where axe gives up too. Errors
 * and warnings both count: a warning is either fixed or accepted, with its
 * element and reason, in exceptions.ts. Its notices (hundreds a page,
 * "check this by hand" for every criterion) are left out.
 */

/** The HTML_CodeSniffer standard run on every page. */
export const HTMLCS_STANDARD = 'WCAG2AA';

/** One HTML_CodeSniffer error or warning on one element. */
export interface HtmlcsMessage {
  type: 'error' | 'warning';
  /** The sniff's code, e.g. "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail". */
  code: string;
  message: string;
  /** A CSS path to the element (":root" for a finding on the whole document). */
  selector: string;
  /** The start of the element's markup. */
  html: string;
}

const require = createRequire(import.meta.url);
let source: string | undefined;

/** The built HTML_CodeSniffer script (every standard and its English messages in one file), read once. */
export function htmlcsSource(): string {
  source ??= readFileSync(require.resolve('html_codesniffer/build/HTMLCS.js'), 'utf8');
  return source;
}

/** The installed HTML_CodeSniffer version, for reports. */
export function htmlcsVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('html_codesniffer/package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Runs HTML_CodeSniffer on the page as it is now and returns its errors and
 * warnings, less those exceptions.ts accepts for this page: an exception
 * covers one code on the elements its selector matches.
 */
export async function auditPageWithHtmlcs(page: Page, pagePath: string, exceptions: HtmlcsException[] = htmlcsExceptions): Promise<HtmlcsMessage[]> {
  await page.evaluate(htmlcsSource());
  const accepted = exceptions.filter((exception) => exception.pages.test(pagePath)).map(({ code, selector }) => ({ code, selector }));
  return page.evaluate(
    ({ standard, accepted }) =>
      new Promise<HtmlcsMessage[]>((resolve, reject) => {
        type Message = { type: number; code: string; msg: string; element: Element | Document };
        const htmlcs = (window as unknown as { HTMLCS: { process(standard: string, content: Document, done: () => void, failed: () => void, language: string): void; getMessages(): Message[] } }).HTMLCS;
        const target = (node: Element | Document): Element => (node instanceof Element ? node : document.documentElement);
        // An id where there is one, else the tag names (and position among siblings of one tag) up to the nearest id.
        const cssPath = (node: Element | Document): string => {
          if (!(node instanceof Element) || node === document.documentElement) return ':root';
          const parts: string[] = [];
          for (let el: Element | null = node; el && el !== document.documentElement; el = el.parentElement) {
            if (el.id) {
              parts.unshift(`#${CSS.escape(el.id)}`);
              break;
            }
            const tag = el.localName;
            const same = el.parentElement ? [...el.parentElement.children].filter((child) => child.localName === tag) : [];
            parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(el) + 1})` : tag);
          }
          return parts.join(' > ');
        };
        htmlcs.process(
          standard,
          document,
          () =>
            resolve(
              htmlcs
                .getMessages()
                // 1 is an error, 2 a warning, 3 a notice.
                .filter((m) => m.type === 1 || m.type === 2)
                .filter((m) => !accepted.some((a) => a.code === m.code && target(m.element).matches(a.selector)))
                .map((m) => ({
                  type: m.type === 1 ? ('error' as const) : ('warning' as const),
                  code: m.code,
                  message: m.msg,
                  selector: cssPath(m.element),
                  html: m.element instanceof Element ? m.element.outerHTML.slice(0, 160) : '',
                })),
            ),
          () => reject(new Error(`HTML_CodeSniffer could not run the ${standard} standard`)),
          'en',
        );
      }),
    { standard: HTMLCS_STANDARD, accepted },
  );
}

/** What one HTML_CodeSniffer run on one page in one theme and width found. */
export interface HtmlcsFindings {
  path: string;
  theme: 'light' | 'dark';
  width: number;
  messages: HtmlcsMessage[];
}

/** A report to act on: page and setting, then each code, its message, and the elements. */
export function formatHtmlcsReport(findings: HtmlcsFindings[]): string {
  const lines: string[] = [];
  for (const { path, theme, width, messages } of findings) {
    lines.push(`\n■ ${path} (${theme}, ${width} px)`);
    const byCode = Map.groupBy(messages, (m) => m.code);
    for (const [code, group] of byCode) {
      lines.push(`  ✗ ${group[0]!.type} ${code}: ${group[0]!.message}`);
      for (const m of group) lines.push(`    → ${m.selector}${m.html ? `  ${m.html.replace(/\s+/g, ' ').slice(0, 100)}` : ''}`);
    }
  }
  return lines.join('\n');
}
