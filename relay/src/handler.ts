/**
 * The relay's HTTP surface: its route table, served by the router (`router.ts`: CORS, the
 * caller's token, body limits and error answers, the same for every route). Free of any hosting
 * framework: `createRelay` builds it for the Azure Functions custom handler (`main.ts`) and the
 * local tenant alike. One capability, one file in `routes/`, one entry below.
 */
import type { SPFI } from '@pnp/sp';

import { LISTS } from '../../src/core/schema/lists';
import { RELAY_SCOPE, type CallerVerifier } from './auth';
import type { RelayDirectory } from './directory';
import { createRateLimiter } from './rateLimits';
import { createRouter, type RelayHandler, type Route } from './router';
import type { PulseKeyring } from './pulse/envelope';
import type { CrewRosterSource } from './pulse/crews';
import type { PulseFactsSource } from './pulse/facts';
import type { OwnedGroupsSource } from './pulse/results';
import type { LearningKeyring } from './learning/keys';
import type { LearnerDirectory } from './learning/people';
import { healthRoute } from './routes/health';
import { learningRoutes } from './routes/learning';
import { type AssigneeDirectory, learningAssignRoute } from './routes/learningAssign';
import { pulseRoutes } from './routes/pulse';
import { pulseCardRoute } from './routes/pulseCard';
import { pulseCrewsRoute } from './routes/pulseCrews';
import { pulsePlansRoutes } from './routes/pulsePlans';
import { pulseResultsRoute } from './routes/pulseResults';
import { pulseThreadsRoutes } from './routes/pulseThreads';
import { recognitionsRoute } from './routes/recognitions';
import { reportsRoute } from './routes/reports';
import { setupGate } from './setupGate';

export interface RelayDependencies {
  /** Checks a caller's token for the relay's delegated scope (RELAY_SCOPE). */
  readonly verifyCaller: CallerVerifier;
  /** The engagement site with the relay's app-only identity. */
  readonly sharePoint: () => SPFI;
  /** Microsoft Graph with the relay's app-only identity (a person's leader). */
  readonly directory: RelayDirectory;
  /** Origins allowed to call from a browser, e.g. `https://contoso.sharepoint.com`. */
  readonly allowedOrigins: readonly string[];
  readonly log?: (line: string) => void;
  /** The rate limits' clock (milliseconds since the epoch); `Date.now` unless given. */
  readonly now?: () => number;
  /** The pulse keys (SE_PULSE_KEYS); without them no pulse answer is collected (502). */
  readonly pulseKeys?: PulseKeyring;
  /** The answering person's directory facts (Graph with the relay's identity). */
  readonly pulseFacts?: PulseFactsSource;
  /** The crews' rosters (Graph, with the relay's identity): HR's crews by name and their shortest rounds. */
  readonly crewRosters?: CrewRosterSource;
  /** The Teams teams a person owns (the crews they lead), for what a leader may see of results. */
  readonly ownedGroups?: OwnedGroupsSource;
  /** The learning keys (SE_LEARNING_KEYS); without them no quiz is scored or sealed (502). */
  readonly learningKeys?: LearningKeyring;
  /** A learner's user principal name from their directory id (Graph, with the relay's identity). */
  readonly learners?: LearnerDirectory;
  /** Who is in an assignment's audience (Graph, with the relay's identity); without it only named people are assigned. */
  readonly learningAssignees?: AssigneeDirectory;
}

/** Every route of the relay. */
export function relayRoutes(deps: RelayDependencies): readonly Route[] {
  // The lists the relay writes: nothing is written until setup has secured them.
  const gate = setupGate(deps.sharePoint, [LISTS.recognitions.title, LISTS.reports.title], deps.now);
  const pulseGate = setupGate(deps.sharePoint, [LISTS.responses.title, LISTS.participation.title], deps.now);
  const routes: Route[] = [
    healthRoute(deps.pulseKeys),
    reportsRoute(deps.sharePoint, gate),
    recognitionsRoute({ site: deps.sharePoint, directory: deps.directory, gate }),
    ...pulseRoutes({ site: deps.sharePoint, gate: pulseGate, keys: deps.pulseKeys, facts: deps.pulseFacts, now: deps.now, log: deps.log }),
    pulseCrewsRoute({ site: deps.sharePoint, rosters: deps.crewRosters, now: deps.now, log: deps.log }),
    pulseResultsRoute({ site: deps.sharePoint, keys: deps.pulseKeys, ownedGroups: deps.ownedGroups, now: deps.now, log: deps.log }),
    ...pulseThreadsRoutes({ site: deps.sharePoint, keys: deps.pulseKeys, ownedGroups: deps.ownedGroups, now: deps.now, log: deps.log }),
    ...pulsePlansRoutes({ site: deps.sharePoint, keys: deps.pulseKeys, ownedGroups: deps.ownedGroups, facts: deps.pulseFacts, crewRosters: deps.crewRosters, now: deps.now, log: deps.log }),
    ...learningRoutes({ site: deps.sharePoint, keys: deps.learningKeys, learners: deps.learners, directory: deps.directory, now: deps.now, log: deps.log }),
    learningAssignRoute({ site: deps.sharePoint, assignees: deps.learningAssignees, learners: deps.learners, directory: deps.directory, now: deps.now, log: deps.log })
  ];
  // The Pulse card's one read runs the open rounds', own comments' and published plans' handlers above.
  return [...routes, pulseCardRoute(routes, deps.log)];
}

export function createRelayHandler(deps: RelayDependencies): RelayHandler {
  return createRouter({
    routes: relayRoutes(deps),
    verifiers: { [RELAY_SCOPE]: deps.verifyCaller },
    allowedOrigins: deps.allowedOrigins,
    log: deps.log,
    rateLimiter: createRateLimiter({ now: deps.now })
  });
}
