/**
 * End to end, on the shop floor's phone (360 × 740), light and dark: My crew and the Shift
 * status line, every state a person reaches in them.
 *
 * My crew as the team leader (Jonas Ødegaard): the list; the composer opened on a crew member
 * at each of its steps (value, the suggested lines, one's own words, impact and who sees it,
 * the rules' messages after an empty send); a crew recognition sent; a milestone at each of its
 * steps (who reached it, the rules' messages, value, words); the list when it cannot be read;
 * and as an operator without a crew (Åsa Bäckström). Shift status read, and failed with "Try
 * again". In every state, every interactive element is a 48 × 48 px target as a finger meets it
 * (./support/targets.ts); axe finds no serious violation (colour contrast included) with the
 * part on a strong and on no section background.
 *
 * Feedback in view: after a recognition from the top of the list (the person moves to its end)
 * the "Sent to …" confirmation is on the screen, in a live region that was there before it
 * (so screen readers say it). Nothing is hidden under the composer's buttons: the last crew
 * member's row, and every element keyboard focus lands on, can be seen and pressed.
 */
import type { Locator, Page } from 'playwright-core';

import { newContext, PHONE } from './support/browser';
import { NO_FAULTS, outageOf, setFaults } from './support/faults';
import { findPersona, type OpenedPart, openPart, type Persona, partWords, type Section, stateProblems, type Theme } from './support/phoneParts';
import { workbenchSession } from './support/session';
import { openWorkbench, pageConfig, type PageConfig } from './support/workbench';

jest.setTimeout(300_000);

const e2e = workbenchSession();

const crew = partWords('webparts/crewRecognition');
const shared = partWords('ui/recognition');
const shiftStatus = partWords('extensions/shiftStatus');

const CREW = 'CrewRecognitionWebPart';
const SHIFT = 'ShiftStatusApplicationCustomizer';


let personas: PageConfig['personas'] = [];

function persona(label: 'Operator' | 'Team leader'): Persona {
  return findPersona(personas, label);
}

const open = (alias: string, theme: Theme, section: Section, who?: Persona): Promise<OpenedPart> => openPart(e2e, alias, theme, section, who);

/**
 * What a state gets wrong, readable: its targets under 48 px (inside `root`) and, when `axe`,
 * the page's serious axe violations. Collected, so one run names every state that fails.
 */
class Findings {
  readonly list: string[] = [];

  async check(page: Page, state: string, root: Locator, axe: boolean): Promise<void> {
    this.list.push(...(await stateProblems(page, state, root, axe)));
  }

  add(state: string, problem: string): void {
    this.list.push(`${state}: ${problem}`);
  }
}

/**
 * Parts of `target` that something else covers: the page's topmost element at its centre and
 * near its four edges (inside the window) must be the target, inside it, or its label.
 */
async function coveredAt(target: Locator): Promise<string[]> {
  return target.evaluate((element: Element) => {
    const box = element.getBoundingClientRect();
    const owner = element.closest('label, .ms-Checkbox, .ms-ChoiceField') ?? element;
    const labels = element instanceof HTMLInputElement && element.labels ? Array.from(element.labels) : [];
    const inset = Math.min(4, box.width / 4, box.height / 4);
    const points: Array<[string, number, number]> = [
      ['centre', box.left + box.width / 2, box.top + box.height / 2],
      ['top', box.left + box.width / 2, box.top + inset],
      ['bottom', box.left + box.width / 2, box.bottom - inset],
      ['left', box.left + inset, box.top + box.height / 2],
      ['right', box.right - inset, box.top + box.height / 2]
    ];
    const problems: string[] = [];
    for (const [where, x, y] of points) {
      if (y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) {
        problems.push(`${where} off the screen (${Math.round(x)}, ${Math.round(y)})`);
        continue;
      }
      const hit = document.elementFromPoint(x, y);
      const ok = hit !== null && (element.contains(hit) || hit.contains(element) || owner.contains(hit) || labels.some((l) => l.contains(hit)));
      if (!ok) {
        const what = hit ? `${hit.tagName.toLowerCase()}.${String(hit.className).split(' ')[0]} "${(hit.textContent ?? '').trim().slice(0, 30)}"` : 'nothing';
        problems.push(`${where} covered by ${what}`);
      }
    }
    return problems;
  });
}

