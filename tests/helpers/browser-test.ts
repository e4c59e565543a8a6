import { test as base } from '@playwright/test';
import { TEST_NOW } from './test-now.ts';

export { expect } from '@playwright/test';
export { TEST_NOW };

/**
 * Playwright's `test`, with every test's browser context at {@link TEST_NOW}
 * (made only for a test that uses a page or the context, as before). A test
 * that installs fake timers passes `{ time: TEST_NOW }`: `clock.install()`
 * alone starts from the real time.
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    await context.clock.setFixedTime(TEST_NOW);
    await use(context);
  },
});
