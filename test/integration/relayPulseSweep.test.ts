/**
 * The pulse timer's sweep of participation left `pending`, against the local tenant over HTTP
 * with its clock moved: a request that died after writing `pending` leaves the submission's token
 * beside the person. Once no request can still be running, the timer counts the record when its
 * answer is in a box (and clears the token), leaves it for the device's resend while the round is
 * open, and removes it once the round is closed without the answer: no token stays beside a person.
 *
 * The timer is the relay's own (`createPulseTimer`), given the pulse keys as the relay gives them,
 * writing to the local SharePoint with the relay's app token.
 */

import { movableClock, type MovableClock } from '../../local/server/admin';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { appendEntry } from '../../relay/src/pulse/ballotStore';
import { postParcel } from '../../relay/src/pulse/inbox';
import { answerEntries } from '../../src/core/pulse/ballot';
import { LISTS } from '../../src/core/schema/lists';
import { addPending, addRound, callRelay, DAY, entriesOf, KEYS, runPulseTimer, submissionKey, type TimerRun } from '../support/pulse';
import { spAsApp, startTestTenant } from '../support/tenant';

const MINUTE = 60_000;
const START = new Date('2026-05-04T06:00:00Z');

type Row = Record<string, unknown>;

describe('the pulse timer settles participation left pending', () => {
  let tenant: RunningTenant;
  let clock: MovableClock;

  beforeAll(async () => {
    clock = movableClock(START);
    tenant = await startTestTenant({ now: clock });
  }, 60_000);
  afterAll(async () => tenant.close());

  /** One run of the relay's timer as the relay is built (its keys from its settings), at the tenant's clock. */
  async function runTimer(): Promise<TimerRun> {
    return runPulseTimer(tenant);
  }

  async function participationOf(roundId: number): Promise<Row[]> {
    return (await spAsApp(tenant)).web.lists.getByTitle(LISTS.participation.title).items.filter(`RoundId eq ${roundId}`).orderBy('ID')<Row[]>();
  }

  const statusOf = (rows: Row[], person: Person): Array<[unknown, boolean]> =>
    rows.filter((row) => row.ParticipantId === person.spUserId).map((row) => [row.Status, typeof row.Token === 'string' && row.Token !== '']);

  it('counts a pending record whose answer is in its box or the round\'s inbox, waits for a resend while the round is open, and removes it once the round closes without the answer', async () => {
    const round = addRound(tenant, { closes: START.getTime() + 2 * DAY });
    const [lost, stored, answered, inInbox] = tenant.context.directory
      .all()
      .filter((p) => !p.isApp && p.siteCode === 'GOT')
      .slice(40, 44);
    // `lost`: the request died after writing pending, before the box; the device never resends.
    await addPending(tenant, round.roundId, lost, submissionKey());
    // `stored`: the request died after the box, before counting.
    const storedKey = submissionKey();
    await appendEntry(await spAsApp(tenant), KEYS, {
      kind: 'answers',
      token: KEYS.token(round.roundId, storedKey),
      day: '2026-05-04',
      groups: { site: 'got', line: 'unknown', crew: 'none', employmentType: 'employee', tenureBand: '3-10', groupKey: 'got/staff' },
      answers: { 'part-of-team': 4 }
    }, { roundId: round.roundId, surveyId: round.surveyId });
    await addPending(tenant, round.roundId, stored, storedKey);
    // `inInbox`: the request died after the answer was in the round's inbox, before counting (the timer has not drained it).
    const inboxKey = submissionKey();
    await postParcel(
      await spAsApp(tenant),
      KEYS,
      {
        token: KEYS.token(round.roundId, inboxKey),
        day: '2026-05-04',
        groups: { site: 'got', line: 'unknown', crew: 'none', employmentType: 'employee', tenureBand: '3-10', groupKey: 'got/staff' },
        answers: { 'part-of-team': 2 },
        comments: []
      },
      { roundId: round.roundId, surveyId: round.surveyId, bucket: 2048 }
    );
    await addPending(tenant, round.roundId, inInbox, inboxKey);
    // `answered`: answered through the relay as usual.
    expect((await callRelay(tenant, answered, 'POST', 'answers', { roundId: round.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 5 }, comments: {} })).status).toBe(200);

    // A request could still be storing them: nothing is touched.
    expect((await runTimer()).pending).toEqual({ counted: 0, removed: 0, waiting: 0 });
    expect(statusOf(await participationOf(round.roundId), stored)).toEqual([['pending', true]]);

    // No request runs this long: the stored ones (in a box, in the inbox) are counted, their tokens cleared; the lost one waits for a resend.
    clock.moveBy(15 * MINUTE);
    expect((await runTimer()).pending).toEqual({ counted: 2, removed: 0, waiting: 1 });
    let rows = await participationOf(round.roundId);
    expect(statusOf(rows, stored)).toEqual([['counted', false]]);
    expect(statusOf(rows, inInbox)).toEqual([['counted', false]]);
    expect(statusOf(rows, lost)).toEqual([['pending', true]]);
    expect(statusOf(rows, answered)).toEqual([['counted', false]]);

    // The round closes: the lost answer can no longer arrive, so the record goes, and its token with it.
    clock.moveTo(new Date(START.getTime() + 2 * DAY + 5 * MINUTE));
    expect((await runTimer()).pending).toEqual({ counted: 0, removed: 1, waiting: 0 });
    rows = await participationOf(round.roundId);
    expect(statusOf(rows, lost)).toEqual([]);
    expect(rows.filter((row) => typeof row.Token === 'string' && row.Token !== '')).toEqual([]);
    expect(rows.map((row) => row.Status)).toEqual(['counted', 'counted', 'counted']);
    // Participation and the boxes agree: three counted, three answers.
    expect(answerEntries(await entriesOf(tenant, round.roundId))).toHaveLength(3);

    // A later run finds nothing more to do.
    expect((await runTimer()).pending).toEqual({ counted: 0, removed: 0, waiting: 0 });
  }, 60_000);
});
