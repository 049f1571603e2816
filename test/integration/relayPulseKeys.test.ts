/**
 * The pulse routes before Engage Setup (nothing read or written), and key rotation: a relay
 * given a new active key in front of the old one, against the same local SharePoint over HTTP,
 * still reads every box the old key wrote, finishes an answer left pending under the old key,
 * seals what it writes with the new key, and loses nothing. A relay without the old key reads
 * none of the old boxes.
 */
import { createCallerVerifier } from '../../relay/src/auth';
import { graphDirectory } from '../../relay/src/directory';
import { createRelayHandler } from '../../relay/src/handler';
import { readParticipation, readRoundBoxes } from '../../relay/src/pulse/ballotStore';
import { newPulseKey, pulseKeyring } from '../../relay/src/pulse/envelope';
import { graphPulseFacts } from '../../relay/src/pulse/facts';
import type { RelayHandler } from '../../relay/src/router';
import { LOCAL_PULSE_KEYS } from '../../local/relay/pulseKeys';
import { LOCAL_ISSUER, RELAY_RESOURCE } from '../../local/server/authority';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { distinctEntries } from '../../src/core/pulse/ballot';
import { LISTS } from '../../src/core/schema/lists';
import { addPending, addRound, callRelay, KEYS, submissionKey } from '../support/pulse';
import { persona, secureProductLists, spAs, spAsApp, startTestTenant, tokenFor } from '../support/tenant';

describe('Pulse answers before Engage Setup (a fresh install)', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTestTenant({ freshInstall: true });
  }, 60_000);
  afterAll(async () => tenant.close());

  it('are refused with notSetUp and nothing is written, until setup has secured the lists', async () => {
    const operator = persona(tenant, 'operator');
    const round = addRound(tenant);
    const body = { roundId: round.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 4 } };
    const before = await callRelay(tenant, operator, 'POST', 'answers', body);
    expect([before.status, before.body.error?.code]).toEqual([409, 'notSetUp']);
    expect((await callRelay(tenant, operator, 'GET', 'open')).body.error?.code).toBe('notSetUp');
    const app = await spAsApp(tenant);
    expect(await app.web.lists.getByTitle(LISTS.responses.title).items.filter(`RoundId eq ${round.roundId}`)()).toEqual([]);
    expect(await app.web.lists.getByTitle(LISTS.participation.title).items.filter(`RoundId eq ${round.roundId}`)()).toEqual([]);

    // Item security alone is not enough: while search still crawls the lists the relay waits.
    const owner = spAs(tenant, persona(tenant, 'siteAdmin'));
    for (const title of [LISTS.responses.title, LISTS.participation.title]) {
      await owner.web.lists.getByTitle(title).update({ ReadSecurity: 2, WriteSecurity: 4, EnableVersioning: false });
    }
    expect((await callRelay(tenant, operator, 'POST', 'answers', body)).body.error?.code).toBe('notSetUp');

    await secureProductLists(tenant);
    const after = await callRelay(tenant, operator, 'POST', 'answers', body);
    expect(after.status).toBe(200);
  });
});

