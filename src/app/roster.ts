/**
 * The roster (Teams Shifts through Graph), once per web and person, on the page's shared Graph
 * cache and coalescer: its first reads join the other parts' Graph `$batch`.
 */
import { GraphRosterSource } from '../connectors/graph/graphRosterSource';
import { RosterService } from '../core/roster/rosterService';
import type { EngageServices } from './services';

export function rosterOf(services: EngageServices): RosterService {
  return services.capability(
    'roster',
    ({ connections, graphCache, graphBatcher }) => new RosterService(new GraphRosterSource(connections.graph, { cache: graphCache, batcher: graphBatcher }))
  );
}
