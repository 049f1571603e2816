/**
 * Reporting through the relay, over real HTTP against the local tenant: the page's client
 * (RelayModeration) with the person's bearer token → the relay (the same handler as in Azure
 * Functions, checking the token with jose) → SharePoint REST with the relay's app-only token
 * from the emulated managed identity endpoint. A reported post leaves every wall at once, the
 * post's author cannot learn who reported it, and HR's decision puts it back or removes it.
 */
import { type AadFetchFactory, RelayModeration } from '../../src/connectors/relay/relayModeration';
import { relaySettingsOf } from '../../src/connectors/relay/relaySettings';
import { sharePointRecognitionStores, type SharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import { RecognitionStoreError } from '../../src/core/recognition/ports';
import { RELAY_RESOURCE } from '../../local/server/authority';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { giveAs, persona, secureProductLists, setFaults, spAs, startTestTenant, tokenFor } from '../support/tenant';

describe('moderation through the relay', () => {
  let tenant: RunningTenant;
  let operator: Person;
  let colleague: Person;
  let leader: Person;
  let hr: Person;
  /** The tenant's clock runs this far ahead; each test starts an hour later (fresh rate limits). */
  let ahead = 0;
  const storesAs = (p: Person): SharePointRecognitionStores => sharePointRecognitionStores(spAs(tenant, p));

  /** What AadHttpClient does in SharePoint: the person's token for the relay on every call. */
  const aadFetchAs =
    (person: Person): AadFetchFactory =>
    async (resource) => {
      const token = await tokenFor(tenant, person, resource);
      return (url, init) => fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    };

  const moderationAs = (person: Person, aadFetch: AadFetchFactory | undefined = aadFetchAs(person)): RelayModeration =>
    new RelayModeration({
      settings: relaySettingsOf(spAs(tenant, person)),
      aadFetch,
      fallback: storesAs(person).moderation,
      siteOrigin: tenant.origin,
      sleep: async () => undefined
    });

  const give = async (from: Person, to: Person, message: string, requestId: string): Promise<number> => (await giveAs(tenant, from, to, message, requestId))[0];

  async function statusOf(id: number): Promise<string> {
    const row = await spAs(tenant, hr).web.lists.getByTitle('SE_Recognitions').items.getById(id).select('Status')<{ Status: string }>();
    return row.Status;
  }

  const onWallOf = async (reader: Person, id: number): Promise<boolean> => (await storesAs(reader).wall.page({}, 30)).items.some((i) => i.id === id);

  async function relay(path: string, init: RequestInit): Promise<Response> {
    return fetch(`${tenant.origin}/relay/api${path}`, init);
  }

  beforeAll(async () => {
    tenant = await startTestTenant({ now: () => new Date(Date.now() + ahead) });
    operator = persona(tenant, 'operator');
    colleague = persona(tenant, 'agencyOperator');
    leader = persona(tenant, 'teamLeader');
    hr = persona(tenant, 'hr');
    // Item-level security as the setup page applies it (reports readable by their author and HR only).
    await secureProductLists(tenant);
  }, 60_000);

  beforeEach(() => {
    ahead += 3600_000;
  });

  afterAll(async () => {
    await tenant?.close();
  });

  it('takes a reported post off every wall at once, and the author cannot learn who reported it', async () => {
    const id = await give(operator, colleague, "Thanks for covering Seán's shift", 'relay-1');
    expect(await onWallOf(leader, id)).toBe(true);

    await expect(moderationAs(leader).report(id, 'Names a customer <b>Acme</b>')).resolves.toBe('hiddenForEveryone');

    expect(await statusOf(id)).toBe('reported');
    expect(await onWallOf(colleague, id)).toBe(false);
    expect(await onWallOf(operator, id)).toBe(false);
    // The author of the post reads SE_Reports and finds nothing about it.
    const seenByAuthor = await spAs(tenant, operator).web.lists.getByTitle('SE_Reports').items.filter(`RecognitionId eq ${id}`)();
    expect(seenByAuthor).toEqual([]);
    // HR sees who reported, written by the relay's identity.
    const rows = await spAs(tenant, hr)
      .web.lists.getByTitle('SE_Reports')
      .items.select('Reason', 'Author/Title', 'Reporter/Id')
      .expand('Author', 'Reporter')
      .filter(`RecognitionId eq ${id}`)<Array<{ Reason: string; Author: { Title: string }; Reporter: { Id: number } }>>();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Reason: 'Names a customer <b>Acme</b>', Author: { Title: 'Shopfloor Engage relay' }, Reporter: { Id: leader.spUserId } });
    const queued = (await storesAs(hr).moderation.openReports()).find((q) => q.recognition.id === id);
    expect(queued).toMatchObject({ reason: 'Names a customer <b>Acme</b>', reporter: { id: leader.spUserId, displayName: leader.displayName } });
  });

  it('records one report per person, and a second person\'s report joins the same decision', async () => {
    const id = await give(operator, colleague, 'Kept line 2 running through the night', 'relay-2');
    await moderationAs(leader).report(id, 'Wrong person');
    await moderationAs(leader).report(id, 'Wrong person, again');
    await moderationAs(colleague).report(id, 'That was not me');
    const open = (await storesAs(hr).moderation.openReports()).filter((q) => q.recognition.id === id);
    expect(open.map((q) => q.reporter.id).sort()).toEqual([leader.spUserId, colleague.spUserId].sort());

    // Dismissing decides every open report of the post and puts it back on the wall.
    await storesAs(hr).moderation.decide(open[0].reportId, 'dismissed', 'Checked with the crew: it was right');
    expect(await statusOf(id)).toBe('published');
    expect(await onWallOf(operator, id)).toBe(true);
    expect((await storesAs(hr).moderation.openReports()).filter((q) => q.recognition.id === id)).toEqual([]);
  });

  it('removes the post for good when HR upholds the report', async () => {
    const id = await give(operator, colleague, 'Post HR will remove', 'relay-3');
    await moderationAs(leader).report(id, 'Private matter');
    const item = (await storesAs(hr).moderation.openReports()).find((q) => q.recognition.id === id);
    await storesAs(hr).moderation.decide(item!.reportId, 'upheld', 'Removed after talking to both');
    expect(await statusOf(id)).toBe('removed');
    expect(await onWallOf(leader, id)).toBe(false);
    await expect(moderationAs(colleague).report(id, 'late')).rejects.toMatchObject({ code: 'notFound' });
  });

  it('asks a busy relay again, and does not lose the report', async () => {
    const id = await give(operator, colleague, 'Spotted the loose guard rail', 'relay-4');
    await setFaults(tenant, { throttleNext: 1, pathFilter: '/relay/' });
    try {
      await expect(moderationAs(leader).report(id, 'Duplicate post')).resolves.toBe('hiddenForEveryone');
    } finally {
      await setFaults(tenant, { throttleNext: 0, pathFilter: '' });
    }
    expect(await statusOf(id)).toBe('reported');
  });

  it('without a token for the relay, reports as the person: hidden for them only, HR still gets it', async () => {
    const id = await give(operator, colleague, 'Fallback post', 'relay-5');
    const refused: AadFetchFactory = async () => {
      throw new Error('AADSTS65001: The user or administrator has not consented to use the application');
    };
    await expect(moderationAs(leader, refused).report(id, 'Names a customer')).resolves.toBe('hiddenForReporter');
    expect(await statusOf(id)).toBe('published');
    expect(await onWallOf(leader, id)).toBe(false);
    expect(await onWallOf(colleague, id)).toBe(true);
    expect((await storesAs(hr).moderation.openReports()).find((q) => q.recognition.id === id)).toMatchObject({ reporter: { id: leader.spUserId } });
  });

  it('lets nobody report a post they cannot read, and answers as if it did not exist', async () => {
    const id = await give(operator, colleague, 'Post a stranger tries to hide', 'relay-6');
    // A valid token of someone who is no user of the engagement site (another tenant's guest, say).
    const stranger = { ...leader, id: 'f0f0f0f0-0000-4000-8000-000000000001', userPrincipalName: 'stranger@elsewhere.example', displayName: 'Stranger' };
    const token = await tenant.context.authority!.userToken(stranger, RELAY_RESOURCE);
    const answer = await relay('/reports', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ recognitionId: id, reason: 'hide it' }) });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ error: { code: 'notFound', message: 'The recognition is not on the wall.' } });
    expect(await statusOf(id)).toBe('published');
    expect(tenant.context.directory.byLogin('stranger@elsewhere.example')).toBeUndefined();
  });

  it('opens a report again when the same person reports a post HR had put back', async () => {
    const id = await give(operator, colleague, 'Post reported twice', 'relay-7');
    await moderationAs(leader).report(id, 'First worry');
    const first = (await storesAs(hr).moderation.openReports()).find((q) => q.recognition.id === id)!;
    await storesAs(hr).moderation.decide(first.reportId, 'dismissed', 'Fine');
    expect(await statusOf(id)).toBe('published');
    await expect(moderationAs(leader).report(id, 'A new worry')).resolves.toBe('sentToHr');
    expect(await statusOf(id)).toBe('published');
    const again = (await storesAs(hr).moderation.openReports()).filter((q) => q.recognition.id === id);
    expect(again).toEqual([expect.objectContaining({ reason: 'A new worry', reporter: expect.objectContaining({ id: leader.spUserId }) })]);
  });

  it('does not take a reporter\'s name from a report someone else wrote', async () => {
    const id = await give(leader, colleague, 'Post with forged reports', 'relay-8');
    const reports = spAs(tenant, operator).web.lists.getByTitle('SE_Reports');
    // The operator writes a report claiming the HR colleague reported it…
    await reports.items.add({ Title: 'x', RecognitionId: id, Reason: 'Forged', Status: 'open', ReportKey: `${id}:${operator.spUserId}`, ReporterId: hr.spUserId });
    // …and another under the agency colleague's key, to swallow their real report.
    await reports.items.add({ Title: 'y', RecognitionId: id, Reason: 'Squatted', Status: 'open', ReportKey: `${id}:${colleague.spUserId}`, ReporterId: colleague.spUserId });
    await moderationAs(colleague).report(id, 'The real concern');
    const queue = (await storesAs(hr).moderation.openReports()).filter((q) => q.recognition.id === id);
    const byReason = new Map(queue.map((q) => [q.reason, q.reporter.id]));
    expect(byReason.get('Forged')).toBe(operator.spUserId);
    expect(byReason.get('The real concern')).toBe(colleague.spUserId);
    expect(byReason.has('Squatted')).toBe(false);
  });

  it('refuses callers without a valid token for the relay, and bad reports', async () => {
    const body = JSON.stringify({ recognitionId: 1, reason: 'x' });
    const headers = { 'content-type': 'application/json' };
    expect((await relay('/reports', { method: 'POST', headers, body })).status).toBe(401);
    const forGraph = await tokenFor(tenant, leader, 'https://graph.microsoft.com');
    expect((await relay('/reports', { method: 'POST', headers: { ...headers, authorization: `Bearer ${forGraph}` }, body })).status).toBe(401);
    const token = await tokenFor(tenant, leader);
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect((await relay('/reports', { method: 'POST', headers: { ...headers, authorization: `Bearer ${tampered}` }, body })).status).toBe(401);
    const auth = { ...headers, authorization: `Bearer ${token}` };
    const bad = await relay('/reports', { method: 'POST', headers: auth, body: JSON.stringify({ recognitionId: 1, reason: '   ' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalidInput', field: 'reasonEmpty' } });
    expect((await relay('/reports', { method: 'POST', headers: auth, body: '{' })).status).toBe(400);
    expect((await relay('/reports', { method: 'POST', headers: auth, body: JSON.stringify({ recognitionId: 99999999, reason: 'x' }) })).status).toBe(404);
    // A user token is no way into SharePoint, not even one for SharePoint: only the relay's app identity is.
    for (const userToken of [token, await tokenFor(tenant, leader, tenant.origin)]) {
      const intoSharePoint = await fetch(`${tenant.siteUrl}/_api/web/lists/getByTitle('SE_Reports')/items`, { headers: { accept: 'application/json', authorization: `Bearer ${userToken}` } });
      expect(intoSharePoint.status).toBe(401);
    }
    await expect(moderationAs(leader).report(99999999, 'gone')).rejects.toBeInstanceOf(RecognitionStoreError);
  });
});
