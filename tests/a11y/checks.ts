/**
 * Accessibility checks that axe does not make: reflow, text spacing, focus
 * visibility, target size, forced colours, reduced motion, the heading
 * outline and landmarks. Each takes a Playwright page that is already on the
 * page to check and returns human-readable failures, each naming the element
 * and what is wrong; an empty list is a pass.
 *
 * Checks whose WCAG criterion names a condition set it themselves and undo it
 * afterwards (reflow: 320 CSS px; forced colours; reduced motion). The others
 * measure the page as it is, so the caller chooses the viewport and theme.
 *
 * The measuring runs inside the page: a small set of helpers is installed
 * once per document (installHelpers) and each check's evaluate uses them.
 */
import type { CDPSession, Page } from '@playwright/test';

/** One check: the page in, failures out. */
export type Check = (page: Page) => Promise<string[]>;

/** Helpers the checks share inside the page; see installHelpers. */
interface PageHelpers {
  describe(el: Element): string;
  nameOf(el: Element): string;
  isRendered(el: Element): boolean;
  isShown(el: Element): boolean;
  isExposed(el: Element): boolean;
  hasText(el: Element): boolean;
  tabbables(): HTMLElement[];
  idOf(el: Element): number;
  landmarkRole(el: Element): string | undefined;
  alpha(color: string): number;
  contrast(a: string, b: string): number | undefined;
  backgroundBehind(el: Element): string | undefined;
  targets(): HTMLElement[];
  seconds(list: string): number[];
  /** Starts recording focus on every Tab keyup; returns how many elements should take focus. */
  startFocusWalk(): number;
  stopFocusWalk(): void;
  focusLog: FocusStep[];
}

declare global {
  interface Window {
    __handrailA11y?: PageHelpers;
  }
}

/** One failure of a check: where, which check, and what is wrong with which element. */
export interface CheckFinding {
  page: string;
  check: string;
  problem: string;
}

/** Grouped by page, then check: the element and the problem on each line. */
export function formatCheckReport(findings: CheckFinding[]): string {
  const lines: string[] = [`${findings.length} accessibility failure(s) beyond axe:`];
  let page = '';
  let check = '';
  for (const finding of findings) {
    if (finding.page !== page) {
      page = finding.page;
      check = '';
      lines.push(`\n■ ${page}`);
    }
    if (finding.check !== check) {
      check = finding.check;
      lines.push(`  ✗ ${check}`);
    }
    lines.push(`    → ${finding.problem}`);
  }
  return lines.join('\n');
}

/** Undersized targets need this much room (WCAG 2.5.8), and so does every target that is not inline. */
export const MIN_TARGET = 24;
/** The narrowest viewport content must reflow to without sideways scrolling (WCAG 1.4.10). */
export const REFLOW_WIDTH = 320;
/** Under reduced motion, anything longer than this is motion (the site's own override is 0.01 ms). */
export const MOTION_LIMIT_MS = 10;

/** The WCAG 1.4.12 text-spacing overrides, as the W3C's own test bookmarklet applies them. */
export const TEXT_SPACING_CSS = `
*, *::before, *::after {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }
`;

/**
 * Runs in the page. Kept as one function so Playwright can send it whole;
 * everything it needs is declared inside it.
 */
