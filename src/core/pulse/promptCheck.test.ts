import { memoryStore } from '../storage';
import { teamIdCache } from '../roster/teamIdCache';
import { Outbox } from '../outbox/outbox';
import { PulseAnswers } from './pulseAnswers';
import { parseOffers, promptCheckSources, type PromptCheckPorts, type PromptDevice, type PromptGraph, type PromptRelayFetch } from './promptCheck';

const NOW = new Date('2026-12-07T10:00:00Z');
const ME = 'user-asa';

interface GraphItem {
  readonly id: string;
  readonly userId: string;
  readonly start: string;
  readonly end: string;
}

interface FakeTeam {
  readonly shifts: GraphItem[];
  readonly timeOff: GraphItem[];
  /** Every request for the team's schedule is answered with this (403: no Shifts for the person, 404: no schedule). */
  readonly status?: number;
  /** The first `times` asks of each of the team's requests are answered 429, with this Retry-After (seconds). */
  readonly busy?: { readonly times: number; readonly retryAfter?: string };
}

/**
 * A Graph that answers `$batch`es from teams' schedules as the filters ask (Graph's one form:
 * start on or after, end by), and records each round trip.
 */
function fakeGraph(teams: { [teamId: string]: FakeTeam }, joined: string[]): PromptGraph & { batches: string[][] } {
  const asked = new Map<string, number>();
  const answer = (url: string): { status: number; headers?: Record<string, string>; body: unknown } => {
    if (url === '/me?$select=id') {
      return { status: 200, body: { id: ME } };
    }
    if (url === '/me/joinedTeams') {
      return { status: 200, body: { value: joined.map((id) => ({ id })) } };
    }
    const match = /^\/teams\/([^/]+)\/schedule\/(shifts|timesOff)\?\$filter=\w+\/startDateTime ge (\S+) and \w+\/endDateTime le (\S+)$/.exec(url);
    const team = match ? teams[decodeURIComponent(match[1])] : undefined;
    if (!match || !team) {
      return { status: 404, body: { error: { code: 'NotFound' } } };
    }
    if (team.status) {
      return { status: team.status, body: { error: { code: team.status === 404 ? 'NotFound' : 'Forbidden' } } };
    }
    asked.set(url, (asked.get(url) ?? 0) + 1);
    if (team.busy && (asked.get(url) ?? 0) <= team.busy.times) {
      return { status: 429, headers: team.busy.retryAfter === undefined ? {} : { 'Retry-After': team.busy.retryAfter }, body: { error: { code: 'TooManyRequests' } } };
    }
    const [from, to] = [Date.parse(match[3]), Date.parse(match[4])];
    const shared = match[2] === 'shifts' ? 'sharedShift' : 'sharedTimeOff';
    const items = (match[2] === 'shifts' ? team.shifts : team.timeOff).filter((i) => Date.parse(i.start) >= from && Date.parse(i.end) <= to);
    return { status: 200, body: { value: items.map((i) => ({ id: i.id, userId: i.userId, [shared]: { startDateTime: i.start, endDateTime: i.end } })) } };
  };
  const graph = {
    batches: [] as string[][],
    api: (path: string) => ({
      get: () => Promise.reject(new Error(`unexpected GET ${path}`)),
      post: (content: unknown) => {
        const { requests } = content as { requests: Array<{ id: string; url: string }> };
        graph.batches.push(requests.map((r) => r.url));
        return Promise.resolve({ responses: requests.map((r) => ({ id: r.id, ...answer(r.url) })) });
      }
    })
  };
  return graph;
}

const dayShift: GraphItem = { id: 'day', userId: ME, start: '2026-12-07T06:00:00Z', end: '2026-12-07T14:00:00Z' };
const colleague: GraphItem = { id: 'other', userId: 'user-bo', start: '2026-12-07T09:00:00Z', end: '2026-12-07T17:00:00Z' };

function ports(graph: PromptGraph, overrides: Partial<PromptCheckPorts> = {}): PromptCheckPorts {
  return {
    graph,
    sharePoint: () => Promise.resolve({ value: [] }),
    siteOrigin: 'https://plant.example',
    siteUserId: 7,
    timeZone: 'Europe/Stockholm',
    now: () => NOW,
    grace: { startGraceMinutes: 15, endGraceMinutes: 15 },
    ...overrides
  };
}

function device(overrides: Partial<PromptDevice> = {}): PromptDevice & { local: ReturnType<typeof memoryStore> } {
  return {
    local: memoryStore(),
    session: memoryStore(),
    dismissedKey: 'se-pulse-dismissed:asa',
    outboxKey: 'se-pulse-outbox:asa',
    memoKey: 'se-pulse-prompt-quiet:asa',
    sendWaiting: () => Promise.resolve(),
    ...overrides
  } as PromptDevice & { local: ReturnType<typeof memoryStore> };
}

