/**
 * What a learner has learnt cannot be written by the learner (docs/learning.md, "Integrity"):
 * after Engage Setup, members write none of SE_Assignments, SE_Progress and SE_Skills, so over
 * SharePoint REST nobody marks their own practice signed off, raises their own level, moves an
 * expiry or deletes their assignment; the relay (its app identity) still can. And the seeded demo
 * plant keeps to the same rules: the rows are the relay's, the quiz's right answers are not in the
 * column every member reads, and the paths carry what the rules read (grants, prerequisites,
 * named trainers, lapse).
 *
 * Real HTTP against the local tenant, as the seeded operator (Åsa, Weld A: forklift and
 * lockout/tagout assigned), her team leader and the relay.
 */
import { parseGrants } from '../../src/core/learning/levels';
import { finishedPaths, type PlanStep } from '../../src/core/learning/nextStep';
import type { StepProgress } from '../../src/core/models/learning';
import { validatePrerequisites } from '../../src/core/learning/prerequisites';
import { parseQuiz } from '../../src/core/learning/quiz';
import { learningKeyring, openQuizKey } from '../../relay/src/learning/keys';
import { LOCAL_LEARNING_KEYS } from '../../local/relay/learningKeys';
import { SEEDED_QUIZ_ANSWERS } from '../../local/tenant/history/learning';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { relayPrincipal, SiteRest } from '../support/permissionMatrix';
import { persona, startTestTenant } from '../support/tenant';

type Row = Record<string, unknown> & { readonly Id: number };

const list = (title: string): string => `web/lists/getByTitle('${title}')`;

async function rows(rest: SiteRest, title: string, query: string): Promise<Row[]> {
  const answer = await rest.call('GET', `${list(title)}/items?${query}&$top=5000`);
  expect([title, answer.status]).toEqual([title, 200]);
  return (answer.body as { value: Row[] }).value;
}

/** The stored values of an item, to show a refused write changed nothing. */
function stored(tenant: RunningTenant, title: string, id: number): unknown {
  const item = tenant.context.sp.item(title, id);
  return item && { values: item.values, version: item.version, editorId: item.editorId };
}

let tenant: RunningTenant;
let operator: Person;
let leader: Person;
let asOperator: SiteRest;
let asLeader: SiteRest;
let asRelay: SiteRest;

beforeAll(async () => {
  tenant = await startTestTenant();
  operator = persona(tenant, 'operator');
  leader = persona(tenant, 'teamLeader');
  asOperator = await SiteRest.asPerson(tenant, operator);
  asLeader = await SiteRest.asPerson(tenant, leader);
  asRelay = await SiteRest.asRelay(tenant);
}, 60_000);

afterAll(async () => {
  await tenant?.close();
});

