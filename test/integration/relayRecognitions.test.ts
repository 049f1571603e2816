/**
 * Recognitions written by the relay, against the real local tenant over HTTP: the page's relay
 * client with each person's token, the relay it hosts, and SharePoint REST as a hostile member
 * would use it. Covers the install window (nothing written before Engage Setup has run), a
 * giver who tries to change their post afterwards or bring back a post HR removed, a forged
 * request, exactly-once sending, and "private" and "my crew" posts nobody else can read.
 */
import type { SPFI } from '@pnp/sp';

import { RelayRecognitionWriter } from '../../src/connectors/relay/relayRecognitionWriter';
import { sharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import { composeRecognition, type NewRecognitionItem, type RecipientRef } from '../../src/core/recognition/compose';
import { RecognitionStoreError } from '../../src/core/recognition/ports';
import { LISTS } from '../../src/core/schema/lists';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { failure } from '../support/failure';
import { findPerson, giveAs, persona, relayClientAs, secureProductLists, spAs, startTestTenant, tokenFor } from '../support/tenant';

const F = LISTS.recognitions.fields;
const RECOGNITIONS = LISTS.recognitions.title;

type Row = Record<string, unknown> & { ID: number };

/** The items `person` can read with the given ids, through REST (a list query, then each by id). */
async function readableBy(tenant: RunningTenant, person: Person, ids: readonly number[]): Promise<{ inQuery: number[]; byId: number[] }> {
  const list = spAs(tenant, person).web.lists.getByTitle(RECOGNITIONS);
  const inQuery = (await list.items.select('ID').filter(ids.map((id) => `ID eq ${id}`).join(' or ')).top(100)<Row[]>()).map((row) => row.ID);
  const byId: number[] = [];
  for (const id of ids) {
    try {
      await list.items.getById(id).select('ID', F.message)();
      byId.push(id);
    } catch {
      // not readable
    }
  }
  return { inQuery: inQuery.sort((a, b) => a - b), byId };
}

/** The request the page sends for `from` recognising `to`. */
async function composedAs(tenant: RunningTenant, from: Person, to: Person, requestId: string, extra: Partial<RecipientRef> = {}): Promise<NewRecognitionItem[]> {
  const values = await sharePointRecognitionStores(spAs(tenant, from)).values.values();
  const composed = composeRecognition(
    { recipients: [{ siteUserId: to.spUserId, displayName: to.displayName, exists: true, ...extra }], valueKey: 'safety', message: 'Cleared the spill before the shift change.', visibility: 'everyone' },
    { giverId: from.spUserId, values, requestId, siteCode: 'GOT' }
  );
  if (!composed.ok) {
    throw new Error(JSON.stringify(composed.errors));
  }
  return composed.items;
}

async function postRaw(tenant: RunningTenant, person: Person, body: unknown): Promise<{ status: number; body: { ids?: number[]; error?: { code?: string; field?: string } } }> {
  const response = await fetch(`${tenant.origin}/relay/api/recognitions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(tenant, person)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
  return { status: response.status, body: (await response.json()) as { ids?: number[]; error?: { code?: string; field?: string } } };
}

describe('Recognitions before Engage Setup has run (a fresh install)', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTestTenant({ freshInstall: true });
  });
  afterAll(async () => tenant.close());

  it('refuses reports: before setup everyone could read who reported whom', async () => {
    const response = await fetch(`${tenant.origin}/relay/api/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(tenant, persona(tenant, 'operator'))}`, 'content-type': 'application/json' },
      body: JSON.stringify({ recognitionId: 1, reason: 'Names a customer' })
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'notSetUp' } });
  });

  it('are refused by the relay with notSetUp, nothing written, and go through once setup has run', async () => {
    const operator = persona(tenant, 'operator');
    const colleague = persona(tenant, 'agencyOperator');
    const items = await composedAs(tenant, operator, colleague, 'fresh-1');
    const writer = new RelayRecognitionWriter(relayClientAs(tenant, operator));
    const refused = await writer.give(items).then(
      () => undefined,
      (error: unknown) => error
    );
    expect(refused).toBeInstanceOf(RecognitionStoreError);
    expect((refused as RecognitionStoreError).code).toBe('notSetUp');
    // Nothing was written.
    const written = await spAs(tenant, operator).web.lists.getByTitle(RECOGNITIONS).items.filter(`${F.clientRequestId} eq 'fresh-1:${colleague.spUserId}'`)<Row[]>();
    expect(written).toEqual([]);

    await secureProductLists(tenant);
    const ids = await writer.give(items);
    expect(ids).toHaveLength(1);
  });

});

describe('Recognitions written by the relay (after setup)', () => {
  let tenant: RunningTenant;
  let giver: Person;
  let recipient: Person;
  let other: Person;
  let hr: Person;
  const raw = (p: Person): SPFI => spAs(tenant, p);

  beforeAll(async () => {
    tenant = await startTestTenant();
    giver = persona(tenant, 'operator');
    hr = persona(tenant, 'hr');
    recipient = findPerson(tenant, (p) => !p.isApp && !p.isHr && !p.isSiteOwner && p.id !== giver.id && p.managerId !== undefined && p.managerId !== giver.id);
    other = findPerson(tenant, (p) => !p.isApp && !p.isHr && !p.isSiteOwner && ![giver.id, recipient.id, recipient.managerId].includes(p.id) && p.crewKey !== recipient.crewKey);
  });
  afterAll(async () => tenant.close());

  it('names the giver from the token, and the relay as the author', async () => {
    const [id] = await giveAs(tenant, giver, recipient, 'Caught the loose guard on press 4.', 'named-1');
    const row = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(id).select('ID', 'Author/Name', `${F.giver}Id`, F.status).expand('Author')<Row>();
    expect(row[`${F.giver}Id`]).toBe(giver.spUserId);
    expect(String((row.Author as { Name?: string }).Name)).toMatch(/^i:0i\.t\|ms\.sp\.ext\|/);
    expect(row[F.status]).toBe('published');
    const start = await sharePointRecognitionStores(raw(other), { siteUserId: other.spUserId, loginName: other.loginName }).wall.start({}, 50);
    expect(start.page.items.find((item) => item.id === id)?.giver.id).toBe(giver.spUserId);
  });

  it('gives the giver no way to change their post afterwards: state, audience, recipient, words, or delete', async () => {
    const [id] = await giveAs(tenant, giver, recipient, 'Kept the line running on nights.', 'locked-1');
    const item = raw(giver).web.lists.getByTitle(RECOGNITIONS).items.getById(id);
    for (const change of [{ [F.status]: 'published' }, { [F.visibility]: 'private' }, { [`${F.recipient}Id`]: other.spUserId }, { [F.message]: 'Edited' }, { [`${F.giver}Id`]: other.spUserId }]) {
      expect(await failure(item.update(change))).toMatchObject({ status: 403 });
    }
    expect(await failure(item.delete())).toMatchObject({ status: 403 });
    // Nor can they add a post of their own straight to the list, naming anyone as giver.
    expect(
      await failure(raw(giver).web.lists.getByTitle(RECOGNITIONS).items.add({ Title: 'x', [`${F.recipient}Id`]: recipient.spUserId, [`${F.giver}Id`]: other.spUserId, [F.kind]: 'peer', [F.valueKey]: 'safety', [F.message]: 'x', [F.siteCode]: 'GOT', [F.visibility]: 'everyone', [F.status]: 'published', [F.clientRequestId]: 'forged:1' }))
    ).toMatchObject({ status: 403 });
  });

  it('never brings back a post HR removed: not through REST, not by sending the same request again', async () => {
    const items = await composedAs(tenant, giver, recipient, 'removed-1');
    const writer = new RelayRecognitionWriter(relayClientAs(tenant, giver));
    const [id] = await writer.give(items);
    await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(id).update({ [F.status]: 'removed' });
    expect(await failure(raw(giver).web.lists.getByTitle(RECOGNITIONS).items.getById(id).update({ [F.status]: 'published' }))).toMatchObject({ status: 403 });
    expect(await writer.give(items)).toEqual([id]);
    const row = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(id).select(F.status)<Row>();
    expect(row[F.status]).toBe('removed');
  });

  it('takes nothing a forged request claims: no giver, no state, no leader kind from a non-leader, not oneself', async () => {
    const [item] = await composedAs(tenant, giver, recipient, 'forged-1');
    const claimed = await postRaw(tenant, giver, { items: [{ ...item, GiverId: other.spUserId, AuthorId: other.spUserId }] });
    expect(claimed.status).toBe(200);
    const row = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(claimed.body.ids?.[0] ?? 0).select(`${F.giver}Id`)<Row>();
    expect(row[`${F.giver}Id`]).toBe(giver.spUserId);
    expect(await postRaw(tenant, giver, { items: [{ ...item, ClientRequestId: `forged-2:${recipient.spUserId}`, Status: 'removed' }] })).toMatchObject({ status: 400, body: { error: { field: 'status' } } });
    // "From their leader" from someone who is not the recipient's manager is stored as from a peer.
    const asLeader = await postRaw(tenant, giver, { items: [{ ...item, ClientRequestId: `forged-3:${recipient.spUserId}`, Kind: 'leader' }] });
    expect(asLeader.status).toBe(200);
    const kind = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(asLeader.body.ids?.[0] ?? 0).select(F.kind)<Row>();
    expect(kind[F.kind]).toBe('peer');
    const leader = tenant.context.directory.byId(recipient.managerId ?? '');
    if (!leader) {
      throw new Error('The recipient has no leader in the directory.');
    }
    const fromLeader = await postRaw(tenant, leader, { items: [{ ...item, ClientRequestId: `forged-3b:${recipient.spUserId}`, Kind: 'leader' }] });
    const leaderKind = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(fromLeader.body.ids?.[0] ?? 0).select(F.kind)<Row>();
    expect(leaderKind[F.kind]).toBe('leader');
    const [self] = await composedAs(tenant, giver, giver, 'forged-4').catch(() => [{ ...item, RecipientId: giver.spUserId, ClientRequestId: `forged-4:${giver.spUserId}` }]);
    expect(await postRaw(tenant, giver, { items: [{ ...self, RecipientId: giver.spUserId, ClientRequestId: `forged-4:${giver.spUserId}` }] })).toMatchObject({ status: 400, body: { error: { field: 'recipient' } } });
    expect(await postRaw(tenant, giver, { items: [{ ...item, ClientRequestId: 'forged-5:999999', RecipientId: 999999 }] })).toMatchObject({ status: 400, body: { error: { field: 'recipient' } } });
    expect(await postRaw(tenant, giver, { items: [{ ...item, ClientRequestId: `forged-6:${recipient.spUserId}`, ValueKey: 'no-such-value' }] })).toMatchObject({ status: 400, body: { error: { field: 'valueKey' } } });
  });

  it('stores a resend once, and two sends at the same moment once', async () => {
    const items = await composedAs(tenant, giver, recipient, 'once-1');
    const writer = new RelayRecognitionWriter(relayClientAs(tenant, giver));
    const [a, b] = await Promise.all([writer.give(items), writer.give(items)]);
    const again = await writer.give(items);
    expect(a).toEqual(b);
    expect(again).toEqual(a);
    const rows = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.filter(`${F.clientRequestId} eq 'once-1:${recipient.spUserId}'`)<Row[]>();
    expect(rows.map((row) => row.ID)).toEqual(a);
  });

  it('never lets anyone reuse another giver\'s request id: no change of audience, words or giver', async () => {
    const [publicId] = await giveAs(tenant, giver, recipient, 'Public thanks', 'taken-1');
    const [stolen] = await composedAs(tenant, other, recipient, 'taken-1');
    // The same request id, sent by someone else: as private (to take the audience) and with other words.
    for (const attempt of [{ ...stolen, Visibility: 'private' }, { ...stolen, Message: 'Hijacked words' }]) {
      expect(await postRaw(tenant, other, { items: [attempt] })).toMatchObject({ status: 400, body: { error: { field: 'clientRequestId' } } });
    }
    const row = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(publicId).select('HasUniqueRoleAssignments', F.message, `${F.giver}Id`)<Row>();
    expect(row).toMatchObject({ HasUniqueRoleAssignments: false, [F.message]: 'Public thanks', [`${F.giver}Id`]: giver.spUserId });
    expect((await readableBy(tenant, other, [publicId])).byId).toEqual([publicId]);
  });

  it('never changes a stored post when its own giver resends the request differently', async () => {
    const [item] = await composedAs(tenant, giver, recipient, 'resent-1');
    const first = await postRaw(tenant, giver, { items: [item] });
    const again = await postRaw(tenant, giver, { items: [{ ...item, Visibility: 'private', Message: 'Other words' }] });
    expect(again).toMatchObject({ status: 200, body: { ids: first.body.ids } });
    const row = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(first.body.ids?.[0] ?? 0).select('HasUniqueRoleAssignments', F.message, F.visibility)<Row>();
    expect(row).toMatchObject({ HasUniqueRoleAssignments: false, [F.message]: 'Cleared the spill before the shift change.', [F.visibility]: 'everyone' });
  });

  it('stores a private post sent three times at the same moment once, and answers each send', async () => {
    const [item] = await composedAs(tenant, giver, recipient, 'placeholder-1');
    const privateItem = { ...item, Visibility: 'private' };
    const answers = await Promise.all([1, 2, 3].map(() => postRaw(tenant, giver, { items: [privateItem] })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body.ids?.[0])).size).toBe(1);
    const rows = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.filter(`${F.clientRequestId} eq 'placeholder-1:${recipient.spUserId}'`).select('ID', `${F.recipient}Id`, F.status)<Row[]>();
    expect(rows).toEqual([expect.objectContaining({ [`${F.recipient}Id`]: recipient.spUserId, [F.status]: 'published' })]);
  });

  it('finishes a private post a failure left as a placeholder when the giver\'s device sends it again', async () => {
    const [item] = await composedAs(tenant, giver, recipient, 'half-done-1');
    const relayUser = tenant.context.directory.all().find((p) => p.isApp === true)?.spUserId ?? 0;
    // What the relay leaves when it fails after writing the placeholder: no recipient, no words, keyed by the request's place.
    const placeholder = tenant.context.sp.addItem(
      RECOGNITIONS,
      { Title: '…', RecipientId: giver.spUserId, GiverId: giver.spUserId, Kind: 'peer', ValueKey: 'safety', Message: '…', SiteCode: 'GOT', Visibility: 'private', Status: 'hidden', ClientRequestId: 'half-done-1:p0' },
      { authorId: relayUser }
    );
    // Someone else cannot finish it, nor can the giver with another audience.
    expect(await postRaw(tenant, other, { items: [{ ...item, Visibility: 'private', ClientRequestId: `half-done-1:${recipient.spUserId}` }] })).toMatchObject({ status: 400 });
    expect(await postRaw(tenant, giver, { items: [item] })).toMatchObject({ status: 400, body: { error: { field: 'clientRequestId' } } });
    const finished = await postRaw(tenant, giver, { items: [{ ...item, Visibility: 'private' }] });
    expect(finished).toMatchObject({ status: 200, body: { ids: [placeholder] } });
    const row = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(placeholder).select(`${F.recipient}Id`, F.status, F.message, F.clientRequestId, 'HasUniqueRoleAssignments')<Row>();
    expect(row).toMatchObject({ [`${F.recipient}Id`]: recipient.spUserId, [F.status]: 'published', [F.message]: item.Message, [F.clientRequestId]: item.ClientRequestId, HasUniqueRoleAssignments: true });
    expect(await readableBy(tenant, other, [placeholder])).toEqual({ inQuery: [], byId: [] });
  });

  it('keeps an anniversary or milestone only from the recipient\'s manager (an anniversary does not name its giver)', async () => {
    const [item] = await composedAs(tenant, giver, recipient, 'anniversary-1');
    const fromPeer = await postRaw(tenant, giver, { items: [{ ...item, Kind: 'anniversary', MilestoneKind: 'service-anniversary' }] });
    const row = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(fromPeer.body.ids?.[0] ?? 0).select(F.kind, F.milestoneKind)<Row>();
    expect(row).toMatchObject({ [F.kind]: 'peer', [F.milestoneKind]: null });
  });

  it('refuses a crew post to a crew the recipient is not in', async () => {
    const teamsOf = async (p: Person): Promise<string[]> =>
      ((await (await fetch(`${tenant.graphUrl}/me/joinedTeams`, { headers: { 'x-local-user': p.userPrincipalName } })).json()) as { value: Array<{ id: string }> }).value.map((team) => team.id);
    const mine = new Set(await teamsOf(recipient));
    const stranger = tenant.context.directory.all().find((p) => !p.isApp && p.crewKey && p.crewKey !== recipient.crewKey);
    const foreign = (stranger ? await teamsOf(stranger) : []).find((id) => !mine.has(id));
    if (!foreign) {
      throw new Error('The demo plant has no other crew.');
    }
    const [item] = await composedAs(tenant, giver, recipient, 'foreign-crew-1', { crewKey: foreign });
    for (const crewKey of [foreign, foreign.toUpperCase(), `${foreign}_o`]) {
      const answer = await postRaw(tenant, giver, { items: [{ ...item, Visibility: 'crew', CrewKey: crewKey }] });
      expect([crewKey, answer]).toMatchObject([crewKey, { status: 400, body: { error: { field: 'crewKey' } } }]);
    }
  });

  it('makes a private post readable by the giver, the recipient, their leader and HR only', async () => {
    const [id] = await giveAs(tenant, giver, recipient, 'Private thanks for covering my shift.', 'private-1', {}, 'private');
    const leader = tenant.context.directory.byId(recipient.managerId ?? '');
    if (!leader) {
      throw new Error('The recipient has no leader in the directory.');
    }
    for (const reader of [giver, recipient, leader, hr]) {
      expect({ who: reader.displayName, ...(await readableBy(tenant, reader, [id])) }).toEqual({ who: reader.displayName, inQuery: [id], byId: [id] });
    }
    for (const outsider of [other, persona(tenant, 'agencyOperator')].filter((p) => ![giver.id, recipient.id, leader.id].includes(p.id))) {
      expect({ who: outsider.displayName, ...(await readableBy(tenant, outsider, [id])) }).toEqual({ who: outsider.displayName, inQuery: [], byId: [] });
    }
    const row = await raw(hr).web.lists.getByTitle(RECOGNITIONS).items.getById(id).select(F.message, F.status)<Row>();
    expect(row).toMatchObject({ [F.message]: 'Private thanks for covering my shift.', [F.status]: 'published' });
  });

  it('makes a "my crew" post readable by the crew (its team) and not by others', async () => {
    const teams = async (p: Person): Promise<string[]> => {
      const response = await fetch(`${tenant.graphUrl}/me/joinedTeams`, { headers: { 'x-local-user': p.userPrincipalName } });
      return ((await response.json()) as { value: Array<{ id: string }> }).value.map((team) => team.id);
    };
    const [crewKey] = await teams(recipient);
    if (!crewKey) {
      throw new Error('The recipient is in no team.');
    }
    const [id] = await giveAs(tenant, giver, recipient, 'The whole crew saw you do it.', 'crew-1', { crewKey }, 'crew');
    const people = tenant.context.directory.all().filter((p) => !p.isApp && !p.isHr && !p.isSiteOwner && ![giver.id, recipient.id, recipient.managerId].includes(p.id));
    let crewmates = 0;
    let outsiders = 0;
    for (const person of people.slice(0, 40)) {
      const inCrew = (await teams(person)).includes(crewKey);
      const seen = await readableBy(tenant, person, [id]);
      expect({ who: person.displayName, inCrew, seen: seen.inQuery.length + seen.byId.length > 0 }).toEqual({ who: person.displayName, inCrew, seen: inCrew });
      crewmates += inCrew ? 1 : 0;
      outsiders += inCrew ? 0 : 1;
    }
    expect(crewmates).toBeGreaterThan(0);
    expect(outsiders).toBeGreaterThan(0);
  });
});

describe('The wall before Engage Setup has run', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTestTenant({ freshInstall: true });
  });
  afterAll(async () => tenant.close());

  it('shows no post (every member could still write every one) and says setup is missing; after setup it shows them', async () => {
    const operator = persona(tenant, 'operator');
    const wall = (): ReturnType<ReturnType<typeof sharePointRecognitionStores>['wall']['start']> =>
      sharePointRecognitionStores(spAs(tenant, operator), { siteUserId: operator.spUserId, loginName: operator.loginName }).wall.start({}, 20);
    const refused = await wall().then(
      () => undefined,
      (error: unknown) => error
    );
    expect(refused).toMatchObject({ code: 'notSetUp' });
    // Meanwhile a member writes a post of their own straight to the list (SharePoint lets them, until setup).
    const colleague = persona(tenant, 'agencyOperator');
    const forged = await spAs(tenant, operator)
      .web.lists.getByTitle(RECOGNITIONS)
      .items.add({ Title: 'Forged', [`${F.recipient}Id`]: colleague.spUserId, [`${F.giver}Id`]: persona(tenant, 'hr').spUserId, [F.kind]: 'peer', [F.valueKey]: 'safety', [F.message]: 'Forged before setup', [F.siteCode]: 'GOT', [F.visibility]: 'everyone', [F.status]: 'published', [F.clientRequestId]: `forged:${colleague.spUserId}` });
    await secureProductLists(tenant);
    const items = (await wall()).page.items;
    expect(items.length).toBeGreaterThan(0);
    // Only posts the relay wrote are shown: the forged one never is, whatever it claims.
    expect(items.map((item) => item.id)).not.toContain(forged.Id);
    const lastRecognised = await sharePointRecognitionStores(spAs(tenant, operator)).wall.lastRecognised([colleague.spUserId]);
    const forgedRow = await spAs(tenant, persona(tenant, 'hr')).web.lists.getByTitle(RECOGNITIONS).items.getById(forged.Id).select('Created')<{ Created: string }>();
    expect(lastRecognised.get(colleague.spUserId)).not.toBe(forgedRow.Created);
  });
});

describe('The demo plant’s private and crew posts', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTestTenant();
  });
  afterAll(async () => tenant.close());

  it('are readable only by those they are for, as the relay writes them', async () => {
    const hr = persona(tenant, 'hr');
    const rows = await spAs(tenant, hr)
      .web.lists.getByTitle(RECOGNITIONS)
      .items.select('ID', `${F.recipient}Id`, `${F.giver}Id`, F.visibility, 'HasUniqueRoleAssignments')
      .filter(`${F.visibility} eq 'private'`)
      .top(20)<Row[]>();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.HasUniqueRoleAssignments === true)).toBe(true);
    const row = rows[0];
    const outsider = findPerson(
      tenant,
      (p) => !p.isApp && !p.isHr && !p.isSiteOwner && ![row[`${F.recipient}Id`], row[`${F.giver}Id`]].includes(p.spUserId) && tenant.context.directory.bySpUserId(Number(row[`${F.recipient}Id`]))?.managerId !== p.id
    );
    expect(await readableBy(tenant, outsider, [row.ID])).toEqual({ inQuery: [], byId: [] });
    const recipient = tenant.context.directory.bySpUserId(Number(row[`${F.recipient}Id`]));
    if (!recipient) {
      throw new Error('The recipient is not in the directory.');
    }
    expect(await readableBy(tenant, recipient, [row.ID])).toEqual({ inQuery: [row.ID], byId: [row.ID] });
  });
});
