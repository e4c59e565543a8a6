// Modules the Handrail integration provides (src/node/integration/).

/** A module bundled as its own file, imported as its address, for `import()` on demand (on-demand.ts). */
declare module '*?on-demand' {
  const url: string;
  export default url;
}

/** The site's brand colours as CSS, from content/site.yaml (brand-css.ts). */
declare module 'virtual:handrail/brand.css';
