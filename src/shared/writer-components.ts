/**
 * The components a writer may use in .mdx articles without importing them.
 * The checker validates their use; `src/node/markdown/mdx-to-html.ts` turns
 * each into the plain HTML it stands for when the article is built.
 */
export const writerComponents = {
  Callout: {
    summary: 'A boxed note, tip or warning.',
    attributes: { type: ['note', 'tip', 'warning'], title: 'text' },
  },
  Steps: {
    summary: 'Wraps a numbered list so each step stands out.',
    attributes: {},
  },
  Image: {
    summary: 'An image with required alt text (or decorative to mark it as decoration).',
    attributes: { src: 'path', alt: 'text', decorative: 'flag', caption: 'text', width: 'number', height: 'number' },
  },
} as const;

/** Names of the writer components. */
export type WriterComponentName = keyof typeof writerComponents;

/** Whether a JSX name is one of ours. */
export function isWriterComponent(name: string): name is WriterComponentName {
  return Object.hasOwn(writerComponents, name);
}
