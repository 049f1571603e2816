/**
 * End to end: "recognise in three taps" on a 360 × 740 phone, the same behaviour everywhere:
 * on the recognition wall and on the Recognise card as the operator (Åsa Bäckström), and in
 * the team leader's crew view (Jonas Ødegaard), each recognising the agency welder in their
 * crew (Seán O'Brien) with one of a value's suggested lines.
 *
 * Every tap is counted from the moment the composer is open until it says "sent": the
 * pointer presses the page receives (a press on a label that ticks its radio button is one
 * tap, not two clicks). Each tapped target is measured (48 px at least, as gloves need), and
 * the post is read back from SE_Recognitions over SharePoint REST: the line as it was offered,
 * the value, to Seán, given by the one who tapped, written by the relay.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

import type { RecognitionValue } from '../../src/core/models/values';
import { valueSuggestions } from '../../src/core/recognition/suggestions';
import { newContext, PHONE, seriousAxeViolations } from './support/browser';
import { card, cardSettled, spAll, storedRecognitions } from './support/cards';
import { workbenchSession } from './support/session';
import { openWorkbench, pageConfig, type PageConfig, pageScrollsSideways } from './support/workbench';

jest.setTimeout(240_000);

const e2e = workbenchSession();
const TOUCH = 48;
/** The value recognised with: one of the five the product provisions, with suggested lines. */
const VALUE_KEY = 'quality';

type Persona = PageConfig['personas'][number];

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
  readonly me: Persona;
  readonly colleague: Persona;
}

/** One part alone on a phone-framed page, signed in as the persona with this workbench label. */
async function openAs(alias: string, label: 'Operator' | 'Team leader'): Promise<Opened> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, PHONE, 'Europe/Stockholm');
  const url = `${e2e.tenant.workbenchUrl}?part=${alias}&theme=light&frame=phone&edit=0&tab=page`;
  await openWorkbench(session.page, url);
  const personas = (await pageConfig(session.page)).personas;
  const me = personas.find((p) => p.label === label);
  const colleague = personas.find((p) => p.label === 'Agency operator');
  if (!me || !colleague) {
    throw new Error(`The workbench offers no "${label}" or "Agency operator" persona.`);
  }
  await session.context.addCookies([{ name: 'se_persona', value: encodeURIComponent(me.userPrincipalName), url: e2e.tenant.origin }]);
  await openWorkbench(session.page, url);
  expect((await pageConfig(session.page)).user.userPrincipalName).toBe(me.userPrincipalName);
  return { ...session, me, colleague };
}

/** The value's English name and its first suggested line, as SE_Values holds them (read as `upn`). */
async function valueAndLine(upn: string): Promise<{ name: string; line: string }> {
  const rows = await spAll(e2e.tenant.origin, upn, `/web/lists/getByTitle('SE_Values')/items?$select=Title,ValueKey,Translations&$filter=ValueKey eq '${VALUE_KEY}'`);
  expect(rows).toHaveLength(1);
  const translations = JSON.parse(String(rows[0].Translations)) as RecognitionValue['translations'];
  const lines = valueSuggestions({ translations }, 'en-us');
  expect(lines.length).toBeGreaterThan(0);
  return { name: String(rows[0].Title), line: lines[0] };
}

/** From now on, every pointer press the page receives is counted (with what it landed on). */
async function countTaps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const taps: string[] = [];
    (window as unknown as { seTaps: string[] }).seTaps = taps;
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (event.isTrusted) {
          const target = event.target as Element | null;
          taps.push((target?.getAttribute('aria-label') || target?.textContent || target?.tagName || '').trim().slice(0, 60));
        }
      },
      true
    );
  });
}

async function tapsSoFar(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { seTaps: string[] }).seTaps.slice());
}

/** A tap as a finger makes it: on a target at least 48 × 48 px, fully on the phone's screen. */
async function tap(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  expect(box).not.toBeNull();
  expect({ width: Math.round(box?.width ?? 0) >= TOUCH, height: Math.round(box?.height ?? 0) >= TOUCH }).toEqual({ width: true, height: true });
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= PHONE.width).toBe(true);
  await target.click();
}

/** The one new post to the colleague since `before`: the line, the value, the giver, the relay. */
async function expectStored(colleague: Persona, me: Persona, before: readonly number[], line: string): Promise<void> {
  const stored = (await storedRecognitions(e2e.tenant.origin, colleague.userPrincipalName)).filter((r) => before.indexOf(r.id) < 0);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    message: line,
    valueKey: VALUE_KEY,
    recipient: { title: colleague.displayName, email: colleague.userPrincipalName.toLowerCase() },
    giver: { title: me.displayName, email: me.userPrincipalName.toLowerCase() },
    author: { title: 'Shopfloor Engage relay' }
  });
}

