/**
 * The report as CSV files, one per table, for spreadsheets. Cells that a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return at
 * the start) get a leading apostrophe: comments and queries come from
 * strangers, and "=HYPERLINK(…)" in a cell is an attack, not a comment.
 */
import type { ListeningReport, QueryGroup } from './model.ts';
import { reasonLabel } from './words.ts';

/** One CSV cell: quoted, quotes doubled, formulas defused. Numbers stay numbers. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function csv(head: string[], rows: (string | number)[][]): string {
  // CRLF line ends (RFC 4180), and a BOM so spreadsheet programs read UTF-8.
  return `\uFEFF${[head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function queries(groups: QueryGroup[], withSuggestion: boolean): string {
  const head = ['rank', 'language', 'query', 'times', 'other_spellings', 'last_seen'];
  if (withSuggestion) head.push('suggested_command', 'closest_article');
  return csv(
    head,
    groups.map((g, i) => {
      const cells: (string | number)[] = [i + 1, g.lang, g.label, g.count, g.spellings.slice(1).map((s) => `${s.text} (${s.count})`).join('; '), g.lastSeen];
      if (withSuggestion) cells.push(g.suggestion?.command ?? '', g.nearest?.file ?? '');
      return cells;
    }),
  );
}

/** Every CSV file of the report, by file name. */
export function renderCsvFiles(report: ListeningReport): Record<string, string> {
  const ranked = [...report.articles, ...report.fewVotes];
  const contacts = [...report.contactArticles, ...report.contactSearches];
  return {
    'zero-results.csv': queries(report.zeroResults, true),
    'not-opened.csv': queries(report.notOpened, false),
    'articles.csv': csv(
      ['rank', 'article', 'title', 'file', 'not_helpful', 'helpful', 'not_helpful_share', 'reasons'],
      ranked.map((a, i) => [i < report.articles.length ? i + 1 : '', a.slug, a.article?.title ?? '', a.article?.file ?? '', a.no, a.yes, Math.round(a.share * 1000) / 1000, a.reasons.map((r) => `${reasonLabel(r.reason)} ${r.count}`).join('; ')]),
    ),
    'comments.csv': csv(
      ['day', 'article', 'language', 'vote', 'reason', 'comment'],
      report.comments.map((c) => [c.day, c.article, c.lang, c.vote, c.reason, c.comment]),
    ),
    'contacts.csv': csv(
      ['after', 'article_or_query', 'readers', 'channels'],
      contacts.map((c) => [c.kind, c.kind === 'article' ? c.key : c.label, c.count, c.channels.map((ch) => `${ch.channel} ${ch.count}`).join('; ')]),
    ),
    'trends.csv': csv(
      ['from', 'to', 'found_nothing', 'not_opened', 'helpful', 'not_helpful', 'contacted_a_person'],
      report.trends.map((w) => [w.from, w.to, w.noResults, w.notOpened, w.helpful, w.notHelpful, w.contacts]),
    ),
  };
}
