import { z } from 'astro/zod';

/**
 * An old address on the previous help center, as a root-relative path:
 * `/hc/en-us/articles/360001234-Reset-password`. No host, no query, no
 * fragment: hosts that read `_redirects` match the path alone.
 */
export const oldPathSchema = z
  .string()
  .trim()
  .regex(/^\/(?!\/)[^\s?#]*$/, 'a root-relative path like "/hc/en-us/articles/360001234-Reset-password", without a host, "?" or "#"');

/**
 * A Handrail address: the home page, an article, a category, a fixed page,
 * or one of those under a language prefix (`/fr/articles/<slug>/`), always
 * ending in "/", with an optional `#heading`.
 */
export const handrailAddressSchema = z
  .string()
  .trim()
  .regex(/^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*(?:#[A-Za-z0-9_-]+)?$/, 'a Handrail address like "/articles/reset-your-password/" or "/fr/categories/billing/"');

/** One old address and where it now leads. */
export const redirectSchema = z.strictObject({
  /** The old path, exactly as the old help center published it. */
  from: oldPathSchema,
  /** The Handrail page that replaces it. */
  to: handrailAddressSchema,
});

/**
 * `content/redirects.yaml`: old addresses from a previous help center that
 * must keep working. The build turns each into a redirect page and a line
 * of `_redirects`. Strict: a misspelt key is an error.
 */
export const redirectsSchema = z
  .strictObject({
    /** Every redirect, in any order; each old path appears once. */
    redirects: z.array(redirectSchema).default([]),
  })
  .superRefine((data, ctx) => {
    const seen = new Map<string, number>();
    data.redirects.forEach((redirect, index) => {
      const earlier = seen.get(redirect.from);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['redirects', index, 'from'],
          message: `an old path that is listed once (it is already redirects[${earlier}])`,
        });
      } else seen.set(redirect.from, index);
    });
  });

/** One redirect after validation. */
export type Redirect = z.output<typeof redirectSchema>;
/** The whole file after validation. */
export type RedirectsData = z.output<typeof redirectsSchema>;

/** What each field means and how to fix it, for error messages. */
export const redirectsFieldHelp = {
  redirects: 'List each old address with from: and to:, e.g.\n  redirects:\n    - from: /hc/en-us/articles/360001234-Reset-password\n      to: /articles/reset-your-password/',
} satisfies Record<keyof typeof redirectsSchema.shape, string>;

/** Help for the fields of one redirect. */
export const redirectFieldHelp = {
  from: 'Write the old path only, starting with "/", e.g. from: /hc/en-us/articles/360001234-Reset-password (no https://host, no ?query).',
  to: 'Write the new Handrail address, e.g. to: /articles/reset-your-password/ (ending in "/").',
} satisfies Record<keyof typeof redirectSchema.shape, string>;
