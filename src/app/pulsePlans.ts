/**
 * Action plans for the page's parts: the relay's plan routes (the only writer of plans), the
 * writer's unsent drafts on the device, and who is signed in (the editor's owner by default).
 * The Pulse results part edits and lists plans; the Pulse part and card show the published ones.
 * Without a relay nothing is read or written.
 */
import { RelayPulsePlans } from '../connectors/relay/relayPulsePlans';
import { PlanDrafts } from '../core/pulse/plans/drafts';
import type { PlanOwner } from '../core/pulse/plans/types';
import type { PlanStore } from '../core/pulse/plans/wire';
import { relayOf } from './relay';
import type { EngageServices } from './services';

export interface PulsePlansServices {
  readonly store: PlanStore;
  readonly drafts: PlanDrafts;
  /** The signed-in person, as a plan's owner. */
  readonly me: PlanOwner;
}

export function pulsePlansOf(services: EngageServices): PulsePlansServices {
  return services.capability('pulsePlans', (all) => ({
    store: new RelayPulsePlans(relayOf(all)),
    drafts: new PlanDrafts(all.device.local, all.keyFor('pulse-plan-drafts')),
    me: { name: all.connections.user.displayName, login: (all.connections.user.loginName || all.connections.user.email).trim().toLowerCase() }
  }));
}
