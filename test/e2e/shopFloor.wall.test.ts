/**
 * End to end: the Recognition wall on the shop floor, on a 360 × 740 phone, light and dark.
 *
 * The team leader opens every state a person reaches (filters, privacy, each step of the
 * composer with its folded options, the report dialog) and recognises the operator with a
 * suggested line; the operator then finds that post marked as being about her, reacts, pages
 * with "Show more" and opens the report dialog. In each state every interactive element of the
 * wall (and of the panel or dialog it opened, on its layer) is at least 48 × 48 px as a finger
 * meets it (`smallTargets`), nothing scrolls sideways, and axe finds no serious or critical
 * violation (colour contrast included) on a strong section background; on no background the
 * main states are scanned too. After sending, reacting and reporting the feedback is on screen
 * and in a live region that was on the page before.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

import { newContext, PHONE, seriousAxeViolations } from './support/browser';
import { workbenchSession } from './support/session';
import { smallTargets } from './support/targets';
import { openWorkbench, pageConfig, type PageConfig, pageScrollsSideways } from './support/workbench';

jest.setTimeout(240_000);

const ALIAS = 'RecognitionWallWebPart';
const e2e = workbenchSession();

type Persona = PageConfig['personas'][number];
type Theme = 'light' | 'dark';
type Section = 'none' | 'strong';

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
}

/** Every persona's sign-in name, from the workbench's own configuration (one page load). */
let personas: Promise<readonly Persona[]> | undefined;

async function readPersonas(): Promise<readonly Persona[]> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, PHONE);
  try {
    await openWorkbench(session.page, `${e2e.tenant.workbenchUrl}?edit=0&tab=page`);
    return (await pageConfig(session.page)).personas;
  } finally {
    await session.context.close();
  }
}

async function persona(label: string): Promise<Persona> {
  personas = personas ?? readPersonas();
  const found = (await personas).find((p) => p.label === label);
  if (!found) {
    throw new Error(`The workbench offers no "${label}" persona.`);
  }
  return found;
}

/** The wall alone on a phone-framed page, as the persona, in the theme, on the section background. */
async function openWall(who: Persona, theme: Theme, section: Section): Promise<Opened> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, PHONE, 'Europe/Stockholm');
  await session.context.addCookies([{ name: 'se_persona', value: encodeURIComponent(who.userPrincipalName), url: e2e.tenant.origin }]);
  await openWorkbench(session.page, `${e2e.tenant.workbenchUrl}?part=${ALIAS}&theme=${theme}&frame=phone&section=${section}&edit=0&tab=page`);
  expect((await pageConfig(session.page)).user.userPrincipalName).toBe(who.userPrincipalName);
  await feed(session.page).waitFor({ timeout: 60_000 });
  return session;
}

function wall(page: Page): Locator {
  return page.locator(`[data-part-alias="${ALIAS}"]`);
}

function feed(page: Page): Locator {
  return wall(page).getByRole('list', { name: 'Recognitions, newest first' });
}

function composer(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Recognise a colleague' });
}

/** What each state measured: its small targets, sideways scrolling, axe's findings. */
class Findings {
  public readonly small: Record<string, string[]> = {};
  public readonly axe: Record<string, string[]> = {};
  public readonly sideways: string[] = [];

  /** Measures the wall and, when given, the layer it opened (a panel or dialog). */
  public async targets(page: Page, state: string, layer?: Locator): Promise<void> {
    // Panels and dialogs slide in: measure them where they come to rest.
    await page.waitForTimeout(layer ? 600 : 100);
    const found = [...(await smallTargets(wall(page))), ...(layer ? await smallTargets(layer) : [])];
    this.small[state] = found;
    if (await pageScrollsSideways(page)) {
      this.sideways.push(state);
    }
  }

