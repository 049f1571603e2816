/**
 * One part alone on the shop floor's phone, as ./phoneParts.ts `openPart` opens it, with what a
 * few states need on top: the page in another language (`?locale=`), and the browser's clock
 * set to a moment (the roster rules of the page read the device's clock; the tenant's and the
 * relay's clock are separate and stay real).
 */
import type { Locator } from 'playwright-core';

import { newContext, PHONE } from './browser';
import { type OpenedPart, type Persona, type Section, stateProblems, type Theme } from './phoneParts';
import type { WorkbenchSession } from './session';
import { openWorkbench, pageConfig, pageScrollsSideways } from './workbench';

export interface PartAtOptions {
  /** The page's language (`en-us`, `nl-nl`, `sv-se`); the workbench's default without. */
  readonly locale?: string;
  /** The browser's clock starts here and runs on from it (playwright's `clock.install`). */
  readonly time?: Date;
}

export async function openPartAt(e2e: WorkbenchSession, alias: string, theme: Theme, section: Section, who: Persona, options: PartAtOptions = {}): Promise<OpenedPart> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, PHONE, 'Europe/Stockholm');
  if (options.time) {
    await session.context.clock.install({ time: options.time });
  }
  await session.context.addCookies([{ name: 'se_persona', value: encodeURIComponent(who.userPrincipalName), url: e2e.tenant.origin }]);
  const locale = options.locale ? `&locale=${encodeURIComponent(options.locale)}` : '';
  await openWorkbench(session.page, `${e2e.tenant.workbenchUrl}?part=${alias}&theme=${theme}&frame=phone&section=${section}&edit=0&tab=page${locale}`);
  expect((await pageConfig(session.page)).user.userPrincipalName).toBe(who.userPrincipalName);
  return { ...session, part: session.page.locator(`[data-part-alias="${alias}"]`) };
}

/** The workbench's personas, from the configuration it embeds in its page. */
export async function workbenchPersonas(e2e: WorkbenchSession): Promise<Persona[]> {
  const probe = await newContext(e2e.browser, e2e.tenant.origin, PHONE);
  try {
    await openWorkbench(probe.page, e2e.tenant.workbenchUrl);
    return [...(await pageConfig(probe.page)).personas];
  } finally {
    await probe.context.close();
  }
}

/** What a state gets wrong (./phoneParts.ts `stateProblems` inside `root`, the part without), and a page that scrolls sideways. */
export async function phoneProblems(opened: OpenedPart, state: string, root: Locator = opened.part, axe: boolean = true): Promise<string[]> {
  const found = await stateProblems(opened.page, state, root, axe);
  if (await pageScrollsSideways(opened.page)) {
    found.push(`${state}: the page scrolls sideways`);
  }
  return found;
}