describe('learning integrity after Engage Setup', () => {
  it('lets the learner read their own progress, and refuses their REST write to it', async () => {
    const mine = await rows(asOperator, 'SE_Progress', `$select=Id,Status&$filter=LearnerId eq ${operator.spUserId}`);
    expect(mine.length).toBeGreaterThan(0);
    const row = mine[0];
    const before = stored(tenant, 'SE_Progress', row.Id);
    const forged = { Status: 'signed-off', SignedOffById: operator.spUserId, SignedOffAt: '2026-03-02T08:00:00Z', ExpiresAt: '2099-01-01T00:00:00Z' };
    const update = await asOperator.call('MERGE', `${list('SE_Progress')}/items(${row.Id})`, forged);
    expect(update.status).toBe(403);
    const removal = await asOperator.call('DELETE', `${list('SE_Progress')}/items(${row.Id})`);
    expect(removal.status).toBe(403);
    expect(stored(tenant, 'SE_Progress', row.Id)).toEqual(before);
  });

  it('refuses a learner adding progress of their own, raising their own level or deleting their assignment', async () => {
    const step = (await rows(asOperator, 'SE_LearningSteps', '$select=Id,PathId&$filter=Kind eq \'practice\''))[0];
    const added = await asOperator.call('POST', `${list('SE_Progress')}/items`, {
      Title: `${step.Id}:${operator.spUserId}:forged`,
      LearnerId: operator.spUserId,
      PathId: step.PathId,
      StepId: step.Id,
      Status: 'signed-off',
      SignedOffById: operator.spUserId,
      ProgressKey: `${step.Id}:${operator.spUserId}:forged`
    });
    expect(added.status).toBe(403);

    const skill = (await rows(asOperator, 'SE_Skills', `$select=Id&$filter=PersonId eq ${operator.spUserId}`))[0];
    const skillBefore = stored(tenant, 'SE_Skills', skill.Id);
    expect((await asOperator.call('MERGE', `${list('SE_Skills')}/items(${skill.Id})`, { Level: 'O', ExpiresAt: '2099-01-01T00:00:00Z' })).status).toBe(403);
    expect(stored(tenant, 'SE_Skills', skill.Id)).toEqual(skillBefore);

    const assignment = (await rows(asOperator, 'SE_Assignments', `$select=Id&$filter=LearnerId eq ${operator.spUserId}`))[0];
    const assignmentBefore = stored(tenant, 'SE_Assignments', assignment.Id);
    expect((await asOperator.call('MERGE', `${list('SE_Assignments')}/items(${assignment.Id})`, { DueDate: '2099-01-01T00:00:00Z' })).status).toBe(403);
    expect((await asOperator.call('DELETE', `${list('SE_Assignments')}/items(${assignment.Id})`)).status).toBe(403);
    expect(stored(tenant, 'SE_Assignments', assignment.Id)).toEqual(assignmentBefore);
  });

  it('refuses a team leader signing off a crew member over REST (sign-offs go through the relay)', async () => {
    const theirs = await rows(asLeader, 'SE_Progress', `$select=Id&$filter=LearnerId eq ${operator.spUserId}`);
    const before = stored(tenant, 'SE_Progress', theirs[0].Id);
    const update = await asLeader.call('MERGE', `${list('SE_Progress')}/items(${theirs[0].Id})`, { Status: 'signed-off', SignedOffById: leader.spUserId });
    expect(update.status).toBe(403);
    expect(stored(tenant, 'SE_Progress', theirs[0].Id)).toEqual(before);
  });

  it('still lets the relay write the same change (the refusal is the list setting, not the request)', async () => {
    const row = (await rows(asRelay, 'SE_Progress', `$select=Id&$filter=LearnerId eq ${operator.spUserId}`))[0];
    const update = await asRelay.call('MERGE', `${list('SE_Progress')}/items(${row.Id})`, { SignOffNote: 'Checked at the truck.' });
    expect(update.status).toBe(204);
    expect(tenant.context.sp.item('SE_Progress', row.Id)?.values.SignOffNote).toBe('Checked at the truck.');
  });
});

