import type { Plugin, ViteDevServer } from 'vite';
import { siteFields, type SiteData } from '../../schemas/site.ts';
import { themeCss } from '../../shared/theme.ts';

/** Import this from a page or layout for the site's brand colours as CSS. */
export const BRAND_CSS_MODULE = 'virtual:handrail/brand.css';
// Vite's CSS pipeline handles an id that ends in .css; the virtual: prefix keeps it off the file system.
const RESOLVED = `\0${BRAND_CSS_MODULE}`;

/** The brand colours module, and a way to say they changed (dev server). */
export interface BrandCss {
  plugin: Plugin;
  /** Sets the theme (from content/site.yaml, as checked); in the dev server, reloads pages using the old one. */
  update(theme: SiteData['theme'] | undefined): void;
}

/**
 * The site's brand colours (content/site.yaml `theme`) as a CSS module, so
 * they reach the page in the one stylesheet Vite builds for it — not an
 * inline <style>, which the Content-Security-Policy would have to allow by
 * its hash and which a meta-tag policy, coming after it, would not even cover.
 * Without a valid site.yaml, the schema's default colours are used (the
 * content check reports the problem).
 */
export function brandCss(initial: SiteData['theme'] | undefined): BrandCss {
  const fallback = siteFields.shape.theme.parse(undefined);
  let css = themeCss(initial ?? fallback);
  let server: ViteDevServer | undefined;
  return {
    plugin: {
      name: 'handrail:brand-css',
      configureServer(devServer) {
        server = devServer;
      },
      resolveId(id) {
        return id === BRAND_CSS_MODULE ? RESOLVED : null;
      },
      load(id) {
        return id === RESOLVED ? css : null;
      },
    },
    update(theme) {
      const next = themeCss(theme ?? fallback);
      if (next === css) return;
      css = next;
      if (!server) return;
      for (const environment of Object.values(server.environments)) {
        const module = environment.moduleGraph.getModuleById(RESOLVED);
        if (module) environment.moduleGraph.invalidateModule(module);
      }
      server.environments.client.hot.send({ type: 'full-reload', path: '*' });
    },
  };
}
