/**
 * End to end: the Viva Connections cards as people get them on a phone, light and dark. The
 * two cards side by side on the dashboard of a 360 × 740 phone, their quick views opening as
 * the Viva Connections app opens them (a full-screen sheet with its own title bar), as the
 * operator, the team leader and HR, in every state a person reaches: Ready, each step of the
 * Recognise quick view (colleagues and values, a value before a colleague, the lines, the
 * folded options, one's own words, sent), Setup, Error with Try again during an outage, and
 * My next shift's crew that could not be read, with its Try again.
 *
 * In each state every interactive element of the cards and of the open quick view is at least
 * 48 × 48 px as a finger meets it (`smallTargets`), nothing scrolls sideways, and axe finds no
 * serious or critical violation (colour contrast included) with the dashboard on a strong
 * section background; the dashboard on no background is scanned too.
 */
import * as path from 'path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

import type { RecogniseStrings } from '../../src/adaptiveCardExtensions/recognise/recogniseViews';
import { format } from '../../src/ui/format';
import { loadAmdStrings } from '../support/sources';
import { type AxeFinding, newContext, PHONE, seriousAxeViolations } from './support/browser';
import { activeValueNames, card, cardInState, cardSettled } from './support/cards';
import { NO_FAULTS, outageOf, setFaults } from './support/faults';
import { workbenchSession } from './support/session';
import { smallTargets } from './support/targets';
import { choose, openWorkbench, pageConfig, type PageConfig, pageScrollsSideways } from './support/workbench';

jest.setTimeout(240_000);

const SHIFT = 'MyNextShiftAdaptiveCardExtension';
const RECOGNISE = 'RecogniseAdaptiveCardExtension';
const e2e = workbenchSession();

type Persona = PageConfig['personas'][number];
type Theme = 'light' | 'dark';
type Section = 'none' | 'strong';

const en = {
  ...loadAmdStrings(path.join(__dirname, '..', '..', 'src', 'ui', 'recognition', 'loc', 'en-us.js')),
  ...loadAmdStrings(path.join(__dirname, '..', '..', 'src', 'adaptiveCardExtensions', 'recognise', 'loc', 'en-us.js'))
} as unknown as RecogniseStrings;

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
}

/** What one state measured: its small targets, sideways scrolling, axe's findings. */
interface Finding {
  readonly state: string;
  readonly small: string[];
  readonly sideways: boolean;
  readonly axe: AxeFinding[];
}

/** A persona by its workbench label, from the configuration the workbench embeds in its page. */
async function persona(label: string): Promise<Persona> {
  const html = await (await fetch(e2e.tenant.workbenchUrl)).text();
  const embedded = /<script id="se-workbench-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  const found = (JSON.parse(embedded?.[1] ?? '{"personas":[]}') as PageConfig).personas.find((p) => p.label === label);
  if (!found) {
    throw new Error(`The workbench offers no "${label}" persona.`);
  }
  return found;
}

/** Both cards on the dashboard of a phone-framed page, as the persona, in the theme, on the section background. */
async function openDashboard(who: Persona, theme: Theme, section: Section = 'strong'): Promise<Opened> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, PHONE, 'Europe/Stockholm');
  await session.context.addCookies([{ name: 'se_persona', value: encodeURIComponent(who.userPrincipalName), url: e2e.tenant.origin }]);
  await openWorkbench(session.page, `${e2e.tenant.workbenchUrl}?part=${SHIFT},${RECOGNISE}&theme=${theme}&frame=phone&section=${section}&edit=0&tab=page`);
  expect((await pageConfig(session.page)).user.userPrincipalName).toBe(who.userPrincipalName);
  return session;
}

/** Measures the cards (and the open quick view): targets, sideways scrolling and, when asked, axe. */
async function measure(page: Page, state: string, quickView?: Locator, axe = true): Promise<Finding> {
  // Let a sheet's or dialog's fade-in finish: axe measures colours mid-animation.
  await page.waitForTimeout(400);
  const small = [...(await smallTargets(card(page, SHIFT))), ...(await smallTargets(card(page, RECOGNISE)))];
  if (quickView) {
    small.push(...(await smallTargets(quickView)));
  }
  return { state, small, sideways: await pageScrollsSideways(page), axe: axe ? await seriousAxeViolations(page) : [] };
}

/** The states that failed, readable (empty when every state passed). */
function failures(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.small.length > 0 || f.sideways || f.axe.length > 0);
}

