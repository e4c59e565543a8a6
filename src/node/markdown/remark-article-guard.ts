import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import type {} from 'mdast-util-mdx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { formatProblem, type Problem } from '../../shared/problems.ts';
import { writerComponents, isWriterComponent } from '../../shared/writer-components.ts';
import { findLocalImports, findMdxCode, type CodeFinding } from './article-code.ts';
import { mdxToHtml, type MdxToHtmlOptions } from './mdx-to-html.ts';
import { findDeepNesting, MAX_NESTING } from './nesting.ts';

/** Options for {@link remarkArticleGuard}. */
export type ArticleGuardOptions = MdxToHtmlOptions & {
  /** Callout titles in each declared language, for translations (refunds.cy.mdx); `calloutTitles` for originals. */
  calloutTitlesByLanguage?: Record<string, MdxToHtmlOptions['calloutTitles']>;
};

/** Writer components used in a way that cannot be drawn: an unknown name, a missing picture or alt text, an unknown callout type. */
function findComponentMisuse(tree: Root): CodeFinding[] {
  const findings: CodeFinding[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    if (!node.name || !/^[A-Z]/.test(node.name)) return;
    const where = { line: node.position?.start.line, column: node.position?.start.column };
    if (!isWriterComponent(node.name)) {
      findings.push({ ...where, message: `<${node.name}> is not a Handrail component`, allowed: Object.keys(writerComponents).map((n) => `<${n}>`).join(', '), fix: 'Use one of the components listed in CONTRIBUTING.md.' });
      return;
    }
    const value = (name: string) => node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
    if (node.name === 'Callout') {
      const type = value('type');
      if (type !== undefined && !(writerComponents.Callout.attributes.type as readonly unknown[]).includes(type)) {
        findings.push({ ...where, field: 'type', message: '<Callout> has an unknown type', allowed: 'note, tip, warning', fix: 'Write <Callout type="note">, <Callout type="tip"> or <Callout type="warning">.' });
      }
    }
    if (node.name === 'Image') {
      if (typeof value('src') !== 'string') findings.push({ ...where, field: 'src', message: '<Image> has no src', fix: 'Add src="/images/<file>" for a file in public/images/.' });
      const alt = value('alt');
      if (value('decorative') === undefined && (typeof alt !== 'string' || !alt.trim())) {
        findings.push({ ...where, field: 'alt', message: '<Image> has no alt text', fix: 'Describe what the image shows, or add decorative for a picture that adds nothing.' });
      }
    }
  });
  return findings;
}

/**
 * The render pipeline's own refusal (first remark plugin for .md and
 * .mdx): if an article still holds code when it is built — an import,
 * export or expression, an unknown component, a picture path the build
 * would import — the build stops with the writer's message instead of
 * running it. `npm run check` reports the same things earlier; this makes
 * `astro build` safe on its own. Then MDX is turned into plain markup
 * (mdx-to-html.ts), so the compiled article is nothing but HTML.
 */
export function remarkArticleGuard(options: ArticleGuardOptions) {
  return (tree: Root, file: VFile): void => {
    const isMdx = (file.path ?? '').endsWith('.mdx');
    const name = file.path ? path.relative(process.cwd(), file.path).split(path.sep).join('/') : 'an article';
    // Before anything walks the tree: every later step recurses, and would overflow the stack with no file name.
    const deep = findDeepNesting(String(file.value ?? ''), { markdown: true });
    if (deep) {
      throw new Error(`${name} was not built: it nests ${deep.depth} levels deep (at most ${MAX_NESTING}). Run npm run check to see the problem.`);
    }
    const findings = [...(isMdx ? [...findMdxCode(tree), ...findComponentMisuse(tree)] : []), ...findLocalImports(tree)];
    if (findings.length) {
      const problems: Problem[] = findings.map((f) => ({ file: name, severity: 'error', ...f }));
      throw new Error(`${name} was not built: it holds something that would run as code.\n\n${problems.map(formatProblem).join('\n\n')}\n\nRun npm run check to see every problem.`);
    }
    if (!isMdx) return;
    const lang = /\.([a-z0-9-]+)\.mdx$/.exec(file.path ?? '')?.[1];
    const titles = (lang && options.calloutTitlesByLanguage?.[lang]) || options.calloutTitles;
    mdxToHtml(tree, { ...options, calloutTitles: titles });
  };
}