describe('the seeded learning history keeps to the integrity rules', () => {
  it('writes assignments, progress and skills as the relay (author and last writer)', async () => {
    const relayId = relayPrincipal(tenant).spUserId;
    for (const title of ['SE_Assignments', 'SE_Progress', 'SE_Skills']) {
      const all = await rows(asOperator, title, '$select=Id,AuthorId,EditorId');
      expect([title, all.length > 0]).toEqual([title, true]);
      const others = all.filter((row) => row.AuthorId !== relayId || row.EditorId !== relayId);
      expect([title, others.length]).toEqual([title, 0]);
    }
  });

  it('puts no right answers in the Quiz column every member reads', async () => {
    const quizzes = await rows(asOperator, 'SE_LearningSteps', '$select=Id,Quiz,QuizKey&$filter=Kind eq \'quiz\'');
    expect(quizzes.length).toBeGreaterThan(0);
    for (const step of quizzes) {
      const text = String(step.Quiz ?? '');
      expect([step.Id, parseQuiz(text)?.questions.length]).toEqual([step.Id, 2]);
      // Nothing but questions, their choices and the pass mark: no key under any name.
      const json = JSON.parse(text) as { questions: Array<Record<string, unknown>>; [other: string]: unknown };
      expect(Object.keys(json).sort()).toEqual(['passMark', 'questions']);
      expect(json.questions.map((q) => Object.keys(q).sort())).toEqual(json.questions.map(() => ['key', 'translations']));
      // The key is sealed by the relay's own function: an envelope that names no question and
      // opens, with the relay's learning key, only for its own step.
      expect(String(step.QuizKey ?? '')).not.toMatch(/answerKey|"q1"|"q2"/);
      expect(openQuizKey(learningKeyring(LOCAL_LEARNING_KEYS), step.Id, String(step.QuizKey))).toEqual(SEEDED_QUIZ_ANSWERS);
      expect(() => openQuizKey(learningKeyring(LOCAL_LEARNING_KEYS), step.Id + 1, String(step.QuizKey))).toThrow();
    }
  });

  it('gives the paths grants, prerequisites, named trainers and lapse days, without a cycle', async () => {
    const paths = await rows(asOperator, 'SE_LearningPaths', '$select=Id,Title,Grants,RequiresPathIds,TrainerIds,LapseDays');
    const byTitle = (title: string): Row => paths.find((p) => p.Title === title) as Row;
    const onboarding = byTitle('Onboarding – first two weeks on the floor');
    const forklift = byTitle('Forklift licence');
    expect(JSON.parse(String(forklift.RequiresPathIds))).toEqual([onboarding.Id]);
    const links = paths.map((p) => ({ id: p.Id, requiresPathIds: p.RequiresPathIds ? (JSON.parse(String(p.RequiresPathIds)) as number[]) : [] }));
    expect(validatePrerequisites(links)).toEqual([]);
    expect(parseGrants(forklift.Grants).grants.map((g) => g.station).sort()).toEqual(['EIN-LOG-FLT', 'GOT-WELD2-FLT']);
    expect(parseGrants(forklift.Grants).grants.every((g) => g.level === 'U')).toBe(true);
    expect(Number(forklift.LapseDays)).toBeGreaterThan(0);
    const trainers = JSON.parse(String(forklift.TrainerIds)) as number[];
    expect(trainers.length).toBeGreaterThan(0);
    // Named trainers are people (team leaders of crews that drive forklifts), never the relay.
    expect(trainers.map((id) => tenant.context.directory.bySpUserId(id)?.role)).toEqual(trainers.map(() => 'teamLeader'));
  });

  it('opens the forklift licence to the seeded operators who started before onboarding was assigned (they finished it)', async () => {
    const paths = await rows(asOperator, 'SE_LearningPaths', '$select=Id,Title');
    const idOf = (title: string): number => (paths.find((p) => p.Title === title) as Row).Id;
    const onboarding = idOf('Onboarding – first two weeks on the floor');
    const forklift = idOf('Forklift licence');
    const steps = (await rows(asOperator, 'SE_LearningSteps', `$select=Id,PathId,SortOrder,Kind,EstimatedMinutes,RequiresSignOff&$filter=PathId eq ${onboarding}`)).map(
      (row): PlanStep => ({
        id: row.Id,
        pathId: Number(row.PathId),
        sortOrder: Number(row.SortOrder),
        kind: row.Kind as PlanStep['kind'],
        estimatedMinutes: Number(row.EstimatedMinutes),
        requiresSignOff: row.RequiresSignOff === true
      })
    );
    const assigned = async (pathId: number): Promise<Set<number>> => new Set((await rows(asOperator, 'SE_Assignments', `$select=LearnerId&$filter=PathId eq ${pathId}`)).map((row) => Number(row.LearnerId)));
    const onboardingAssigned = await assigned(onboarding);
    const earlier = [...(await assigned(forklift))].filter((learner) => !onboardingAssigned.has(learner));
    expect(earlier.length).toBeGreaterThan(0);
    const progress = await rows(asOperator, 'SE_Progress', `$select=LearnerId,StepId,Status&$filter=PathId eq ${onboarding}`);
    const notFinished = earlier.filter((learner) => {
      const theirs = progress.filter((row) => Number(row.LearnerId) === learner).map((row) => ({ stepId: Number(row.StepId), status: row.Status as StepProgress['status'] }));
      return !finishedPaths({ paths: [{ id: onboarding, requiresPathIds: [], isActive: true }], steps, progress: theirs }).has(onboarding);
    });
    expect(notFinished).toEqual([]);
  });

  it('signs practice off at a station the path grants, by someone other than the learner', async () => {
    const paths = await rows(asOperator, 'SE_LearningPaths', '$select=Id,Grants');
    const grants = new Map(paths.map((p) => [p.Id, parseGrants(p.Grants).grants.map((g) => g.station)]));
    const signed = await rows(asOperator, 'SE_Progress', '$select=Id,PathId,LearnerId,SignedOffById,SignOffStation&$filter=Status eq \'signed-off\'');
    expect(signed.length).toBeGreaterThan(0);
    expect(signed.filter((row) => !row.SignOffStation || row.SignedOffById === row.LearnerId)).toEqual([]);
    const offPath = signed.filter((row) => {
      const stations = grants.get(Number(row.PathId)) ?? [];
      return stations.length > 0 && !stations.includes(String(row.SignOffStation));
    });
    expect(offPath).toEqual([]);
  });
});