function installHelpers(): void {
  if (window.__handrailA11y) return;
  const ids = new WeakMap<Element, number>();
  let nextId = 1;
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  const shorten = (text: string, max = 48) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const byIds = (list: string) =>
    squash(
      list
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );

  const nameOf = (el: Element): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy && byIds(labelledBy)) return byIds(labelledBy);
    const label = squash(el.getAttribute('aria-label') ?? '');
    if (label) return label;
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return squash([...labels].map((l) => l.textContent ?? '').join(' '));
    if (el instanceof HTMLImageElement) return squash(el.alt);
    if (el.localName === 'html' || el.localName === 'body') return '';
    const own = squash((el as HTMLElement).innerText ?? el.textContent ?? '');
    if (own) return own;
    return squash(el.getAttribute('title') ?? el.getAttribute('placeholder') ?? el.getAttribute('value') ?? '');
  };

  // Containers: their text is everything inside them, which names nothing.
  const CONTAINERS = 'html, body, nav, aside, main, header, footer, section, article, form, search, ul, ol, dl, table, tbody, tr, details, fieldset, [role]:not([role="button"], [role="link"], [role="heading"], [role="img"], [role="checkbox"], [role="tab"])';
  const describe = (el: Element): string => {
    let label = el.localName;
    if (el.id) label += `#${el.id}`;
    else if (el.classList.length > 0) label += `.${el.classList[0]}`;
    const isContainer = el.matches(CONTAINERS) && !el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby');
    const name = isContainer ? '' : nameOf(el);
    return name ? `${label} "${shorten(name)}"` : label;
  };

  const isRendered = (el: Element): boolean => el.checkVisibility({ checkVisibilityCSS: true, checkOpacity: true } as CheckVisibilityOptions);

  /** Rendered, bigger than a pixel, and not inside a visually-hidden box (the 1 px clipped pattern). */
  const isShown = (el: Element): boolean => {
    if (!isRendered(el)) return false;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return false;
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflow === 'visible' && style.clipPath === 'none') continue;
      const box = node.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return false;
    }
    return true;
  };

  /** In the accessibility tree: rendered (or visually hidden), not aria-hidden, not inert. */
  const isExposed = (el: Element): boolean =>
    el.checkVisibility({ checkVisibilityCSS: true } as CheckVisibilityOptions) && !el.closest('[aria-hidden="true"], [inert]');

  const hasText = (el: Element): boolean => /[\p{L}\p{N}]/u.test(el.textContent ?? '');

  const FOCUSABLE =
    'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"]';
  const tabbables = (): HTMLElement[] =>
    [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
      if (el.localName === 'summary' && el.parentElement?.querySelector(':scope > summary') !== el) return false;
      return el.checkVisibility({ checkVisibilityCSS: true } as CheckVisibilityOptions);
    });

  const idOf = (el: Element): number => {
    if (!ids.has(el)) ids.set(el, nextId++);
    return ids.get(el)!;
  };

  const SECTIONING = 'article, aside, main, nav, section';
  const landmarkRole = (el: Element): string | undefined => {
    const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
    if (explicit) {
      return ['banner', 'main', 'contentinfo', 'navigation', 'complementary', 'region', 'search', 'form'].includes(explicit) ? explicit : undefined;
    }
    switch (el.localName) {
      case 'header':
        return el.parentElement?.closest(SECTIONING) ? undefined : 'banner';
      case 'footer':
        return el.parentElement?.closest(SECTIONING) ? undefined : 'contentinfo';
      case 'main':
        return 'main';
      case 'nav':
        return 'navigation';
      case 'aside':
        return 'complementary';
      case 'search':
        return 'search';
      case 'section':
        return nameOf(el) && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') || el.hasAttribute('title')) ? 'region' : undefined;
      case 'form':
        return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') || el.hasAttribute('title') ? 'form' : undefined;
      default:
        return undefined;
    }
  };

  const parseColor = (color: string): [number, number, number, number] | undefined => {
    const m = /^rgba?\(([^)]+)\)$/.exec(color.trim());
    if (!m) return undefined;
    const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    if (parts.length < 3 || parts.some((n) => Number.isNaN(n))) return undefined;
    return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
  };
  const alpha = (color: string): number => (color === 'transparent' ? 0 : (parseColor(color)?.[3] ?? 1));
  const luminance = ([r, g, b]: number[]) => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  const contrast = (a: string, b: string): number | undefined => {
    const ca = parseColor(a);
    const cb = parseColor(b);
    if (!ca || !cb) return undefined;
    const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  /** The first opaque background behind an element; undefined where an image or the bare canvas is behind it. */
  const backgroundBehind = (el: Element): string | undefined => {
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none') return undefined;
      if (alpha(style.backgroundColor) >= 0.99) return style.backgroundColor;
    }
    // The canvas: its colour depends on the colour scheme, so no judgement is made.
    return undefined;
  };

  const TARGETS =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"], [tabindex]:not([tabindex^="-"])';
  const targets = (): HTMLElement[] =>
    [...document.querySelectorAll<HTMLElement>(TARGETS)].filter((el) => !(el as HTMLButtonElement).disabled && !el.closest('[inert]') && isShown(el));

  /** "0.3s, 200ms" → [0.3, 0.2] */
  const seconds = (list: string): number[] =>
    list.split(',').map((part) => {
      const value = parseFloat(part);
      return part.trim().endsWith('ms') ? value / 1000 : value;
    });

  /** After each Tab: where focus is and what is wrong with how it shows. */
  const inspectFocus = (): FocusStep => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { isEnd: true, id: 0, label: '', problems: [] };
    const label = describe(el);
    const problems: string[] = [];
    if (!isShown(el)) {
      problems.push(`${label}: takes focus but cannot be seen`);
      return { isEnd: false, id: idOf(el), label, problems };
    }

    const style = getComputedStyle(el);
    const indicators: { kind: string; color: string }[] = [];
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && alpha(style.outlineColor) > 0) {
      indicators.push({ kind: 'outline', color: style.outlineColor });
    }
    if (style.boxShadow !== 'none') {
      const color = /rgba?\([^)]*\)/.exec(style.boxShadow)?.[0] ?? 'rgb(0, 0, 0)';
      if (alpha(color) > 0) indicators.push({ kind: 'box-shadow', color });
    }
    if (indicators.length === 0) {
      problems.push(`${label}: no visible focus indicator (outline: ${style.outlineStyle} ${style.outlineWidth}, box-shadow: ${style.boxShadow})`);
    } else {
      const behind = backgroundBehind(el.parentElement ?? el);
      if (behind) {
        const ratios = indicators.map((i) => ({ ...i, ratio: contrast(i.color, behind) }));
        if (ratios.every((r) => r.ratio !== undefined && r.ratio < 3)) {
          const shown = ratios.map((r) => `${r.kind} ${r.color} ${r.ratio!.toFixed(2)}:1`).join(', ');
          problems.push(`${label}: focus indicator does not stand out from the background ${behind} (${shown}; needs 3:1)`);
        }
      }
    }

    const rect = el.getClientRects()[0] ?? el.getBoundingClientRect();
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) {
      problems.push(`${label}: focused but outside the viewport (centre at ${Math.round(x)}, ${Math.round(y)})`);
    } else {
      const hit = document.elementFromPoint(x, y);
      const isOwn = hit && (hit === el || el.contains(hit) || (hit.closest('label') as HTMLLabelElement | null)?.control === el);
      if (!isOwn) problems.push(`${label}: hidden under ${hit ? describe(hit) : 'nothing that can be hit'} when focused`);
    }
    return { isEnd: false, id: idOf(el), label, problems };
  };

  const focusLog: FocusStep[] = [];
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === 'Tab') focusLog.push(inspectFocus());
  };
  const startFocusWalk = (): number => {
    focusLog.length = 0;
    const marker = document.createElement('span');
    marker.tabIndex = -1;
    marker.dataset.handrailA11yStart = '';
    marker.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;overflow:hidden';
    document.body.prepend(marker);
    marker.focus();
    window.addEventListener('keyup', onKeyUp, true);
    return tabbables().length;
  };
  const stopFocusWalk = (): void => {
    window.removeEventListener('keyup', onKeyUp, true);
    document.querySelector('[data-handrail-a11y-start]')?.remove();
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo(0, 0);
  };

  window.__handrailA11y = { describe, nameOf, isRendered, isShown, isExposed, hasText, tabbables, idOf, landmarkRole, alpha, contrast, backgroundBehind, targets, seconds, startFocusWalk, stopFocusWalk, focusLog };
}

