import { z } from 'astro/zod';
import { slugSchema } from './common.ts';

/** The sources `npm run import` reads. */
export const IMPORT_SOURCES = ['zendesk', 'intercom', 'helpscout', 'folder'] as const;

/** One file the import wrote, so a later run can tell whether a writer has changed it since. */
const writtenFileSchema = z.strictObject({
  /** SHA-256 (hex) of the bytes the import wrote. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in hex'),
  /** What it was made from, e.g. "article 360001234 (fr)". */
  from: z.string().min(1),
});

/**
 * `content/.import/<source>.json`: written by `npm run import`, read by the
 * next run so it updates in place. Maps each source id to the address it
 * was given (addresses stay stable across runs) and records every file the
 * import wrote with a hash of its content (an edited file is never
 * overwritten silently). Not for writers to edit.
 */
export const importStateSchema = z.strictObject({
  /** Format version of this file. */
  version: z.literal(1),
  /** Which importer wrote it. */
  source: z.enum(IMPORT_SOURCES),
  /** Article source id → its slug and category slug. */
  articles: z.record(z.string(), z.strictObject({ slug: slugSchema, category: slugSchema })),
  /** Category source id → its slug. */
  categories: z.record(z.string(), z.strictObject({ slug: slugSchema })),
  /** Path relative to the project root (forward slashes) → what was written there. */
  files: z.record(z.string(), writtenFileSchema),
  /** Old path → Handrail address for each entry this import added to content/redirects.yaml. */
  redirects: z.record(z.string(), z.string()),
});

/** The state file after validation. */
export type ImportState = z.output<typeof importStateSchema>;

/** What each field means, for error messages. */
export const importStateFieldHelp = {
  version: 'Leave this file to npm run import; delete it to start a fresh import.',
  source: 'One of zendesk, intercom, helpscout, folder.',
  articles: 'Written by npm run import: source id → { slug, category }.',
  categories: 'Written by npm run import: source id → { slug }.',
  files: 'Written by npm run import: file → { sha256, from }.',
  redirects: 'Written by npm run import: old path → new address.',
} satisfies Record<keyof typeof importStateSchema.shape, string>;
