/**
 * End to end, on the shop floor's phone (360 × 740), light and dark, on a strong and on no
 * section background: the pulse parts around the Pulse web part.
 *
 * Pulse admin as HR (Leyla Ünal): the surveys; a new survey's editor with the crews by name and
 * the shortest round from their rosters, and the same after a save it refused (the problems
 * beside their fields); the question editor; the preview; the relay
 * panel while the relay does not answer. As an operator (Åsa Bäckström): the surveys read only,
 * nothing to edit. Then HR, in Swedish, creates and schedules a survey for the operator's crew,
 * picked by name, whose first round opens today; the relay's timer runs once, and the Pulse web
 * part offers the operator that round.
 *
 * The Pulse card as the operator: its face ("N min, N questions"), the quick view's start with
 * what followed earlier pulses below it (her crew's plan, in Swedish), a question of five faces,
 * the 0–10 question, the comment, the summary, then sent and done.
 *
 * The on-shift prompt as the operator with the browser's clock inside one of her shifts: the
 * line, "Answer now" and the survey over the page, Escape, "Not now"; in Swedish, every question
 * answered through it to the done screen, and the round not offered again; off shift, nothing.
 *
 * In every state every interactive element is a 48 × 48 px target as a finger meets it, the
 * page does not scroll sideways, and axe finds no serious violation.
 */
import * as path from 'path';
import type { Locator } from 'playwright-core';

import { format } from '../../src/ui/format';
import { promptWords } from '../../src/extensions/pulsePrompt/components/promptWords';
import { pulseWords } from '../../src/ui/pulse/pulseWords';
import { loadAmdStrings } from '../support/sources';
import { card, cardSettled, cardText, expectedRoster } from './support/cards';
import { NO_FAULTS, outageOf, setFaults } from './support/faults';
import { openPartAt, phoneProblems, workbenchPersonas } from './support/partAt';
import { findPersona, type OpenedPart, type Persona, partWords, type Section, stateProblems, type Theme } from './support/phoneParts';
import { addOpenRound, runPulseTimer } from './support/pulseRounds';
import { workbenchSession } from './support/session';

jest.setTimeout(300_000);

const e2e = workbenchSession();

const ADMIN = 'PulseAdminWebPart';
const PULSE = 'PulseWebPart';
const CARD = 'PulseAdaptiveCardExtension';
const PROMPT = 'PulsePromptApplicationCustomizer';

const admin = partWords('webparts/pulseAdmin');
const adminSv = loadAmdStrings(path.join(__dirname, '..', '..', 'src', 'webparts', 'pulseAdmin', 'loc', 'sv-se.js')) as Record<string, string>;
const cardEn = partWords('adaptiveCardExtensions/pulse');
const en = pulseWords('en-us');
/** Åsa answers in Swedish: the relay starts a survey in the person's own language. */
const sv = pulseWords('sv-se');
const FACES = ['😟', '🙁', '😐', '🙂', '😄'];
const HOUR = 3_600_000;

/** Light and dark, each on a strong and on no section background. */
const LOOKS: ReadonlyArray<[Theme, Section]> = [
  ['light', 'none'],
  ['light', 'strong'],
  ['dark', 'none'],
  ['dark', 'strong']
];

/** Light on a strong section and dark on none: the card and the prompt in both themes and on both backgrounds. */
const TWO_LOOKS: ReadonlyArray<[Theme, Section]> = [
  ['light', 'strong'],
  ['dark', 'none']
];

let personas: Persona[] = [];

const persona = (label: 'Operator' | 'HR'): Persona => findPersona(personas, label);

/** What a state gets wrong, added to `findings`: collected, so one run names every state that fails. */
async function check(findings: string[], opened: OpenedPart, state: string, root: Locator = opened.part): Promise<void> {
  findings.push(...(await phoneProblems(opened, state, root)));
}

beforeAll(async () => {
  personas = await workbenchPersonas(e2e);
});