async function prepare(page: Page): Promise<void> {
  await page.evaluate(installHelpers);
}

/** Waits two frames, so style and layout reflect a change of viewport, media or stylesheet. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * WCAG 1.4.10 Reflow: at 320 CSS px wide the page does not scroll sideways,
 * nothing with text is cut off sideways, and anything that scrolls in its
 * own box is a focusable, named scroll region (role=region, tabindex=0), as
 * the site's wide tables are. Sets the 320 px width itself and restores the
 * viewport after.
 */
export async function checkReflow(page: Page): Promise<string[]> {
  const before = page.viewportSize();
  const resized = before?.width !== REFLOW_WIDTH;
  if (resized) await page.setViewportSize({ width: REFLOW_WIDTH, height: before?.height ?? 800 });
  try {
    await prepare(page);
    await settle(page);
    return await page.evaluate(() => {
      const h = window.__handrailA11y!;
      const failures: string[] = [];
      const root = document.documentElement;
      const width = root.clientWidth;
      const clipsOrScrolls = (style: CSSStyleDeclaration) => style.overflowX !== 'visible';
      const insideBox = (el: Element) => {
        for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
          if (clipsOrScrolls(getComputedStyle(node))) return true;
        }
        return false;
      };
      const reach = (el: Element) => el.getBoundingClientRect().right + window.scrollX;

      if (root.scrollWidth > width + 1) {
        failures.push(`page: scrolls sideways at ${width} px wide (content is ${root.scrollWidth} px wide)`);
        const culprits: string[] = [];
        for (const el of document.body.querySelectorAll('*')) {
          if (!h.isRendered(el) || insideBox(el) || reach(el) <= width + 1) continue;
          const parent = el.parentElement!;
          if (parent !== document.body && !insideBox(parent) && reach(parent) > width + 1) continue;
          culprits.push(`${h.describe(el)}: reaches ${Math.round(reach(el))} px, past the ${width} px viewport`);
        }
        failures.push(...culprits.slice(0, 8));
      }

      for (const el of document.querySelectorAll<HTMLElement>('*')) {
        if (el.matches('input, textarea, select') || !h.isShown(el)) continue;
        const style = getComputedStyle(el);
        if (el.scrollWidth <= el.clientWidth + 1 || !h.hasText(el)) continue;
        if (style.overflowX === 'hidden' || style.overflowX === 'clip') {
          failures.push(`${h.describe(el)}: cuts off ${el.scrollWidth - el.clientWidth} px of its content sideways at ${width} px (overflow-x: ${style.overflowX})`);
        } else if (style.overflowX === 'auto' || style.overflowX === 'scroll') {
          const isRegion = el.getAttribute('role') === 'region' && el.tabIndex >= 0 && h.nameOf(el) !== '' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'));
          if (!isRegion) failures.push(`${h.describe(el)}: scrolls sideways in its own box at ${width} px but is not a focusable, named scroll region (role="region" tabindex="0" with a label)`);
        }
      }
      return failures;
    });
  } finally {
    if (resized && before) await page.setViewportSize(before);
  }
}