/** Sent after exactly three taps, stored once as offered, with nothing on the page going wrong. */
async function expectSentInThreeTaps(opened: Opened, before: readonly number[], line: string): Promise<void> {
  const taps = await tapsSoFar(opened.page);
  expect(taps).toHaveLength(3);
  await expectStored(opened.colleague, opened.me, before, line);
  expect(await pageScrollsSideways(opened.page)).toBe(false);
  expect(opened.problems).toEqual([]);
}

async function storedIds(colleague: Persona): Promise<number[]> {
  return (await storedRecognitions(e2e.tenant.origin, colleague.userPrincipalName)).map((r) => r.id);
}

describe('recognise in three taps, everywhere (phone)', () => {
  it('on the wall: a crew mate, a value, a suggested line; sent, and stored through the relay', async () => {
    const alias = 'RecognitionWallWebPart';
    const opened = await openAs(alias, 'Operator');
    const { context, page, me, colleague } = opened;
    try {
      const { name, line } = await valueAndLine(me.userPrincipalName);
      const wall = page.locator(`[data-part-alias="${alias}"]`);
      await wall.getByRole('button', { name: 'Recognise' }).click({ timeout: 60_000 });
      const panel = page.getByRole('dialog', { name: 'Recognise a colleague' });
      const crew = panel.getByRole('list', { name: 'My crew' });
      await crew.getByRole('button', { name: colleague.displayName }).waitFor({ timeout: 30_000 });
      const before = await storedIds(colleague);

      await countTaps(page);
      await tap(crew.getByRole('button', { name: colleague.displayName }));
      await tap(panel.getByRole('group', { name: 'Which value did they live?' }).getByRole('button', { name }));
      // The lines as they are offered pass axe (a scan taps nothing).
      const lines = panel.getByRole('group', { name: 'Tap a line to send it now' });
      await lines.waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await tap(lines.getByRole('button', { name: line, exact: true }));
      await wall.getByText('Thank you! Your recognition is on the wall.').waitFor({ timeout: 30_000 });

      await expectSentInThreeTaps(opened, before, line);
      await expect(wall.getByRole('article').first().textContent()).resolves.toContain(line);
    } finally {
      await context.close();
    }
  });

  it('on the Recognise card: a colleague, a value, a suggested line; sent, and stored through the relay', async () => {
    const alias = 'RecogniseAdaptiveCardExtension';
    const opened = await openAs(alias, 'Operator');
    const { context, page, me, colleague } = opened;
    try {
      const { name, line } = await valueAndLine(me.userPrincipalName);
      expect(await cardSettled(page, alias)).toBe('ready');
      await card(page, alias).getByRole('button', { name: 'Recognise', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Recognise' });
      const quickView = dialog.getByTestId('quick-view-card');
      // The colleagues are rows to tap (each row's label ticks its radio button).
      const row = quickView.locator('label').filter({ hasText: colleague.displayName });
      await row.waitFor({ timeout: 30_000 });
      const before = await storedIds(colleague);

      await countTaps(page);
      await tap(row);
      await tap(quickView.getByRole('button', { name, exact: true }));
      await tap(quickView.getByRole('button', { name: line, exact: true }));
      await dialog.getByText(`Sent to ${colleague.displayName}. Thank you for noticing!`).waitFor({ timeout: 30_000 });

      await expectSentInThreeTaps(opened, before, line);
    } finally {
      await context.close();
    }
  });

  it('in the crew view: the team leader\'s "Recognise" on a crew member, a value, a suggested line; stored through the relay', async () => {
    const alias = 'CrewRecognitionWebPart';
    const opened = await openAs(alias, 'Team leader');
    const { context, page, me, colleague } = opened;
    try {
      const { name, line } = await valueAndLine(me.userPrincipalName);
      const part = page.locator(`[data-part-alias="${alias}"]`);
      const open = part.getByRole('button', { name: `Recognise ${colleague.displayName}` });
      await open.waitFor({ timeout: 60_000 });
      const before = await storedIds(colleague);

      // Here the first tap opens the composer with the person in it: two more send.
      await countTaps(page);
      await tap(open);
      const dialog = page.getByRole('dialog', { name: `Recognise ${colleague.displayName}` });
      await tap(dialog.getByRole('button', { name, exact: true }));
      const lines = dialog.getByRole('group', { name: 'Tap a line to send it now' });
      await lines.waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await tap(lines.getByRole('button', { name: line, exact: true }));
      await part.getByText(`Sent to ${colleague.displayName}.`).waitFor({ timeout: 30_000 });

      await expectSentInThreeTaps(opened, before, line);
    } finally {
      await context.close();
    }
  });
});
