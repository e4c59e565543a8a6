import { createHash } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/node/chromium.ts';

/**
 * Port of the static server the browser tests use: not 4321, so `npm start`
 * can run alongside, and different for each checkout of the project, because
 * a test run reuses a server already listening and two checkouts on one
 * machine would otherwise test each other's site.
 */
export const TEST_PORT = Number(process.env.HANDRAIL_TEST_PORT ?? 4400 + (createHash('sha1').update(import.meta.dirname).digest().readUInt16BE(0) % 500));

// Browser tests run against the built site in dist/ (never the dev server):
// `npm test` builds first. The server is the same one `npm start` uses.
export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts', 'a11y/**/*.spec.ts'],
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/results.json' }]] : 'list',
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${TEST_PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node scripts/serve.ts --dir dist --port ${TEST_PORT}`,
    url: `http://localhost:${TEST_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
