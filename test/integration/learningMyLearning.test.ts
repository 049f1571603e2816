/**
 * "My learning" over real HTTP against the local tenant and the relay it hosts: the page's reader
 * (PnPjs as the person) returns a seeded operator's paths and next step in one round trip; a read
 * step marked done through the relay (the page's relay client with the person's token) is done on
 * the next read; a quiz answered right passes, scored by the relay from its sealed key, and one
 * answered wrong does not (without its score).
 *
 * The people are taken from the demo plant's seeded history as it is (random per seed): the test
 * looks for an operator whose plan has the step it needs, rather than writing its own.
 */
import { randomUUID } from 'crypto';

import { RelayLearning } from '../../src/connectors/relay/relayLearning';
import { SharePointLearningReader, type MyLearningRead } from '../../src/connectors/sharepoint/learning/learningReader';
import { finishedPaths, learningPlan, type OpenStep } from '../../src/core/learning/nextStep';
import { signOffQueue, signsOffOn, trainerSkillsAt } from '../../src/core/learning/signOffQueue';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { SEEDED_QUIZ_ANSWERS } from '../../local/tenant/history/learning';
import { relayPrincipal } from '../support/permissionMatrix';
import { persona, relayClientAs, requestsDuring, spAs, startTestTenant } from '../support/tenant';

const readerFor = (tenant: RunningTenant, person: Person): SharePointLearningReader => new SharePointLearningReader({ sp: spAs(tenant, person), siteUserId: person.spUserId });

interface Found {
  readonly person: Person;
  readonly step: Pick<OpenStep, 'stepId' | 'pathId' | 'position'>;
}

/** The first operator for whom `pick` finds a step in what the reader gives them. */
async function operatorWith(tenant: RunningTenant, what: string, pick: (read: MyLearningRead) => Found['step'] | undefined): Promise<Found> {
  const operators = tenant.context.directory.all().filter((p) => p.role === 'operator' && !p.isApp);
  for (const person of operators) {
    const step = pick(await readerFor(tenant, person).read());
    if (step) {
      return { person, step };
    }
  }
  throw new Error(`No operator in the demo plant has ${what}`);
}

/** Their next step when it is a read or watch step (the seed leaves it `in-progress`). */
const nextReadStep = (tenant: RunningTenant): ((read: MyLearningRead) => OpenStep | undefined) => (read) =>
  learningPlan(read, tenant.context.now()).open.filter((open) => open.kind === 'read' || open.kind === 'watch')[0];

/** A quiz on a path assigned to them that they have not started (no progress row yet). */
const quizNotStarted = (read: MyLearningRead): Found['step'] | undefined => {
  const assigned = read.assignments.map((a) => a.pathId);
  const step = read.steps.filter((s) => s.kind === 'quiz' && assigned.indexOf(s.pathId) >= 0 && read.paths.some((p) => p.id === s.pathId && p.isActive) && !read.progress.some((p) => p.stepId === s.id))[0];
  return step ? { stepId: step.id, pathId: step.pathId, position: 0 } : undefined;
};

/** The relay's rows of a list about a learner, straight from the store. */
function storedRows(tenant: RunningTenant, list: string, learner: Person): Array<Readonly<Record<string, unknown>>> {
  const info = tenant.context.sp.list(list);
  const rows: Array<Readonly<Record<string, unknown>>> = [];
  for (let id = 1; id <= (info?.itemCount ?? 0) + 500; id += 1) {
    const item = tenant.context.sp.item(list, id);
    if (item && item.values.Learner === learner.spUserId) {
      rows.push(item.values);
    }
  }
  return rows;
}

