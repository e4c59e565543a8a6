/** Front matter for imported files, written the way a writer would: fixed key order, defaults left out. */
import { Document, isSeq } from 'yaml';

/** Front matter of an imported article (a subset of src/schemas/article.ts, defaults left out). */
export interface ArticleFrontmatter {
  title: string;
  description: string;
  tags?: string[];
  keywords?: string[];
  updated?: string;
  featured?: boolean;
  order?: number;
  draft?: boolean;
  related?: string[];
}

const ORDER: Array<keyof ArticleFrontmatter> = ['title', 'description', 'tags', 'keywords', 'updated', 'featured', 'order', 'draft', 'related'];

/** YAML for a mapping, lists in flow style (`[a, b]`), no line folding. */
export function yamlBlock(data: Record<string, unknown>): string {
  const doc = new Document(data);
  if (doc.contents && 'items' in doc.contents) {
    for (const pair of (doc.contents as { items: Array<{ value: unknown }> }).items) {
      if (isSeq(pair.value)) pair.value.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** An article file: front matter between `---` lines, then the body. */
export function articleFile(frontmatter: ArticleFrontmatter, body: string): string {
  const data: Record<string, unknown> = {};
  for (const key of ORDER) {
    const value = frontmatter[key];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    data[key] = value;
  }
  // YAML would quote a date string; an unquoted date is how writers write it.
  const yaml = yamlBlock(data).replace(/^updated: "(\d{4}-\d{2}-\d{2})"$/m, 'updated: $1').replace(/^updated: '(\d{4}-\d{2}-\d{2})'$/m, 'updated: $1');
  return `---\n${yaml}---\n\n${body}`;
}
