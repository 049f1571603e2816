/**
 * The product's requests in an outage, over real HTTP against the local tenant with its fault
 * switches: every read ends (with its data or a coded failure) within seconds, reads that shared
 * a failed `$batch` fail with it instead of waiting for ever, and nothing read during the outage
 * stays stuck once SharePoint or Graph answers again.
 */
import { recognitionContext } from '../../src/connectors/sharepoint/recognition/context';
import { sharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import { withRequestPolicy } from '../../src/connectors/sharepoint/requestPolicy';
import { SetupReader } from '../../src/connectors/sharepoint/setupReader';
import { GraphPeopleDirectory } from '../../src/connectors/graph/graphPeopleDirectory';
import { graphWithDeadline } from '../../src/connectors/graph/graphDeadline';
import { GraphRosterSource } from '../../src/connectors/graph/graphRosterSource';
import { storeErrorCode } from '../../src/core/recognition/ports';
import { RosterService } from '../../src/core/roster/rosterService';
import { PRODUCT_LIST_TITLES } from '../../src/core/setup/productLists';
import type { RunningTenant } from '../../local/server/tenant';
import { graphAs } from '../support/graph';
import { persona, setFaults, spAs, startTestTenant } from '../support/tenant';

jest.setTimeout(60_000);

const NO_FAULTS = { latencyMs: 0, throttleRate: 0, unavailableRate: 0, dropRate: 0, throttleNext: 0, dropNext: 0, pathFilter: '', retryAfterSeconds: 1 };
const SHAREPOINT_DOWN = { unavailableRate: 1, pathFilter: '/_api/' };
const GRAPH_DOWN = { unavailableRate: 1, pathFilter: '/graph/' };

/** How a read ended and how long it took. */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = Date.now();
  try {
    const value = await work();
    return { ms: Date.now() - started, value };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describe('requests in an outage', () => {
  let tenant: RunningTenant;

  beforeAll(async () => {
    tenant = await startTestTenant();
  });

  afterAll(async () => {
    await tenant?.close();
  });

  afterEach(async () => {
    await setFaults(tenant, NO_FAULTS);
  });

  const sp = (key: 'operator' | 'hr' | 'siteAdmin' = 'operator'): ReturnType<typeof withRequestPolicy> => withRequestPolicy(spAs(tenant, persona(tenant, key)));

  it('fails reads that share a failed $batch with the batch, quickly, and reads them once SharePoint is back', async () => {
    const context = recognitionContext(sp());
    await setFaults(tenant, SHAREPOINT_DOWN);
    const failed = await timed(() => Promise.all([context.currentUser(), context.plantMap(context.reads())]));
    expect(failed.error).toBeDefined();
    expect(storeErrorCode(failed.error)).toBe('throttled');
    expect(failed.ms).toBeLessThan(6_000);
    await setFaults(tenant, NO_FAULTS);
    // The plant map read that failed is not kept: it is read again, and so is the user.
    const [user] = await Promise.all([context.currentUser(), context.plantMap()]);
    expect(user.id).toBeGreaterThan(0);
  });

  it('starts the wall again after a start that failed with SharePoint down (nothing read in it stays pending)', async () => {
    const stores = sharePointRecognitionStores(sp());
    await setFaults(tenant, SHAREPOINT_DOWN);
    const failed = await timed(() => stores.wall.start({}, 10));
    expect(storeErrorCode(failed.error)).toBe('throttled');
    expect(failed.ms).toBeLessThan(6_000);
    const values = await timed(() => stores.values.values());
    expect(storeErrorCode(values.error)).toBe('throttled');
    await setFaults(tenant, NO_FAULTS);
    const started = await timed(() => stores.wall.start({}, 10));
    expect(started.error).toBeUndefined();
    expect(started.ms).toBeLessThan(6_000);
    expect(started.value?.page.items.length).toBeGreaterThan(0);
    expect((await stores.values.values()).length).toBeGreaterThan(0);
  });

  it('fails a dropped connection at once, and a request with no answer at its deadline', async () => {
    const stores = sharePointRecognitionStores(withRequestPolicy(spAs(tenant, persona(tenant, 'hr')), { deadlineMs: 1_000, maxAttempts: 3, maxWaitMs: 2_000, retryBudgetMs: 4_000 }));
    await setFaults(tenant, { dropRate: 1, pathFilter: '/_api/' });
    const dropped = await timed(() => stores.values.values());
    expect(storeErrorCode(dropped.error)).toBe('network');
    expect(dropped.ms).toBeLessThan(3_000);
    await setFaults(tenant, { dropRate: 0, latencyMs: 2_000, pathFilter: '/_api/' });
    const slow = await timed(() => stores.moderation.openReports());
    expect(storeErrorCode(slow.error)).toBe('timeout');
    expect(slow.ms).toBeLessThan(1_900);
  });

  it('tells Engage Setup that SharePoint failed, quickly, and reads the lists once it is back', async () => {
    const reader = new SetupReader(sp('siteAdmin'), PRODUCT_LIST_TITLES);
    await setFaults(tenant, SHAREPOINT_DOWN);
    const failed = await timed(() => reader.read());
    expect(failed.error).toMatchObject({ code: 'throttled' });
    expect(failed.ms).toBeLessThan(6_000);
    await setFaults(tenant, NO_FAULTS);
    expect((await reader.read()).checks.length).toBe(PRODUCT_LIST_TITLES.length);
  });

  it('fails Graph reads within seconds when Graph is down (the Graph client\'s own tries again included), and reads them once it is back', async () => {
    const leader = persona(tenant, 'teamLeader');
    const directory = new GraphPeopleDirectory(graphWithDeadline(graphAs(tenant, leader)));
    const roster = new RosterService(new GraphRosterSource(graphWithDeadline(graphAs(tenant, leader))));
    await setFaults(tenant, GRAPH_DOWN);
    const [reports, shifts] = await Promise.all([timed(() => directory.directReports()), timed(() => roster.nextShiftView(7))]);
    expect(reports.error).toMatchObject({ status: 503 });
    expect(shifts.error).toMatchObject({ code: 'throttled' });
    expect(Math.max(reports.ms, shifts.ms)).toBeLessThan(8_000);
    await setFaults(tenant, NO_FAULTS);
    expect((await directory.directReports()).length).toBeGreaterThan(0);
    await expect(roster.nextShiftView(7)).resolves.toBeDefined();
  });

  it('gives up on a Graph call that gets no answer at its deadline', async () => {
    const directory = new GraphPeopleDirectory(graphWithDeadline(graphAs(tenant, persona(tenant, 'operator')), 1_000));
    await setFaults(tenant, { latencyMs: 2_000, pathFilter: '/graph/' });
    const slow = await timed(() => directory.me());
    expect(slow.error).toMatchObject({ status: 504, code: 'Timeout' });
    expect(slow.ms).toBeLessThan(1_900);
  });
});
