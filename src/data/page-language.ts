import type { Language } from '../schemas/site.ts';
import type { AnnouncementData } from '../schemas/announcements.ts';
import type { ContactData } from '../schemas/contact.ts';
import type { SiteData } from '../schemas/site.ts';
import { countByCategory, sortArticles, type ArticleSummary, type CategorySummary } from '../shared/help-center.ts';
import type { Translator } from '../shared/i18n.ts';
import { defaultLanguage, findLanguage, languagePrefix, localizedPath, type LanguageSettings } from '../shared/locale-routes.ts';
import { withBase } from '../shared/routes.ts';
import { PART_VARIABLE, partLanguages, rendersSharedPages } from '../shared/build-parts.ts';
import { createTranslator, type StringKey } from '../shared/strings.ts';
import { translateSiteWords, type TranslatedArticle } from '../shared/translations.ts';
import { loadHelpCenter, type HelpCenter } from './help-center.ts';
import { loadLanguages, type LanguageEdition } from './translations.ts';

/**
 * The language a page is rendered in, for pages and the components inside
 * them. Every page route starts with an optional `[...lang]` segment: empty
 * for the default language (unless `prefixDefaultLanguage`), the language
 * code for the others. A page calls `usePageLanguage(Astro)` once; it keeps
 * the result in `Astro.locals`, where components read it with `pageText`,
 * so a component needs no extra props to speak the page's language.
 */

/** An article as a language lists it: its translation, or the original marked with its own language. */
export type LocalizedArticle = ArticleSummary & {
  /** The language code the title and text are in. */
  lang: string;
  /** The translation, when this language has one. */
  translation?: TranslatedArticle;
};

/** The help center as pages of one language show it. */
export interface LocalizedCenter {
  site: SiteData;
  categories: CategorySummary[];
  /** Every published article: translated where a translation exists, else the original. */
  articles: LocalizedArticle[];
  bySlug: Map<string, LocalizedArticle>;
  byCategory: Map<string, LocalizedArticle[]>;
  counts: Map<string, number>;
  contact: ContactData;
  notices: AnnouncementData[];
  synonymGroups: string[][];
  references: Map<string, string>;
  /** The default-language help center, for originals and redirects. */
  original: HelpCenter;
}

/** What a page and its components know about the language they render. */
export interface PageLanguage {
  settings: LanguageSettings;
  /** The language of the page's interface. */
  language: Language;
  defaultLanguage: Language;
  isDefault: boolean;
  /** Interface strings of the page's language. */
  translator: Translator<StringKey>;
  /** One interface string, filled. */
  t: Translator<StringKey>['t'];
  /** The address of a page (root-relative, like `routes.*`) in this language, with the base path. */
  link(path: string): string;
  /** The address of a page in another language, with the base path. */
  linkIn(code: string, path: string): string;
  /** A language's name as this page's reader calls it ("Saesneg" for English on a Welsh page). */
  languageName(code: string): string;
  /** `lang` and `dir` attributes for text in another language than the page's (spread them on its element); none for the page's own. */
  foreign(code: string | undefined): { lang?: string; dir?: 'ltr' | 'rtl' };
}

const english = createTranslator('en');

/** The part of the site this build renders (HANDRAIL_PART, set by `scripts/build.ts --part`), or undefined for the whole site. */
export function buildPart(): string | undefined {
  return process.env[PART_VARIABLE] || undefined;
}

/**
 * `getStaticPaths` entries for the `[...lang]` segment: one per language
 * this build renders, every declared language unless the build is one
 * part of the site (src/shared/build-parts.ts). Every route with a
 * language segment lists its pages from here, so a part renders its own
 * language's pages and no other's.
 */
export async function languageParams(): Promise<{ lang: string | undefined; code: string }[]> {
  const { site } = await loadHelpCenter();
  const settings = settingsOf(site);
  return partLanguages(settings, buildPart()).map((language) => ({ lang: languagePrefix(settings, language.code).slice(1) || undefined, code: language.code }));
}

/**
 * Whether this build renders the pages the site has once (the root 404 and
 * offline pages, sitemap, robots.txt, icons, old addresses, the root's
 * redirect to the default language): a whole build, or the default
 * language's part. The integration adds those routes only then.
 */
export async function rendersSitePages(): Promise<boolean> {
  const { site } = await loadHelpCenter();
  return rendersSharedPages(settingsOf(site), buildPart());
}

