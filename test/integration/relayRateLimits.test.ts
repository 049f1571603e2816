/**
 * The relay's rate limits and the repeat-report rule, over real HTTP against the local tenant's
 * relay: one person can take at most 3 posts off the wall a minute and 5 an hour (429 with
 * Retry-After beyond that, the post stays on the wall), other people are not affected, and a
 * post HR dismissed goes back to HR's queue when the same person reports it again, but stays on
 * the wall. The tenant's clock (which the local relay's limiter reads) is moved by the test.
 */
import { sharePointRecognitionStores, type SharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { giveAs, persona, secureProductLists, spAs, startTestTenant, tokenFor } from '../support/tenant';

describe('rate limits and repeat reports through the relay', () => {
  let tenant: RunningTenant;
  let operator: Person;
  let colleague: Person;
  let leader: Person;
  let hr: Person;
  let ahead = 0;
  const later = (seconds: number): void => {
    ahead += seconds * 1000;
  };
  const storesAs = (p: Person): SharePointRecognitionStores => sharePointRecognitionStores(spAs(tenant, p));

  async function report(person: Person, recognitionId: number, reason = 'Not for the wall'): Promise<Response> {
    const token = await tokenFor(tenant, person);
    return fetch(`${tenant.origin}/relay/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: tenant.origin },
      body: JSON.stringify({ recognitionId, reason })
    });
  }

  async function reported(person: Person, recognitionId: number, reason?: string): Promise<{ outcome: string; alreadyReported: boolean }> {
    const answer = await report(person, recognitionId, reason);
    expect(answer.status).toBe(200);
    return (await answer.json()) as { outcome: string; alreadyReported: boolean };
  }

  let posts = 0;
  const post = async (): Promise<number> => {
    posts += 1;
    return (await giveAs(tenant, operator, colleague, `Helped on line ${posts}`, `limits-${posts}`))[0];
  };

  async function statusOf(id: number): Promise<string> {
    return (await spAs(tenant, hr).web.lists.getByTitle('SE_Recognitions').items.getById(id).select('Status')<{ Status: string }>()).Status;
  }

  const onWallOf = async (reader: Person, id: number): Promise<boolean> => (await storesAs(reader).wall.page({}, 30)).items.some((i) => i.id === id);

  const openReportsOf = async (id: number): Promise<Array<{ reportId: number; reason: string; reporter: { id: number } }>> =>
    (await storesAs(hr).moderation.openReports()).filter((q) => q.recognition.id === id);

  async function expectRefused(answer: Response): Promise<number> {
    expect(answer.status).toBe(429);
    expect(answer.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(await answer.json()).toMatchObject({ error: { code: 'rateLimited' } });
    const retryAfter = Number(answer.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    return retryAfter;
  }

  beforeAll(async () => {
    tenant = await startTestTenant({ now: () => new Date(Date.now() + ahead) });
    operator = persona(tenant, 'operator');
    colleague = persona(tenant, 'agencyOperator');
    leader = persona(tenant, 'teamLeader');
    hr = persona(tenant, 'hr');
    await secureProductLists(tenant);
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  it('takes at most 3 posts a minute and 5 an hour off the wall for one person; the rest stay on it, and others are not affected', async () => {
    const ids = [await post(), await post(), await post(), await post(), await post(), await post(), await post()];
    for (const id of ids.slice(0, 3)) {
      expect(await reported(leader, id)).toEqual({ outcome: 'hiddenForEveryone', alreadyReported: false });
    }
    const burst = await expectRefused(await report(leader, ids[3]));
    expect(burst).toBeGreaterThan(0);
    expect(burst).toBeLessThanOrEqual(60);
    expect(await statusOf(ids[3])).toBe('published');
    expect(await onWallOf(colleague, ids[3])).toBe(true);
    expect(await openReportsOf(ids[3])).toEqual([]);

    // Someone else reports as before.
    expect(await reported(colleague, ids[4])).toEqual({ outcome: 'hiddenForEveryone', alreadyReported: false });
    expect(await statusOf(ids[4])).toBe('reported');

    // Once the minute has passed, two more; then the hour is full.
    later(burst);
    await reported(leader, ids[3]);
    later(61);
    await reported(leader, ids[5]);
    later(61);
    const hourly = await expectRefused(await report(leader, ids[6]));
    expect(hourly).toBeGreaterThan(3600 - 5 * 60);
    expect(hourly).toBeLessThanOrEqual(3600 - 2 * 61);
    expect(await statusOf(ids[6])).toBe('published');
    expect(await onWallOf(leader, ids[6])).toBe(true);

    later(hourly);
    await reported(leader, ids[6]);
    expect(await statusOf(ids[6])).toBe('reported');
  });

  it('puts a post HR dismissed back in HR\'s queue when the same person reports it again, and keeps it on the wall', async () => {
    later(3600);
    const id = await post();
    expect(await reported(colleague, id, 'First worry')).toEqual({ outcome: 'hiddenForEveryone', alreadyReported: false });
    const [first] = await openReportsOf(id);
    await storesAs(hr).moderation.decide(first.reportId, 'dismissed', 'Checked: fine');
    expect(await statusOf(id)).toBe('published');

    // Reported again by the same person: HR sees it again, the post stays on every wall.
    expect(await reported(colleague, id, 'Still worried')).toEqual({ outcome: 'sentToHr', alreadyReported: false });
    expect(await statusOf(id)).toBe('published');
    expect(await onWallOf(leader, id)).toBe(true);
    expect(await openReportsOf(id)).toEqual([expect.objectContaining({ reason: 'Still worried', reporter: expect.objectContaining({ id: colleague.spUserId }) })]);

    // Sent once more (a retry after a lost answer): still on the wall, still one report.
    expect(await reported(colleague, id, 'Still worried')).toEqual({ outcome: 'sentToHr', alreadyReported: true });
    expect(await statusOf(id)).toBe('published');
    expect(await openReportsOf(id)).toHaveLength(1);

    // A repeat takes nothing off the wall, so it uses up nothing: two more posts can go this minute.
    for (let i = 0; i < 2; i += 1) {
      await reported(colleague, await post());
    }

    // Another person's first report still takes the post off the wall.
    expect(await reported(leader, id, 'I worry too')).toEqual({ outcome: 'hiddenForEveryone', alreadyReported: false });
    expect(await statusOf(id)).toBe('reported');
  });
});
