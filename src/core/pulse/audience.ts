/**
 * Who a pulse survey asks, and the coarse group a person's answer counts in. Framework-free.
 *
 * - {@link inAudience}: a person is in a survey's audience when every dimension HR restricted
 *   (sites, departments, crews, employment types) holds them. An empty or absent dimension is no
 *   restriction. Texts are compared trimmed, with runs of spaces as one and without regard to case.
 * - Agency consultants are in unless HR lists employment types without them: employment types
 *   are compared by category (`toEmploymentType`: `Agency`, `Consultant`, `Uitzendkracht`… are
 *   all `agency`), so any agency spelling in the list takes in every agency consultant.
 * - {@link groupAttributes}: site, line, crew, employment type and tenure band, the only things
 *   about a person that travel (encrypted) with an answer, and the group key results roll up by.
 * - {@link crewsInAudience}: the crews an audience may reach, for the shortest round HR is shown.
 */
import { EmploymentType, toEmploymentType } from '../people/types';
import { normaliseLabel } from '../plant/plantMap';
import { lineByCode, lineForDepartment } from '../plant/workplace';
import type { PlantMap } from '../plant/types';
import type { SurveyAudience } from '../models/pulse';

/** What the audience rules need to know about a person (from the directory, the plant map and the roster). */
export interface PulsePerson {
  /** The site code (plant map), e.g. `GOT`, from the person's office location. */
  readonly siteCode?: string;
  /** The directory department, e.g. `Weld cell 2`. */
  readonly department?: string;
  /** The person's crews (Teams team ids), the one they work most shifts with first. */
  readonly crewKeys: readonly string[];
  /** Graph `employeeType` as the directory holds it, e.g. `Employee`, `Agency`, `Consultant`. */
  readonly employmentType?: string;
}

/** A text as compared: NFC, runs of white space as one, trimmed, lower case. */
export function normaliseText(value: string | undefined): string {
  return normaliseLabel(value ?? '');
}

/** The restriction's non-blank values, normalised; empty = no restriction. */
function restriction(values: readonly string[] | undefined): string[] {
  return (values ?? []).map(normaliseText).filter((value) => value !== '');
}

function holds(values: readonly string[] | undefined, candidates: readonly (string | undefined)[]): boolean {
  const wanted = restriction(values);
  if (wanted.length === 0) {
    return true;
  }
  return candidates.some((candidate) => {
    const value = normaliseText(candidate);
    return value !== '' && wanted.indexOf(value) >= 0;
  });
}

/**
 * The category a directory employment type falls in. A person without one is `unknown`; for the
 * audience, an `unknown` person counts as an employee (see {@link employmentTypeInAudience}).
 */
export function employmentCategory(employmentType: string | undefined): EmploymentType {
  return toEmploymentType(employmentType);
}

/**
 * Whether a person's employment type is in the audience's list:
 * - no list (or only blanks): everyone;
 * - by category: `Consultant` in the list takes in a person of type `Agency`;
 * - a type the product has no category for (e.g. `Intern`) matches only the same text;
 * - a person whose type the directory does not tell is taken in when the list has employees:
 *   a list is made to leave agency staff or contractors out, and such a person is not known to be one.
 */
export function employmentTypeInAudience(employmentType: string | undefined, allowed: readonly string[] | undefined): boolean {
  const wanted = restriction(allowed);
  if (wanted.length === 0) {
    return true;
  }
  const text = normaliseText(employmentType);
  const category = employmentCategory(text);
  return wanted.some((entry) => {
    const entryCategory = employmentCategory(entry);
    if (entryCategory === 'unknown') {
      return entry === text;
    }
    return entryCategory === category || (entryCategory === 'employee' && category === 'unknown' && text === '');
  });
}

/** Whether the audience takes in agency consultants (what HR's form says next to the types). */
export function audienceIncludesAgency(audience: SurveyAudience): boolean {
  return employmentTypeInAudience('Agency', audience.employmentTypes);
}

/**
 * Is the person asked by a survey with this audience? Every restricted dimension must hold the
 * person: the site, the department, one of the person's crews, the employment type. A person
 * whose site, department or crew is unknown is not in an audience restricted on it.
 */
export function inAudience(person: PulsePerson, audience: SurveyAudience): boolean {
  return (
    holds(audience.siteCodes, [person.siteCode]) &&
    holds(audience.departments, [person.department]) &&
    holds(audience.crewKeys, person.crewKeys) &&
    employmentTypeInAudience(person.employmentType, audience.employmentTypes)
  );
}

/** A crew as the audience's reach needs it: its key and where the plant map places it, if it does. */
export interface AudienceCrew {
  /** The Teams team id, as audiences name crews. */
  readonly crewKey: string;
  readonly siteCode?: string;
  readonly lineCode?: string;
}

