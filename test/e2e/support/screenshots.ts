/**
 * Screenshots of the workbench for the docs: `npx tsx test/e2e/support/screenshots.ts`.
 * Starts the real CLI on a free port with fresh demo data (or uses WORKBENCH_URL), and writes
 * docs/images/workbench-desktop.png, docs/images/workbench-phone.png,
 * docs/images/workbench-card.png (the "My next shift" card and its quick view), and the
 * recognition parts as their people see them: the wall on a phone (operator) and a desktop,
 * the team leader's crew view, HR's admin part and the Recognise card's quick view; and the
 * pulse parts on a phone: the Pulse part's question, the Pulse card's quick view, the on-shift
 * prompt over a page (the browser's clock inside the operator's next shift), HR's Pulse admin, the
 * Pulse results part's heatmap and comments (after the relay's timer published the closed round),
 * and "You said, we did" in the Pulse part; and the learning parts on a phone: My learning as the agency
 * operator in Dutch (the next step), My learning as the team leader in Swedish with "Waiting for
 * your sign-off" opened on the operator, the My learning card's quick view, the team leader's Crew
 * skills matrix with its coverage per shift, and HR's Learning admin.
 *
 * `SHOTS=learning npm run screenshots` takes only the shots whose file name contains "learning"
 * (any part of a file name; comma-separated for several).
 */
import * as fs from 'fs';
import * as path from 'path';

import type { Browser } from 'playwright-core';

import { launchBrowser } from './browser';
import { pulseWords } from '../../../src/ui/pulse/pulseWords';
import { planWords } from '../../../src/ui/pulsePlans/planWords';
import { resultsWords } from '../../../src/ui/pulseResults/resultsWords';
import { threadWords } from '../../../src/ui/pulseThreads/threadWords';
import { learningWords } from '../../../src/ui/learning/learningWords';
import { vivaWords } from '../../../src/ui/learning/vivaWords';
import { matrixWords } from '../../../src/ui/skillsMatrix/matrixWords';
import { adminWords } from '../../../src/ui/learningAdmin/adminWords';
import { addOpenRound, runPulseTimer } from './pulseRounds';
import { card, cardSettled, expectedRoster } from './cards';
import { CliTenant, ROOT, startCliTenant } from './tenant';
import { pageConfig, partSettled } from './workbench';

const OUT = path.join(ROOT, 'docs', 'images');

/** `SHOTS=learning,pulse-card`: only the shots whose file name contains one of these (all when unset). */
const ONLY = (process.env.SHOTS ?? '').split(',').map((part) => part.trim()).filter((part) => part.length > 0);

function wanted(file: string): boolean {
  return ONLY.length === 0 || ONLY.some((part) => file.includes(part));
}

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

interface PartShot {
  readonly file: string;
  readonly alias: string;
  /** The persona's label in the workbench (operator, team leader, HR…). */
  readonly persona: string;
  readonly viewport: { width: number; height: number };
  readonly scale: number;
  readonly frame: 'phone' | 'desktop';
  /** The page's language (`?locale=`); the workbench's default when absent. */
  readonly locale?: string;
  /** What shows that the part has its content (a role and accessible name). */
  readonly ready: { role: 'list' | 'button' | 'region' | 'heading' | 'table'; name: string | RegExp };
  /** After `ready`: e.g. open a card's quick view; `personaName` gives a persona's display name by its label. */
  readonly then?: (page: import('playwright-core').Page, personaName: (label: string) => string) => Promise<void>;
  /** The browser's clock for the shot (the prompt shows only on shift), from the persona's roster. */
  readonly clock?: (tenant: CliTenant, userPrincipalName: string) => Promise<Date>;
  /** Before the page opens: e.g. the relay's pulse timer, which publishes the closed round's results. */
  readonly before?: (tenant: CliTenant, personaUpn: (label: string) => string) => Promise<void>;
}

