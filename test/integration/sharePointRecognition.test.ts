/**
 * The recognition adapters through the real PnPjs over HTTP against the local tenant: giving
 * (idempotent), the wall (one request for the first page of a million items, no threshold
 * error, windows when a filter is too wide), reactions under concurrency, reports and HR's
 * decisions, values, the wall preference.
 */
import { sharePointRecognitionStores, type SharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import type { RecipientRef } from '../../src/core/recognition/compose';
import type { PersonProfile } from '../../src/core/people/types';
import { RecognitionStoreError } from '../../src/core/recognition/ports';
import type { SqliteSharePointStore } from '../../local/sharepoint/sqliteStore';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { giveAs, persona, requestsDuring, secureProductLists, spAs, startTestTenant } from '../support/tenant';

describe('The SharePoint recognition adapters against the local tenant', () => {
  let tenant: RunningTenant;
  let operator: Person;
  let colleague: Person;
  let leader: Person;
  let hr: Person;
  const storesAs = (p: Person): SharePointRecognitionStores => sharePointRecognitionStores(spAs(tenant, p));

  const give = (from: Person, to: Person, message: string, requestId: string, extra: Partial<RecipientRef> = {}): Promise<number[]> =>
    giveAs(tenant, from, to, message, requestId, extra);

  beforeAll(async () => {
    tenant = await startTestTenant();
    operator = persona(tenant, 'operator');
    colleague = persona(tenant, 'agencyOperator');
    leader = persona(tenant, 'teamLeader');
    hr = persona(tenant, 'hr');
    await secureProductLists(tenant);
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  it('gives a recognition that colleagues see first on the wall, and a resend stores it once', async () => {
    const [id] = await give(operator, colleague, "Caught the misaligned pallet before it reached Seán's line", 'req-wall-1');
    const again = await give(operator, colleague, "Caught the misaligned pallet before it reached Seán's line", 'req-wall-1');
    expect(again).toEqual([id]);
    const page = await storesAs(leader).wall.page({}, 10);
    expect(page.items[0]).toMatchObject({ id, giver: { id: operator.spUserId }, recipient: { id: colleague.spUserId, displayName: colleague.displayName } });
    expect(page.items.filter((i) => i.id === id)).toHaveLength(1);
  });

  it('filters by a crew whose name has an apostrophe', async () => {
    const [id] = await give(operator, colleague, 'Great handover', 'req-crew-1', { crewKey: "GOT O'Brien crew" });
    const page = await storesAs(leader).wall.page({ crewKey: "GOT O'Brien crew" }, 10);
    expect(page.items.map((i) => i.id)).toEqual([id]);
  });

  it('keeps one reaction per person and loses none when 50 people react at once', async () => {
    const [id] = await give(operator, colleague, 'Zero defects for 30 days', 'req-react-1');
    const people = tenant.context.directory.all().filter((p) => !p.isApp).slice(0, 50);
    await Promise.all(people.map((p) => storesAs(p).reactions.react(id, 'applause')));
    await Promise.all([storesAs(operator).reactions.react(id, 'heart'), storesAs(operator).reactions.react(id, 'heart')]);
    const summary = (await storesAs(operator).wall.reactions([id])).get(id);
    const total = Object.values(summary?.counts ?? {}).reduce((a, b) => a + (b ?? 0), 0);
    expect(total).toBe(new Set([...people.map((p) => p.id), operator.id]).size);
    expect(summary?.mine).toBe('heart');
    await storesAs(operator).reactions.react(id, undefined);
    expect((await storesAs(operator).wall.reactions([id])).get(id)?.mine).toBeUndefined();
  });

  it('hides a reported post from the reporter until HR decides, then HR removes or restores it', async () => {
    const [id] = await give(operator, colleague, 'Post to be reported', 'req-report-1');
    await storesAs(leader).moderation.report(id, 'Names a customer');
    expect((await storesAs(leader).wall.page({}, 20)).items.map((i) => i.id)).not.toContain(id);
    const queue = await storesAs(hr).moderation.openReports();
    const item = queue.find((q) => q.recognition.id === id);
    expect(item).toMatchObject({ reason: 'Names a customer', reporter: { id: leader.spUserId } });
    await storesAs(hr).moderation.decide(item!.reportId, 'upheld', 'Customer name removed from the wall');
    expect((await storesAs(colleague).wall.page({}, 20)).items.map((i) => i.id)).not.toContain(id);
    expect((await storesAs(hr).moderation.openReports()).map((q) => q.reportId)).not.toContain(item!.reportId);
  });

  it('refuses a value change by an operator and accepts HR\'s', async () => {
    const values = await storesAs(hr).values.values();
    const safety = values.find((v) => v.valueKey === 'safety')!;
    const draft = { ...safety, translations: { ...safety.translations, 'nl-nl': { name: 'Veilig werken', description: 'Veilig werken' } } };
    await expect(storesAs(operator).values.save(draft, safety.id)).rejects.toMatchObject({ code: 'accessDenied' });
    await storesAs(hr).values.save(draft, safety.id);
    expect((await storesAs(operator).values.values()).find((v) => v.id === safety.id)?.translations['nl-nl']?.name).toBe('Veilig werken');
  });

  it('remembers that a person keeps recognitions of themselves off the public wall', async () => {
    // The seeded history picks, by date, whose preferences it stores: start from the operator showing.
    await storesAs(operator).preferences.setHideFromPublicWall(false);
    await storesAs(colleague).preferences.setHideFromPublicWall(true);
    expect(await storesAs(colleague).preferences.hideFromPublicWall()).toBe(true);
    expect(await storesAs(leader).wall.hiddenFromPublicWall([colleague.spUserId, operator.spUserId])).toEqual(new Set([colleague.spUserId]));
    await storesAs(colleague).preferences.setHideFromPublicWall(false);
    expect(await storesAs(colleague).preferences.hideFromPublicWall()).toBe(false);
  });

  it('tells when each crew member was last recognised', async () => {
    const last = await storesAs(leader).wall.lastRecognised([colleague.spUserId, operator.spUserId]);
    expect(last.get(colleague.spUserId)).toBeDefined();
  });

  it('sends reads started together as one batch', async () => {
    const stores = storesAs(colleague);
    let reads: [Awaited<ReturnType<SharePointRecognitionStores['values']['values']>>, number, Set<number>] | undefined;
    const requests = await requestsDuring(tenant, 'sharepoint', async () => {
      reads = await Promise.all([stores.values.values(), stores.recipients.currentUserId(), stores.wall.hiddenFromPublicWall([operator.spUserId])]);
    });
    expect(reads![0].length).toBeGreaterThanOrEqual(5);
    expect(reads![1]).toBe(colleague.spUserId);
    expect(requests).toBe(1);
  });

  it('starts the wall in one request: values, first page, opt-outs and my own choice', async () => {
    await give(operator, colleague, 'Kept the press running through the night', 'req-start-1');
    await storesAs(leader).preferences.setHideFromPublicWall(true);
    try {
      // The page context tells the store who reads: no request to ask SharePoint.
      const { wall } = sharePointRecognitionStores(spAs(tenant, leader), { siteUserId: leader.spUserId, loginName: leader.loginName });
      let start: Awaited<ReturnType<SharePointRecognitionStores['wall']['start']>> | undefined;
      const requests = await requestsDuring(tenant, 'sharepoint', async () => {
        start = await wall.start({}, 5);
      });
      expect(requests).toBe(1);
      expect(start!.values.map((v) => v.valueKey)).toContain('safety');
      expect(start!.page.items).toHaveLength(5);
      expect(start!.page.items[0].message).toBe('Kept the press running through the night');
      expect(start!.page.cursor).toBeDefined();
      expect(start!.hiddenFromPublicWall.has(leader.spUserId)).toBe(true);
      expect(start!.hideMe).toBe(true);
      expect(start!.plant.sites.map((site) => site.code)).toEqual(expect.arrayContaining(['GOT', 'EIN']));
      // Reactions of the page and a reaction of my own: one more request, nothing asked about me.
      const more = await requestsDuring(tenant, 'sharepoint', async () => {
        await wall.reactions(start!.page.items.map((i) => i.id));
      });
      expect(more).toBe(1);
    } finally {
      await storesAs(leader).preferences.setHideFromPublicWall(false);
    }
  });

  it('ensures the site users of a whole crew in one request, and says who the directory lost', async () => {
    const { recipients } = sharePointRecognitionStores(spAs(tenant, leader), { siteUserId: leader.spUserId, loginName: leader.loginName });
    const profile = (p: Person): PersonProfile => ({ id: p.id, displayName: p.displayName, userPrincipalName: p.userPrincipalName, employmentType: 'employee' });
    let refs: RecipientRef[] = [];
    const requests = await requestsDuring(tenant, 'sharepoint', async () => {
      refs = await Promise.all([
        recipients.resolveRecipient(profile(operator)),
        recipients.resolveRecipient(profile(colleague)),
        recipients.resolveRecipient({ id: 'gone', displayName: 'Left the company', userPrincipalName: 'left@contoso.com', employmentType: 'unknown' })
      ]);
    });
    expect(requests).toBe(1);
    expect(refs.map((r) => [r.siteUserId, r.exists])).toEqual([
      [operator.spUserId, true],
      [colleague.spUserId, true],
      [0, false]
    ]);
  });

  it('resolves the crew members after one the directory lost: SharePoint refuses the parts after a failed one, so those are asked again', async () => {
    const { recipients } = sharePointRecognitionStores(spAs(tenant, leader), { siteUserId: leader.spUserId, loginName: leader.loginName });
    const profile = (p: Person): PersonProfile => ({ id: p.id, displayName: p.displayName, userPrincipalName: p.userPrincipalName, employmentType: 'employee' });
    let refs: RecipientRef[] = [];
    const requests = await requestsDuring(tenant, 'sharepoint', async () => {
      refs = await Promise.all([
        recipients.resolveRecipient(profile(operator)),
        recipients.resolveRecipient({ id: 'gone', displayName: 'Left the company', userPrincipalName: 'left@contoso.com', employmentType: 'unknown' }),
        recipients.resolveRecipient(profile(colleague)),
        recipients.resolveRecipient(profile(hr))
      ]);
    });
    expect(refs.map((r) => [r.siteUserId, r.exists])).toEqual([
      [operator.spUserId, true],
      [0, false],
      [colleague.spUserId, true],
      [hr.spUserId, true]
    ]);
    // The first batch, then the parts refused after the failed one, together.
    expect(requests).toBe(2);
  });

  it('starts the wall when the plant map cannot be read: SharePoint refuses the parts after a failed one, so that read goes last', async () => {
    const { wall } = sharePointRecognitionStores(spAs(tenant, leader), { siteUserId: leader.spUserId, loginName: leader.loginName });
    // SE_Settings not provisioned: its read is a 404 part of the wall's first batch.
    const rename = tenant.context.db.prepare('UPDATE sp_lists SET title = ? WHERE title = ?');
    rename.run('SE_Settings_elsewhere', 'SE_Settings');
    try {
      const start = await wall.start({}, 5);
      expect(start.page.items).toHaveLength(5);
      expect(start.values.map((v) => v.valueKey)).toContain('safety');
      expect(start.plant.sites).toEqual([]);
    } finally {
      rename.run('SE_Settings', 'SE_Settings_elsewhere');
    }
  });

  it('reports a failure as a coded error', async () => {
    await expect(storesAs(operator).moderation.decide(999999, 'dismissed', 'x')).rejects.toBeInstanceOf(RecognitionStoreError);
  });

  describe('with a million recognitions', () => {
    beforeAll(() => {
      (tenant.context.sp as SqliteSharePointStore).fillWithSql(
        'SE_Recognitions',
        1_000_000,
        {
          Title: "'Bulk ' || n",
          Recipient: String(colleague.spUserId),
          Kind: "'peer'",
          ValueKey: "CASE n % 5 WHEN 0 THEN 'safety' WHEN 1 THEN 'quality' ELSE 'team-spirit' END",
          Message: "'Recognition ' || n",
          SiteCode: "CASE WHEN n % 2 = 0 THEN 'GOT' ELSE 'EIN' END",
          LineCode: "CASE WHEN n % 100 = 7 THEN 'RARE' ELSE 'L' || (n % 4) END",
          Visibility: "'everyone'",
          Status: "'published'",
          ClientRequestId: "'bulk:' || n",
          Giver: String(operator.spUserId)
        },
        // Written by the relay, as every post is.
        tenant.context.directory.all().find((p) => p.isApp === true)?.spUserId ?? 0
      );
    }, 120_000);

    it('shows the first page in one request, without a threshold error', async () => {
      let first: Awaited<ReturnType<SharePointRecognitionStores['wall']['page']>> | undefined;
      const stores = storesAs(leader);
      await stores.recipients.currentUserId();
      const requests = await requestsDuring(tenant, 'sharepoint', async () => {
        first = await stores.wall.page({}, 30);
      });
      expect(first!.items).toHaveLength(30);
      expect(first!.items[0].message).toBe('Recognition 1000000');
      expect(requests).toBe(1);
      const second = await stores.wall.page({}, 30, first!.cursor);
      expect(second.items[0].id).toBe(first!.items[29].id - 1);
    });

    it('starts the wall with a filter the view threshold refuses, and still has the plant map', async () => {
      const { wall } = sharePointRecognitionStores(spAs(tenant, leader), { siteUserId: leader.spUserId, loginName: leader.loginName });
      const start = await wall.start({ siteCode: 'GOT' }, 10);
      expect(start.page.items).toHaveLength(10);
      expect(start.page.items.every((i) => i.siteCode === 'GOT')).toBe(true);
      expect(start.values.map((v) => v.valueKey)).toContain('safety');
      expect(start.plant.sites.map((site) => site.code)).toEqual(expect.arrayContaining(['GOT', 'EIN']));
    });

    it('pages a wide filter through windows of IDs', async () => {
      const page = await storesAs(leader).wall.page({ siteCode: 'GOT' }, 30);
      expect(page.items).toHaveLength(30);
      expect(page.items.every((i) => i.siteCode === 'GOT')).toBe(true);
      const next = await storesAs(leader).wall.page({ siteCode: 'GOT' }, 30, page.cursor);
      expect(next.items[0].id).toBeLessThan(page.items[29].id);
    });
  });
});
