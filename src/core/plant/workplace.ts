/**
 * Where someone works, from their directory profile and the plant map, and the plant's names
 * and filter options in the reader's language. Pure functions.
 */
import type { Translations } from '../models/common';
import type { PersonProfile } from '../people/types';
import { normaliseLabel } from './plantMap';
import type { CrewRef, LineRef, PlantMap, ShiftRef, SiteRef, Workplace } from './types';

function byCode<T extends { readonly code: string }>(items: readonly T[], code: string | undefined): T | undefined {
  if (!code) {
    return undefined;
  }
  const key = code.trim().toLowerCase();
  return items.find((item) => item.code.toLowerCase() === key);
}

function only<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

function matches(aliases: readonly string[], value: string): boolean {
  return aliases.some((alias) => normaliseLabel(alias) === value);
}

/** The site whose office locations include `officeLocation`; undefined when none or several. */
export function siteForOffice(map: PlantMap, officeLocation: string | undefined): SiteRef | undefined {
  const office = officeLocation ? normaliseLabel(officeLocation) : '';
  return office ? only(map.sites.filter((site) => matches(site.officeLocations, office))) : undefined;
}

/**
 * The line whose departments include `department`: within `siteCode` when given, else across
 * the plant; undefined when none or several.
 */
export function lineForDepartment(map: PlantMap, department: string | undefined, siteCode?: string): LineRef | undefined {
  const value = department ? normaliseLabel(department) : '';
  if (!value) {
    return undefined;
  }
  const site = siteCode?.toLowerCase();
  return only(map.lines.filter((line) => (site === undefined || line.siteCode.toLowerCase() === site) && matches(line.departments, value)));
}

/**
 * Where a person works:
 * - site: the one site whose `officeLocations` hold the profile's officeLocation;
 * - line: the one line of that site whose `departments` hold the profile's department. When the
 *   office matches no site, a department that only one line in the whole plant has gives the
 *   line and, through it, the site. A department of another site's line gives no line;
 * - crew: as given (from {@link CrewDirectory.crewOf}, or a team id), never derived here.
 * Texts are compared without regard to case or spacing. Unknown parts are left out.
 */
export function workplaceOf(
  profile: Pick<PersonProfile, 'officeLocation' | 'department'>,
  map: PlantMap,
  crew?: CrewRef | string
): Workplace {
  const site = siteForOffice(map, profile.officeLocation);
  const line = lineForDepartment(map, profile.department, site?.code);
  const siteCode = site?.code ?? line?.siteCode;
  const crewRef = typeof crew === 'string' ? (crew.trim() ? { crewKey: crew.trim(), crewName: '' } : undefined) : crew;
  return {
    ...(siteCode ? { siteCode } : {}),
    ...(line ? { lineCode: line.code } : {}),
    ...(crewRef ? { crewKey: crewRef.crewKey } : {}),
    ...(crewRef?.crewName ? { crewName: crewRef.crewName } : {})
  };
}

/** The shift a Teams Shifts display name (`sharedShift.displayName`) stands for. */
export function shiftForLabel(map: PlantMap, label: string | undefined): ShiftRef | undefined {
  const value = label ? normaliseLabel(label) : '';
  return value ? only(map.shifts.filter((shift) => matches(shift.labels, value))) : undefined;
}

export function siteByCode(map: PlantMap, code: string | undefined): SiteRef | undefined {
  return byCode(map.sites, code);
}

export function lineByCode(map: PlantMap, code: string | undefined): LineRef | undefined {
  return byCode(map.lines, code);
}

export function shiftByCode(map: PlantMap, code: string | undefined): ShiftRef | undefined {
  return byCode(map.shifts, code);
}

/**
 * A name in the reader's language: the exact tag (`sv-se`), else any tag of the same language
 * (`sv`), else the default name. Tags are compared in lower case, as SPFx gives them.
 */
export function localName(ref: { readonly name: string; readonly names: Translations<string> }, locale: string): string {
  const tag = locale.trim().toLowerCase();
  const exact = ref.names[tag];
  if (exact) {
    return exact;
  }
  const language = tag.split('-')[0];
  const same = Object.keys(ref.names)
    .filter((key) => key.split('-')[0] === language)
    .map((key) => ref.names[key])
    .find((name) => name);
  return same ?? ref.name;
}

export type PlantPart = 'site' | 'line' | 'shift';

/** The name of a stored code in the reader's language; the code itself when the map lacks it. */
export function plantName(map: PlantMap, part: PlantPart, code: string, locale: string): string {
  const ref = part === 'site' ? siteByCode(map, code) : part === 'line' ? lineByCode(map, code) : shiftByCode(map, code);
  return ref ? localName(ref, locale) : code;
}

export interface PlantOption {
  /** The code to filter on (the map's spelling). */
  readonly code: string;
  readonly name: string;
}

export interface PlantFilterOptions {
  readonly sites: PlantOption[];
  readonly lines: PlantOption[];
  readonly shifts: PlantOption[];
}

/**
 * The wall's filter options, in the map's order and the reader's language. With a site chosen,
 * only that site's lines. A chosen code the map does not have (an old item, a property-pane
 * default) stays available, named by its code, so the selection never disappears.
 */
export function plantFilterOptions(
  map: PlantMap,
  locale: string,
  current: { readonly siteCode?: string; readonly lineCode?: string; readonly shiftCode?: string } = {}
): PlantFilterOptions {
  const site = siteByCode(map, current.siteCode);
  const options = <T extends { readonly code: string; readonly name: string; readonly names: Translations<string> }>(
    refs: readonly T[],
    chosen: string | undefined
  ): PlantOption[] => {
    const list = refs.map((ref) => ({ code: ref.code, name: localName(ref, locale) }));
    const wanted = chosen?.trim();
    if (wanted && !list.some((option) => option.code.toLowerCase() === wanted.toLowerCase())) {
      list.push({ code: wanted, name: wanted });
    }
    return list;
  };
  const lines = site ? map.lines.filter((line) => line.siteCode === site.code) : current.siteCode?.trim() ? [] : map.lines;
  return {
    sites: options(map.sites, current.siteCode),
    lines: options(lines, current.lineCode),
    shifts: options(map.shifts, current.shiftCode)
  };
}
