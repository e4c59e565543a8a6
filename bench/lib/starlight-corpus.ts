/**
 * The same generated help center as a Starlight docs collection, so the
 * benchmark can build both from one corpus: each article becomes a page at
 * `/<category>/<slug>/`, Handrail's writer components become Starlight's
 * (`<Steps>` is the same idea; `<Callout>` becomes `<Aside>`), and links
 * between articles follow the pages to their new addresses.
 */

/** Starlight's aside types for Handrail's callout types. */
const ASIDE_TYPES: Record<string, string> = { note: 'note', tip: 'tip', warning: 'caution', danger: 'danger' };

/** Front-matter fields Starlight's own schema does not have; the bench's content config accepts them. */
export const EXTRA_FIELDS = ['keywords', 'updated', 'order', 'related'] as const;

/**
 * Turns Handrail content files (as `generateHelpCenter` makes them, paths
 * relative to the content folder) into files for a Starlight project's
 * `src/content/docs/`. Categories become the folders Starlight's sidebar
 * groups by; a home page and a contact page stand in for Handrail's.
 */
export function toStarlightDocs(files: Map<string, string>, siteName = 'Help'): Map<string, string> {
  const docs = new Map<string, string>();
  const categoryOf = new Map<string, string>();
  for (const file of files.keys()) {
    const match = /^articles\/([^/]+)\/([^/]+)\.mdx?$/.exec(file);
    if (match) categoryOf.set(match[2]!, match[1]!);
  }
  const relink = (text: string) =>
    text.replace(/\]\(\/articles\/([a-z0-9-]+)\/\)/g, (whole, slug: string) => {
      const category = categoryOf.get(slug);
      return category ? `](/${category}/${slug}/)` : whole;
    });
  for (const [file, text] of files) {
    const match = /^articles\/([^/]+)\/([^/]+)\.(mdx?)$/.exec(file);
    if (!match) continue;
    const [, category, slug, extension] = match;
    let body = relink(text);
    if (extension === 'mdx') {
      body = body
        .replace(/<Callout type="([a-z]+)">/g, (_, type: string) => `<Aside type="${ASIDE_TYPES[type] ?? 'note'}">`)
        .replace(/<\/Callout>/g, '</Aside>');
      // The import goes straight after the front matter.
      body = body.replace(/^(---\n[\s\S]*?\n---\n)/, `$1\nimport { Aside, Steps } from '@astrojs/starlight/components';\n\n`);
    }
    docs.set(`${category}/${slug}.${extension}`, body);
  }
  docs.set('index.md', `---\ntitle: ${JSON.stringify(siteName)}\ndescription: Answers to common questions.\n---\n\nChoose a topic from the sidebar, or search.\n`);
  docs.set('contact.md', '---\ntitle: Contact a person\ndescription: Ways to reach the team.\n---\n\nCall us on 020 7946 0321 or email help@example.com.\n');
  return docs;
}
