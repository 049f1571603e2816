/**
 * End to end, on the shop floor's phones (360 × 740): trainer sign-off. The agency operator asks,
 * in Dutch, for the sign-off of the forklift licence's practical test (the demo plant leaves them
 * every other step of it done); their team leader, a trainer named on the path, opens My learning
 * on their phone in Swedish, taps the person's name, Sign off, chooses the station, adds a note
 * and confirms; the learner's path then reads finished. The leader's Crew skills matrix shows the
 * learner's new level on the forklift with the day it ends, and the crew's coming shifts the learner
 * works, the night shifts among them, no longer have the forklift as a single point of failure (the
 * demo plant leaves the leader the only one at U or O on it).
 *
 * In every state every interactive element is a 48 × 48 px target, the page does not scroll
 * sideways, and axe finds no serious violation; the learner light on a strong section, the
 * trainer dark on none.
 */
import { LINES } from '../../local/tenant/plantModel';
import { format } from '../../src/ui/format';
import { learningWords } from '../../src/ui/learning/learningWords';
import { matrixWords } from '../../src/ui/skillsMatrix/matrixWords';
import { openPartAt, phoneProblems, workbenchPersonas } from './support/partAt';
import { findPersona, type Persona } from './support/phoneParts';
import { workbenchSession } from './support/session';

jest.setTimeout(300_000);

const e2e = workbenchSession();
const PART = 'MyLearningWebPart';
const nl = learningWords('nl-nl');
const sv = learningWords('sv-se');

// The seeded forklift licence (local/tenant/history/learning.ts): its practical test and the
// station of the learner's line it grants.
const PRACTICE_NL = 'Praktijktoets met een trainer';
const PRACTICE_SV = 'Praktiskt prov med instruktör';
const PATH_NL = 'Heftruckcertificaat';
const STATION = 'GOT-WELD2-FLT';
const STATION_NAME = LINES.flatMap((line) => line.stations).find((station) => station.code === STATION)?.name ?? STATION;
const matrixSv = matrixWords('sv-se');

interface MatrixSeen {
  /** The learner's forklift cell, as its words read. */
  readonly cell: string;
  /** The coming shifts on which the trainer alone runs the forklift, as their items read. */
  readonly single: readonly string[];
}

/** The team leader's Crew skills matrix on a phone, in Swedish: the learner's forklift cell and the forklift's single points of failure. */
async function matrixAs(leader: Persona, learnerName: string, findings: string[], state: string): Promise<MatrixSeen> {
  const opened = await openPartAt(e2e, 'SkillsMatrixWebPart', 'light', 'none', leader, { locale: 'sv-se' });
  try {
    const table = opened.part.getByRole('table', { name: matrixSv.matrixCaption });
    await table.waitFor({ timeout: 60_000 });
    const column = (await table.getByRole('columnheader').allTextContents()).indexOf(STATION_NAME);
    expect(column).toBeGreaterThan(0);
    const row = table.getByRole('row').filter({ has: opened.page.getByRole('rowheader', { name: learnerName }) });
    const cell = ((await row.getByRole('cell').nth(column - 1).textContent()) ?? '').trim();
    // The coverage's shifts: each item starts with when it is and the crew ("lör 22:00 – sön 06:00 · GOT Weld A").
    const texts = (await opened.part.getByRole('listitem').allTextContents()).filter((text) => text.includes(' · '));
    const leaderName = (await table.getByRole('rowheader').first().textContent())?.replace(matrixSv.you, '').trim() ?? '';
    const singleLine = format(matrixSv.single, STATION_NAME, leaderName);
    findings.push(...(await phoneProblems(opened, state)));
    expect(opened.problems).toEqual([]);
    return { cell, single: texts.filter((t) => t.includes(singleLine)) };
  } finally {
    await opened.context.close();
  }
}

