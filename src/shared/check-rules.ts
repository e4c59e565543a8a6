/**
 * Every rule the content check applies, by a stable id, and the one place
 * that says which problems a baseline may record as known.
 *
 * A baseline (`npm run check -- --baseline`) lets a help center moved in
 * from elsewhere publish while it works through problems it already had.
 * That is only safe for problems inside an article that leave the page
 * whole: accessibility, links and writing. Everything else is never
 * baselined, whatever the baseline file says:
 *
 * - **security** (issue 11, content is data): a known problem would still
 *   be code, another site or a file of the computer that builds the site;
 * - **structure**: what decides which file is which page and where an
 *   address leads. The build would stop (Astro's schemas, the render guard),
 *   or publish the wrong page, or drop content without a word;
 * - **settings**: site-wide files with a handful of values, each with its
 *   fix given; they affect every page.
 *
 * Links to pages that do not exist are baselinable: the article is whole,
 * and a reader who follows one lands on the "page not found" page, which
 * offers search and a person. An import brings hundreds of them (links to
 * pages the old site never exported); new ones still fail.
 */

/** What kind of problem a rule finds, which decides whether a baseline may hold it. */
export type RuleKind = 'security' | 'structure' | 'settings' | 'content';

/** One rule: its kind, and what it checks in a few words (for the debt report and the docs). */
export interface CheckRule {
  kind: RuleKind;
  summary: string;
}

/** Why each kind of rule may or may not be baselined, as the check says it. */
export const ruleKindReasons: Record<RuleKind, string> = {
  security: 'it could run code, load another site or read files: it is never accepted, not even as known',
  structure: 'it decides which file is which page or where an address leads: the build would stop, or publish the wrong page',
  settings: 'settings apply to every page, and each has its fix given',
  content: 'the page is whole: readers are served less well until it is fixed',
};

/** Every rule by id. The id is what a baseline file records: never rename one. */
export const checkRules = {
  // Security (issue 11): never baselined.
  'mdx-code': { kind: 'security', summary: 'code in an .mdx article (import, export, { } expressions)' },
  'unsafe-html': { kind: 'security', summary: 'HTML outside the allowlist, or a link or picture address that is not allowed' },
  'file-safety': { kind: 'security', summary: 'links to other files, devices, files over 1 MB, text not in UTF-8' },
  'yaml-feature': { kind: 'security', summary: 'YAML anchors, aliases, merge keys and tags' },
  'unsafe-setting': { kind: 'security', summary: 'a web address, email or phone number in the settings not in its one allowed form' },
  // Structure: the build would fail or publish the wrong thing.
  'yaml-syntax': { kind: 'structure', summary: 'YAML that cannot be read' },
  schema: { kind: 'structure', summary: 'a front-matter or settings field missing, misspelt or not valid' },
  'markdown-syntax': { kind: 'structure', summary: 'Markdown or MDX that cannot be read' },
  'file-place': { kind: 'structure', summary: 'a file in the wrong place or with a name that cannot be an address' },
  'duplicate-slug': { kind: 'structure', summary: 'two articles with one address' },
  'category-missing': { kind: 'structure', summary: 'an article folder without its category file' },
  component: { kind: 'structure', summary: 'a writer component the build cannot draw (unknown, or missing src or alt)' },
  'component-in-md': { kind: 'structure', summary: 'a component in a .md file, where it would be dropped' },
  redirect: { kind: 'structure', summary: 'an old address over a real page or a file, or leading nowhere, to a draft or to another redirect' },
  'address-removed': { kind: 'structure', summary: 'an address of the last release that no longer exists' },
  language: { kind: 'structure', summary: 'a translation without its original, in the wrong folder, or in an undeclared language' },
  // Settings: site-wide, few values.
  'settings-missing': { kind: 'settings', summary: 'content/site.yaml or content/contact.yaml missing' },
  'brand-contrast': { kind: 'settings', summary: 'brand colours without enough contrast' },
  'settings-reference': { kind: 'settings', summary: 'a setting naming a category that does not exist' },
  'ui-strings': { kind: 'settings', summary: 'interface strings: unknown keys, missing translations' },
  // Content: accessibility, links and writing inside an article. Baselinable.
  'heading-h1': { kind: 'content', summary: 'a level-1 heading in the body (the title is the only one)' },
  'heading-skip': { kind: 'content', summary: 'a heading level skipped' },
  'alt-text': { kind: 'content', summary: 'an image without alt text, or with alt text that describes nothing' },
  'link-text': { kind: 'content', summary: 'link text that says nothing out of context ("click here", a bare address)' },
  'table-header': { kind: 'content', summary: 'a table without a header row' },
  'colour-only': { kind: 'content', summary: 'an instruction by colour alone' },
  'broken-link': { kind: 'content', summary: 'a link to an article, category or page that does not exist' },
  'broken-anchor': { kind: 'content', summary: 'a link to a heading that does not exist' },
  'missing-file': { kind: 'content', summary: 'a link or image to a file that is not in public/' },
  'draft-link': { kind: 'content', summary: 'a published article linking to a draft' },
  'old-address': { kind: 'content', summary: 'a link to an old address that redirects' },
  related: { kind: 'content', summary: 'related naming an article that does not exist, a draft or itself' },
  'duplicate-title': { kind: 'content', summary: 'two articles with the same title' },
  'long-sentence': { kind: 'content', summary: 'a sentence over 30 words (advice)' },
  'long-paragraph': { kind: 'content', summary: 'a paragraph over 120 words (advice)' },
  'review-due': { kind: 'content', summary: 'an article past its review date (advice)' },
  'translation-outdated': { kind: 'content', summary: 'a translation older than its original (advice)' },
} as const satisfies Record<string, CheckRule>;

/** The id of a rule of the content check, e.g. "link-text". */
export type RuleId = keyof typeof checkRules;

/** Whether a rule's id is known (a baseline file is read from disk, so its keys are checked). */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(checkRules, id);
}

/** Whether a baseline may record problems of this rule as known. */
export function isBaselinable(rule: RuleId): boolean {
  return checkRules[rule].kind === 'content';
}
