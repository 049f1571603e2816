/**
 * The skills matrix's reads with typed fakes: SharePoint through real PnPjs with its answers
 * scripted at the send step (one `$batch`, CrewKey filters, the rows that count), and Graph
 * through a fake client answering `$batch` as Graph does (the leader's people and teams in one,
 * the crews' shifts in one).
 */
import type { Queryable } from '@pnp/queryable';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';

import type { GraphClientLike } from '../../graph/graphClient';
import { GraphCoalescer } from '../../graph/graphCoalescer';
import type { RetryPolicy } from '../../graph/graphBatch';
import { countingRows, readCrewSkills, SkillsReadError } from './skillsReader';
import { CrewRosterReader } from './skillsReaderRoster';

const SITE = 'https://contoso.sharepoint.com/sites/engage';
const RELAY = 'i:0i.t|ms.sp.ext|11111111-2222-3333-4444-555555555555@contoso';
const noWait: RetryPolicy = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined, random: () => 0 };

type Answer = { readonly status: number; readonly body: unknown };

/** SharePoint answering each request of a `$batch` with `script`; every `$batch` and its requests recorded. */
function sharePoint(script: (path: string) => Answer): { sp: SPFI; batches: string[][] } {
  const batches: string[][] = [];
  const boundary = 'batchresponse_skills';
  const send = (instance: Queryable): Queryable => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      if (url.pathname.endsWith('/_api/contextinfo')) {
        return new Response(JSON.stringify({ FormDigestValue: 'digest', FormDigestTimeoutSeconds: 1800 }), { status: 200 });
      }
      if (!url.pathname.endsWith('/_api/$batch')) {
        throw new Error(`A request outside the batch: ${url.toString()}`);
      }
      const inner = Array.from(String(init.body).matchAll(/^GET (\S+) HTTP\/1\.1\r?$/gm), (m) => decodeURIComponent(m[1].replace(/\+/g, ' ')));
      batches.push(inner);
      const parts = inner.map(script).flatMap((a) => [`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `HTTP/1.1 ${a.status} X`, 'CONTENT-TYPE: application/json;odata=nometadata', '', JSON.stringify(a.body)]);
      return new Response([...parts, `--${boundary}--`, ''].join('\r\n'), { status: 200, headers: { 'content-type': `multipart/mixed; boundary=${boundary}` } });
    });
    return instance;
  };
  return { sp: spfi(SITE).using(SPBrowser({ baseUrl: SITE }), send), batches };
}

function skillRow(id: number, personId: number, station: string, level: string, editor: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ID: id,
    Title: `${station} name`,
    Station: station,
    Level: level,
    CrewKey: 'team-a',
    Person: { Id: personId, Title: `Person ${personId}`, Name: `i:0#.f|membership|p${personId}@contoso.com` },
    Editor: { Name: editor },
    ...extra
  };
}

describe('readCrewSkills', () => {
  it('reads each crew by its indexed CrewKey and the paths in one $batch, and keeps only the rows the relay wrote', async () => {
    const { sp, batches } = sharePoint((path) => {
      if (path.includes('SE_LearningPaths')) {
        return { status: 200, body: { value: [{ ID: 3, LapseDays: 60 }] } };
      }
      const crew = /CrewKey eq '([^']+)'/.exec(path)?.[1];
      return crew === 'team-a'
        ? {
            status: 200,
            body: {
              value: [
                skillRow(1, 7, 'ST-1', 'U', RELAY, { PathId: 3, LastPractisedAt: '2026-01-01T00:00:00Z' }),
                // A member raised their own level before setup: it counts for nothing.
                skillRow(2, 8, 'ST-1', 'O', 'i:0#.f|membership|p8@contoso.com'),
                skillRow(3, 8, 'ST-2', 'Nonsense', RELAY)
              ]
            }
          }
        : { status: 200, body: { value: [skillRow(1, 7, 'ST-1', 'U', RELAY)] } };
    });
    const read = await readCrewSkills(sp, ['team-a', "team-'b", 'team-a']);
    expect(batches).toHaveLength(1);
    expect(batches[0].filter((p) => p.includes('SE_Skills')).map((p) => /\$filter=([^&]+)/.exec(p)?.[1])).toEqual(["CrewKey eq 'team-a'", "CrewKey eq 'team-''b'"]);
    expect(batches[0].some((p) => p.includes('SE_LearningPaths'))).toBe(true);
    expect(read.skipped).toBe(1);
    expect(read.skills).toEqual([
      {
        personId: 7,
        personLogin: 'i:0#.f|membership|p7@contoso.com',
        personName: 'Person 7',
        station: 'ST-1',
        stationName: 'ST-1 name',
        crewKey: 'team-a',
        level: 'U',
        lastPractisedAt: '2026-01-01T00:00:00Z',
        lapseDays: 60
      }
    ]);
  });

  it('asks nothing for no crews', async () => {
    const { sp, batches } = sharePoint(() => ({ status: 500, body: {} }));
    expect(await readCrewSkills(sp, [])).toEqual({ skills: [], skipped: 0 });
    expect(batches).toHaveLength(0);
  });

  it('fails as the skills read with the reason SharePoint gave', async () => {
    const { sp } = sharePoint(() => ({ status: 429, body: { 'odata.error': { message: { value: 'busy' } } } }));
    const failure = await readCrewSkills(sp, ['team-a']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SkillsReadError);
    expect(failure).toMatchObject({ source: 'skills', code: 'throttled' });
  });
});

