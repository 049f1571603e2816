/**
 * The roster (Teams Shifts through Graph), once per services object, on its shared Graph cache
 * and coalescer: its first reads join the other reads of the same turn in one Graph `$batch`.
 * The person's team ids are kept on the device (`localStorage`, per person, 30 days from when
 * they were last confirmed), so a returning person's cold session asks for the teams' schedules
 * in the same `$batch` as the team list.
 */
import { GraphRosterSource } from '../connectors/graph/graphRosterSource';
import { RosterService } from '../core/roster/rosterService';
import { teamIdCache } from '../core/roster/teamIdCache';
import { graphOf } from './graph';
import type { EngageServices } from './services';

export function rosterOf(services: EngageServices): RosterService {
  return services.capability(
    'roster',
    (all) =>
      new RosterService(
        new GraphRosterSource(all.connections.graph, { ...graphOf(all), teamIds: teamIdCache(all.device.local, all.keyFor('roster-teams')) })
      )
  );
}