/**
 * WCAG 1.4.12 Text Spacing: with line height 1.5, paragraph spacing 2em,
 * letter spacing 0.12em and word spacing 0.16em forced on everything, no text
 * is cut off by a box that hides its overflow, no text spills out of a box
 * of fixed size, and the page does not scroll sideways. The overrides are
 * removed again after.
 */
export async function checkTextSpacing(page: Page): Promise<string[]> {
  await prepare(page);
  // Sideways scrolling that was there before the spacing is checkReflow's to report.
  const wasOverflowing = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
  const style = await page.addStyleTag({ content: TEXT_SPACING_CSS });
  try {
    await settle(page);
    return await page.evaluate((wasOverflowing) => {
      const h = window.__handrailA11y!;
      const failures: string[] = [];
      const root = document.documentElement;
      if (!wasOverflowing && root.scrollWidth > root.clientWidth + 1) failures.push(`page: scrolls sideways with text spacing increased (content is ${root.scrollWidth} px wide, viewport ${root.clientWidth} px)`);
      for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
        if (el.matches('input, textarea, select, .visually-hidden') || !h.hasText(el) || !h.isShown(el)) continue;
        const cs = getComputedStyle(el);
        const hiddenX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
        const hiddenY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
        const overX = el.scrollWidth - el.clientWidth;
        const overY = el.scrollHeight - el.clientHeight;
        if (hiddenY && overY > 1) failures.push(`${h.describe(el)}: cuts off ${overY} px of text at the bottom with text spacing increased (overflow-y: ${cs.overflowY})`);
        if (hiddenX && overX > 1) failures.push(`${h.describe(el)}: cuts off ${overX} px of text at the side with text spacing increased (overflow-x: ${cs.overflowX})`);
        if (cs.overflowY === 'visible' && cs.display !== 'inline' && overY > 1) {
          // A box whose height was fixed: the text now runs out of it, over whatever follows.
          failures.push(`${h.describe(el)}: text spills ${overY} px out of its box with text spacing increased (fixed height ${Math.round(el.clientHeight)} px)`);
        }
      }
      return failures;
    }, wasOverflowing);
  } finally {
    await style.evaluate((node) => (node as HTMLStyleElement).remove());
    await settle(page);
  }
}

/**
 * WCAG 2.4.7 Focus Visible, 2.4.11 Focus Not Obscured and 2.1.2 No Keyboard
 * Trap: presses Tab through the whole page from its start. Every element that
 * takes focus shows an outline or box-shadow whose colour stands out 3:1 from
 * the background behind it (1.4.11), sits in the viewport, and is the element
 * found at its own centre (nothing covers it). Focus must reach the end of the
 * page (or come back round to the first element, having visited them all)
 * without sticking. Uses the current viewport and theme.
 */
export async function checkFocusVisible(page: Page): Promise<string[]> {
  await prepare(page);
  // Start from a marker at the top of the body, so the walk begins at the first
  // tabbable element whatever had focus before. Each Tab's keyup (which fires
  // on the newly focused element, after the browser scrolled it into view)
  // records what focus looks like, so the walk needs no round trip per key.
  const tabbable = await page.evaluate(() => window.__handrailA11y!.startFocusWalk());
  const failures: string[] = [];
  const limit = tabbable * 2 + 20;
  let pressed = 0;
  let outcome: FocusWalk | undefined;
  const pressTab = await tabPresser(page);
  try {
    while (!outcome?.isFinished && pressed < limit) {
      const batch = Math.min(limit - pressed, Math.max(10, tabbable + 2 - pressed));
      await pressTab(batch);
      pressed += batch;
      outcome = readFocusWalk(await page.evaluate(() => window.__handrailA11y!.focusLog), tabbable);
    }
  } finally {
    await pressTab.done();
    await page.evaluate(() => window.__handrailA11y!.stopFocusWalk());
  }
  failures.push(...(outcome?.problems ?? []));
  if (!outcome?.isFinished) failures.push(`page: after ${pressed} Tab presses focus had neither reached the end of the page nor come back to the start`);
  return failures;
}

