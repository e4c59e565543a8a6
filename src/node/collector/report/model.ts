/**
 * Turns listening data into what a writer acts on: the searches that found
 * nothing (grouped, ranked, each with the command that starts the missing
 * article), the articles readers said did not help, where readers gave up
 * and contacted a person, and how the last weeks compare. Renderers
 * (Markdown, HTML, CSV) only lay this out.
 */
import { VOTE_REASONS, type VoteReason } from '../../../schemas/events.ts';
import type { ListeningData, ReaderComment } from '../listening-data.ts';
import type { ArticleInfo, ContentIndex } from '../site-content.ts';
import { addDays, type Day } from '../store.ts';
import { normaliseQuery, singular, topicWords } from './normalise.ts';
import { plural } from './words.ts';

/** Choices for one report. */
export interface ReportOptions {
  /** Last day covered (usually today). */
  to: Day;
  /** Days the main sections cover, ending at `to`. */
  days: number;
  /** Fewest votes for an article to be ranked by share. */
  minVotes: number;
  /** Only this site's events (an origin); all when unset. */
  site?: string;
  /** Articles and categories of the help center, to name and place things. */
  content: ContentIndex;
  /** When the report was made. */
  generatedAt: Date;
}

/** The command that starts a new article, and the category it was matched to. */
export interface Suggestion {
  title: string;
  /** Undefined when no category's words matched the query. */
  category?: string;
  command: string;
}

/** Searches grouped by their normalised query. */
export interface QueryGroup {
  lang: string;
  key: string;
  /** The spelling readers used most. */
  label: string;
  count: number;
  spellings: { text: string; count: number }[];
  lastSeen: Day;
  suggestion?: Suggestion;
  /** An existing article sharing most of the query's words: maybe it needs these words, not a sibling. */
  nearest?: ArticleInfo;
}

/** How one article was rated. */
export interface ArticleFeedback {
  slug: string;
  article?: ArticleInfo;
  url?: string;
  yes: number;
  no: number;
  /** no / (yes + no). */
  share: number;
  reasons: { reason: VoteReason | 'none given'; count: number }[];
  comments: ReaderComment[];
}

/** Where readers came from before contacting a person. */
export interface ContactSource {
  kind: 'article' | 'search';
  /** Article slug or normalised query. */
  key: string;
  label: string;
  article?: ArticleInfo;
  count: number;
  channels: { channel: string; count: number }[];
}

/** Totals for one 7-day window. */
export interface TrendWindow {
  from: Day;
  to: Day;
  noResults: number;
  notOpened: number;
  helpful: number;
  notHelpful: number;
  contacts: number;
}

/** Everything one report says. */
export interface ListeningReport {
  generatedAt: string;
  from: Day;
  to: Day;
  days: number;
  minVotes: number;
  sites: string[];
  totals: { noResults: number; notOpened: number; helpful: number; notHelpful: number; contacts: number; comments: number };
  zeroResults: QueryGroup[];
  notOpened: QueryGroup[];
  /** Ranked by share of "No", among articles with at least `minVotes` votes. */
  articles: ArticleFeedback[];
  /** Articles with a "No" but too few votes to rank. */
  fewVotes: ArticleFeedback[];
  contactArticles: ContactSource[];
  contactSearches: ContactSource[];
  /** Oldest first; the last is the 7 days ending `to`. */
  trends: TrendWindow[];
  /** Zero-result queries searched more in the last 7 days than the 7 before. */
  rising: { group: QueryGroup; thisWeek: number; lastWeek: number }[];
  /** Every comment of the period, newest first. */
  comments: ReaderComment[];
  /** The three things to do first, as sentences. */
  actions: SentencePart[][];
  categories: string[];
}

/** Weeks of history the trend table shows. */
export const TREND_WEEKS = 8;

