/**
 * One part alone on the shop floor's phone (360 × 740), in a theme and on a section background,
 * and what a state of it gets wrong: targets under 48 px and serious axe violations.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import * as path from 'path';

import { loadAmdStrings } from '../../support/sources';
import { newContext, PHONE, seriousAxeViolations } from './browser';
import type { WorkbenchSession } from './session';
import { smallTargets } from './targets';
import { openWorkbench, pageConfig, type PageConfig } from './workbench';

export type Theme = 'light' | 'dark';
export type Section = 'none' | 'strong';
export type Persona = PageConfig['personas'][number];

/** A part's English strings, from its loc folder under src/ (e.g. `webparts/recognitionAdmin`). */
export function partWords(folder: string): Record<string, string> {
  return loadAmdStrings(path.join(__dirname, '..', '..', '..', 'src', folder, 'loc', 'en-us.js')) as Record<string, string>;
}

/** The workbench's persona with this label. */
export function findPersona(personas: readonly Persona[], label: string): Persona {
  const found = personas.find((p) => p.label === label);
  if (!found) {
    throw new Error(`The workbench offers no "${label}" persona.`);
  }
  return found;
}

export interface OpenedPart {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly part: Locator;
  readonly problems: string[];
}

/** One part alone on a phone, signed in as `who` (the default persona without), on a section background. */
export async function openPart(e2e: WorkbenchSession, alias: string, theme: Theme, section: Section, who?: Persona): Promise<OpenedPart> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, PHONE, 'Europe/Stockholm');
  if (who) {
    await session.context.addCookies([{ name: 'se_persona', value: encodeURIComponent(who.userPrincipalName), url: e2e.tenant.origin }]);
  }
  await openWorkbench(session.page, `${e2e.tenant.workbenchUrl}?part=${alias}&theme=${theme}&frame=phone&section=${section}&edit=0&tab=page`);
  if (who) {
    expect((await pageConfig(session.page)).user.userPrincipalName).toBe(who.userPrincipalName);
  }
  return { ...session, part: session.page.locator(`[data-part-alias="${alias}"]`) };
}

/**
 * What a state gets wrong, readable: its targets under 48 px (inside `root`) and, when `axe`,
 * the page's serious axe violations. What fades in (an error message) is measured as it ends
 * up, not half-way.
 */
export async function stateProblems(page: Page, state: string, root: Locator, axe: boolean = true): Promise<string[]> {
  const found = (await smallTargets(root)).map((small) => `${state}: small target ${small}`);
  if (axe) {
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined))
      )
    );
    for (const v of await seriousAxeViolations(page)) {
      found.push(`${state}: axe ${v.id} (${v.help}) ${v.targets.join(' | ')}`);
    }
  }
  return found;
}