describe('My learning against the local tenant', () => {
  let tenant: RunningTenant;

  beforeAll(async () => {
    tenant = await startTestTenant();
  }, 60_000);
  afterAll(async () => tenant?.close());

  it('reads a seeded operator\'s paths, steps and progress in one round trip, with their next step', async () => {
    const { person } = await operatorWith(tenant, 'a read or watch step next', nextReadStep(tenant));
    let read: MyLearningRead | undefined;
    const trips = await requestsDuring(tenant, 'sharepoint', async () => {
      read = await readerFor(tenant, person).read();
    });
    expect(trips).toBe(1);
    const mine = read as MyLearningRead;
    // Exactly the person's assignments and progress, as the relay wrote them.
    const assigned = storedRows(tenant, 'SE_Assignments', person).map((row) => row.PathId as number);
    expect(mine.assignments.map((a) => a.pathId).sort()).toEqual(assigned.sort());
    expect(mine.progress.map((p) => p.stepId).sort()).toEqual(storedRows(tenant, 'SE_Progress', person).map((row) => row.StepId as number).sort());
    // Every assigned path is there with its steps, named for the reader.
    for (const pathId of assigned) {
      expect(mine.paths.filter((p) => p.id === pathId)[0]?.translations['nl-nl']?.name).toBeTruthy();
      expect(mine.steps.some((s) => s.pathId === pathId)).toBe(true);
    }
    const next = learningPlan(mine, tenant.context.now()).next;
    expect(next).toBeDefined();
    expect(assigned).toContain(next?.pathId);
  });

  it('shows a read step marked done through the relay as done on the next read', async () => {
    const { person, step } = await operatorWith(tenant, 'a read or watch step next', nextReadStep(tenant));
    const relay = new RelayLearning(relayClientAs(tenant, person));
    const requestId = randomUUID();
    expect(await relay.markDone(step.stepId, requestId)).toMatchObject({ resent: false });
    const after = await readerFor(tenant, person).read();
    expect(after.progress.filter((p) => p.stepId === step.stepId)).toEqual([expect.objectContaining({ status: 'completed', pathId: step.pathId })]);
    const plan = learningPlan(after, tenant.context.now());
    expect(plan.open.some((open) => open.stepId === step.stepId)).toBe(false);
    const onPath = plan.open.filter((open) => open.pathId === step.pathId)[0];
    if (onPath) {
      expect(onPath.position).toBeGreaterThan(step.position);
    }
    // The same request sent again counts once.
    expect(await relay.markDone(step.stepId, requestId)).toMatchObject({ resent: true });
  });

  it('passes a quiz answered right, scored by the relay, and the step is done on the next read', async () => {
    const { person, step } = await operatorWith(tenant, 'a quiz not started', quizNotStarted);
    const reader = readerFor(tenant, person);
    const quiz = await reader.quiz(step.stepId);
    expect(quiz.questions.map((q) => q.key)).toEqual(Object.keys(SEEDED_QUIZ_ANSWERS));
    const relay = new RelayLearning(relayClientAs(tenant, person));
    const outcome = await relay.submitQuiz(step.stepId, randomUUID(), SEEDED_QUIZ_ANSWERS);
    expect(outcome).toMatchObject({ correct: 2, total: 2, attemptPassed: true, passed: true, passMark: quiz.passMark, attempts: 1, duplicate: false });
    expect((await reader.read()).progress.filter((p) => p.stepId === step.stepId)).toEqual([expect.objectContaining({ status: 'completed' })]);
  });

  it('does not pass a quiz answered wrong, tells no score for it, and counts the attempts left today', async () => {
    const { person, step } = await operatorWith(tenant, 'a quiz not started', quizNotStarted);
    const relay = new RelayLearning(relayClientAs(tenant, person));
    const first = await relay.submitQuiz(step.stepId, randomUUID(), { q1: [1], q2: [1] });
    expect(first).toEqual({ attemptPassed: false, passed: false, passMark: 2, attempts: 1, attemptsLeft: 2, duplicate: false });
    const second = await relay.submitQuiz(step.stepId, randomUUID(), { q1: [2], q2: [0] });
    expect(second).toMatchObject({ passed: false, attempts: 2, attemptsLeft: 1 });
    expect((await readerFor(tenant, person).read()).progress.filter((p) => p.stepId === step.stepId && p.status === 'completed')).toEqual([]);
  });

  // SharePoint sends an empty QuizResult as null: the relay takes it as no attempts yet (the
  // seed's quizzes left in progress have such rows; it answered 502 before).
  it('scores a quiz the person had started before (an in-progress row without attempts)', async () => {
    const { person, step } = await operatorWith(tenant, 'a quiz started next', (read) => learningPlan(read, tenant.context.now()).open.filter((open) => open.kind === 'quiz')[0]);
    const outcome = await new RelayLearning(relayClientAs(tenant, person)).submitQuiz(step.stepId, randomUUID(), SEEDED_QUIZ_ANSWERS);
    expect(outcome).toMatchObject({ correct: 2, passed: true });
  });

  it('shows the demo team leader the practice their crew asked to have signed off, and their sign-off finishes the learner\'s path', async () => {
    const leader = persona(tenant, 'teamLeader');
    const asker = persona(tenant, 'operator');
    const agency = persona(tenant, 'agencyOperator');
    const reader = readerFor(tenant, leader);
    let read: MyLearningRead | undefined;
    // The trainer's levels come in the first read's one round trip.
    expect(await requestsDuring(tenant, 'sharepoint', async () => {
      read = await reader.read();
    })).toBe(1);
    const mine = read as MyLearningRead;
    const now = tenant.context.now();
    const skills = trainerSkillsAt(mine.skills, (id) => mine.paths.filter((p) => p.id === id)[0]?.lapseDays ?? 0, now, 'Europe/Stockholm');
    const pathIds = mine.paths.filter((p) => signsOffOn(mine.personId, p, skills)).map((p) => p.id);
    const forklift = mine.paths.filter((p) => p.title === 'Forklift licence')[0];
    expect(pathIds).toContain(forklift.id);
    const queue = async (): Promise<ReturnType<typeof signOffQueue>> => {
      let rows: Awaited<ReturnType<SharePointLearningReader['signOffRequests']>> = [];
      expect(await requestsDuring(tenant, 'sharepoint', async () => {
        rows = await reader.signOffRequests(pathIds);
      })).toBe(1);
      return signOffQueue({ trainerId: mine.personId, trainerSkills: skills, paths: mine.paths, steps: mine.steps, rows });
    };
    const practice = mine.steps.filter((s) => s.pathId === forklift.id && s.kind === 'practice')[0];
    // The seed: the operator asked; the agency operator has the practice to do.
    expect((await queue()).filter((t) => t.stepId === practice.id).map((t) => t.learnerId)).toEqual([asker.spUserId]);
    const agencyRead = await readerFor(tenant, agency).read();
    expect(learningPlan(agencyRead, now).open.some((o) => o.stepId === practice.id)).toBe(true);

    expect(await new RelayLearning(relayClientAs(tenant, agency)).askSignOff(practice.id, randomUUID())).toEqual({ status: 'completed', resent: false });
    const waiting = (await queue()).filter((t) => t.stepId === practice.id);
    expect(waiting.map((t) => t.learnerId).sort()).toEqual([asker.spUserId, agency.spUserId].sort());
    const task = waiting.filter((t) => t.learnerId === agency.spUserId)[0];
    expect(task.stations).toEqual(forklift.grants.map((g) => g.station));

    const signed = await new RelayLearning(relayClientAs(tenant, leader)).signOff({ learnerId: agency.id, stepId: practice.id, station: task.stations[0], requestId: randomUUID(), timeZone: 'Europe/Stockholm' });
    expect(signed).toMatchObject({ resent: false, station: task.stations[0] });
    expect((await queue()).filter((t) => t.stepId === practice.id).map((t) => t.learnerId)).toEqual([asker.spUserId]);
    const after = await readerFor(tenant, agency).read();
    expect(after.progress.filter((p) => p.stepId === practice.id)).toEqual([expect.objectContaining({ status: 'signed-off' })]);
    expect(finishedPaths(after).has(forklift.id)).toBe(true);
  });
  it('reads a person with 10,000 progress rows of history, in a list past the view threshold, without a threshold error', async () => {
    const person = persona(tenant, 'hr');
    const relayId = relayPrincipal(tenant).spUserId;
    const rows = 10_000;
    for (let i = 1; i <= rows; i += 1) {
      const stepId = 900_000 + i;
      tenant.context.sp.addItem(
        'SE_Progress',
        { Title: `${stepId}:${person.spUserId}`, ProgressKey: `${stepId}:${person.spUserId}`, LearnerId: person.spUserId, StepId: stepId, PathId: 900_000, Status: 'completed', CompletedAt: '2024-01-01T00:00:00Z' },
        { authorId: relayId }
      );
    }
    let read: MyLearningRead | undefined;
    // The person's rows alone are over the threshold: read in windows of the list's ids, three round trips for such a history.
    const trips = await requestsDuring(tenant, 'sharepoint', async () => {
      read = await readerFor(tenant, person).read();
    });
    expect(trips).toBeLessThanOrEqual(3);
    const mine = (read as MyLearningRead).progress;
    expect(mine.filter((p) => p.pathId === 900_000)).toHaveLength(rows);
    expect(new Set(mine.map((p) => p.stepId)).size).toBe(mine.length);
  }, 120_000);
});
