/**
 * The crew skills matrix for the page's parts: whom the signed-in leader leads and their teams,
 * and their crews' shifts, from Microsoft Graph on the page's shared coalescer (each one
 * `$batch`, with whatever else the page reads that tick), and the levels from SharePoint in one
 * `$batch` (`skillsReader.ts`). First render: a Graph `$batch` for the people and teams, then the
 * SharePoint `$batch` and the roster's Graph `$batch` side by side. The leader's team ids are kept
 * on the device (per person): on their next visit the levels and the roster are asked with the
 * people and teams, a Graph `$batch` and a SharePoint `$batch` in all.
 */
import { readCrewSkills } from '../connectors/sharepoint/learning/skillsReader';
import { CrewRosterReader } from '../connectors/sharepoint/learning/skillsReaderRoster';
import type { SkillsSource } from '../ui/skillsMatrix/types';
import { graphOf } from './graph';
import type { EngageServices } from './services';

/** Teams kept at most: a leader in more reads them after the directory answers. */
const MAX_KEPT_TEAMS = 25;

/** The team ids kept on the device; anything else there (an older shape, a hand edit) is none. */
function keptTeams(stored: string | undefined): string[] | undefined {
  try {
    const value: unknown = stored ? JSON.parse(stored) : undefined;
    return Array.isArray(value) && value.length <= MAX_KEPT_TEAMS && value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 200)
      ? (value as string[])
      : undefined;
  } catch {
    return undefined;
  }
}

/** The matrix's reads for this web and person (built on first use). */
export function skillsMatrixOf(services: EngageServices): SkillsSource {
  return services.capability('skillsMatrix', (all) => {
    const roster = new CrewRosterReader(all.connections.graph, graphOf(all).batcher);
    const key = all.keyFor('skills-matrix-teams');
    return {
      crews: () => roster.leaderCrews(),
      skills: (crewKeys) => readCrewSkills(all.connections.sp, crewKeys),
      roster: (teamIds, range) => roster.crewRoster(teamIds, range),
      lastTeams: () => keptTeams(all.device.local.read(key)),
      rememberTeams: (teamIds) => all.device.local.write(key, JSON.stringify(teamIds.slice(0, MAX_KEPT_TEAMS)))
    };
  });
}