/** Presses Tab a number of times; `done` when the walk is over. */
type TabPresser = ((count: number) => Promise<void>) & { done(): Promise<void> };

/**
 * Tab, pressed as a reader's keyboard does. In Chromium every key event of a
 * batch goes down the DevTools protocol at once, in order, and the page
 * handles each in turn, as it does a held-down key; one round trip per
 * event (Playwright's `keyboard.press`) took 25 ms a key, and the focus
 * walks of every page in both themes a quarter of the browser tests' time.
 * Other browsers press one key at a time.
 */
async function tabPresser(page: Page): Promise<TabPresser> {
  let session: CDPSession | undefined;
  try {
    session = await page.context().newCDPSession(page);
  } catch {
    session = undefined;
  }
  const cdp = session;
  const key = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
  const press = async (count: number) => {
    if (!cdp) {
      for (let i = 0; i < count; i++) await page.keyboard.press('Tab');
      return;
    }
    const events = Array.from({ length: count }, () => [cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key }), cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key })]);
    await Promise.all(events.flat());
  };
  return Object.assign(press, { done: async () => cdp?.detach().catch(() => undefined) });
}

/** What one Tab press did, as the page recorded it. */
interface FocusStep {
  /** Focus left the page's elements: the end of the Tab sequence. */
  isEnd: boolean;
  id: number;
  label: string;
  problems: string[];
}

interface FocusWalk {
  isFinished: boolean;
  problems: string[];
}

/** Reads the Tab walk up to its end, a loop back to the start, or a key that did not move focus. */
function readFocusWalk(steps: FocusStep[], tabbable: number): FocusWalk {
  const problems: string[] = [];
  const visited = new Set<number>();
  let previous: FocusStep | undefined;
  for (const step of steps) {
    if (step.isEnd) {
      // A page with things to focus whose first Tab leaves it has a broken tab order, not a clean one.
      if (visited.size === 0 && tabbable > 0) problems.push(`page: the first Tab left the page without focusing any of its ${tabbable} focusable elements`);
      return { isFinished: true, problems };
    }
    if (step.id === previous?.id) {
      problems.push(`${step.label}: focus is stuck here; Tab does not move it on`);
      return { isFinished: true, problems };
    }
    if (step.id === steps[0]!.id && previous) {
      if (visited.size < tabbable) problems.push(`page: Tab cycles through ${visited.size} elements and never reaches the other ${tabbable - visited.size} (a keyboard trap)`);
      return { isFinished: true, problems };
    }
    visited.add(step.id);
    problems.push(...step.problems);
    previous = step;
  }
  return { isFinished: false, problems };
}

/**
 * WCAG 2.5.8 Target Size (Minimum): every visible target is at least 24 by
 * 24 CSS px, or a 24 px circle on its centre touches no other target or
 * other undersized target's circle. Exempt: links inline in a sentence or
 * paragraph, and targets moved off-screen (the skip link until focused).
 * A control's label counts as part of its target, since it toggles it.
 */
export async function checkTargetSize(page: Page): Promise<string[]> {
  await prepare(page);
  return page.evaluate((min) => {
    const h = window.__handrailA11y!;
    interface Box {
      el: HTMLElement;
      left: number;
      top: number;
      right: number;
      bottom: number;
    }
    const boxOf = (el: HTMLElement): Box => {
      const rects = [el.getBoundingClientRect(), ...[...((el as HTMLInputElement).labels ?? [])].filter((l) => l.contains(el) || h.isShown(l)).map((l) => l.getBoundingClientRect())];
      // The label that wraps a control or sits against it adds to its target; a far-off one does not.
      const own = rects[0]!;
      const near = rects.filter((r) => r === own || (r.right >= own.left - 1 && r.left <= own.right + 1 && r.bottom >= own.top - 1 && r.top <= own.bottom + 1));
      return {
        el,
        left: Math.min(...near.map((r) => r.left)) + window.scrollX,
        top: Math.min(...near.map((r) => r.top)) + window.scrollY,
        right: Math.max(...near.map((r) => r.right)) + window.scrollX,
        bottom: Math.max(...near.map((r) => r.bottom)) + window.scrollY,
      };
    };
    const isInlineInText = (el: HTMLElement): boolean => {
      if (getComputedStyle(el).display !== 'inline') return false;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      if (!block) return false;
      const own = el.textContent ?? '';
      const rest = (block.textContent ?? '').replace(own, '');
      return /[\p{L}\p{N}]{2,}/u.test(rest);
    };
    const isOffScreen = (box: Box) => box.bottom <= 0 || box.right <= 0;

    const all = h.targets().map(boxOf).filter((box) => !isOffScreen(box));
    const small = all.filter((b) => (b.right - b.left < min - 0.01 || b.bottom - b.top < min - 0.01) && !isInlineInText(b.el));
    const smallSet = new Set(small);
    const centre = (b: Box) => ({ x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 });
    const distanceToBox = (p: { x: number; y: number }, b: Box) => Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));

    const failures: string[] = [];
    for (const box of small) {
      const c = centre(box);
      const clash = all.find((other) => {
        if (other === box || other.el.contains(box.el) || box.el.contains(other.el)) return false;
        if (distanceToBox(c, other) < min / 2 - 0.01) return true;
        if (smallSet.has(other)) {
          const o = centre(other);
          return Math.hypot(c.x - o.x, c.y - o.y) < min - 0.01;
        }
        return false;
      });
      if (!clash) continue;
      const size = `${Math.round(box.right - box.left)}×${Math.round(box.bottom - box.top)} px`;
      failures.push(`${h.describe(box.el)}: target is ${size}, under ${min}×${min} px, and too close to ${h.describe(clash.el)} for the spacing exception`);
    }
    return failures;
  }, MIN_TARGET);
}