/** The first day of data a report needs (the trend table reaches further back than the main sections). */
export function reportStart(to: Day, days: number): Day {
  return addDays(to, -Math.max(days, TREND_WEEKS * 7) + 1);
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function groupQueries(rows: { lang: string; query: string; count: number; day: Day }[], options: ReportOptions): QueryGroup[] {
  const groups = new Map<string, QueryGroup & { byText: Map<string, number> }>();
  for (const row of rows) {
    if (!row.count) continue;
    const key = normaliseQuery(row.query, row.lang);
    if (!key) continue;
    const id = `${row.lang}\n${key}`;
    const group = groups.get(id) ?? { lang: row.lang, key, label: row.query, count: 0, spellings: [], lastSeen: row.day, byText: new Map() };
    group.count += row.count;
    group.byText.set(row.query, (group.byText.get(row.query) ?? 0) + row.count);
    if (row.day > group.lastSeen) group.lastSeen = row.day;
    groups.set(id, group);
  }
  return [...groups.values()]
    .map(({ byText, ...group }) => {
      const spellings = [...byText].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
      const label = spellings[0]!.text;
      const placed: QueryGroup = { ...group, label, spellings };
      const suggestion = suggestArticle(label, group.key, group.lang, options.content);
      if (suggestion) placed.suggestion = suggestion;
      const nearest = nearestArticle(group.key, group.lang, options.content);
      if (nearest) placed.nearest = nearest;
      return placed;
    })
    .sort((a, b) => b.count - a.count || (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) || a.key.localeCompare(b.key));
}

/**
 * A title that is safe to paste into a shell inside double quotes: only
 * letters, digits, spaces and plain punctuation survive ($, `, \, ", !, brackets are
 * dropped), because the text came from a stranger.
 */
export function shellSafeTitle(text: string): string {
  const cleaned = text
    .replace(/[^\p{L}\p{N} ,.'?&-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    // A leading "-" would read as an option to npm run new.
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .trim()
    .slice(0, 80)
    .trim();
  return cleaned ? cleaned[0]!.toLocaleUpperCase() + cleaned.slice(1) : '';
}

function suggestArticle(label: string, key: string, lang: string, content: ContentIndex): Suggestion | undefined {
  const title = shellSafeTitle(label);
  if (!title) return undefined;
  const category = bestCategory(key, lang, content);
  return { title, ...(category ? { category } : {}), command: `npm run new -- "${title}" --category ${category ?? 'CATEGORY'}` };
}

/** The category whose words share the most (and rarest) words with the query. */
function bestCategory(key: string, lang: string, content: ContentIndex): string | undefined {
  const words = topicWords(key, lang);
  const bags = content.categories.map((category) => ({ slug: category.slug, words: new Set(category.words.map((w) => singular(w, lang))) }));
  let best: { slug: string; score: number } | undefined;
  for (const bag of bags) {
    let score = 0;
    for (const word of words) {
      const holders = bags.filter((other) => other.words.has(word)).length;
      // A word found in one category says more than one found in all of them.
      if (bag.words.has(word)) score += 1 / holders;
    }
    if (score > 0 && (!best || score > best.score)) best = { slug: bag.slug, score };
  }
  return best?.slug;
}

function nearestArticle(key: string, lang: string, content: ContentIndex): ArticleInfo | undefined {
  const words = topicWords(key, lang);
  if (!words.length) return undefined;
  let best: { article: ArticleInfo; shared: number } | undefined;
  for (const article of content.articles.values()) {
    const own = new Set(article.words.map((w) => singular(w, lang)));
    const shared = words.filter((word) => own.has(word)).length;
    if (shared * 2 >= words.length && shared > 0 && (!best || shared > best.shared)) best = { article, shared };
  }
  return best?.article;
}

function articleUrl(slug: string, content: ContentIndex): string | undefined {
  return content.siteUrl ? `${content.siteUrl.replace(/\/?$/, '/')}articles/${slug}/` : undefined;
}

/** Builds the report from listening data (from the database or an export file). */
export function buildReport(data: ListeningData, options: ReportOptions): ListeningReport {
  const { to, days, minVotes, content } = options;
  const from = addDays(to, -(days - 1));
  const bySite = <T extends { site: string; day: Day }>(rows: T[]) => rows.filter((row) => (!options.site || row.site === options.site) && row.day <= to);
  const votes = bySite(data.votes);
  const searches = bySite(data.searches);
  const contacts = bySite(data.contacts);
  const comments = bySite(data.comments);
  const inPeriod = <T extends { day: Day }>(rows: T[]) => rows.filter((row) => row.day >= from);

  const zeroResults = groupQueries(inPeriod(searches).map((s) => ({ ...s, count: s.noResults })), options);
  const notOpened = groupQueries(inPeriod(searches).map((s) => ({ ...s, count: s.notOpened })), options);

  const feedback = new Map<string, ArticleFeedback>();
  for (const vote of inPeriod(votes)) {
    const entry = feedback.get(vote.article) ?? { slug: vote.article, yes: 0, no: 0, share: 0, reasons: [], comments: [] };
    entry[vote.vote] += vote.count;
    if (vote.vote === 'no') {
      const reason = vote.reason || 'none given';
      const found = entry.reasons.find((r) => r.reason === reason);
      if (found) found.count += vote.count;
      else entry.reasons.push({ reason, count: vote.count });
    }
    feedback.set(vote.article, entry);
  }
  for (const comment of inPeriod(comments)) {
    const entry = feedback.get(comment.article);
    if (entry) entry.comments.push(comment);
  }
  const order = [...VOTE_REASONS, 'none given'];
  for (const entry of feedback.values()) {
    entry.share = entry.no / (entry.yes + entry.no);
    entry.reasons.sort((a, b) => b.count - a.count || order.indexOf(a.reason) - order.indexOf(b.reason));
    entry.comments.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
    const article = content.articles.get(entry.slug);
    if (article) entry.article = article;
    const url = articleUrl(entry.slug, content);
    if (url) entry.url = url;
  }
  const byShare = (a: ArticleFeedback, b: ArticleFeedback) => b.share - a.share || b.no - a.no || a.slug.localeCompare(b.slug);
  const rated = [...feedback.values()];
  const articles = rated.filter((entry) => entry.yes + entry.no >= minVotes && entry.no > 0).sort(byShare);
  const fewVotes = rated.filter((entry) => entry.yes + entry.no < minVotes && entry.no > 0).sort(byShare);

  const sources = new Map<string, ContactSource>();
  for (const contact of inPeriod(contacts)) {
    const kind = contact.article ? 'article' : 'search';
    const key = contact.article || normaliseQuery(contact.query, contact.lang);
    const id = `${kind}\n${key}`;
    const article = contact.article ? content.articles.get(contact.article) : undefined;
    const source = sources.get(id) ?? { kind, key, label: article?.title ?? (contact.article || contact.query), count: 0, channels: [], ...(article ? { article } : {}) };
    source.count += contact.count;
    const channel = source.channels.find((c) => c.channel === contact.channel);
    if (channel) channel.count += contact.count;
    else source.channels.push({ channel: contact.channel, count: contact.count });
    sources.set(id, source);
  }
  const contactList = [...sources.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  for (const source of contactList) source.channels.sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel));

  const trends: TrendWindow[] = [];
  for (let week = TREND_WEEKS - 1; week >= 0; week--) {
    const end = addDays(to, -7 * week);
    const start = addDays(end, -6);
    const within = <T extends { day: Day }>(rows: T[]) => rows.filter((row) => row.day >= start && row.day <= end);
    trends.push({
      from: start,
      to: end,
      noResults: sum(within(searches).map((s) => s.noResults)),
      notOpened: sum(within(searches).map((s) => s.notOpened)),
      helpful: sum(within(votes).filter((v) => v.vote === 'yes').map((v) => v.count)),
      notHelpful: sum(within(votes).filter((v) => v.vote === 'no').map((v) => v.count)),
      contacts: sum(within(contacts).map((c) => c.count)),
    });
  }

  const lastWeekStart = addDays(to, -6);
  const weekBefore = addDays(to, -13);
  const countIn = (group: QueryGroup, start: Day, end: Day) =>
    sum(searches.filter((s) => s.lang === group.lang && s.day >= start && s.day <= end && normaliseQuery(s.query, s.lang) === group.key).map((s) => s.noResults));
  const rising = zeroResults
    .map((group) => ({ group, thisWeek: countIn(group, lastWeekStart, to), lastWeek: countIn(group, weekBefore, addDays(lastWeekStart, -1)) }))
    .filter((entry) => entry.thisWeek > entry.lastWeek)
    .sort((a, b) => b.thisWeek - b.lastWeek - (a.thisWeek - a.lastWeek) || b.thisWeek - a.thisWeek)
    .slice(0, 5);

  const report: ListeningReport = {
    generatedAt: options.generatedAt.toISOString(),
    from,
    to,
    days,
    minVotes,
    sites: [...new Set([...votes, ...searches, ...contacts].map((row) => row.site))].sort(),
    totals: {
      noResults: sum(zeroResults.map((g) => g.count)),
      notOpened: sum(notOpened.map((g) => g.count)),
      helpful: sum(rated.map((a) => a.yes)),
      notHelpful: sum(rated.map((a) => a.no)),
      contacts: sum(contactList.map((c) => c.count)),
      comments: inPeriod(comments).length,
    },
    zeroResults,
    notOpened,
    articles,
    fewVotes,
    contactArticles: contactList.filter((c) => c.kind === 'article'),
    contactSearches: contactList.filter((c) => c.kind === 'search'),
    trends,
    rising,
    comments: inPeriod(comments).sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0)),
    actions: [],
    categories: content.categories.map((c) => c.slug),
  };
  report.actions = firstActions(report);
  return report;
}

