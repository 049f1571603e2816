/**
 * End to end: the "My next shift" card on the workbench dashboard, hosted like Viva
 * Connections hosts it, against the demo plant's Teams Shifts in the local Graph. What the
 * card should say is worked out from Graph directly (support/cards.ts), as each persona.
 */
import * as path from 'path';
import type { Page } from 'playwright-core';

import { DEFAULT_PROPERTIES, myNextShiftCardView, type MyNextShiftStrings } from '../../src/adaptiveCardExtensions/myNextShift/myNextShiftViews';
import { loadAmdStrings } from '../support/sources';
import { DESKTOP, newContext, PHONE, seriousAxeViolations } from './support/browser';
import { workbenchSession } from './support/session';
import { card, cardInState, cardSettled, cardText, expectedRoster, type ExpectedRoster } from './support/cards';
import { choose, openWorkbench, pageConfig, pageScrollsSideways, switchTo } from './support/workbench';

jest.setTimeout(180_000);

const ALIAS = 'MyNextShiftAdaptiveCardExtension';
/** The demo plant's operators work in Göteborg: their phones are on Swedish time. */
const TIME_ZONE = 'Europe/Stockholm';

const e2e = workbenchSession();

async function open(viewport = DESKTOP, query = ''): ReturnType<typeof newContext> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, viewport, TIME_ZONE);
  await openWorkbench(session.page, `${e2e.tenant.workbenchUrl}${query}`);
  return session;
}

function strings(locale: string): MyNextShiftStrings {
  const file = path.join(__dirname, '..', '..', 'src', 'adaptiveCardExtensions', 'myNextShift', 'loc', `${locale}.js`);
  return loadAmdStrings(file) as unknown as MyNextShiftStrings;
}

/** The card face the person should see now: their roster from Graph, through the card's view. */
function expectedFace(expected: ExpectedRoster, locale = 'en-us'): { primary: string; description: string } {
  const face = myNextShiftCardView(
    { status: 'ready', data: expected.view },
    { properties: DEFAULT_PROPERTIES, locale, timeZone: TIME_ZONE, now: new Date() },
    strings(locale)
  );
  return { primary: face.primaryText, description: face.description ?? '' };
}

async function expectedFor(page: Page): Promise<ExpectedRoster> {
  const config = await pageConfig(page);
  return expectedRoster(`${e2e.tenant.origin}/graph/v1.0`, config.user.userPrincipalName, new Date());
}

/** Opens the quick view and waits for the crew on the shift, whose names it reads as it opens. */
async function openQuickView(page: Page): Promise<ReturnType<Page['getByRole']>> {
  await card(page, ALIAS).getByRole('button', { name: 'Shift details' }).click();
  const dialog = page.getByRole('dialog', { name: 'My next shift' });
  await dialog.getByTestId('quick-view-card').getByRole('heading', { name: /^Working with you \(\d+\)$/ }).waitFor();
  return dialog;
}