/**
 * Windows High Contrast and other forced-colour modes: with forced colours
 * emulated, every button, field and button-styled link keeps a border or
 * outline (its background is replaced, so without one it is bare text), a
 * disclosure summary keeps its marker, and keyboard focus shows an outline
 * (box-shadow is dropped in forced colours). Also fails any element that
 * shows its meaning through a background image, which these modes may hide.
 * Turns the emulation off again after.
 */
export async function checkForcedColors(page: Page): Promise<string[]> {
  await prepare(page);
  const failures = await page.evaluate(() => {
    const h = window.__handrailA11y!;
    const found: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(el);
      if (!style.backgroundImage.includes('url(') || !h.isRendered(el)) continue;
      const text = (el.innerText ?? '').trim();
      const hidesText = parseFloat(style.textIndent) < -999 || parseFloat(style.fontSize) === 0 || h.alpha(style.color) === 0;
      const isMeaningful = el.matches('a, button, [role="button"], [role="img"], [aria-label], [title]');
      if ((text && hidesText) || (!text && isMeaningful && !el.querySelector('img, svg'))) {
        found.push(`${h.describe(el)}: shows its meaning with a background image, which forced colours modes can hide`);
      }
    }
    return found;
  });
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    await settle(page);
    failures.push(
      ...(await page.evaluate(() => {
        const h = window.__handrailA11y!;
        const found: string[] = [];
        const TEXT_INPUTS = ['text', 'search', 'email', 'tel', 'url', 'number', 'password', 'date', 'time', 'datetime-local', 'month', 'week'];
        const hasEdge = (style: CSSStyleDeclaration) =>
          (['Top', 'Right', 'Bottom', 'Left'] as const).some(
            (side) => style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' && style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'hidden' && parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1,
          ) ||
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1);

        for (const el of h.targets()) {
          const style = getComputedStyle(el);
          const isNative = style.appearance !== 'none';
          let needsEdge = false;
          if (el.matches('button, [role="button"], .button, input[type="submit"], input[type="button"], input[type="reset"], textarea')) needsEdge = true;
          else if (el instanceof HTMLInputElement) needsEdge = TEXT_INPUTS.includes(el.type) || !isNative;
          else if (el instanceof HTMLSelectElement) needsEdge = !isNative;
          if (needsEdge && !hasEdge(style)) found.push(`${h.describe(el)}: has no border or outline in forced colours mode, so nothing marks it out as a control`);
          if (el.localName === 'summary' && style.display !== 'list-item' && !hasEdge(style)) {
            const before = getComputedStyle(el, '::before').content;
            const after = getComputedStyle(el, '::after').content;
            if ((before === 'none' || before === 'normal') && (after === 'none' || after === 'normal')) {
              found.push(`${h.describe(el)}: disclosure has no marker (display: ${style.display}) and no border, so in forced colours it looks like plain text`);
            }
          }
        }

        // Focus: box-shadow is removed in forced colours, so the outline has to carry it.
        const previous = document.activeElement as HTMLElement | null;
        let tested = 0;
        for (const el of h.tabbables()) {
          if (!h.isShown(el)) continue;
          el.focus({ preventScroll: true });
          if (document.activeElement !== el || !el.matches(':focus-visible')) continue;
          tested++;
          const style = getComputedStyle(el);
          if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 1) {
            found.push(`${h.describe(el)}: no focus outline in forced colours mode (outline: ${style.outlineStyle} ${style.outlineWidth})`);
          }
        }
        if (previous && previous !== document.body) previous.focus({ preventScroll: true });
        else (document.activeElement as HTMLElement | null)?.blur?.();
        if (tested === 0 && h.tabbables().some((el) => h.isShown(el))) found.push('page: could not show keyboard focus on any element to test it');
        return found;
      })),
    );
  } finally {
    await page.emulateMedia({ forcedColors: null });
  }
  return failures;
}

