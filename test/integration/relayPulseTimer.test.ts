/**
 * The relay's pulse timer over real HTTP (`POST /relay/pulse-timer`, as the Functions host calls
 * it) against the local tenant, with the tenant's clock moved by the test: rounds open and close on
 * time with no page involved, once however many runs race, never for a paused survey.
 */
import { movableClock, type MovableClock } from '../../local/server/admin';
import type { RunningTenant } from '../../local/server/tenant';
import { LISTS } from '../../src/core/schema/lists';
import { addScheduledSurvey, roundsOf, runPulseTimer } from '../support/pulse';
import { spAsApp, startTestTenant } from '../support/tenant';

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
