import type { Problem } from '../../shared/problems.ts';
import { suggestClosest } from '../../shared/suggest.ts';
import { isWriterComponent, writerComponents } from '../../shared/writer-components.ts';
import type { CheckedArticle } from './articles.ts';

/** Writer components in an article: known names, alt text on images, a known callout type. */
export function checkComponents(article: CheckedArticle, problems: Problem[]): void {
  for (const ref of article.scan?.references ?? []) {
    if (ref.kind !== 'component') continue;
    const where = { file: article.file, line: ref.line, column: ref.column };
    if (!/^[A-Z]/.test(ref.value)) continue; // lower-case names are plain HTML elements
    if (!isWriterComponent(ref.value)) {
      const guess = suggestClosest(ref.value, Object.keys(writerComponents));
      problems.push({
        ...where,
        message: `<${ref.value}> is not a Handrail component`,
        allowed: Object.keys(writerComponents).map((n) => `<${n}>`).join(', '),
        fix: guess ? `Did you mean <${guess}>?` : 'Use one of the components listed in CONTRIBUTING.md.',
        severity: 'error',
      });
      continue;
    }
    const attributes = ref.attributes ?? {};
    if (ref.value === 'Image') {
      const alt = attributes.alt;
      if (attributes.decorative === undefined && (alt === undefined || (typeof alt === 'string' && alt.trim() === ''))) {
        problems.push({
          ...where,
          field: 'alt',
          message: '<Image> has no alt text',
          received: alt === undefined ? undefined : alt,
          allowed: 'alt="what the image shows", or decorative for an image that adds nothing',
          fix: 'Describe what the image shows, e.g. <Image src="/images/card-reader.png" alt="The card reader, with the green button on the right" />.',
          severity: 'error',
        });
      }
      if (typeof attributes.src !== 'string') {
        problems.push({ ...where, field: 'src', message: '<Image> has no src', fix: 'Add src="/images/<file>" for a file in public/images/.', severity: 'error' });
      }
    }
    if (ref.value === 'Callout' && attributes.type !== undefined) {
      const allowed = writerComponents.Callout.attributes.type as readonly string[];
      if (typeof attributes.type !== 'string' || !allowed.includes(attributes.type)) {
        problems.push({
          ...where,
          field: 'type',
          message: '<Callout> has an unknown type',
          received: attributes.type,
          allowed: allowed.join(', '),
          fix: 'Write <Callout type="note">, <Callout type="tip"> or <Callout type="warning">.',
          severity: 'error',
        });
      }
    }
  }
}

