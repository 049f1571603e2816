/**
 * Learning through the relay, over real HTTP against the local tenant and the relay it hosts
 * (relay/src/routes/learning.ts): a step done by the person from their token, a quiz scored from
 * its sealed answer key (attempts kept, the pass mark enforced, one attempt sent twice at once
 * counted once), a trainer's sign-off decided by the rules (never one's own, never by an
 * unqualified colleague) that writes the level the path grants with its expiry, and nothing
 * written before Engage Setup.
 *
 * The test writes its own path (HR) and the trainer's level (the relay) into the store, so what
 * it checks does not hang on the seed's random history.
 */
import { randomUUID } from 'crypto';

import { expiryAfter } from '../../src/core/learning/expiry';
import { progressKey, skillKey } from '../../src/core/models/keys';
import { learningKeyring, openQuizKey, openQuizRecord } from '../../relay/src/learning/keys';
import { LOCAL_LEARNING_KEYS } from '../../local/relay/learningKeys';
import { RELAY_RESOURCE } from '../../local/server/authority';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { SEEDED_QUIZ_ANSWERS } from '../../local/tenant/history/learning';
import { insertTeam, insertTeamMember } from '../../local/tenant/store';
import { NO_FAULTS } from '../e2e/support/faults';
import { relayPrincipal } from '../support/permissionMatrix';
import { findPerson, persona, setFaults, spAs, startTestTenant, tokenFor } from '../support/tenant';

const KEYS = learningKeyring(LOCAL_LEARNING_KEYS);
const STATION = 'GOT-TEST-PRESS9';
const ZONE = 'Europe/Stockholm';

interface Answer {
  readonly status: number;
  readonly body: { readonly error?: { readonly code: string; readonly field?: string }; readonly [key: string]: unknown };
  readonly retryAfter?: string;
}