/**
 * WCAG 2.3.3 and the reduced-motion preference: with prefers-reduced-motion
 * emulated, no animation or transition lasts longer than MOTION_LIMIT_MS
 * (running Web Animations, and CSS animation and transition durations on
 * every element and its ::before and ::after), and nothing scrolls smoothly.
 * Motion that a script starts at load only shows if the preference was set
 * before the page loaded, so callers auditing a site should emulate it
 * before navigating too. Turns the emulation off again after.
 */
export async function checkReducedMotion(page: Page): Promise<string[]> {
  await prepare(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  try {
    await settle(page);
    return await page.evaluate((limitMs) => {
      const h = window.__handrailA11y!;
      const failures: string[] = [];
      const reported = new Set<Element>();
      const limit = limitMs / 1000;
      const elements = [document.documentElement, ...document.documentElement.querySelectorAll('*')];
      for (const el of elements) {
        for (const pseudo of ['', '::before', '::after']) {
          const style = getComputedStyle(el, pseudo || null);
          if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
          const where = `${h.describe(el)}${pseudo}`;
          if (style.animationName !== 'none') {
            const longest = Math.max(...h.seconds(style.animationDuration));
            const forever = style.animationIterationCount.split(',').some((c) => c.trim() === 'infinite');
            if (longest > limit) {
              failures.push(`${where}: animation "${style.animationName}" lasts ${longest}s${forever ? ', repeating forever,' : ''} with reduced motion requested`);
              reported.add(el);
            }
          }
          if (style.transitionProperty !== 'none') {
            const longest = Math.max(...h.seconds(style.transitionDuration));
            if (longest > limit) {
              failures.push(`${where}: transition of ${style.transitionProperty} lasts ${longest}s with reduced motion requested`);
              reported.add(el);
            }
          }
          if (!pseudo && style.scrollBehavior === 'smooth') failures.push(`${where}: scroll-behavior is smooth with reduced motion requested`);
        }
      }
      // Web Animations a script started (el.animate) ignore CSS media queries.
      for (const animation of document.getAnimations()) {
        if (animation.playState !== 'running') continue;
        const target = (animation.effect as KeyframeEffect | null)?.target;
        if (target && reported.has(target)) continue;
        const timing = animation.effect?.getComputedTiming();
        const active = Number(timing?.activeDuration ?? 0);
        if (active > limitMs) {
          const name = (animation as CSSAnimation).animationName ?? (animation as CSSTransition).transitionProperty ?? animation.id ?? 'a script animation';
          const length = Number.isFinite(active) ? `${(active / 1000).toFixed(2)}s` : 'forever';
          failures.push(`${target ? h.describe(target) : 'page'}: ${name} is running for ${length} with reduced motion requested`);
        }
      }
      return failures;
    }, MOTION_LIMIT_MS);
  } finally {
    await page.emulateMedia({ reducedMotion: null });
  }
}

/**
 * WCAG 1.3.1 and 2.4.6, as a screen reader's heading list shows the page:
 * exactly one h1, the first heading inside main; and going down through the
 * document no level is skipped (an h2 may follow the page start, an h4 may
 * not follow an h2). Headings not in the accessibility tree are ignored;
 * visually hidden ones count.
 */
export async function checkHeadingOutline(page: Page): Promise<string[]> {
  await prepare(page);
  return page.evaluate(() => {
    const h = window.__handrailA11y!;
    const failures: string[] = [];
    const headings = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]')]
      .filter((el) => h.isExposed(el))
      .map((el) => ({ el, level: el.getAttribute('role') === 'heading' ? Number(el.getAttribute('aria-level') ?? 2) : Number(el.localName[1]) }));
    const ones = headings.filter((x) => x.level === 1);
    if (ones.length !== 1) failures.push(`page: has ${ones.length} h1 headings (${ones.map((x) => h.describe(x.el)).join(', ') || 'none'}); it needs exactly one`);
    const main = document.querySelector('main, [role="main"]');
    const firstInMain = headings.find((x) => main?.contains(x.el));
    if (!main) failures.push('page: has no main landmark to hold the h1');
    else if (!firstInMain) failures.push('main: has no headings; its first heading should be the h1');
    else if (firstInMain.level !== 1) failures.push(`${h.describe(firstInMain.el)}: is the first heading in main but is level ${firstInMain.level}; the h1 should come first`);
    let previous = 1;
    for (const { el, level } of headings) {
      if (level > previous + 1) failures.push(`${h.describe(el)}: skips from level ${previous} to level ${level}`);
      previous = level;
    }
    return failures;
  });
}

