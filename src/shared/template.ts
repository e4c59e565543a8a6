/**
 * Text templates for UI strings, the one place placeholders are filled — at
 * build time (src/shared/strings.ts) and in the browser (src/browser/words.ts,
 * src/shared/hours.ts) alike. Counts (plural forms, numbers) are in plural.ts.
 */

/** Values for a template's {placeholders}. */
export type TemplateValues = Record<string, string | number>;

/**
 * Fills `{name}` placeholders. A name without a value is left as written, so
 * a missing value shows up in review instead of vanishing from the sentence.
 */
export function fillTemplate(template: string, values: TemplateValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match));
}
