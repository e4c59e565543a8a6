import { visit } from 'unist-util-visit';
import type { Problem } from '../../shared/problems.ts';
import { writerComponents } from '../../shared/writer-components.ts';
import type { CheckedArticle } from './articles.ts';

/** `<Callout`, `<Image`, `<Steps` … at the start of a tag. */
const COMPONENT_TAG = new RegExp(`<(${Object.keys(writerComponents).join('|')})(?=[\\s/>])`, 'g');

/**
 * Writer components in a `.md` article. Markdown passes them through as
 * unknown HTML, which browsers drop: no box, no caption, no steps, and until
 * now no error either. Components work only in `.mdx`, so the fix is to
 * rename the file (its address stays the same).
 */
export function checkMdComponents(article: CheckedArticle, problems: Problem[]): void {
  if (article.format !== 'md' || !article.scan?.tree) return;
  const reported = new Set<string>();
  visit(article.scan.tree, 'html', (node) => {
    for (const match of node.value.matchAll(COMPONENT_TAG)) {
      const name = match[1]!;
      const before = node.value.slice(0, match.index);
      const line = node.position ? node.position.start.line + (before.match(/\n/g)?.length ?? 0) + article.bodyLineOffset : undefined;
      const key = `${name}:${line}`;
      if (reported.has(key)) continue;
      reported.add(key);
      problems.push({
        file: article.file,
        line,
        message: `uses the <${name}> component, which works only in .mdx files: in a .md file it is dropped from the page`,
        received: `<${name}>`,
        allowed: 'components in .mdx files; plain Markdown in .md files',
        fix: `Rename the file to ${article.slug}.mdx (the address stays /articles/${article.slug}/).`,
        severity: 'error',
      });
    }
  });
}
