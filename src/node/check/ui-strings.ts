import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isPluralForms, placeholdersOf, pluralCategoriesOf, type Catalog, type StringEntry } from '../../shared/i18n.ts';
import { englishLanguageName } from '../../shared/language-tags.ts';
import type { Problem } from '../../shared/problems.ts';
import { lookupChain, shippedCatalogs, SOURCE_LANGUAGE } from '../../shared/strings.ts';
import { suggestClosest } from '../../shared/suggest.ts';
import { siteFields } from '../../schemas/site.ts';
import { isSiteWordKey, SITE_WORD_KEYS, type SiteWordKey } from '../../schemas/translations.ts';
import { listFiles, relative } from './files.ts';
import { checkFileLanguage, type LanguageContext } from './language-files.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

const english = shippedCatalogs[SOURCE_LANGUAGE]!;
const EN_JSON = 'src/translations/en.json';
/** How many missing keys a warning names before it says "and N more". */
const NAMED_KEYS = 8;

/**
 * The site's own interface strings (content/translations/<lang>.yaml):
 * each key must be one of en.json's, plain text where English is plain,
 * the language's plural forms where English counts, and the same
 * {placeholders}; `site.name`, `site.tagline` and `site.shortName` translate
 * site.yaml's words, within that field's limits. Then, for each declared language, the strings it lacks
 * in both Handrail and the site are listed: they show in English.
 * Returns the valid strings by language code.
 */
export async function checkUiStrings(ctx: LanguageContext): Promise<Record<string, Catalog>> {
  const { paths, problems } = ctx;
  const overrides: Record<string, Catalog> = {};
  const dir = path.join(paths.contentDir, 'translations');
  for (const absolute of await listFiles(dir)) {
    const file = relative(paths, absolute);
    const ext = path.extname(absolute);
    const lang = path.basename(absolute, ext);
    if (ext !== '.yaml' && ext !== '.yml') {
      problems.push({ file, message: 'is not an interface strings file', allowed: 'one <language code>.yaml file per language, like cy.yaml', fix: `Rename it to ${lang}.yaml, or move it out of content/translations/.`, severity: 'error' });
      continue;
    }
    const isDeclared = checkFileLanguage(ctx, { file, lang, renameTo: (code) => `${path.dirname(file)}/${code}${ext}` });
    const source = parseYamlSource(await readFile(absolute, 'utf8'), file);
    problems.push(...source.problems);
    if (source.problems.length) continue;
    const data = source.data ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) {
      problems.push({ file, line: 1, message: 'should be a list of "key: text" lines', received: data, fix: `Write one line per string, e.g. header.contact: "Siarad â ni", with keys from ${EN_JSON}.`, severity: 'error' });
      continue;
    }
    const strings: Record<string, StringEntry> = {};
    for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
      const isValid = isSiteWordKey(key) ? checkSiteWord(ctx, file, lang, key, entry, source) : checkEntry(file, lang, key, entry, source, problems);
      if (isValid) strings[key] = entry as StringEntry;
    }
    if (isDeclared) overrides[lang] = strings;
  }
  if (ctx.site) {
    for (const language of ctx.site.languages) reportMissing(ctx, language.code, language.locale, overrides);
  }
  return overrides;
}

/**
 * A translation of one of site.yaml's own words (`site.name`, …): held to
 * the limits of the field it translates, and only in a language other than
 * the default, whose words are site.yaml's. True when it can be used.
 */
function checkSiteWord(ctx: LanguageContext, file: string, lang: string, key: SiteWordKey, entry: unknown, source: YamlSource): boolean {
  const field = SITE_WORD_KEYS[key];
  const where = { file, line: source.lineOf([key]), field: key };
  const settings = relative(ctx.paths, path.join(ctx.paths.contentDir, 'site.yaml'));
  const defaultLanguage = ctx.site?.languages[0];
  if (defaultLanguage && lang === defaultLanguage.code) {
    ctx.problems.push({
      ...where,
      message: `translates the site's ${field}, but ${englishLanguageName(defaultLanguage.code)} is the default language, whose ${field} is in ${settings}`,
      received: entry,
      fix: `Change ${field} in ${settings}, and remove this line.`,
      severity: 'error',
    });
    return false;
  }
  const parsed = siteFields.shape[field].safeParse(entry);
  if (parsed.success) return true;
  const allowed = typeof entry === 'string' ? (parsed.error.issues[0]?.message ?? 'one line of text') : 'one line of text';
  ctx.problems.push({
    ...where,
    message: `should be the site's ${field} in ${englishLanguageName(lang)}`,
    received: entry,
    allowed,
    fix: `Write ${key}: "…", the ${field} of site.yaml in ${englishLanguageName(lang)}${field === 'name' ? ' (the header, page titles and the installed app show it)' : ''}.`,
    severity: 'error',
  });
  return false;
}