/** A wait that returns at once and records how long it was asked to wait. */
function recordedWaits(): { waits: number[]; wait: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return {
    waits,
    wait: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    }
  };
}

describe('the prompt’s roster check', () => {
  it('on shift: allowed, from the person’s own shifts (not a colleague’s), in two Graph round trips on a device’s first visit', async () => {
    const graph = fakeGraph({ weld: { shifts: [dayShift, colleague], timeOff: [] } }, ['weld']);
    const decision = await promptCheckSources(ports(graph), device()).mayPromptNow();
    expect(decision).toEqual({ allowed: true, shift: { id: 'day', start: '2026-12-07T06:00:00.000Z', end: '2026-12-07T14:00:00.000Z', status: 'scheduled' } });
    expect(graph.batches.length).toBe(2);
    expect(graph.batches[0]).toEqual(['/me?$select=id', '/me/joinedTeams']);
    // Time off over 62 days either side of the roster's window (Graph filters only on "starts on or after, ends by"),
    // then a day of shifts a request over the window: whole UTC days from 5 to 10 December.
    expect(graph.batches[1][0]).toBe('/teams/weld/schedule/timesOff?$filter=sharedTimeOff/startDateTime ge 2026-10-04T00:00:00.000Z and sharedTimeOff/endDateTime le 2027-02-10T00:00:00.000Z');
    const day = (from: number, to: number): string =>
      `/teams/weld/schedule/shifts?$filter=sharedShift/startDateTime ge 2026-12-0${from}T00:00:00.000Z and sharedShift/endDateTime le 2026-12-${String(to).padStart(2, '0')}T00:00:00.000Z`;
    expect(graph.batches[1].slice(1)).toEqual([day(5, 7), day(6, 8), day(7, 9), day(8, 10), day(9, 10)]);
  });

  it('off shift, on leave, in the first minutes of a shift, or in quiet hours of the person’s own item: not allowed', async () => {
    const check = async (at: string, teams: Parameters<typeof fakeGraph>[0], sharePoint?: PromptCheckPorts['sharePoint']): Promise<unknown> =>
      promptCheckSources(ports(fakeGraph(teams, ['weld']), { now: () => new Date(at), ...(sharePoint ? { sharePoint } : {}) }), device()).mayPromptNow();
    const weld = { weld: { shifts: [dayShift, colleague], timeOff: [] } };
    await expect(check('2026-12-07T15:00:00Z', weld)).resolves.toEqual({ allowed: false, reason: 'notOnShift' });
    await expect(check('2026-12-07T06:10:00Z', weld)).resolves.toEqual({ allowed: false, reason: 'shiftStarting' });
    await expect(check('2026-12-07T13:50:00Z', weld)).resolves.toEqual({ allowed: false, reason: 'shiftEnding' });
    const sick = { id: 'sick', userId: ME, start: '2026-12-07T00:00:00Z', end: '2026-12-08T00:00:00Z' };
    await expect(check('2026-12-07T10:00:00Z', { weld: { shifts: [dayShift], timeOff: [sick] } })).resolves.toEqual({ allowed: false, reason: 'onLeave' });
    const othersLeave = { ...sick, userId: 'user-bo' };
    await expect(check('2026-12-07T10:00:00Z', { weld: { shifts: [dayShift], timeOff: [othersLeave] } })).resolves.toMatchObject({ allowed: true });
    // 10:00 UTC is 11:00 in Stockholm.
    const asked: string[] = [];
    const preferences = (rows: unknown[]): PromptCheckPorts['sharePoint'] => (path) => {
      asked.push(path);
      return Promise.resolve({ value: rows });
    };
    const quiet = JSON.stringify({ from: '10:30', to: '12:00' });
    await expect(check('2026-12-07T10:00:00Z', weld, preferences([{ QuietHours: quiet, PersonId: 7, AuthorId: 7 }]))).resolves.toEqual({ allowed: false, reason: 'quietHours' });
    expect(asked).toEqual(["_api/web/lists/getByTitle('SE_Preferences')/items?$select=QuietHours,PersonId,AuthorId&$filter=PersonId eq 7&$top=10"]);
    // An item someone else wrote about the person does not speak for them.
    await expect(check('2026-12-07T10:00:00Z', weld, preferences([{ QuietHours: quiet, PersonId: 7, AuthorId: 12 }]))).resolves.toMatchObject({ allowed: true });
  });

  it('a returning person’s device asks for the kept teams’ schedules in the first round trip, and reads a team joined since after it', async () => {
    const kept = teamIdCache(memoryStore(), 'se-roster-teams:asa', () => NOW.getTime());
    kept.write(['weld', 'left']);
    const graph = fakeGraph({ weld: { shifts: [], timeOff: [] }, left: { shifts: [], timeOff: [], status: 403 }, paint: { shifts: [dayShift], timeOff: [] } }, ['weld', 'paint']);
    const decision = await promptCheckSources(ports(graph, { teamIds: kept }), device()).mayPromptNow();
    expect(decision).toMatchObject({ allowed: true, shift: { id: 'day' } });
    expect(graph.batches.length).toBe(2);
    expect(graph.batches[0].slice(0, 2)).toEqual(['/me?$select=id', '/me/joinedTeams']);
    expect(graph.batches[0].filter((u) => u.startsWith('/teams/weld/')).length).toBe(6);
    expect(graph.batches[0].filter((u) => u.startsWith('/teams/left/')).length).toBe(6);
    expect(graph.batches[1].every((u) => u.startsWith('/teams/paint/'))).toBe(true);
    expect(kept.read()).toEqual(['weld', 'paint']);

    const again = fakeGraph({ weld: { shifts: [dayShift], timeOff: [] }, paint: { shifts: [], timeOff: [] } }, ['weld', 'paint']);
    await expect(promptCheckSources(ports(again, { teamIds: kept }), device()).mayPromptNow()).resolves.toMatchObject({ allowed: true });
    expect(again.batches.length).toBe(1);
  });

  it('keeps the roster it read for five minutes on the tab: the next pages ask Graph nothing meanwhile', async () => {
    const session = memoryStore();
    let now = Date.parse('2026-12-07T13:44:00Z');
    const rosterCache = { read: () => session.read('roster'), write: (value: string) => session.write('roster', value) };
    const graph = fakeGraph({ weld: { shifts: [dayShift], timeOff: [] } }, ['weld']);
    const check = (): Promise<unknown> => promptCheckSources(ports(graph, { rosterCache, now: () => new Date(now) }), device()).mayPromptNow();
    await expect(check()).resolves.toMatchObject({ allowed: true });
    expect(graph.batches.length).toBe(2);
    // Three minutes later: the shift's last minutes, decided on the kept roster.
    now += 3 * 60_000;
    await expect(check()).resolves.toEqual({ allowed: false, reason: 'shiftEnding' });
    expect(graph.batches.length).toBe(2);
    now += 2 * 60_000;
    await check();
    expect(graph.batches.length).toBe(4);
  });

  it('follows the pages Graph gives (a crew whose day does not fit one page)', async () => {
    const graph = fakeGraph({ weld: { shifts: [colleague], timeOff: [] } }, ['weld']);
    const post = graph.api('/$batch').post;
    const next = 'https://graph.microsoft.com/v1.0/teams/weld/schedule/shifts?$skiptoken=2';
    const paged: PromptGraph = {
      api: (path) => ({
        get: () =>
          path === next
            ? Promise.resolve({ value: [{ id: 'day', userId: ME, sharedShift: { startDateTime: dayShift.start, endDateTime: dayShift.end } }] })
            : Promise.reject(new Error(`unexpected GET ${path}`)),
        post: async (content) => {
          const answer = (await post(content)) as { responses: Array<{ url?: string; body: { value?: unknown[]; '@odata.nextLink'?: string } }> };
          const { requests } = content as { requests: Array<{ id: string; url: string }> };
          const today = requests.findIndex((r) => r.url.includes('shifts?$filter=sharedShift/startDateTime ge 2026-12-07'));
          if (today >= 0) {
            answer.responses[today].body['@odata.nextLink'] = next;
          }
          return answer;
        }
      })
    };
    await expect(promptCheckSources(ports(paged), device()).mayPromptNow()).resolves.toMatchObject({ allowed: true, shift: { id: 'day' } });
  });

  it('on leave that began before the roster’s window and ends after it, with a shift now: not allowed', async () => {
    const leave = { id: 'leave', userId: ME, start: '2026-11-27T00:00:00Z', end: '2026-12-17T00:00:00Z' };
    const graph = fakeGraph({ weld: { shifts: [dayShift], timeOff: [leave] } }, ['weld']);
    await expect(promptCheckSources(ports(graph), device()).mayPromptNow()).resolves.toEqual({ allowed: false, reason: 'onLeave' });
    // Leave over before the window, or a colleague's, does not count.
    const over = { ...leave, id: 'over', end: '2026-12-01T00:00:00Z' };
    const others = { ...leave, id: 'others', userId: 'user-bo' };
    const without = fakeGraph({ weld: { shifts: [dayShift], timeOff: [over, others] } }, ['weld']);
    await expect(promptCheckSources(ports(without), device()).mayPromptNow()).resolves.toMatchObject({ allowed: true });
  });

  it('a team the person is in whose schedule Graph refuses (403) or does not have (404) is no crew of theirs: the other teams decide', async () => {
    for (const status of [403, 404]) {
      const graph = fakeGraph({ office: { shifts: [], timeOff: [], status }, weld: { shifts: [dayShift], timeOff: [] } }, ['office', 'weld']);
      await expect(promptCheckSources(ports(graph), device()).mayPromptNow()).resolves.toMatchObject({ allowed: true, shift: { id: 'day' } });
      const alone = fakeGraph({ office: { shifts: [], timeOff: [], status } }, ['office']);
      await expect(promptCheckSources(ports(alone), device()).mayPromptNow()).resolves.toEqual({ allowed: false, reason: 'notOnShift' });
    }
  });

  it('asks again once what Graph answered 429, after its Retry-After', async () => {
    const { waits, wait } = recordedWaits();
    const graph = fakeGraph({ office: { shifts: [], timeOff: [] }, weld: { shifts: [dayShift], timeOff: [], busy: { times: 1, retryAfter: '2' } } }, ['office', 'weld']);
    await expect(promptCheckSources(ports(graph, { wait }), device()).mayPromptNow()).resolves.toMatchObject({ allowed: true, shift: { id: 'day' } });
    expect(waits).toEqual([2000]);
    // The team list, both teams' schedules, then only the busy team's requests again.
    expect(graph.batches.length).toBe(3);
    expect(graph.batches[2].length).toBe(6);
    expect(graph.batches[2].every((u) => u.startsWith('/teams/weld/'))).toBe(true);
    // Without a Retry-After: a second.
    const unsaid = fakeGraph({ weld: { shifts: [dayShift], timeOff: [], busy: { times: 1 } } }, ['weld']);
    await expect(promptCheckSources(ports(unsaid, { wait }), device()).mayPromptNow()).resolves.toMatchObject({ allowed: true });
    expect(waits).toEqual([2000, 1000]);
  });

  it('still busy after that, or asked to wait longer than five seconds: not now (the check fails, keeps nothing and is made again later)', async () => {
    const { waits, wait } = recordedWaits();
    const session = memoryStore();
    const rosterCache = { read: () => session.read('roster'), write: (value: string) => session.write('roster', value) };
    const twice = fakeGraph({ weld: { shifts: [dayShift], timeOff: [], busy: { times: 2, retryAfter: '1' } } }, ['weld']);
    await expect(promptCheckSources(ports(twice, { wait, rosterCache }), device()).mayPromptNow()).rejects.toThrow('429');
    expect(waits).toEqual([1000]);
    expect(twice.batches.length).toBe(3);
    const long = fakeGraph({ weld: { shifts: [dayShift], timeOff: [], busy: { times: 1, retryAfter: '30' } } }, ['weld']);
    await expect(promptCheckSources(ports(long, { wait, rosterCache }), device()).mayPromptNow()).rejects.toThrow('429');
    expect(waits).toEqual([1000]);
    expect(long.batches.length).toBe(2);
    expect(session.read('roster')).toBeUndefined();
    // The next check reads Graph again, and Graph has room now.
    await expect(promptCheckSources(ports(long, { wait, rosterCache }), device()).mayPromptNow()).resolves.toMatchObject({ allowed: true });
  });

  it('fails (the prompt stays silent) when the person is in no team', async () => {
    await expect(promptCheckSources(ports(fakeGraph({}, [])), device()).mayPromptNow()).rejects.toThrow('not in a team');
  });
});

