/**
 * The listening collector: receives votes, unanswered searches and
 * contacts from the help center's pages and keeps them in SQLite.
 *
 *   npm run listen                           start it (settings: README "Listening to customers")
 *   npm run listen -- --dev                  also accept pages from npm start (http://localhost:4321)
 *   npm run listen -- backup [file]          online backup while it runs
 *   npm run listen -- prune                  close finished days and apply retention now
 *   npm run listen -- export <file> [--days N]   counts and comments as JSON, for npm run report -- --from
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/node/project-paths.ts';
import { runMaintenance } from '../src/node/collector/retention.ts';
import { createCollector } from '../src/node/collector/server.ts';
import { SettingsError, settingsFromEnv } from '../src/node/collector/settings.ts';
import { siteOrigin } from '../src/node/collector/site-content.ts';
import { openSqliteStore, StoreSetupError } from '../src/node/collector/sqlite-store.ts';
import { addDays, dayOf } from '../src/node/collector/store.ts';

const DEV_ORIGINS = ['http://localhost:4321', 'http://127.0.0.1:4321'];

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dev: { type: 'boolean', default: false }, days: { type: 'string', default: '56' } },
});
const [command = 'serve', argument] = positionals;

try {
  const site = siteOrigin(contentDir);
  // Only `serve` uses the origins; the other commands just need the database.
  const fallback = command === 'serve' ? (site ? [site] : []) : ['http://localhost'];
  const settings = settingsFromEnv(process.env, fallback);
  if (values.dev) settings.origins.push(...DEV_ORIGINS.filter((origin) => !settings.origins.includes(origin)));

  if (command === 'serve') {
    const store = openSqliteStore(settings.dbFile);
    const collector = createCollector({ settings, store });
    collector.server.on('error', (error: NodeJS.ErrnoException) =>
      stop(error.code === 'EADDRINUSE' ? `Port ${settings.port} is in use. Set HANDRAIL_COLLECTOR_PORT to another port.` : `The collector could not start: ${error.message}`),
    );
    collector.server.listen(settings.port, settings.host, () => {
      const address = collector.server.address();
      const port = typeof address === 'object' && address ? address.port : settings.port;
      const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
      console.log(`Listening for events on http://${host}:${port}/v1/events from ${settings.origins.join(', ')}`);
      console.log(`Database: ${settings.dbFile} (raw events and comments kept ${settings.retentionDays} days, daily counts kept)`);
    });
    let closing = false;
    const shutdown = () => {
      if (closing) return;
      closing = true;
      // Requests in flight finish and are committed; a stuck client cannot hold the exit for long.
      setTimeout(() => process.exit(0), 10_000).unref();
      void collector.close().then(() => process.exit(0));
    };
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);
  } else if ((command === 'backup' || command === 'prune') && !existsSync(settings.dbFile)) {
    stop(`There is no listening database at ${settings.dbFile}. Set HANDRAIL_COLLECTOR_DB to where the collector keeps it.`);
  } else if (command === 'backup') {
    const store = openSqliteStore(settings.dbFile);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = path.resolve(argument ?? path.join(path.dirname(settings.dbFile), 'backups', `listening-${stamp}.sqlite`));
    await store.backup(target);
    await store.close();
    console.log(`Backed up ${settings.dbFile} to ${target}.`);
  } else if (command === 'prune') {
    const store = openSqliteStore(settings.dbFile);
    const result = await runMaintenance(store, new Date(), settings.retentionDays);
    await store.close();
    console.log(`Closed ${result.closedDays.length} day(s); deleted ${result.pruned} raw event(s) from before ${result.keptFrom}.`);
  } else if (command === 'export') {
    if (!argument) stop('Say where to write the export: npm run listen -- export listening.json');
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1) stop(`--days must be a whole number of days, like 56; received "${values.days}".`);
    const store = openSqliteStore(settings.dbFile, { readOnly: true });
    const today = dayOf(new Date());
    const data = await store.read(addDays(today, -(days - 1)), today);
    await store.close();
    await writeFile(argument, `${JSON.stringify(data, null, 2)}\n`);
    console.log(`Wrote ${days} days of counts and ${data.comments.length} comment(s) to ${argument}.`);
  } else {
    stop(`Unknown command "${command}". Use: npm run listen, or npm run listen -- backup | prune | export <file>.`);
  }
} catch (error) {
  if (error instanceof SettingsError || error instanceof StoreSetupError) stop(error.message);
  throw error;
}
