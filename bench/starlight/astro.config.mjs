// @ts-check
/**
 * A minimal Starlight site for the benchmark's comparison: the generated
 * corpus with Starlight's defaults (its sidebar, its Pagefind search).
 * bench/bench.ts copies content.config.ts and the generated pages into a
 * scratch project and builds it with this file as its config.
 */
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://bench.example',
  integrations: [starlight({ title: 'Larkspur Bikes Help' })],
});
