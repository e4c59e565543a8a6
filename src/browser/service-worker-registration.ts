/**
 * Registers the service worker (src/browser/service-worker/) once the page
 * has loaded, so it never competes with the page itself. Failure is quiet on
 * purpose: every page works without it.
 *
 * The dev server has no service worker — it would serve yesterday's copy of
 * a page the writer just changed — so there this removes any worker left
 * behind by a built site served earlier on the same address.
 */
const base = import.meta.env.BASE_URL;

if ('serviceWorker' in navigator) {
  if (import.meta.env.DEV) {
    void navigator.serviceWorker.getRegistrations().then((registrations) => registrations.forEach((registration) => void registration.unregister()));
  } else {
    addEventListener('load', () => void navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => undefined));
  }
}
