/** Drives the workbench page like a person would: by roles and visible names. */
import type { Locator, Page } from 'playwright-core';

export interface PageConfig {
  readonly locale: string;
  readonly user: { readonly userPrincipalName: string; readonly displayName: string; readonly loginName: string };
  readonly personas: ReadonlyArray<{
    readonly userPrincipalName: string;
    readonly displayName: string;
    readonly loginName: string;
    readonly label: string;
  }>;
}

/** The configuration the server embedded in the page. */
export async function pageConfig(page: Page): Promise<PageConfig> {
  const raw = await page.locator('#se-workbench-config').textContent();
  return JSON.parse(raw ?? 'null') as PageConfig;
}

/**
 * How long a workbench page may take to load: the first page of a language builds that language's
 * bundle of every part (esbuild, a few seconds alone, far longer on a busy two-core machine).
 */
const PAGE_LOAD_MS = 120_000;

export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: PAGE_LOAD_MS });
  await page.getByRole('heading', { level: 1, name: /Shopfloor Engage workbench/ }).waitFor({ timeout: PAGE_LOAD_MS });
}

/** Opens the settings group when it is folded away (it is on narrow screens). */
export async function showSettings(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Workbench settings' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
  }
}

/** Picks an option of a labelled Fluent UI dropdown. */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await showSettings(page);
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Picks a choice that reloads the page (persona, language): a menu button, not a dropdown. */
export async function switchTo(page: Page, label: 'Persona' | 'Language', option: string | RegExp): Promise<void> {
  await showSettings(page);
  await page.getByRole('button', { name: label === 'Persona' ? /^Persona\b/ : /^Language\b/ }).click();
  await Promise.all([page.waitForEvent('load', { timeout: PAGE_LOAD_MS }), page.getByRole('menuitemradio', { name: option }).click()]);
}

/** The hosted Engage Setup part (its root element). */
export function engageSetup(page: Page): Locator {
  return page.locator('[data-part-alias="EngageSetupWebPart"]');
}

/**
 * Waits until the part is past its loading state: the lists table, its error message, or (with
 * ready lists hidden on a site where setup has run) only its "all in place" message.
 */
export async function partSettled(page: Page, heading: string | RegExp = 'Shopfloor Engage setup'): Promise<'table' | 'error' | 'allReady'> {
  const part = engageSetup(page);
  await part.getByRole('heading', { level: 2, name: heading }).waitFor();
  const table = part.getByRole('table');
  const error = part.locator('.ms-MessageBar--error');
  const allReady = part.locator('.ms-MessageBar--success');
  await table.or(error).or(allReady).first().waitFor({ timeout: 30_000 });
  if ((await table.count()) > 0) {
    return 'table';
  }
  return (await error.count()) > 0 ? 'error' : 'allReady';
}

/** Body rows of the part's lists table, as `[list title, status]`. */
export async function listRows(page: Page): Promise<Array<[string, string]>> {
  return engageSetup(page)
    .locator('table tbody tr')
    .evaluateAll((rows) =>
      rows.map((row): [string, string] => {
        const cells = Array.from(row.children).map((cell) => (cell.textContent ?? '').trim());
        return [cells[0] ?? '', cells[4] ?? ''];
      })
    );
}

/** True when the page scrolls sideways (the page, not a table inside its own scroller). */
export async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      document.documentElement.scrollWidth > window.innerWidth ||
      document.body.scrollWidth > window.innerWidth
  );
}
