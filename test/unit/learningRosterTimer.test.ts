/**
 * The learning timer's roster read (`crewMovesRoster.ts`): the Graph calls it makes, a shift as
 * the rules take it (person, times, staged for deletion, activities), a team without Shifts as no
 * crew, every schedule refused as the grant missing, and one read for both steps of a run.
 */
import { graphLearningRoster, rosteredShiftOf } from '../../relay/src/learning/crewMovesRoster';
import { GraphCallError } from '../../relay/src/directory';

const ROOT = 'https://graph.example/v1.0';
const NOW = new Date('2026-03-10T09:00:00Z');

function shiftRow(userId: string, start: string, end: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: `SHFT_${userId}_${start}`, userId, isStagedForDeletion: false, sharedShift: { displayName: 'Morning', notes: 'Press line 1', startDateTime: start, endDateTime: end, activities: [] }, ...extra };
}

/** A fake Graph answering by path; the URLs asked, in order. */
function fakeGraph(answers: Record<string, { status: number; body?: unknown }>): { fetch: typeof fetch; asked: string[] } {
  const asked: string[] = [];
  const fetchLike = (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const path = url.slice(ROOT.length).split('?')[0];
    const answer = answers[path] ?? { status: 404, body: {} };
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetch: fetchLike, asked };
}

describe("the learning timer's roster", () => {
  it('maps a published shift with its activities, staged for deletion as cancelled, and leaves one without a person out', () => {
    const activity = { code: 'GOT-PRESS1-DIE', displayName: 'Die change', isPaid: true, theme: 'blue', startDateTime: '2026-03-09T05:00:00Z', endDateTime: '2026-03-09T09:00:00Z' };
    const row = shiftRow('u-1', '2026-03-09T05:00:00Z', '2026-03-09T13:00:00Z', { isStagedForDeletion: true });
    (row.sharedShift as Record<string, unknown>).activities = [activity, { displayName: 'Break', startDateTime: 'not a time', endDateTime: '2026-03-09T10:00:00Z' }];
    expect(rosteredShiftOf(row, 'team-a')).toEqual({
      personId: 'u-1',
      teamId: 'team-a',
      start: new Date('2026-03-09T05:00:00Z'),
      end: new Date('2026-03-09T13:00:00Z'),
      cancelled: true,
      activities: [{ code: 'GOT-PRESS1-DIE', start: new Date('2026-03-09T05:00:00Z'), end: new Date('2026-03-09T09:00:00Z') }]
    });
    expect(rosteredShiftOf({ ...row, userId: '' }, 'team-a')).toBeUndefined();
    expect(rosteredShiftOf({ ...row, sharedShift: null }, 'team-a')).toBeUndefined();
  });

  it('reads the teams, their shifts two weeks back and one ahead, and the people, once for the same instant', async () => {
    const graph = fakeGraph({
      '/teams': { status: 200, body: { value: [{ id: 'team-a' }, { id: 'team-b' }] } },
      '/teams/team-a/schedule/shifts': { status: 200, body: { value: [shiftRow('U-1', '2026-03-09T05:00:00Z', '2026-03-09T13:00:00Z')] } },
      // Shifts never set up for this team: no crew.
      '/teams/team-b/schedule/shifts': { status: 404, body: {} },
      '/users': { status: 200, body: { value: [{ id: 'U-1', userPrincipalName: 'Asa@Contoso.example' }] } }
    });
    const roster = graphLearningRoster({ graphUrl: ROOT, tokens: async () => 'token', fetch: graph.fetch });
    const read = await roster(NOW);
    expect(read.shifts.map((s) => [s.personId, s.teamId])).toEqual([['U-1', 'team-a']]);
    expect([...read.people]).toEqual([['u-1', 'asa@contoso.example']]);
    expect(graph.asked).toEqual([
      `${ROOT}/teams?$select=id,displayName`,
      `${ROOT}/teams/team-a/schedule/shifts?$filter=sharedShift/startDateTime ge 2026-02-24T09:00:00.000Z and sharedShift/endDateTime le 2026-03-17T09:00:00.000Z`,
      `${ROOT}/teams/team-b/schedule/shifts?$filter=sharedShift/startDateTime ge 2026-02-24T09:00:00.000Z and sharedShift/endDateTime le 2026-03-17T09:00:00.000Z`,
      `${ROOT}/users?$select=id,userPrincipalName&$top=999`
    ]);
    // The second step of the same run reads nothing again; the next run reads anew.
    await roster(NOW);
    expect(graph.asked).toHaveLength(4);
    await roster(new Date(NOW.getTime() + 3_600_000));
    expect(graph.asked).toHaveLength(8);
  });

  it('fails with 403 when every schedule is refused (Schedule.Read.All not granted), and keeps no failed read', async () => {
    const graph = fakeGraph({
      '/teams': { status: 200, body: { value: [{ id: 'team-a' }] } },
      '/teams/team-a/schedule/shifts': { status: 403, body: {} }
    });
    const roster = graphLearningRoster({ graphUrl: ROOT, tokens: async () => 'token', fetch: graph.fetch });
    const refused = await roster(NOW).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphCallError);
    expect((refused as GraphCallError).status).toBe(403);
    await roster(NOW).catch(() => undefined);
    expect(graph.asked).toHaveLength(4);
  });
});
