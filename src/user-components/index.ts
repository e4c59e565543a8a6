import Callout from './Callout.astro';
import Image from './Image.astro';
import Steps from './Steps.astro';
import type { WriterComponentName } from '../shared/writer-components.ts';

/**
 * The components writers use in MDX without importing them; the names match
 * `src/shared/writer-components.ts`, which the content check validates against.
 */
export const writerComponentMap: Record<WriterComponentName, unknown> = { Callout, Image, Steps };
