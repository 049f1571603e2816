import { WorkplaceError } from '../../core/plant/types';
import type { RetryPolicy } from './graphBatch';
import { GraphCache } from './graphCache';
import { type StorageLike } from '../../core/storage';
import type { GraphClientLike, GraphRequestLike } from './graphClient';
import { GraphCrewDirectory } from './graphCrewDirectory';

interface InnerRequest {
  readonly id: string;
  readonly url: string;
}

interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

const ME = 'me-1';
const NOW = new Date('2026-11-21T09:00:00Z');
const noWait: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined, random: () => 0 };

const shift = (userId: string, start: string, shared = true): Record<string, unknown> => ({
  id: `SHFT_${userId}_${start}`,
  userId,
  sharedShift: shared ? { startDateTime: start, endDateTime: start.replace('T05', 'T13'), displayName: 'Förmiddag 06–14' } : null,
  draftShift: shared ? null : { startDateTime: start, endDateTime: start }
});

/** Teams and their shifts, answered the way Graph answers `$batch`, recording what was asked. */
class FakeGraph implements GraphClientLike {
  public readonly batches: InnerRequest[][] = [];
  public readonly gets: string[] = [];

  public constructor(
    private readonly teams: Array<{ id: string; displayName: string }>,
    private readonly schedules: Record<string, Answer>,
    private readonly pages: Record<string, unknown> = {}
  ) {}

  private answer(url: string): Answer {
    if (url === '/me?$select=id') {
      return { status: 200, body: { id: ME } };
    }
    if (url === '/me/joinedTeams') {
      return { status: 200, body: { value: this.teams } };
    }
    const match = /^\/teams\/([^/]+)\/schedule\/shifts\?\$filter=(.*)$/.exec(url);
    if (match) {
      return this.schedules[decodeURIComponent(match[1])] ?? { status: 404, body: { error: { code: 'NotFound', message: 'No team' } } };
    }
    return { status: 400, body: { error: { code: 'BadRequest', message: url } } };
  }

  public api(path: string): GraphRequestLike {
    return {
      get: async () => {
        this.gets.push(path);
        return this.pages[path];
      },
      post: async (content: unknown) => {
        const requests = (content as { requests: InnerRequest[] }).requests;
        this.batches.push(requests);
        return {
          responses: requests.map((r) => {
            const answer = this.answer(r.url);
            return { id: r.id, status: answer.status, headers: answer.headers ?? {}, body: answer.body };
          })
        };
      }
    };
  }
}

const WELD_A = { id: 'team-weld-a', displayName: 'GOT Weld A' };
const WELD_B = { id: 'team-weld-b', displayName: 'GOT Weld B' };
const OFFICE = { id: 'team-office', displayName: 'Plant office' };

function directory(graph: GraphClientLike, cache = new GraphCache(ME)): GraphCrewDirectory {
  return new GraphCrewDirectory(graph, { cache, retry: noWait, now: () => NOW });
}

