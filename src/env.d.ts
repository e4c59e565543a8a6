declare namespace App {
  interface Locals {
    /** Dev server only: the version of the content this page is rendered from (src/node/integration/dev-middleware.ts). */
    handrailContentVersion?: number;
  }
}