describe('trainer sign-off on phones: the learner asks in Dutch, the team leader signs off in Swedish', () => {
  let learner: Persona;
  let trainer: Persona;

  beforeAll(async () => {
    const personas = await workbenchPersonas(e2e);
    learner = findPersona(personas, 'Agency operator');
    trainer = findPersona(personas, 'Team leader');
  });

  it('asks for the sign-off, the trainer signs off two taps from the name, the learner\'s path is finished, and the matrix shows the level and the gap closing', async () => {
    const findings: string[] = [];
    const before = await matrixAs(trainer, learner.displayName, findings, 'leader: the matrix before');
    // No level on the forklift yet, and it is a single point of failure on shifts the learner works.
    expect(before.cell).not.toMatch(/^[UO]/);
    expect(before.single.length).toBeGreaterThan(0);
    const asking = await openPartAt(e2e, PART, 'light', 'strong', learner, { locale: 'nl-nl' });
    try {
      const { part } = asking;
      const next = part.getByRole('region', { name: nl.nextHeading });
      await next.waitFor({ timeout: 60_000 });
      const practiceLine = format(nl.stepLine.practice, 45, PRACTICE_NL);
      if (!(await next.getByText(practiceLine).isVisible())) {
        await part.getByRole('listitem').filter({ hasText: PATH_NL }).getByRole('button', { name: nl.goToStep }).click();
      }
      await next.getByText(practiceLine).waitFor();
      findings.push(...(await phoneProblems(asking, 'learner: practice next')));
      await next.getByRole('button', { name: nl.askSignOff }).click();
      await part.getByRole('status').getByText(format(nl.askedSignOff, PRACTICE_NL)).waitFor({ timeout: 30_000 });
      await part.getByText(format(nl.awaitingSignOff, PRACTICE_NL)).waitFor();
      findings.push(...(await phoneProblems(asking, 'learner: asked')));
      expect(asking.problems).toEqual([]);
    } finally {
      await asking.context.close();
    }

    const signing = await openPartAt(e2e, PART, 'dark', 'none', trainer, { locale: 'sv-se' });
    try {
      const { part } = signing;
      const waiting = part.getByRole('region', { name: sv.signOffHeading });
      // Tap 1: the person's name.
      await waiting.getByRole('button', { name: learner.displayName, exact: true }).click({ timeout: 60_000 });
      findings.push(...(await phoneProblems(signing, 'trainer: the person\'s steps')));
      // Tap 2: Sign off on their step.
      await waiting.getByRole('listitem').filter({ hasText: PRACTICE_SV }).getByRole('button', { name: sv.signOff, exact: true }).click();
      await waiting.getByRole('heading', { name: format(sv.signOffFor, PRACTICE_SV, learner.displayName) }).waitFor();
      await waiting.getByRole('radio', { name: STATION }).check();
      await waiting.getByLabel(sv.note).fill('Körde två varv på gården, <b>säkert</b>.');
      findings.push(...(await phoneProblems(signing, 'trainer: the sign-off form')));
      await waiting.getByRole('button', { name: sv.confirm, exact: true }).click();
      await part.getByRole('status').getByText(format(sv.signedOff, PRACTICE_SV, learner.displayName)).waitFor({ timeout: 30_000 });
      expect(await waiting.getByRole('button', { name: learner.displayName, exact: true }).count()).toBe(0);
      findings.push(...(await phoneProblems(signing, 'trainer: signed off')));
      expect(signing.problems).toEqual([]);
    } finally {
      await signing.context.close();
    }

    const after = await openPartAt(e2e, PART, 'light', 'strong', learner, { locale: 'nl-nl' });
    try {
      const forklift = after.part.getByRole('listitem').filter({ hasText: PATH_NL });
      await forklift.getByText(nl.finished).waitFor({ timeout: 60_000 });
      expect(await after.part.getByText(format(nl.awaitingSignOff, PRACTICE_NL)).count()).toBe(0);
      findings.push(...(await phoneProblems(after, 'learner: signed off')));
      expect(after.problems).toEqual([]);
    } finally {
      await after.context.close();
    }

    const afterMatrix = await matrixAs(trainer, learner.displayName, findings, 'leader: the matrix after');
    // The new level with the day it ends (the forklift licence is valid for a fixed period).
    expect(afterMatrix.cell.startsWith(`U${matrixSv.levels.U}${format(matrixSv.states.valid, '')}`)).toBe(true);
    expect(afterMatrix.cell.length).toBeGreaterThan(`U${matrixSv.levels.U}${format(matrixSv.states.valid, '')}`.length);
    // The shifts the learner works lost the forklift's single point of failure; a night shift among them.
    expect(afterMatrix.single.length).toBeLessThan(before.single.length);
    const when = (item: string): string => item.split(' · ')[0];
    const closed = before.single.filter((item) => !afterMatrix.single.some((now) => when(now) === when(item)));
    expect(closed.length).toBeGreaterThan(0);
    // The crew works two nights in every eight days, so the coming week holds one the learner works.
    expect(closed.some((item) => when(item).includes('22:00 –'))).toBe(true);
    expect(findings).toEqual([]);
  });
});
