/** Modules loaded only when a reader needs them (bundled by src/node/integration/lazy-build.ts). */
export type LazyModule = 'channel-messages' | 'feedback-context' | 'offline-notice';

declare global {
  interface Window {
    /** Defined by the inline head script (see THEME_SCRIPT in theme.ts). */
    handrailLazy?: (name: LazyModule) => Promise<unknown>;
  }
}

/**
 * Loads a lazy module. The loader lives in the inline head script, outside
 * Vite: Vite wraps every dynamic import in a preload helper that weighs
 * more than the code being deferred.
 */
export function loadLazy<T>(name: LazyModule): Promise<T> {
  return window.handrailLazy ? (window.handrailLazy(name) as Promise<T>) : Promise.reject(new Error('No lazy loader'));
}
