/**
 * What readers could not find and what did not help, for writers:
 * Markdown, HTML and CSV in reports/listening/.
 *
 *   npm run report                             from the collector's database (HANDRAIL_COLLECTOR_DB)
 *   npm run report -- --from listening.json    from an export (npm run listen -- export, or GET /v1/export)
 *   options: --days 28  --to YYYY-MM-DD  --site https://help.example.com  --min-votes 5  --out <folder>
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, projectRoot } from '../src/node/project-paths.ts';
import { listeningDataSchema, type ListeningData } from '../src/node/collector/listening-data.ts';
import { renderCsvFiles } from '../src/node/collector/report/csv.ts';
import { renderHtml } from '../src/node/collector/report/html.ts';
import { renderMarkdown } from '../src/node/collector/report/markdown.ts';
import { buildReport, reportStart } from '../src/node/collector/report/model.ts';
import { DEFAULT_DB_FILE } from '../src/node/collector/settings.ts';
import { readContentIndex } from '../src/node/collector/site-content.ts';
import { openSqliteStore, StoreSetupError } from '../src/node/collector/sqlite-store.ts';
import { dayOf } from '../src/node/collector/store.ts';

/** GitHub refuses issue bodies over 65,536 characters; the workflow posts report.md. */
const ISSUE_LIMIT = 60_000;

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    db: { type: 'string' },
    days: { type: 'string', default: '28' },
    to: { type: 'string' },
    site: { type: 'string' },
    'min-votes': { type: 'string', default: '5' },
    out: { type: 'string', default: path.join(projectRoot, 'reports', 'listening') },
  },
});
const whole = (name: string, text: string, min: number) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) stop(`--${name} must be a whole number of at least ${min}; received "${text}".`);
  return n;
};
const days = whole('days', values.days, 1);
const minVotes = whole('min-votes', values['min-votes'], 1);
if (values.to && !/^\d{4}-\d{2}-\d{2}$/.test(values.to)) stop(`--to must be a day written YYYY-MM-DD; received "${values.to}".`);

let data: ListeningData;
if (values.from) {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(values.from, 'utf8'));
  } catch (error) {
    stop(`Could not read ${values.from} as JSON: ${(error as Error).message}`);
  }
  const parsed = listeningDataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    stop(`${values.from} is not a Handrail listening export (at ${issue.path.join('.') || 'the top'}: ${issue.message}). Make one with npm run listen -- export <file>.`);
  }
  data = parsed.data;
} else {
  const file = path.resolve(values.db ?? process.env.HANDRAIL_COLLECTOR_DB ?? DEFAULT_DB_FILE);
  const to = values.to ?? dayOf(new Date());
  try {
    const store = openSqliteStore(file, { readOnly: true });
    data = await store.read(reportStart(to, days), to);
    await store.close();
  } catch (error) {
    if (error instanceof StoreSetupError) stop(`${error.message}\nIs the collector's database elsewhere? Set HANDRAIL_COLLECTOR_DB or pass --db, or report from an export with --from.`);
    throw error;
  }
}

const report = buildReport(data, {
  to: values.to ?? data.to,
  days,
  minVotes,
  ...(values.site ? { site: values.site } : {}),
  content: readContentIndex(contentDir, projectRoot),
  generatedAt: new Date(),
});
let markdown = renderMarkdown(report);
for (const limit of [10, 5, 3]) if (markdown.length > ISSUE_LIMIT) markdown = renderMarkdown(report, limit);

await mkdir(values.out, { recursive: true });
const csvFiles = renderCsvFiles(report);
await Promise.all([
  writeFile(path.join(values.out, 'report.md'), markdown),
  writeFile(path.join(values.out, 'report.html'), renderHtml(report)),
  ...Object.entries(csvFiles).map(([name, text]) => writeFile(path.join(values.out, name), text)),
]);
const t = report.totals;
console.log(`Listening report, ${report.from} to ${report.to}: ${t.noResults} searches found nothing (${report.zeroResults.length} different), ${t.notHelpful} “not helpful” votes, ${t.contacts} contacts.`);
console.log(`Wrote report.md, report.html and ${Object.keys(csvFiles).join(', ')} to ${path.relative(process.cwd(), values.out) || '.'}/.`);
