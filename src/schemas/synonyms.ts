import { z } from 'astro/zod';

/** `content/synonyms.yaml`: groups of words customers use for the same thing. */
export const synonymsSchema = z.strictObject({
  /** Each group is two or more words or short phrases that mean the same here. */
  groups: z
    .array(
      z
        .array(z.string().trim().toLowerCase().min(1, 'a word or short phrase'))
        .min(2, 'a group of at least two words, like [refund, money back]'),
    )
    .default([]),
});

/** Synonym groups after validation (lower-case). */
export type SynonymsData = z.output<typeof synonymsSchema>;

/** How to fix each field, for error messages. */
export const synonymsFieldHelp = {
  groups: 'Write one group per line, e.g. - [refund, money back, reimbursement].',
} satisfies Record<keyof typeof synonymsSchema.shape, string>;
