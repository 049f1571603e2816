/**
 * End to end, on the shop floor's phone (360 × 740): pulse results after the relay's timer has
 * published the demo plant's closed round.
 *
 * HR (Leyla Ünal), light on a strong section and dark on none: the heatmap with its withheld cells
 * said in words (never a number), the comments with their threads, and a reply sent to one; the
 * action plans tab. The operator (Åsa Bäckström) and the agency operator, in Swedish and Dutch:
 * "You said, we did" in the Pulse part, the plans published to their groups.
 *
 * In every state every interactive element is a 48 × 48 px target as a finger meets it, the
 * page does not scroll sideways, and axe finds no serious violation.
 */
import type { Locator } from 'playwright-core';

import { planWords } from '../../src/ui/pulsePlans/planWords';
import { resultsWords } from '../../src/ui/pulseResults/resultsWords';
import { threadWords } from '../../src/ui/pulseThreads/threadWords';
import { openPartAt, phoneProblems, workbenchPersonas } from './support/partAt';
import { findPersona, type OpenedPart, type Persona, type Section, type Theme } from './support/phoneParts';
import { runPulseTimer } from './support/pulseRounds';
import { workbenchSession } from './support/session';

jest.setTimeout(300_000);

const e2e = workbenchSession();

const RESULTS = 'PulseResultsWebPart';
const PULSE = 'PulseWebPart';
const results = resultsWords('en-us');
const threads = threadWords('en-us');
const plansEn = planWords('en-us');

const LOOKS: ReadonlyArray<[Theme, Section]> = [
  ['light', 'strong'],
  ['dark', 'none']
];

let personas: Persona[] = [];

async function check(findings: string[], opened: OpenedPart, state: string, root: Locator = opened.part): Promise<void> {
  // Let a tab's or a sheet's fade-in finish: axe measures colours mid-animation.
  await opened.page.waitForTimeout(300);
  findings.push(...(await phoneProblems(opened, state, root)));
}

beforeAll(async () => {
  personas = await workbenchPersonas(e2e);
  // The relay's timer publishes the closed round (E2E tenants run none on their own).
  await runPulseTimer(e2e.tenant.origin);
});

describe('Pulse results on a phone', () => {
  it.each(LOOKS)('HR, %s theme, %s section: the heatmap with withheld cells in words, the comments, the plans', async (theme, section) => {
    const findings: string[] = [];
    const opened = await openPartAt(e2e, RESULTS, theme, section, findPersona(personas, 'HR'));
    const { part, problems } = opened;
    const look = `results ${theme}/${section}`;
    try {
      await part.locator('strong', { hasText: results.seeingHr }).waitFor({ timeout: 60_000 });
      await check(findings, opened, `${look} overview`);

      await part.getByRole('tab', { name: results.tabs.heatmap }).click();
      const heatmap = part.getByRole('table').first();
      await heatmap.waitFor();
      // Withheld cells say why, in words (never a number, never a blank that reads as zero).
      const withheld = heatmap.locator('[data-withheld]');
      expect(await withheld.count()).toBeGreaterThan(0);
      const reasons = await withheld.evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('data-withheld') ?? '', (cell.textContent ?? '').trim()]));
      const said = results.withheld as Record<string, string>;
      expect(reasons.filter(([reason, text]) => said[reason] === undefined || !text.includes(said[reason]) || /\d/.test(text))).toEqual([]);
      await check(findings, opened, `${look} heatmap`);

      await part.getByRole('tab', { name: results.tabs.comments }).click();
      const reply = part.getByRole('button', { name: threads.reply, exact: true }).first();
      await reply.waitFor({ timeout: 30_000 });
      await check(findings, opened, `${look} comments`);

      await part.getByRole('tab', { name: plansEn.actionPlans }).click();
      await part.getByRole('button', { name: plansEn.newPlan }).waitFor({ timeout: 30_000 });
      await check(findings, opened, `${look} plans`);
      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  it('HR replies to a comment; the reply stays under it after a reload', async () => {
    const opened = await openPartAt(e2e, RESULTS, 'light', 'none', findPersona(personas, 'HR'));
    const { part, page, problems } = opened;
    const text = `Tack, vi tittar på det (${Date.now()})`;
    try {
      await part.locator('strong', { hasText: results.seeingHr }).waitFor({ timeout: 60_000 });
      await part.getByRole('tab', { name: results.tabs.comments }).click();
      await part.getByRole('button', { name: threads.reply, exact: true }).first().click();
      await part.getByRole('textbox').first().fill(text);
      await part.getByRole('button', { name: threads.send, exact: true }).click();
      await part.getByText(threads.sent).waitFor({ timeout: 30_000 });
      await page.reload();
      await part.locator('strong', { hasText: results.seeingHr }).waitFor({ timeout: 60_000 });
      await part.getByRole('tab', { name: results.tabs.comments }).click();
      // Under the comment wherever it is listed (the plant's list, its site's, its line's).
      await part.getByText(text).first().waitFor({ timeout: 30_000 });
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});

describe('"You said, we did" in the Pulse part', () => {
  it.each([
    ['Operator', 'sv-se'],
    ['Agency operator', 'nl-nl']
  ])('%s, in %s: the plans published to their groups, in the page language', async (label, locale) => {
    const words = planWords(locale);
    const opened = await openPartAt(e2e, PULSE, 'light', 'none', findPersona(personas, label as 'Operator'), { locale });
    const { part, problems } = opened;
    try {
      const plans = part.getByRole('region', { name: words.youSaidWeDid }).or(part.locator('section').filter({ has: part.getByRole('heading', { name: words.youSaidWeDid }) }));
      await plans.first().waitFor({ timeout: 60_000 });
      // At least the plant's plan, which everyone's groups hold.
      const items = plans.first().getByRole('listitem').filter({ has: opened.page.getByRole('heading') });
      await items.first().waitFor({ timeout: 30_000 });
      expect(await items.count()).toBeGreaterThan(0);
      await expect(plans.first().getByText(words.youSaid).first().isVisible()).resolves.toBe(true);
      const findings = await phoneProblems(opened, `plans ${locale}`);
      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
