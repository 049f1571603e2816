/**
 * A box rolled back by someone who can write SE_Responses (a site owner): the older Envelope still
 * opens, and the answers added since are gone. The box check finds it, over HTTP against the local
 * tenant: counted participation outnumbers the answers in the boxes, and the box's last writer is
 * not the relay. The check counts what the round's inbox holds too, before and after the timer's
 * drain has moved it into the boxes.
 */
import { movableClock, type MovableClock } from '../../local/server/admin';
import type { RunningTenant } from '../../local/server/tenant';
import { checkRoundBoxes } from '../../relay/src/pulse/integrity';
import { drainRound } from '../../relay/src/pulse/timerDrain';
import { slotOf } from '../../src/core/pulse/ballot';
import { LISTS } from '../../src/core/schema/lists';
import { addRound, callRelay, DAY, KEYS, runPulseTimer, submissionKey, type TestRound } from '../support/pulse';
import { persona, spAs, spAsApp, startTestTenant } from '../support/tenant';

/** The timer's drain of the round's inbox into its boxes, for one answer as for many (the timer waits for the round's minimum group). */
async function drainNow(tenant: RunningTenant, round: TestRound): Promise<void> {
  await drainRound(await spAsApp(tenant), KEYS, { ...round, closesAt: Date.now() + DAY, closed: false, minGroupSize: 1 }, { log: () => undefined });
}

describe('the pulse box check', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTestTenant();
  }, 60_000);
  afterAll(async () => tenant.close());

  it('finds a box put back to an older copy by a site owner', async () => {
    const round = addRound(tenant);
    const people = tenant.context.directory.all().filter((p) => !p.isApp && p.siteCode === 'GOT').slice(60, 62);
    // Two answers whose tokens fall in one slot: they share a box.
    const keys: string[] = [];
    while (keys.length < 2) {
      const key = submissionKey();
      if (slotOf(KEYS.token(round.roundId, key)) === 5) {
        keys.push(key);
      }
    }
    const owner = spAs(tenant, persona(tenant, 'siteAdmin'));
    const box = (): Promise<Array<{ ID: number; Envelope: string }>> =>
      owner.web.lists.getByTitle(LISTS.responses.title).items.select('ID', 'Envelope').filter(`BoxKey eq '${round.roundId}:5'`)();
    const answer = (index: number): ReturnType<typeof callRelay> =>
      callRelay(tenant, people[index], 'POST', 'answers', { roundId: round.roundId, submissionKey: keys[index], answers: { 'part-of-team': 3 }, comments: {} });

    expect((await answer(0)).status).toBe(200);
    // In the inbox still: counted all the same.
    expect(await box()).toEqual([]);
    expect(await checkRoundBoxes(await spAsApp(tenant), KEYS, round.roundId)).toEqual({ roundId: round.roundId, status: 'consistent', counted: 1, answers: 1, editedByOthers: 0 });
    await drainNow(tenant, round);
    const [older] = await box();
    expect((await answer(1)).status).toBe(200);
    expect(await checkRoundBoxes(await spAsApp(tenant), KEYS, round.roundId)).toEqual({ roundId: round.roundId, status: 'consistent', counted: 2, answers: 2, editedByOthers: 0 });
    await drainNow(tenant, round);
    expect(await checkRoundBoxes(await spAsApp(tenant), KEYS, round.roundId)).toEqual({ roundId: round.roundId, status: 'consistent', counted: 2, answers: 2, editedByOthers: 0 });

    // The owner writes the saved copy back: it opens as before, one answer fewer.
    await owner.web.lists.getByTitle(LISTS.responses.title).items.getById(older.ID).update({ Envelope: older.Envelope });
    const log: string[] = [];
    expect(await checkRoundBoxes(await spAsApp(tenant), KEYS, round.roundId, (line) => log.push(line))).toEqual({
      roundId: round.roundId,
      status: 'answersMissing',
      counted: 2,
      answers: 1,
      editedByOthers: 1
    });
    expect(log.join('\n')).toContain(`round ${round.roundId} is answersMissing`);
  }, 60_000);
});

describe('the pulse timer checks the boxes of a round it closes', () => {
  const START = new Date('2026-05-04T08:00:00Z');
  let tenant: RunningTenant;
  let clock: MovableClock;
  beforeAll(async () => {
    clock = movableClock(START);
    tenant = await startTestTenant({ now: clock });
  }, 60_000);
  afterAll(async () => tenant.close());

  it('reports every answer present at the close, and a box put back to an older copy after it', async () => {
    const round = addRound(tenant, { closes: START.getTime() + DAY });
    const people = tenant.context.directory.all().filter((p) => !p.isApp && p.siteCode === 'GOT').slice(70, 72);
    const keys: string[] = [];
    while (keys.length < 2) {
      const key = submissionKey();
      if (slotOf(KEYS.token(round.roundId, key)) === 3) {
        keys.push(key);
      }
    }
    const owner = spAs(tenant, persona(tenant, 'siteAdmin'));
    const answer = (index: number): ReturnType<typeof callRelay> =>
      callRelay(tenant, people[index], 'POST', 'answers', { roundId: round.roundId, submissionKey: keys[index], answers: { 'part-of-team': 4 }, comments: {} });
    expect((await answer(0)).status).toBe(200);
    await drainNow(tenant, round);
    const [older] = await owner.web.lists.getByTitle(LISTS.responses.title).items.select('ID', 'Envelope').filter(`BoxKey eq '${round.roundId}:3'`)<Array<{ ID: number; Envelope: string }>>();
    expect((await answer(1)).status).toBe(200);

    // While the round is open nothing is checked, and one answer waits in the inbox (fewer than the round's minimum group).
    const open = await runPulseTimer(tenant);
    expect(open.boxChecks).toEqual([]);
    expect(open.drained).toMatchObject({ drained: 0, boxWrites: 0, waiting: 1 });
    // The timer closes it, drains its inbox, then checks it: both answers are there.
    clock.moveTo(new Date(START.getTime() + DAY + 60_000));
    const closing = await runPulseTimer(tenant);
    expect(closing.rounds?.closed.map((c) => c.roundId)).toEqual([round.roundId]);
    expect(closing.drained).toMatchObject({ drained: 1, waiting: 0 });
    expect(closing.boxChecks).toEqual([{ roundId: round.roundId, status: 'consistent', counted: 2, answers: 2, editedByOthers: 0 }]);

    // The owner puts the older copy back; the next run within the hour finds it.
    await owner.web.lists.getByTitle(LISTS.responses.title).items.getById(older.ID).update({ Envelope: older.Envelope });
    clock.moveBy(5 * 60_000);
    expect((await runPulseTimer(tenant)).boxChecks).toEqual([{ roundId: round.roundId, status: 'answersMissing', counted: 2, answers: 1, editedByOthers: 1 }]);
    // After the hour the round is no longer checked by the timer (the results check it themselves).
    clock.moveBy(60 * 60_000);
    expect((await runPulseTimer(tenant)).boxChecks).toEqual([]);
  }, 90_000);
});
