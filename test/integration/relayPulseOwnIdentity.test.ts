/**
 * The relay trusts only pulse items it wrote itself, with its own app identity: not any app-only
 * principal the tenant has (a backup tool, a migration app, a connector with Sites.FullControl.All
 * appears on the site as `i:0i.t|ms.sp.ext|<its client id>@<tenant>` just as the relay does).
 *
 * The local tenant is given a second app principal (a site user with an app login, as SharePoint
 * shows one), and that app writes a `counted` participation record for a person before they answer,
 * and a box of its own sealed the relay's way (an envelope it copied from elsewhere). Over HTTP the
 * person's answer is still counted, and the round's boxes hold only what the relay wrote.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

import { openDatabase } from '../../local/server/db';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { relayAccount } from '../../local/tenant/people';
import { insertPerson } from '../../local/tenant/store';
import { TENANT_ID } from '../../local/tenant';
import { sweepRounds } from '../../relay/src/pulse/timerPending';
import { answerEntries, serialiseBox, slotOf } from '../../src/core/pulse/ballot';
import { LISTS } from '../../src/core/schema/lists';
import { addPending, addRound, callRelay, entriesOf, KEYS, submissionKey } from '../support/pulse';
import { spAsApp, startTestTenant } from '../support/tenant';

const OTHER_APP_CLIENT_ID = '3b9f6c2e-7a41-4d8e-b5c0-9e2d1f4a6b73';

describe('pulse items of another app principal', () => {
  let dataDir: string;
  let tenant: RunningTenant;
  let otherApp: Person;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'engage-other-app-'));
    await (await startTestTenant({ dataDir })).close();
    // The tenant's other app: a site user with an app login, like the relay, with its own client id.
    otherApp = {
      ...relayAccount(),
      id: '6a0d2f4b-1c3e-4f5a-8b7c-9d0e1f2a3b4c',
      spUserId: 900_001,
      loginName: `i:0i.t|ms.sp.ext|${OTHER_APP_CLIENT_ID}@${TENANT_ID}`,
      displayName: 'Contoso backup'
    };
    const db = openDatabase(dataDir);
    insertPerson(db, otherApp);
    db.close();
    tenant = await startTestTenant({ dataDir });
  }, 120_000);

  afterAll(async () => {
    await tenant.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('does not take its counted participation record for the person: the person answers and is counted once', async () => {
    const round = addRound(tenant);
    const person = tenant.context.directory.all().filter((p) => !p.isApp && p.siteCode === 'GOT')[30];
    const key = `${round.roundId}:${person.spUserId}`;
    tenant.context.sp.addItem(
      LISTS.participation.title,
      { Title: key, RoundId: round.roundId, ParticipantId: person.spUserId, ParticipationKey: key, Status: 'counted' },
      { authorId: otherApp.spUserId }
    );

    const answered = await callRelay(tenant, person, 'POST', 'answers', { roundId: round.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 2 }, comments: {} });
    expect([answered.status, answered.body.status]).toEqual([200, 'counted']);
    const rows = await (await spAsApp(tenant)).web.lists
      .getByTitle(LISTS.participation.title)
      .items.select('Status', 'AuthorId')
      .filter(`ParticipationKey eq '${key}'`)<Array<{ Status: string; AuthorId: number }>>();
    // The other app's record is gone; the relay's stands.
    expect(rows.map((row) => [row.Status, row.AuthorId])).toEqual([['counted', relayAccount().spUserId]]);
    expect(answerEntries(await entriesOf(tenant, round.roundId))).toHaveLength(1);
  });

  it('reads no box of its, even one that opens with the relay key', async () => {
    const round = addRound(tenant);
    const person = tenant.context.directory.all().filter((p) => !p.isApp && p.siteCode === 'GOT')[31];
    const key = submissionKey();
    const token = KEYS.token(round.roundId, key);
    const title = `${round.roundId}:${slotOf(token)}:0`;
    const copied = serialiseBox({
      version: 1,
      entries: [{ kind: 'answers', token, day: '2026-05-04', groups: { site: 'got', line: 'unknown', crew: 'none', employmentType: 'employee', tenureBand: '3-10', groupKey: 'got/staff' }, answers: { 'part-of-team': 1 } }]
    });
    tenant.context.sp.addItem(
      LISTS.responses.title,
      { Title: title, RoundId: round.roundId, SurveyId: round.surveyId, BoxKey: `${round.roundId}:${slotOf(token)}`, Envelope: KEYS.seal(copied, `round:${round.roundId}|box:${title}`) },
      { authorId: otherApp.spUserId }
    );
    expect(await entriesOf(tenant, round.roundId)).toEqual([]);
    // A pending record of the relay's whose token only that box holds is not counted by the timer's sweep.
    await addPending(tenant, round.roundId, person, key);
    const later = new Date(tenant.context.now().getTime() + 15 * 60_000);
    expect(await sweepRounds(await spAsApp(tenant), KEYS, later, () => undefined)).toEqual({ counted: 0, removed: 0, waiting: 1 });
  });
});
