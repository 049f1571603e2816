/**
 * End to end: the Recognition wall in the workbench against the local e2e.tenant (real PnPjs to its
 * SharePoint REST, real Graph). An operator on a 360 px phone recognises the agency colleague in
 * their crew; the colleague sees it and reacts; their team leader sees it too, reports it, and it
 * leaves everyone's wall (the relay). axe-core in light and dark themes.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

import { DESKTOP, newContext, PHONE, seriousAxeViolations } from './support/browser';
import { workbenchSession } from './support/session';
import { openWorkbench, pageConfig, pageScrollsSideways } from './support/workbench';

jest.setTimeout(240_000);

const ALIAS = 'RecognitionWallWebPart';

const e2e = workbenchSession();

function wall(page: Page): Locator {
  return page.locator(`[data-part-alias="${ALIAS}"]`);
}

/** Waits until the wall is past loading: the feed, the empty text or an error. */
async function wallSettled(page: Page): Promise<'feed' | 'empty' | 'error'> {
  const part = wall(page);
  await part.getByRole('heading', { level: 2, name: 'Recognition wall' }).waitFor({ timeout: 60_000 });
  const feed = part.getByRole('list', { name: 'Recognitions, newest first' });
  const empty = part.getByText(/^No recognitions/);
  const error = part.getByText('The recognitions could not be loaded.', { exact: false });
  await feed.or(empty).or(error).first().waitFor({ timeout: 60_000 });
  if ((await error.count()) > 0) {
    return 'error';
  }
  return (await feed.count()) > 0 ? 'feed' : 'empty';
}

/** Opens the wall alone on the page as the persona with this workbench label. */
async function openAs(
  label: 'Operator' | 'Agency operator' | 'Team leader',
  viewport = DESKTOP,
  query = 'theme=light&edit=0&tab=page'
): Promise<{ context: BrowserContext; page: Page; problems: string[]; displayName: string }> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, viewport);
  const url = `${e2e.tenant.workbenchUrl}?part=${ALIAS}&${query}`;
  await openWorkbench(session.page, url);
  const persona = (await pageConfig(session.page)).personas.find((p) => p.label === label);
  if (!persona) {
    throw new Error(`The workbench offers no "${label}" persona.`);
  }
  await session.context.addCookies([{ name: 'se_persona', value: encodeURIComponent(persona.userPrincipalName), url: e2e.tenant.origin }]);
  await openWorkbench(session.page, url);
  await session.page.getByTestId('signed-in-name').filter({ hasText: persona.displayName }).waitFor();
  return { ...session, displayName: persona.displayName };
}

function post(page: Page, message: string): Locator {
  return wall(page).getByRole('article').filter({ hasText: message });
}

