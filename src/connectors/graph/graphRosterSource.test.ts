import { RosterError } from '../../core/roster/types';
import { memoryStore } from '../../core/storage';
import { teamIdCache } from '../../core/roster/teamIdCache';
import { MAX_BATCH_SIZE, type RetryPolicy } from './graphBatch';
import { GraphCache } from './graphCache';
import type { GraphClientLike } from './graphClient';
import { GraphRosterSource, shiftFilters, slicesPerTeam } from './graphRosterSource';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = new Date('2026-11-21T09:00:00Z');
const noWait: RetryPolicy = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined, random: () => 0 };

interface GraphShift {
  readonly id: string;
  readonly userId: string;
  readonly sharedShift: { readonly startDateTime: string; readonly endDateTime: string };
}

/** Whether a shift matches `sharedShift/startDateTime ge A and sharedShift/endDateTime le B`. */
function matches(filter: string, shift: GraphShift): boolean {
  const found = /^sharedShift\/startDateTime ge (\S+) and sharedShift\/endDateTime le (\S+)$/.exec(filter);
  if (!found) {
    throw new Error(`Not a shifts filter: ${filter}`);
  }
  return Date.parse(shift.sharedShift.startDateTime) >= Date.parse(found[1]) && Date.parse(shift.sharedShift.endDateTime) <= Date.parse(found[2]);
}

interface GraphTimeOff {
  readonly id: string;
  readonly userId: string;
  readonly sharedTimeOff: { readonly startDateTime: string; readonly endDateTime: string; readonly timeOffReasonId: string };
}

/** Whether time off matches `sharedTimeOff/startDateTime ge A and sharedTimeOff/endDateTime le B`, the one form Graph documents. */
function offMatches(filter: string, off: GraphTimeOff): boolean {
  const found = /^sharedTimeOff\/startDateTime ge (\S+) and sharedTimeOff\/endDateTime le (\S+)$/.exec(filter);
  if (!found) {
    throw new Error(`Not a time-off filter: ${filter}`);
  }
  return Date.parse(off.sharedTimeOff.startDateTime) >= Date.parse(found[1]) && Date.parse(off.sharedTimeOff.endDateTime) <= Date.parse(found[2]);
}

function graphShift(id: string, userId: string, start: number, hours: number): GraphShift {
  return { id, userId, sharedShift: { startDateTime: new Date(start).toISOString(), endDateTime: new Date(start + hours * HOUR).toISOString() } };
}

describe('shift filters in slices', () => {
  const window = { start: '2026-11-19T00:00:00.000Z', end: '2026-11-26T00:00:00.000Z' };

  it('answer together exactly what one filter over the window answers, for shifts of any length up to 24 hours', () => {
    // Every hour of the window and a day either side, shifts of 1 minute to 24 hours.
    const shifts: GraphShift[] = [];
    for (let start = Date.parse(window.start) - DAY; start < Date.parse(window.end) + DAY; start += HOUR) {
      for (const hours of [1 / 60, 8, 12, 23.5, 24]) {
        shifts.push(graphShift(`${start}-${hours}`, 'u', start, hours));
      }
    }
    const whole = `sharedShift/startDateTime ge ${window.start} and sharedShift/endDateTime le ${window.end}`;
    const expected = shifts.filter((s) => matches(whole, s)).map((s) => s.id);
    for (const slices of [1, 2, 3, 4, 7, 17]) {
      const filters = shiftFilters(window, slices);
      expect(filters.length).toBeLessThanOrEqual(slices);
      const found = new Set(shifts.filter((s) => filters.some((f) => matches(f, s))).map((s) => s.id));
      expect(Array.from(found).sort()).toEqual([...expected].sort());
    }
  });

  it('cut the window in whole days, each slice holding about two days of shifts', () => {
    expect(shiftFilters(window, 7)).toEqual([
      'sharedShift/startDateTime ge 2026-11-19T00:00:00.000Z and sharedShift/endDateTime le 2026-11-21T00:00:00.000Z',
      'sharedShift/startDateTime ge 2026-11-20T00:00:00.000Z and sharedShift/endDateTime le 2026-11-22T00:00:00.000Z',
      'sharedShift/startDateTime ge 2026-11-21T00:00:00.000Z and sharedShift/endDateTime le 2026-11-23T00:00:00.000Z',
      'sharedShift/startDateTime ge 2026-11-22T00:00:00.000Z and sharedShift/endDateTime le 2026-11-24T00:00:00.000Z',
      'sharedShift/startDateTime ge 2026-11-23T00:00:00.000Z and sharedShift/endDateTime le 2026-11-25T00:00:00.000Z',
      'sharedShift/startDateTime ge 2026-11-24T00:00:00.000Z and sharedShift/endDateTime le 2026-11-26T00:00:00.000Z',
      'sharedShift/startDateTime ge 2026-11-25T00:00:00.000Z and sharedShift/endDateTime le 2026-11-26T00:00:00.000Z'
    ]);
    expect(shiftFilters(window, 1)).toEqual([`sharedShift/startDateTime ge ${window.start} and sharedShift/endDateTime le ${window.end}`]);
  });

  it('fill one $batch: the more teams, the fewer slices each', () => {
    expect(slicesPerTeam(1)).toBe(19);
    expect(slicesPerTeam(1, 2)).toBe(17);
    expect(slicesPerTeam(2, 2)).toBe(8);
    expect(slicesPerTeam(3)).toBe(5);
    expect(slicesPerTeam(25)).toBe(1);
    for (const teams of [1, 2, 3, 5, 9]) {
      expect(teams * (slicesPerTeam(teams, 2) + 1) + 2).toBeLessThanOrEqual(MAX_BATCH_SIZE);
    }
  });
});

