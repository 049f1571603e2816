/**
 * How the recognition wall asks SharePoint for a page without hitting the 5,000-item list view
 * threshold on a list of a million items. SharePoint only answers a filter whose first condition
 * is on an indexed column and selects at most 5,000 items; so a page is asked for either
 *   - "indexed": the most selective filter the person chose first (recipient, crew, line…), when
 *     that column alone stays under the threshold; or
 *   - "window": a window of at most 5,000 IDs, newest first (IDs grow with time), with the
 *     person's filters after it; windows are walked back until the page is full.
 * Framework-free: it produces OData text; the connector runs it and falls back from "indexed"
 * to "window" when SharePoint answers with the threshold error.
 */
import { odataString } from '../odata';

export const VIEW_THRESHOLD = 5000;

export interface WallFilters {
  readonly recipientId?: number;
  readonly crewKey?: string;
  readonly lineCode?: string;
  readonly shiftCode?: string;
  readonly valueKey?: string;
  readonly siteCode?: string;
}

/** Indexed columns, most selective first: the order in which a filter is put first. */
const SELECTIVITY: ReadonlyArray<[keyof WallFilters, string]> = [
  ['recipientId', 'RecipientId'],
  ['crewKey', 'CrewKey'],
  ['lineCode', 'LineCode'],
  ['shiftCode', 'ShiftCode'],
  ['valueKey', 'ValueKey'],
  ['siteCode', 'SiteCode']
];

function condition(column: string, value: string | number): string {
  return typeof value === 'number' ? `${column} eq ${value}` : `${column} eq ${odataString(value)}`;
}

/** The person's filters as OData conditions, most selective first; always published only. */
export function wallConditions(filters: WallFilters): string[] {
  const conditions: string[] = [];
  for (const [key, column] of SELECTIVITY) {
    const value = filters[key];
    if (value !== undefined && value !== '') {
      conditions.push(condition(column, value));
    }
  }
  conditions.push(`Status eq 'published'`);
  return conditions;
}

export interface WallPageRequest {
  readonly filter: string;
  readonly top: number;
  readonly orderBy: 'ID desc';
}

/** The first try: the person's most selective indexed filter first (or only the status). */
export function indexedPage(filters: WallFilters, top: number, beforeId?: number): WallPageRequest {
  const conditions = wallConditions(filters);
  if (beforeId !== undefined) {
    conditions.push(`ID lt ${beforeId}`);
  }
  return { filter: conditions.join(' and '), top, orderBy: 'ID desc' };
}

/**
 * A window of IDs `(upperId - 5000, upperId]` with the filters after it. The window comes first,
 * so SharePoint narrows by the ID index before anything else.
 */
export function windowPage(filters: WallFilters, upperId: number, top: number): WallPageRequest {
  const lower = Math.max(0, upperId - VIEW_THRESHOLD);
  const conditions = [`ID gt ${lower}`, `ID le ${upperId}`, ...wallConditions(filters)];
  return { filter: conditions.join(' and '), top, orderBy: 'ID desc' };
}

/** The next window below one that did not fill the page; undefined when the list is exhausted. */
export function nextWindowUpper(upperId: number): number | undefined {
  const next = upperId - VIEW_THRESHOLD;
  return next > 0 ? next : undefined;
}