  public async scan(page: Page, state: string): Promise<void> {
    // Let fades and slides finish: axe measures colours mid-animation.
    await page.waitForTimeout(700);
    this.axe[state] = (await seriousAxeViolations(page)).map((v) => `${v.id}: ${v.targets.join(' | ')}`);
  }

  public expectClean(): void {
    const nonEmpty = (record: Record<string, string[]>): Record<string, string[]> => {
      const result: Record<string, string[]> = {};
      Object.keys(record)
        .filter((key) => record[key].length > 0)
        .forEach((key) => (result[key] = record[key]));
      return result;
    };
    expect({ small: nonEmpty(this.small), axe: nonEmpty(this.axe), sideways: this.sideways }).toEqual({ small: {}, axe: {}, sideways: [] });
    // Every state was measured (a state that failed to open would measure nothing).
    expect(Object.keys(this.small).length).toBeGreaterThan(0);
  }
}

/** The feedback is on the phone's screen and was said by a live region that was there before it. */
async function expectSeenAndAnnounced(page: Page, text: string | RegExp, liveBefore: string[]): Promise<void> {
  const shown = wall(page).locator('.ms-MessageBar').filter({ hasText: text }).last();
  await shown.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(400); // a smooth scroll into view
  const box = await shown.boundingBox();
  expect(box).not.toBeNull();
  const viewport = page.viewportSize() ?? PHONE;
  // Whole on the screen (to the pixel: boxes have fractional edges).
  expect({ top: Math.round(box?.y ?? -1) >= 0, bottom: Math.round((box?.y ?? 0) + (box?.height ?? 0)) <= viewport.height }).toEqual({ top: true, bottom: true });
  const live = await liveRegions(page);
  const said = (await shown.textContent()) ?? '';
  expect(live.some((region) => region.text.includes(said) && liveBefore.includes(region.id))).toBe(true);
  // Where the person's attention is: the notice has the focus.
  await expect(shown.evaluate((node) => node.parentElement?.contains(document.activeElement) ?? false)).resolves.toBe(true);
}

/** The wall's live regions: an id for each (kept as a data attribute) and what it says now. */
async function liveRegions(page: Page): Promise<Array<{ id: string; text: string }>> {
  return wall(page)
    .locator('[aria-live], [role="status"], [role="alert"]')
    .evaluateAll((nodes) =>
      nodes.map((node, index) => {
        const element = node as HTMLElement;
        if (!element.dataset.seLiveProbe) {
          element.dataset.seLiveProbe = `live-${Date.now()}-${index}`;
        }
        return { id: element.dataset.seLiveProbe, text: element.textContent ?? '' };
      })
    );
}

async function liveIds(page: Page): Promise<string[]> {
  return (await liveRegions(page)).map((r) => r.id);
}

/** The wall as it opens, then with its filters open: measured and scanned. */
async function closedThenFilters(page: Page, found: Findings): Promise<void> {
  await found.targets(page, 'closed');
  await found.scan(page, 'closed');
  await wall(page).getByRole('button', { name: /^Filters/ }).click();
  await wall(page).getByRole('combobox', { name: 'Site' }).waitFor();
  await found.targets(page, 'filters open');
  await found.scan(page, 'filters open');
}

