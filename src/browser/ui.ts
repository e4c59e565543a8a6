/**
 * The helper every Handrail element uses: defining the element, its
 * `data-*` parts, and storage that never throws. UI strings (templates with
 * plural forms) are in words.ts, the other half of the helper, kept apart
 * because the code every page runs before any interaction prints none, and
 * a module is the smallest piece the bundler can leave out.
 */

/** Which of the browser's two storages: kept across visits, or until the tab closes. */
export type StorageKind = 'localStorage' | 'sessionStorage';

/**
 * A value from local or session storage, or null. Storage can be blocked
 * (private modes, cookie settings, sandboxed frames: even reading
 * `window.localStorage` throws there) or full; then a value lives only as
 * long as the page, which is what a reader without storage expects.
 */
export function readStored(kind: StorageKind, key: string): string | null {
  try {
    return window[kind].getItem(key);
  } catch {
    return null;
  }
}

/** Stores a value; false when storage refused it (blocked or full). */
export function writeStored(kind: StorageKind, key: string, value: string | null): boolean {
  try {
    if (value === null) window[kind].removeItem(key);
    else window[kind].setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** This tab's session storage in the shape shared code takes (see src/shared/visit-context.ts), never throwing. */
export const sessionStore = {
  getItem: (key: string) => readStored('sessionStorage', key),
  setItem: (key: string, value: string) => void writeStored('sessionStorage', key, value),
};

/**
 * The element inside `root` marked `data-<name>`. Markup and script meet only
 * through these attributes (GOV.UK keeps behaviour hooks apart from styling
 * classes the same way), so restyling never breaks a script.
 */
export function part<T extends Element = HTMLElement>(root: ParentNode, name: string): T {
  // The component renders every part its script uses; the types say so.
  return root.querySelector<T>(`[data-${name}]`)!;
}

/** Defines a custom element once, however many components import its file. */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}

/**
 * Whether the reader is offline: the browser says so, or the service worker
 * served this page as a saved copy because the network failed (it marks the
 * offline notice with data-saved-copy; the notice drops the mark when the
 * connection comes back). A connection without internet, and Chromium 150
 * after navigating offline, still say they are online.
 */
export function isOffline(): boolean {
  return !navigator.onLine || document.querySelector('handrail-offline-notice[data-saved-copy]') !== null;
}