/** Teams Shifts as Graph answers it: `$batch` only, shifts filtered, 50 to a page; records every batch. */
class ShiftsGraph implements GraphClientLike {
  public readonly batches: string[][] = [];
  public readonly pages: string[] = [];

  public constructor(
    private readonly me: string,
    public teams: string[],
    private readonly shifts: Record<string, GraphShift[]>,
    private readonly timesOff: Record<string, GraphTimeOff[]> = {}
  ) {}

  private answer(url: string): { status: number; body: unknown } {
    if (url === '/me?$select=id') {
      return { status: 200, body: { id: this.me } };
    }
    if (url === '/me/joinedTeams') {
      return { status: 200, body: { value: this.teams.map((id) => ({ id, displayName: id })) } };
    }
    const schedule = /^\/teams\/([^/]+)\/schedule\/(shifts|timesOff)\?\$filter=(.*)$/.exec(url);
    if (schedule) {
      const team = decodeURIComponent(schedule[1]);
      if (!this.teams.includes(team)) {
        return { status: 403, body: { error: { code: 'Forbidden', message: 'Not a member' } } };
      }
      const value = schedule[2] === 'shifts' ? (this.shifts[team] ?? []).filter((s) => matches(schedule[3], s)) : (this.timesOff[team] ?? []).filter((o) => offMatches(schedule[3], o));
      return { status: 200, body: value.length > 50 ? { value: value.slice(0, 50), '@odata.nextLink': `next:${url}` } : { value } };
    }
    const user = /^\/users\/([^?]+)\?\$select=id,displayName$/.exec(url);
    if (user) {
      return { status: 200, body: { id: user[1], displayName: `Name of ${user[1]}` } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: url } } };
  }

  public api(path: string): ReturnType<GraphClientLike['api']> {
    return {
      get: async () => {
        this.pages.push(path);
        return { value: [] };
      },
      post: async (content: unknown) => {
        const requests = (content as { requests: Array<{ id: string; url: string }> }).requests;
        this.batches.push(requests.map((r) => r.url));
        return { responses: requests.map((r) => ({ id: r.id, ...this.answer(r.url) })) };
      }
    };
  }
}

