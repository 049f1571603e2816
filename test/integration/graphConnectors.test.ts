/**
 * The product's Graph connectors (people directory, Teams Shifts roster) through the real
 * Graph client over HTTP against the local tenant: batched requests, the session cache,
 * injected throttling, and the demo plant's real rosters.
 */
import { GraphCache } from '../../src/connectors/graph/graphCache';
import { GraphPeopleDirectory } from '../../src/connectors/graph/graphPeopleDirectory';
import { GraphRosterSource } from '../../src/connectors/graph/graphRosterSource';
import { RosterService } from '../../src/core/roster/rosterService';
import { RosterError } from '../../src/core/roster/types';
import type { RunningTenant } from '../../local/server/tenant';
import { createPlantData } from '../../local/tenant/store';
import type { Person } from '../../local/tenant/directory';
import { countingGraph, graphAs } from '../support/graph';
import { persona, requestsDuring, setFaults, startTestTenant } from '../support/tenant';

const NOW = new Date('2026-11-21T09:00:00Z');
const fastRetry = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 2000, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 50))), random: Math.random };

describe('Graph connectors against the local tenant', () => {
  let tenant: RunningTenant;
  let operator: Person;
  let leader: Person;

  beforeAll(async () => {
    tenant = await startTestTenant({ now: () => NOW });
    operator = persona(tenant, 'operator');
    leader = persona(tenant, 'teamLeader');
  });

  afterAll(async () => {
    await tenant?.close();
  });

  function rosterFor(person: Person, cache = new GraphCache(person.id), calls = { batches: 0, pages: 0 }): RosterService {
    return new RosterService(new GraphRosterSource(countingGraph(graphAs(tenant, person), calls), { cache, retry: fastRetry }), () => NOW);
  }

  it('reads my shifts as the demo plant rosters them, in two batches plus the pages Graph sends', async () => {
    const calls = { batches: 0, pages: 0 };
    const roster = rosterFor(operator, new GraphCache(operator.id), calls);
    const range = roster.window(0, 14);
    let shifts: Awaited<ReturnType<RosterService['myShifts']>> = [];
    const requests = await requestsDuring(tenant, 'graph', async () => {
      shifts = await roster.myShifts(range);
    });
    const expected = createPlantData(tenant.context.db)
      .shiftsOfUser(operator.id)
      .filter((s) => Date.parse(s.endUtc) > range.start.getTime() && Date.parse(s.startUtc) < range.end.getTime())
      .map((s) => s.id);
    expect(shifts.map((s) => s.id)).toEqual(expected);
    expect(shifts.length).toBeGreaterThan(3);
    expect(calls.batches).toBe(2);
    expect(requests).toBe(2 + calls.pages);
  });

  it('asks Graph nothing more when a second part on the page needs the same roster', async () => {
    const cache = new GraphCache(operator.id);
    await rosterFor(operator, cache).nextShiftView();
    const again = await requestsDuring(tenant, 'graph', () => rosterFor(operator, cache).nextShiftView());
    expect(again).toBe(0);
  });

  it('finds the next shift and the colleagues working it', async () => {
    const view = await rosterFor(operator).nextShiftView();
    expect(view.next).toBeDefined();
    const next = view.next!;
    const plant = createPlantData(tenant.context.db);
    const colleagues = plant
      .shifts(next.crewId!)
      .filter((s) => s.userId !== operator.id && Date.parse(s.startUtc) < Date.parse(next.end) && Date.parse(s.endUtc) > Date.parse(next.start))
      .map((s) => tenant.context.directory.byId(s.userId)?.displayName)
      .sort((a, b) => String(a).localeCompare(String(b)));
    expect(view.crew.map((c) => c.displayName)).toEqual(colleagues);
  });

  it('survives throttling of a request inside the batch', async () => {
    await setFaults(tenant, { throttleNext: 1, retryAfterSeconds: 0, pathFilter: '/schedule/shifts' });
    const shifts = await rosterFor(leader).myShifts({ start: NOW, end: new Date(NOW.getTime() + 7 * 86_400_000) });
    expect(shifts.length).toBeGreaterThan(0);
    await setFaults(tenant, { throttleNext: 0, pathFilter: '' });
  });

  it('says plainly when the person is in no team with a schedule', async () => {
    const hr = persona(tenant, 'hr');
    const source = new GraphRosterSource(graphAs(tenant, hr), { retry: fastRetry });
    const outcome = await source.myShifts({ start: NOW, end: new Date(NOW.getTime() + 86_400_000) }).catch((e: unknown) => e);
    if (outcome instanceof RosterError) {
      expect(outcome.code).toBe('notConfigured');
    } else {
      expect(Array.isArray(outcome)).toBe(true);
    }
  });

  it('reads my profile, my manager, direct reports and people search', async () => {
    const directory = new GraphPeopleDirectory(graphAs(tenant, operator), { retry: fastRetry });
    const me = await directory.me();
    expect(me).toMatchObject({ id: operator.id, displayName: operator.displayName, employmentType: 'employee', preferredLanguage: operator.preferredLanguage });
    expect((await directory.manager())?.id).toBe(leader.id);
    const reports = await new GraphPeopleDirectory(graphAs(tenant, leader), { retry: fastRetry }).directReports();
    expect(reports.map((r) => r.id)).toContain(operator.id);
    expect(reports.find((r) => r.id === operator.id)?.hireDate).toBe(operator.employeeHireDate.slice(0, 10));
    const agency = persona(tenant, 'agencyOperator');
    const found = await directory.search(agency.givenName);
    expect(found.map((p) => p.id)).toContain(agency.id);
  });

  it('reads a photo, and nothing for a person without one', async () => {
    const directory = new GraphPeopleDirectory(graphAs(tenant, operator), { retry: fastRetry });
    const people = tenant.context.directory.all().filter((p) => !p.isApp);
    const withPhoto = people.find((p) => p.hasPhoto !== false)!;
    const withoutPhoto = people.find((p) => p.hasPhoto === false)!;
    const photo = await directory.photo(withPhoto.id);
    expect(photo?.bytes.length).toBeGreaterThan(20);
    expect(photo?.contentType).toMatch(/^image\//);
    expect(await directory.photo(withoutPhoto.id)).toBeUndefined();
  });
});