/** Tabs through `dialog` once round; every element focus lands on must be seen whole. */
async function focusNeverHidden(page: Page, dialog: Locator, state: string, findings: Findings): Promise<void> {
  const seen = new Set<string>();
  for (let press = 0; press < 40; press += 1) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    if ((await focused.count()) === 0) {
      continue;
    }
    const id = await focused.evaluate((el: Element) => {
      const key = el.getAttribute('data-e2e-focus') ?? `f${Math.random().toString(36).slice(2)}`;
      el.setAttribute('data-e2e-focus', key);
      return key;
    });
    if (seen.has(id)) {
      break;
    }
    seen.add(id);
    if ((await dialog.locator(':focus').count()) === 0) {
      continue;
    }
    const name = await focused.evaluate((el: Element) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 40)}"`);
    for (const problem of await coveredAt(focused)) {
      findings.add(state, `focused ${name}: ${problem}`);
    }
  }
  expect(seen.size).toBeGreaterThan(3);
}

/** True when `locator` is wholly inside the window. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize() ?? PHONE;
  return box !== null && box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width;
}

/** The first crew member in the list who can be recognised (the one longest waiting). */
async function firstReachable(part: Locator): Promise<string> {
  const prefix = crew.RecogniseButtonLabel.replace('{0}', '');
  const labels = await part.getByRole('list', { name: crew.CrewListLabel }).getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  const label = labels.find((l) => l.startsWith(prefix));
  expect(label).toBeTruthy();
  return (label ?? '').slice(prefix.length);
}

/** A state reached on opening (the page loaded, `shown` there): its targets and axe, on a page of its own. */
async function checkState(
  findings: Findings,
  state: string,
  where: { alias: string; theme: Theme; section: Section; who?: Persona },
  shown: (part: Locator) => Locator
): Promise<void> {
  const opened = await open(where.alias, where.theme, where.section, where.who);
  try {
    await shown(opened.part).waitFor({ timeout: 60_000 });
    await findings.check(opened.page, state, opened.part, true);
  } finally {
    await opened.context.close();
  }
}

beforeAll(async () => {
  // The workbench builds its bundle on the first page, and names the personas.
  const { context, page } = await newContext(e2e.browser, e2e.tenant.origin, PHONE);
  await openWorkbench(page, `${e2e.tenant.workbenchUrl}?part=${CREW}&frame=phone`);
  personas = (await pageConfig(page)).personas;
  await context.close();
}, 240_000);

afterEach(async () => {
  await setFaults(e2e.tenant.origin, NO_FAULTS);
});

const THEMES: readonly Theme[] = ['light', 'dark'];

