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
import { myCrewsShifts } from '../connectors/graph/graphCrewShifts';
import { SharePointPulseAdmin } from '../connectors/sharepoint/pulseAdminStore';
import { withDeadline } from '../core/recovery';
import { checkRelay, type PulseAdminStore, type PulseRelayCheck, type RoundLengthSource } from '../core/pulse/adminPorts';
import { minimumRoundLengthFromShifts, type RoundLengthResult } from '../core/pulse/roundLength';
import { addLocalDays, formatLocalDate, localDateOf, zonedInstant } from '../core/pulse/zonedTime';
import { graphOf } from './graph';
import { relayOf } from './relay';
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

function buildRoundLength(services: EngageServices): RoundLengthSource {
  const { batcher } = graphOf(services);
  const { graph } = services.connections;
  return {
    minimumRoundLength: async (opensAt: string, timeZone: string): Promise<RoundLengthResult> => {
      const first = localDateOf(timeZone, new Date());
      const range = { start: zonedInstant(timeZone, first, 0), end: zonedInstant(timeZone, addLocalDays(first, PERIOD_DAYS + 1), 0) };
      return minimumRoundLengthFromShifts(await myCrewsShifts(graph, batcher, range), { periodStart: formatLocalDate(first), periodDays: PERIOD_DAYS, timeZone, opensAt });
    }
  };
}

function buildPulseAdmin(services: EngageServices): PulseAdminServices {
  const { connections } = services;
  const relayClient = relayOf(services);
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