/**
 * The crews whose people a survey with this audience may ask: those it names (all when it names
 * none), less those the plant map places on another site, or on a line none of whose
 * departments the audience names. A crew the map does not place is kept: someone on it may be in
 * the audience, and the shortest round must reach them too. Employment types leave no crew out
 * (every crew may have employees and agency consultants alike).
 */
export function crewsInAudience<T extends AudienceCrew>(crews: readonly T[], audience: SurveyAudience, plantMap?: PlantMap): T[] {
  const keys = restriction(audience.crewKeys);
  const sites = restriction(audience.siteCodes);
  const departments = restriction(audience.departments);
  return crews.filter((crew) => {
    if (keys.length > 0 && keys.indexOf(normaliseText(crew.crewKey)) < 0) {
      return false;
    }
    const line = plantMap ? lineByCode(plantMap, crew.lineCode) : undefined;
    const site = normaliseText(crew.siteCode ?? line?.siteCode);
    if (sites.length > 0 && site !== '' && sites.indexOf(site) < 0) {
      return false;
    }
    return departments.length === 0 || !line || line.departments.some((department) => departments.indexOf(normaliseText(department)) >= 0);
  });
}

/** Coarse service bands: years completed since the hire date. */
export const TENURE_BANDS = ['under-1', '1-3', '3-10', '10-plus', 'unknown'] as const;
export type TenureBand = (typeof TENURE_BANDS)[number];

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** Whole years from `from` to `to` by the calendar (an anniversary completes a year), UTC days. */
function completedYears(from: Date, to: Date): number {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  const beforeAnniversary =
    to.getUTCMonth() < from.getUTCMonth() || (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate());
  if (beforeAnniversary) {
    years -= 1;
  }
  return years;
}

/**
 * The tenure band at `now` of someone hired on `hireDate` (Graph `employeeHireDate`: an ISO date,
 * or a date-time of which the day counts). No date or a malformed one: `unknown`; a hire date
 * after `now` (hired, not started): `under-1`.
 */
export function tenureBand(hireDate: string | undefined, now: Date): TenureBand {
  const match = DATE.exec((hireDate ?? '').trim());
  if (!match || isNaN(now.getTime())) {
    return 'unknown';
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hired = new Date(Date.UTC(year, month - 1, day));
  if (hired.getUTCFullYear() !== year || hired.getUTCMonth() !== month - 1 || hired.getUTCDate() !== day) {
    return 'unknown';
  }
  const years = completedYears(hired, now);
  if (years < 1) {
    return 'under-1';
  }
  if (years < 3) {
    return '1-3';
  }
  return years < 10 ? '3-10' : '10-plus';
}

/** The coarse attributes an answer carries (inside the encrypted payload) for results. */
export interface GroupAttributes {
  /** Site code in lower case, or `unknown`. */
  readonly site: string;
  /** Line code in lower case (from the department through the plant map), or `unknown`. */
  readonly line: string;
  /** The person's main crew key in lower case, or `none`. */
  readonly crew: string;
  readonly employmentType: EmploymentType;
  readonly tenureBand: TenureBand;
  /**
   * The org path results roll up by: `site/line/crew`, e.g. `got/weld2/<crew key>` (the line
   * without its site prefix, as the seeded history writes it), or `site/staff` for someone
   * without a crew or a line.
   */
  readonly groupKey: string;
}

export interface GroupContext {
  /** The plant map, to turn the department into a line; without it the line is `unknown`. */
  readonly plantMap?: PlantMap;
  /** Graph `employeeHireDate`. */
  readonly hireDate?: string;
  readonly now: Date;
}

/** A path segment: lower case, no `/` (it separates the segments). */
function segment(value: string | undefined, fallback: string): string {
  const text = normaliseText(value).replace(/\//g, '-');
  return text === '' ? fallback : text;
}

/** The coarse group attributes of a person's answer. Nothing finer than these ever leaves the device's request. */
export function groupAttributes(person: PulsePerson, context: GroupContext): GroupAttributes {
  const siteCode = normaliseText(person.siteCode) === '' ? undefined : person.siteCode;
  const lineRef = context.plantMap ? lineForDepartment(context.plantMap, person.department, siteCode) : undefined;
  // As `workplaceOf`: a department only one line of the plant has tells the site too.
  const site = segment(siteCode ?? lineRef?.siteCode, 'unknown');
  const line = segment(lineRef?.code, 'unknown');
  const crewKey = person.crewKeys.map((key) => normaliseText(key)).find((key) => key !== '');
  const crew = segment(crewKey, 'none');
  const shortLine = line.indexOf(`${site}-`) === 0 ? line.slice(site.length + 1) : line;
  const groupKey = crewKey === undefined || line === 'unknown' ? `${site}/staff` : `${site}/${shortLine}/${crew}`;
  return {
    site,
    line,
    crew,
    employmentType: employmentCategory(person.employmentType),
    tenureBand: tenureBand(context.hireDate, context.now),
    groupKey
  };
}