/**
 * A sentence in parts: plain strings are Handrail's own words and the
 * help center's titles; `{ reader }` is text a reader typed, which every
 * renderer shows as inert, quoted text.
 */
export type SentencePart = string | { reader: string };

/** At most three sentences: the biggest gap, the least helpful article, the commonest reason to call. */
function firstActions(report: ListeningReport): SentencePart[][] {
  const actions: SentencePart[][] = [];
  const gap = report.zeroResults[0];
  if (gap) {
    const found = [`Readers searched for `, { reader: gap.label }, ` ${plural(gap.count, 'time')} and found nothing`];
    actions.push(
      gap.nearest
        ? [...found, `. If “${gap.nearest.title}” (${gap.nearest.file}) answers it, add their words to its keywords; otherwise start an article.`]
        : [...found, ': start an article.'],
    );
  }
  const worst = report.articles[0];
  if (worst) {
    const reason = worst.reasons[0];
    const name = worst.article ? `“${worst.article.title}” (${worst.article.file})` : `the article ${worst.slug}`;
    actions.push([`Fix ${name}: ${worst.no} of ${worst.yes + worst.no} readers said it did not help${reason && reason.reason !== 'none given' ? `, most often “${reason.reason.replace(/-/g, ' ')}”` : ''}.`]);
  }
  const contact = [...report.contactArticles, ...report.contactSearches].sort((a, b) => b.count - a.count)[0];
  if (contact) {
    actions.push(
      contact.kind === 'article'
        ? [`${plural(contact.count, 'reader')} contacted a person after reading “${contact.label}”: find out what they still needed.`]
        : [`${plural(contact.count, 'reader')} contacted a person after searching for `, { reader: contact.label }, '.'],
    );
  }
  return actions;
}
