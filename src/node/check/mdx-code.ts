import type { Root } from 'mdast';
import type { Problem } from '../../shared/problems.ts';
import { findMdxCode } from '../markdown/article-code.ts';

/**
 * Code in an .mdx article: imports, exports, {expressions} and spread or
 * expression attributes, each an error with its line. The render pipeline
 * refuses the same things (remark-article-guard.ts); this tells the writer
 * first, all at once.
 */
export function checkMdxCode(file: string, tree: Root, format: 'md' | 'mdx', lineOffset: number): Problem[] {
  if (format !== 'mdx') return [];
  return findMdxCode(tree, lineOffset).map((finding) => ({ file, severity: 'error', ...finding }));
}
