/**
 * On a page whose owner runs a collector (`collector` in site.yaml, written
 * into the page's `<meta name="handrail-collector">`), hands what the reader
 * does that is worth telling to the sender (listening.ts), loaded at that
 * moment. Such things are buttons and links marked `data-listen` in the
 * markup (the vote buttons, the feedback form's Send, a channel link), so
 * one click listener serves the page and no component carries sending code:
 * this file is all an article pays for listening before any interaction.
 * Without a collector no listener is added and nothing is loaded.
 */
import listeningUrl from './listening.ts?on-demand';

if (document.querySelector('meta[name=handrail-collector]')) {
  addEventListener('click', (event) => {
    const target = (event.target as Element).closest?.<HTMLElement>('[data-listen]');
    if (target) void (import(/* @vite-ignore */ listeningUrl) as Promise<typeof import('./listening.ts')>).then((send) => send.heard(target)).catch(() => undefined);
  });
}
