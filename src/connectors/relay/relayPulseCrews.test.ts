/**
 * RelayPulseCrews with a scripted relay: what it sends, what it keeps of the answer, and the
 * code each failure becomes. Over real HTTP against the local tenant's relay in
 * test/integration/relayPulseCrews.test.ts.
 */
import { PulseCrewsError } from '../../core/pulse/adminPorts';
import { type AuthorizedRequest, type AuthorizedResponse, RelayClient } from './relayClient';
import { parseCrewList, RelayPulseCrews } from './relayPulseCrews';

function reply(status: number, body: unknown = {}): AuthorizedResponse {
  return { ok: status >= 200 && status < 300, status, headers: { get: () => null }, json: async () => body };
}

function crewsWith(answer: AuthorizedResponse | Error | 'noRelay'): { crews: RelayPulseCrews; send: jest.Mock<Promise<AuthorizedResponse>, [string, AuthorizedRequest]> } {
  const send = jest.fn<Promise<AuthorizedResponse>, [string, AuthorizedRequest]>(async () => {
    if (answer instanceof Error) {
      throw answer;
    }
    return answer as AuthorizedResponse;
  });
  const client = new RelayClient({
    settings: async () => (answer === 'noRelay' ? undefined : { url: '/relay/api', resource: 'api://relay' }),
    aadFetch: async () => send,
    siteOrigin: 'https://contoso.sharepoint.com',
    sleep: async () => undefined
  });
  return { crews: new RelayPulseCrews(client), send };
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'resolved';
  } catch (error) {
    return error instanceof PulseCrewsError ? error.code : `not a PulseCrewsError: ${String(error)}`;
  }
}

describe('RelayPulseCrews', () => {
  it('posts the opening time and zone to the relay and keeps each crew\'s name, place and shortest round', async () => {
    const { crews, send } = crewsWith(
      reply(200, {
        periodStart: '2026-12-07',
        periodDays: 28,
        crews: [
          { crewKey: 'team-1', name: 'GOT Weld A', siteCode: 'GOT', lineCode: 'GOT-WELD2', minimumRoundDays: 3 },
          { crewKey: 'team-2', name: 'Shut down', minimumRoundDays: null }
        ]
      })
    );
    const list = await crews.crews('06:00', 'Europe/Stockholm');
    expect(send).toHaveBeenCalledWith('https://contoso.sharepoint.com/relay/api/pulse/crews', expect.objectContaining({ method: 'POST', body: JSON.stringify({ opensAt: '06:00', timeZone: 'Europe/Stockholm' }) }));
    expect(list).toEqual({
      periodStart: '2026-12-07',
      periodDays: 28,
      crews: [
        { crewKey: 'team-1', name: 'GOT Weld A', siteCode: 'GOT', lineCode: 'GOT-WELD2', minimumRoundDays: 3 },
        { crewKey: 'team-2', name: 'Shut down' }
      ]
    });
  });

  it('leaves out what is malformed and never guesses a round length', () => {
    const list = parseCrewList({ crews: [null, { name: 'no key' }, { crewKey: '  ' }, { crewKey: 'k', minimumRoundDays: 2.5, siteCode: 7 }, { crewKey: 'j', minimumRoundDays: 0 }] });
    expect(list.crews).toEqual([{ crewKey: 'k', name: 'k' }, { crewKey: 'j', name: 'j' }]);
    expect(parseCrewList('nonsense')).toEqual({ crews: [], periodStart: '', periodDays: 0 });
  });

  it('says why the crews are unavailable: no relay, not HR, not set up, a grant missing, busy', async () => {
    expect(await codeOf(crewsWith('noRelay').crews.crews('06:00', 'UTC'))).toBe('noRelay');
    expect(await codeOf(crewsWith(reply(403, { error: { code: 'notAllowed' } })).crews.crews('06:00', 'UTC'))).toBe('notAllowed');
    expect(await codeOf(crewsWith(reply(409, { error: { code: 'notSetUp' } })).crews.crews('06:00', 'UTC'))).toBe('notSetUp');
    expect(await codeOf(crewsWith(reply(502, { error: { code: 'relayMisconfigured' } })).crews.crews('06:00', 'UTC'))).toBe('relayFault');
    expect(await codeOf(crewsWith(reply(503, { error: { code: 'unavailable' } })).crews.crews('06:00', 'UTC'))).toBe('unavailable');
    expect(await codeOf(crewsWith(new TypeError('Failed to fetch')).crews.crews('06:00', 'UTC'))).toBe('unavailable');
    expect(await codeOf(crewsWith(reply(500, { error: { code: 'internal' } })).crews.crews('06:00', 'UTC'))).toBe('unexpected');
  });
});
