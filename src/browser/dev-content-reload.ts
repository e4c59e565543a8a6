/**
 * Dev server only (in a build `import.meta.hot` is undefined and all of this
 * is dropped): makes sure an open page always ends up showing the latest save.
 *
 * After a save the dev server may reload the page twice — once when the file
 * changes, again when Astro has stored the new content — and a reload
 * message that arrives while the page is still loading is lost, which left
 * the page showing the older text. So each page knows the content version it
 * was rendered from (a meta tag), asks for the current one as soon as it is
 * connected, and hears of every new one; if they differ, it reloads.
 *
 * A content error can also reach a page rendered after the fix: Astro sends
 * an error to the overlay only once it has highlighted its code (seconds, on
 * a loaded machine), and Vite hands one sent while no page was connected to
 * the next page that connects (even before this script has run). Pages
 * render only while the content has no errors, and the version changes with
 * them, so a content error's overlay is put away whenever this page is
 * still the latest.
 */
if (import.meta.hot) {
  const hot = import.meta.hot;
  const rendered = document.querySelector<HTMLMetaElement>('meta[name="handrail-content-version"]')?.content;
  if (rendered !== undefined) {
    hot.on('handrail:content-version', (current: { version: number }) => {
      if (String(current.version) !== rendered) location.reload();
      else for (const overlay of contentErrorOverlays()) overlay.remove();
    });
    hot.on('vite:error', (payload) => {
      if (payload.err.name === CONTENT_ERROR) hot.send('handrail:content-version-request');
    });
    hot.send('handrail:content-version-request');
  }
}

/** The name ContentProblemsError gives itself (src/node/integration/content-problems.ts); the overlay shows it. */
const CONTENT_ERROR = 'Content check';

/** Overlays showing a content error (Astro's overlay puts the error's name in #name). */
function contentErrorOverlays(): Element[] {
  return [...document.querySelectorAll('vite-error-overlay')].filter((overlay) => overlay.shadowRoot?.querySelector('#name')?.textContent === CONTENT_ERROR);
}
