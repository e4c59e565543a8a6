import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnnouncementData } from '../../schemas/announcements.ts';
import { displayMismatch, type ContactData } from '../../schemas/contact.ts';
import { synonymsFieldHelp, synonymsSchema, type SynonymsData } from '../../schemas/synonyms.ts';
import {
  announcementTranslationsFieldHelp,
  announcementTranslationsSchema,
  channelTranslationSchema,
  contactTranslationFieldHelp,
  contactTranslationSchema,
  noticeTranslationSchema,
  type AnnouncementTranslationsData,
  type ContactTranslationData,
} from '../../schemas/translations.ts';
import type { Problem } from '../../shared/problems.ts';
import { suggestClosest } from '../../shared/suggest.ts';
import { validateYaml } from './data-files.ts';
import { relative } from './files.ts';
import { checkFileLanguage, type LanguageContext } from './language-files.ts';
import type { YamlSource } from './yaml-source.ts';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Translation files of one settings file in the content folder, e.g. contact.cy.yaml, by language code. */
async function findOverlays(contentDir: string, stem: string): Promise<{ absolute: string; lang: string; ext: string }[]> {
  const names = await readdir(contentDir).catch(() => [] as string[]);
  const pattern = new RegExp(`^${stem}\\.([^.]+)(\\.ya?ml)$`);
  return names.flatMap((name) => {
    const match = pattern.exec(name);
    return match ? [{ absolute: path.join(contentDir, name), lang: match[1]!, ext: match[2]! }] : [];
  }).sort((a, b) => a.absolute.localeCompare(b.absolute));
}

/** The same id twice in a translation: the second would be ignored, so it is an error. */
function checkRepeatedIds(file: string, entries: { id: string }[], list: 'channels' | 'notices', lineOf: YamlSource['lineOf'], problems: Problem[]): boolean {
  const seen = new Set<string>();
  let isValid = true;
  entries.forEach(({ id }, i) => {
    if (seen.has(id)) {
      problems.push({ file, line: lineOf([list, i, 'id']), field: `${list}[${i}].id`, message: 'is translated twice in this file', received: id, fix: 'Keep one entry for each id.', severity: 'error' });
      isValid = false;
    }
    seen.add(id);
  });
  return isValid;
}

/**
 * contact.<lang>.yaml: only words, for channel ids that contact.yaml has,
 * with holiday notes on dates that channel closes. Returns the valid
 * translations by language code.
 */
export async function checkContactTranslations(ctx: LanguageContext, contact: ContactData | undefined): Promise<Record<string, ContactTranslationData>> {
  const { paths, problems } = ctx;
  const result: Record<string, ContactTranslationData> = {};
  const original = relative(paths, path.join(paths.contentDir, 'contact.yaml'));
  const spec = {
    schema: contactTranslationSchema,
    knownKeys: { '': Object.keys(contactTranslationSchema.shape), channels: Object.keys(channelTranslationSchema.shape), 'channels.closures': ['date', 'note'] },
    help: contactTranslationFieldHelp,
    kind: 'contact translation',
  };
  for (const { absolute, lang, ext } of await findOverlays(paths.contentDir, 'contact')) {
    const file = relative(paths, absolute);
    const isDeclared = checkFileLanguage(ctx, { file, lang, original, renameTo: (code) => `${path.dirname(file)}/contact.${code}${ext}` });
    let lineOf: YamlSource['lineOf'] = () => undefined;
    const data = validateYaml(file, await readFile(absolute, 'utf8'), spec, problems, (_, source) => (lineOf = source.lineOf));
    if (!data || !contact) continue;
    const ids = contact.channels.map((channel) => channel.id);
    let isValid = checkRepeatedIds(file, data.channels, 'channels', lineOf, problems);
    data.channels.forEach((words, i) => {
      const channel = contact.channels.find((c) => c.id === words.id);
      if (!channel) {
        const guess = suggestClosest(words.id, ids);
        problems.push({
          file,
          line: lineOf(['channels', i, 'id']),
          field: `channels[${i}].id`,
          message: `names a channel that ${original} does not have`,
          received: words.id,
          allowed: ids.join(', '),
          fix: guess ? `Did you mean "${guess}"? Use the channel's id from ${original}.` : `Use the id of a channel in ${original}, or remove the entry.`,
          severity: 'error',
        });
        isValid = false;
        return;
      }
      // A translated display is shown beside the same link: it must show the same number or address.
      const shown = words.display === undefined ? undefined : displayMismatch(channel.kind, channel.value, words.display);
      if (shown) {
        problems.push({ file, line: lineOf(['channels', i, 'display']), field: `channels[${i}].display`, message: shown.problem, received: words.display, allowed: shown.allowed, fix: shown.fix, severity: 'error' });
        isValid = false;
      }
      const dates = channel.closures.map((closure) => isoDay(closure.date));
      words.closures?.forEach((closure, j) => {
        if (dates.includes(isoDay(closure.date))) return;
        problems.push({
          file,
          line: lineOf(['channels', i, 'closures', j, 'date']),
          field: `channels[${i}].closures[${j}].date`,
          message: `is not a date the "${channel.id}" channel closes in ${original}`,
          received: closure.date,
          allowed: dates.join(', ') || 'no closures on this channel',
          fix: 'Write each note with the date of its closure, or remove it.',
          severity: 'error',
        });
        isValid = false;
      });
    });
    if (data.prepare && data.prepare.length !== contact.prepare.length) {
      problems.push({
        file,
        line: lineOf(['prepare']),
        field: 'prepare',
        message: `has ${data.prepare.length} items where ${original} has ${contact.prepare.length}, so it may be out of date`,
        fix: `Translate each item of prepare in ${original}, in the same order.`,
        severity: 'warning',
      });
    }
    if (isDeclared && isValid) result[lang] = data;
  }
  return result;
}

