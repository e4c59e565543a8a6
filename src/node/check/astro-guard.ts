import type { AstroIntegration } from 'astro';
import { formatProblem } from '../../shared/problems.ts';
import { contentDir, projectRoot, publicDir } from '../project-paths.ts';
import { checkFileSafety } from './file-safety.ts';

/**
 * Refuses to start `astro build` or `astro dev` when a file under the
 * content folder or public/ is a link, a device or oversized. Astro's glob
 * loader and public/ copy follow links, so a linked "article" could
 * publish any file on the build machine; `npm run build` checks first,
 * and this makes `astro build` alone just as safe. It only walks folders
 * (no file is read), so it costs milliseconds.
 */
export function contentFileGuard(): AstroIntegration {
  return {
    name: 'handrail:content-files',
    hooks: {
      'astro:config:setup': async () => {
        const problems = (await checkFileSafety({ root: projectRoot, contentDir, publicDir })).filter((p) => p.severity === 'error');
        if (problems.length) {
          const error = new Error(`The site was not built: some files are not what they seem.\n\n${problems.map(formatProblem).join('\n\n')}`);
          // The list names each file and its fix; a stack trace would only point into Handrail's code.
          error.stack = '';
          throw Object.assign(error, { hint: 'Replace each link with the file itself, then build again. `npm run check` lists the same problems.' });
        }
      },
    },
  };
}
