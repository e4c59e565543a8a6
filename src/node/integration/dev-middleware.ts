/**
 * Dev server only (added by the integration for `astro dev`): while the
 * content has errors, every page shows them in Astro's error overlay, in the
 * same words as `npm run check`. Saving the fix re-runs the check and
 * reloads the page, which then renders again.
 */
import { defineMiddleware } from 'astro:middleware';
import { ContentProblemsError } from './content-problems.ts';
import { devState } from './dev-state.ts';

/** Astro middleware: stops any page while the latest content check found errors. */
export const onRequest = defineMiddleware((_context, next) => {
  const { problems, root } = devState();
  if (problems.some((p) => p.severity === 'error')) throw new ContentProblemsError(problems, root, 'dev');
  return next();
});
