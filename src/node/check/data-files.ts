import path from 'node:path';
import type { z } from 'astro/zod';
import { announcementSchema, announcementsFieldHelp, announcementsSchema } from '../../schemas/announcements.ts';
import { accessibilityFieldHelp, accessibilitySchema, type AccessibilityData } from '../../schemas/accessibility.ts';
import { categoryFieldHelp, categorySchema, type CategoryData } from '../../schemas/category.ts';
import { KEBAB_CASE } from '../../schemas/common.ts';
import { channelSchema, contactFieldHelp, contactSchema, type ContactData } from '../../schemas/contact.ts';
import { languageFields, siteFieldHelp, siteFields, siteSchema, type SiteData } from '../../schemas/site.ts';
import { synonymsFieldHelp, synonymsSchema, type SynonymsData } from '../../schemas/synonyms.ts';
import { checkThemeContrast } from '../../shared/contrast.ts';
import type { Problem } from '../../shared/problems.ts';
import { readContentText } from './file-safety.ts';
import { exists, listFiles, relative, type ContentPaths } from './files.ts';
import { problemsFromZod } from './schema-problems.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

/** What a YAML data file is validated against, and how its problems are worded. */
export interface YamlFileSpec<T> {
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<z.core.$ZodIssue> } } };
  knownKeys: Record<string, string[]>;
  help: Record<string, string>;
  kind: string;
}


/** Parses and validates one YAML data file; pushes its problems and returns the data when valid. */
export function validateYaml<T>(file: string, text: string, spec: YamlFileSpec<T>, problems: Problem[], onValid?: (data: T, source: YamlSource) => void): T | undefined {
  const source = parseYamlSource(text, file);
  problems.push(...source.problems);
  if (source.problems.length) return undefined;
  const result = spec.schema.safeParse(source.data ?? {});
  if (result.success) {
    onValid?.(result.data, source);
    return result.data;
  }
  problems.push(...problemsFromZod(result.error.issues, { file, source, data: source.data, ...spec }));
  return undefined;
}


/** Reads and validates one required YAML file under the content folder; a missing file is a problem with the given fix. */
export async function checkDataFile<T>(
  paths: ContentPaths,
  name: string,
  spec: YamlFileSpec<T>,
  problems: Problem[],
  whenMissing: string,
  onValid?: (data: T, source: YamlSource) => void,
): Promise<T | undefined> {
  const absolute = path.join(paths.contentDir, name);
  const file = relative(paths, absolute);
  if (!(await exists(absolute))) {
    problems.push({ file, message: `the ${spec.kind} file is missing`, fix: whenMissing, severity: 'error' });
    return undefined;
  }
  const text = await readContentText(paths, absolute, problems);
  return text === undefined ? undefined : validateYaml(file, text, spec, problems, onValid);
}


/** Brand colours that fail WCAG AA contrast, with the measured ratio and the nearest colour that passes. */
export function checkBrandColours(file: string, site: SiteData, source: YamlSource, problems: Problem[]): void {
  for (const failure of checkThemeContrast(site.theme)) {
    const usedAs = failure.field === 'accent' ? `link and button colour on the ${failure.theme} background ${failure.against}` : `text on the ${failure.theme} accent ${failure.against}`;
    problems.push({
      file,
      line: source.lineOf(['theme', failure.theme, failure.field]),
      field: `theme.${failure.theme}.${failure.field}`,
      message:
        failure.ratio >= 4.5
          ? `would not have enough contrast as text on the suggested ${failure.theme} accent ${failure.pairedWith}`
          : `does not have enough contrast as ${usedAs}: ${failure.ratio.toFixed(2)}:1`,
      received: failure.colour,
      allowed: 'a contrast ratio of at least 4.5:1 (WCAG 2.2 AA for text)',
      fix: failure.pairedWith
        ? `With the accent "${failure.pairedWith}" suggested above, the nearest text colour that passes is "${failure.suggestion}".`
        : `The nearest colour that passes is "${failure.suggestion}".`,
      severity: 'error',
    });
  }
}


export const siteSpec: YamlFileSpec<SiteData> = {
  schema: siteSchema,
  knownKeys: {
    '': Object.keys(siteFields.shape),
    repository: Object.keys(siteFields.shape.repository.shape),
    languages: Object.keys(languageFields.shape),
  },
  help: siteFieldHelp,
  kind: 'site settings',
};


export const contactSpec: YamlFileSpec<ContactData> = {
  schema: contactSchema,
  knownKeys: { '': ['prepare', 'channels'], channels: Object.keys(channelSchema.shape) },
  help: contactFieldHelp,
  kind: 'contact settings',
};


export const synonymsSpec: YamlFileSpec<SynonymsData> = {
  schema: synonymsSchema,
  knownKeys: { '': ['groups'] },
  help: synonymsFieldHelp,
  kind: 'synonyms',
};


export const accessibilitySpec: YamlFileSpec<AccessibilityData> = {
  schema: accessibilitySchema,
  knownKeys: { '': Object.keys(accessibilitySchema.shape) },
  help: accessibilityFieldHelp,
  kind: 'accessibility record',
};


export const announcementsSpec: YamlFileSpec<z.output<typeof announcementsSchema>> = {
  schema: announcementsSchema,
  knownKeys: { '': ['notices'], notices: Object.keys(announcementSchema.shape) },
  help: announcementsFieldHelp,
  kind: 'announcements',
};


/** Every category file: a valid slug as its name, and valid YAML for the schema. */
export async function checkCategories(paths: ContentPaths, problems: Problem[]): Promise<Map<string, CategoryData>> {
  const categories = new Map<string, CategoryData>();
  for (const absolute of await listFiles(path.join(paths.contentDir, 'categories'))) {
    const file = relative(paths, absolute);
    const ext = path.extname(absolute);
    const slug = path.basename(absolute, ext);
    if (slug.includes('.')) continue; // billing.cy.yaml: a translation, checked with the languages
    if (ext !== '.yaml' && ext !== '.yml') {
      problems.push({
        file,
        message: 'is not a category file',
        allowed: 'one .yaml file per category',
        fix: `Rename it to ${slug}.yaml, or move it out of content/categories/.`,
        severity: 'error',
      });
      continue;
    }
    if (!KEBAB_CASE.test(slug)) {
      problems.push({
        file,
        message: 'the file name is not a valid category slug',
        received: slug,
        allowed: 'lower-case words joined by hyphens, like "billing-and-payments"',
        fix: 'Rename the file (and the matching folder under content/articles/).',
        severity: 'error',
      });
      continue;
    }
    const text = await readContentText(paths, absolute, problems);
    if (text === undefined) continue;
    const data = validateYaml(
      file,
      text,
      { schema: categorySchema, knownKeys: { '': Object.keys(categorySchema.shape) }, help: categoryFieldHelp, kind: 'a category' },
      problems,
    );
    if (data) categories.set(slug, data);
  }
  return categories;
}

