/**
 * Action plans, "you said, we did" (docs/pulse-results.md): the routes are filled in by the plans
 * capability; until then the relay offers none.
 */
import type { SPFI } from '@pnp/sp';

import type { PulseFactsSource } from '../pulse/facts';
import type { OwnedGroupsSource } from '../pulse/results';
import type { UserRoute } from '../router';

export interface PulsePlansRouteOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** The Teams teams a person owns (the crews they lead). */
  readonly ownedGroups?: OwnedGroupsSource;
  /** A person's directory facts (site, line, crew, employment type): the groups whose plans they see. */
  readonly facts?: PulseFactsSource;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

export function pulsePlansRoutes(options: PulsePlansRouteOptions): readonly UserRoute[] {
  void options;
  return [];
}
