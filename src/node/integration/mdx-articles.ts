import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { AstroIntegration, ContentEntryType, HookParameters } from 'astro';
import { createMdxArticleRenderer } from '../markdown/mdx-articles.ts';

/** Astro gives integrations this hook, but leaves it out of its public types. */
type WithContentEntryType = HookParameters<'astro:config:setup'> & { addContentEntryType(type: ContentEntryType): void };

/** Front matter and body, as Astro reads a `.md` file; a YAML error names the file and line. */
function readEntry(contents: string, file: string) {
  try {
    return parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    const yaml = error as Error & { mark?: { line: number; column: number }; reason?: string; id?: string; loc?: object };
    if (yaml.name === 'YAMLException' && yaml.mark) {
      yaml.id = file;
      yaml.loc = { file, line: yaml.mark.line + 1, column: yaml.mark.column };
      if (yaml.reason) yaml.message = yaml.reason;
    }
    throw yaml;
  }
}

/**
 * `.mdx` articles without @astrojs/mdx: Astro's content layer reads them
 * like `.md` and renders each to HTML with the site's Markdown processor
 * reading MDX syntax (src/node/markdown/mdx-articles.ts). No module is
 * compiled per article: the rendered HTML is stored with the entry and
 * kept while the file is unchanged, so `astro build` and a rebuild skip
 * Vite for articles, and `astro dev` updates an article on save as it
 * does a `.md` one.
 */
export function mdxArticles(): AstroIntegration {
  return {
    name: 'handrail:mdx-articles',
    hooks: {
      'astro:config:setup': (params) => {
        (params as WithContentEntryType).addContentEntryType({
          extensions: ['.mdx'],
          getEntryInfo({ contents, fileUrl }) {
            const parsed = readEntry(contents, fileURLToPath(fileUrl));
            return { data: parsed.frontmatter, body: parsed.content.trim(), slug: parsed.frontmatter.slug, rawData: parsed.rawFrontmatter };
          },
          // Articles bring no styles or scripts of their own.
          handlePropagation: false,
          async getRenderFunction(config) {
            const renderer = await createMdxArticleRenderer(config.markdown, {
              image: config.image,
              syntaxHighlight: config.markdown.syntaxHighlight,
              shikiConfig: config.markdown.shikiConfig,
              gfm: config.markdown.gfm,
              smartypants: config.markdown.smartypants,
            });
            return async (entry) => {
              const result = await renderer.render(entry.body ?? '', { frontmatter: entry.data, fileURL: entry.filePath ? pathToFileURL(entry.filePath) : undefined });
              return { html: result.code, metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) } };
            };
          },
        });
      },
    },
  };
}
