import { z } from 'astro/zod';

/** The icons a category may show on the home page: a name from Handrail's own set (src/components/Icon.astro), never SVG from a file. */
export const ICON_NAMES = ['bike', 'ebike', 'box', 'truck', 'card', 'receipt', 'wrench', 'calendar', 'user', 'key', 'shield', 'chat', 'question', 'book', 'home', 'tag'] as const;
export type IconName = (typeof ICON_NAMES)[number];

/** One category (`content/categories/<slug>.yaml`): the folder of the same name holds its articles. */
export const categorySchema = z.strictObject({
  /** Name shown in navigation, breadcrumbs and the home page. */
  title: z.string().trim().min(1, 'a title of 1 to 60 characters').max(60, 'a title of at most 60 characters'),
  /** One sentence on what the category covers. */
  description: z.string().trim().min(1, 'a one-sentence description').max(200, 'a description of at most 200 characters'),
  /** Position on the home page; lower comes first. */
  order: z.number().int('a whole number like 1, 2 or 10').default(100),
  /** An icon for the topic's card on the home page, by name. */
  icon: z.enum(ICON_NAMES, `one of ${ICON_NAMES.join(', ')}`).optional(),
});

/** A category after defaults are applied. */
export type CategoryData = z.output<typeof categorySchema>;

/** What each field means and how to fix it, for error messages. */
export const categoryFieldHelp = {
  title: 'Write a short name, e.g. title: "Billing and payments".',
  description: 'Write one sentence, e.g. description: "Invoices, refunds and changing how you pay."',
  order: 'Write a whole number, e.g. order: 2.',
  icon: `Write one of Handrail's icon names, e.g. icon: card. The names: ${ICON_NAMES.join(', ')}.`,
} satisfies Record<keyof typeof categorySchema.shape, string>;
