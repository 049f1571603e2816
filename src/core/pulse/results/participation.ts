/**
 * Participation rates: how many of those asked answered, for the round and per group. The relay
 * counts the audience once, when it publishes a closed round (`relay/src/pulse/resultsAudience.ts`),
 * from the crews' rosters then, never from the answers; it seals the counts with the publication,
 * and the release puts a rate beside a group's respondents (`release.ts`, `audience` option).
 *
 * - **Only where the membership is known.** The rosters tell who is on each crew and, through
 *   each rostered person's own office and department (the rule an answer is grouped by,
 *   `groupAttributes`), their site and line; the crew's shift pattern follows from its roster.
 *   They say nothing of employment type or years of service, so a group on those
 *   ({@link AUDIENCE_DIMENSIONS}) has no audience and no rate.
 * - **Only for groups the release shows.** Audiences are counted for the cells the release shows
 *   at publication, and a rate goes only beside respondents the release shows (same minimum
 *   group, same no-subtraction decision: nothing here decides anything of its own). A group too
 *   small to show, answered by nobody or not, has no audience either, so nothing says more of it
 *   than "too few to show".
 * - **Nothing about answers.** An audience count is a head count from the rosters, which says
 *   nothing about who answered; the rate is the shown respondents over it. Where the respondents
 *   outnumber the rostered audience (people without a crew roster answer too, or crews changed),
 *   the figure is no rate and none is shown.
 */
import { type CellKey, parseCellKey, type ResultDimension, respondentOf, valueOf } from './cells';
import type { CrewPatterns } from './types';

/** The dimensions the crews' rosters tell a person's group on; a cell on any other has no audience. */
export const AUDIENCE_DIMENSIONS: readonly ResultDimension[] = ['site', 'line', 'crew', 'shiftPattern'];

/** One person asked, grouped as their answer would be (`groupAttributes`) on what the rosters tell. */
export interface AudienceMember {
  readonly site: string;
  readonly line: string;
  readonly crew: string;
}

/** Those asked per cell (cell key → head count), as sealed with a round's publication. */
export interface AudienceCounts {
  readonly [cell: string]: number | undefined;
}

/** Whether a cell's members are known from the rosters (the plant, or filters on {@link AUDIENCE_DIMENSIONS} only). */
export function audienceKnown(cell: CellKey): boolean {
  const filters = parseCellKey(cell);
  return filters !== undefined && filters.every((filter) => AUDIENCE_DIMENSIONS.indexOf(filter.dimension) >= 0);
}

/**
 * Those asked in each of `cells` whose membership is known (cells with nobody asked left out).
 * The shift pattern is the crew's, from the same map the answers are grouped with.
 */
export function audienceCounts(members: readonly AudienceMember[], crewPatterns: CrewPatterns, cells: readonly CellKey[]): AudienceCounts {
  const people = members.map((member) => respondentOf({ ...member, employmentType: 'unknown', tenureBand: 'unknown', groupKey: '' }, crewPatterns));
  const out: { [cell: string]: number } = {};
  cells.forEach((cell) => {
    const filters = audienceKnown(cell) ? parseCellKey(cell) ?? [] : undefined;
    if (!filters) {
      return;
    }
    const count = people.filter((person) => filters.every((filter) => valueOf(person, filter.dimension) === filter.value)).length;
    if (count > 0) {
      out[cell] = count;
    }
  });
  return out;
}

/** A shown group's participation: its respondents, and against its audience the rate, where that is one. */
export function participationOf(key: CellKey, respondents: number, audience: AudienceCounts | undefined): { readonly key: CellKey; readonly respondents: number; readonly audience?: number; readonly rate?: number } {
  const asked = audience ? audience[key] : undefined;
  return asked !== undefined && asked > 0 && respondents <= asked ? { key, respondents, audience: asked, rate: respondents / asked } : { key, respondents };
}

/** The sealed counts read back: whole positive numbers only, for cells the API accepts. */
export function parseAudienceCounts(value: unknown): AudienceCounts {
  const out: { [cell: string]: number } = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return out;
  }
  Object.keys(value).forEach((cell) => {
    const count = (value as { [cell: string]: unknown })[cell];
    if (typeof count === 'number' && Number.isInteger(count) && count > 0 && audienceKnown(cell)) {
      out[cell] = count;
    }
  });
  return out;
}
