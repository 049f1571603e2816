/**
 * End to end: `npm start`'s CLI in a child process, the workbench in headless Chromium.
 * The workbench hosts the Engage Setup part against the local tenant's SharePoint REST.
 */

import { DESKTOP, newContext, PHONE, seriousAxeViolations } from './support/browser';
import { workbenchSession } from './support/session';
import {
  choose,
  engageSetup,
  listRows,
  openWorkbench,
  pageConfig,
  pageScrollsSideways,
  partSettled,
  switchTo
} from './support/workbench';

jest.setTimeout(180_000);

const e2e = workbenchSession();

async function open(viewport = DESKTOP, url = e2e.tenant.workbenchUrl): ReturnType<typeof newContext> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, viewport);
  await openWorkbench(session.page, url);
  return session;
}

describe('workbench', () => {
  it('hosts the Engage Setup part with the table of the site’s lists', async () => {
    const { context, page, problems, external } = await open();
    try {
      expect(await partSettled(page)).toBe('table');
      const table = engageSetup(page).getByRole('table', { name: 'Shopfloor Engage lists on this site' });
      await table.waitFor();
      const rows = await listRows(page);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map(([title]) => title)).toContain('SE_Values');
      expect(external).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('hosts the Shift status customizer in the top placeholder with the person’s roster line', async () => {
    const { context, page, problems, external } = await open();
    try {
      const top = page.getByRole('region', { name: 'Top placeholder (application customizers)' });
      const status = top.getByRole('status', { name: 'Your shift' });
      await status.getByText(/^(On shift now until \d\d:\d\d|Next shift: .+|No shift in your roster for the coming days)\.$/).waitFor();
      expect(external).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('switches persona: the page and the e2e.tenant see the other person', async () => {
    const { context, page } = await open();
    try {
      const before = await pageConfig(page);
      const other = before.personas.find((p) => p.userPrincipalName !== before.user.userPrincipalName);
      if (!other) {
        throw new Error('The workbench offers only one persona.');
      }
      await expect(page.getByTestId('signed-in-name').textContent()).resolves.toBe(before.user.displayName);
      await switchTo(page, 'Persona', `${other.label}: ${other.displayName}`);
      await page.getByTestId('signed-in-name').filter({ hasText: other.displayName }).waitFor();
      const after = await pageConfig(page);
      expect(after.user.userPrincipalName).toBe(other.userPrincipalName);
      const cookies = await context.cookies(e2e.tenant.origin);
      expect(cookies.find((cookie) => cookie.name === 'se_persona')?.value).toBe(encodeURIComponent(other.userPrincipalName));
    } finally {
      await context.close();
    }
  });

  it('switches language: the part loads its Dutch strings', async () => {
    const { context, page } = await open();
    try {
      await partSettled(page);
      await switchTo(page, 'Language', /Nederlands/);
      await partSettled(page, 'Shopfloor Engage instellen');
      expect((await pageConfig(page)).locale).toBe('nl-nl');
      await expect(page.locator('[lang="nl-nl"]').count()).resolves.toBeGreaterThan(0);
      // The language is remembered for the next visit.
      await openWorkbench(page, e2e.tenant.workbenchUrl);
      await partSettled(page, 'Shopfloor Engage instellen');
    } finally {
      await context.close();
    }
  });

  it('fits a 360 px phone without sideways scrolling of the page', async () => {
    const { context, page } = await open(PHONE);
    try {
      await choose(page, 'Frame', /Phone/);
      await partSettled(page);
      const frame = page.locator('[data-frame="phone"]');
      await frame.waitFor();
      const box = await frame.boundingBox();
      expect(box?.width).toBeLessThanOrEqual(PHONE.width);
      expect(await pageScrollsSideways(page)).toBe(false);
    } finally {
      await context.close();
    }
  });

  /**
   * How far anything a person can see in the part reaches past the part's width, or scrolls
   * sideways inside it (0 when everything fits). Text clipped for screen readers only (an
   * ancestor that hides its overflow) is not seen.
   */
  async function overflowOf(page: Awaited<ReturnType<typeof open>>['page']): Promise<{ part: number; overflow: number }> {
    return engageSetup(page).evaluate((root: Element) => {
      const edge = root.getBoundingClientRect();
      const clipped = (element: Element): boolean => {
        for (let at = element.parentElement; at && at !== root; at = at.parentElement) {
          const x = window.getComputedStyle(at).overflowX;
          if (x === 'hidden' || x === 'clip') {
            return true;
          }
        }
        return false;
      };
      let overflow = 0;
      for (const element of Array.from(root.querySelectorAll('*'))) {
        if (clipped(element)) {
          continue;
        }
        const box = element.getBoundingClientRect();
        const scrolls = ['auto', 'scroll'].includes(window.getComputedStyle(element).overflowX) ? element.scrollWidth - element.clientWidth : 0;
        overflow = Math.max(overflow, box.right - edge.right, edge.left - box.left, scrolls);
      }
      return { part: edge.width, overflow: Math.round(overflow) };
    });
  }

  it('reflows the lists table to a one-third column (336 px) and a 360 px phone: nothing scrolls sideways', async () => {
    const desktop = await open(DESKTOP, `${e2e.tenant.workbenchUrl}?part=EngageSetupWebPart&edit=1&tab=page`);
    try {
      const { page } = desktop;
      await page.getByRole('combobox', { name: 'Section layout' }).click();
      await page.getByRole('option', { name: 'One-third left column' }).click();
      expect(await partSettled(page)).toBe('table');
      const column = await overflowOf(page);
      expect(column.part).toBeLessThanOrEqual(340);
      expect(column.overflow).toBe(0);
      // Still a table to assistive technology: each row names its list, each cell its column.
      const table = engageSetup(page).getByRole('table');
      expect(await table.getByRole('columnheader').count()).toBe(6);
      expect(await table.getByRole('row').count()).toBeGreaterThan(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await desktop.context.close();
    }
    const phone = await open(PHONE, `${e2e.tenant.workbenchUrl}?part=EngageSetupWebPart&frame=phone&edit=0&tab=page`);
    try {
      expect(await partSettled(phone.page)).toBe('table');
      expect((await overflowOf(phone.page)).overflow).toBe(0);
      expect(await pageScrollsSideways(phone.page)).toBe(false);
    } finally {
      await phone.context.close();
    }
  });

  it('edit mode shows the property pane; its toggle re-renders the part and is remembered', async () => {
    const { context, page } = await open();
    try {
      await partSettled(page);
      const before = await listRows(page);
      const ready = before.filter(([, status]) => status === 'Ready').length;
      await page.getByRole('button', { name: 'Edit page' }).click();
      // With several parts on the page, open this part's own pane, as in SharePoint.
      await page.getByRole('toolbar', { name: 'Shopfloor Engage setup: edit' }).getByRole('button', { name: 'Properties' }).click();
      const pane = page.getByRole('complementary', { name: 'Shopfloor Engage setup' });
      const toggle = pane.getByRole('switch', { name: 'Show lists that are already ready' });
      await expect(toggle.isChecked()).resolves.toBe(true);
      await toggle.click();
      await expect(toggle.isChecked()).resolves.toBe(false);
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-part-alias="EngageSetupWebPart"] table tbody tr').length === count,
        before.length - ready
      );
      const after = await listRows(page);
      expect(after.every(([, status]) => status !== 'Ready')).toBe(true);
      expect(ready).toBeGreaterThan(0);
      // Properties persist per part, like a saved page.
      await page.reload();
      await partSettled(page);
      expect((await listRows(page)).length).toBe(before.length - ready);
    } finally {
      await context.close();
    }
  });

  it('the wall\'s property pane names a value key or site code the site does not have, and accepts one it has', async () => {
    const { context, page } = await open(DESKTOP, `${e2e.tenant.workbenchUrl}?part=RecognitionWallWebPart&edit=1&tab=page`);
    try {
      const properties = page.getByRole('toolbar', { name: 'Recognition wall: edit' }).getByRole('button', { name: 'Properties' });
      await properties.waitFor();
      // Edit mode opens the only part's pane; open it when it is not.
      if ((await properties.getAttribute('aria-expanded')) !== 'true') {
        await properties.click();
      }
      const pane = page.getByRole('complementary', { name: 'Recognition wall' });
      const valueKey = pane.getByRole('textbox', { name: 'Value key to show first (empty: all values)' });
      await valueKey.fill('safety-first');
      await pane.getByText(/^No value has the key "safety-first"\. Keys on this site: .*\bsafety\b.*\.$/).waitFor({ timeout: 30_000 });
      await valueKey.fill('Safety');
      await expect(pane.getByText(/No value has the key/).waitFor({ state: 'detached', timeout: 10_000 })).resolves.toBeUndefined();
      const keys = pane.getByRole('textbox', { name: /^Values to show/ });
      await keys.fill('safety, team-spirit, nonsense');
      await pane.getByText(/^No value has the key "nonsense"\./).waitFor({ timeout: 30_000 });
      await keys.fill('');
      const site = pane.getByRole('textbox', { name: 'Site code to show first (empty: all sites)' });
      await site.fill('XYZ');
      await pane.getByText(/^No site has the code "XYZ"\. Site codes: .+\.$/).waitFor({ timeout: 30_000 });
      await site.fill('');
      await expect(pane.getByText(/No site has the code/).waitFor({ state: 'detached', timeout: 10_000 })).resolves.toBeUndefined();
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('re-themes the part: dark page theme and a strong section background', async () => {
    const { context, page } = await open();
    try {
      await partSettled(page);
      const styleIs = (selector: string, property: 'color' | 'backgroundColor', value: string): Promise<unknown> =>
        page.waitForFunction(
          ([sel, prop, expected]) => {
            const element = document.querySelector(sel);
            return element !== null && getComputedStyle(element)[prop as 'color'] === expected;
          },
          [selector, property, value],
          { timeout: 5_000 }
        );
      const partRoot = '[data-part-alias="EngageSetupWebPart"] section';
      await styleIs(partRoot, 'color', 'rgb(50, 49, 48)');
      await choose(page, 'Theme', 'Dark');
      await styleIs(partRoot, 'color', 'rgb(255, 255, 255)');
      await choose(page, 'Section background', 'Strong');
      await styleIs('section[data-section-layout]', 'backgroundColor', 'rgb(71, 158, 245)');
    } finally {
      await context.close();
    }
  });

  it('shows the e2e.tenant data tab with the SharePoint lists and a settled state per panel', async () => {
    const { context, page } = await open();
    try {
      await page.getByRole('tab', { name: 'Tenant data' }).click();
      const lists = page.getByRole('region', { name: 'SharePoint lists' });
      await lists.getByRole('table').waitFor();
      for (const name of ['People', /^Next shifts of /]) {
        const panel = page.getByRole('region', { name });
        await page.waitForFunction((el) => el?.getAttribute('aria-busy') === 'false', await panel.elementHandle());
      }
    } finally {
      await context.close();
    }
  });

  it.each([
    ['light', 'page'],
    ['dark', 'page'],
    ['dark', 'edit'],
    ['light', 'data']
  ])('has no serious or critical axe violations (%s theme, %s)', async (theme, view) => {
    const query = view === 'edit' ? '&edit=1' : view === 'data' ? '&tab=data' : '&edit=0&tab=page';
    const { context, page } = await open(DESKTOP, `${e2e.tenant.workbenchUrl}?theme=${theme}${query}`);
    try {
      if (view === 'data') {
        await page.getByRole('region', { name: 'SharePoint lists' }).getByRole('table').or(page.locator('.ms-MessageBar')).first().waitFor();
      } else {
        await partSettled(page);
      }
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
