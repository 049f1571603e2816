/**
 * Headless Chromium through playwright-core (no browser download; which one: ./chromium.ts), and
 * an axe-core scan that fails on serious or critical violations.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

import { resolveChromium } from './chromium';

/** The Chromium that ./chromium.ts chooses: CHROMIUM_PATH, the machine's, or the packaged one. */
export async function launchBrowser(): Promise<Browser> {
  const target = await resolveChromium();
  return chromium.launch({
    executablePath: target.executablePath,
    args: [...target.args],
    env: { ...process.env, ...target.env }
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/**
 * A fresh context (own cookies and localStorage) that fails on page errors and records every
 * request that left the local tenant (there must be none: no CDN, no telemetry).
 */
export async function newContext(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number } = DESKTOP,
  /** The device's time zone (IANA); the machine's when not given. */
  timezoneId?: string
): Promise<{ context: BrowserContext; page: Page; problems: string[]; external: string[] }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, timezoneId });
  // The workbench's own page hosts every part at once; on a busy two-core machine a click or a
  // wait there can take longer than playwright's 30 s default without anything being wrong.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const problems: string[] = [];
  const external: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()}`);
    }
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) {
      return route.continue();
    }
    external.push(url);
    return route.abort();
  });
  return { context, page, problems, external };
}

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/** The WCAG 2.x A/AA rules the scan runs. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: string | undefined;

/** axe-core's browser build, the one @axe-core/playwright ships with. */
function axeScript(): string {
  if (axeSource === undefined) {
    const from = path.dirname(require.resolve('@axe-core/playwright'));
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js', { paths: [from] }), 'utf8');
  }
  return axeSource;
}

interface AxeViolation {
  readonly id: string;
  readonly impact?: string;
  readonly help: string;
  readonly nodes: ReadonlyArray<{ readonly target: readonly unknown[]; readonly failureSummary?: string }>;
}

/**
 * WCAG 2.x A/AA rules over the whole page; returns the serious and critical violations, readable.
 *
 * axe-core runs in the page itself, put there once per document: the workbench has no frames, and
 * @axe-core/playwright's builder injects the script again into every frame and finishes each scan
 * in a new blank page, which took 1.5–3.5 s a scan (measured), half of a phone e2e file's time.
 * The rules and the result are the same.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const frames = page.frames().length;
  if (frames !== 1) {
    throw new Error(`The page has ${frames} frames: the axe scan covers one document only.`);
  }
  if (!(await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object'))) {
    await page.evaluate(axeScript());
  }
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return JSON.parse(JSON.stringify(results.violations)) as unknown[];
  }, AXE_TAGS);
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
    }));
}
