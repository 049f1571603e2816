/**
 * The Pulse card's one read (`GET /api/pulse/card`: the open rounds, the person's comments and the
 * published plans together), kept apart from `pulse.ts` so the Pulse part and the on-shift prompt,
 * which answer through `pulseOf`, do not load the threads' and plans' parsers the read brings.
 */
import { type PulseCardSource, RelayPulseCard } from '../connectors/relay/relayPulseCard';
import { relayOf } from './relay';
import type { EngageServices } from './services';

export type { PulseCardRead, PulseCardSource } from '../connectors/relay/relayPulseCard';

/** The card's read of this web and person (built on first use). */
export function pulseCardOf(services: EngageServices): PulseCardSource {
  return services.capability('pulse-card', (all) => new RelayPulseCard(relayOf(all)));
}