/**
 * WCAG 1.3.1 and 2.4.1, as a screen reader's landmark list shows the page:
 * exactly one banner, main and contentinfo; every navigation, complementary,
 * region, search and form landmark has a name, and no two landmarks of one
 * role share a name; everything visible sits inside a landmark (the skip
 * link excepted); ids are unique; and every same-page link has a target.
 */
export async function checkLandmarks(page: Page): Promise<string[]> {
  await prepare(page);
  return page.evaluate(() => {
    const h = window.__handrailA11y!;
    const failures: string[] = [];
    const landmarks = [...document.body.querySelectorAll('*')]
      .filter((el) => h.isExposed(el))
      .map((el) => ({ el, role: h.landmarkRole(el) }))
      .filter((x): x is { el: Element; role: string } => x.role !== undefined);

    for (const role of ['banner', 'main', 'contentinfo']) {
      const count = landmarks.filter((x) => x.role === role).length;
      if (count !== 1) failures.push(`page: has ${count} ${role} landmarks; it needs exactly one`);
    }
    const byRole = new Map<string, string[]>();
    for (const { el, role } of landmarks) {
      const name = h.nameOf(el);
      const needsName = ['navigation', 'complementary', 'region', 'search', 'form'].includes(role);
      const named = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') || el.hasAttribute('title');
      if (needsName && (!named || !name)) failures.push(`${h.describe(el)}: ${role} landmark has no accessible name (add aria-label or aria-labelledby)`);
      const names = byRole.get(role) ?? [];
      const shown = named ? name : '';
      if (names.includes(shown)) failures.push(`${h.describe(el)}: a second ${role} landmark named "${shown}"; landmarks of one role need different names`);
      names.push(shown);
      byRole.set(role, names);
    }

    // Everything visible inside a landmark. The skip link is exempt: it has to come before them all.
    const main = document.querySelector('main, [role="main"]');
    const inLandmark = (el: Element) => {
      for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) if (h.landmarkRole(node)) return true;
      return false;
    };
    const isSkipLink = (el: Element) => {
      const link = el.closest('a[href^="#"]');
      return !!link && !!main && link.getAttribute('href') === `#${main.id}`;
    };
    const outside = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !/\S/.test(node.textContent ?? '') || parent.closest('script, style, template, noscript')) continue;
      if (!h.isExposed(parent) || inLandmark(parent) || isSkipLink(parent)) continue;
      outside.add(parent);
    }
    for (const el of document.body.querySelectorAll('img, svg, video, canvas, iframe, input:not([type="hidden"]), select, textarea, button')) {
      if (h.isExposed(el) && !inLandmark(el)) outside.add(el);
    }
    for (const el of outside) failures.push(`${h.describe(el)}: is outside every landmark, so landmark navigation skips it`);

    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    for (const [id, count] of seen) if (count > 1) failures.push(`#${id}: id is used ${count} times on the page`);

    const here = location.href.split('#')[0];
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href*="#"]')) {
      const href = link.getAttribute('href') ?? '';
      if (href === '#' || link.href.split('#')[0] !== here) continue;
      const id = decodeURIComponent(link.hash.slice(1));
      if (id && !document.getElementById(id)) failures.push(`${h.describe(link)}: links to #${id}, which is not on the page`);
    }
    return failures;
  });
}

/**
 * Runs every check in the conditions the audit uses: reflow, target size
 * and text spacing at 320 CSS px; the rest at 1280 px (focus last, since
 * it moves focus and scrolls). Restores the viewport after.
 */
export async function runEveryCheck(page: Page): Promise<Record<CheckName, string[]>> {
  const before = page.viewportSize();
  const results = {} as Record<CheckName, string[]>;
  try {
    await page.setViewportSize({ width: REFLOW_WIDTH, height: 800 });
    results.checkReflow = await checkReflow(page);
    results.checkTargetSize = await checkTargetSize(page);
    results.checkTextSpacing = await checkTextSpacing(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    results.checkHeadingOutline = await checkHeadingOutline(page);
    results.checkLandmarks = await checkLandmarks(page);
    results.checkReducedMotion = await checkReducedMotion(page);
    results.checkForcedColors = await checkForcedColors(page);
    results.checkFocusVisible = await checkFocusVisible(page);
  } finally {
    if (before) await page.setViewportSize(before);
  }
  return results;
}

/** Every check by name, for callers that run them all. */
export const checks = {
  checkReflow,
  checkTextSpacing,
  checkFocusVisible,
  checkTargetSize,
  checkForcedColors,
  checkReducedMotion,
  checkHeadingOutline,
  checkLandmarks,
} satisfies Record<string, Check>;

/** The name of one check in `checks`. */
export type CheckName = keyof typeof checks;