describe.each(THEMES)('My crew on a phone, %s', (theme) => {
  it('as the team leader on a strong section: every state 48 px, axe clean; "Sent to …" in view and announced; nothing under the buttons', async () => {
    const findings = new Findings();
    const { context, page, part, problems } = await open(CREW, theme, 'strong', persona('Team leader'));
    try {
      const list = part.getByRole('list', { name: crew.CrewListLabel });
      await list.waitFor({ timeout: 60_000 });
      await findings.check(page, 'list', part, true);

      // The composer on the longest-waiting person, each step.
      const name = await firstReachable(part);
      const openButton = part.getByRole('button', { name: `Recognise ${name}`, exact: true });
      await openButton.scrollIntoViewIfNeeded();
      await openButton.click();
      const dialog = page.getByRole('dialog', { name: `Recognise ${name}` });
      const values = dialog.getByRole('group', { name: crew.ValueLegend });
      await values.waitFor({ timeout: 30_000 });
      await findings.check(page, 'composer: value', dialog, true);
      await values.getByRole('button').first().click();
      const lines = dialog.getByRole('group', { name: shared.SuggestionsHeading });
      await lines.waitFor();
      await findings.check(page, 'composer: lines', dialog, true);
      await dialog.getByRole('button', { name: shared.WriteOwn }).click();
      await dialog.getByRole('button', { name: shared.MoreOptions }).click();
      await dialog.getByRole('radiogroup').waitFor();
      await findings.check(page, 'composer: own words, impact and who sees it', dialog, true);
      await dialog.getByRole('button', { name: crew.SendButton, exact: true }).click();
      await dialog.getByRole('alert').or(dialog.locator('[role="alert"], .ms-TextField-errorMessage')).first().waitFor();
      await findings.check(page, 'composer: the rules say what is missing', dialog, true);
      await focusNeverHidden(page, dialog, 'composer: own words', findings);

      // Back to the lines; one tap sends. The person moves to the end of the list.
      await dialog.getByRole('button', { name: shared.UseSuggestion }).click();
      await page.evaluate(() => document.querySelectorAll('[aria-live], [role="status"], [role="alert"]').forEach((el) => el.setAttribute('data-e2e-live-before', '1')));
      await lines.getByRole('button').first().click();
      const sent = part.getByText(crew.ResultSent.replace('{0}', name), { exact: true });
      await sent.waitFor({ timeout: 30_000 });
      await dialog.waitFor({ state: 'detached' });
      // Whatever moves once the composer closes (focus, the re-sorted list) has moved.
      await page.waitForTimeout(500);
      if (!(await inViewport(page, sent))) {
        findings.add('sent', `"Sent to ${name}." is off the screen at ${JSON.stringify(await sent.boundingBox())} (scrolled to ${await page.evaluate(() => window.scrollY)})`);
      }
      // Said by a screen reader: inside a live region that was on the page before the words came.
      const announcedBy = await sent.evaluate((el: Element) => {
        for (let node = el.parentElement; node; node = node.parentElement) {
          const live = node.getAttribute('aria-live') ?? ({ status: 'polite', alert: 'assertive' } as Record<string, string>)[node.getAttribute('role') ?? ''];
          if (live && live !== 'off' && node.getAttribute('data-e2e-live-before') === '1') {
            return live;
          }
        }
        return undefined;
      });
      if (!announcedBy) {
        findings.add('sent', `"Sent to ${name}." is in no live region that was there before it`);
      }
      await findings.check(page, 'sent', part, true);

      // A milestone: who reached it (every crew member a row), the rules, value, words.
      await part.getByRole('button', { name: crew.MilestoneButton }).click();
      const milestone = page.getByRole('dialog', { name: crew.ComposerMilestoneTitle });
      const people = milestone.getByRole('group', { name: crew.RecipientsLegend });
      await people.waitFor({ timeout: 30_000 });
      await findings.check(page, 'milestone: who reached it', milestone, true);
      const boxes = people.getByRole('checkbox');
      expect(await boxes.count()).toBeGreaterThan(8);
      // The last person's row scrolled to the bottom edge, where a bar over the list would lie.
      const last = people.locator('label').last();
      await last.evaluate((row: Element) => row.scrollIntoView({ block: 'end' }));
      for (const problem of await coveredAt(last)) {
        findings.add('milestone: the last crew member', problem);
      }
      await focusNeverHidden(page, milestone, 'milestone: who reached it', findings);
      await milestone.getByRole('button', { name: crew.NextButton }).click();
      await milestone.getByText(crew.ErrorStreakDays).waitFor();
      await findings.check(page, 'milestone: the rules say what is missing', milestone, true);
      await milestone.getByRole('spinbutton', { name: crew.StreakDaysLabel }).fill('30');
      // A tap on the row (its label) ticks the person.
      await people.locator('label').first().click();
      expect(await boxes.first().isChecked()).toBe(true);
      await milestone.getByRole('button', { name: crew.NextButton }).click();
      const milestoneValues = milestone.getByRole('group', { name: crew.ValueLegend });
      await milestoneValues.waitFor();
      await findings.check(page, 'milestone: value', milestone, true);
      await milestoneValues.getByRole('button').first().click();
      await milestone.getByRole('textbox', { name: crew.MessageLabel }).waitFor();
      await findings.check(page, 'milestone: words', milestone, true);
      await milestone.getByRole('button', { name: crew.CancelButton }).click();
      await milestone.waitFor({ state: 'detached' });

      expect(problems).toEqual([]);

      // The relay busy: the recognition waits on the device, and the list says so, in view.
      // (From here the browser reports the relay's 503 answers; nothing else may go wrong.)
      await setFaults(e2e.tenant.origin, outageOf('/relay/'));
      const next = await firstReachable(part);
      await part.getByRole('button', { name: `Recognise ${next}`, exact: true }).click();
      const again = page.getByRole('dialog', { name: `Recognise ${next}` });
      await again.getByRole('group', { name: crew.ValueLegend }).getByRole('button').first().click();
      await again.getByRole('group', { name: shared.SuggestionsHeading }).getByRole('button').first().click();
      const waiting = part.locator('.ms-MessageBar--warning');
      await waiting.waitFor({ timeout: 30_000 });
      await again.waitFor({ state: 'detached' });
      await page.waitForTimeout(500);
      if (!(await inViewport(page, waiting))) {
        findings.add('kept on the device', `the warning is off the screen at ${JSON.stringify(await waiting.boundingBox())}`);
      }
      await findings.check(page, 'kept on the device', part, true);

      expect(findings.list).toEqual([]);
      expect(problems.filter((p) => !/status of 503/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('as the team leader on no section background: the list and the composer pass axe', async () => {
    const findings = new Findings();
    const { context, page, part } = await open(CREW, theme, 'none', persona('Team leader'));
    try {
      await part.getByRole('list', { name: crew.CrewListLabel }).waitFor({ timeout: 60_000 });
      await findings.check(page, 'list', part, true);
      const name = await firstReachable(part);
      await part.getByRole('button', { name: `Recognise ${name}`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Recognise ${name}` });
      const values = dialog.getByRole('group', { name: crew.ValueLegend });
      await values.waitFor({ timeout: 30_000 });
      await findings.check(page, 'composer: value', dialog, true);
      await values.getByRole('button').first().click();
      await dialog.getByRole('group', { name: shared.SuggestionsHeading }).waitFor();
      await dialog.getByRole('button', { name: shared.MoreOptions }).click();
      await findings.check(page, 'composer: lines, impact and who sees it', dialog, true);
      await dialog.getByRole('button', { name: crew.CancelButton }).click();
      await part.getByRole('button', { name: crew.MilestoneButton }).click();
      const milestone = page.getByRole('dialog', { name: crew.ComposerMilestoneTitle });
      await milestone.getByRole('group', { name: crew.RecipientsLegend }).waitFor({ timeout: 30_000 });
      await findings.check(page, 'milestone: who reached it', milestone, true);
      expect(findings.list).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each<Section>(['strong', 'none'])('as an operator without a crew, and when the crew cannot be read (%s section)', async (section) => {
    const findings = new Findings();
    const at = { alias: CREW, theme, section };
    await checkState(findings, 'no crew', { ...at, who: persona('Operator') }, (part) => part.getByText(crew.NoCrew));
    await setFaults(e2e.tenant.origin, outageOf('/_api/'));
    await checkState(findings, 'cannot be read', { ...at, who: persona('Team leader') }, (part) => part.getByRole('button', { name: shared.Retry }));
    expect(findings.list).toEqual([]);
  });
});

describe.each(THEMES)('Shift status on a phone, %s', (theme) => {
  it.each<Section>(['strong', 'none'])('read, and failed with "Try again": 48 px, axe clean (%s section)', async (section) => {
    const findings = new Findings();
    const at = { alias: SHIFT, theme, section };
    await checkState(findings, 'read', at, (part) => part.locator('[role="status"][data-busy="false"]'));
    await setFaults(e2e.tenant.origin, outageOf('/graph/'));
    await checkState(findings, 'failed', at, (part) => part.getByRole('button', { name: shiftStatus.Retry }));
    expect(findings.list).toEqual([]);
  });
});
