import type { SiteData } from '../schemas/site.ts';

/**
 * CSS that applies the site's brand colours to both themes: each property
 * holds its light and dark value, and light-dark() picks by color-scheme
 * (the reader's system, or their choice with the toggle).
 */
export function themeCss(theme: SiteData['theme']): string {
  const pair = (field: 'accent' | 'accentText') => `light-dark(${theme.light[field]},${theme.dark[field]})`;
  return `:root{--hr-accent:${pair('accent')};--hr-accent-text:${pair('accentText')};--hr-link:${pair('accent')}}`;
}

/**
 * The inline script every page runs before first paint. Readable form:
 *
 *   root.classList.add('js')                      // CSS shows script-only controls, no shift
 *   a ?q= in the address → class 'hr-query', so the search page keeps room for results it is about to show
 *   theme = localStorage['handrail-theme']        // 'dark' | 'light' | unset (follow the OS)
 *   on "/" outside a text field → focus the search field
 *   on DOMContentLoaded → the toggle button's aria-pressed follows the theme;
 *                          a click flips it and remembers the choice
 *   window.handrailLazy(name) → imports _handrail/<file> named in _handrail/manifest.json
 *                          (on demand; see src/lib/lazy.ts for why it lives here)
 *   on load → register the service worker (failure is ignored: the site works without it)
 *   offline, or back online with the notice showing → the offline-notice module updates it
 *   on DOMContentLoaded → each service notice is shown only between its data-start and data-end
 *
 * Written compactly by hand because it ships inline on every page.
 */
export const THEME_SCRIPT = `(()=>{const d=document,r=d.documentElement,k='handrail-theme',m=matchMedia('(prefers-color-scheme: dark)'),b=r.dataset.base;r.classList.add('js');/[?&]q=/.test(location.search)&&r.classList.add('hr-query');window.handrailLazy=n=>fetch(b+'_handrail/manifest.json',{cache:'no-cache'}).then(x=>x.json()).then(f=>import(b+'_handrail/'+f[n]));try{const s=localStorage.getItem(k);if(s==='dark'||s==='light')r.dataset.theme=s}catch(e){}
d.addEventListener('keydown',e=>{const t=e.target;if(e.key!=='/'||e.ctrlKey||e.metaKey||e.altKey||t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))return;const f=d.querySelector('main input[type=search]')||d.querySelector('input[type=search]');if(f){e.preventDefault();f.focus()}});
const o=()=>{const e=d.querySelector('[data-offline-notice]');if(e&&(!navigator.onLine||!e.hidden))handrailLazy('offline-notice').then(x=>x.showOfflineNotice(e)).catch(()=>{})};addEventListener('offline',o);addEventListener('online',o);
addEventListener('load',()=>{navigator.serviceWorker?.register(b+'sw.js',{scope:b}).catch(()=>{})});
d.addEventListener('DOMContentLoaded',()=>{o();const w=Date.now();d.querySelectorAll('[data-notices] [data-start]').forEach(n=>{n.hidden=!(+n.dataset.start<=w&&w<(n.dataset.end?+n.dataset.end:1/0))});const t=d.querySelector('[data-theme-toggle]');if(!t)return;const c=()=>r.dataset.theme||(m.matches?'dark':'light'),s=()=>t.setAttribute('aria-pressed',String(c()==='dark'));s();m.addEventListener('change',s);t.addEventListener('click',()=>{const n=c()==='dark'?'light':'dark';r.dataset.theme=n;try{localStorage.setItem(k,n)}catch(e){}s()})})})();`;
