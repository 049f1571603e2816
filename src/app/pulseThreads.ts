/**
 * Comment threads for the page's parts: the Pulse results part (HR and leaders read and reply to
 * the comments their results show; HR hides and shows them) and the Pulse part and card (a
 * person's own comments, "HR answered your comment", answering back, deleting one). Everything
 * goes through the relay's thread routes on the page's one relay client: the relay alone knows
 * who wrote a comment, and decides from the token who may act on which thread.
 */
import { RelayPulseThreads } from '../connectors/relay/relayPulseThreads';
import type { PulseThreadsSource } from '../core/pulse/threads/wire';
import { relayOf } from './relay';
import type { EngageServices } from './services';

export interface PulseThreadsServices {
  readonly threads: PulseThreadsSource;
}

/** The thread services of this web and person (built on first use). */
export function pulseThreadsOf(services: EngageServices): PulseThreadsServices {
  return services.capability('pulseThreads', (all) => ({ threads: new RelayPulseThreads(relayOf(all)) }));
}
