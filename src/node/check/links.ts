import path from 'node:path';
import type { CategoryData } from '../../schemas/category.ts';
import { hasDotSegment } from '../../schemas/web-address.ts';
import type { Problem } from '../../shared/problems.ts';
import { fixedPagePaths, parseInternalLink } from '../../shared/routes.ts';
import { suggestClosest } from '../../shared/suggest.ts';
import type { CheckedArticle } from './articles.ts';
import { exists, type ContentPaths } from './files.ts';

/** Links, images and anchors in an article: each must lead to an article, category, page, heading or file that exists. */
export async function checkLinks(
  paths: ContentPaths,
  article: CheckedArticle,
  bySlug: Map<string, CheckedArticle>,
  redirects: Map<string, CheckedArticle>,
  categories: Map<string, CategoryData>,
  problems: Problem[],
): Promise<void> {
  for (const ref of article.scan?.references ?? []) {
    // Paths with "." or ".." are reported by paths.ts and never looked up.
    if (hasDotSegment(ref.kind === 'component' ? String(ref.attributes?.src ?? '') : ref.value)) continue;
    if (ref.kind === 'component') {
      const src = ref.value === 'Image' ? ref.attributes?.src : undefined;
      if (typeof src === 'string' && src.startsWith('/') && !(await exists(path.join(paths.publicDir, decodeURIComponent(src))))) {
        problems.push({
          file: article.file,
          line: ref.line,
          column: ref.column,
          field: 'src',
          message: '<Image> shows a file that does not exist in public/',
          received: src,
          fix: `Add the file as public${src}, or correct the path.`,
          rule: 'missing-file', severity: 'error',
        });
      }
      continue;
    }
    const where = { file: article.file, line: ref.line, column: ref.column };
    if (ref.value.startsWith('#')) {
      const id = decodeURIComponent(ref.value.slice(1));
      if (id && !article.scan?.headingIds.includes(id)) {
        problems.push({
          ...where,
          message: 'links to a heading that is not on this page',
          received: ref.value,
          allowed: article.scan?.headingIds.map((h) => `#${h}`).join(', ') || 'no headings on this page',
          fix: 'Link to one of the headings listed, or add the heading.',
          rule: 'broken-anchor', severity: 'error',
        });
      }
      continue;
    }
    const target = parseInternalLink(ref.value);
    if (!target) continue;
    if (target.type === 'article') {
      const linked = bySlug.get(target.slug);
      const moved = redirects.get(target.slug);
      if (!linked && moved) {
        problems.push({
          ...where,
          message: `links to an old address that now redirects to /articles/${moved.slug}/`,
          received: ref.value,
          fix: `Link to /articles/${moved.slug}/ directly.`,
          rule: 'old-address', severity: 'warning',
        });
        continue;
      }
      if (!linked) {
        const guess = suggestClosest(target.slug, bySlug.keys());
        problems.push({
          ...where,
          message: 'links to an article that does not exist',
          received: ref.value,
          fix: guess ? `Did you mean /articles/${guess}/? ` : 'Check the file name of the article you meant (the part before .md).',
          rule: 'broken-link', severity: 'error',
        });
        continue;
      }
      if (linked.data.draft && !article.data.draft) {
        problems.push({
          ...where,
          message: `links to a draft (${linked.file}), which will not be published`,
          received: ref.value,
          fix: 'Publish the linked article (remove draft: true), or remove the link until it is ready.',
          rule: 'draft-link', severity: 'error',
        });
      }
      if (target.hash && linked.scan && !linked.scan.headingIds.includes(decodeURIComponent(target.hash))) {
        problems.push({
          ...where,
          message: `links to a heading that is not in ${linked.file}`,
          received: ref.value,
          allowed: linked.scan.headingIds.map((h) => `#${h}`).join(', ') || 'no headings in that article',
          fix: 'Link to one of the headings listed, or to the article without a #part.',
          rule: 'broken-anchor', severity: 'error',
        });
      }
    } else if (target.type === 'category') {
      if (!categories.has(target.slug)) {
        problems.push({
          ...where,
          message: 'links to a category that does not exist',
          received: ref.value,
          allowed: [...categories.keys()].map((c) => `/categories/${c}/`).join(', '),
          fix: 'Use one of the categories listed.',
          rule: 'broken-link', severity: 'error',
        });
      }
    } else if (target.type === 'page') {
      if (!fixedPagePaths.includes(target.path)) {
        problems.push({
          ...where,
          message: 'links to a page that does not exist',
          received: ref.value,
          allowed: `/articles/<slug>/, /categories/<slug>/, ${fixedPagePaths.join(', ')}`,
          fix: 'Link to an article as /articles/<file name>/.',
          rule: 'broken-link', severity: 'error',
        });
      }
    } else if (!(await exists(path.join(paths.publicDir, decodeURIComponent(target.path))))) {
      problems.push({
        ...where,
        message: `${ref.kind === 'image' ? 'shows an image' : 'links to a file'} that does not exist in public/`,
        received: ref.value,
        fix: `Add the file as public${target.path}, or correct the path.`,
        rule: 'missing-file', severity: 'error',
      });
    }
  }
}

