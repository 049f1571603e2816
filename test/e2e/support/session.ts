/**
 * One end-to-end session per test file: `npm start`'s CLI in a child process and Chromium
 * (./chromium.ts chooses which), started before the file's tests and stopped after them; the
 * CLI must exit cleanly on SIGINT (unless the tests run against a tenant started by hand,
 * WORKBENCH_URL).
 */
import type { Browser } from 'playwright-core';

import { launchBrowser } from './browser';
import { type CliTenant, startCliTenant } from './tenant';

export interface WorkbenchSession {
  readonly tenant: CliTenant;
  readonly browser: Browser;
}

export function workbenchSession(): WorkbenchSession {
  let tenant: CliTenant | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    tenant = await startCliTenant();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (tenant) {
      const code = await tenant.stop();
      if (!process.env.WORKBENCH_URL) {
        expect(code).toBe(0);
      }
    }
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(`The e2e session has no ${what}: did beforeAll fail?`);
    }
    return value;
  };
  return {
    get tenant() {
      return started(tenant, 'tenant');
    },
    get browser() {
      return started(browser, 'browser');
    }
  };
}