describe('Pulse admin on a phone', () => {
  it.each(LOOKS)('HR, %s theme, %s section: surveys, a new survey refused, a question, the preview, the relay panel', async (theme, section) => {
    const findings: string[] = [];
    const opened = await openPartAt(e2e, ADMIN, theme, section, persona('HR'));
    const { part, problems } = opened;
    const look = `HR ${theme}/${section}`;
    try {
      await part.getByRole('list', { name: admin.SurveysListLabel }).waitFor({ timeout: 60_000 });
      await part.getByRole('button', { name: admin.NewSurvey }).waitFor();
      await check(findings, opened, `${look} surveys`);

      await part.getByRole('button', { name: admin.NewSurvey }).click();
      const editor = part.getByRole('form', { name: admin.EditorNewTitle });
      const title = editor.getByRole('textbox', { name: admin.FieldTitle });
      await title.waitFor({ timeout: 30_000 });
      // The crews by name from the relay (HR is on no crew's roster), each a 48 px target too.
      const crews = editor.getByRole('group', { name: admin.FieldCrews });
      await crews.getByRole('checkbox', { name: /^GOT Weld A/ }).waitFor({ timeout: 60_000 });
      // The shortest round of every crew (the audience restricts nothing yet), in days.
      await editor.getByText(admin.RoundMinimum.split('{0}')[0]).waitFor({ timeout: 30_000 });
      await check(findings, opened, `${look} new survey`);

      // Nothing filled in: refused before anything is written, each problem beside its field.
      await editor.getByRole('button', { name: admin.Save, exact: true }).click();
      await editor.getByText(admin.ErrorSummary).waitFor();
      await expect(title.getAttribute('aria-invalid')).resolves.toBe('true');
      const titleError = await title.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
      expect(titleError).toBe(admin.ErrorTitleMissing);
      await editor.getByText(format(admin.ErrorTooFewQuestions, 3)).waitFor();
      await check(findings, opened, `${look} new survey, refused`);
      await editor.getByRole('button', { name: admin.Cancel }).click();

      await part.getByRole('button', { name: admin.AddQuestion }).click();
      const question = part.getByRole('form', { name: admin.QuestionEditorTitle });
      await question.getByRole('textbox', { name: admin.FieldWordingEnglish }).waitFor({ timeout: 30_000 });
      await check(findings, opened, `${look} question editor`);
      await question.getByRole('button', { name: admin.Cancel }).click();

      await part.getByRole('button', { name: format(admin.PreviewLabel, 'Monthly pulse') }).click();
      const preview = part.getByRole('region', { name: format(admin.PreviewTitle, 'Monthly pulse') });
      await preview.getByTestId('preview-question').waitFor({ timeout: 30_000 });
      await check(findings, opened, `${look} preview`);
      await preview.getByRole('button', { name: admin.Next, exact: true }).click();
      await check(findings, opened, `${look} preview, second question`);
      await preview.getByRole('button', { name: admin.ClosePreview }).click();

      // The relay does not answer: HR is told that no answer is collected, why, and what to do.
      await setFaults(e2e.tenant.origin, outageOf('/relay/'));
      try {
        await opened.page.reload();
        await part.getByTestId('relay-panel').waitFor({ timeout: 60_000 });
        await check(findings, opened, `${look} relay panel`);
      } finally {
        await setFaults(e2e.tenant.origin, NO_FAULTS);
      }
      await part.getByRole('button', { name: admin.RelayCheckAgain }).click();
      await part.getByTestId('relay-panel').waitFor({ state: 'detached', timeout: 30_000 });
      expect(findings).toEqual([]);
      expect(problems.filter((p) => !p.includes('503'))).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  it.each<[Theme, Section]>([
    ['light', 'strong'],
    ['dark', 'none']
  ])('operator, %s theme, %s section: the surveys read only, nothing to edit', async (theme, section) => {
    const findings: string[] = [];
    const opened = await openPartAt(e2e, ADMIN, theme, section, persona('Operator'));
    const { part, problems } = opened;
    try {
      await part.getByRole('list', { name: admin.SurveysListLabel }).waitFor({ timeout: 60_000 });
      await part.getByText(admin.ReadOnly).waitFor();
      expect(await part.getByRole('button').count()).toBe(0);
      expect(await part.getByRole('textbox').count()).toBe(0);
      expect(await part.getByTestId('relay-panel').count()).toBe(0);
      await check(findings, opened, `operator ${theme}/${section} surveys`);
      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  it('HR schedules a survey in Swedish whose first round opens today; after the timer the operator is offered it', async () => {
    const title = `Skiftpuls ${Date.now()}`;
    const opened = await openPartAt(e2e, ADMIN, 'light', 'strong', persona('HR'), { locale: 'sv-se' });
    const { part, page, problems } = opened;
    try {
      await part.getByRole('button', { name: adminSv.NewSurvey }).click({ timeout: 60_000 });
      const editor = part.getByRole('form', { name: adminSv.EditorNewTitle });
      await editor.getByRole('textbox', { name: adminSv.FieldTitle }).fill(title);
      const pick = editor.getByRole('combobox', { name: adminSv.QuestionToAdd });
      for (const key of ['part-of-team', 'recommend-workplace', 'one-thing-better']) {
        await pick.selectOption(key);
        await editor.getByRole('button', { name: adminSv.AddToSurvey, exact: true }).click();
      }
      await expect(editor.getByTestId('survey-question').count()).resolves.toBe(3);
      await editor.getByRole('combobox', { name: adminSv.FieldCadence }).selectOption('once');
      // Åsa's crew, picked by its name; its continuous 2-2-2-2 roster needs three days.
      await editor.getByRole('group', { name: adminSv.FieldCrews }).getByRole('checkbox', { name: /^GOT Weld A/ }).check({ timeout: 60_000 });
      // Three days: it closes before the demo plant's monthly pulse, so it is the round offered first.
      await editor.getByRole('textbox', { name: adminSv.FieldRoundLength }).fill('3');
      // Today, from now on in the plant's zone: the first round opens at the timer's next run.
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      const nowAt = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
      await editor.getByLabel(adminSv.FieldFirstOpensOn).fill(today);
      await editor.getByLabel(adminSv.FieldOpensAt).fill(nowAt);
      await editor.getByRole('textbox', { name: adminSv.FieldTimeZone }).fill('Europe/Stockholm');
      await editor.getByText(format(adminSv.RoundMinimum, 3)).waitFor({ timeout: 30_000 });
      await editor.getByRole('button', { name: adminSv.Save, exact: true }).click();
      await part.getByText(format(adminSv.SavedNotice, title)).waitFor({ timeout: 30_000 });

      await part.getByRole('button', { name: format(adminSv.ScheduleLabel, title) }).click();
      const schedule = part.getByRole('form', { name: format(adminSv.EditorScheduleTitle, title) });
      await schedule.getByRole('button', { name: adminSv.SaveAndSchedule }).click();
      await part.getByText(format(adminSv.ScheduledNotice, title)).waitFor({ timeout: 30_000 });
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await opened.context.close();
    }

    await runPulseTimer(e2e.tenant.origin);
    const answering = await openPartAt(e2e, PULSE, 'dark', 'none', persona('Operator'));
    try {
      await answering.part.getByRole('heading', { name: title }).waitFor({ timeout: 60_000 });
      const findings: string[] = [];
      await check(findings, answering, 'the scheduled round offered');
      expect(findings).toEqual([]);
      expect(answering.problems).toEqual([]);
    } finally {
      await answering.context.close();
    }
  });
});

/** The card's targets, the open quick view's, sideways scrolling and the page's axe findings. */
async function checkCard(findings: string[], opened: OpenedPart, state: string, sheet?: Locator): Promise<void> {
  // Let a sheet's fade-in finish: axe measures colours mid-animation.
  await opened.page.waitForTimeout(400);
  if (sheet) {
    findings.push(...(await stateProblems(opened.page, state, sheet, false)));
  }
  findings.push(...(await phoneProblems(opened, state, card(opened.page, CARD))));
}

describe('The Pulse card on a phone', () => {
  const CARD_ROUND = /^Kortpuls \d$/;
  /** The demo plant's plan for Åsa's weld crew (local/tenant/history/plans.ts). */
  const WELD_CREW_PLAN = 'Byta skift i Teams Shifts';

  beforeAll(async () => {
    // One short round for each look, closing before the demo plant's monthly pulse: each is answered once.
    const now = Date.now();
    for (let i = 0; i < TWO_LOOKS.length; i += 1) {
      const questionKeys = ['part-of-team', 'recommend-workplace', 'one-thing-better'];
      await addOpenRound(e2e.tenant.origin, persona('HR').userPrincipalName, { title: `Kortpuls ${i + 1}`, questionKeys, opensAt: now - HOUR, closesAt: now + 48 * HOUR + i * 60_000 });
    }
  });

  it.each(TWO_LOOKS)('operator, %s theme, %s section: face, start, five faces, 0–10, comment, summary, sent', async (theme, section) => {
    const findings: string[] = [];
    const opened = await openPartAt(e2e, CARD, theme, section, persona('Operator'));
    const { page, problems } = opened;
    const look = `card ${theme}/${section}`;
    try {
      expect(await cardSettled(page, CARD)).toBe('ready');
      const face = await cardText(page, CARD);
      // "1 min, 3 questions": the minutes are the round's estimate, the words the card's.
      const minutes = /^(\d+) /.exec(face.primary)?.[1] ?? 'no number';
      expect(face.primary).toBe(format(cardEn.RoundLength, minutes, format(cardEn.Questions, 3)));
      expect(face.description).toMatch(CARD_ROUND);
      await checkCard(findings, opened, `${look} face`);

      await card(page, CARD).getByRole('button', { name: cardEn.AnswerButton, exact: true }).click();
      const sheet = page.getByRole('dialog', { name: cardEn.Title });
      await sheet.getByTestId('quick-view-card').waitFor();
      await sheet.getByRole('heading', { name: face.description }).waitFor({ timeout: 30_000 });
      // Below the start, what followed earlier pulses: the plan her weld crew's leader published, in Swedish.
      const plan = sheet.getByText(WELD_CREW_PLAN, { exact: true });
      await plan.waitFor({ timeout: 30_000 });
      await expect(plan.isVisible()).resolves.toBe(true);
      await checkCard(findings, opened, `${look} start`, sheet);
      await sheet.getByRole('button', { name: sv.start, exact: true }).click();

      const agree = sheet.getByRole('button', { name: `${FACES[3]} ${sv.likert[3]}`, exact: true });
      await agree.waitFor({ timeout: 30_000 });
      await checkCard(findings, opened, `${look} five faces`, sheet);
      await agree.click();

      const eight = sheet.getByRole('button', { name: '8', exact: true });
      await eight.waitFor({ timeout: 30_000 });
      await sheet.getByText(sv.enpsHigh).waitFor();
      await checkCard(findings, opened, `${look} 0–10`, sheet);
      await eight.click();

      const comment = sheet.getByRole('textbox', { name: sv.commentLabel });
      await comment.fill(`Bättre belysning vid station 4 (${theme}/${section})`);
      await checkCard(findings, opened, `${look} comment`, sheet);
      await sheet.getByRole('button', { name: sv.next, exact: true }).click();

      await sheet.getByText(format(sv.summary, 3, 3)).waitFor({ timeout: 30_000 });
      await checkCard(findings, opened, `${look} summary`, sheet);
      await sheet.getByRole('button', { name: sv.send, exact: true }).click();

      await sheet.getByText(sv.counted).waitFor({ timeout: 30_000 });
      await checkCard(findings, opened, `${look} done`, sheet);
      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});

describe('The on-shift pulse prompt on a phone', () => {
  const PROMPT_ROUND = 'Skiftfråga';
  const promptSv = promptWords('sv-se');
  let onShift = new Date();
  let offShift = new Date();

  beforeAll(async () => {
    // The operator's next shift in the demo roster (Teams Shifts of the local Graph), read as her.
    const roster = await expectedRoster(`${e2e.tenant.origin}/graph/v1.0`, persona('Operator').userPrincipalName, new Date());
    const next = roster.view.next;
    if (!next) {
      throw new Error('The demo roster gives the operator no next shift.');
    }
    // Well inside the shift (past its first minutes), and well before it (shifts are 16 h apart at least).
    onShift = new Date(Date.parse(next.start) + 3 * HOUR);
    offShift = new Date(Date.parse(next.start) - 3 * HOUR);
    // A round that closes an hour after that moment, before every other open round: the one the prompt offers.
    await addOpenRound(e2e.tenant.origin, persona('HR').userPrincipalName, { title: PROMPT_ROUND, questionKeys: ['part-of-team', 'recommend-workplace', 'one-thing-better'], opensAt: Date.now() - HOUR, closesAt: onShift.getTime() + HOUR });
  });

  it.each(TWO_LOOKS)('operator on shift, %s theme, %s section: the line, the survey over the page, Escape, Not now', async (theme, section) => {
    const findings: string[] = [];
    const opened = await openPartAt(e2e, PROMPT, theme, section, persona('Operator'), { time: onShift });
    const { page, part, problems } = opened;
    const look = `prompt ${theme}/${section}`;
    try {
      const answerNow = part.getByRole('button', { name: en.promptAnswer, exact: true });
      await answerNow.waitFor({ timeout: 60_000 });
      const line = part.getByRole('region');
      await expect(line.textContent()).resolves.toMatch(/^You are on shift: a pulse survey is open for you \(\d+ questions?, about \d+ min\)\./);
      await check(findings, opened, `${look} line`);

      await answerNow.click();
      const dialog = part.getByRole('dialog');
      await dialog.getByRole('button', { name: sv.start, exact: true }).waitFor({ timeout: 30_000 });
      await check(findings, opened, `${look} survey dialog`, dialog);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect(answerNow.evaluate((button) => button === document.activeElement)).resolves.toBe(true);

      await part.getByRole('button', { name: en.promptLater, exact: true }).click();
      await line.waitFor({ state: 'detached' });
      expect(await part.getByRole('button').count()).toBe(0);
      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  it('operator on shift, in Swedish: Svara nu, every question answered through the prompt, sent, done, and not offered again', async () => {
    const findings: string[] = [];
    const opened = await openPartAt(e2e, PROMPT, 'light', 'strong', persona('Operator'), { time: onShift, locale: 'sv-se' });
    const { page, part, problems } = opened;
    const look = 'prompt sv light/strong';
    try {
      const line = part.getByRole('region', { name: PROMPT_ROUND });
      await line.waitFor({ timeout: 60_000 });
      await expect(line.textContent()).resolves.toMatch(/^Du är i tjänst: en pulsenkät är öppen för dig \(3 frågor, cirka \d+ min\)\./);
      await check(findings, opened, `${look} line`);

      await part.getByRole('button', { name: promptSv.promptAnswer, exact: true }).click();
      const dialog = part.getByRole('dialog', { name: PROMPT_ROUND });
      await dialog.getByRole('heading', { name: PROMPT_ROUND }).waitFor({ timeout: 30_000 });
      await dialog.getByRole('button', { name: sv.start, exact: true }).click();

      const agree = dialog.getByRole('radio', { name: sv.likert[3], exact: true });
      await agree.waitFor({ timeout: 30_000 });
      await check(findings, opened, `${look} five faces`, dialog);
      await agree.click();

      const eight = dialog.getByRole('radio', { name: '8', exact: true });
      await eight.waitFor({ timeout: 30_000 });
      await check(findings, opened, `${look} 0–10`, dialog);
      await eight.click();

      await dialog.getByRole('textbox', { name: sv.commentLabel }).fill('Fler handskar i storlek 10 vid svetsen');
      await check(findings, opened, `${look} comment`, dialog);
      await dialog.getByRole('button', { name: sv.next, exact: true }).click();

      await dialog.getByText(format(sv.summary, 3, 3)).waitFor({ timeout: 30_000 });
      await dialog.getByRole('button', { name: sv.send, exact: true }).click();

      await dialog.getByText(sv.counted).waitFor({ timeout: 30_000 });
      await check(findings, opened, `${look} done`, dialog);

      // Closed, the line looks again: the answered round is not offered again (another open round may be).
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await line.waitFor({ state: 'detached', timeout: 30_000 });
      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  it('operator off shift: nothing shows', async () => {
    const opened = await openPartAt(e2e, PROMPT, 'light', 'strong', persona('Operator'), { time: offShift });
    try {
      await opened.part.locator('[data-settled="true"]').waitFor({ state: 'attached', timeout: 60_000 });
      expect(await opened.part.getByRole('region').count()).toBe(0);
      expect(await opened.part.getByRole('button').count()).toBe(0);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
