/**
 * The crew skills matrix for the page's parts: whom the signed-in leader leads and their teams,
 * and their crews' shifts, from Microsoft Graph on the page's shared coalescer (each one
 * `$batch`, with whatever else the page reads that tick), and the levels from SharePoint in one
 * `$batch` (`skillsReader.ts`). First render: a Graph `$batch` for the people and teams, then the
 * SharePoint `$batch` and the roster's Graph `$batch` side by side. The leader's team ids are kept
 * on the device (per person, with the roster parts' `roster-teams`): on their next visit the levels and the roster are asked with the
 * people and teams, a Graph `$batch` and a SharePoint `$batch` in all.
 */
import { readCrewSkills } from '../connectors/sharepoint/learning/skillsReader';
import { CrewRosterReader } from '../connectors/sharepoint/learning/skillsReaderRoster';
import { teamIdCache } from '../core/roster/teamIdCache';
import type { SkillsSource } from '../ui/skillsMatrix/types';
import { graphOf } from './graph';
import type { EngageServices } from './services';

/** The matrix's reads for this web and person (built on first use). */
export function skillsMatrixOf(services: EngageServices): SkillsSource {
  return services.capability('skillsMatrix', (all) => {
    const roster = new CrewRosterReader(all.connections.graph, graphOf(all).batcher);
    // The person's joined teams, as the roster parts keep them (one key: the same `/me/joinedTeams`).
    const kept = teamIdCache(all.device.local, all.keyFor('roster-teams'));
    return {
      crews: () => roster.leaderCrews(),
      skills: (crewKeys) => readCrewSkills(all.connections.sp, crewKeys),
      roster: (teamIds, range) => roster.crewRoster(teamIds, range),
      lastTeams: () => kept.read(),
      rememberTeams: (teamIds) => kept.write([...teamIds])
    };
  });
}
