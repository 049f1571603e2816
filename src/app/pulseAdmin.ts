/**
 * HR's pulse admin services, once per web and person: the SharePoint store (surveys, rounds,
 * question bank, plant map and rights in one `$batch`), whether the relay can collect answers,
 * and the crews HR can name in an audience, each with its shortest round.
 *
 * - The relay: the page's relay client (`available()`: configured and a token for it) and its
 *   health (`GET /api/health`), within a deadline. Nothing here writes an answer: without a relay
 *   the part says why none is collected.
 * - The crews: `POST /api/pulse/crews` on the same relay client. The relay reads the Teams teams
 *   with Shifts schedules and their rosters with its own identity, since HR is rarely on a crew's
 *   roster, and answers per crew its name, site, line and shortest round; the form takes the
 *   longest of the audience's crews. Without a relay the crews are unavailable, with the reason:
 *   never HR's own teams in their place.
 */
import { RelayPulseCrews } from '../connectors/relay/relayPulseCrews';
import { SharePointPulseAdmin } from '../connectors/sharepoint/pulseAdminStore';
import { withDeadline } from '../core/recovery';
import { checkRelay, type PulseAdminStore, type PulseCrewSource, type PulseRelayCheck } from '../core/pulse/adminPorts';
import { relayOf } from './relay';
import type { EngageServices } from './services';

export interface PulseAdminServices {
  readonly store: PulseAdminStore;
  readonly relay: PulseRelayCheck;
  readonly crews: PulseCrewSource;
}

/** The relay answers its health within this, or counts as unreachable (the part's own load has 10 s). */
const RELAY_CHECK_MS = 8_000;

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
  return { store: new SharePointPulseAdmin(connections.sp), relay, crews: new RelayPulseCrews(relayClient) };
}

/** HR's pulse admin services of this web and person (built on first use). */
export function pulseAdminOf(services: EngageServices): PulseAdminServices {
  return services.capability('pulseAdmin', buildPulseAdmin);
}