describe('GraphRosterSource round trips', () => {
  const range = { start: new Date(NOW.getTime() - DAY), end: new Date(NOW.getTime() + 3 * DAY) };
  /** A crew of 20 on a shift every day: 140 shifts in the week read, more than two pages at once. */
  function crewShifts(team: string, people: number): GraphShift[] {
    const shifts: GraphShift[] = [];
    for (let day = -4; day < 6; day += 1) {
      for (let person = 0; person < people; person += 1) {
        shifts.push(graphShift(`${team}-${day}-${person}`, person === 0 ? 'me' : `${team}-p${person}`, Date.parse('2026-11-21T05:00:00Z') + day * DAY, 8));
      }
    }
    return shifts;
  }

  function source(graph: ShiftsGraph, store = memoryStore(), cache = new GraphCache('me')): GraphRosterSource {
    return new GraphRosterSource(graph, { cache, retry: noWait, teamIds: teamIdCache(store, 'se-roster-teams:me', () => NOW.getTime()) });
  }

  it('a first use: the team list, then every team’s shifts in one batch with no pages; the team ids are kept', async () => {
    const graph = new ShiftsGraph('me', ['team-a'], { 'team-a': crewShifts('team-a', 20) });
    const store = memoryStore();
    const shifts = await source(graph, store).myShifts(range);
    expect(shifts.map((s) => s.id)).toEqual(['team-a--1-0', 'team-a-0-0', 'team-a-1-0', 'team-a-2-0', 'team-a-3-0']);
    expect(graph.batches.map((b) => b.length)).toEqual([2, 8]);
    expect(graph.pages).toEqual([]);
    expect(teamIdCache(store, 'se-roster-teams:me', () => NOW.getTime()).read()).toEqual(['team-a']);
  });

  it('sees leave that began before the range read and ends after it (three weeks off, asked about this week)', async () => {
    const leave: GraphTimeOff = {
      id: 'leave-1',
      userId: 'me',
      sharedTimeOff: { startDateTime: new Date(NOW.getTime() - 10 * DAY).toISOString(), endDateTime: new Date(NOW.getTime() + 11 * DAY).toISOString(), timeOffReasonId: 'vacation' }
    };
    const graph = new ShiftsGraph('me', ['team-a'], { 'team-a': crewShifts('team-a', 3) }, { 'team-a': [leave] });
    const { timeOff } = await source(graph).myRoster(range, range);
    expect(timeOff.map((o) => o.id)).toEqual(['leave-1']);
  });

  it('a returning person’s cold session: the kept teams’ schedules in the batch with the team list', async () => {
    const graph = new ShiftsGraph('me', ['team-a', 'team-b'], { 'team-a': crewShifts('team-a', 12), 'team-b': crewShifts('team-b', 12) });
    const store = memoryStore();
    await source(graph, store).myShifts(range);
    graph.batches.length = 0;
    const shifts = await source(graph, store).myShifts(range);
    expect(shifts).toHaveLength(10);
    expect(graph.batches).toHaveLength(1);
    expect(graph.batches[0]).toEqual(expect.arrayContaining(['/me?$select=id', '/me/joinedTeams']));
    expect(graph.batches[0].length).toBeLessThanOrEqual(MAX_BATCH_SIZE);
  });

  it('a team joined since the ids were kept is read right after, so none of its shifts is missed; a team left is ignored', async () => {
    const graph = new ShiftsGraph('me', ['team-a'], { 'team-a': crewShifts('team-a', 5), 'team-b': crewShifts('team-b', 5) });
    const store = memoryStore();
    await source(graph, store).myShifts(range);
    graph.teams = ['team-b'];
    graph.batches.length = 0;
    const shifts = await source(graph, store).myShifts(range);
    expect(shifts.map((s) => s.crewId)).toEqual(['team-b', 'team-b', 'team-b', 'team-b', 'team-b']);
    // The kept team-a answered 403 in the first batch (ignored); team-b came in the second.
    expect(graph.batches).toHaveLength(2);
    expect(graph.batches[1].every((url) => url.startsWith('/teams/team-b/'))).toBe(true);
    expect(teamIdCache(store, 'se-roster-teams:me', () => NOW.getTime()).read()).toEqual(['team-b']);
  });

  it('someone in no team any more: Setup, and the kept ids are forgotten', async () => {
    const graph = new ShiftsGraph('me', ['team-a'], { 'team-a': crewShifts('team-a', 5) });
    const store = memoryStore();
    await source(graph, store).myShifts(range);
    graph.teams = [];
    const outcome = await source(graph, store).myShifts(range).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(RosterError);
    expect((outcome as RosterError).code).toBe('notConfigured');
    expect(store.data.size).toBe(0);
  });

  it('reads the crew on a shift from the shifts already read, one batch for the names', async () => {
    const graph = new ShiftsGraph('me', ['team-a'], { 'team-a': crewShifts('team-a', 4) });
    const roster = source(graph);
    const [first] = await roster.myShifts(range);
    graph.batches.length = 0;
    const crew = await roster.crewOnShift(first);
    expect(crew.map((c) => c.personId).sort()).toEqual(['team-a-p1', 'team-a-p2', 'team-a-p3']);
    expect(graph.batches).toEqual([['/users/team-a-p1?$select=id,displayName', '/users/team-a-p2?$select=id,displayName', '/users/team-a-p3?$select=id,displayName']]);
  });
});
