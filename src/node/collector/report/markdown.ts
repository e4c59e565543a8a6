/**
 * The report as Markdown, short enough for a GitHub issue. Text readers
 * typed is never read as Markdown: queries go in code spans and comments in
 * fenced code blocks, where GitHub renders no HTML, no links, no images and
 * no @mentions, whatever the reader wrote.
 */
import type { ReaderComment } from '../listening-data.ts';
import type { ArticleFeedback, ContactSource, ListeningReport, QueryGroup, SentencePart } from './model.ts';
import { formatChange, formatShare, plural, reasonLabel } from './words.ts';

/** Our own words and the help center's titles, with Markdown's special characters escaped. */
export function markdownText(text: string): string {
  // With [ escaped, ( ) and ! start nothing; these are the characters that do.
  return text.replace(/[\\`*_{}[\]<>#|~]/g, '\\$&');
}

/** Reader text as a code span. In a table cell a pipe must still be escaped, even in code (GFM). */
export function markdownReader(text: string, inTable = true): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const body = inTable ? text.replace(/\|/g, '\\|') : text;
  return `${fence} ${body} ${fence}`;
}

/** Reader comments in one fenced block; the fence is longer than any backtick run inside. */
export function markdownComments(comments: ReaderComment[]): string {
  const text = comments.map((c) => `${c.day} · ${c.lang} · ${c.reason ? reasonLabel(c.reason) : 'no reason given'}\n${c.comment}`).join('\n\n');
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

function sentence(parts: SentencePart[]): string {
  return parts.map((part) => (typeof part === 'string' ? markdownText(part) : markdownReader(part.reader, false))).join('');
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: string[], rows: (string | number)[][], numeric: number[] = []): string {
  const rule = head.map((_, i) => (numeric.includes(i) ? '---:' : '---'));
  return [row(head), row(rule), ...rows.map(row)].join('\n');
}

function more(total: number, shown: number, where: string): string {
  return total > shown ? `\n\n${total - shown} more in ${where}.` : '';
}

function articleName(entry: ArticleFeedback | ContactSource, slug: string): string {
  const article = entry.article;
  if (!article) return markdownText(slug);
  const url = 'url' in entry && entry.url ? entry.url : undefined;
  const title = url ? `[${markdownText(article.title)}](${url})` : markdownText(article.title);
  return `${title}<br>\`${article.file}\``;
}

function queryRows(groups: QueryGroup[], limit: number, withSuggestion: boolean): (string | number)[][] {
  return groups.slice(0, limit).map((group, i) => {
    const others = group.spellings.slice(1, 4).map((s) => `${markdownReader(s.text)} (${s.count})`).join(', ');
    const cells: (string | number)[] = [i + 1, markdownReader(group.label), group.lang, group.count, others || '—', group.lastSeen];
    if (withSuggestion) {
      const start = group.suggestion ? markdownReader(group.suggestion.command) : '—';
      cells.push(group.nearest ? `${start}<br>or add the words to \`${group.nearest.file}\`` : start);
    }
    return cells;
  });
}

/** Renders the whole report. `limit` caps the rows of each table (full lists are in the HTML and CSV). */
export function renderMarkdown(report: ListeningReport, limit = 20): string {
  const out: string[] = [];
  const t = report.totals;
  out.push(`# Listening report, ${report.from} to ${report.to}`);
  out.push(
    `${report.days} days${report.sites.length ? ` from ${report.sites.map(markdownText).join(', ')}` : ''}: ` +
      `${t.noResults} searches found nothing and ${t.notOpened} found results nobody opened; ` +
      `readers said an article helped ${t.helpful} times and did not help ${t.notHelpful} times (${plural(t.comments, 'comment')}); ` +
      `${t.contacts} went on to contact a person. No reader is identified in any of this.`,
  );

  out.push('## Do these first');
  out.push(report.actions.length ? report.actions.map((parts, i) => `${i + 1}. ${sentence(parts)}`).join('\n') : 'Nothing to act on yet: no searches without results, no "No" votes and no contacts in this period.');

  out.push('## Searches that found nothing');
  if (report.zeroResults.length) {
    out.push('Grouped by query (ignoring case, accents, punctuation and simple plurals), most searched first. Each command starts the missing article; check the category.');
    out.push(table(['#', 'Searched for', 'Language', 'Times', 'Also typed as', 'Last', 'Start an article'], queryRows(report.zeroResults, limit, true), [0, 3]) + more(report.zeroResults.length, limit, 'report.html and zero-results.csv'));
    if (report.zeroResults.slice(0, limit).some((g) => g.suggestion && !g.suggestion.category)) {
      out.push(`CATEGORY: no category's words matched the query; use one of ${report.categories.map((c) => `\`${c}\``).join(', ') || 'your categories'}.`);
    }
  } else out.push('None in this period.');

  out.push('## Searches whose results nobody opened');
  out.push(
    report.notOpened.length
      ? 'The results did not look like the answer: check the titles and descriptions of what these find.\n\n' +
          table(['#', 'Searched for', 'Language', 'Times', 'Also typed as', 'Last'], queryRows(report.notOpened, limit, false), [0, 3]) +
          more(report.notOpened.length, limit, 'report.html and not-opened.csv')
      : 'None in this period.',
  );

  out.push('## Articles readers said did not help');
  if (report.articles.length) {
    out.push(`Ranked by the share of “No”, among articles with at least ${report.minVotes} votes.`);
    out.push(
      table(
        ['#', 'Article', 'Not helpful', 'Votes', 'Reasons'],
        report.articles.slice(0, limit).map((a, i) => [i + 1, articleName(a, a.slug), formatShare(a.share), `${a.no} of ${a.yes + a.no}`, a.reasons.map((r) => `${reasonLabel(r.reason)} ${r.count}`).join(', ')]),
        [0, 2],
      ) + more(report.articles.length, limit, 'report.html and articles.csv'),
    );
  } else out.push(`No article has ${report.minVotes} or more votes with a “No” in this period.`);
  if (report.fewVotes.length) {
    out.push(`Too few votes to rank (under ${report.minVotes}), with a “No”: ${report.fewVotes.slice(0, limit).map((a) => `${a.article ? markdownText(a.article.title) : markdownText(a.slug)} (${a.no} of ${a.yes + a.no})`).join(', ')}.`);
  }
  const commented = [...report.articles, ...report.fewVotes].filter((a) => a.comments.length).slice(0, limit);
  if (commented.length) {
    out.push('### What readers wrote');
    out.push('Shown exactly as sent, as plain text. Newest first, five per article; all of them are in report.html and comments.csv.');
    for (const a of commented) {
      out.push(`#### ${a.article ? `${markdownText(a.article.title)} (\`${a.article.file}\`)` : markdownText(a.slug)}`);
      out.push(markdownComments(a.comments.slice(0, 5)) + more(a.comments.length, 5, 'report.html'));
    }
  }

  out.push('## Where readers contacted a person');
  const channels = (c: ContactSource) => c.channels.map((ch) => `${ch.channel} ${ch.count}`).join(', ');
  out.push('### After reading an article');
  out.push(report.contactArticles.length ? table(['#', 'Article', 'Readers', 'Channels'], report.contactArticles.slice(0, limit).map((c, i) => [i + 1, articleName(c, c.key), c.count, channels(c)]), [0, 2]) : 'None in this period.');
  out.push('### After a search');
  out.push(report.contactSearches.length ? table(['#', 'Searched for', 'Readers', 'Channels'], report.contactSearches.slice(0, limit).map((c, i) => [i + 1, markdownReader(c.label), c.count, channels(c)]), [0, 2]) : 'None in this period.');

  out.push('## Week over week');
  const [previous, last] = report.trends.slice(-2);
  if (previous && last) {
    out.push(
      `Last 7 days against the 7 before: searches that found nothing ${formatChange(previous.noResults, last.noResults)}, ` +
        `“not helpful” votes ${formatChange(previous.notHelpful, last.notHelpful)}, contacts ${formatChange(previous.contacts, last.contacts)}.`,
    );
  }
  out.push(
    table(
      ['7 days to', 'Found nothing', 'Not opened', 'Helpful', 'Not helpful', 'Contacted a person'],
      report.trends.map((w) => [w.to, w.noResults, w.notOpened, w.helpful, w.notHelpful, w.contacts]),
      [1, 2, 3, 4, 5],
    ),
  );
  if (report.rising.length) {
    out.push('Searches finding nothing more often than the week before:');
    out.push(table(['Searched for', 'Last 7 days', '7 days before'], report.rising.map((r) => [markdownReader(r.group.label), r.thisWeek, r.lastWeek]), [1, 2]));
  }
  out.push(`_Made by \`npm run report\` on ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC._`);
  return `${out.join('\n\n')}\n`;
}