/** The team leader: every state of the wall and the composer; recognises the operator with a suggested line. */
async function leaderWalk(theme: Theme, operator: Persona): Promise<void> {
  const leader = await persona('Team leader');
  const { context, page, problems } = await openWall(leader, theme, 'strong');
  const found = new Findings();
  try {
    const part = wall(page);
    await closedThenFilters(page, found);
    // The label toggles "Only my crew" (the whole row is the target).
    const crewOnly = part.getByRole('switch', { name: 'Only my crew' });
    await part.getByText('Only my crew', { exact: true }).click();
    await expect(crewOnly.getAttribute('aria-checked')).resolves.toBe('true');
    await part.getByText('Only my crew', { exact: true }).click();
    await expect(crewOnly.getAttribute('aria-checked')).resolves.toBe('false');
    await part.getByRole('button', { name: /^Filters/ }).click();

    await part.getByRole('button', { name: 'My privacy' }).click();
    await part.getByRole('switch', { name: 'Keep recognitions of me off the public wall' }).waitFor();
    await found.targets(page, 'privacy open');
    await found.scan(page, 'privacy open');
    await part.getByRole('button', { name: 'My privacy' }).click();

    const firstPost = part.getByRole('article').first();
    await firstPost.getByRole('button', { name: 'Report' }).click();
    const report = page.getByRole('dialog', { name: 'Report this recognition' });
    await report.getByRole('textbox').waitFor();
    await found.targets(page, 'report dialog', report);
    await found.scan(page, 'report dialog');
    await report.getByRole('button', { name: 'Cancel' }).click();
    await report.waitFor({ state: 'hidden' });

    // The composer, step by step.
    await part.getByRole('button', { name: 'Recognise' }).click();
    const panel = composer(page);
    const crew = panel.getByRole('list', { name: 'My crew' });
    await crew.getByRole('button', { name: operator.displayName }).waitFor({ timeout: 30_000 });
    await found.targets(page, 'composer: person', panel);
    await found.scan(page, 'composer: person');
    await panel.getByRole('searchbox', { name: 'Search by name' }).fill('an'); // people outside the crew (the crew is listed apart)
    await panel.getByRole('list', { name: 'Search results' }).or(panel.getByText('No one found with that name.')).first().waitFor({ timeout: 30_000 });
    await found.targets(page, 'composer: search', panel);
    await panel.getByRole('searchbox', { name: 'Search by name' }).fill('');

    await crew.getByRole('button', { name: operator.displayName }).click();
    const values = panel.getByRole('group', { name: 'Which value did they live?' });
    await values.waitFor();
    await found.targets(page, 'composer: value', panel);
    await found.scan(page, 'composer: value');
    await values.getByRole('button').first().click();

    const lines = panel.getByRole('group', { name: 'Tap a line to send it now' });
    await lines.waitFor();
    await found.targets(page, 'composer: lines', panel);
    await panel.getByRole('button', { name: 'Impact and who can see it' }).click();
    await panel.getByRole('radiogroup').waitFor();
    await found.targets(page, 'composer: lines, options open', panel);
    await found.scan(page, 'composer: lines, options open');
    await panel.getByRole('button', { name: 'Write your own' }).click();
    await panel.getByRole('textbox', { name: /What did they do/ }).waitFor();
    await found.targets(page, 'composer: own words', panel);
    await panel.getByRole('button', { name: 'Use a suggested line' }).click();
    await lines.waitFor();

    const live = await liveIds(page);
    const line = (await lines.getByRole('button').first().textContent()) ?? '';
    expect(line).not.toBe('');
    await lines.getByRole('button').first().click();
    await expectSeenAndAnnounced(page, 'Thank you! Your recognition is on the wall.', live);
    await expect(part.getByRole('article').first().textContent()).resolves.toContain(line.trim());
    await found.targets(page, 'sent');

    found.expectClean();
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

/** The operator: the post about her is marked; reacting, "Show more" and reporting. */
async function operatorWalk(theme: Theme, operator: Persona, leader: Persona): Promise<void> {
  const { context, page, problems } = await openWall(operator, theme, 'strong');
  const found = new Findings();
  try {
    const part = wall(page);
    const mine = part.getByRole('article').filter({ hasText: `${leader.displayName} recognised ${operator.displayName}` }).first();
    await mine.waitFor({ timeout: 30_000 });
    // Marked for the eye and in the post's name for screen readers.
    await mine.getByText('About you', { exact: true }).waitFor();
    await expect(part.getByRole('article', { name: /About you/ }).count()).resolves.toBeGreaterThan(0);
    await found.targets(page, 'about you');
    await found.scan(page, 'about you');

    // Reactions show their names; the reader's own is pressed.
    const reactions = mine.getByRole('group', { name: 'Reactions' });
    for (const name of ['Applause', 'Like', 'Heart', 'Celebrate']) {
      await reactions.getByText(name, { exact: true }).waitFor();
    }
    const live = await liveIds(page);
    const like = reactions.getByRole('button', { name: /^Like \(/ });
    const wasPressed = (await like.getAttribute('aria-pressed')) === 'true';
    await like.click();
    await reactions.getByRole('button', { name: /^Like \(/, pressed: !wasPressed }).waitFor();
    await expectAnnounced(page, wasPressed ? 'Your reaction Like is taken back.' : 'You reacted with Like.', live);
    if (wasPressed) {
      await like.click(); // measured and scanned while pressed
      await reactions.getByRole('button', { name: /^Like \(/, pressed: true }).waitFor();
    }
    await found.targets(page, 'reacted');
    await found.scan(page, 'reacted');

    const more = part.getByRole('button', { name: 'Show more' });
    await more.scrollIntoViewIfNeeded();
    await found.targets(page, 'show more');
    const before = await part.getByRole('article').count();
    await more.click();
    await until(async () => (await part.getByRole('article').count()) > before, 30_000);
    await found.targets(page, 'more shown');

    // Reporting: the dialog measured, sent, and the thanks on screen and said.
    const other = part.getByRole('article').nth(before);
    await other.getByRole('button', { name: 'Report' }).click();
    const report = page.getByRole('dialog', { name: 'Report this recognition' });
    await report.getByRole('textbox').fill('Names a customer');
    await found.targets(page, 'report dialog', report);
    const liveNow = await liveIds(page);
    await report.getByRole('button', { name: 'Report' }).click();
    // Off the wall for everyone (through the relay); or, when this reader reported it before, hidden for her.
    await expectSeenAndAnnounced(page, /Thank you\. The recognition is (off the wall for everyone|hidden from you)/, liveNow);
    await found.targets(page, 'reported');

    found.expectClean();
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

async function expectAnnounced(page: Page, text: string, liveBefore: string[]): Promise<void> {
  await until(async () => (await liveRegions(page)).some((region) => region.text.includes(text) && liveBefore.includes(region.id)), 15_000);
}

/** Waits until `check` holds (fails the test with `what` when it does not within `timeoutMs`). */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) {
      throw new Error(`Not so within ${timeoutMs} ms: ${check.toString().slice(0, 200)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** No background: the wall, its filters and the composer's lines pass axe. */
async function noBackground(theme: Theme, who: Persona): Promise<void> {
  const { context, page, problems } = await openWall(who, theme, 'none');
  const found = new Findings();
  try {
    const part = wall(page);
    await closedThenFilters(page, found);
    await part.getByRole('button', { name: 'Recognise' }).click();
    const panel = composer(page);
    await panel.getByRole('list', { name: 'My crew' }).getByRole('button').first().click({ timeout: 30_000 });
    await panel.getByRole('group', { name: 'Which value did they live?' }).getByRole('button').first().click();
    await panel.getByRole('group', { name: 'Tap a line to send it now' }).waitFor();
    await found.targets(page, 'composer: lines', panel);
    await found.scan(page, 'composer: lines');
    found.expectClean();
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

describe.each<Theme>(['light', 'dark'])('the wall on a phone on the shop floor (%s)', (theme) => {
  it('team leader, strong background: every state 48 px and axe-clean; a suggested line to the operator, the thanks seen and said', async () => {
    await leaderWalk(theme, await persona('Operator'));
  });

  it('operator, strong background: the post about her marked, reactions named, "Show more", a report; 48 px, axe-clean, feedback seen and said', async () => {
    await operatorWalk(theme, await persona('Operator'), await persona('Team leader'));
  });

  it('operator, no background: axe-clean, 48 px', async () => {
    await noBackground(theme, await persona('Operator'));
  });
});