describe('Pulse key rotation', () => {
  let tenant: RunningTenant;
  let rotated: RelayHandler;
  const NEW = newPulseKey('rotated-2');

  /** A relay like the local one, with its own keys, on the same site (SharePoint and Graph over HTTP). */
  async function relayWith(keys: string): Promise<RelayHandler> {
    const authority = tenant.context.authority;
    if (!authority) {
      throw new Error('The local tenant has no authority');
    }
    const sp = await spAsApp(tenant);
    const tokens = (resource: string): Promise<string> => authority.appToken(resource);
    const graphUrl = `${tenant.origin}/graph/v1.0`;
    const directory = graphDirectory({ graphUrl, tokens });
    return createRelayHandler({
      verifyCaller: createCallerVerifier({ issuer: LOCAL_ISSUER, audience: RELAY_RESOURCE, keys: authority.keys() }),
      sharePoint: () => sp,
      directory,
      allowedOrigins: [],
      pulseKeys: pulseKeyring(keys),
      pulseFacts: graphPulseFacts({ graphUrl, tokens, directory })
    });
  }

  async function answerThrough(relay: RelayHandler, person: Person, body: unknown): Promise<{ status: number; body: { status?: string; resent?: boolean; error?: { code?: string } } }> {
    const response = await relay({
      method: 'POST',
      path: '/api/pulse/answers',
      headers: { authorization: `Bearer ${await tokenFor(tenant, person)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
    return { status: response.status, body: JSON.parse(response.body) as { status?: string; resent?: boolean; error?: { code?: string } } };
  }

  beforeAll(async () => {
    tenant = await startTestTenant();
    rotated = await relayWith(`${NEW},${LOCAL_PULSE_KEYS}`);
  }, 60_000);
  afterAll(async () => tenant.close());

  it('keeps every old answer, finishes one left pending under the old key, and seals new writes with the new key', async () => {
    const round = addRound(tenant);
    const people = tenant.context.directory
      .all()
      .filter((p) => !p.isApp)
      .slice(0, 24);
    // Before the rotation: the local relay (old key only) counts 20 answers…
    for (const person of people.slice(0, 20)) {
      expect((await callRelay(tenant, person, 'POST', 'answers', { roundId: round.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 3 } })).status).toBe(200);
    }
    // …and one more whose first try stopped after participation was written (pending, old key's token).
    const pendingPerson = people[20];
    const pendingKey = submissionKey();
    await addPending(tenant, round.roundId, pendingPerson, pendingKey);

    // After it: the relay with the new key first.
    const resent = await answerThrough(rotated, pendingPerson, { roundId: round.roundId, submissionKey: pendingKey, answers: { 'part-of-team': 5 } });
    expect(resent).toEqual({ status: 200, body: { status: 'counted', resent: true } });
    for (const person of people.slice(21)) {
      expect((await answerThrough(rotated, person, { roundId: round.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 4 } })).status).toBe(200);
    }
    // A second answer of someone counted under the old key is still refused.
    expect((await answerThrough(rotated, people[0], { roundId: round.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 1 } })).body.error?.code).toBe('alreadyAnswered');

    const app = await spAsApp(tenant);
    const both = pulseKeyring(`${NEW},${LOCAL_PULSE_KEYS}`);
    const entries = distinctEntries(await readRoundBoxes(app, both, round.roundId));
    expect(entries).toHaveLength(people.length);
    expect(entries.filter((e) => e.token === KEYS.token(round.roundId, pendingKey))).toHaveLength(1);
    expect(await readParticipation(app, round.roundId, pendingPerson.spUserId, false)).toMatchObject({ status: 'counted', token: undefined });
    // Every box written since is sealed with the new key; the old key alone no longer opens those.
    const envelopes = await app.web.lists
      .getByTitle(LISTS.responses.title)
      .items.select('Title', 'Envelope')
      .filter(`RoundId eq ${round.roundId}`)
      .top(100)<Array<{ Title: string; Envelope: string }>>();
    const keyIds = new Set(envelopes.map((row) => row.Envelope.split('.')[1]));
    expect(keyIds.has('rotated-2')).toBe(true);
    const oldOnly = await readRoundBoxes(app, KEYS, round.roundId);
    expect(distinctEntries(oldOnly).length).toBeLessThan(people.length);
    // Without the old key, the boxes it alone sealed are lost: keep old keys while their rounds matter.
    const newOnly = distinctEntries(await readRoundBoxes(app, pulseKeyring(NEW), round.roundId));
    expect(newOnly.length).toBeLessThanOrEqual(people.length);
    expect(keyIds.has('local-1') ? newOnly.length < people.length : newOnly.length === people.length).toBe(true);
  });
});
