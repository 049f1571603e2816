/**
 * A box rolled back by someone who can write SE_Responses (a site owner): the older Envelope still
 * opens, and the answers added since are gone. The box check finds it, over HTTP against the local
 * tenant: counted participation outnumbers the answers in the boxes, and the box's last writer is
 * not the relay.
 */
import type { RunningTenant } from '../../local/server/tenant';
import { checkRoundBoxes } from '../../relay/src/pulse/integrity';
import { slotOf } from '../../src/core/pulse/ballot';
import { LISTS } from '../../src/core/schema/lists';
import { addRound, callRelay, KEYS, submissionKey } from '../support/pulse';
import { persona, spAs, spAsApp, startTestTenant } from '../support/tenant';

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
    const [older] = await box();
    expect((await answer(1)).status).toBe(200);
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
