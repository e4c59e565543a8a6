/**
 * Brings an existing help center in from files on disk (no network).
 *
 *   npm run import -- <zendesk|intercom|helpscout|folder> <path> [--out content]
 *     [--public public] [--old-host help.example.com]… [--old-base /docs]
 *     [--callouts mdx|quote] [--labels keywords|tags] [--publish-restricted]
 *     [--dry-run] [--force]
 *
 * Running it again updates the same files; files edited since the last
 * import are kept and reported. See README, "Move in from another help center".
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_SOURCES } from '../src/schemas/import-state.ts';
import { formatFinding } from '../src/node/import/report.ts';
import { formatSummary, runImport } from '../src/node/import/run.ts';
import type { SourceName } from '../src/node/import/model.ts';

const usage = 'Usage: npm run import -- <zendesk|intercom|helpscout|folder> <path to the export> [--out content] [--old-host help.example.com] [--dry-run]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'content' },
    public: { type: 'string' },
    'old-host': { type: 'string', multiple: true, default: [] },
    'old-base': { type: 'string' },
    callouts: { type: 'string', default: 'mdx' },
    labels: { type: 'string', default: 'keywords' },
    'publish-restricted': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

const [source, input] = positionals;
if (!source || !input) stop(usage);
if (!(IMPORT_SOURCES as readonly string[]).includes(source)) stop(`There is no importer called "${source}". Use one of: ${IMPORT_SOURCES.join(', ')}.\n${usage}`);
if (values.callouts !== 'mdx' && values.callouts !== 'quote') stop(`--callouts takes mdx (a <Callout> in an .mdx file) or quote (a quote in an .md file), not "${values.callouts}".`);
if (values.labels !== 'keywords' && values.labels !== 'tags') stop(`--labels takes keywords or tags, not "${values.labels}".`);

let outcome;
try {
  outcome = runImport({
    source: source as SourceName,
    input: path.resolve(input),
    contentDir: path.resolve(values.out),
    publicDir: values.public ? path.resolve(values.public) : undefined,
    oldHosts: values['old-host'],
    oldBase: values['old-base'],
    callouts: values.callouts,
    labels: values.labels,
    publishRestricted: values['publish-restricted'],
    dryRun: values['dry-run'],
    force: values.force,
  });
} catch (error) {
  stop(String((error as Error).message));
}
if (!values.quiet) for (const finding of outcome.findings) console.warn(`${formatFinding(finding)}\n`);
console.log(formatSummary(outcome.summary, values['dry-run']));
if (outcome.reportFile) console.log(`Every finding is listed in ${outcome.reportFile}. Next: npm run check.`);
if (outcome.findings.some((f) => f.kind === 'read-error')) process.exitCode = 1;
