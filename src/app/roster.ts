/**
 * The roster (Teams Shifts through Graph), once per services object, on its shared Graph cache
 * and coalescer: its first reads join the other reads of the same turn in one Graph `$batch`.
 */
import { GraphRosterSource } from '../connectors/graph/graphRosterSource';
import { RosterService } from '../core/roster/rosterService';
import { graphOf } from './graph';
import type { EngageServices } from './services';

export function rosterOf(services: EngageServices): RosterService {
  return services.capability(
    'roster',
    (all) => new RosterService(new GraphRosterSource(all.connections.graph, graphOf(all)))
  );
}
