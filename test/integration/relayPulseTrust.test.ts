/**
 * Pulse configuration written before Engage Setup, over real HTTP: on a fresh install every member
 * may write every list, so a member writes a survey (scheduled, its first round due now), an open
 * round of another survey, a question of their own, and saves the plant map. After setup the
 * relay uses none of it (relay/src/pulse/trustedConfig.ts): its timer opens nothing for the
 * member's survey and reminds nobody, the answering routes neither offer nor take the member's
 * round (404, as a round that does not exist), and the plant map places nobody. HR saving an item
 * again after setup makes it count; a round key a member's item holds is written over by the relay.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { movableClock, type MovableClock } from '../../local/server/admin';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { createPlantData, type PlantData } from '../../local/tenant/store';
import { LISTS } from '../../src/core/schema/lists';
import { addRound, addScheduledSurvey, callRelay, roundsOf, runPulseTimer, submissionKey } from '../support/pulse';
import { persona, secureProductLists, spAs, spAsApp, startTestTenant } from '../support/tenant';

// The reminder step reads the whole demo plant's directory (its teams, an hour kept).
jest.setTimeout(60_000);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Monday 2 March 2026, 04:00 UTC. */
const START = new Date('2026-03-02T04:00:00Z');

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A definition for everyone, weekly from 2 March 00:00 UTC, with the member's own question. */
const DEFINITION = JSON.stringify({
  questionKeys: ['part-of-team', 'member-question'],
  languages: ['en-us'],
  audience: {},
  roundLengthDays: 7,
  firstOpensOn: '2026-03-02',
  opensAt: '00:00',
  timeZone: 'UTC',
  maxReminders: 5
});

async function addAs(sp: SPFI, list: string, values: Record<string, unknown>): Promise<number> {
  const added = (await sp.web.lists.getByTitle(list).items.add(values)) as { Id?: number; ID?: number };
  return Number(added.Id ?? added.ID);
}

