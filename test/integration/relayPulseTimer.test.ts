/**
 * The relay's pulse timer over real HTTP (`POST /relay/pulse-timer`, as the Functions host calls
 * it) against the local tenant, with the tenant's clock moved by the test: rounds open and close on
 * time with no page involved, once however many runs race, never for a paused survey; reminders
 * reach people as their shift starts, once a shift, at most N a round, never after they answered
 * or in their quiet hours, and never without the Graph permission (rounds still open then). Leave
 * and rest days are the rule's unit tests (`src/core/pulse/reminders.test.ts`).
 */
import { movableClock, type MovableClock } from '../../local/server/admin';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { createPlantData, type PlantData } from '../../local/tenant/store';
import { LISTS } from '../../src/core/schema/lists';
import { addScheduledSurvey, callRelay, roundsOf, runPulseTimer, submissionKey } from '../support/pulse';
import { findPerson, persona, spAs, spAsApp, startTestTenant } from '../support/tenant';

// A run's first reminder step reads the whole demo plant's directory (its teams, an hour kept).
jest.setTimeout(60_000);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Monday 2 March 2026, 04:00 UTC: 05:00 in Stockholm (CET), an hour before rounds open. */
const START = new Date('2026-03-02T04:00:00Z');
/** 06:00 in Stockholm on 2 March 2026. */
const OPENS = Date.parse('2026-03-02T05:00:00Z');

describe('the pulse timer: rounds on time', () => {
  let tenant: RunningTenant;
  let clock: MovableClock;

  beforeAll(async () => {
    clock = movableClock(START);
    tenant = await startTestTenant({ now: clock });
  });

  afterAll(async () => {
    await tenant.close();
  });

  async function surveyStatus(surveyId: number): Promise<string> {
    const row = await (await spAsApp(tenant)).web.lists.getByTitle(LISTS.surveys.title).items.getById(surveyId)<Record<string, unknown>>();
    return String(row.Status);
  }

  it('opens a scheduled round at its time, thresholds locked, and closes it at its end', async () => {
    clock.moveTo(START);
    const surveyId = addScheduledSurvey(tenant, { firstOpensOn: '2026-03-02', opensAt: '06:00', roundLengthDays: 3 });

    await runPulseTimer(tenant);
    expect(await roundsOf(tenant, surveyId)).toEqual([]);

    clock.moveTo(new Date(OPENS + 2 * MINUTE));
    const opening = await runPulseTimer(tenant);
    expect(opening.rounds?.opened).toEqual([`${surveyId}:1`]);
    const [round] = await roundsOf(tenant, surveyId);
    expect(round).toMatchObject({ RoundNumber: 1, RoundKey: `${surveyId}:1`, Status: 'open', ThresholdsLocked: true, MinGroupSize: 6, MinCommentGroupSize: 12 });
    expect(Date.parse(String(round.OpensAt))).toBe(OPENS);
    expect(Date.parse(String(round.ClosesAt))).toBe(OPENS + 3 * DAY);
    expect(await surveyStatus(surveyId)).toBe('open');

    // A run just before the end changes nothing; the first run after it closes the round.
    clock.moveTo(new Date(OPENS + 3 * DAY - MINUTE));
    expect((await runPulseTimer(tenant)).rounds?.closed).toEqual([]);
    clock.moveTo(new Date(OPENS + 3 * DAY + 4 * MINUTE));
    const closing = await runPulseTimer(tenant);
    expect(closing.rounds?.closed).toEqual([{ roundId: round.ID, reason: 'ended' }]);
    expect((await roundsOf(tenant, surveyId)).map((r) => r.Status)).toEqual(['closed']);

    // A week after the first, round 2 opens.
    clock.moveTo(new Date(OPENS + 7 * DAY + MINUTE));
    expect((await runPulseTimer(tenant)).rounds?.opened).toEqual([`${surveyId}:2`]);
    expect((await roundsOf(tenant, surveyId)).map((r) => [r.RoundNumber, r.Status])).toEqual([
      [1, 'closed'],
      [2, 'open']
    ]);
  });

  it('opens a round once when several runs race for it', async () => {
    clock.moveTo(new Date(OPENS + 21 * DAY - MINUTE));
    const surveyId = addScheduledSurvey(tenant, { firstOpensOn: '2026-03-23', opensAt: '06:00', roundLengthDays: 3 });
    clock.moveTo(new Date(OPENS + 21 * DAY + MINUTE));

    const runs = await Promise.all([runPulseTimer(tenant), runPulseTimer(tenant), runPulseTimer(tenant), runPulseTimer(tenant)]);

    const rounds = await roundsOf(tenant, surveyId);
    expect(rounds.map((r) => [r.RoundKey, r.Status])).toEqual([[`${surveyId}:1`, 'open']]);
    expect(runs.filter((run) => run.rounds?.opened.includes(`${surveyId}:1`))).toHaveLength(1);
    expect(runs.every((run) => run.status === 'done')).toBe(true);
  });

  it('opens nothing for a paused survey, and opens the round when HR resumes it within its window', async () => {
    clock.moveTo(new Date(OPENS + 28 * DAY - MINUTE));
    const surveyId = addScheduledSurvey(tenant, { firstOpensOn: '2026-03-30', opensAt: '06:00', roundLengthDays: 3, paused: true });
    clock.moveTo(new Date(OPENS + 28 * DAY + 5 * MINUTE));

    await runPulseTimer(tenant);
    await runPulseTimer(tenant);
    expect(await roundsOf(tenant, surveyId)).toEqual([]);
    expect(await surveyStatus(surveyId)).toBe('scheduled');

    const survey = await (await spAsApp(tenant)).web.lists.getByTitle(LISTS.surveys.title).items.getById(surveyId)<Record<string, unknown>>();
    const definition = { ...(JSON.parse(String(survey.Definition)) as Record<string, unknown>), paused: false };
    await (await spAsApp(tenant)).web.lists.getByTitle(LISTS.surveys.title).items.getById(surveyId).update({ Definition: JSON.stringify(definition) });
    clock.moveBy(DAY);
    await runPulseTimer(tenant);
    const rounds = await roundsOf(tenant, surveyId);
    expect(rounds.map((r) => r.Status)).toEqual(['open']);
    // Late, but on the calendar's times: it still closes when the window does (06:00 in
    // Stockholm, summer time since 29 March).
    expect(String(rounds[0].ClosesAt)).toBe('2026-04-02T04:00:00Z');
  });
});