/**
 * Opens a card's quick view from its button: a full-screen sheet on the phone with the card's
 * title as its level-2 heading and a 48 px close button in its title bar.
 */
async function openQuickView(page: Page, alias: string, button: string, title: string): Promise<Locator> {
  await card(page, alias).getByRole('button', { name: button, exact: true }).click();
  const sheet = page.getByRole('dialog', { name: title });
  await sheet.getByTestId('quick-view-card').waitFor();
  await sheet.getByRole('heading', { level: 2, name: title }).waitFor();
  // The dialog role sits on Fluent UI's layer; the surface people see is its modal's main box.
  const box = await sheet.locator('.ms-Dialog-main').boundingBox();
  expect(box && { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) }).toEqual({
    x: 0,
    y: 0,
    ...PHONE
  });
  const close = await sheet.getByRole('button', { name: 'Close the quick view' }).boundingBox();
  expect({ width: close?.width, height: close?.height }).toEqual({ width: 48, height: 48 });
  return sheet;
}

async function closeQuickView(sheet: Locator): Promise<void> {
  await sheet.getByRole('button', { name: 'Close the quick view' }).click();
  await sheet.waitFor({ state: 'detached' });
}

async function openShiftDetails(page: Page): Promise<Locator> {
  const sheet = await openQuickView(page, SHIFT, 'Shift details', 'My next shift');
  await sheet.getByRole('heading', { name: /^Working with you( \(\d+\))?$/ }).waitFor();
  return sheet;
}

async function openRecognise(page: Page): Promise<Locator> {
  const sheet = await openQuickView(page, RECOGNISE, en.OpenButton, en.Title);
  await sheet.getByText(en.ValueQuestion, { exact: true }).waitFor({ timeout: 30_000 });
  return sheet;
}

/** The Try again of a card in Error; it may have recovered by itself first. */
async function tryAgain(page: Page, alias: string): Promise<void> {
  await card(page, alias)
    .getByRole('button', { name: 'Try again' })
    .click({ timeout: 5_000 })
    .catch(() => undefined);
  await cardInState(page, alias, 'ready');
}

