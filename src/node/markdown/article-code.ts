import type { Nodes, Root } from 'mdast';
import type {} from 'mdast-util-mdx';
import { definitions } from 'mdast-util-definitions';
import { visit } from 'unist-util-visit';
import { writerComponents, isWriterComponent } from '../../shared/writer-components.ts';
import { isCommentOnly } from './mdx-to-html.ts';

/**
 * What makes an article more than data: anything in an MDX file that the
 * build would run as JavaScript, and any picture path the build would
 * import as a module. The content check reports these with file and line;
 * the render pipeline refuses them (remark-article-guard.ts), so nothing
 * runs even when the check is skipped.
 */
export interface CodeFinding {
  line?: number;
  column?: number;
  field?: string;
  message: string;
  received?: string;
  allowed?: string;
  fix: string;
}

const NO_CODE_FIX = 'Components need no import; write the text itself.';

function at(node: Nodes, lineOffset: number): Pick<CodeFinding, 'line' | 'column'> {
  return { line: node.position ? node.position.start.line + lineOffset : undefined, column: node.position?.start.column };
}

function firstLine(value: string): string {
  return value.split('\n', 1)[0]!.trim();
}

/**
 * Imports, exports, `{expressions}` (in text and in attributes), spread
 * attributes, fragments and namespaced or member names, and attributes a
 * writer component does not have. Comment-only expressions are allowed:
 * they compile to nothing.
 */
export function findMdxCode(tree: Root, lineOffset = 0): CodeFinding[] {
  const findings: CodeFinding[] = [];
  visit(tree, (node: Nodes) => {
    switch (node.type) {
      case 'mdxjsEsm': {
        const isImport = /^\s*import\b/.test(node.value);
        findings.push({
          ...at(node, lineOffset),
          message: isImport ? 'has an import statement: articles cannot load code or files' : 'has an export statement: articles cannot define code',
          received: firstLine(node.value),
          allowed: 'Markdown and the components Callout, Steps and Image, which need no import',
          fix: `Remove the line. ${NO_CODE_FIX}`,
        });
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (isCommentOnly(node)) return;
        findings.push({
          ...at(node, lineOffset),
          message: 'has a JavaScript expression in { }, which articles cannot run',
          received: `{${firstLine(node.value)}}`,
          allowed: 'plain text; write a literal brace as \\{',
          fix: `${NO_CODE_FIX} To show a "{", write \\{.`,
        });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const where = at(node, lineOffset);
        if (!node.name || /[.:]/.test(node.name)) {
          findings.push({
            ...where,
            message: node.name ? `<${node.name}> is not an element articles can use` : 'has an empty tag <>, which articles cannot use',
            received: node.name ? `<${node.name}>` : '<>',
            allowed: 'Markdown, and the components Callout, Steps and Image',
            fix: 'Remove the tag and keep the text inside it.',
          });
          return;
        }
        const shown = `<${node.name}>`;
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxExpressionAttribute') {
            findings.push({
              ...where,
              message: `${shown} has a spread attribute {…}, which runs JavaScript`,
              received: `{${firstLine(attribute.value)}}`,
              allowed: 'attributes with a value in quotes, like title="Before you start"',
              fix: 'Write each attribute with its value in quotes.',
            });
          } else if (attribute.value !== null && typeof attribute.value === 'object') {
            findings.push({
              ...where,
              field: attribute.name,
              message: `the attribute "${attribute.name}" on ${shown} is a JavaScript expression`,
              received: `${attribute.name}={${firstLine(attribute.value.value)}}`,
              allowed: 'a value in quotes',
              fix: `Write the value in quotes, like ${attribute.name}="…".`,
            });
          } else if (isWriterComponent(node.name) && !Object.hasOwn(writerComponents[node.name].attributes, attribute.name)) {
            const known = Object.keys(writerComponents[node.name].attributes);
            findings.push({
              ...where,
              field: attribute.name,
              message: `${shown} has no attribute "${attribute.name}"`,
              received: attribute.name,
              allowed: known.length ? known.join(', ') : 'no attributes',
              fix: known.length ? `Use ${known.join(', ')}, or remove "${attribute.name}".` : `Write ${shown} with no attributes.`,
            });
          }
        }
      }
    }
  });
  return findings;
}

/**
 * Whether a picture address would make the build import a file: Astro
 * treats every picture path that is neither a web address nor a path from
 * the site root as a module to load ("../../package.json", "x.png?raw").
 */
export function isLocalImport(url: string): boolean {
  return !URL.canParse(url) && !url.startsWith('/');
}

/** The problem with a picture given by a relative path, worded once for the guard and the check. */
export function relativePicture(url: string): Omit<CodeFinding, 'line' | 'column'> {
  return {
    message: 'shows a picture by a relative path, which the build would load as a file from the project',
    received: url,
    allowed: 'a picture in public/images/, written as /images/<file>',
    fix: 'Put the picture in public/images/ and write its path from there, like /images/account-menu.svg.',
  };
}

/** Pictures the build would import as modules: Markdown images, reference images and <Image src>. */
export function findLocalImports(tree: Root, lineOffset = 0): CodeFinding[] {
  const findings: CodeFinding[] = [];
  const definition = definitions(tree);
  const report = (node: Nodes, url: string) => findings.push({ ...at(node, lineOffset), ...relativePicture(url) });
  visit(tree, (node: Nodes) => {
    if (node.type === 'image' && isLocalImport(node.url)) report(node, node.url);
    if (node.type === 'imageReference') {
      const url = definition(node.identifier)?.url;
      if (url !== undefined && isLocalImport(url)) report(node, url);
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Image') {
      const src = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'src');
      if (src && typeof src.value === 'string' && isLocalImport(src.value)) report(node, src.value);
    }
  });
  return findings;
}