/** announcements.<lang>.yaml: titles and messages for notice ids that announcements.yaml has. */
export async function checkAnnouncementTranslations(ctx: LanguageContext, notices: AnnouncementData[] | undefined): Promise<Record<string, AnnouncementTranslationsData>> {
  const { paths, problems } = ctx;
  const result: Record<string, AnnouncementTranslationsData> = {};
  const original = relative(paths, path.join(paths.contentDir, 'announcements.yaml'));
  const spec = {
    schema: announcementTranslationsSchema,
    knownKeys: { '': Object.keys(announcementTranslationsSchema.shape), notices: Object.keys(noticeTranslationSchema.shape) },
    help: announcementTranslationsFieldHelp,
    kind: 'announcements translation',
  };
  for (const { absolute, lang, ext } of await findOverlays(paths.contentDir, 'announcements')) {
    const file = relative(paths, absolute);
    const isDeclared = checkFileLanguage(ctx, { file, lang, original, renameTo: (code) => `${path.dirname(file)}/announcements.${code}${ext}` });
    let lineOf: YamlSource['lineOf'] = () => undefined;
    const data = validateYaml(file, await readFile(absolute, 'utf8'), spec, problems, (_, source) => (lineOf = source.lineOf));
    if (!data || !notices) continue;
    const ids = notices.flatMap((notice) => (notice.id ? [notice.id] : []));
    let isValid = checkRepeatedIds(file, data.notices, 'notices', lineOf, problems);
    data.notices.forEach(({ id }, i) => {
      if (ids.includes(id)) return;
      const guess = suggestClosest(id, ids);
      problems.push({
        file,
        line: lineOf(['notices', i, 'id']),
        field: `notices[${i}].id`,
        message: `names a notice that ${original} does not have`,
        received: id,
        allowed: ids.join(', ') || 'no notice has an id yet',
        fix: guess ? `Did you mean "${guess}"?` : `Give the notice in ${original} an id (e.g. id: ${id}), or remove this entry once the notice is gone.`,
        severity: 'error',
      });
      isValid = false;
    });
    if (isDeclared && isValid) result[lang] = data;
  }
  return result;
}

/**
 * synonyms.<lang>.yaml: the words readers of a language use for the same
 * thing. Not a translation of synonyms.yaml (each language has its own
 * vocabulary), so a whole file, checked like synonyms.yaml.
 */
export async function checkSynonymTranslations(ctx: LanguageContext): Promise<Record<string, SynonymsData>> {
  const { paths, problems } = ctx;
  const result: Record<string, SynonymsData> = {};
  const original = relative(paths, path.join(paths.contentDir, 'synonyms.yaml'));
  const spec = { schema: synonymsSchema, knownKeys: { '': Object.keys(synonymsSchema.shape) }, help: synonymsFieldHelp, kind: 'synonyms' };
  for (const { absolute, lang, ext } of await findOverlays(paths.contentDir, 'synonyms')) {
    const file = relative(paths, absolute);
    const isDeclared = checkFileLanguage(ctx, { file, lang, original, renameTo: (code) => `${path.dirname(file)}/synonyms.${code}${ext}` });
    const data = validateYaml(file, await readFile(absolute, 'utf8'), spec, problems);
    if (data && isDeclared) result[lang] = data;
  }
  return result;
}