describe.each(['light', 'dark'] as const)('the cards on a phone (%s)', (theme) => {
  it('the operator: both cards, the shift details and every step of recognising, each target 48 px, axe clean on strong and no background', async () => {
    const operator = await persona('Operator');
    const colleague = await persona('Agency operator');
    const { context, page, problems } = await openDashboard(operator, theme);
    const findings: Finding[] = [];
    try {
      expect(await cardSettled(page, SHIFT)).toBe('ready');
      expect(await cardSettled(page, RECOGNISE)).toBe('ready');
      // Two to a row, as on the Viva Connections app: both medium cards side by side on the phone.
      const [shiftBox, recogniseBox] = [await card(page, SHIFT).boundingBox(), await card(page, RECOGNISE).boundingBox()];
      expect(shiftBox && recogniseBox && Math.abs(shiftBox.y - recogniseBox.y) < 1 && shiftBox.x + shiftBox.width <= recogniseBox.x).toBe(true);
      findings.push(await measure(page, 'dashboard'));

      const details = await openShiftDetails(page);
      findings.push(await measure(page, 'shift details', details));
      await closeQuickView(details);

      const values = await activeValueNames(e2e.tenant.origin, operator.userPrincipalName, 'en-us');
      const quality = values.find((v) => v.key === 'quality') ?? values[0];
      const sheet = await openRecognise(page);
      findings.push(await measure(page, 'recognise: colleagues and values', sheet));
      // A value before a colleague: it says who is missing.
      await sheet.getByRole('button', { name: values[0].name, exact: true }).click();
      await sheet.getByText(en.ProblemsHeading, { exact: true }).waitFor({ timeout: 30_000 });
      findings.push(await measure(page, 'recognise: a value before a colleague', sheet));
      await sheet.getByTestId('quick-view-card').locator('label').filter({ hasText: colleague.displayName }).click();
      await sheet.getByRole('button', { name: quality.name, exact: true }).click();
      await sheet.getByText(en.SuggestionsHeading, { exact: true }).waitFor({ timeout: 30_000 });
      findings.push(await measure(page, 'recognise: the lines', sheet));
      await sheet.getByRole('button', { name: en.MoreOptions, exact: true }).click();
      await sheet.getByRole('textbox', { name: en.ImpactLabel }).waitFor({ timeout: 30_000 });
      findings.push(await measure(page, 'recognise: impact and who sees it', sheet));
      await sheet.getByRole('button', { name: en.WriteOwn, exact: true }).click();
      const box = sheet.getByRole('textbox', { name: en.MessageLabel });
      await box.waitFor({ timeout: 30_000 });
      // Text boxes take the sheet's width (less its 16 px padding each side).
      expect(Math.round((await box.boundingBox())?.width ?? 0)).toBe(PHONE.width - 32);
      await box.fill(`Kept the line running on a phone ${theme} #${Date.now()}`);
      findings.push(await measure(page, 'recognise: own words', sheet, false));
      await sheet.getByRole('button', { name: en.SendButton, exact: true }).click();
      await sheet.getByText(format(en.ResultSent, colleague.displayName)).waitFor({ timeout: 30_000 });
      findings.push(await measure(page, 'recognise: sent', sheet));
      await closeQuickView(sheet);

      await choose(page, 'Section background', 'None');
      findings.push(await measure(page, 'dashboard on no background'));
      expect(failures(findings)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the team leader: the colleagues and the lines in the Recognise quick view, and the shift details', async () => {
    const { context, page, problems } = await openDashboard(await persona('Team leader'), theme);
    const findings: Finding[] = [];
    try {
      expect(await cardSettled(page, RECOGNISE)).toBe('ready');
      expect(await cardSettled(page, SHIFT)).toBe('ready');
      const sheet = await openRecognise(page);
      findings.push(await measure(page, 'recognise: colleagues and values', sheet));
      // The first colleague offered, whichever way the list is shown (rows, or a box that filters).
      const row = sheet.getByTestId('quick-view-card').locator('.ac-choiceSetInput-expanded label').first();
      if ((await row.count()) > 0) {
        await row.click();
      } else {
        const search = sheet.getByTestId('quick-view-card').locator('input.ac-input').first();
        const first = await search.evaluate((input) => (input as HTMLInputElement).list?.options[0]?.value ?? '');
        await search.fill(first);
      }
      const values = await activeValueNames(e2e.tenant.origin, (await persona('Team leader')).userPrincipalName, 'en-us');
      await sheet.getByRole('button', { name: values[0].name, exact: true }).click();
      await sheet.getByRole('button', { name: en.MoreOptions, exact: true }).waitFor({ timeout: 30_000 });
      findings.push(await measure(page, 'recognise: the next step', sheet));
      await closeQuickView(sheet);
      const details = await openShiftDetails(page);
      findings.push(await measure(page, 'shift details', details));
      expect(failures(findings)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('HR, in no team with a schedule: My next shift in Setup next to the Recognise card', async () => {
    const { context, page } = await openDashboard(await persona('HR'), theme);
    try {
      expect(await cardSettled(page, SHIFT)).toBe('setup');
      await cardSettled(page, RECOGNISE);
      expect(failures([await measure(page, 'setup')])).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an outage of Graph: both cards in Error with Try again, then the crew that could not be read with its own Try again', async () => {
    await setFaults(e2e.tenant.origin, outageOf('/graph/'));
    let opened: Opened | undefined;
    const findings: Finding[] = [];
    try {
      opened = await openDashboard(await persona('Operator'), theme);
      const { page } = opened;
      await cardInState(page, SHIFT, 'error');
      await cardInState(page, RECOGNISE, 'error');
      findings.push(await measure(page, 'error'));
      await setFaults(e2e.tenant.origin, NO_FAULTS);
      await tryAgain(page, SHIFT);
      await tryAgain(page, RECOGNISE);

      // Graph goes away again before the shift details are opened: the names cannot be read.
      await setFaults(e2e.tenant.origin, outageOf('/graph/'));
      const details = await openQuickView(page, SHIFT, 'Shift details', 'My next shift');
      const retry = details.getByRole('button', { name: 'Try again', exact: true });
      await retry.waitFor({ timeout: 30_000 });
      findings.push(await measure(page, 'shift details: crew not read', details));
      await setFaults(e2e.tenant.origin, NO_FAULTS);
      await retry.click();
      await details.getByRole('heading', { name: /^Working with you \(\d+\)$/ }).waitFor({ timeout: 30_000 });
      expect(failures(findings)).toEqual([]);
    } finally {
      await setFaults(e2e.tenant.origin, NO_FAULTS);
      await opened?.context.close();
    }
  });
});