describe('GraphCrewDirectory', () => {
  it('reads my teams, then every team’s shifts in one batch over whole days around today', async () => {
    const graph = new FakeGraph([WELD_A, WELD_B], {
      [WELD_A.id]: { status: 200, body: { value: [shift(ME, '2026-11-20T05:00:00Z'), shift('sean', '2026-11-20T05:00:00Z')] } },
      [WELD_B.id]: { status: 200, body: { value: [shift('other', '2026-11-22T05:00:00Z')] } }
    });
    const crews = directory(graph);
    expect(await crews.myCrewKeys()).toEqual([WELD_A.id]);
    expect(graph.batches).toHaveLength(2);
    expect(graph.batches[0].map((r) => r.url)).toEqual(['/me?$select=id', '/me/joinedTeams']);
    expect(graph.batches[1].map((r) => r.url)).toEqual([
      `/teams/${WELD_A.id}/schedule/shifts?$filter=sharedShift/startDateTime ge 2026-11-14T00:00:00.000Z and sharedShift/endDateTime le 2026-11-29T00:00:00.000Z`,
      `/teams/${WELD_B.id}/schedule/shifts?$filter=sharedShift/startDateTime ge 2026-11-14T00:00:00.000Z and sharedShift/endDateTime le 2026-11-29T00:00:00.000Z`
    ]);
  });

  it('finds other people’s crews on my teams’ schedules and leaves everyone else unknown', async () => {
    const graph = new FakeGraph([WELD_A, WELD_B], {
      [WELD_A.id]: { status: 200, body: { value: [shift(ME, '2026-11-20T05:00:00Z'), shift('sean', '2026-11-20T05:00:00Z')] } },
      [WELD_B.id]: { status: 200, body: { value: [shift('bo', '2026-11-22T05:00:00Z')] } }
    });
    const found = await directory(graph).crewOf(['sean', 'bo', 'stranger', ME, '']);
    expect(Array.from(found.entries())).toEqual([
      ['sean', { crewKey: WELD_A.id, crewName: 'GOT Weld A' }],
      ['bo', { crewKey: WELD_B.id, crewName: 'GOT Weld B' }],
      [ME, { crewKey: WELD_A.id, crewName: 'GOT Weld A' }]
    ]);
  });

  it('puts the crew I work most with first, and gives someone on two schedules the one with most shifts', async () => {
    const graph = new FakeGraph([WELD_A, WELD_B], {
      [WELD_A.id]: { status: 200, body: { value: [shift(ME, '2026-11-10T05:00:00Z'), shift('loaned', '2026-11-10T05:00:00Z')] } },
      [WELD_B.id]: {
        status: 200,
        body: {
          value: [shift(ME, '2026-11-18T05:00:00Z'), shift(ME, '2026-11-19T05:00:00Z'), shift('loaned', '2026-11-18T05:00:00Z'), shift('loaned', '2026-11-19T05:00:00Z')]
        }
      }
    });
    const crews = directory(graph);
    expect(await crews.myCrews()).toEqual([
      { crewKey: WELD_B.id, crewName: 'GOT Weld B' },
      { crewKey: WELD_A.id, crewName: 'GOT Weld A' }
    ]);
    expect((await crews.crewOf(['loaned'])).get('loaned')?.crewKey).toBe(WELD_B.id);
  });

  it('counts published shifts only and follows the pages Graph sends', async () => {
    const next = 'https://graph.microsoft.com/v1.0/teams/team-weld-a/schedule/shifts?$skiptoken=2';
    const graph = new FakeGraph(
      [WELD_A],
      { [WELD_A.id]: { status: 200, body: { value: [shift('draft-only', '2026-11-20T05:00:00Z', false)], '@odata.nextLink': next } } },
      { [next]: { value: [shift(ME, '2026-11-21T05:00:00Z')] } }
    );
    const crews = directory(graph);
    expect(await crews.myCrewKeys()).toEqual([WELD_A.id]);
    expect(graph.gets).toEqual([next]);
    expect((await crews.crewOf(['draft-only'])).size).toBe(0);
  });

  it('skips teams without a readable Shifts schedule, and has no crews without teams', async () => {
    const graph = new FakeGraph([OFFICE, WELD_A], {
      [OFFICE.id]: { status: 403, body: { error: { code: 'Forbidden', message: 'No schedule' } } },
      [WELD_A.id]: { status: 200, body: { value: [shift(ME, '2026-11-20T05:00:00Z')] } }
    });
    expect(await directory(graph).myCrews()).toEqual([{ crewKey: WELD_A.id, crewName: 'GOT Weld A' }]);

    const alone = new FakeGraph([], {});
    const crews = directory(alone);
    expect(await crews.myCrewKeys()).toEqual([]);
    expect((await crews.crewOf(['x'])).size).toBe(0);
    expect(alone.batches).toHaveLength(1);
  });

  it('asks Graph once per session: concurrent calls share the read, later ones use the cache', async () => {
    const graph = new FakeGraph([WELD_A], { [WELD_A.id]: { status: 200, body: { value: [shift(ME, '2026-11-20T05:00:00Z')] } } });
    const stored = new Map<string, string>();
    const storage: StorageLike = {
      // eslint-disable-next-line @rushstack/no-new-null -- Web Storage's own signature
      getItem: (k) => stored.get(k) ?? null,
      setItem: (k, v) => {
        stored.set(k, v);
      },
      removeItem: (k) => {
        stored.delete(k);
      }
    };
    const crews = directory(graph, new GraphCache(ME, storage));
    await Promise.all([crews.myCrewKeys(), crews.crewOf([ME]), crews.myCrews()]);
    await crews.crewOf(['someone']);
    expect(graph.batches).toHaveLength(2);
    // Another part on the page (a new directory over the same session storage) asks nothing.
    const again = directory(graph, new GraphCache(ME, storage));
    expect(await again.myCrewKeys()).toEqual([WELD_A.id]);
    expect(graph.batches).toHaveLength(2);
  });

  it('does not ask Graph for an empty list of people', async () => {
    const graph = new FakeGraph([WELD_A], {});
    expect((await directory(graph).crewOf([])).size).toBe(0);
    expect(graph.batches).toHaveLength(0);
  });

  it('fails with a code when Graph refuses, throttles past the retries, or a schedule read breaks', async () => {
    const denied = new FakeGraph([WELD_A], {});
    denied.api = (): GraphRequestLike => ({
      get: async () => undefined,
      post: async (content: unknown) => ({
        responses: (content as { requests: InnerRequest[] }).requests.map((r) => ({ id: r.id, status: 403, headers: {}, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } } }))
      })
    });
    await expect(directory(denied).myCrewKeys()).rejects.toMatchObject({ code: 'accessDenied' });

    const throttled = new FakeGraph([WELD_A], { [WELD_A.id]: { status: 429, headers: { 'retry-after': '0' }, body: { error: { code: 'TooManyRequests', message: 'Slow down' } } } });
    const error = await directory(throttled).crewOf(['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkplaceError);
    expect(error).toMatchObject({ code: 'throttled' });

    const broken = new FakeGraph([WELD_A], { [WELD_A.id]: { status: 500, body: { error: { code: 'InternalServerError', message: 'Oops' } } } });
    await expect(directory(broken).myCrews()).rejects.toMatchObject({ code: 'unexpected' });

    const offline: GraphClientLike = { api: () => ({ get: () => Promise.reject(new TypeError('fetch failed')), post: () => Promise.reject(new TypeError('fetch failed')) }) };
    await expect(directory(offline).myCrews()).rejects.toMatchObject({ code: 'network' });
  });
});
