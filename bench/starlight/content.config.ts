/**
 * Starlight's docs collection for the benchmark corpus. Handrail's extra
 * front-matter fields are declared, so both sites parse the same files.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        keywords: z.array(z.string()).optional(),
        updated: z.coerce.date().optional(),
        order: z.number().optional(),
        related: z.array(z.string()).optional(),
      }),
    }),
  }),
};
