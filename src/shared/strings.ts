import en from '../translations/en.json' with { type: 'json' };

/** A key of the UI strings file. */
export type StringKey = keyof typeof en;

/**
 * A UI string, with {placeholders} filled in. Every visible label and ARIA
 * name comes from here so that a translation is one file.
 */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
