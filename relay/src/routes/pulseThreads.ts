/**
 * Anonymous two-way comment threads on pulse rounds (docs/pulse-results.md): the routes are
 * filled in by the threads capability; until then the relay offers none.
 */
import type { SPFI } from '@pnp/sp';

import type { PulseKeyring } from '../pulse/envelope';
import type { OwnedGroupsSource } from '../pulse/results';
import type { UserRoute } from '../router';

export interface PulseThreadsRouteOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** The pulse keys; without them no comment can be read. */
  readonly keys?: PulseKeyring;
  /** The Teams teams a person owns (the crews they lead). */
  readonly ownedGroups?: OwnedGroupsSource;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

export function pulseThreadsRoutes(options: PulseThreadsRouteOptions): readonly UserRoute[] {
  void options;
  return [];
}