describe('recognition wall', () => {
  const message = `Stopped weld cell 2 when the guard came loose — nobody hurt. O'Brien's call 👍 #${Date.now()}`;
  let colleague = '';

  it('an operator on a phone recognises the agency colleague in her own words, with the impact one tap away', async () => {
    const { context, page, problems } = await openAs('Operator', PHONE, 'theme=light&frame=phone&edit=0&tab=page');
    try {
      expect(await wallSettled(page)).not.toBe('error');
      const agency = (await pageConfig(page)).personas.find((p) => p.label === 'Agency operator');
      colleague = agency?.displayName ?? '';
      expect(colleague).not.toBe('');
      await wall(page).getByRole('button', { name: 'Recognise' }).click();
      // Fluent UI's panel root has no box of its own: wait for what it shows.
      const panel = page.getByRole('dialog', { name: 'Recognise a colleague' });
      await panel.getByRole('heading', { name: 'Who do you want to recognise?' }).waitFor();
      // 1) my crew first (a tap moves on)
      await panel.getByRole('list', { name: 'My crew' }).getByRole('button', { name: colleague }).click();
      // 2) a value (a tap moves on)
      await panel.getByRole('button', { name: /^Safety/ }).click();
      // 3) her own words instead of a suggested line, and the impact line unfolded
      await panel.getByRole('button', { name: 'Write your own' }).click();
      await panel.getByRole('textbox', { name: /What did they do, and what did it achieve/ }).fill(message);
      await panel.getByRole('button', { name: 'Impact and who can see it' }).click();
      await panel.getByRole('textbox', { name: /Impact/ }).fill('No injuries, line back in 10 minutes');
      await panel.getByRole('button', { name: 'Send' }).click();
      await wall(page).getByText('Thank you! Your recognition is on the wall.').waitFor({ timeout: 30_000 });
      const first = wall(page).getByRole('article').first();
      await expect(first.textContent()).resolves.toContain(message);
      await expect(first.getByRole('heading').textContent()).resolves.toContain(colleague);
      expect(await pageScrollsSideways(page)).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the colleague sees it on the wall and reacts; the reaction is kept', async () => {
    expect(colleague).not.toBe('');
    const { context, page, problems } = await openAs('Agency operator', PHONE, 'theme=light&frame=phone&edit=0&tab=page');
    try {
      expect(await wallSettled(page)).toBe('feed');
      const mine = post(page, message);
      await mine.waitFor();
      await mine.getByRole('button', { name: 'Applause (0)' }).click();
      await mine.getByRole('button', { name: 'Applause (1)', pressed: true }).waitFor();
      // Shown at once; kept once SharePoint took it, which the wall then says to screen readers.
      await page.getByRole('status').getByText(/^You reacted with /).waitFor({ state: 'attached', timeout: 30_000 });
      // Saved, not only shown: a fresh load reads it back from SharePoint.
      await page.reload();
      await wallSettled(page);
      await post(page, message).getByRole('button', { name: 'Applause (1)', pressed: true }).waitFor({ timeout: 30_000 });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the team leader sees the new recognition with the reaction', async () => {
    const { context, page, problems } = await openAs('Team leader');
    try {
      expect(await wallSettled(page)).toBe('feed');
      const seen = post(page, message);
      await seen.waitFor();
      await seen.getByRole('button', { name: 'Applause (1)', pressed: false }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the team leader reports it: it leaves the wall for everyone until HR decides (through the relay)', async () => {
    const leader = await openAs('Team leader');
    try {
      expect(await wallSettled(leader.page)).toBe('feed');
      await post(leader.page, message).getByRole('button', { name: 'Report' }).click();
      const dialog = leader.page.getByRole('dialog', { name: 'Report this recognition' });
      await dialog.getByRole('textbox', { name: /What is wrong with it/ }).fill('Mentions a customer by name');
      await dialog.getByRole('button', { name: 'Report' }).click();
      await wall(leader.page).getByText('Thank you. The recognition is off the wall for everyone until HR has reviewed it.').waitFor({ timeout: 30_000 });
      expect(await post(leader.page, message).count()).toBe(0);
      expect(leader.problems).toEqual([]);
    } finally {
      await leader.context.close();
    }
    // Not only for the reporter: the recognised colleague's wall no longer shows it either.
    const other = await openAs('Agency operator', PHONE, 'theme=light&frame=phone&edit=0&tab=page');
    try {
      expect(await wallSettled(other.page)).toBe('feed');
      await wall(other.page).getByRole('article').first().waitFor();
      expect(await post(other.page, message).count()).toBe(0);
    } finally {
      await other.context.close();
    }
  });

  it.each(['light', 'dark'])('has no serious or critical axe violations (%s theme, composer open)', async (theme) => {
    const { context, page } = await openAs('Operator', DESKTOP, `theme=${theme}&edit=0&tab=page`);
    try {
      await wallSettled(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await wall(page).getByRole('button', { name: 'Recognise' }).click();
      await page.getByRole('dialog', { name: 'Recognise a colleague' }).getByRole('list', { name: 'My crew' }).waitFor();
      // Let the panel's slide-in and the overlay's fade finish: axe measures colours mid-animation.
      await page.waitForTimeout(1_000);
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