function settingsOf(site: SiteData): LanguageSettings {
  return { languages: site.languages, prefixDefaultLanguage: site.prefixDefaultLanguage };
}

const names = new Map<string, Intl.DisplayNames>();

function describe(settings: LanguageSettings, language: Language, translator: Translator<StringKey>): PageLanguage {
  const base = import.meta.env.BASE_URL;
  const fallback = defaultLanguage(settings);
  if (!names.has(language.locale)) names.set(language.locale, new Intl.DisplayNames([language.locale, 'en'], { type: 'language' }));
  const display = names.get(language.locale)!;
  return {
    settings,
    language,
    defaultLanguage: fallback,
    isDefault: language.code === fallback.code,
    translator,
    t: (key, values) => translator.t(key, values),
    link: (path) => withBase(base, localizedPath(settings, language.code, path)),
    linkIn: (code, path) => withBase(base, localizedPath(settings, code, path)),
    languageName: (code) => {
      const declared = findLanguage(settings, code);
      // The page's own language goes by its own name; others as the reader says them.
      if (declared && code === language.code) return declared.name;
      return display.of(code) ?? declared?.name ?? code;
    },
    foreign: (code) => {
      if (code === undefined || code === language.code) return {};
      const other = findLanguage(settings, code);
      return { lang: other?.locale ?? code, dir: other?.dir ?? 'ltr' };
    },
  };
}

type AstroLike = { params: Record<string, string | undefined>; locals: App.Locals };

/**
 * The language of the page being rendered, from its `lang` route segment,
 * remembered for the components of this page. An unknown segment is a
 * programming error: routes only ever come from `languageParams`.
 */
export async function usePageLanguage(astro: AstroLike, code?: string): Promise<{ page: PageLanguage; center: LocalizedCenter; edition: LanguageEdition }> {
  const languages = await loadLanguages();
  const { settings } = languages;
  const wanted = code ?? (astro.params.lang ? astro.params.lang : defaultLanguage(settings).code);
  const edition = languages.editions.get(wanted);
  if (!edition) throw new Error(`No language "${wanted}" is declared in content/site.yaml.`);
  const page = describe(settings, edition.language, edition.t);
  astro.locals.handrailPage = page;
  return { page, center: await localizedCenter(edition, page), edition };
}

/**
 * The page language for a component: what the page set, or the default
 * language (English strings) for a page that has not set one.
 */
export function pageText(astro: { locals: App.Locals }): PageLanguage {
  if (astro.locals.handrailPage) return astro.locals.handrailPage;
  const fallback: Language = { code: 'en', locale: 'en', name: 'English', dir: 'ltr' };
  return describe({ languages: [fallback], prefixDefaultLanguage: false }, fallback, english);
}

const centers = new Map<string, Promise<LocalizedCenter>>();

async function localizedCenter(edition: LanguageEdition, page: PageLanguage): Promise<LocalizedCenter> {
  const make = async (): Promise<LocalizedCenter> => {
    const center = await loadHelpCenter();
    const { language } = edition;
    const defaultCode = page.defaultLanguage.code;
    const articles: LocalizedArticle[] = center.articles.map((article) => {
      const translation = edition.articles.get(article.slug);
      return translation ? { ...translation, translation } : { ...article, lang: defaultCode };
    });
    const bySlug = new Map(articles.map((a) => [a.slug, a]));
    const byCategory = new Map<string, LocalizedArticle[]>();
    for (const [slug, list] of center.byCategory) byCategory.set(slug, sortArticles(list.map((a) => bySlug.get(a.slug)!), language.locale));
    const categories = edition.categories;
    return {
      // The name, tagline and short name in this language where translations/<lang>.yaml gives them.
      site: { ...translateSiteWords(center.site, edition.siteStrings), locale: language.locale },
      categories,
      articles: categories.flatMap((c) => byCategory.get(c.slug) ?? []),
      bySlug,
      byCategory,
      counts: countByCategory(articles),
      contact: edition.contact,
      notices: edition.notices,
      synonymGroups: edition.synonymGroups,
      references: center.references,
      original: center,
    };
  };
  if (import.meta.env.DEV) return make();
  const key = edition.language.code;
  if (!centers.has(key)) centers.set(key, make());
  return centers.get(key)!;
}
