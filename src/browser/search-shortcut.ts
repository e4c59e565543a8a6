/**
 * Ctrl+K, ⌘K or "/" anywhere outside a text field jumps to the page's search
 * field: the one that declares those keys in `aria-keyshortcuts` (the
 * header's, or the main one on pages without it), which is also how
 * assistive technology learns of them. "/" with Ctrl, ⌘ or Alt is left
 * alone (Shift is how some keyboards type "/"); in anything editable, so is
 * Ctrl+K, which deletes to the end of the line on a Mac. `:read-write` is
 * every field and editable region a key types into: a short test, on every
 * page before any interaction.
 */
addEventListener('keydown', (event: KeyboardEvent) => {
  const isCommand = event.ctrlKey || event.metaKey;
  if (event.altKey || !(isCommand ? 'kK' : '/').includes(event.key) || (event.target as Element).matches(':read-write')) return;
  const field = document.querySelector<HTMLInputElement>('input[aria-keyshortcuts]');
  if (!field) return;
  event.preventDefault();
  field.focus();
});
