/**
 * The options of `scripts/build.ts` (`npm run build -- …`), in
 * `util.parseArgs` form. Kept apart from the script, which builds as soon
 * as it is run, so the test of the CI workflow
 * (tests/unit/build-split-workflow.test.ts) can check that every option
 * the workflow passes exists.
 */
export const BUILD_OPTIONS = {
  /** Where the site (or the part) is published: a link to the kept build. */
  out: { type: 'string', default: 'dist' },
  /** One declared language's pages only (src/shared/build-parts.ts); needs --no-finish. */
  part: { type: 'string' },
  /** Leave the steps over the whole site (search, offline, _headers, _redirects) to --finish. */
  'no-finish': { type: 'boolean', default: false },
  /** Join the parts' folders (the positional arguments) and run those steps once. */
  finish: { type: 'boolean', default: false },
  /** Print the parts as JSON, one per declared language (a CI matrix), and build nothing. */
  'list-parts': { type: 'boolean', default: false },
} as const;
