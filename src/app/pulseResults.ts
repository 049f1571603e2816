/**
 * Pulse results for the page's parts (the Pulse results web part): the relay's results route on
 * the page's one relay client (`GET /api/pulse/results`; the relay decides from the token whom the
 * figures are for, and nothing on the page computes one). The questions' words come with the
 * rounds (the relay reads them from the question bank as it computes), so the first render asks
 * the relay alone (and SharePoint for the relay's address): two round trips.
 */
import { RelayPulseResults } from '../connectors/relay/relayPulseResults';
import type { PulseResultsSource } from '../core/pulse/results/wire';
import { relayOf } from './relay';
import type { EngageServices } from './services';

export interface PulseResultsServices {
  readonly source: PulseResultsSource;
}

/** The results services of this web and person (built on first use). */
export function pulseResultsOf(services: EngageServices): PulseResultsServices {
  return services.capability('pulseResults', (all) => ({
    source: new RelayPulseResults(relayOf(all))
  }));
}
