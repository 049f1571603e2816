/**
 * The relay's directory facts of the person answering: their crews are the Teams teams whose
 * Shifts schedule they work on (the product's crew, as the page's crew directory reads it), not
 * every team they joined. A hobby team with no schedule, or one they are not on the roster of,
 * is not a crew and never becomes a group attribute or an audience crew.
 */
import { graphPulseFacts } from '../../relay/src/pulse/facts';

const PERSON = 'p-1';
const NOW = Date.parse('2026-05-04T06:00:00Z');

interface Call {
  readonly url: string;
}

function graph(schedules: Record<string, number | Array<{ userId: string }>>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const answer = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fake = async (input: string | URL | Request): Promise<Response> => {
    const url = String(input);
    calls.push({ url });
    if (url.includes('/users/')) {
      return answer(200, { id: PERSON, department: 'Weld 2', officeLocation: 'Göteborg', employeeType: 'Employee' });
    }
    const team = /\/teams\/([^/]+)\/schedule\/shifts/.exec(url)?.[1] ?? '';
    const shifts = schedules[team];
    if (typeof shifts === 'number') {
      return answer(shifts, { error: { code: 'NotFound' } });
    }
    return answer(200, { value: (shifts ?? []).map((s, i) => ({ id: `${team}-${i}`, userId: s.userId, sharedShift: { startDateTime: '2026-05-03T06:00:00Z', endDateTime: '2026-05-03T14:00:00Z' } })) });
  };
  return { fetch: fake as typeof fetch, calls };
}

describe('the relay takes crews only from teams the person works shifts on', () => {
  it('leaves out joined teams that have no schedule or none of the person on it, the team with most shifts first', async () => {
    const { fetch, calls } = graph({
      hobby: 404,
      choir: [{ userId: 'someone-else' }],
      weldA: [{ userId: PERSON }, { userId: 'x' }],
      weldB: [{ userId: PERSON }, { userId: PERSON }]
    });
    const facts = graphPulseFacts({
      graphUrl: 'https://graph.test/v1.0',
      tokens: async () => 'token',
      directory: { teamsOf: async () => ['hobby', 'choir', 'weldA', 'weldB'], managerOf: async () => undefined },
      fetch,
      now: () => NOW
    });
    expect((await facts('asa@contoso.example')).teamIds).toEqual(['weldB', 'weldA']);
    // The shifts of a window around now, with the relay's identity.
    const shiftCall = calls.find((c) => c.url.includes('/teams/weldA/'));
    expect(shiftCall?.url).toContain('$filter=sharedShift/startDateTime ge 2026-04-27T06:00:00.000Z and sharedShift/endDateTime le 2026-05-11T06:00:00.000Z');
  });

  it('has no crew when Graph does not let the relay read schedules (Schedule.Read.All not granted)', async () => {
    const { fetch } = graph({ weldA: 403 });
    const facts = graphPulseFacts({ graphUrl: 'https://graph.test/v1.0', tokens: async () => 'token', directory: { teamsOf: async () => ['weldA'], managerOf: async () => undefined }, fetch, now: () => NOW });
    expect((await facts('asa@contoso.example')).teamIds).toEqual([]);
  });
});