async function callLearning(tenant: RunningTenant, person: Person, route: string, body: unknown): Promise<Answer> {
  const response = await fetch(`${tenant.origin}/relay/api/learning/${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(tenant, person)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
  return { status: response.status, body: (await response.json()) as Answer['body'], retryAfter: response.headers.get('retry-after') ?? undefined };
}

const quizJson = JSON.stringify({
  questions: ['q1', 'q2'].map((key) => ({
    key,
    translations: {
      'en-us': { prompt: `Question ${key}?`, options: ['Check the area', 'Your team leader', 'Nobody'] },
      'sv-se': { prompt: `Fråga ${key}?`, options: ['Kontrollera', 'Lagledaren', 'Ingen'] },
      'nl-nl': { prompt: `Vraag ${key}?`, options: ['Controleren', 'Ploegleider', 'Niemand'] }
    }
  })),
  passMark: 2
});

/** Rows of a list in the store, by a column's value. */
function rowsWhere(tenant: RunningTenant, list: string, column: string, value: unknown): Array<{ id: number; editorId: number; values: Readonly<Record<string, unknown>> }> {
  const info = tenant.context.sp.list(list);
  const rows: Array<{ id: number; editorId: number; values: Readonly<Record<string, unknown>> }> = [];
  for (let id = 1; id <= (info?.itemCount ?? 0) + 200; id += 1) {
    const item = tenant.context.sp.item(list, id);
    if (item && item.values[column] === value) {
      rows.push({ id: item.id, editorId: item.editorId, values: item.values });
    }
  }
  return rows;
}

describe('learning through the relay after Engage Setup', () => {
  let tenant: RunningTenant;
  let learner: Person;
  let trainer: Person;
  let colleague: Person;
  let outsider: Person;
  let hr: Person;
  let relayId: number;
  let pathId: number;
  let readStep: number;
  let quizStep: number;
  let practiceStep: number;

  beforeAll(async () => {
    tenant = await startTestTenant();
    learner = persona(tenant, 'operator');
    hr = persona(tenant, 'hr');
    relayId = relayPrincipal(tenant).spUserId;
    trainer = findPerson(tenant, (p) => p.role === 'operator' && p.siteCode === 'GOT' && p.id !== learner.id && p.crewKey === learner.crewKey);
    colleague = findPerson(tenant, (p) => p.role === 'operator' && p.siteCode === 'GOT' && p.id !== learner.id && p.id !== trainer.id && p.crewKey === learner.crewKey);
    outsider = findPerson(tenant, (p) => p.role === 'operator' && !p.isApp && p.crewKey !== undefined && p.crewKey !== learner.crewKey && p.managerId !== learner.managerId);
    const sp = tenant.context.sp;
    const authoredAt = new Date(tenant.context.now().getTime() - 86_400_000);
    // HR's path: read, quiz, practice; granting U on a station, valid for 12 months.
    pathId = sp.addItem(
      'SE_LearningPaths',
      { Title: 'Press 9 qualification', Category: 'machine-qualification', ValidityMonths: 12, LapseDays: 0, IsActive: true, Grants: JSON.stringify([{ station: STATION, level: 'U' }]) },
      { authorId: hr.spUserId, created: authoredAt }
    );
    const step = (title: string, kind: string, order: number, extra: Record<string, unknown> = {}): number =>
      sp.addItem('SE_LearningSteps', { Title: title, PathId: pathId, SortOrder: order, Kind: kind, RequiresSignOff: kind === 'practice', EstimatedMinutes: 5, ...extra }, { authorId: hr.spUserId, created: authoredAt });
    readStep = step('Press 9 safety sheet', 'read', 10, { ContentUrl: '/sites/engage/SitePages/press9.aspx' });
    quizStep = step('Press 9 quiz', 'quiz', 20, { Quiz: quizJson });
    practiceStep = step('Run press 9 with a trainer', 'practice', 30);
    // The relay assigned it to the learner (and to nobody else); the trainer holds U on the station.
    sp.addItem('SE_Assignments', { Title: `${pathId}:${learner.spUserId}`, LearnerId: learner.spUserId, PathId: pathId, Reason: 'qualification', AssignmentKey: `${pathId}:${learner.spUserId}` }, { authorId: relayId });
    sp.addItem('SE_Skills', { Title: 'Press 9', PersonId: trainer.spUserId, Station: STATION, Level: 'U', SkillKey: skillKey(STATION, trainer.spUserId), AssessedAt: authoredAt.toISOString() }, { authorId: relayId });
  }, 60_000);
  afterAll(async () => tenant?.close());

  /** Another operator of the plant, each test its own (the quiz route's rate limit and attempt cap are per person). */
  const taken = new Set<string>();
  function anotherLearner(): Person {
    const person = findPerson(tenant, (p) => p.role === 'operator' && !p.isApp && p.siteCode === 'GOT' && ![learner.id, trainer.id, colleague.id, outsider.id].includes(p.id) && !taken.has(p.id));
    taken.add(person.id);
    return person;
  }

  /** The relay's assignment of a path to a person. */
  function assign(person: Person, path: number): void {
    const key = `${path}:${person.spUserId}`;
    tenant.context.sp.addItem('SE_Assignments', { Title: key, LearnerId: person.spUserId, PathId: path, Reason: 'qualification', AssignmentKey: key }, { authorId: relayId });
  }

  /** HR's path of one quiz step granting U on `station`; the quiz's answers sealed through the relay as HR saves them. */
  async function quizPath(station: string, step: Record<string, unknown>, path: Record<string, unknown> = {}): Promise<{ path: number; step: number }> {
    const sp = tenant.context.sp;
    const id = sp.addItem(
      'SE_LearningPaths',
      { Title: `Quiz on ${station}`, Category: 'machine-qualification', ValidityMonths: 12, LapseDays: 0, IsActive: true, Grants: JSON.stringify([{ station, level: 'U' }]), ...path },
      { authorId: hr.spUserId }
    );
    const stepId = sp.addItem('SE_LearningSteps', { Title: `${station} quiz`, PathId: id, SortOrder: 10, Kind: 'quiz', EstimatedMinutes: 5, Quiz: quizJson, ...step }, { authorId: hr.spUserId });
    expect((await callLearning(tenant, hr, 'quiz-key', { stepId, answerKey: { q1: [0], q2: [1] } })).status).toBe(200);
    return { path: id, step: stepId };
  }

  /** A person's progress row on a step, as a colleague reads it over REST (every member reads SE_Progress). */
  async function rowAsColleague(stepId: number, person: Person): Promise<Record<string, unknown>> {
    const rows = await spAs(tenant, colleague).web.lists.getByTitle('SE_Progress').items.filter(`ProgressKey eq '${progressKey(stepId, person.spUserId)}'`)<Array<Record<string, unknown>>>();
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  it('records a read step as the person from their token, once however often it is sent', async () => {
    const requestId = randomUUID();
    const done = await callLearning(tenant, learner, 'progress', { stepId: readStep, requestId });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', resent: false });
    const again = await callLearning(tenant, learner, 'progress', { stepId: readStep, requestId });
    expect(again.body).toMatchObject({ status: 'completed', resent: true });
    const rows = rowsWhere(tenant, 'SE_Progress', 'ProgressKey', progressKey(readStep, learner.spUserId));
    expect(rows).toHaveLength(1);
    expect(rows[0].values).toMatchObject({ Status: 'completed', Learner: learner.spUserId, PathId: pathId, StepId: readStep });
    expect(rows[0].editorId).toBe(relayId);
  });

  it('refuses quiz and practice steps, a path not assigned to the caller, and a step HR deleted, each with its code', async () => {
    const send = (person: Person, stepId: number): Promise<Answer> => callLearning(tenant, person, 'progress', { stepId, requestId: randomUUID() });
    expect((await send(learner, quizStep)).body.error).toMatchObject({ code: 'invalidInput', field: 'quizStep' });
    expect((await send(learner, practiceStep)).body.error).toMatchObject({ code: 'invalidInput', field: 'practiceStep' });
    const notMine = await send(colleague, readStep);
    expect([notMine.status, notMine.body.error?.code]).toEqual([403, 'notAssigned']);
    const gone = tenant.context.sp.addItem('SE_LearningSteps', { Title: 'Old sheet', PathId: pathId, SortOrder: 5, Kind: 'read', ContentUrl: '/sites/engage/x.aspx', EstimatedMinutes: 2 }, { authorId: hr.spUserId });
    await spAs(tenant, hr).web.lists.getByTitle('SE_LearningSteps').items.getById(gone).delete();
    const deleted = await send(learner, gone);
    expect([deleted.status, deleted.body.error?.code]).toEqual([404, 'stepNotFound']);
    expect(rowsWhere(tenant, 'SE_Progress', 'Learner', colleague.spUserId).filter((r) => r.values.PathId === pathId)).toEqual([]);
  });

  it('seals a quiz\'s answers for HR only, bound to its step', async () => {
    const before = await callLearning(tenant, learner, 'quiz', { stepId: quizStep, attemptKey: randomUUID(), answers: { q1: [0], q2: [1] } });
    expect([before.status, before.body.error?.code]).toEqual([409, 'quizNotReady']);
    const byLearner = await callLearning(tenant, learner, 'quiz-key', { stepId: quizStep, answerKey: { q1: [0], q2: [0] } });
    expect([byLearner.status, byLearner.body.error?.code]).toEqual([403, 'notAllowed']);
    const outOfRange = await callLearning(tenant, hr, 'quiz-key', { stepId: quizStep, answerKey: { q1: [0] } });
    expect([outOfRange.status, outOfRange.body.error?.field]).toEqual([400, 'answerKey']);
    const sealed = await callLearning(tenant, hr, 'quiz-key', { stepId: quizStep, answerKey: { q1: [0], q2: [1] } });
    expect(sealed.status).toBe(200);
    const stored = String(tenant.context.sp.item('SE_LearningSteps', quizStep)?.values.QuizKey);
    expect(stored).not.toContain('answerKey');
    expect(openQuizKey(KEYS, quizStep, stored)).toEqual({ q1: [0], q2: [1] });
    // Bound to its step: the same envelope on another step does not open.
    expect(() => openQuizKey(KEYS, readStep, stored)).toThrow();
  });

  it('scores a failed attempt and then a pass, keeping both, with the pass mark enforced', async () => {
    const failed = await callLearning(tenant, learner, 'quiz', { stepId: quizStep, attemptKey: randomUUID(), answers: { q1: [0], q2: [2] } });
    expect(failed.status).toBe(200);
    // A failed attempt answers that it did not pass and the pass mark, never how many were right.
    expect(failed.body).toMatchObject({ attempt: { passed: false }, passed: false, passMark: 2, attempts: 1 });
    expect(failed.body.attempt).not.toHaveProperty('correct');
    const key = progressKey(quizStep, learner.spUserId);
    expect(rowsWhere(tenant, 'SE_Progress', 'ProgressKey', key)[0].values.Status).toBe('not-started');

    const passed = await callLearning(tenant, learner, 'quiz', { stepId: quizStep, attemptKey: randomUUID(), answers: { q1: [0], q2: [1] } });
    expect(passed.body).toMatchObject({ attempt: { correct: 2, total: 2, passed: true }, passed: true, attempts: 2 });
    const [row] = rowsWhere(tenant, 'SE_Progress', 'ProgressKey', key);
    expect(row.values.Status).toBe('completed');
    // What colleagues read is an envelope; only the relay's key opens the attempts.
    expect(String(row.values.QuizResult)).not.toMatch(/correct|passed/);
    const record = openQuizRecord(KEYS, key, String(row.values.QuizResult));
    expect(record.attempts.map((a) => [a.correct, a.passed])).toEqual([
      [1, false],
      [2, true]
    ]);

    // The person reads their own attempts; a colleague asking for them gets nothing.
    const mine = await callLearning(tenant, learner, 'attempts', {});
    expect((mine.body.quizzes as Array<{ stepId: number; attemptCount: number }>).find((q) => q.stepId === quizStep)?.attemptCount).toBe(2);
    const nosy = await callLearning(tenant, outsider, 'attempts', { person: learner.id });
    expect([nosy.status, nosy.body.error?.code]).toEqual([404, 'notFound']);
    const manager = tenant.context.directory.byId(learner.managerId ?? '') as Person;
    const led = await callLearning(tenant, manager, 'attempts', { person: learner.id });
    expect((led.body.quizzes as Array<{ stepId: number; attemptCount: number }>).find((q) => q.stepId === quizStep)?.attemptCount).toBe(2);
  });

  it('shows a person\'s attempts to their manager only, never to a colleague who made a Teams team with them in it', async () => {
    // Any employee can create a team and add colleagues: owning one says nothing about leading them.
    const teamId = randomUUID();
    insertTeam(tenant.context.db, {
      id: teamId,
      crewKey: 'GOT-LEARNING-CLUB',
      displayName: 'Quiz club',
      description: 'Made by a colleague',
      siteCode: 'GOT',
      lineCode: '',
      timeZone: ZONE,
      pattern: '',
      created: tenant.context.now().toISOString()
    });
    insertTeamMember(tenant.context.db, { teamId, personId: colleague.id, role: 'owner' });
    insertTeamMember(tenant.context.db, { teamId, personId: learner.id, role: 'member' });
    expect(colleague.id).not.toBe(learner.managerId);

    const nosy = await callLearning(tenant, colleague, 'attempts', { person: learner.id });
    expect([nosy.status, nosy.body.error?.code, nosy.body.quizzes]).toEqual([404, 'notFound', undefined]);
    const manager = tenant.context.directory.byId(learner.managerId ?? '') as Person;
    const led = await callLearning(tenant, manager, 'attempts', { person: learner.id });
    const own = await callLearning(tenant, learner, 'attempts', {});
    expect([led.status, led.body.quizzes]).toEqual([200, own.body.quizzes]);
  });

  it('reads no one\'s attempts for the relay\'s own app identity: it gets no delegated token, and its app-only token is refused', async () => {
    const app = relayPrincipal(tenant);
    // As Entra ID: an app identity signs in with client credentials and gets app-only tokens only.
    // The local tenant gave the default persona's token to a request naming the app identity.
    for (const login of [app.loginName, app.userPrincipalName, 'nobody@contoso-plant.example']) {
      const response = await fetch(`${tenant.origin}/_local/token?resource=${encodeURIComponent(RELAY_RESOURCE)}`, { headers: { 'x-local-user': login } });
      const body = (await response.json()) as { access_token?: string; error?: string };
      expect([login, response.status, body.error, body.access_token]).toEqual([login, 400, 'invalid_grant', undefined]);
    }
    const appOnly = await (tenant.context.authority as NonNullable<RunningTenant['context']['authority']>).appToken(RELAY_RESOURCE);
    const response = await fetch(`${tenant.origin}/relay/api/learning/attempts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${appOnly}`, 'content-type': 'application/json' },
      body: JSON.stringify({ person: learner.id })
    });
    expect([response.status, ((await response.json()) as Answer['body']).quizzes]).toEqual([401, undefined]);
  });

  it('counts the same attempt sent twice at once only once', async () => {
    const key = progressKey(quizStep, learner.spUserId);
    const before = openQuizRecord(KEYS, key, String(rowsWhere(tenant, 'SE_Progress', 'ProgressKey', key)[0].values.QuizResult)).attemptCount;
    const attemptKey = randomUUID();
    const body = { stepId: quizStep, attemptKey, answers: { q1: [1], q2: [1] } };
    const both = await Promise.all([callLearning(tenant, learner, 'quiz', body), callLearning(tenant, learner, 'quiz', body)]);
    expect(both.map((a) => a.status)).toEqual([200, 200]);
    expect(both.map((a) => a.body.attempts)).toEqual([before + 1, before + 1]);
    expect(both.map((a) => a.body.duplicate).sort()).toEqual([false, true]);
    const after = openQuizRecord(KEYS, key, String(rowsWhere(tenant, 'SE_Progress', 'ProgressKey', key)[0].values.QuizResult));
    expect(after.attemptCount).toBe(before + 1);
    expect(after.attempts.filter((a) => a.attemptKey === attemptKey)).toHaveLength(1);
    // Passed once stays passed: a later failed attempt does not take it back.
    expect(after.passedAt).toBeDefined();
  });

  it('shows a colleague nothing of a failed attempt but that the row changed: the same status, the attempts sealed to the same length', async () => {
    const person = anotherLearner();
    assign(person, pathId);
    const send = (answers: Record<string, number[]>): Promise<Answer> => callLearning(tenant, person, 'quiz', { stepId: quizStep, attemptKey: randomUUID(), answers });
    expect((await send({ q1: [2], q2: [2] })).status).toBe(200);
    const first = await rowAsColleague(quizStep, person);
    expect(first.Status).toBe('not-started');
    expect((await send({ q1: [0], q2: [2] })).status).toBe(200);
    const second = await rowAsColleague(quizStep, person);
    const changed = Object.keys({ ...first, ...second }).filter((column) => JSON.stringify(first[column]) !== JSON.stringify(second[column]));
    // Modified dates each attempt (to the second, so here it may read the same); nothing else shows.
    expect(changed.filter((column) => column !== 'Modified').sort()).toEqual(['OData__UIVersionString', 'QuizResult', 'odata.etag']);
    expect(String(second.QuizResult).length).toBe(String(first.QuizResult).length);
    // The pass shows (the step is completed, as everyone may see), its score does not.
    expect((await send({ q1: [0], q2: [1] })).body.passed).toBe(true);
    const passed = await rowAsColleague(quizStep, person);
    expect([passed.Status, String(passed.QuizResult).length]).toEqual(['completed', String(first.QuizResult).length]);
  });

  it('stops a search for the answers one question at a time at three attempts a day, without a pass and telling nothing of how many were right', async () => {
    const person = anotherLearner();
    assign(person, pathId);
    // The search: change one question's choice at a time and keep the choice that scores more.
    const chosen: Record<string, number> = { q1: 0, q2: 0 };
    const answers: Answer[] = [];
    let best = -1;
    search: for (const question of ['q1', 'q2']) {
      let bestChoice = chosen[question];
      for (let choice = 0; choice < 3; choice += 1) {
        const tried = { ...chosen, [question]: choice };
        const answer = await callLearning(tenant, person, 'quiz', { stepId: quizStep, attemptKey: randomUUID(), answers: { q1: [tried.q1], q2: [tried.q2] } });
        answers.push(answer);
        if (answer.status !== 200 || answer.body.passed === true) {
          break search;
        }
        const correct = (answer.body.attempt as { correct?: number }).correct;
        if (correct !== undefined && correct > best) {
          [best, bestChoice] = [correct, choice];
        }
      }
      chosen[question] = bestChoice;
    }
    expect(answers.map((a) => [a.status, a.body.passed ?? a.body.error?.code])).toEqual([[200, false], [200, false], [200, false], [429, 'quizAttemptsUsed']]);
    expect(answers.slice(0, 3).map((a) => [a.body.attempt, a.body.passMark, a.body.attemptsLeft])).toEqual(
      [2, 1, 0].map((left) => [{ passed: false, submittedAt: expect.any(String) }, 2, left])
    );
    // Retry-After: when the first of the three leaves the 24 hours.
    const retryAfter = Number(answers[3].retryAfter);
    expect(retryAfter).toBeGreaterThan(24 * 3600 - 120);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    const key = progressKey(quizStep, person.spUserId);
    const [row] = rowsWhere(tenant, 'SE_Progress', 'ProgressKey', key);
    expect([row.values.Status, openQuizRecord(KEYS, key, String(row.values.QuizResult)).attemptCount]).toEqual(['not-started', 3]);
    // Nor does the person's list of attempts tell how many were right in a failed one.
    const mine = await callLearning(tenant, person, 'attempts', {});
    const quiz = (mine.body.quizzes as Array<{ stepId: number; attempts: object[] }>).find((q) => q.stepId === quizStep);
    expect(quiz?.attempts).toEqual([0, 1, 2].map(() => ({ passed: false, submittedAt: expect.any(String) })));
  });

  it('refuses to sign off a quiz that requires a trainer before it is passed, and a later attempt leaves it signed off', async () => {
    const station = 'GOT-TEST-PRESS7';
    const person = anotherLearner();
    const { path, step } = await quizPath(station, { RequiresSignOff: true }, { TrainerIds: JSON.stringify([trainer.spUserId]) });
    assign(person, path);
    const signOff = (): Promise<Answer> => callLearning(tenant, trainer, 'signoff', { learnerId: person.id, stepId: step, station, requestId: randomUUID(), timeZone: ZONE });
    const early = await signOff();
    expect([early.status, early.body.error?.code]).toEqual([409, 'stepNotDone']);
    expect(rowsWhere(tenant, 'SE_Progress', 'ProgressKey', progressKey(step, person.spUserId))).toEqual([]);
    expect(rowsWhere(tenant, 'SE_Skills', 'SkillKey', skillKey(station, person.spUserId))).toEqual([]);

    const attempt = (answers: Record<string, number[]>): Promise<Answer> => callLearning(tenant, person, 'quiz', { stepId: step, attemptKey: randomUUID(), answers });
    expect((await attempt({ q1: [0], q2: [1] })).body.passed).toBe(true);
    const signed = await signOff();
    expect([signed.status, signed.body.status]).toEqual([200, 'signed-off']);
    expect(rowsWhere(tenant, 'SE_Skills', 'SkillKey', skillKey(station, person.spUserId)).map((r) => r.values.Level)).toEqual(['U']);
    expect((await attempt({ q1: [1], q2: [1] })).status).toBe(200);
    expect(rowsWhere(tenant, 'SE_Progress', 'ProgressKey', progressKey(step, person.spUserId))[0].values.Status).toBe('signed-off');
  });

  it('writes the levels of a passing attempt whose answer was lost, when the device sends it again, and once', async () => {
    const station = 'GOT-TEST-PRESS6';
    const person = anotherLearner();
    const { path, step } = await quizPath(station, {});
    assign(person, path);
    // A level the person holds already: the pass raises it, an update of its row.
    tenant.context.sp.addItem('SE_Skills', { Title: station, PersonId: person.spUserId, Station: station, Level: 'L', SkillKey: skillKey(station, person.spUserId), AssessedAt: new Date(tenant.context.now().getTime() - 86_400_000).toISOString() }, { authorId: relayId });
    const skill = (): { id: number; values: Readonly<Record<string, unknown>> } => rowsWhere(tenant, 'SE_Skills', 'SkillKey', skillKey(station, person.spUserId))[0];
    const body = { stepId: step, attemptKey: randomUUID(), answers: { q1: [0], q2: [1] } };
    await setFaults(tenant, { throttleNext: 10, retryAfterSeconds: 0, pathFilter: "getByTitle('SE_Skills')/items(" });
    let lost: Answer;
    try {
      lost = await callLearning(tenant, person, 'quiz', body);
    } finally {
      await setFaults(tenant, { ...NO_FAULTS });
    }
    expect(lost.status).toBe(503);
    // The pass was stored; the level was not.
    expect(rowsWhere(tenant, 'SE_Progress', 'ProgressKey', progressKey(step, person.spUserId))[0].values.Status).toBe('completed');
    expect(skill().values.Level).toBe('L');

    const resent = await callLearning(tenant, person, 'quiz', body);
    expect(resent.body).toMatchObject({ duplicate: true, passed: true, levels: [{ station, level: 'U' }] });
    expect(skill().values).toMatchObject({ Level: 'U', PathId: path });
    const version = tenant.context.sp.item('SE_Skills', skill().id)?.version;
    expect((await callLearning(tenant, person, 'quiz', body)).body).toMatchObject({ duplicate: true, levels: [{ station, level: 'U' }] });
    expect(tenant.context.sp.item('SE_Skills', skill().id)?.version).toBe(version);
  });

  it('never undoes HR’s correction of a level when the finishing write is sent again, and restores a deleted level only within the hour after the path was finished', async () => {
    const station = 'GOT-TEST-PRESS7';
    const person = anotherLearner();
    const sp = tenant.context.sp;
    const path = sp.addItem(
      'SE_LearningPaths',
      { Title: `Read on ${station}`, Category: 'machine-qualification', ValidityMonths: 12, LapseDays: 0, IsActive: true, Grants: JSON.stringify([{ station, level: 'U' }]) },
      { authorId: hr.spUserId }
    );
    const step = sp.addItem('SE_LearningSteps', { Title: `${station} sheet`, PathId: path, SortOrder: 10, Kind: 'read', EstimatedMinutes: 5, ContentUrl: '/sites/engage/SitePages/p7.aspx' }, { authorId: hr.spUserId });
    assign(person, path);
    const body = { stepId: step, requestId: randomUUID() };
    expect((await callLearning(tenant, person, 'progress', body)).body).toMatchObject({ levels: [{ station, level: 'U' }] });
    const skills = (): Array<{ id: number; editorId: number; values: Readonly<Record<string, unknown>> }> => rowsWhere(tenant, 'SE_Skills', 'SkillKey', skillKey(station, person.spUserId));
    const lists = spAs(tenant, hr).web.lists;
    // HR corrects the level by hand; the learner sends the finishing write again (its request id is in their progress row's Title).
    await lists.getByTitle('SE_Skills').items.getById(skills()[0].id).update({ Level: 'L' });
    expect((await callLearning(tenant, person, 'progress', body)).status).toBe(200);
    expect(skills().map((row) => [row.values.Level, row.editorId])).toEqual([['L', hr.spUserId]]);

    // HR takes the level away, and the path was finished over an hour ago: sent again, nothing comes back.
    await lists.getByTitle('SE_Skills').items.getById(skills()[0].id).delete();
    const [done] = rowsWhere(tenant, 'SE_Progress', 'ProgressKey', progressKey(step, person.spUserId));
    await lists.getByTitle('SE_Progress').items.getById(done.id).update({ CompletedAt: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    expect((await callLearning(tenant, person, 'progress', body)).status).toBe(200);
    expect(skills()).toEqual([]);
  });

  it('records practice done and asks for the sign-off, once, for practice steps the person has assigned only', async () => {
    const person = anotherLearner();
    assign(person, pathId);
    const requestId = randomUUID();
    const ask = (who: Person, stepId: number, id = randomUUID()): Promise<Answer> => callLearning(tenant, who, 'signoff-request', { stepId, requestId: id });
    const read = await ask(person, readStep);
    expect([read.status, read.body.error?.field]).toEqual([400, 'notPractice']);
    const quiz = await ask(person, quizStep);
    expect([quiz.status, quiz.body.error?.field]).toEqual([400, 'notPractice']);
    const notMine = await ask(colleague, practiceStep);
    expect([notMine.status, notMine.body.error?.code]).toEqual([403, 'notAssigned']);
    const bad = await callLearning(tenant, person, 'signoff-request', { stepId: practiceStep, requestId: 'x' });
    expect([bad.status, bad.body.error?.field]).toEqual([400, 'requestId']);
    expect(rowsWhere(tenant, 'SE_Progress', 'ProgressKey', progressKey(practiceStep, person.spUserId))).toEqual([]);

    const asked = await ask(person, practiceStep, requestId);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'completed', resent: false });
    const [row] = rowsWhere(tenant, 'SE_Progress', 'ProgressKey', progressKey(practiceStep, person.spUserId));
    expect(row.values).toMatchObject({ Status: 'completed', Learner: person.spUserId, PathId: pathId, StepId: practiceStep });
    // SharePoint keeps whole seconds.
    const second = (at: unknown): number => Math.floor(Date.parse(String(at)) / 1000);
    expect(second(row.values.CompletedAt)).toBe(second(asked.body.askedAt));
    expect(row.editorId).toBe(relayId);
    const version = tenant.context.sp.item('SE_Progress', row.id)?.version;
    // Sent again (the answer lost), or asked again with a new tap: nothing written twice.
    const resent = await ask(person, practiceStep, requestId);
    expect(resent.body).toMatchObject({ status: 'completed', resent: true });
    expect(second(resent.body.askedAt)).toBe(second(asked.body.askedAt));
    expect((await ask(person, practiceStep)).body).toMatchObject({ status: 'completed', resent: true });
    expect(tenant.context.sp.item('SE_Progress', row.id)?.version).toBe(version);

    // The trainer signs it off; asking again later never turns it back.
    const signed = await callLearning(tenant, trainer, 'signoff', { learnerId: person.id, stepId: practiceStep, station: STATION, requestId: randomUUID(), timeZone: ZONE });
    expect(signed.status).toBe(200);
    expect((await ask(person, practiceStep)).body).toMatchObject({ status: 'signed-off', resent: true });
    expect(rowsWhere(tenant, 'SE_Progress', 'ProgressKey', progressKey(practiceStep, person.spUserId))[0].values.Status).toBe('signed-off');
  });

  it('refuses the learner signing off their own practice, and a colleague who holds no level on the station', async () => {
    const send = (person: Person, extra: Record<string, unknown> = {}): Promise<Answer> =>
      callLearning(tenant, person, 'signoff', { learnerId: learner.id, stepId: practiceStep, station: STATION, requestId: randomUUID(), timeZone: ZONE, ...extra });
    const own = await send(learner);
    expect([own.status, own.body.error?.code]).toEqual([403, 'ownSignOff']);
    const unqualified = await send(colleague);
    expect([unqualified.status, unqualified.body.error?.code]).toEqual([403, 'notQualified']);
    const elsewhere = await send(trainer, { station: 'GOT-WELD2-FLT' });
    expect([elsewhere.status, elsewhere.body.error?.field]).toEqual([400, 'stationNotOnPath']);
    const long = await send(trainer, { note: 'x'.repeat(1001) });
    expect([long.status, long.body.error?.field]).toEqual([400, 'noteTooLong']);
    const unknown = await send(trainer, { stepId: 999_999 });
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'stepNotFound']);
    expect(rowsWhere(tenant, 'SE_Progress', 'ProgressKey', progressKey(practiceStep, learner.spUserId))).toEqual([]);
    expect(rowsWhere(tenant, 'SE_Skills', 'SkillKey', skillKey(STATION, learner.spUserId))).toEqual([]);
  });

  it('lets a qualified colleague sign off: the record names them, the note stays plain text, and the level appears with its expiry', async () => {
    const requestId = randomUUID();
    const note = 'Ran it <b>twice</b>\u200B =SUM(A1) \u202Eok';
    const signed = await callLearning(tenant, trainer, 'signoff', { learnerId: learner.id, stepId: practiceStep, station: STATION, note, requestId, timeZone: ZONE });
    expect(signed.status).toBe(200);
    const [row] = rowsWhere(tenant, 'SE_Progress', 'ProgressKey', progressKey(practiceStep, learner.spUserId));
    expect(row.values).toMatchObject({ Status: 'signed-off', SignedOffBy: trainer.spUserId, SignOffStation: STATION, SignOffNote: 'Ran it <b>twice</b> =SUM(A1) ok' });
    expect(row.editorId).toBe(relayId);
    const signedOffAt = new Date(String(row.values.SignedOffAt));
    const expiry = expiryAfter(signedOffAt, 12, ZONE) as Date;
    expect(new Date(String(row.values.ExpiresAt)).getTime()).toBe(expiry.getTime());

    const skills = rowsWhere(tenant, 'SE_Skills', 'SkillKey', skillKey(STATION, learner.spUserId));
    expect(skills).toHaveLength(1);
    expect(skills[0].values).toMatchObject({ Person: learner.spUserId, Station: STATION, Level: 'U', PathId: pathId, AssessedBy: trainer.spUserId });
    expect(new Date(String(skills[0].values.ExpiresAt)).getTime()).toBe(expiry.getTime());
    expect(skills[0].editorId).toBe(relayId);
    expect(signed.body).toMatchObject({ resent: false, levels: [{ station: STATION, level: 'U', expiresAt: expiry.toISOString() }] });

    // The same sign-off sent again writes nothing twice.
    const version = tenant.context.sp.item('SE_Progress', row.id)?.version;
    const again = await callLearning(tenant, trainer, 'signoff', { learnerId: learner.id, stepId: practiceStep, station: STATION, note, requestId, timeZone: ZONE });
    expect(again.body).toMatchObject({ resent: true });
    expect(tenant.context.sp.item('SE_Progress', row.id)?.version).toBe(version);
    expect(rowsWhere(tenant, 'SE_Skills', 'SkillKey', skillKey(STATION, learner.spUserId))).toHaveLength(1);
  });

  it('scores the seeded demo quizzes: their answer keys are sealed as the quiz-key route seals them', async () => {
    const quizzes = rowsWhere(tenant, 'SE_LearningSteps', 'Kind', 'quiz').filter((s) => s.id !== quizStep);
    expect(quizzes.length).toBeGreaterThan(0);
    for (const step of quizzes) {
      expect([step.id, openQuizKey(KEYS, step.id, String(step.values.QuizKey))]).toEqual([step.id, SEEDED_QUIZ_ANSWERS]);
    }
  });
});

describe('learning through the relay before Engage Setup', () => {
  let tenant: RunningTenant;
  afterAll(async () => tenant?.close());

  it('writes nothing and answers 409 notSetUp', async () => {
    tenant = await startTestTenant({ freshInstall: true });
    const learner = persona(tenant, 'operator');
    const trainer = persona(tenant, 'teamLeader');
    const count = (list: string): number => tenant.context.sp.list(list)?.itemCount ?? 0;
    const before = ['SE_Progress', 'SE_Skills', 'SE_LearningSteps'].map(count);
    const answers = [
      await callLearning(tenant, learner, 'progress', { stepId: 1, requestId: randomUUID() }),
      await callLearning(tenant, learner, 'quiz', { stepId: 4, attemptKey: randomUUID(), answers: { q1: [0], q2: [1] } }),
      await callLearning(tenant, trainer, 'signoff', { learnerId: learner.id, stepId: 5, station: 'GOT-WELD2-FLT', requestId: randomUUID() }),
      await callLearning(tenant, learner, 'signoff-request', { stepId: 5, requestId: randomUUID() }),
      await callLearning(tenant, persona(tenant, 'hr'), 'quiz-key', { stepId: 4, answerKey: { q1: [0], q2: [1] } })
    ];
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual(answers.map(() => [409, 'notSetUp']));
    expect(['SE_Progress', 'SE_Skills', 'SE_LearningSteps'].map(count)).toEqual(before);
  }, 60_000);
});
