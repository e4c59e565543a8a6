import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { siteSchema } from '../../src/schemas/site.ts';
import { isKnownLanguage, nativeLanguageName, textDirection } from '../../src/shared/language-tags.ts';
import { isSiteWordKey, SITE_WORD_KEYS } from '../../src/schemas/translations.ts';
import { translateSiteWords } from '../../src/shared/translations.ts';

const base = { name: 'Help', tagline: 'Answers.', url: 'https://help.example.com', timeZone: 'Europe/London', repository: { url: 'https://github.com/acme/help' } };
const issues = (data: object) => siteSchema.safeParse({ ...base, ...data }).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('site languages', () => {
  test('a site without languages is English, at the root', () => {
    const site = siteSchema.parse(base);
    assert.deepEqual(site.languages, [{ code: 'en', locale: 'en', name: 'English', dir: 'ltr' }]);
    assert.equal(site.locale, 'en');
    assert.equal(site.prefixDefaultLanguage, false);
  });

  test('the one-language locale setting keeps working, and now sets the direction too', () => {
    assert.deepEqual(siteSchema.parse({ ...base, locale: 'en-GB' }).languages, [{ code: 'en', locale: 'en-GB', name: 'English', dir: 'ltr' }]);
    const arabic = siteSchema.parse({ ...base, locale: 'ar' });
    assert.deepEqual(arabic.languages, [{ code: 'ar', locale: 'ar', name: 'العربية', dir: 'rtl' }]);
  });

  test('languages: the first is the default; locale, name and dir default from the code', () => {
    const site = siteSchema.parse({ ...base, languages: [{ code: 'en', locale: 'en-GB' }, { code: 'cy' }, { code: 'ar' }, { code: 'pt-br', name: 'Português' }, { code: 'fa', dir: 'ltr' }] });
    assert.equal(site.locale, 'en-GB', 'site.locale is the default language, for one-language code');
    assert.deepEqual(site.languages, [
      { code: 'en', locale: 'en-GB', name: 'English', dir: 'ltr' },
      { code: 'cy', locale: 'cy', name: 'Cymraeg', dir: 'ltr' },
      { code: 'ar', locale: 'ar', name: 'العربية', dir: 'rtl' },
      { code: 'pt-br', locale: 'pt-BR', name: 'Português', dir: 'ltr' },
      { code: 'fa', locale: 'fa', name: 'فارسی', dir: 'ltr' },
    ]);
  });

  test('the default language may get its own prefix', () => {
    assert.equal(siteSchema.parse({ ...base, languages: [{ code: 'en' }], prefixDefaultLanguage: true }).prefixDefaultLanguage, true);
  });

  test('rejects both settings at once, misspelt, non-canonical and repeated codes, and a locale of another language', () => {
    assert.deepEqual(issues({ locale: 'en-GB', languages: [{ code: 'en' }] }), [['locale', 'either locale (a one-language site) or languages, not both']]);
    assert.deepEqual(issues({ languages: [{ code: 'cyy' }] }), [['languages.0.code', 'a lower-case language code like "en", "cy", "ar" or "pt-br" (this one is not a language code)']]);
    assert.deepEqual(issues({ languages: [{ code: 'CY' }] }), [['languages.0.code', 'a lower-case language code like "en", "cy", "ar" or "pt-br"']]);
    assert.deepEqual(issues({ languages: [{ code: 'cym' }] }), [['languages.0.code', 'the short form of the code, "cy", which browsers and search engines use']]);
    assert.deepEqual(issues({ languages: [{ code: 'en' }, { code: 'en' }] }), [['languages.1.code', 'a language listed only once']]);
    assert.deepEqual(issues({ languages: [{ code: 'en', locale: 'fr-FR' }] }), [['languages.0.locale', 'a language tag for English: "en", or "en-" and a country code in capitals']]);
    assert.deepEqual(issues({ languages: [] }), [['languages', 'at least one language']]);
  });
});

describe('language tags', () => {
  test('knows a language from a well-formed tag that names none', () => {
    assert.equal(isKnownLanguage('cy'), true);
    assert.equal(isKnownLanguage('pt-br'), true);
    assert.equal(isKnownLanguage('cyy'), false);
    assert.equal(isKnownLanguage('english'), false);
    assert.equal(isKnownLanguage('not a tag'), false);
  });

  test('reads direction from the language and its script', () => {
    for (const rtl of ['ar', 'he', 'fa', 'ur', 'ps', 'ckb', 'yi', 'pa-Arab', 'ar-EG']) assert.equal(textDirection(rtl), 'rtl', rtl);
    for (const ltr of ['en', 'cy', 'pa', 'az-Latn', 'zh-Hant', 'tr']) assert.equal(textDirection(ltr), 'ltr', ltr);
  });

  test('without Intl text info (older browsers), direction comes from the list of right-to-left languages', () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const saved = ['getTextInfo', 'textInfo'].map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)] as const);
    try {
      for (const [name] of saved) delete proto[name];
      assert.equal('getTextInfo' in new Intl.Locale('ar') || 'textInfo' in new Intl.Locale('ar'), false, 'the engine’s text info is hidden');
      for (const rtl of ['ar', 'he', 'fa', 'ur', 'pa-Arab', 'ar-EG']) assert.equal(textDirection(rtl), 'rtl', rtl);
      for (const ltr of ['en', 'cy', 'pa', 'az-Latn']) assert.equal(textDirection(ltr), 'ltr', ltr);
    } finally {
      for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(proto, name, descriptor);
    }
    assert.equal(typeof (new Intl.Locale('ar') as unknown as { getTextInfo?: unknown }).getTextInfo, 'function');
  });

  test('names a language in its own words, capitalised its own way', () => {
    assert.equal(nativeLanguageName('es'), 'Español');
    assert.equal(nativeLanguageName('cy'), 'Cymraeg');
    assert.equal(nativeLanguageName('de'), 'Deutsch');
  });
});

describe('the site’s words per language', () => {
  const site = { name: 'Larkspur Bikes Help', tagline: 'Answers about your bike.', shortName: 'Larkspur' };

  test('translations/<lang>.yaml’s site.name, site.tagline and site.shortName replace site.yaml’s', () => {
    const words = translateSiteWords(site, { 'site.name': 'Cymorth Beiciau Larkspur', 'site.tagline': 'Atebion am eich beic.', 'site.shortName': 'Larkspur', 'header.contact': 'Siarad â ni' });
    assert.deepEqual(words, { name: 'Cymorth Beiciau Larkspur', tagline: 'Atebion am eich beic.', shortName: 'Larkspur' });
  });

  test('a language without them keeps site.yaml’s; a translated name without a short name gets none, so the app’s is made from the translated name', () => {
    assert.deepEqual(translateSiteWords(site, undefined), site);
    assert.deepEqual(translateSiteWords(site, { 'header.contact': 'Siarad â ni' }), site);
    assert.deepEqual(translateSiteWords(site, { 'site.tagline': 'Atebion.' }), { ...site, tagline: 'Atebion.' });
    const named = translateSiteWords(site, { 'site.name': 'مساعدة دراجات لاركسبور' });
    assert.equal(named.shortName, undefined);
    assert.equal(named.name, 'مساعدة دراجات لاركسبور');
  });

  test('the keys are exactly the site.yaml fields they translate', () => {
    assert.deepEqual(SITE_WORD_KEYS, { 'site.name': 'name', 'site.tagline': 'tagline', 'site.shortName': 'shortName' });
    assert.ok(isSiteWordKey('site.name') && !isSiteWordKey('header.contact') && !isSiteWordKey('toString'));
  });
});
