/**
 * The report as one self-contained HTML page, with every row and comment.
 * Everything that is not Handrail's own markup goes through `escapeHtml`,
 * and the page's Content-Security-Policy allows no script at all, so even
 * a missed escape could not run anything a reader sent.
 */
import type { ArticleFeedback, ContactSource, ListeningReport, QueryGroup, SentencePart } from './model.ts';
import { formatChange, formatShare, plural, reasonLabel } from './words.ts';

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;

function reader(text: string): string {
  return `<q class="reader">${e(text)}</q>`;
}

function table(caption: string, head: string[], rows: string[][], numeric: number[] = []): string {
  const cell = (tag: 'th' | 'td', html: string, i: number) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}${numeric.includes(i) ? ' class="num"' : ''}>${html}</${tag}>`;
  return `<table>
<caption>${e(caption)}</caption>
<thead><tr>${head.map((h, i) => cell('th', e(h), i)).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

function articleCell(entry: ArticleFeedback | ContactSource, slug: string): string {
  if (!entry.article) return e(slug);
  const url = 'url' in entry ? entry.url : undefined;
  const title = url ? `<a href="${e(url)}">${e(entry.article.title)}</a>` : e(entry.article.title);
  return `${title}<br><code>${e(entry.article.file)}</code>`;
}

function queryTable(caption: string, groups: QueryGroup[], withSuggestion: boolean): string {
  const head = ['#', 'Searched for', 'Language', 'Times', 'Also typed as', 'Last'];
  if (withSuggestion) head.push('Start an article');
  return table(
    caption,
    head,
    groups.map((group, i) => {
      const cells = [String(i + 1), reader(group.label), e(group.lang), String(group.count), group.spellings.slice(1).map((s) => `${reader(s.text)} (${s.count})`).join(', ') || '—', e(group.lastSeen)];
      if (withSuggestion) {
        const start = group.suggestion ? `<code>${e(group.suggestion.command)}</code>` : '—';
        cells.push(group.nearest ? `${start}<br>or add the words to <code>${e(group.nearest.file)}</code>` : start);
      }
      return cells;
    }),
    [0, 3],
  );
}

function sentence(parts: SentencePart[]): string {
  return parts.map((part) => (typeof part === 'string' ? e(part) : reader(part.reader))).join('');
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
table{border-collapse:collapse;width:100%;margin:1rem 0 2rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}.num{text-align:right}
code{font-size:.9em;overflow-wrap:anywhere}q.reader{quotes:"“" "”";background:#f3f3f3}
.comment{white-space:pre-wrap;overflow-wrap:anywhere;border-left:4px solid #bbb;margin:.5rem 0;padding:.25rem .75rem}
.meta{color:#444;font-size:.9em}@media (prefers-color-scheme:dark){body{color:#eee;background:#121212}q.reader{background:#2a2a2a}.meta{color:#ccc}}`;

/** Renders the whole report as an HTML document. */
export function renderHtml(report: ListeningReport): string {
  const t = report.totals;
  const parts: string[] = [];
  parts.push(`<h1>Listening report, ${e(report.from)} to ${e(report.to)}</h1>`);
  parts.push(
    `<p>${report.days} days${report.sites.length ? ` from ${e(report.sites.join(', '))}` : ''}: ${t.noResults} searches found nothing and ${t.notOpened} found results nobody opened; ` +
      `readers said an article helped ${t.helpful} times and did not help ${t.notHelpful} times (${plural(t.comments, 'comment')}); ${t.contacts} went on to contact a person. No reader is identified in any of this.</p>`,
  );
  parts.push('<h2>Do these first</h2>');
  parts.push(report.actions.length ? `<ol>${report.actions.map((a) => `<li>${sentence(a)}</li>`).join('')}</ol>` : '<p>Nothing to act on yet.</p>');

  parts.push('<h2>Searches that found nothing</h2>');
  parts.push(report.zeroResults.length ? queryTable('Grouped by query, most searched first', report.zeroResults, true) : '<p>None in this period.</p>');
  if (report.zeroResults.some((g) => g.suggestion && !g.suggestion.category)) {
    parts.push(`<p>CATEGORY: no category's words matched the query; use one of ${report.categories.map((c) => `<code>${e(c)}</code>`).join(', ')}.</p>`);
  }
  parts.push('<h2>Searches whose results nobody opened</h2>');
  parts.push(report.notOpened.length ? queryTable('Most searched first', report.notOpened, false) : '<p>None in this period.</p>');

  parts.push('<h2>Articles readers said did not help</h2>');
  const ranked = [...report.articles, ...report.fewVotes];
  parts.push(
    ranked.length
      ? table(
          `Ranked by share of “No” (at least ${report.minVotes} votes), then those with fewer votes`,
          ['#', 'Article', 'Not helpful', 'Votes', 'Reasons'],
          ranked.map((a, i) => [i < report.articles.length ? String(i + 1) : '—', articleCell(a, a.slug), formatShare(a.share), `${a.no} of ${a.yes + a.no}`, e(a.reasons.map((r) => `${reasonLabel(r.reason)} ${r.count}`).join(', '))]),
          [0, 2],
        )
      : '<p>No “No” votes in this period.</p>',
  );
  const commented = ranked.filter((a) => a.comments.length);
  if (commented.length) {
    parts.push('<h3>What readers wrote</h3><p>Shown exactly as sent, as plain text, newest first.</p>');
    for (const a of commented) {
      parts.push(`<h4>${a.article ? `${e(a.article.title)} <code>${e(a.article.file)}</code>` : e(a.slug)}</h4>`);
      parts.push(a.comments.map((c) => `<p class="meta">${e(c.day)} · ${e(c.lang)} · ${e(c.reason ? reasonLabel(c.reason) : 'no reason given')}</p>\n<blockquote class="comment">${e(c.comment)}</blockquote>`).join('\n'));
    }
  }

  parts.push('<h2>Where readers contacted a person</h2>');
  const channels = (c: ContactSource) => e(c.channels.map((ch) => `${ch.channel} ${ch.count}`).join(', '));
  parts.push(report.contactArticles.length ? table('After reading an article', ['#', 'Article', 'Readers', 'Channels'], report.contactArticles.map((c, i) => [String(i + 1), articleCell(c, c.key), String(c.count), channels(c)]), [0, 2]) : '<p>No contacts after an article in this period.</p>');
  parts.push(report.contactSearches.length ? table('After a search', ['#', 'Searched for', 'Readers', 'Channels'], report.contactSearches.map((c, i) => [String(i + 1), reader(c.label), String(c.count), channels(c)]), [0, 2]) : '<p>No contacts after a search in this period.</p>');

  parts.push('<h2>Week over week</h2>');
  const [previous, last] = report.trends.slice(-2);
  if (previous && last) {
    parts.push(`<p>Last 7 days against the 7 before: searches that found nothing ${e(formatChange(previous.noResults, last.noResults))}, “not helpful” votes ${e(formatChange(previous.notHelpful, last.notHelpful))}, contacts ${e(formatChange(previous.contacts, last.contacts))}.</p>`);
  }
  parts.push(table('Seven-day totals, oldest first', ['7 days to', 'Found nothing', 'Not opened', 'Helpful', 'Not helpful', 'Contacted a person'], report.trends.map((w) => [e(w.to), ...[w.noResults, w.notOpened, w.helpful, w.notHelpful, w.contacts].map(String)]), [1, 2, 3, 4, 5]));
  if (report.rising.length) {
    parts.push(table('Searches finding nothing more often than the week before', ['Searched for', 'Last 7 days', '7 days before'], report.rising.map((r) => [reader(r.group.label), String(r.thisWeek), String(r.lastWeek)]), [1, 2]));
  }
  parts.push(`<p class="meta">Made by <code>npm run report</code> on ${e(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC.</p>`);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>Listening report, ${e(report.from)} to ${e(report.to)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}