/** One key of a site's strings file; true when it can be used. */
function checkEntry(file: string, lang: string, key: string, entry: unknown, source: YamlSource, problems: Problem[]): boolean {
  const where = { file, line: source.lineOf([key]), field: key };
  const original = english[key];
  if (original === undefined) {
    const guess = suggestClosest(key, [...Object.keys(english), ...Object.keys(SITE_WORD_KEYS)]);
    problems.push({ ...where, message: 'is not a key of the interface strings', received: entry, fix: guess && isSiteWordKey(guess) ? `Did you mean "${guess}"? It translates ${SITE_WORD_KEYS[guess]} in site.yaml.` : guess ? `Did you mean "${guess}"? Keys are those of ${EN_JSON}.` : `Use a key from ${EN_JSON}, or remove the line.`, severity: 'error' });
    return false;
  }
  const forms = pluralCategoriesOf(lang);
  if (typeof original === 'string') {
    if (typeof entry !== 'string' || entry.trim() === '') {
      problems.push({ ...where, message: 'should be text', received: entry, allowed: 'one line of text, in quotes if it contains ":" or "#"', fix: `Write the text, e.g. ${key}: "${original}", translated.`, severity: 'error' });
      return false;
    }
  } else {
    const given = isPluralForms(entry) ? Object.keys(entry) : [];
    const lacking = forms.filter((form) => !given.includes(form));
    const extra = given.filter((form) => !(forms as string[]).includes(form));
    if (!isPluralForms(entry) || lacking.length || extra.length || Object.values(entry).some((text) => typeof text !== 'string')) {
      const name = englishLanguageName(lang);
      problems.push({
        ...where,
        message: isPluralForms(entry)
          ? `needs the plural forms ${name} uses${lacking.length ? `; it lacks ${lacking.join(', ')}` : ''}${extra.length ? `; ${name} has no ${extra.join(', ')} form` : ''}`
          : 'depends on a number, so it needs a form for each plural category',
        received: entry,
        allowed: `the forms ${forms.join(', ')}`,
        fix: `Write ${key}: { ${forms.map((form) => `${form}: "…"`).join(', ')} }, each with {count} where the number goes.`,
        severity: 'error',
      });
      return false;
    }
  }
  const expected = placeholdersOf(original);
  const used = placeholdersOf(entry as StringEntry);
  const unknown = used.filter((name) => !expected.includes(name));
  if (unknown.length) {
    const guess = suggestClosest(unknown[0]!, expected);
    problems.push({
      ...where,
      message: `uses ${unknown.map((name) => `{${name}}`).join(', ')}, which this string does not fill in`,
      received: entry,
      allowed: expected.length ? expected.map((name) => `{${name}}`).join(', ') : 'no placeholders',
      fix: guess ? `Did you mean {${guess}}?` : 'Remove the placeholder, or write the words instead.',
      severity: 'error',
    });
    return false;
  }
  const left = expected.filter((name) => !used.includes(name));
  if (left.length) {
    problems.push({
      ...where,
      message: `leaves out ${left.map((name) => `{${name}}`).join(', ')}, so readers will not see that part`,
      received: entry,
      fix: `Add ${left.map((name) => `{${name}}`).join(', ')} where it belongs in the sentence.`,
      severity: 'warning',
    });
  }
  return true;
}

/** Warns, naming the keys, when a declared language has no text for some strings in Handrail or the site. */
function reportMissing(ctx: LanguageContext, code: string, locale: string, overrides: Record<string, Catalog>): void {
  const chain = lookupChain(code).filter((lang) => lang !== SOURCE_LANGUAGE || code.split('-')[0] === SOURCE_LANGUAGE);
  const has = (key: string) => chain.some((lang) => overrides[lang]?.[key] !== undefined || shippedCatalogs[lang]?.[key] !== undefined);
  const missing = Object.keys(english).filter((key) => !has(key));
  if (!missing.length) return;
  const file = relative(ctx.paths, path.join(ctx.paths.contentDir, 'translations', `${code}.yaml`));
  const named = missing.slice(0, NAMED_KEYS).join(', ') + (missing.length > NAMED_KEYS ? ` and ${missing.length - NAMED_KEYS} more` : '');
  ctx.problems.push({
    file,
    message: `lacks ${missing.length} interface ${missing.length === 1 ? 'string' : 'strings'} in ${englishLanguageName(locale)}, shown in English until translated: ${named}`,
    fix: `Add them to ${file}, translating the English in ${EN_JSON}${missing.some((key) => isPluralForms(english[key])) ? ` (strings that count need the forms ${pluralCategoriesOf(locale).join(', ')})` : ''}.`,
    severity: 'warning',
  });
}
