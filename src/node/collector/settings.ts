/**
 * The collector's settings, read from environment variables so the same
 * code runs from a checkout, in a container and under systemd. Each has a
 * default that is safe on a laptop; README "Listening to customers" lists
 * them.
 */
import path from 'node:path';
import { z } from 'astro/zod';

/** Where the database lives when HANDRAIL_COLLECTOR_DB is not set: beside the project, never in dist/. */
export const DEFAULT_DB_FILE = 'collector-data/listening.sqlite';

/** A web origin, "https://help.example.com" (no path, no trailing slash). */
const originSchema = z.string().transform((text, ctx) => {
  const trimmed = text.trim().replace(/\/$/, '');
  let origin: string | undefined;
  try {
    origin = new URL(trimmed).origin;
  } catch {
    origin = undefined;
  }
  if (!origin || origin === 'null' || origin !== trimmed) {
    ctx.addIssue({ code: 'custom', message: `an origin like "https://help.example.com" (scheme, host and port only), not "${text}"` });
    return z.NEVER;
  }
  return origin;
});

/** A whole number from min to max; one message for every way to miss, since the variable is named anyway. */
const whole = (min: number, max: number, what: string) => {
  const message = `${what} from ${min} to ${max}`;
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message);
};

/** Every setting, after validation. */
export const collectorSettingsSchema = z.strictObject({
  /** The SQLite file. */
  dbFile: z.string().min(1).default(DEFAULT_DB_FILE),
  /** Interface to listen on; 127.0.0.1 unless a proxy or container needs more. */
  host: z.string().min(1).default('127.0.0.1'),
  /** TCP port; 0 picks a free one (tests). */
  port: whole(0, 65535, 'a port number').default(8787),
  /** Help centers allowed to send events (the `Origin` of their pages). */
  origins: z.array(originSchema).min(1, 'the address of at least one help center, e.g. HANDRAIL_COLLECTOR_ORIGINS=https://help.example.com (or set url in content/site.yaml)'),
  /** Days raw events (and comments) are kept; daily counts are kept for good. */
  retentionDays: whole(1, 3650, 'a number of days').default(90),
  /** Events one client may send per minute (0 = no limit). */
  clientPerMinute: whole(0, 1_000_000, 'a number of events per minute').default(30),
  /** Events all clients together may send per second (0 = no limit). */
  globalPerSecond: whole(0, 1_000_000, 'a number of events per second').default(200),
  /** Largest request body, in bytes. */
  maxBodyBytes: whole(256, 1_048_576, 'a number of bytes').default(8192),
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: z.boolean().default(false),
  /** Bearer token that unlocks GET /v1/export; unset turns the endpoint off. */
  exportToken: z.string().min(32, 'a token of at least 32 characters (openssl rand -hex 32)').optional(),
});

/** Settings after validation. */
export type CollectorSettings = z.output<typeof collectorSettingsSchema>;
/** Settings before defaults. */
export type CollectorSettingsInput = z.input<typeof collectorSettingsSchema>;

/** The environment variable behind each setting. */
export const SETTING_VARIABLES = {
  dbFile: 'HANDRAIL_COLLECTOR_DB',
  host: 'HANDRAIL_COLLECTOR_HOST',
  port: 'HANDRAIL_COLLECTOR_PORT',
  origins: 'HANDRAIL_COLLECTOR_ORIGINS',
  retentionDays: 'HANDRAIL_COLLECTOR_RETENTION_DAYS',
  clientPerMinute: 'HANDRAIL_COLLECTOR_CLIENT_PER_MINUTE',
  globalPerSecond: 'HANDRAIL_COLLECTOR_GLOBAL_PER_SECOND',
  maxBodyBytes: 'HANDRAIL_COLLECTOR_MAX_BODY_BYTES',
  trustProxy: 'HANDRAIL_COLLECTOR_TRUST_PROXY',
  exportToken: 'HANDRAIL_COLLECTOR_EXPORT_TOKEN',
} as const satisfies Record<keyof typeof collectorSettingsSchema.shape, string>;

/** Raised with every setting that is wrong, one line each. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * Reads settings from `env`; `fallbackOrigins` are used when
 * HANDRAIL_COLLECTOR_ORIGINS is not set (the CLI passes the site's own
 * address from content/site.yaml).
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv, fallbackOrigins: string[] = []): CollectorSettings {
  const raw: Record<string, unknown> = {};
  for (const [key, variable] of Object.entries(SETTING_VARIABLES)) {
    const value = env[variable];
    if (value === undefined || value.trim() === '') continue;
    if (key === 'origins') raw[key] = value.split(/[\s,]+/).filter(Boolean);
    else if (key === 'trustProxy') raw[key] = ['1', 'true', 'yes'].includes(value.trim().toLowerCase());
    else raw[key] = value.trim();
  }
  raw.origins ??= fallbackOrigins;
  const parsed = collectorSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '') as keyof typeof SETTING_VARIABLES;
      const variable = SETTING_VARIABLES[key] ?? key;
      // Say what was received, except for the token (a secret) and origins (already quoted).
      const shown = key === 'exportToken' || key === 'origins' || env[variable] === undefined ? '' : ` (received "${env[variable]}")`;
      return `${variable}: ${issue.message}${shown}`;
    });
    throw new SettingsError(`The collector's settings need fixing:\n  ${lines.join('\n  ')}`);
  }
  return { ...parsed.data, dbFile: path.resolve(parsed.data.dbFile) };
}