describe('countingRows', () => {
  it('keeps rows the relay (an app) or the system account last wrote, in order, and no row a person last wrote', () => {
    const rows = [
      { ID: 1, Editor: { Name: RELAY } },
      { ID: 2, Editor: { Name: 'i:0#.f|membership|hr@contoso.com' } },
      { ID: 3, Editor: { Name: 'SHAREPOINT\\system' } },
      { ID: 4 }
    ];
    expect(countingRows(rows).map((r) => r.ID)).toEqual([1, 3]);
  });
});

/** Graph answering `$batch` as Graph does, from a table of paths; records the batches. */
class FakeGraph implements GraphClientLike {
  public readonly batches: string[][] = [];

  public constructor(private readonly answer: (url: string) => Answer) {}

  public api(path: string): ReturnType<GraphClientLike['api']> {
    return {
      get: async () => {
        throw new Error(`No page expected: ${path}`);
      },
      post: async (content: unknown) => {
        const requests = (content as { requests: Array<{ id: string; url: string }> }).requests;
        this.batches.push(requests.map((r) => r.url));
        return { responses: requests.map((r) => ({ id: r.id, headers: {}, ...this.answer(r.url) })) };
      }
    };
  }
}

function reader(graph: FakeGraph): CrewRosterReader {
  return new CrewRosterReader(graph, new GraphCoalescer(graph, noWait), noWait);
}

describe('CrewRosterReader', () => {
  it('reads the leader, their direct reports (only users, never the leader) and their teams in one $batch', async () => {
    const graph = new FakeGraph((url) => {
      if (url.startsWith('/me?')) return { status: 200, body: { id: 'me', displayName: 'Lea', userPrincipalName: 'Lea@Contoso.com' } };
      if (url.startsWith('/me/directReports')) return { status: 200, body: { value: [{ id: 'r1', displayName: 'Ria', userPrincipalName: 'ria@contoso.com' }, { displayName: 'no id' }] } };
      if (url.startsWith('/me/joinedTeams')) return { status: 200, body: { value: [{ id: 't1', displayName: 'Weld A' }] } };
      return { status: 404, body: {} };
    });
    const crews = await reader(graph).leaderCrews();
    expect(graph.batches).toEqual([['/me?$select=id,displayName,userPrincipalName', '/me/directReports?$select=id,displayName,userPrincipalName', '/me/joinedTeams']]);
    expect(crews).toEqual({
      me: { id: 'me', displayName: 'Lea', userPrincipalName: 'lea@contoso.com' },
      reports: [{ id: 'r1', displayName: 'Ria', userPrincipalName: 'ria@contoso.com' }],
      teams: [{ id: 't1', name: 'Weld A' }]
    });
  });

  it('fails as the directory read when Graph refuses the direct reports', async () => {
    const graph = new FakeGraph((url) => (url.startsWith('/me/directReports') ? { status: 403, body: { error: { code: 'Forbidden', message: 'no' } } } : { status: 200, body: { id: 'me', value: [] } }));
    await expect(reader(graph).leaderCrews()).rejects.toMatchObject({ source: 'directory', code: 'accessDenied' });
  });

  it("reads every team's shifts and time off in one $batch; a team without a schedule has none; shifts once each", async () => {
    const shift = { id: 's1', userId: 'r1', sharedShift: { startDateTime: '2026-03-29T00:00:00+01:00', endDateTime: '2026-03-29T07:00:00+02:00', displayName: 'Night' } };
    const graph = new FakeGraph((url) => {
      if (url.startsWith('/teams/t1/schedule/shifts')) return { status: 200, body: { value: [shift] } };
      if (url.startsWith('/teams/t1/schedule/timesOff')) return { status: 200, body: { value: [{ id: 'o1', userId: 'r2', sharedTimeOff: { startDateTime: '2026-03-28T00:00:00Z', endDateTime: '2026-03-30T00:00:00Z' } }] } };
      return { status: 404, body: { error: { code: 'NotFound', message: 'no schedule' } } };
    });
    const roster = await reader(graph).crewRoster(['t1', 't2'], { start: new Date('2026-03-28T12:00:00Z'), end: new Date('2026-04-04T12:00:00Z') });
    expect(graph.batches).toHaveLength(1);
    expect(graph.batches[0].every((url) => /^\/teams\/t[12]\/schedule\/(shifts|timesOff)\?\$filter=shared(Shift|TimeOff)\/startDateTime ge \S+ and shared(Shift|TimeOff)\/endDateTime le \S+$/.test(url))).toBe(true);
    expect(graph.batches[0].length).toBeLessThanOrEqual(20);
    // The night the clocks go forward: 7 hours, one shift.
    expect(roster.shifts).toEqual([{ id: 's1', personId: 'r1', crewId: 't1', start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T05:00:00.000Z', label: 'Night', status: 'scheduled' }]);
    expect(roster.timeOff).toEqual([{ id: 'o1', personId: 'r2', start: '2026-03-28T00:00:00.000Z', end: '2026-03-30T00:00:00.000Z' }]);
  });

  it('fails as the roster read when Graph is busy', async () => {
    const graph = new FakeGraph(() => ({ status: 503, body: { error: { code: 'ServiceUnavailable', message: 'busy' } } }));
    await expect(reader(graph).crewRoster(['t1'], { start: new Date('2026-03-28T12:00:00Z'), end: new Date('2026-04-04T12:00:00Z') })).rejects.toMatchObject({
      source: 'roster',
      code: 'throttled'
    });
  });
});