/** The survey's Start button in whichever of its languages it speaks (the person's, whatever the page's). */
function startButton(within: import('playwright-core').Locator): import('playwright-core').Locator {
  const [first, ...others] = ['en-us', 'nl-nl', 'sv-se'].map((locale) => within.getByRole('button', { name: pulseWords(locale).start, exact: true }));
  return others.reduce((all, one) => all.or(one), first);
}

/** A round open for everyone for five days (the demo's monthly pulse may be answered already by the persona; the prompt's clock is up to days ahead). */
async function shortRound(tenant: CliTenant, hrUpn: string): Promise<void> {
  const now = Date.now();
  await addOpenRound(tenant.origin, hrUpn, { title: 'Shift check-in', questionKeys: ['part-of-team', 'recommend-workplace', 'one-thing-better'], opensAt: now - 3_600_000, closesAt: now + 5 * 24 * 3_600_000 });
}

/** Three hours into the person's next shift in the demo roster. */
async function onShift(tenant: CliTenant, userPrincipalName: string): Promise<Date> {
  const roster = await expectedRoster(`${tenant.origin}/graph/v1.0`, userPrincipalName, new Date());
  if (!roster.view.next) {
    throw new Error('The demo roster gives the operator no next shift.');
  }
  return new Date(Date.parse(roster.view.next.start) + 3 * 3_600_000);
}

/** Starts the survey: the shot shows the first question's targets. */
async function startSurvey(page: import('playwright-core').Page, within: import('playwright-core').Locator): Promise<void> {
  await startButton(within).click();
  await within.getByRole('radio').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
}

const PHONE = { viewport: { width: 360, height: 740 }, scale: 2, frame: 'phone' as const };

