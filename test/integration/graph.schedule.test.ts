/**
 * Teams Shifts through the Graph stand-in: shifts and time off of a crew's team, filtered by
 * a date range the way Graph documents it, paged by nextLink, only for members of the team.
 */
import { Client, GraphError } from '@microsoft/microsoft-graph-client';

import { RunningTenant, startTenant } from '../../local/server/tenant';

const TODAY = new Date('2026-10-20T09:00:00Z');
const OPERATOR = 'asa.backstrom@contoso-plant.example';
const HR = 'leyla.unal@contoso-plant.example';

interface Shift {
  readonly id: string;
  readonly userId: string;
  readonly schedulingGroupId: string;
  readonly sharedShift: { readonly displayName: string; readonly startDateTime: string; readonly endDateTime: string; readonly notes: string; readonly theme: string };
}

interface TimeOff {
  readonly id: string;
  readonly userId: string;
  readonly sharedTimeOff: { readonly startDateTime: string; readonly endDateTime: string; readonly timeOffReasonId: string; readonly theme: string };
}

let tenant: RunningTenant;
let teamId: string;
let meId: string;

async function get(path: string, upn = OPERATOR): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = path.startsWith('http') ? path : `${tenant.graphUrl}${path}`;
  const response = await fetch(url, { headers: { 'x-local-user': upn } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function collect<T>(path: string, upn = OPERATOR): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  let next: string | undefined = path;
  while (next) {
    const page = await get(next, upn);
    expect(page.status).toBe(200);
    items.push(...(page.body.value as T[]));
    next = typeof page.body['@odata.nextLink'] === 'string' ? String(page.body['@odata.nextLink']) : undefined;
    pages += 1;
  }
  return { items, pages };
}

function range(from: string, to: string, kind = 'sharedShift'): string {
  return `$filter=${encodeURIComponent(`${kind}/startDateTime ge ${from} and ${kind}/endDateTime le ${to}`)}`;
}

beforeAll(async () => {
  tenant = await startTenant({ port: 0, now: () => TODAY });
  const teams = await get('/me/joinedTeams');
  teamId = String((teams.body.value as Array<{ id: string }>)[0].id);
  meId = String((await get('/me?$select=id')).body.id);
});

afterAll(async () => {
  await tenant.close();
});

describe('shifts', () => {
  it('returns only the shifts inside the filtered range, with night shifts across midnight', async () => {
    const from = '2026-10-19T00:00:00.000Z';
    const to = '2026-10-28T00:00:00.000Z';
    const { items } = await collect<Shift>(`/teams/${teamId}/schedule/shifts?${range(from, to)}&$top=1000`);
    expect(items.length).toBeGreaterThan(30);
    for (const shift of items) {
      expect(Date.parse(shift.sharedShift.startDateTime)).toBeGreaterThanOrEqual(Date.parse(from));
      expect(Date.parse(shift.sharedShift.endDateTime)).toBeLessThanOrEqual(Date.parse(to));
      expect(shift.id).toMatch(/^SHFT_/);
      expect(shift.schedulingGroupId).toMatch(/^TAG_/);
    }
    const everything = await collect<Shift>(`/teams/${teamId}/schedule/shifts?$top=1000`);
    const expected = everything.items.filter(
      (s) => Date.parse(s.sharedShift.startDateTime) >= Date.parse(from) && Date.parse(s.sharedShift.endDateTime) <= Date.parse(to)
    );
    expect(items.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    expect(everything.items.length).toBeGreaterThan(items.length);
    const mine = items.filter((s) => s.userId === meId);
    expect(mine.length).toBeGreaterThanOrEqual(4);
    const nights = items.filter((s) => s.sharedShift.theme === 'darkPurple');
    expect(nights.length).toBeGreaterThan(0);
    expect(nights.every((s) => s.sharedShift.startDateTime.slice(0, 10) !== s.sharedShift.endDateTime.slice(0, 10))).toBe(true);
  });

  it('pages with $top and nextLink, and the pages add up to the whole range', async () => {
    const filter = range('2026-10-12T00:00:00Z', '2026-10-26T00:00:00Z');
    const whole = await collect<Shift>(`/teams/${teamId}/schedule/shifts?${filter}&$top=1000`);
    const paged = await collect<Shift>(`/teams/${teamId}/schedule/shifts?${filter}&$top=17`);
    expect(paged.pages).toBe(Math.ceil(whole.items.length / 17));
    expect(paged.items.map((s) => s.id)).toEqual(whole.items.map((s) => s.id));
    // Without $top the page size is 50.
    const first = await get(`/teams/${teamId}/schedule/shifts?${filter}`);
    expect((first.body.value as unknown[]).length).toBe(Math.min(50, whole.items.length));
    expect(first.body['@odata.context']).toBe(`${tenant.graphUrl}/$metadata#teams('${teamId}')/schedule/shifts`);
  });

  it('works through the Graph client with .filter()', async () => {
    const graph = Client.init({
      baseUrl: `${tenant.origin}/graph`,
      defaultVersion: 'v1.0',
      authProvider: (done) => done(null, 'local-tenant'),
      fetchOptions: { headers: { 'x-local-user': OPERATOR } }
    });
    const page = (await graph
      .api(`/teams/${teamId}/schedule/shifts`)
      .filter('sharedShift/startDateTime ge 2026-10-20T00:00:00Z and sharedShift/endDateTime le 2026-10-21T12:00:00Z')
      .top(100)
      .get()) as { value: Shift[] };
    expect(page.value.length).toBeGreaterThan(0);
    expect(page.value.every((s) => s.sharedShift.startDateTime >= '2026-10-20T00:00:00Z')).toBe(true);
  });

  it('accepts time offsets in the filter, including a + that URL decoding turned into a space', async () => {
    const utc = await collect<Shift>(`/teams/${teamId}/schedule/shifts?${range('2026-10-20T00:00:00Z', '2026-10-22T00:00:00Z')}&$top=1000`);
    const local = await get(
      `/teams/${teamId}/schedule/shifts?$top=1000&$filter=sharedShift/startDateTime ge 2026-10-20T02:00:00+02:00 and sharedShift/endDateTime le 2026-10-22T02:00:00+02:00`
    );
    expect(local.status).toBe(200);
    expect((local.body.value as Shift[]).map((s) => s.id)).toEqual(utc.items.map((s) => s.id));
  });

  it('rejects filters Graph does not support for shifts', async () => {
    const wrong = await get(`/teams/${teamId}/schedule/shifts?$filter=${encodeURIComponent("userId eq 'x'")}`);
    expect(wrong.status).toBe(400);
    expect((wrong.body.error as Record<string, unknown>).code).toBe('BadRequest');
    const broken = await get(`/teams/${teamId}/schedule/shifts?$filter=${encodeURIComponent('sharedShift/startDateTime ge')}`);
    expect(broken.status).toBe(400);
  });

  it('is readable by members only (delegated Schedule.Read.All): 403 for others, 404 for no team', async () => {
    const forbidden = await get(`/teams/${teamId}/schedule/shifts`, HR);
    expect(forbidden.status).toBe(403);
    expect((forbidden.body.error as Record<string, unknown>).code).toBe('Forbidden');
    const missing = await get('/teams/00000000-0000-4000-8000-000000000000/schedule/shifts');
    expect(missing.status).toBe(404);
    const agency = await get(`/teams/${teamId}/schedule/shifts?$top=1`, 'sean.obrien@contoso-plant.example');
    expect(agency.status).toBe(200);
  });

  it('tells the schedule’s time zone and lists its scheduling groups', async () => {
    const schedule = await get(`/teams/${teamId}/schedule`);
    expect(schedule.body).toMatchObject({ id: teamId, enabled: true, timeZone: 'Europe/Stockholm' });
    const groups = await get(`/teams/${teamId}/schedule/schedulingGroups`);
    const group = (groups.body.value as Array<{ userIds: string[] }>)[0];
    expect(group.userIds).toContain(meId);
  });
});

describe('time off', () => {
  it('filters on sharedTimeOff and names a time-off reason of the team', async () => {
    const all = await collect<TimeOff>(`/teams/${teamId}/schedule/timesOff?$top=1000`);
    const reasons = await get(`/teams/${teamId}/schedule/timeOffReasons`);
    const reasonIds = new Set((reasons.body.value as Array<{ id: string; displayName: string }>).map((r) => r.id));
    expect(reasonIds.size).toBe(3);
    for (const item of all.items) {
      expect(item.id).toMatch(/^TOFF_/);
      expect(reasonIds.has(item.sharedTimeOff.timeOffReasonId)).toBe(true);
    }
    const from = '2026-09-01T00:00:00Z';
    const to = '2026-10-20T00:00:00Z';
    const past = await collect<TimeOff>(`/teams/${teamId}/schedule/timesOff?${range(from, to, 'sharedTimeOff')}`);
    expect(past.items.map((t) => t.id)).toEqual(
      all.items.filter((t) => t.sharedTimeOff.startDateTime >= from && t.sharedTimeOff.endDateTime <= to).map((t) => t.id)
    );
    const wrongRoot = await get(`/teams/${teamId}/schedule/timesOff?${range(from, to, 'sharedShift')}`);
    expect(wrongRoot.status).toBe(400);
  });

  it('leaves no shift on a day of time off', async () => {
    // Across all GOT Weld A people: a time off and a shift of the same person never overlap.
    const shifts = (await collect<Shift>(`/teams/${teamId}/schedule/shifts?$top=1000`)).items;
    const timesOff = (await collect<TimeOff>(`/teams/${teamId}/schedule/timesOff?$top=1000`)).items;
    for (const off of timesOff) {
      const clash = shifts.filter(
        (s) => s.userId === off.userId && s.sharedShift.startDateTime >= off.sharedTimeOff.startDateTime && s.sharedShift.startDateTime < off.sharedTimeOff.endDateTime
      );
      expect(clash).toEqual([]);
    }
  });
});

describe('graph errors', () => {
  it('surface in the Graph client as GraphError with status and code', async () => {
    const graph = Client.init({
      baseUrl: `${tenant.origin}/graph`,
      defaultVersion: 'v1.0',
      authProvider: (done) => done(null, 'local-tenant'),
      fetchOptions: { headers: { 'x-local-user': HR } }
    });
    let caught: unknown;
    try {
      await graph.api(`/teams/${teamId}/schedule/shifts`).get();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraphError);
    expect((caught as GraphError).statusCode).toBe(403);
    expect((caught as GraphError).code).toBe('Forbidden');
  });
});
