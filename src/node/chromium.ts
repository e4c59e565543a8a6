import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium where it is installed (CI and these machines cannot
 * download Playwright's browser); otherwise Playwright's own browser, as on
 * a developer's laptop after `npx playwright install chromium`.
 */
export const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch options shared by the tests, the audit and the benchmark. */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Nothing but this machine resolves: a request to another origin fails
      // fast, and the tests also watch for any such request.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  };
}