const PART_SHOTS: readonly PartShot[] = [
  {
    file: 'recognition-wall-phone.png',
    alias: 'RecognitionWallWebPart',
    persona: 'Operator',
    viewport: { width: 360, height: 740 },
    scale: 2,
    frame: 'phone',
    ready: { role: 'list', name: 'Recognitions, newest first' }
  },
  {
    file: 'recognition-wall-desktop.png',
    alias: 'RecognitionWallWebPart',
    persona: 'Operator',
    viewport: { width: 1280, height: 860 },
    scale: 1,
    frame: 'desktop',
    ready: { role: 'list', name: 'Recognitions, newest first' }
  },
  {
    file: 'crew-recognition.png',
    alias: 'CrewRecognitionWebPart',
    persona: 'Team leader',
    viewport: { width: 1280, height: 860 },
    scale: 1,
    frame: 'desktop',
    ready: { role: 'list', name: /.+/ }
  },
  {
    file: 'recognition-admin.png',
    alias: 'RecognitionAdminWebPart',
    persona: 'HR',
    viewport: { width: 1280, height: 860 },
    scale: 1,
    frame: 'desktop',
    ready: { role: 'list', name: /.+/ }
  },
  {
    file: 'pulse-phone.png',
    alias: 'PulseWebPart',
    persona: 'Operator',
    ...PHONE,
    before: (tenant, upn) => shortRound(tenant, upn('HR')),
    ready: { role: 'heading', name: /.+/ },
    then: (page) => startSurvey(page, page.locator('[data-part-alias="PulseWebPart"]'))
  },
  {
    file: 'pulse-card-phone.png',
    alias: 'PulseAdaptiveCardExtension',
    persona: 'Operator',
    ...PHONE,
    ready: { role: 'button', name: /.+/ },
    then: async (page) => {
      await card(page, 'PulseAdaptiveCardExtension').getByRole('button').first().click();
      await page.getByRole('dialog').getByTestId('quick-view-card').waitFor();
      await startButton(page.getByRole('dialog')).waitFor({ timeout: 30_000 });
    }
  },
  {
    file: 'pulse-prompt-phone.png',
    alias: 'PulsePromptApplicationCustomizer',
    persona: 'Operator',
    ...PHONE,
    before: (tenant, upn) => shortRound(tenant, upn('HR')),
    ready: { role: 'region', name: /.+/ },
    clock: onShift
  },
  {
    file: 'pulse-prompt-survey-phone.png',
    alias: 'PulsePromptApplicationCustomizer',
    persona: 'Operator',
    ...PHONE,
    ready: { role: 'region', name: /.+/ },
    clock: onShift,
    then: async (page) => {
      const part = page.locator('[data-part-alias="PulsePromptApplicationCustomizer"]');
      await part.getByRole('region').getByRole('button').first().click();
      await startSurvey(page, part.getByRole('dialog'));
    }
  },
  {
    file: 'pulse-admin-phone.png',
    alias: 'PulseAdminWebPart',
    persona: 'HR',
    ...PHONE,
    ready: { role: 'heading', name: /.+/ }
  },
  {
    file: 'pulse-results-heatmap-phone.png',
    alias: 'PulseResultsWebPart',
    persona: 'HR',
    ...PHONE,
    ready: { role: 'heading', name: /.+/ },
    before: (tenant) => runPulseTimer(tenant.origin),
    then: async (page) => {
      const part = page.locator('[data-part-alias="PulseResultsWebPart"]');
      await part.getByRole('tab', { name: resultsWords('en-us').tabs.heatmap }).click();
      await part.locator('[data-withheld]').first().scrollIntoViewIfNeeded();
    }
  },
  {
    file: 'pulse-results-comments-phone.png',
    alias: 'PulseResultsWebPart',
    persona: 'HR',
    ...PHONE,
    ready: { role: 'heading', name: /.+/ },
    before: (tenant) => runPulseTimer(tenant.origin),
    then: async (page) => {
      const part = page.locator('[data-part-alias="PulseResultsWebPart"]');
      await part.getByRole('tab', { name: resultsWords('en-us').tabs.comments }).click();
      await part.getByRole('button', { name: threadWords('en-us').reply, exact: true }).first().scrollIntoViewIfNeeded();
    }
  },
  {
    file: 'pulse-plans-phone.png',
    alias: 'PulseWebPart',
    persona: 'Agency operator',
    ...PHONE,
    ready: { role: 'heading', name: /.+/ },
    then: async (page) => {
      const heading = page.locator('[data-part-alias="PulseWebPart"]').getByRole('heading', { name: planWords('en-us').youSaidWeDid });
      await heading.waitFor({ timeout: 30_000 });
      await heading.scrollIntoViewIfNeeded();
    }
  },
  {
    file: 'learning-next-step-phone.png',
    alias: 'MyLearningWebPart',
    persona: 'Agency operator',
    ...PHONE,
    locale: 'nl-nl',
    ready: { role: 'region', name: learningWords('nl-nl').nextHeading }
  },
  {
    // The demo operator has done the forklift licence's practical test and asked their team leader to sign it off.
    file: 'learning-signoff-phone.png',
    alias: 'MyLearningWebPart',
    persona: 'Team leader',
    ...PHONE,
    locale: 'sv-se',
    ready: { role: 'region', name: learningWords('sv-se').signOffHeading },
    then: async (page, personaName) => {
      const waiting = page.locator('[data-part-alias="MyLearningWebPart"]').getByRole('region', { name: learningWords('sv-se').signOffHeading });
      const name = waiting.getByRole('button', { name: personaName('Operator'), exact: true });
      await name.click({ timeout: 60_000 });
      const signOff = waiting.getByRole('button', { name: learningWords('sv-se').signOff, exact: true }).first();
      await signOff.waitFor({ timeout: 30_000 });
      await waiting.scrollIntoViewIfNeeded();
    }
  },
  {
    file: 'learning-card-phone.png',
    alias: 'MyLearningAdaptiveCardExtension',
    persona: 'Agency operator',
    ...PHONE,
    ready: { role: 'button', name: /.+/ },
    then: async (page) => {
      await card(page, 'MyLearningAdaptiveCardExtension').getByRole('button').first().click();
      const quickView = page.getByRole('dialog').getByTestId('quick-view-card');
      await quickView.getByText(vivaWords('en-us').heading).waitFor({ timeout: 30_000 });
      // The Viva Learning courses come from Graph once the quick view opens.
      await quickView.getByText(vivaWords('en-us').loading).waitFor({ state: 'hidden', timeout: 30_000 });
    }
  },
  {
    file: 'learning-skills-matrix-phone.png',
    alias: 'SkillsMatrixWebPart',
    persona: 'Team leader',
    ...PHONE,
    ready: { role: 'table', name: matrixWords('en-us').matrixCaption },
    then: async (page) => {
      const part = page.locator('[data-part-alias="SkillsMatrixWebPart"]');
      await part.getByRole('heading', { name: matrixWords('en-us').coverageHeading }).waitFor({ timeout: 30_000 });
      // The matrix's last rows above the coverage's first shifts.
      await part.getByRole('heading', { name: matrixWords('en-us').coverageHeading }).evaluate((heading) => heading.scrollIntoView({ block: 'center' }));
    }
  },
  {
    file: 'learning-admin-phone.png',
    alias: 'LearningAdminWebPart',
    persona: 'HR',
    ...PHONE,
    ready: { role: 'button', name: adminWords('en-us').newPath },
    then: async (page) => {
      await page.locator('[data-part-alias="LearningAdminWebPart"]').getByRole('button', { name: adminWords('en-us').assign }).first().waitFor({ timeout: 30_000 });
    }
  },
  {
    file: 'recognise-card.png',
    alias: 'RecogniseAdaptiveCardExtension',
    persona: 'Operator',
    viewport: { width: 1000, height: 760 },
    scale: 1,
    frame: 'desktop',
    ready: { role: 'button', name: /.+/ },
    then: async (page) => {
      await card(page, 'RecogniseAdaptiveCardExtension').getByRole('button').first().click();
      await page.getByRole('dialog').getByTestId('quick-view-card').waitFor();
    }
  }
];

