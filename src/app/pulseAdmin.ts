/**
 * HR's pulse admin services, once per web and person: the SharePoint store (surveys, rounds,
 * question bank, plant map and rights in one `$batch`), whether the relay can collect answers,
 * and the shortest round HR's crews need.
 *
 * - The relay: the page's relay client (`available()`: configured and a token for it) and its
 *   health (`GET /api/health`), within a deadline. Nothing here writes an answer: without a relay
 *   the part says why none is collected.
 * - The shortest round: the published shifts of the Teams teams the person is in (each team a
 *   crew, as audiences name crews), over the four weeks from today in the plant's time zone, taken
 *   as one period of the pattern (`minimumRoundLengthFromShifts`). The same Graph calls and scopes
 *   as the roster (`/me/joinedTeams`: Team.ReadBasic.All; `/teams/{id}/schedule/shifts`:
 *   Schedule.Read.All), on the page's shared coalescer. HR who is in no crew's team gets "the roster
 *   cannot tell" and the fallback length.
 */
import { collectPages, expectOk } from '../connectors/graph/graphBatch';
import { shiftFilters } from '../connectors/graph/graphRosterSource';
import { RelayClient } from '../connectors/relay/relayClient';
import { relaySettingsOf } from '../connectors/relay/relaySettings';
import { SharePointPulseAdmin } from '../connectors/sharepoint/pulseAdminStore';
import { withDeadline } from '../core/recovery';
import { checkRelay, type PulseAdminStore, type PulseRelayCheck, type RoundLengthSource } from '../core/pulse/adminPorts';
import { minimumRoundLengthFromShifts, type RoundLengthResult } from '../core/pulse/roundLength';
import { addLocalDays, formatLocalDate, localDateOf, zonedInstant } from '../core/pulse/zonedTime';
import type { Shift } from '../core/roster/types';
import { graphOf } from './graph';
import type { EngageServices } from './services';

export interface PulseAdminServices {
  readonly store: PulseAdminStore;
  readonly relay: PulseRelayCheck;
  readonly roundLength: RoundLengthSource;
}

/** The relay answers its health within this, or counts as unreachable (the part's own load has 10 s). */
const RELAY_CHECK_MS = 8_000;
/** The roster period read for the shortest round: four weeks (every weekly rotation of up to four crews). */
const PERIOD_DAYS = 28;

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

function buildRoundLength(services: EngageServices): RoundLengthSource {
  const { batcher } = graphOf(services);
  const { graph } = services.connections;
  return {
    minimumRoundLength: async (opensAt: string, timeZone: string): Promise<RoundLengthResult> => {
      const first = localDateOf(timeZone, new Date());
      const window = {
        start: zonedInstant(timeZone, first, 0).toISOString(),
        end: zonedInstant(timeZone, addLocalDays(first, PERIOD_DAYS + 1), 0).toISOString()
      };
      const teams = await collectPages(graph, expectOk(await batcher.send({ url: '/me/joinedTeams?$select=id' }), 'Reading your teams'), 10);
      const teamIds = teams.map((team) => (isRecord(team) && typeof team.id === 'string' ? team.id : '')).filter((id) => id !== '');
      const crews = await Promise.all(
        teamIds.map(async (teamId) => {
          const url = `/teams/${encodeURIComponent(teamId)}/schedule/shifts?$filter=${shiftFilters(window, 1)[0]}`;
          const response = await batcher.send({ url });
          // A team without a Shifts schedule (403, 404) is no crew.
          const values = response.status >= 200 && response.status < 300 ? await collectPages(graph, response.body, 20) : [];
          return values.map((value) => shiftOf(value, teamId)).filter((shift): shift is Shift => shift !== undefined);
        })
      );
      return minimumRoundLengthFromShifts(
        crews.filter((shifts) => shifts.length > 0),
        { periodStart: formatLocalDate(first), periodDays: PERIOD_DAYS, timeZone, opensAt }
      );
    }
  };
}

function buildPulseAdmin(services: EngageServices): PulseAdminServices {
  const { connections } = services;
  const relayClient = new RelayClient({
    settings: relaySettingsOf(connections.sp),
    aadFetch: connections.aadFetch,
    // A server-relative relay URL is on the page's (the site's) origin.
    siteOrigin: typeof location === 'undefined' ? '' : location.origin
  });
  const relay: PulseRelayCheck = {
    readiness: () =>
      checkRelay({
        available: () => relayClient.available(),
        health: () => withDeadline(relayClient.get('/health', 'Checking the relay'), RELAY_CHECK_MS, 'Checking the relay')
      })
  };
  return { store: new SharePointPulseAdmin(connections.sp), relay, roundLength: buildRoundLength(services) };
}

/** HR's pulse admin services of this web and person (built on first use). */
export function pulseAdminOf(services: EngageServices): PulseAdminServices {
  return services.capability('pulseAdmin', buildPulseAdmin);
}
