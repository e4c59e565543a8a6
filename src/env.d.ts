declare namespace App {
  interface Locals {
    /** Dev server only: the version of the content this page is rendered from (src/node/integration/dev-middleware.ts). */
    handrailContentVersion?: number;
    /** The language the page renders in, set by the page (src/data/page-language.ts) for its components. */
    handrailPage?: import('./data/page-language.ts').PageLanguage;
  }
}
