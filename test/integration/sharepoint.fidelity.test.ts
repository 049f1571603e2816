/**
 * Pins the local tenant's SharePoint REST to SharePoint Online's documented behaviour, through
 * the real PnPjs over real HTTP: CRUD, ETag conflicts, batching, paging, the list view
 * threshold, unique columns, item-level security, request digests and throttling retries.
 */
import { HttpRequestError } from '@pnp/queryable';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';

import { PnPSiteListsGateway } from '../../src/connectors/sharepoint/PnPSiteListsGateway';
import { SetupReader } from '../../src/connectors/sharepoint/setupReader';
import { LISTS } from '../../src/core/schema/lists';
import { PRODUCT_LIST_TITLES } from '../../src/core/setup/productLists';
import { type SetupOverview, SetupService } from '../../src/core/setup/setupService';
import type { SqliteSharePointStore } from '../../local/sharepoint/sqliteStore';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { failure } from '../support/failure';
import { persona, requestsDuring, setFaults, spAs, spAsApp, startTestTenant } from '../support/tenant';

const RECOGNITIONS = LISTS.recognitions.title;
const REACTIONS = LISTS.reactions.title;
const PARTICIPATION = LISTS.participation.title;

describe('SharePoint REST of the local tenant, through PnPjs', () => {
  let tenant: RunningTenant;
  let operator: Person;
  let colleague: Person;
  let admin: Person;
  let hr: Person;
  let sp: SPFI;

  beforeAll(async () => {
    // A new install: members still write every list; a test below applies setup.
    tenant = await startTestTenant({ freshInstall: true });
    operator = persona(tenant, 'operator');
    colleague = persona(tenant, 'agencyOperator');
    admin = persona(tenant, 'siteAdmin');
    hr = persona(tenant, 'hr');
    sp = spAs(tenant, operator);
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  function recognition(recipient: Person, message: string): Record<string, unknown> {
    return {
      Title: message.slice(0, 50),
      RecipientId: recipient.spUserId,
      Kind: 'peer',
      ValueKey: 'safety',
      Message: message,
      SiteCode: 'GOT',
      Visibility: 'everyone',
      Status: 'published'
    };
  }

  it('answers the web and the signed-in user', async () => {
    const web = await sp.web.select('Title', 'ServerRelativeUrl')();
    expect(web).toEqual({ Title: 'Shopfloor Engage', ServerRelativeUrl: '/sites/engage' });
    const me = await sp.web.currentUser();
    expect(me.Id).toBe(operator.spUserId);
    expect(me.LoginName).toBe(operator.loginName);
  });

  it('answers the signed-in person\'s effective permissions as SharePoint does, also inside a $batch', async () => {
    expect(await sp.web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);
    expect(await sp.web.currentUserHasPermissions(PermissionKind.AddListItems)).toBe(true);
    const admin = spAs(tenant, persona(tenant, 'siteAdmin'));
    const [batched, execute] = admin.batched();
    const manage = batched.web.currentUserHasPermissions(PermissionKind.ManageLists);
    const full = batched.web.currentUserHasPermissions(PermissionKind.ManagePermissions);
    await execute();
    expect(await manage).toBe(true);
    expect(await full).toBe(true);
    expect(await spAs(tenant, persona(tenant, 'hr')).web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(true);
    expect(await spAs(tenant, persona(tenant, 'hr')).web.currentUserHasPermissions(PermissionKind.ManagePermissions)).toBe(false);
  });

  it('has created every list from sharepoint/assets, with the provisioned rows', async () => {
    const lists = await sp.web.lists.select('Title', 'ItemCount')<Array<{ Title: string; ItemCount: number }>>();
    const titles = lists.map((l) => l.Title);
    for (const title of PRODUCT_LIST_TITLES) {
      expect(titles).toContain(title);
    }
    const values = await sp.web.lists.getByTitle(LISTS.values.title).items.select('ValueKey', 'IsActive').orderBy('SortOrder')();
    expect(values.map((v: { ValueKey: string }) => v.ValueKey)).toHaveLength(5);
    expect(values.every((v: { IsActive: boolean }) => v.IsActive === true)).toBe(true);
  });

  it('creates, reads with an expanded user, updates with an ETag and deletes an item', async () => {
    const list = sp.web.lists.getByTitle(RECOGNITIONS);
    const added = await list.items.add(recognition(colleague, "Caught a loose guard on press 2 before the shift — O'Brien style"));
    expect(added.Id).toBeGreaterThan(0);
    expect(added.AuthorId).toBe(operator.spUserId);

    const read = await list.items
      .getById(added.Id)
      .select('Id', 'Message', 'Recipient/Title', 'Recipient/EMail', 'Author/Title')
      .expand('Recipient', 'Author')<{ Message: string; Recipient: { Title: string; EMail: string }; Author: { Title: string } }>();
    expect(read.Recipient.Title).toBe(colleague.displayName);
    expect(read.Recipient.EMail).toBe(colleague.mail);
    expect(read.Author.Title).toBe(operator.displayName);

    const withTag = await list.items.getById(added.Id)<{ 'odata.etag': string }>();
    await list.items.getById(added.Id).update({ Impact: 'Line kept running' }, withTag['odata.etag']);
    const conflict = await failure(list.items.getById(added.Id).update({ Impact: 'stale write' }, withTag['odata.etag']));
    expect(conflict.status).toBe(412);
    const current = await list.items.getById(added.Id).select('Impact')<{ Impact: string }>();
    expect(current.Impact).toBe('Line kept running');

    await list.items.getById(added.Id).delete();
    const gone = await failure(list.items.getById(added.Id)());
    expect(gone.status).toBe(404);
  });

  it('finds names with apostrophes in OData filters', async () => {
    const list = sp.web.lists.getByTitle(RECOGNITIONS);
    const item = await list.items.add({ ...recognition(colleague, 'Thanks'), Impact: "Kept Seán O'Brien's line running" });
    const found = await list.items.filter(`Impact eq 'Kept Seán O''Brien''s line running'`).select('Id')();
    expect(found.map((f: { Id: number }) => f.Id)).toEqual([item.Id]);
  });

  it('runs a $batch of reads and writes, each with its own result', async () => {
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle(REACTIONS);
    const a = list.items.add({ Title: 'x', RecognitionId: 1, Kind: 'applause', ReactionKey: `batch-a:${operator.spUserId}` });
    const b = list.items.add({ Title: 'y', RecognitionId: 2, Kind: 'applause', ReactionKey: `batch-b:${operator.spUserId}` });
    const values = batched.web.lists.getByTitle(LISTS.values.title).items.select('ValueKey')();
    await execute();
    expect((await a).Id).toBeGreaterThan(0);
    expect((await b).Id).toBeGreaterThan((await a).Id);
    expect(await values).toHaveLength(5);
  });

  it('answers every part after a failed one with 500 IndexOutOfRangeException and runs none of them, as SharePoint Online does', async () => {
    const outcome = (promise: Promise<unknown>): Promise<number | string> =>
      promise.then(
        () => 'resolved',
        (error: unknown) => (error instanceof HttpRequestError ? error.status : 'other')
      );
    const key = `after-failure:${operator.spUserId}`;
    const [batched, execute] = sp.batched();
    const before = batched.web.lists.getByTitle(LISTS.values.title).items.select('ValueKey')();
    const missing = outcome(batched.web.lists.getByTitle('SE_DoesNotExist').items());
    const read = batched.web.lists.getByTitle(LISTS.values.title).items.select('ValueKey')();
    const readError = read.then(() => undefined, (error: unknown) => error);
    const added = outcome(batched.web.lists.getByTitle(REACTIONS).items.add({ Title: 'z', RecognitionId: 3, Kind: 'applause', ReactionKey: key }));
    await execute();
    expect(await before).toHaveLength(5);
    expect(await missing).toBe(404);
    const refused = await readError;
    expect(refused).toBeInstanceOf(HttpRequestError);
    expect((refused as HttpRequestError).status).toBe(500);
    expect((refused as HttpRequestError).message).toContain('System.IndexOutOfRangeException');
    expect((refused as HttpRequestError).message).toContain('Index was outside the bounds of the array.');
    expect(await added).toBe(500);
    // The refused write was not made.
    const stored = await sp.web.lists.getByTitle(REACTIONS).items.filter(`ReactionKey eq '${key}'`).select('Id')();
    expect(stored).toHaveLength(0);
  });

  it('rejects a second item with the same unique key', async () => {
    const list = sp.web.lists.getByTitle(REACTIONS);
    const key = `777:${operator.spUserId}`;
    await list.items.add({ Title: key, RecognitionId: 777, Kind: 'applause', ReactionKey: key });
    const duplicate = await failure(list.items.add({ Title: key, RecognitionId: 777, Kind: 'applause', ReactionKey: key }));
    expect(duplicate.status).toBe(500);
    expect(duplicate.message).toContain('duplicate values were found');
  });

  it('compares unique values and eq filters case-insensitively, as SharePoint does', async () => {
    const list = sp.web.lists.getByTitle(REACTIONS);
    const upper = `DUP:${operator.spUserId}`;
    const lower = `dup:${operator.spUserId}`;
    const first = await list.items.add({ Title: upper, RecognitionId: 778, Kind: 'applause', ReactionKey: upper });
    const duplicate = await failure(list.items.add({ Title: lower, RecognitionId: 778, Kind: 'applause', ReactionKey: lower }));
    expect(duplicate.status).toBe(500);
    expect(duplicate.message).toContain('duplicate values were found');
    const found = await list.items.filter(`ReactionKey eq '${lower}'`).select('Id', 'ReactionKey')();
    expect(found).toEqual([expect.objectContaining({ Id: first.Id, ReactionKey: upper })]);
    const other = await list.items.filter(`ReactionKey ne '${lower}' and RecognitionId eq 778`).select('Id')();
    expect(other).toEqual([]);
  });

  it('pages with $top and odata.nextLink until every item is read', async () => {
    const list = sp.web.lists.getByTitle(REACTIONS);
    const all = await list.items.select('Id').top(5000)();
    const seen: number[] = [];
    for await (const page of list.items.select('Id').top(7)) {
      expect(page.length).toBeLessThanOrEqual(7);
      seen.push(...page.map((i: { Id: number }) => i.Id));
    }
    expect(seen).toEqual(all.map((i: { Id: number }) => i.Id));
    expect(seen.length).toBeGreaterThan(7);
  });

  describe('on a list over the 5,000-item view threshold', () => {
    beforeAll(() => {
      // 5,300 more items: 5,200 at GOT (over the threshold on its own), 100 at a site code of its own.
      const store = tenant.context.sp as SqliteSharePointStore;
      const rows = Array.from({ length: 5300 }, (_, i) => ({
        ...recognition(colleague, `Bulk ${i}`),
        SiteCode: i < 5200 ? 'GOT' : 'BULK',
        LineCode: `L${i % 40}`
      }));
      store.addItems(RECOGNITIONS, rows, { authorId: operator.spUserId });
    });

    it('refuses a filter that does not start with an indexed column', async () => {
      const error = await failure(sp.web.lists.getByTitle(RECOGNITIONS).items.filter("Impact eq 'x'").top(10)());
      expect(error.status).toBe(500);
      expect(error.message).toContain('exceeds the list view threshold');
    });

    it('refuses an indexed filter that still matches more than 5,000 items', async () => {
      const error = await failure(sp.web.lists.getByTitle(RECOGNITIONS).items.filter("SiteCode eq 'GOT'").top(10)());
      expect(error.message).toContain('exceeds the list view threshold');
    });

    it('answers an indexed filter under the threshold, and paging by ID', async () => {
      const items = await sp.web.lists.getByTitle(RECOGNITIONS).items.filter("LineCode eq 'L7' and Impact eq null").select('Id', 'LineCode').top(50)();
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i: { LineCode: string }) => i.LineCode === 'L7')).toBe(true);
      const newest = await sp.web.lists.getByTitle(RECOGNITIONS).items.select('Id').orderBy('ID', false).top(30)();
      expect(newest).toHaveLength(30);
    });

    it('refuses sorting on a column without an index', async () => {
      const error = await failure(sp.web.lists.getByTitle(RECOGNITIONS).items.orderBy('Message').top(10)());
      expect(error.message).toContain('exceeds the list view threshold');
    });
  });

  describe('item-level security applied by the setup service', () => {
    it('lets a site admin secure the lists, and then hides other people\'s participation', async () => {
      const setup = new SetupService(new PnPSiteListsGateway(spAs(tenant, admin)), PRODUCT_LIST_TITLES);
      const before = await setup.check();
      expect(before.every((c) => c.status !== 'missing')).toBe(true);
      const results = await setup.secure(before);
      expect(results.every((r) => r.ok)).toBe(true);
      expect((await setup.check()).every((c) => c.status === 'ok')).toBe(true);

      // Only the relay records participation: a member's own record is refused…
      const forged = await failure(
        sp.web.lists.getByTitle(PARTICIPATION).items.add({ Title: 'p', RoundId: 991, ParticipantId: operator.spUserId, ParticipationKey: `991:${operator.spUserId}`, Status: 'counted' })
      );
      expect(forged.status).toBe(403);
      // …and the relay's records are hidden from members, shown to HR.
      const mine = await (await spAsApp(tenant)).web.lists.getByTitle(PARTICIPATION).items.add({
        Title: 'p',
        RoundId: 991,
        ParticipantId: operator.spUserId,
        ParticipationKey: `991:${operator.spUserId}`,
        Status: 'counted'
      });
      const theirs = spAs(tenant, colleague);
      const seenByColleague = await theirs.web.lists.getByTitle(PARTICIPATION).items.filter('RoundId eq 991').select('Id')();
      expect(seenByColleague).toEqual([]);
      const seenByHr = await spAs(tenant, hr).web.lists.getByTitle(PARTICIPATION).items.filter('RoundId eq 991').select('Id')();
      expect(seenByHr.map((i: { Id: number }) => i.Id)).toEqual([mine.Id]);
      const denied = await failure(theirs.web.lists.getByTitle(PARTICIPATION).items.getById(mine.Id).update({ Title: 'mine now' }));
      expect(denied.status).toBe(404);
    });

    it('reads every list after a missing one: SharePoint refuses the parts after a 404, so those are read again', async () => {
      const titles = [LISTS.values.title, 'SE_DoesNotExist', RECOGNITIONS, REACTIONS];
      const states = await new PnPSiteListsGateway(spAs(tenant, admin)).readLists(titles);
      expect(states.map((s) => [s.title, s.exists])).toEqual([
        [LISTS.values.title, true],
        ['SE_DoesNotExist', false],
        [RECOGNITIONS, true],
        [REACTIONS, true]
      ]);
      let overview: SetupOverview | undefined;
      const requests = await requestsDuring(tenant, 'sharepoint', async () => {
        overview = await new SetupReader(spAs(tenant, admin), ['SE_DoesNotExist', ...PRODUCT_LIST_TITLES]).read();
      });
      expect(overview?.canManageLists).toBe(true);
      expect(overview?.checks.map((c) => c.status === 'missing')).toEqual([true, ...PRODUCT_LIST_TITLES.map(() => false)]);
      // The first batch (PnPjs sends at most 20 requests in one $batch: the rights and 20 lists
      // go in two), then the lists refused after the missing one, together.
      expect(requests).toBe(Math.ceil((1 + 1 + PRODUCT_LIST_TITLES.length) / 20) + 1);
    });

    it('tells an operator who tries to secure the lists that access is denied', async () => {
      const setup = new SetupService(new PnPSiteListsGateway(sp), [LISTS.values.title]);
      const gateway = new PnPSiteListsGateway(sp);
      await expect(gateway.applySecurity(LISTS.values.title, { read: 1, write: 4 })).rejects.toMatchObject({ code: 'accessDenied' });
      expect((await setup.check())[0].status).toBe('ok');
    });
  });

  it('requires a request digest for writes outside PnPjs', async () => {
    const response = await fetch(`${tenant.siteUrl}/_api/web/lists/getByTitle('${REACTIONS}')/items`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-local-user': operator.userPrincipalName },
      body: JSON.stringify({ Title: 'no digest' })
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { 'odata.error': { message: { value: string } } };
    expect(body['odata.error'].message.value).toContain('security validation');
  });

  it('retries a throttled request after Retry-After and succeeds', async () => {
    await setFaults(tenant, { throttleNext: 1, retryAfterSeconds: 1, pathFilter: `getByTitle('${LISTS.settings.title}')` });
    await fetch(`${tenant.origin}/_local/stats`, { method: 'POST' });
    const settings = await sp.web.lists.getByTitle(LISTS.settings.title).items.select('Key')();
    expect(settings.length).toBeGreaterThanOrEqual(2);
    const stats = (await (await fetch(`${tenant.origin}/_local/stats`)).json()) as { requests: number };
    expect(stats.requests).toBe(2);
    await setFaults(tenant, { throttleNext: 0, pathFilter: '' });
  });
});
