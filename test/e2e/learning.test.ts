/**
 * End to end, on the shop floor's phone (360 × 740): "My learning" as an agency operator, in
 * Dutch. The agency consultant is taken from the demo plant as it is seeded (the workbench's
 * agency persona when their next step is a read or watch step followed by a quiz they have not
 * started, else the first agency consultant for whom that holds): their next small step first, in
 * Dutch words and HR's Dutch titles; Open and "Markeren als gedaan" through the relay, celebrated
 * for screen readers; then the quiz, one question a screen, answered right and passed.
 *
 * In every state every interactive element is a 48 × 48 px target, the page does not scroll
 * sideways, and axe finds no serious violation; once light on a strong section, once dark on none.
 */
import { InjectHeaders } from '@pnp/queryable';
import { spfi, SPBrowser } from '@pnp/sp';

import { SITE_URL_PATH } from '../../local/server/tenant';
import { SharePointLearningReader } from '../../src/connectors/sharepoint/learning/learningReader';
import { learningPlan } from '../../src/core/learning/nextStep';
import { stepsInOrder } from '../../src/core/learning/steps';
import { stepWording } from '../../src/core/learning/wording';
import { format } from '../../src/ui/format';
import { learningWords } from '../../src/ui/learning/learningWords';
import { openPartAt, phoneProblems, workbenchPersonas } from './support/partAt';
import { findPersona, type Persona } from './support/phoneParts';
import { workbenchSession } from './support/session';

jest.setTimeout(300_000);

const e2e = workbenchSession();
const PART = 'MyLearningWebPart';
const nl = learningWords('nl-nl');

interface Learner {
  readonly persona: Persona;
  /** The next step's line and title, and the quiz's title, in Dutch. */
  readonly readLine: string;
  readonly readTitle: string;
  readonly quizLine: string;
}

/** The agency consultants of the directory (Graph `employeeType`), the workbench's persona first. */
async function agencyConsultants(asker: Persona): Promise<string[]> {
  const response = await fetch(`${e2e.tenant.origin}/graph/v1.0/users?$select=userPrincipalName,employeeType&$top=999`, { headers: { 'x-local-user': asker.userPrincipalName } });
  const body = (await response.json()) as { value?: Array<{ userPrincipalName: string; employeeType?: string }> };
  const agency = (body.value ?? []).filter((u) => u.employeeType === 'Agency').map((u) => u.userPrincipalName);
  return [asker.userPrincipalName, ...agency.filter((upn) => upn !== asker.userPrincipalName)];
}

/** An agency consultant whose next step is a read or watch step, and the step after it a quiz not started. */
async function agencyLearner(): Promise<Learner> {
  const agencyPersona = findPersona(await workbenchPersonas(e2e), 'Agency operator');
  const base = `${e2e.tenant.origin}${SITE_URL_PATH}`;
  for (const upn of await agencyConsultants(agencyPersona)) {
    const sp = spfi(base).using(SPBrowser({ baseUrl: base }), InjectHeaders({ 'x-local-user': upn }));
    const read = await new SharePointLearningReader({ sp }).read();
    const next = learningPlan(read, new Date()).next;
    if (!next || (next.kind !== 'read' && next.kind !== 'watch')) {
      continue;
    }
    const steps = stepsInOrder(read.steps, next.pathId);
    const after = steps[next.position];
    if (after?.kind !== 'quiz' || read.progress.some((p) => p.stepId === after.id)) {
      continue;
    }
    const current = steps[next.position - 1];
    const readTitle = stepWording(current, 'nl-nl').title;
    return {
      persona: { ...agencyPersona, userPrincipalName: upn },
      readTitle,
      readLine: format(nl.stepLine[next.kind], next.minutes, readTitle),
      quizLine: format(nl.stepLine.quiz, after.estimatedMinutes, stepWording(after, 'nl-nl').title)
    };
  }
  throw new Error('No agency consultant in the demo plant has a read or watch step next with a quiz after it.');
}

describe('My learning on a phone, in Dutch, as an agency operator', () => {
  let learner: Learner;

  beforeAll(async () => {
    learner = await agencyLearner();
  });

  it('dark theme, no section: the next step first, every target 48 px, axe clean', async () => {
    const opened = await openPartAt(e2e, PART, 'dark', 'none', learner.persona, { locale: 'nl-nl' });
    try {
      await opened.part.getByText(learner.readLine).waitFor({ timeout: 60_000 });
      expect(await phoneProblems(opened, 'dark/none next step')).toEqual([]);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  it('light theme, strong section: marks the read step done, then passes the quiz', async () => {
    const findings: string[] = [];
    const opened = await openPartAt(e2e, PART, 'light', 'strong', learner.persona, { locale: 'nl-nl' });
    const { part } = opened;
    try {
      const next = part.getByRole('region', { name: nl.nextHeading });
      await next.getByText(learner.readLine).waitFor({ timeout: 60_000 });
      await next.getByRole('link', { name: nl.open }).waitFor();
      findings.push(...(await phoneProblems(opened, 'next step')));

      await next.getByRole('button', { name: nl.markDone }).click();
      await part.getByRole('status').getByText(format(nl.celebrateStep, learner.readTitle)).waitFor({ timeout: 30_000 });
      await next.getByText(learner.quizLine).waitFor();
      findings.push(...(await phoneProblems(opened, 'step done, quiz next')));

      await next.getByRole('button', { name: nl.startQuiz }).click();
      await part.getByText(format(nl.questionOf, 1, 2)).waitFor({ timeout: 30_000 });
      findings.push(...(await phoneProblems(opened, 'quiz question 1')));
      // The seeded quizzes' right answers: the first choice, then the second (local/tenant/history/learning.ts).
      await part.getByRole('checkbox', { name: 'Controleren of het gebied veilig is' }).check();
      await part.getByRole('button', { name: nl.next }).click();
      await part.getByRole('checkbox', { name: 'Je ploegleider' }).check();
      findings.push(...(await phoneProblems(opened, 'quiz question 2')));
      await part.getByRole('button', { name: nl.send }).click();
      await part.getByRole('heading', { name: format(nl.passed, 2, 2, 2) }).waitFor({ timeout: 30_000 });
      findings.push(...(await phoneProblems(opened, 'quiz passed')));

      await part.getByRole('button', { name: nl.back }).click();
      await part.getByRole('heading', { name: nl.nextHeading }).waitFor();
      expect(findings).toEqual([]);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
