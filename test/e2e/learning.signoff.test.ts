/**
 * End to end, on the shop floor's phones (360 × 740): trainer sign-off. The agency operator asks,
 * in Dutch, for the sign-off of the forklift licence's practical test (the demo plant leaves them
 * every other step of it done); their team leader, a trainer named on the path, opens My learning
 * on their phone in Swedish, taps the person's name, Sign off, chooses the station, adds a note
 * and confirms; the learner's path then reads finished.
 *
 * In every state every interactive element is a 48 × 48 px target, the page does not scroll
 * sideways, and axe finds no serious violation; the learner light on a strong section, the
 * trainer dark on none.
 */
import { format } from '../../src/ui/format';
import { learningWords } from '../../src/ui/learning/learningWords';
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

describe('trainer sign-off on phones: the learner asks in Dutch, the team leader signs off in Swedish', () => {
  let learner: Persona;
  let trainer: Persona;

  beforeAll(async () => {
    const personas = await workbenchPersonas(e2e);
    learner = findPersona(personas, 'Agency operator');
    trainer = findPersona(personas, 'Team leader');
  });

  it('asks for the sign-off, the trainer signs off two taps from the name, and the learner\'s path is finished', async () => {
    const findings: string[] = [];
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
    expect(findings).toEqual([]);
  });
});