const relaySettings = { Value: JSON.stringify({ url: '/relay/api', resource: 'api://engage-relay' }) };

function relay(body: unknown, status = 200): { fetch: (resource: string) => Promise<PromptRelayFetch>; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: (resource) => {
      calls.push(resource);
      return Promise.resolve((url) => {
        calls.push(url);
        return Promise.resolve({ ok: status === 200, status, json: () => Promise.resolve(body) });
      });
    }
  };
}

const offered = {
  roundId: 4,
  surveyId: 1,
  title: 'Week 50',
  opensAt: '2026-12-01T00:00:00Z',
  closesAt: '2026-12-10T00:00:00Z',
  questions: [
    { key: 'q1', kind: 'likert5', driver: 'belonging', texts: { 'en-us': 'Q1' } },
    { key: 'q2', kind: 'text', driver: 'fairness', texts: { 'en-us': 'Q2' } },
    { key: 'q3', kind: 'unknown', texts: {} }
  ],
  answered: false
};

describe('the prompt’s relay read', () => {
  it('finds the relay in the tenant property and reads the rounds open for the person with their token', async () => {
    const r = relay({ rounds: [offered] });
    const asked: string[] = [];
    const sharePoint = (path: string): Promise<unknown> => {
      asked.push(path);
      return Promise.resolve(relaySettings);
    };
    const rounds = await promptCheckSources(ports(fakeGraph({}, []), { sharePoint, relayFetch: r.fetch }), device()).openRounds();
    expect(asked).toEqual(["_api/web/GetStorageEntity('ShopfloorEngageRelay')"]);
    expect(r.calls).toEqual(['api://engage-relay', 'https://plant.example/relay/api/pulse/open']);
    expect(rounds).toEqual([
      { roundId: 4, title: 'Week 50', opensAt: offered.opensAt, closesAt: offered.closesAt, questions: [expect.objectContaining({ key: 'q1', kind: 'likert5' }), expect.objectContaining({ key: 'q2', kind: 'text' })], answered: false }
    ]);
  });

  it('fails without a relay, without a token for it, or when the relay refuses', async () => {
    const none = ports(fakeGraph({}, []), { sharePoint: () => Promise.resolve({}), relayFetch: relay({ rounds: [] }).fetch });
    await expect(promptCheckSources(none, device()).openRounds()).rejects.toThrow('No relay');
    const noToken = ports(fakeGraph({}, []), { sharePoint: () => Promise.resolve(relaySettings) });
    await expect(promptCheckSources(noToken, device()).openRounds()).rejects.toThrow('No relay');
    const refused = ports(fakeGraph({}, []), { sharePoint: () => Promise.resolve(relaySettings), relayFetch: relay({}, 503).fetch });
    await expect(promptCheckSources(refused, device()).openRounds()).rejects.toThrow('503');
  });

  it('sends the answers waiting on the device first, and counts a round whose answer still waits as answered', async () => {
    const d = device();
    new Outbox(d.local, d.outboxKey).enqueue('k1', { roundId: 4, submissionKey: 'k1', answers: {}, comments: {} });
    const sendWaiting = jest.fn(() => Promise.resolve());
    const p = ports(fakeGraph({}, []), { sharePoint: () => Promise.resolve(relaySettings), relayFetch: relay({ rounds: [offered, { ...offered, roundId: 5 }] }).fetch });
    const rounds = await promptCheckSources(p, { ...d, sendWaiting }).openRounds();
    expect(sendWaiting).toHaveBeenCalledTimes(1);
    expect(rounds.map((r) => [r.roundId, r.answered])).toEqual([
      [4, true],
      [5, false]
    ]);
    const none = jest.fn(() => Promise.resolve());
    await promptCheckSources(p, { ...device(), sendWaiting: none }).openRounds();
    expect(none).not.toHaveBeenCalled();
  });

  it('leaves out what is malformed', () => {
    expect(parseOffers({ rounds: [{ ...offered, roundId: 0 }, { title: 'no id' }, 'x'] })).toEqual([]);
    expect(parseOffers(undefined)).toEqual([]);
    expect(parseOffers({ rounds: [{ roundId: 2, questions: 'none' }] })).toEqual([{ roundId: 2, title: '', opensAt: '', closesAt: '', questions: [], answered: false }]);
  });
});

describe('the prompt on the device', () => {
  it('"Not now" keeps the round where the answering services read dismissals, and reads theirs', () => {
    const d = device();
    const sources = promptCheckSources(ports(fakeGraph({}, [])), d);
    const answers = new PulseAnswers({ relay: { openRounds: () => Promise.resolve([]), submit: () => Promise.reject(new Error('none')) }, store: d.local, outboxKey: d.outboxKey, dismissedKey: d.dismissedKey });
    sources.dismiss(4);
    sources.dismiss(4);
    expect(answers.dismissedRoundIds()).toEqual([4]);
    answers.dismiss(9);
    expect(sources.dismissedRoundIds()).toEqual([4, 9]);
  });

  it('keeps "nothing to prompt for until …" in the tab’s storage', () => {
    const d = device();
    const { memo } = promptCheckSources(ports(fakeGraph({}, [])), d);
    expect(memo?.read()).toBeUndefined();
    memo?.write(NOW.getTime() + 1000);
    expect(d.session.read(d.memoKey)).toBe(String(NOW.getTime() + 1000));
    expect(memo?.read()).toBe(NOW.getTime() + 1000);
  });
});
