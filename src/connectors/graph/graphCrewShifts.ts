/**
 * The published shifts of every Teams team the signed-in person is in, each team a crew (as
 * pulse audiences name crews), over a window: what HR's shortest round is computed from
 * (`minimumRoundLengthFromShifts`). The same Graph calls and scopes as the roster
 * (`/me/joinedTeams`: Team.ReadBasic.All; `/teams/{id}/schedule/shifts`: Schedule.Read.All), on the
 * page's shared coalescer. A team without a Shifts schedule (403, 404) is no crew.
 */
import type { Shift, TimeRange } from '../../core/roster/types';
import type { GraphClientLike } from './graphClient';
import { collectPages, expectOk } from './graphBatch';
import type { GraphCoalescer } from './graphCoalescer';
import { shiftFilters } from './graphRosterSource';

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A published shift's times (`sharedShift`); the rest of it is not needed here. */
function shiftOf(value: unknown, teamId: string): Shift | undefined {
  const shared = isRecord(value) && isRecord(value.sharedShift) ? value.sharedShift : undefined;
  const start = shared && typeof shared.startDateTime === 'string' ? shared.startDateTime : undefined;
  const end = shared && typeof shared.endDateTime === 'string' ? shared.endDateTime : undefined;
  return start && end && isRecord(value) && typeof value.id === 'string' ? { id: value.id, crewId: teamId, start, end, status: 'scheduled' } : undefined;
}

/** Each of the person's teams with a Shifts schedule, with its shifts in `range` (teams without shifts left out). */
export async function myCrewsShifts(graph: GraphClientLike, batcher: Pick<GraphCoalescer, 'send'>, range: TimeRange): Promise<Shift[][]> {
  const window = { start: range.start.toISOString(), end: range.end.toISOString() };
  const teams = await collectPages(graph, expectOk(await batcher.send({ url: '/me/joinedTeams?$select=id' }), 'Reading your teams'), 10);
  const teamIds = teams.map((team) => (isRecord(team) && typeof team.id === 'string' ? team.id : '')).filter((id) => id !== '');
  const crews = await Promise.all(
    teamIds.map(async (teamId) => {
      const url = `/teams/${encodeURIComponent(teamId)}/schedule/shifts?$filter=${shiftFilters(window, 1)[0]}`;
      const response = await batcher.send({ url });
      const values = response.status >= 200 && response.status < 300 ? await collectPages(graph, response.body, 20) : [];
      return values.map((value) => shiftOf(value, teamId)).filter((shift): shift is Shift => shift !== undefined);
    })
  );
  return crews.filter((shifts) => shifts.length > 0);
}
