/**
 * Dev server only (added by the integration for `astro dev`): while the
 * content has errors, every page shows them in Astro's error overlay, in the
 * same words as `npm run check`. Saving the fix re-runs the check and
 * reloads the page, which then renders again.
 */
import { defineMiddleware } from 'astro:middleware';
import { ContentProblemsError } from './content-problems.ts';
import { devState } from './dev-state.ts';

/**
 * Astro middleware: stops any page while the latest content check found
 * errors; otherwise tells the page which version of the content it is
 * rendered from (see src/browser/dev-content-reload.ts).
 */
export const onRequest = defineMiddleware((context, next) => {
  const { problems, root, contentVersion } = devState();
  if (problems.some((p) => p.severity === 'error')) throw new ContentProblemsError(problems, root, 'dev');
  context.locals.handrailContentVersion = contentVersion;
  return next();
});