describe('Pulse configuration a member wrote before Engage Setup', () => {
  let tenant: RunningTenant;
  let clock: MovableClock;
  let plant: PlantData;
  let member: Person;
  let hr: Person;
  /** The member's scheduled survey (the timer's to open) and open survey with its round. */
  let scheduled: number;
  let open: number;
  let memberRound: number;
  /** HR's scheduled survey whose first round key the member's item holds. */
  let squatted: number;

  beforeAll(async () => {
    clock = movableClock(START);
    tenant = await startTestTenant({ freshInstall: true, now: clock });
    plant = createPlantData(tenant.context.db);
    member = persona(tenant, 'operator');
    hr = persona(tenant, 'hr');

    // Before setup: the member writes a question, two surveys and a round, and saves the plant map.
    const sp = spAs(tenant, member);
    await addAs(sp, LISTS.questions.title, { Title: 'Who on your crew works slowest?', QuestionKey: 'member-question', Kind: 'text', Driver: 'belonging', Translations: '{}' });
    const survey = { Definition: DEFINITION, Cadence: 'weekly', MinGroupSize: 5, MinCommentGroupSize: 10 };
    scheduled = await addAs(sp, LISTS.surveys.title, { Title: 'Member survey', Status: 'scheduled', ...survey });
    open = await addAs(sp, LISTS.surveys.title, { Title: 'Member round', Status: 'open', ...survey });
    memberRound = await addAs(sp, LISTS.surveyRounds.title, {
      Title: `${open}:1`,
      SurveyId: open,
      RoundNumber: 1,
      RoundKey: `${open}:1`,
      OpensAt: iso(START.getTime() - 60 * MINUTE),
      ClosesAt: iso(START.getTime() + 7 * DAY),
      Status: 'open',
      ThresholdsLocked: true,
      MinGroupSize: 5,
      MinCommentGroupSize: 10
    });
    squatted = addScheduledSurvey(tenant, { firstOpensOn: '2026-03-02', opensAt: '00:00', timeZone: 'UTC', audience: { crewKeys: ['no-such-crew'] } });
    await addAs(sp, LISTS.surveyRounds.title, {
      Title: `${squatted}:1`,
      SurveyId: squatted,
      RoundNumber: 1,
      RoundKey: `${squatted}:1`,
      OpensAt: iso(START.getTime() - 2 * DAY),
      ClosesAt: iso(START.getTime() - DAY),
      Status: 'closed',
      ThresholdsLocked: true,
      MinGroupSize: 5,
      MinCommentGroupSize: 10
    });
    const [plantMap] = await sp.web.lists.getByTitle(LISTS.settings.title).items.select('ID', 'Value').filter("Key eq 'Plant'")<Array<{ ID: number; Value: string }>>();
    await sp.web.lists.getByTitle(LISTS.settings.title).items.getById(plantMap.ID).update({ Value: plantMap.Value });

    await secureProductLists(tenant);
    // The demo plant's own surveys would remind people too: closed first (their rounds close).
    const app = await spAsApp(tenant);
    for (const row of await app.web.lists.getByTitle(LISTS.surveys.title).items.select('ID', 'Title')<Array<{ ID: number; Title: string }>>()) {
      if (row.ID !== scheduled && row.ID !== open && row.ID !== squatted) {
        await app.web.lists.getByTitle(LISTS.surveys.title).items.getById(row.ID).update({ Status: 'closed' });
      }
    }
  });

  afterAll(async () => {
    await tenant.close();
  });

  async function reminders(): Promise<number> {
    const body = (await (await fetch(`${tenant.origin}/_local/notifications`)).json()) as { value: Array<{ activityType?: string }> };
    return body.value.filter((n) => n.activityType === 'pulseReminder').length;
  }

  /** The member's first shift starting after START within the member's round, not on leave. */
  function memberShiftStart(): number {
    const leave = plant.timesOffOfUser(member.id).map((o) => o.json.sharedTimeOff as { startDateTime: string; endDateTime: string });
    const starts = plant
      .shiftsOfUser(member.id)
      .map((s) => Date.parse((s.json.sharedShift as { startDateTime: string }).startDateTime))
      .filter((start) => start > START.getTime() && start < START.getTime() + 6 * DAY)
      .filter((start) => !leave.some((o) => Date.parse(o.startDateTime) <= start && start < Date.parse(o.endDateTime)))
      .sort((a, b) => a - b);
    expect(starts.length).toBeGreaterThan(0);
    return starts[0];
  }

  it("the timer opens no round of the member's survey and reminds nobody of the member's round", async () => {
    clock.moveTo(new Date(memberShiftStart() + 5 * MINUTE));
    const before = await reminders();

    const run = await runPulseTimer(tenant);

    expect(run.status).toBe('done');
    expect(run.rounds?.opened).not.toContain(`${scheduled}:1`);
    expect(await roundsOf(tenant, scheduled)).toEqual([]);
    expect(run.reminders?.sent).not.toContain(member.id);
    expect(await reminders()).toBe(before);
    // Not the relay's to close either: it is left as the member wrote it, and unused.
    expect((await roundsOf(tenant, open)).map((r) => r.Status)).toEqual(['open']);
  });

  it("the answering routes neither offer the member's round nor take answers for it", async () => {
    const offered = await callRelay(tenant, member, 'GET', 'open');
    expect(offered.status).toBe(200);
    expect(offered.body.rounds?.map((r) => r.roundId)).not.toContain(memberRound);

    const answer = await callRelay(tenant, member, 'POST', 'answers', { roundId: memberRound, submissionKey: submissionKey(), answers: { 'part-of-team': 5 }, comments: {} });
    expect([answer.status, answer.body.error?.code]).toEqual([404, 'notFound']);
    const app = await spAsApp(tenant);
    expect(await app.web.lists.getByTitle(LISTS.participation.title).items.filter(`RoundId eq ${memberRound}`)()).toEqual([]);
  });

  it('a plant map the member saved places nobody on a site until HR saves it again', async () => {
    const { roundId } = addRound(tenant, { audience: { siteCodes: ['GOT', 'EIN'] } });
    const offered = async (): Promise<number[]> => ((await callRelay(tenant, member, 'GET', 'open')).body.rounds ?? []).map((r) => r.roundId);
    expect(await offered()).not.toContain(roundId);

    const settings = spAs(tenant, hr).web.lists.getByTitle(LISTS.settings.title);
    const [plantMap] = await settings.items.select('ID', 'Value').filter("Key eq 'Plant'")<Array<{ ID: number; Value: string }>>();
    await settings.items.getById(plantMap.ID).update({ Value: plantMap.Value });
    // The routes keep the plant map five minutes.
    clock.moveBy(6 * MINUTE);
    expect(await offered()).toContain(roundId);
  });

  it("HR saving the member's survey again makes it count; the member's question still does not", async () => {
    await spAs(tenant, hr).web.lists.getByTitle(LISTS.surveys.title).items.getById(scheduled).update({ Title: 'Member survey, checked by HR' });

    const run = await runPulseTimer(tenant);

    expect(run.rounds?.opened).toContain(`${scheduled}:1`);
    const [round] = await roundsOf(tenant, scheduled);
    const offered = (await callRelay(tenant, member, 'GET', 'open')).body.rounds?.find((r) => r.roundId === round.ID);
    expect(offered?.questions.map((q) => q.key)).toEqual(['part-of-team']);
  });

  it("writes a round due over a member's item that holds its round key", async () => {
    const rounds = await roundsOf(tenant, squatted);
    expect(rounds.map((r) => [r.RoundKey, r.RoundNumber, r.Status, r.ThresholdsLocked])).toEqual([[`${squatted}:1`, 1, 'open', true]]);
    expect(Date.parse(String(rounds[0].OpensAt))).toBe(Date.parse('2026-03-02T00:00:00Z'));
    const editor = await (await spAsApp(tenant)).web.lists
      .getByTitle(LISTS.surveyRounds.title)
      .items.getById(Number(rounds[0].ID))
      .select('Editor/Name')
      .expand('Editor')<{ Editor: { Name: string } }>();
    expect(editor.Editor.Name).toMatch(/^i:0i\.t\|ms\.sp\.ext\|/);
  });
});
