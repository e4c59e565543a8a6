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
 */
if (import.meta.hot) {
  const rendered = document.querySelector<HTMLMetaElement>('meta[name="handrail-content-version"]')?.content;
  if (rendered !== undefined) {
    import.meta.hot.on('handrail:content-version', (current: { version: number }) => {
      if (String(current.version) !== rendered) location.reload();
    });
    import.meta.hot.send('handrail:content-version-request');
  }
}
