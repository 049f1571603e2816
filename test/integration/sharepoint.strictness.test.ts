/**
 * The local tenant is as strict as SharePoint Online where SharePoint is stricter than a plain
 * OData service, and stricter where the sources are silent; each kinder behaviour sits behind
 * `LOCAL_TENANT_LENIENT` (docs/local-tenant.md, "Strictness and its switches"). Each test shows
 * the strict answer and, switched, the kind one, so it fails if the kind one comes back.
 */
import { InjectHeaders } from '@pnp/queryable';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { sharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import { LISTS } from '../../src/core/schema/lists';
import type { SqliteSharePointStore } from '../../local/sharepoint/sqliteStore';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { failure } from '../support/failure';
import { giveAs, leniently, persona, requestsDuring, secureProductLists, spAs, startTestTenant } from '../support/tenant';

const RECOGNITIONS = LISTS.recognitions.title;


describe('The local tenant is as strict as SharePoint', () => {
  let tenant: RunningTenant;
  let operator: Person;
  let colleague: Person;
  let hr: Person;
  let sp: SPFI;

  beforeAll(async () => {
    tenant = await startTestTenant();
    operator = persona(tenant, 'operator');
    colleague = persona(tenant, 'agencyOperator');
    hr = persona(tenant, 'hr');
    sp = spAs(tenant, operator);
    await secureProductLists(tenant);
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  describe('$filter functions', () => {
    it('refuses contains, which SharePoint\'s REST service (OData v3) does not list, and answers substringof', async () => {
      const query = (): Promise<unknown> => sp.web.lists.getByTitle(RECOGNITIONS).items.filter("contains(Title,'x')").top(1)();
      const error = await failure(query());
      expect(error.status).toBe(400);
      expect(error.message).toContain('The function \\"contains\\" is not supported.');
      await expect(leniently('contains', query)).resolves.toBeDefined();
      await expect(sp.web.lists.getByTitle(RECOGNITIONS).items.filter("substringof('x',Title)").top(1)()).resolves.toBeDefined();
    });

    it('refuses endswith, which SharePoint documents as not supported', async () => {
      const query = (): Promise<unknown> => sp.web.lists.getByTitle(RECOGNITIONS).items.filter("endswith(Title,'x')").top(1)();
      const error = await failure(query());
      expect(error.status).toBe(400);
      await expect(leniently('endswith', query)).resolves.toBeDefined();
    });

    it('answers year(), month() and day() on a date-time column, as documented', async () => {
      const [id] = await giveAs(tenant, operator, colleague, 'Dated recognition', 'req-strict-dated');
      const stored = await sp.web.lists.getByTitle(RECOGNITIONS).items.getById(id).select('Created')();
      const created = new Date(stored.Created);
      const filter = `ID eq ${id} and year(Created) eq ${created.getUTCFullYear()} and month(Created) eq ${created.getUTCMonth() + 1} and day(Created) eq ${created.getUTCDate()}`;
      const items = await sp.web.lists.getByTitle(RECOGNITIONS).items.filter(filter).select('Id')();
      expect(items.map((i: { Id: number }) => i.Id)).toEqual([id]);
      const none = await sp.web.lists.getByTitle(RECOGNITIONS).items.filter(`ID eq ${id} and year(Created) eq 1999`).select('Id')();
      expect(none).toEqual([]);
    });
  });

  describe('the type named in a create or update body', () => {
    const TYPE = 'SP.Data.SE_x005f_RecognitionsListItem';
    // After setup only the relay and HR (Override List Behaviors) write posts.
    const asHr = (): SPFI => spAs(tenant, hr);
    const body = (extra: Record<string, unknown>): Record<string, unknown> => ({
      Title: 'Typed',
      RecipientId: colleague.spUserId,
      Kind: 'peer',
      ValueKey: 'safety',
      Message: 'Typed body',
      SiteCode: 'GOT',
      Visibility: 'everyone',
      Status: 'published',
      ...extra
    });

    it('refuses __metadata in a JSON light body, as an unknown property', async () => {
      const add = (): Promise<unknown> => asHr().web.lists.getByTitle(RECOGNITIONS).items.add(body({ __metadata: { type: TYPE } }));
      const error = await failure(add());
      expect(error.status).toBe(400);
      expect(error.message).toContain("The property '__metadata' does not exist");
      await expect(leniently('body-type', add)).resolves.toBeDefined();
    });

    it('refuses an odata.type or a verbose __metadata type that is not the list item type', async () => {
      const wrong = (): Promise<unknown> => asHr().web.lists.getByTitle(RECOGNITIONS).items.add(body({ 'odata.type': 'SP.Data.SE_x005f_ValuesListItem' }));
      const error = await failure(wrong());
      expect(error.status).toBe(400);
      expect(error.message).toContain("A type named 'SP.Data.SE_x005f_ValuesListItem' could not be resolved by the model");
      await expect(leniently('body-type', wrong)).resolves.toBeDefined();
      await expect(asHr().web.lists.getByTitle(RECOGNITIONS).items.add(body({ 'odata.type': TYPE }))).resolves.toBeDefined();
      const verbose = asHr().using(InjectHeaders({ 'Content-Type': 'application/json;odata=verbose' }));
      const verboseError = await failure(verbose.web.lists.getByTitle(RECOGNITIONS).items.add(body({ __metadata: { type: 'SP.Data.WrongListItem' } })));
      expect(verboseError.status).toBe(400);
      await expect(verbose.web.lists.getByTitle(RECOGNITIONS).items.add(body({ __metadata: { type: TYPE } }))).resolves.toBeDefined();
    });
  });

  it('answers a duplicate value in SharePoint\'s words', async () => {
    const reactions = sp.web.lists.getByTitle(LISTS.reactions.title).items;
    const reaction = { Title: 'strict:dup-key', RecognitionId: 1, Kind: 'applause', ReactionKey: 'strict:dup-key' };
    await reactions.add(reaction);
    const error = await failure(reactions.add(reaction));
    expect(error.status).toBe(500);
    expect(error.message).toContain('"value":"The list item could not be added or updated because duplicate values were found in one or more fields in the list."');
  });

  it('names the site in the missing-list answer, as SharePoint does', async () => {
    const error = await failure(sp.web.lists.getByTitle('No such list').items.top(1)());
    expect(error.status).toBe(404);
    expect(error.message).toContain(`"value":"List 'No such list' does not exist at site with URL '${tenant.siteUrl}'."`);
  });

  it('writes each $batch part\'s status line with its reason phrase', async () => {
    const [batched, execute] = sp.batched();
    const missing = batched.web.lists.getByTitle(RECOGNITIONS).items.getById(99_999_999)();
    missing.catch(() => undefined);
    await execute();
    const error = await failure(missing);
    expect(error.status).toBe(404);
    expect(error.message).toContain('[404] Not Found');
  });

  describe('on a list over the 5,000-item view threshold', () => {
    let reported: number;

    beforeAll(async () => {
      [reported] = await giveAs(tenant, operator, colleague, 'Post reported on a large list', 'req-strict-report');
      await sharePointRecognitionStores(spAs(tenant, persona(tenant, 'teamLeader'))).moderation.report(reported, 'Off topic');
      (tenant.context.sp as SqliteSharePointStore).fillWithSql(
        RECOGNITIONS,
        6_000,
        {
          Title: "'Bulk ' || n",
          Recipient: String(colleague.spUserId),
          Kind: "'peer'",
          ValueKey: "'safety'",
          Message: "'Recognition ' || n",
          SiteCode: "'GOT'",
          LineCode: "'L' || (n % 4)",
          Visibility: "'everyone'",
          Status: "'published'",
          ClientRequestId: "'strict:' || n",
          Giver: String(operator.spUserId)
        },
        // Written by the relay, as every post is.
        tenant.context.directory.all().find((p) => p.isApp === true)?.spUserId ?? 0
      );
    }, 60_000);

    const items = (): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] => sp.web.lists.getByTitle(RECOGNITIONS).items;

    it('refuses a filter with or, even when it starts on an indexed column', async () => {
      const query = (): Promise<unknown> => items().filter("ID eq 1 or Kind eq 'peer'").select('Id').top(5)();
      const error = await failure(query());
      expect(error.status).toBe(500);
      expect(error.message).toContain('exceeds the list view threshold');
      await expect(leniently('large-list-or-not', query)).resolves.toHaveLength(5);
    });

    it('refuses a filter with not', async () => {
      const query = (): Promise<unknown> => items().filter("ID le 3 and not (LineCode eq 'x')").select('Id').top(5)();
      const error = await failure(query());
      expect(error.message).toContain('exceeds the list view threshold');
      await expect(leniently('large-list-or-not', query)).resolves.toHaveLength(3);
    });

    it('refuses a $top over 5,000 instead of cutting it', async () => {
      const query = (): Promise<unknown[]> => items().select('Id').top(6000)();
      const error = await failure(query());
      expect(error.message).toContain('exceeds the list view threshold');
      await expect(leniently('large-list-top', query)).resolves.toHaveLength(5000);
      await expect(items().select('Id').top(5000)()).resolves.toHaveLength(5000);
    });

    it('still gives HR the moderation queue, one query per reported post in one batch', async () => {
      const stores = sharePointRecognitionStores(spAs(tenant, hr));
      let queue: Awaited<ReturnType<typeof stores.moderation.openReports>> = [];
      const requests = await requestsDuring(tenant, 'sharepoint', async () => {
        queue = await stores.moderation.openReports();
      });
      expect(queue.map((q) => q.recognition.id)).toContain(reported);
      // The reports, then one batch for up to 50 posts.
      expect(requests).toBe(2);
    });
  });
});
