import type { Language } from '../schemas/site.ts';
import { defaultLanguage, type LanguageSettings } from './locale-routes.ts';

/**
 * A build in parts (several CI jobs, README "Splitting the build across CI
 * jobs"): each part renders one language's pages, named by its code, and
 * the default language's part also renders the pages the site has once
 * (the root 404 and offline pages, sitemap, robots.txt, brand icons, the
 * pages of old addresses). Together the parts write every page exactly
 * once; `scripts/build.ts --finish` joins them and indexes search once.
 * Without a part, a build renders everything.
 */

/** The environment variable that names the part a build renders (`scripts/build.ts --part`, or `astro build` run with it set). */
export const PART_VARIABLE = 'HANDRAIL_PART';

/**
 * Set by `scripts/build.ts` for a whole build: Astro's last hook leaves the
 * once-only steps (src/node/integration/finish.ts) to it, with a record of
 * what they need, and it runs them once Astro's process has ended. Astro
 * holds its memory to the end (2–3 GB at 10,000 articles), and Pagefind
 * beside it needed 1 GB more: the build's peak. `astro build` on its own
 * still runs them in its last hook.
 */
export const FINISH_LATER_VARIABLE = 'HANDRAIL_FINISH_AFTER_ASTRO';

/** Why a part name is refused, or undefined for a declared language (or no part: the whole site). */
export function partProblem(settings: LanguageSettings, part: string | undefined): string | undefined {
  if (part === undefined) return undefined;
  if (settings.languages.some((language) => language.code === part)) return undefined;
  const codes = settings.languages.map((language) => language.code).join(', ');
  return `${PART_VARIABLE}=${part} is not a language of content/site.yaml. A part is one declared language: ${codes}.`;
}

/** The languages whose pages a build renders: the part's, or every declared language for a whole build. */
export function partLanguages(settings: LanguageSettings, part: string | undefined): Language[] {
  const problem = partProblem(settings, part);
  if (problem) throw new Error(problem);
  return part === undefined ? [...settings.languages] : settings.languages.filter((language) => language.code === part);
}

/** Whether a build renders the pages the site has once: a whole build, or the default language's part. */
export function rendersSharedPages(settings: LanguageSettings, part: string | undefined): boolean {
  return part === undefined || part === defaultLanguage(settings).code;
}
