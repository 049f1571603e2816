/**
 * The groups results can be asked for, as cells: the whole plant, one filter, or one of the
 * pairs of filters the relay accepts ({@link FILTER_PAIRS}). The release is checked across
 * exactly these cells, whoever asks, so nothing the API can return escapes the check.
 *
 * - Dimensions: site, line, crew, shift pattern, employment type, tenure band.
 * - Pairs: an org level wider than a crew (site, line, shift pattern) with employment type or
 *   tenure band; site with shift pattern; employment type with tenure band. A crew is never
 *   sliced further (crews are 1–12 people: a crew by anything is below any minimum), and line
 *   with site or crew with line adds nothing (a line lies in one site, a crew in one line).
 * - Respondents with the same six attributes are alike to every cell: the checks work on these
 *   **atoms** (site, line, crew, shift pattern, employment type, tenure band), never on persons.
 */
import type { EntryGroups } from '../ballot';
import type { CrewPatterns, Respondent } from './types';

export const RESULT_DIMENSIONS = ['site', 'line', 'crew', 'shiftPattern', 'employmentType', 'tenureBand'] as const;
export type ResultDimension = (typeof RESULT_DIMENSIONS)[number];

/** The pairs of filters the relay accepts, each in {@link RESULT_DIMENSIONS} order. */
export const FILTER_PAIRS: readonly (readonly [ResultDimension, ResultDimension])[] = [
  ['site', 'shiftPattern'],
  ['site', 'employmentType'],
  ['site', 'tenureBand'],
  ['line', 'employmentType'],
  ['line', 'tenureBand'],
  ['shiftPattern', 'employmentType'],
  ['shiftPattern', 'tenureBand'],
  ['employmentType', 'tenureBand']
];

/** The org levels, widest first: a crew lies in one line, a line in one site. */
export const ORG_DIMENSIONS: readonly ResultDimension[] = ['site', 'line', 'crew'];

export interface Filter {
  readonly dimension: ResultDimension;
  readonly value: string;
}

/** `plant`, `site=got` or `line=got-weld2&employmentType=agency` (values URI-encoded). */
export type CellKey = string;

export const PLANT: CellKey = 'plant';

function order(dimension: ResultDimension): number {
  return RESULT_DIMENSIONS.indexOf(dimension);
}

/** The key of a cell: filters in dimension order; no filter is the whole plant. */
export function cellKey(filters: readonly Filter[]): CellKey {
  if (filters.length === 0) {
    return PLANT;
  }
  return filters
    .slice()
    .sort((a, b) => order(a.dimension) - order(b.dimension))
    .map((filter) => `${filter.dimension}=${encodeURIComponent(filter.value)}`)
    .join('&');
}

/** The filters of a key; undefined for a key that is not a cell the API accepts. */
export function parseCellKey(key: string): Filter[] | undefined {
  if (key === PLANT) {
    return [];
  }
  const filters: Filter[] = [];
  const parts = key.split('&');
  for (const part of parts) {
    const at = part.indexOf('=');
    const dimension = part.slice(0, at) as ResultDimension;
    if (at < 1 || RESULT_DIMENSIONS.indexOf(dimension) < 0) {
      return undefined;
    }
    let value: string;
    try {
      value = decodeURIComponent(part.slice(at + 1));
    } catch {
      return undefined;
    }
    filters.push({ dimension, value });
  }
  return isAcceptedCombination(filters.map((filter) => filter.dimension)) && cellKey(filters) === key ? filters : undefined;
}

/** Whether the API accepts this set of filter dimensions (none, any one, or a pair of {@link FILTER_PAIRS}). */
export function isAcceptedCombination(dimensions: readonly ResultDimension[]): boolean {
  if (dimensions.length <= 1) {
    return true;
  }
  if (dimensions.length !== 2) {
    return false;
  }
  const [a, b] = dimensions.slice().sort((x, y) => order(x) - order(y));
  return FILTER_PAIRS.some((pair) => pair[0] === a && pair[1] === b);
}

/** A respondent's value on a dimension. */
export function valueOf(respondent: Respondent, dimension: ResultDimension): string {
  return String(respondent[dimension]);
}

/** The respondent an entry's groups describe (the crew's shift pattern from the roster). */
export function respondentOf(groups: EntryGroups, crewPatterns: CrewPatterns | undefined): Respondent {
  const pattern = crewPatterns ? crewPatterns[groups.crew] : undefined;
  return {
    site: groups.site,
    line: groups.line,
    crew: groups.crew,
    shiftPattern: pattern === undefined || pattern === '' ? 'unknown' : pattern,
    employmentType: groups.employmentType,
    tenureBand: groups.tenureBand
  };
}

/** A value as a part of an atom key: `|` and `%` escaped (most values have neither, and stay as they are). */
function atomPart(value: string): string {
  return /[|%]/.test(value) ? encodeURIComponent(value) : value;
}

/** The atom of a respondent: the six attributes joined (every cell holds an atom whole or not at all). */
export function atomKey(respondent: Respondent): string {
  return (
    atomPart(respondent.site) +
    '|' +
    atomPart(respondent.line) +
    '|' +
    atomPart(respondent.crew) +
    '|' +
    atomPart(respondent.shiftPattern) +
    '|' +
    atomPart(String(respondent.employmentType)) +
    '|' +
    atomPart(String(respondent.tenureBand))
  );
}

/** The atom's respondent back from its key. */
export function atomRespondent(key: string): Respondent {
  const values = key.split('|').map((value) => decodeURIComponent(value));
  return {
    site: values[0],
    line: values[1],
    crew: values[2],
    shiftPattern: values[3],
    employmentType: values[4],
    tenureBand: values[5]
  };
}

/** Every cell (of the accepted combinations) a respondent counts in: the plant, six singles, the pairs. */
export function cellsOf(respondent: Respondent): CellKey[] {
  const keys: CellKey[] = [PLANT];
  RESULT_DIMENSIONS.forEach((dimension) => keys.push(cellKey([{ dimension, value: valueOf(respondent, dimension) }])));
  FILTER_PAIRS.forEach(([a, b]) =>
    keys.push(
      cellKey([
        { dimension: a, value: valueOf(respondent, a) },
        { dimension: b, value: valueOf(respondent, b) }
      ])
    )
  );
  return keys;
}

/** Number of filters of a cell (0 for the plant): finer cells have more. */
export function depthOf(key: CellKey): number {
  return key === PLANT ? 0 : key.split('&').length;
}