async function partShot(browser: Browser, tenant: CliTenant, shot: PartShot): Promise<void> {
  const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: shot.scale, timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  const locale = shot.locale ? `&locale=${encodeURIComponent(shot.locale)}` : '';
  const url = `${tenant.workbenchUrl}?part=${shot.alias}&theme=light&section=none&frame=${shot.frame}&edit=0&tab=page${locale}`;
  await page.goto(url);
  const persona = (await pageConfig(page)).personas.find((p) => p.label === shot.persona);
  if (!persona) {
    throw new Error(`No persona labelled ${shot.persona} in the workbench.`);
  }
  await context.addCookies([{ name: 'se_persona', value: encodeURIComponent(persona.userPrincipalName), url: tenant.origin }]);
  const personas = (await pageConfig(page)).personas;
  const personaOf = (label: string): (typeof personas)[number] | undefined => personas.find((p) => p.label === label);
  await shot.before?.(tenant, (label) => personaOf(label)?.userPrincipalName ?? '');
  if (shot.clock) {
    await context.clock.install({ time: await shot.clock(tenant, persona.userPrincipalName) });
  }
  await page.goto(url);
  const part = page.locator(`[data-part-alias="${shot.alias}"]`);
  await part.getByRole(shot.ready.role, { name: shot.ready.name }).first().waitFor({ timeout: 60_000 });
  await shot.then?.(page, (label) => personaOf(label)?.displayName ?? label);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const file = path.join(OUT, shot.file);
  await page.screenshot({ path: file });
  process.stdout.write(`${path.relative(ROOT, file)} (${shot.viewport.width}×${shot.viewport.height}, ${shot.persona})\n`);
  await context.close();
}

async function main(): Promise<void> {
  const tenant = await startCliTenant();
  const browser = await launchBrowser();
  let exitCode: number | undefined;
  try {
    fs.mkdirSync(OUT, { recursive: true });
    for (const shot of SHOTS.filter((one) => wanted(one.file))) {
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
    if (wanted('workbench-card.png')) {
      await cardShot(browser, tenant);
    }
    for (const shot of PART_SHOTS.filter((one) => wanted(one.file))) {
      await partShot(browser, tenant, shot);
    }
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
