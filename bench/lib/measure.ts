import { gzipSync } from 'node:zlib';

/** Bytes a response costs over the wire when the host compresses it (gzip, as static hosts do by default). */
export function compressedSize(body: Uint8Array, contentType: string): number {
  // Images, fonts, wasm and Pagefind's files are already compressed; hosts send them as they are.
  const isText = /text\/|javascript|json|xml|svg|manifest/.test(contentType);
  return isText ? gzipSync(body, { level: 6 }).length : body.length;
}

/** The kinds of bytes the budgets speak of. */
export type ByteKind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';

/** What a resource is, from the browser's resource type and its content type. */
export function byteKind(resourceType: string, contentType: string): ByteKind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet' || contentType.includes('css')) return 'css';
  if (resourceType === 'script' || contentType.includes('javascript')) return 'js';
  if (resourceType === 'font' || /font|woff/.test(contentType)) return 'font';
  if (resourceType === 'image' || contentType.startsWith('image/')) return 'image';
  return 'other';
}

/** One budget: what was measured against what is allowed. */
export interface BudgetResult {
  name: string;
  measured: string;
  limit: string;
  passed: boolean;
}

/** Checks a value against a maximum, formatted for the report. */
export function budget(name: string, value: number, limit: number, unit: (n: number) => string): BudgetResult {
  return { name, measured: unit(value), limit: `≤ ${unit(limit)}`, passed: value <= limit };
}

/** "12.3 KB". */
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
