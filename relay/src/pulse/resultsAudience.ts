/**
 * Who a closed round asked, counted when the timer publishes it (docs/relay.md "Pulse results",
 * `src/core/pulse/results/participation.ts`): from the crews' rosters the publication reads once
 * for the crews' shift patterns, places and names (`resultsPublish.ts`), never from the answers.
 *
 * - **Who was asked**: each person on a crew's roster whom the round's audience takes in, by the
 *   rule the answers route and the reminders use (`inAudience`): their site from their office
 *   location through the plant map, their department, the crew. The pulse asks people on shift
 *   (the prompt and the reminders go by the rosters), so the rosters are who was asked.
 * - **Grouped as their answer would be** (`groupAttributes`): site, line from their department,
 *   the crew; the crew's shift pattern from its roster. Employment type and years of service are
 *   not on a roster: groups on them get no audience (`AUDIENCE_DIMENSIONS`).
 * - **An audience restricted by employment type** cannot be told from the rosters: the round is
 *   published without audience counts, and shows no rates (logged).
 * - A person on two crews' rosters is counted on each: the rosters name no person across crews.
 *
 * What leaves here is a count per group the release shows, sealed with the publication.
 */
import type { SurveyAudience } from '../../../src/core/models/pulse';
import { groupAttributes, inAudience, normaliseText } from '../../../src/core/pulse/audience';
import { type AudienceCounts, audienceCounts, type AudienceMember } from '../../../src/core/pulse/results/participation';
import type { CellKey } from '../../../src/core/pulse/results/cells';
import { siteForOffice } from '../../../src/core/plant/workplace';
import type { PlantMap } from '../../../src/core/plant/types';
import type { CrewRoster } from './crews';
import { crewPatternsOf } from './results';

type Log = (line: string) => void;

/** Whether the rosters can tell who the audience takes in: they do not know employment types. */
export function rostersTellAudience(audience: SurveyAudience): boolean {
  return (audience.employmentTypes ?? []).every((type) => normaliseText(type) === '');
}

/** Everyone on the rosters the audience takes in, grouped as their answers would be (above). */
export function audienceOfRosters(rosters: readonly CrewRoster[], map: PlantMap, audience: SurveyAudience, now: Date): AudienceMember[] {
  const members: AudienceMember[] = [];
  rosters.forEach((roster) =>
    roster.people.forEach((rostered) => {
      const person = { siteCode: siteForOffice(map, rostered.officeLocation)?.code, department: rostered.department, crewKeys: [roster.teamId] };
      if (inAudience(person, audience)) {
        const groups = groupAttributes(person, { plantMap: map, now });
        members.push({ site: groups.site, line: groups.line, crew: groups.crew });
      }
    })
  );
  return members;
}

/**
 * The audience of each group the release shows (`shown`: the published counts' cells), from the
 * rosters; undefined when the rosters cannot tell it (logged).
 */
export function roundAudience(
  rosters: readonly CrewRoster[],
  map: PlantMap,
  round: { readonly roundId: number; readonly audience: SurveyAudience },
  shown: readonly CellKey[],
  now: Date,
  log: Log
): AudienceCounts | undefined {
  if (!rostersTellAudience(round.audience)) {
    log(`pulse timer: round ${round.roundId} asks by employment type, which the rosters do not tell; it is published without participation rates.`);
    return undefined;
  }
  return audienceCounts(audienceOfRosters(rosters, map, round.audience, now), crewPatternsOf(rosters), shown);
}
