/**
 * End to end, on the shop floor's phone (360 × 740), light and dark: the Pulse part.
 *
 * HR puts a round in that asks everyone (through SharePoint REST as HR; the survey's authoring
 * part has tests of its own). The operator walks every screen — the start with "who can see
 * this", each question (five faces, 0–10, a comment), the summary — in each look: every
 * interactive element is a 48 × 48 px target as a finger meets it, nothing scrolls sideways and
 * axe finds no serious violation on a strong and on no section background. The agency operator
 * switches the survey to Dutch, answers and sends it, and on the next visit is not asked that
 * round again.
 */

import { newContext, PHONE } from './support/browser';
import { addOpenRound } from './support/pulseRounds';
import { findPersona, type OpenedPart, openPart, type Persona, type Section, stateProblems, type Theme } from './support/phoneParts';
import { workbenchSession } from './support/session';
import { openWorkbench, pageConfig, pageScrollsSideways, type PageConfig } from './support/workbench';

jest.setTimeout(300_000);

const e2e = workbenchSession();
const ALIAS = 'PulseWebPart';
const TITLE = 'Week 50 on the floor';

/** Light on a strong section and dark on none: both themes and both backgrounds. */
const LOOKS: ReadonlyArray<[Theme, Section]> = [
  ['light', 'strong'],
  ['dark', 'none']
];

let personas: PageConfig['personas'] = [];

async function check(findings: string[], opened: OpenedPart, state: string): Promise<void> {
  findings.push(...(await stateProblems(opened.page, state, opened.part)));
  if (await pageScrollsSideways(opened.page)) {
    findings.push(`${state}: the page scrolls sideways`);
  }
}

beforeAll(async () => {
  const probe = await newContext(e2e.browser, e2e.tenant.origin, PHONE);
  try {
    await openWorkbench(probe.page, e2e.tenant.workbenchUrl);
    personas = (await pageConfig(probe.page)).personas;
  } finally {
    await probe.context.close();
  }
  const now = Date.now();
  await addOpenRound(e2e.tenant.origin, findPersona(personas, 'HR').userPrincipalName, {
    title: TITLE,
    questionKeys: ['part-of-team', 'recommend-workplace', 'one-thing-better'],
    opensAt: now - 86_400_000,
    closesAt: now + 7 * 86_400_000
  });
});

describe('Pulse on a phone', () => {
  it.each(LOOKS)('operator, %s theme, %s section: start, every question, the summary', async (theme, section) => {
    const findings: string[] = [];
    const opened = await open(theme, section, findPersona(personas, 'Operator'));
    const { part, problems } = opened;
    const look = `${theme}/${section}`;
    try {
      // Åsa reads Swedish: the survey starts in her language.
      await part.getByRole('heading', { name: TITLE }).waitFor({ timeout: 60_000 });
      await part.getByText('Vem kan se detta').click();
      await expect(part.getByText(/minst 5 personer/).count()).resolves.toBe(1);
      await check(findings, opened, `${look} start`);
      await part.getByRole('button', { name: 'Börja' }).click();

      await part.getByRole('radiogroup').waitFor();
      await expect(part.getByRole('radio').count()).resolves.toBe(5);
      await check(findings, opened, `${look} five faces`);
      await part.getByRole('radio', { name: 'Instämmer', exact: true }).click();

      await expect(part.getByRole('radio').count()).resolves.toBe(11);
      await check(findings, opened, `${look} 0–10`);
      await part.getByRole('button', { name: 'Hoppa över' }).click();

      await part.getByRole('textbox', { name: 'Ditt svar (frivilligt)' }).fill('Bättre belysning vid station 4');
      await check(findings, opened, `${look} comment`);
      await part.getByRole('button', { name: 'Nästa' }).click();

      await part.getByRole('heading', { name: 'Du har svarat på 2 av 3 frågor.' }).waitFor();
      await check(findings, opened, `${look} summary`);
      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  it('agency operator answers in Dutch, sends, and is not asked that round again', async () => {
    const who = findPersona(personas, 'Agency operator');
    const opened = await open('light', 'none', who);
    try {
      const { part, problems } = opened;
      await part.getByRole('heading', { name: TITLE }).waitFor({ timeout: 60_000 });
      await part.getByRole('button', { name: 'Nederlands' }).click();
      await part.getByRole('button', { name: 'Beginnen' }).click();
      await part.getByRole('radio', { name: 'Helemaal eens' }).click();
      await part.getByRole('radio', { name: '8', exact: true }).click();
      await part.getByRole('textbox', { name: 'Je antwoord (niet verplicht)' }).fill('Meer uitleg bij de nieuwe pers');
      await part.getByRole('button', { name: 'Volgende' }).click();
      await part.getByRole('button', { name: 'Antwoorden versturen' }).click();
      await part.getByText('Bedankt. Je antwoorden zijn meegeteld.').waitFor({ timeout: 30_000 });
      expect(problems).toEqual([]);

      // The next visit asks the next open round (the demo plant's monthly pulse), or thanks: never this one again.
      await opened.page.reload();
      await part.getByText(/Monthly pulse|you have answered every open survey|je hebt elke open enquête beantwoord|Du har svarat på alla öppna enkäter/).first().waitFor({ timeout: 60_000 });
      await expect(part.getByRole('heading', { name: TITLE }).count()).resolves.toBe(0);
    } finally {
      await opened.context.close();
    }
  });
});

function open(theme: Theme, section: Section, who: Persona): Promise<OpenedPart> {
  return openPart(e2e, ALIAS, theme, section, who);
}
