/**
 * Screenshots of the workbench for the docs: `npx tsx test/e2e/support/screenshots.ts`.
 * Starts the real CLI on a free port with fresh demo data (or uses WORKBENCH_URL), and writes
 * docs/images/workbench-desktop.png, docs/images/workbench-phone.png and
 * docs/images/workbench-card.png (the "My next shift" card and its quick view).
 */
import * as fs from 'fs';
import * as path from 'path';

import type { Browser } from 'playwright-core';

import { launchBrowser } from './browser';
import { card, cardSettled } from './cards';
import { CliTenant, ROOT, startCliTenant } from './tenant';
import { pageConfig, partSettled } from './workbench';

const OUT = path.join(ROOT, 'docs', 'images');

interface Shot {
  readonly file: string;
  readonly viewport: { width: number; height: number };
  readonly scale: number;
  /** Workbench settings through the query string (theme, section, frame, edit, tab). */
  readonly query: string;
}

const SHOTS: readonly Shot[] = [
  { file: 'workbench-desktop.png', viewport: { width: 1280, height: 860 }, scale: 1, query: 'theme=light&section=none&frame=desktop&edit=1&tab=page' },
  { file: 'workbench-phone.png', viewport: { width: 360, height: 740 }, scale: 2, query: 'theme=light&section=none&frame=phone&edit=0&tab=page' }
];

/** The card as the operator sees it on a Göteborg phone's clock, with its quick view open. */
async function cardShot(browser: Browser, tenant: CliTenant): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, deviceScaleFactor: 1, timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  await page.goto(`${tenant.workbenchUrl}?part=MyNextShiftAdaptiveCardExtension&theme=light&frame=desktop&edit=0&tab=page`);
  const state = await cardSettled(page, 'MyNextShiftAdaptiveCardExtension');
  await card(page, 'MyNextShiftAdaptiveCardExtension').getByRole('button', { name: 'Shift details' }).click();
  await page.getByRole('dialog').getByTestId('quick-view-card').getByRole('heading').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  const file = path.join(OUT, 'workbench-card.png');
  await page.screenshot({ path: file });
  process.stdout.write(`${path.relative(ROOT, file)} (1000×760, card: ${state})\n`);
  await context.close();
}

async function main(): Promise<void> {
  const tenant = await startCliTenant();
  const browser = await launchBrowser();
  let exitCode: number | undefined;
  try {
    fs.mkdirSync(OUT, { recursive: true });
    for (const shot of SHOTS) {
      const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: shot.scale });
      const page = await context.newPage();
      await page.goto(`${tenant.workbenchUrl}?${shot.query}`);
      // The Engage Setup part is a site admin's tool: show it as the site admin sees it.
      const admin = (await pageConfig(page)).personas.find((persona) => persona.label === 'Site admin');
      if (admin) {
        await context.addCookies([{ name: 'se_persona', value: encodeURIComponent(admin.userPrincipalName), url: tenant.origin }]);
        await page.reload();
      }
      const state = await partSettled(page);
      // Let Fluent UI's icon font and the last layout pass settle.
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      const file = path.join(OUT, shot.file);
      await page.screenshot({ path: file });
      process.stdout.write(`${path.relative(ROOT, file)} (${shot.viewport.width}×${shot.viewport.height}, part: ${state})\n`);
      await context.close();
    }
    await cardShot(browser, tenant);
  } finally {
    await browser.close();
    exitCode = await tenant.stop();
  }
  if (!process.env.WORKBENCH_URL && exitCode !== 0) {
    throw new Error(`The tenant exited with ${exitCode}.`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
