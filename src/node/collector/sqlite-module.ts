/**
 * `node:sqlite`, loaded on purpose rather than by a static import, for two
 * reasons. Node releases before 24.x's "release candidate" stage print
 * "ExperimentalWarning: SQLite is an experimental feature" when it loads;
 * a service's stderr is for real problems, so that one message (and no
 * other warning) is dropped. And on a Node without it, the collector says
 * what to install instead of failing with ERR_UNKNOWN_BUILTIN_MODULE.
 */
type Sqlite = typeof import('node:sqlite');

/** The node:sqlite module. */
export const sqlite: Sqlite = loadSqlite();

/** Loads node:sqlite, dropping its ExperimentalWarning only (exported for its test). */
export function loadSqlite(): Sqlite {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
    if (String(warning instanceof Error ? warning.message : warning).startsWith('SQLite is an experimental feature')) return;
    return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    const loaded = process.getBuiltinModule?.('node:sqlite') as Sqlite | undefined;
    if (!loaded) throw new Error(`The listening collector needs node:sqlite, which this Node (${process.version}) does not have. Run it with npm run listen (it uses the Node 24 installed with the project), or install Node 24.`);
    return loaded;
  } finally {
    process.emitWarning = emitWarning;
  }
}