describe('My next shift card', () => {
  it('shows the operator’s real next shift from the demo plant', async () => {
    const { context, page, problems, external } = await open();
    try {
      const expected = await expectedFor(page);
      expect(expected.view.next ?? expected.view.current).toBeDefined();
      expect(await cardSettled(page, ALIAS)).toBe('ready');
      const shown = await cardText(page, ALIAS);
      expect(shown.title).toBe('My next shift');
      expect({ primary: shown.primary, description: shown.description }).toEqual(expectedFace(expected));
      expect(shown.primary).toMatch(/^(Next shift: \w{3}( \w{3} \d+)? \d\d:\d\d|On shift now until \d\d:\d\d|On leave until )/);
      expect(external).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens the quick view with the crew, by keyboard; Esc closes it and focus returns', async () => {
    const { context, page } = await open();
    try {
      const expected = await expectedFor(page);
      await cardSettled(page, ALIAS);
      const details = card(page, ALIAS).getByRole('button', { name: 'Shift details' });
      await details.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'My next shift' });
      await dialog.getByRole('heading', { name: `Working with you (${expected.view.crew.length})` }).waitFor();
      const text = (await dialog.textContent()) ?? '';
      expect(expected.view.crew.length).toBeGreaterThan(0);
      for (const member of expected.view.crew) {
        expect(text).toContain(member.displayName);
      }
      expect(text).not.toContain(expected.displayName);
      // Focus moved into the dialog; Esc closes it and gives focus back to the button.
      expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await details.evaluate((button) => button === document.activeElement)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['Agency operator', /^Agency operator: /],
    ['Team leader', /^Team leader: /]
  ])('switching persona to the %s shows that person’s roster', async (_label, option) => {
    const { context, page } = await open();
    try {
      const operator = await expectedFor(page);
      await cardSettled(page, ALIAS);
      await switchTo(page, 'Persona', option);
      const expected = await expectedFor(page);
      expect(expected.displayName).not.toBe(operator.displayName);
      await cardSettled(page, ALIAS);
      const shown = await cardText(page, ALIAS);
      expect({ primary: shown.primary, description: shown.description }).toEqual(expectedFace(expected));
      const dialog = await openQuickView(page);
      const text = (await dialog.textContent()) ?? '';
      expect(text).toContain(`Working with you (${expected.view.crew.length})`);
      for (const member of expected.view.crew) {
        expect(text).toContain(member.displayName);
      }
      expect(text).not.toContain(expected.displayName);
      // In the demo plant they work in the operator's crew: now the operator is a colleague.
      if (expected.view.crew.some((member) => member.displayName === operator.displayName)) {
        expect(text).toContain(operator.displayName);
      }
    } finally {
      await context.close();
    }
  });

  it('shows Setup for someone in no team with a schedule (HR)', async () => {
    const { context, page } = await open();
    try {
      await switchTo(page, 'Persona', /^HR: /);
      expect(await cardSettled(page, ALIAS)).toBe('setup');
      expect((await cardText(page, ALIAS)).primary).toBe('Your roster isn\'t here yet');
      expect(await card(page, ALIAS).getByRole('button').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('shows Error with a retry when Graph keeps throttling, and recovers on Try again', async () => {
    const faults = (settings: object): Promise<Response> =>
      fetch(`${e2e.tenant.origin}/_local/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
    await faults({ throttleRate: 1, retryAfterSeconds: 0, pathFilter: '/graph/' });
    const { context, page } = await open();
    try {
      expect(await cardSettled(page, ALIAS)).toBe('error');
      const shown = await cardText(page, ALIAS);
      expect(shown).toMatchObject({ primary: 'Your roster couldn\'t be loaded', description: strings('en-us').ErrorThrottled });
      await faults({ throttleRate: 0, pathFilter: '' });
      await card(page, ALIAS).getByRole('button', { name: 'Try again' }).click();
      // The Error face is still up for a moment after the click: wait for Ready itself.
      await cardInState(page, ALIAS, 'ready');
      expect((await cardText(page, ALIAS)).primary).not.toBe('Your roster couldn\'t be loaded');
    } finally {
      await faults({ throttleRate: 0, pathFilter: '' });
      await context.close();
    }
  });

  it('speaks Dutch after a language switch', async () => {
    const { context, page } = await open();
    try {
      await switchTo(page, 'Language', /Nederlands/);
      const expected = await expectedFor(page);
      await cardSettled(page, ALIAS);
      const shown = await cardText(page, ALIAS);
      expect(shown.title).toBe('Mijn volgende dienst');
      expect({ primary: shown.primary, description: shown.description }).toEqual(expectedFace(expected, 'nl-nl'));
    } finally {
      await context.close();
    }
  });

  it('edit mode shows the card’s property pane; a new title shows at once', async () => {
    const { context, page } = await open(DESKTOP, '?edit=1');
    try {
      await cardSettled(page, ALIAS);
      await page.getByRole('button', { name: 'Edit the properties of My next shift' }).click();
      const pane = page.getByRole('complementary', { name: 'My next shift' });
      await pane.getByRole('slider', { name: 'Days to look ahead' }).waitFor();
      await pane.getByRole('textbox', { name: /Card title/ }).fill('Weld A roster');
      await card(page, ALIAS).getByRole('heading', { level: 3, name: 'Weld A roster' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('fits the 360 px phone frame with 48 px touch targets', async () => {
    const { context, page } = await open(PHONE);
    try {
      await choose(page, 'Frame', /Phone/);
      await cardSettled(page, ALIAS);
      const box = await card(page, ALIAS).boundingBox();
      expect(box?.width).toBeLessThanOrEqual(PHONE.width);
      const button = await card(page, ALIAS).getByRole('button', { name: 'Shift details' }).boundingBox();
      expect(button?.height).toBeGreaterThanOrEqual(48);
      expect(await pageScrollsSideways(page)).toBe(false);
      const dialog = await openQuickView(page);
      const dialogBox = await dialog.boundingBox();
      expect(dialogBox && dialogBox.x >= 0 && dialogBox.x + dialogBox.width <= PHONE.width).toBe(true);
      const close = await dialog.getByRole('button', { name: 'Close the quick view' }).boundingBox();
      expect(close?.height).toBeGreaterThanOrEqual(48);
    } finally {
      await context.close();
    }
  });

  it.each(['light', 'dark'])('has no serious or critical axe violations, card and quick view (%s)', async (theme) => {
    const { context, page } = await open(DESKTOP, `?theme=${theme}&edit=0&tab=page`);
    try {
      await cardSettled(page, ALIAS);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await openQuickView(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