describe('the pulse timer: reminders at shift start', () => {
  let tenant: RunningTenant;
  let clock: MovableClock;
  let plant: PlantData;

  beforeAll(async () => {
    clock = movableClock(START);
    tenant = await startTestTenant({ now: clock });
    plant = createPlantData(tenant.context.db);
    // The demo plant's own open round would remind everyone too: HR closes it first.
    const sp = await spAsApp(tenant);
    for (const survey of await sp.web.lists.getByTitle(LISTS.surveys.title).items.select('ID')<Array<{ ID: number }>>()) {
      await sp.web.lists.getByTitle(LISTS.surveys.title).items.getById(survey.ID).update({ Status: 'closed' });
    }
    await runPulseTimer(tenant);
  });

  afterAll(async () => {
    await tenant.close();
  });

  async function remindersOf(person: Person): Promise<Array<Record<string, unknown>>> {
    const response = await fetch(`${tenant.origin}/_local/notifications?recipient=${person.id}`);
    const body = (await response.json()) as { value: Array<Record<string, unknown>> };
    return body.value.filter((n) => n.activityType === 'pulseReminder');
  }

  /** The person's shifts after `from`, not cancelled and not on leave at their start, in order. */
  function shiftsAfter(person: Person, from: number): Array<{ start: number; end: number }> {
    const leave = plant.timesOffOfUser(person.id).map((o) => o.json.sharedTimeOff as { startDateTime: string; endDateTime: string });
    return plant
      .shiftsOfUser(person.id)
      .map((s) => s.json.sharedShift as { startDateTime: string; endDateTime: string })
      .map((s) => ({ start: Date.parse(s.startDateTime), end: Date.parse(s.endDateTime) }))
      .filter((s) => s.start > from && !leave.some((o) => Date.parse(o.startDateTime) <= s.start && s.start < Date.parse(o.endDateTime)))
      .sort((a, b) => a.start - b.start);
  }

  function crewSurvey(person: Person, firstOpensOn: string, extra: { maxReminders?: number } = {}): number {
    const team = plant.teamsOf(person.id)[0];
    return addScheduledSurvey(tenant, { firstOpensOn, opensAt: '00:00', cadence: 'weekly', roundLengthDays: 7, audience: { crewKeys: [team.id] }, ...extra });
  }

  it('reminds a person on shift who has not answered once near the shift start, and not after they answer; at most N a round', async () => {
    const operator = persona(tenant, 'operator');
    const crewMate = findPerson(tenant, (p) => p.id !== operator.id && !p.isApp && plant.teamsOf(p.id).some((t) => t.id === plant.teamsOf(operator.id)[0].id) && shiftsAfter(p, START.getTime()).length >= 3);
    crewSurvey(operator, '2026-03-02', { maxReminders: 2 });
    await runPulseTimer(tenant);

    // Before the shift starts: nothing. Just after: one. Runs after that in the same shift: none more.
    const [first, second] = shiftsAfter(operator, START.getTime());
    clock.moveTo(new Date(first.start - 10 * MINUTE));
    await runPulseTimer(tenant);
    expect(await remindersOf(operator)).toHaveLength(0);
    clock.moveTo(new Date(first.start + 5 * MINUTE));
    const run = await runPulseTimer(tenant);
    expect(run.reminders?.status).toBe('sent');
    clock.moveTo(new Date(first.start + 10 * MINUTE));
    await runPulseTimer(tenant);
    expect(await remindersOf(operator)).toHaveLength(1);

    // The operator answers; their next shift brings no reminder.
    const open = await callRelay(tenant, operator, 'GET', 'open');
    const roundId = open.body.rounds?.[0]?.roundId as number;
    expect((await callRelay(tenant, operator, 'POST', 'answers', { roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 4 }, comments: {} })).status).toBe(200);
    clock.moveTo(new Date(second.start + 5 * MINUTE));
    await runPulseTimer(tenant);
    expect(await remindersOf(operator)).toHaveLength(1);

    // A crew mate who never answers gets at most N (2) in the round, however many shifts start.
    for (const shift of shiftsAfter(crewMate, START.getTime()).filter((s) => s.start < Date.parse('2026-03-09T00:00:00Z')).slice(0, 4)) {
      clock.moveTo(new Date(shift.start + 5 * MINUTE));
      await runPulseTimer(tenant);
    }
    expect(await remindersOf(crewMate)).toHaveLength(2);
  });

  it('sends none in the person\'s quiet hours', async () => {
    const agency = persona(tenant, 'agencyOperator');
    clock.moveTo(new Date('2026-03-09T04:00:00Z'));
    crewSurvey(agency, '2026-03-09', { maxReminders: 5 });
    const [shift] = shiftsAfter(agency, clock().getTime());
    const before = (await remindersOf(agency)).length;
    await spAs(tenant, agency).web.lists.getByTitle(LISTS.preferences.title).items.add({
      Title: agency.loginName.toLowerCase(),
      PersonId: agency.spUserId,
      PersonKey: agency.loginName.toLowerCase(),
      QuietHours: JSON.stringify({ from: '00:00', to: '23:59' })
    });
    clock.moveTo(new Date(shift.start + 5 * MINUTE));
    const run = await runPulseTimer(tenant);
    // The crew on the same shift is reminded; the person in quiet hours is not.
    expect(run.reminders?.status).toBe('sent');
    expect(run.reminders?.sent.length).toBeGreaterThan(0);
    expect(run.reminders?.sent).not.toContain(agency.id);
    expect(await remindersOf(agency)).toHaveLength(before);
  });

  it('without Schedule.Read.All granted, rounds still open and no reminder is sent', async () => {
    const leader = persona(tenant, 'teamLeader');
    await fetch(`${tenant.origin}/_local/app-permissions`, { method: 'POST', body: JSON.stringify({ notGranted: ['Schedule.Read.All'] }) });
    try {
      clock.moveTo(new Date('2026-03-16T03:00:00Z'));
      const surveyId = crewSurvey(leader, '2026-03-16', { maxReminders: 5 });
      const [shift] = shiftsAfter(leader, clock().getTime());
      const before = (await fetch(`${tenant.origin}/_local/notifications`).then((r) => r.json()) as { value: unknown[] }).value.length;
      clock.moveTo(new Date(shift.start + 5 * MINUTE));
      const run = await runPulseTimer(tenant);
      expect((await roundsOf(tenant, surveyId)).map((r) => r.Status)).toEqual(['open']);
      expect(run.reminders?.status).toBe('notGranted');
      expect((await fetch(`${tenant.origin}/_local/notifications`).then((r) => r.json()) as { value: unknown[] }).value).toHaveLength(before);
    } finally {
      await fetch(`${tenant.origin}/_local/app-permissions`, { method: 'POST', body: JSON.stringify({ notGranted: [] }) });
    }
  });
});
