import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { createMdxArticleRenderer } from './mdx-articles.ts';

type Processor = AstroConfig['markdown']['processor'];

/** What rendering needs besides the processor, as Astro gives it to a content type: plain data, so a worker thread can be given it too. */
export type RenderShared = Parameters<Processor['createRenderer']>[0];

/** One article to render: its format, Markdown body, front matter (as written) and file. */
export interface RenderJob {
  format: 'md' | 'mdx';
  body: string;
  frontmatter: Record<string, unknown>;
  filePath?: string;
}

/** An article rendered, as Astro's content layer stores it with the entry. */
export interface RenderedArticle {
  html: string;
  metadata: Record<string, unknown> & { imagePaths: string[] };
}

/**
 * Renders articles with the site's processor: `.md` as Astro's own content
 * type does, `.mdx` read with MDX syntax (src/node/markdown/mdx-articles.ts).
 * The same function runs on Astro's thread and in the render threads.
 */
export async function createArticleRenderer(processor: Processor, shared: RenderShared): Promise<(job: RenderJob) => Promise<RenderedArticle>> {
  const [md, mdx] = await Promise.all([processor.createRenderer(shared), createMdxArticleRenderer({ processor }, shared)]);
  return async (job) => {
    const result = await (job.format === 'mdx' ? mdx : md).render(job.body, { frontmatter: job.frontmatter, fileURL: job.filePath ? pathToFileURL(job.filePath) : undefined });
    return { html: result.code, metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) } };
  };
}
