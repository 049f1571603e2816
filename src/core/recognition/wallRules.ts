/**
 * What a reader of the recognition wall may see, and the filters applied on the device. Pure
 * functions (no React, no SharePoint), so the rules are tested on their own.
 *
 * These rules decide what the wall SHOWS. They are not a security boundary: SharePoint's list
 * permissions decide what can be READ (see the README of this folder).
 */
import type { ItemId } from '../models/common';
import type { ReactionKind } from '../models/recognition';
import type { PersonSummary, ReactionSummary, WallItem } from './ports';

/** The person reading the wall. */
export interface WallViewer {
  /** SharePoint site user id. */
  readonly siteUserId: number;
  readonly displayName: string;
  /** Directory (Graph) id, to refuse picking oneself before anything is resolved. */
  readonly directoryId: string;
  readonly crewKey?: string;
  readonly siteCode?: string;
  /** Lower-case e-mail addresses (mail or UPN) of the viewer's direct reports. */
  readonly reportEmails: ReadonlySet<string>;
}

/** True when the viewer leads the person (the person is one of the viewer's direct reports). */
export function leads(viewer: WallViewer, person: PersonSummary): boolean {
  return person.email !== undefined && viewer.reportEmails.has(person.email.toLowerCase());
}

function isPartyTo(item: WallItem, viewer: WallViewer): boolean {
  return item.recipient.id === viewer.siteUserId || item.giver.id === viewer.siteUserId || leads(viewer, item.recipient);
}

/**
 * May the viewer see this recognition on the wall?
 * - `private`: the recipient, the giver and the recipient's leader;
 * - `crew`: those three and everyone with the same crew key;
 * - `everyone`: everyone, unless the recipient keeps recognitions of themselves off the public
 *   wall: then it is shown as if it were private (the recipient still sees their own).
 * Posts that are not `published` never show.
 */
export function mayView(item: WallItem, viewer: WallViewer, hiddenFromPublicWall: ReadonlySet<number>): boolean {
  if (item.status !== 'published') {
    return false;
  }
  if (isPartyTo(item, viewer)) {
    return true;
  }
  if (hiddenFromPublicWall.has(item.recipient.id)) {
    return false;
  }
  if (item.visibility === 'private') {
    return false;
  }
  if (item.visibility === 'crew') {
    return item.crewKey !== undefined && item.crewKey !== '' && item.crewKey === viewer.crewKey;
  }
  return true;
}

export const PERIODS = ['all', '7', '30', '90'] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (PERIODS as readonly string[]).includes(value);
}

/** The earliest `created` a period includes; undefined for all time. */
export function periodStart(period: Period, now: Date): Date | undefined {
  if (period === 'all') {
    return undefined;
  }
  return new Date(now.getTime() - Number(period) * 24 * 60 * 60 * 1000);
}

export interface DeviceFilters {
  readonly period: Period;
  /** Value keys the property pane allows; empty means all values. */
  readonly allowedValues: readonly string[];
  /** Posts the reader reported (they leave the wall for the reporter at once). */
  readonly removed: ReadonlySet<ItemId>;
}

/** The loaded items the viewer may see and that match the filters applied on the device, newest first. */
export function visibleItems(
  items: readonly WallItem[],
  viewer: WallViewer,
  hiddenFromPublicWall: ReadonlySet<number>,
  filters: DeviceFilters,
  now: Date
): WallItem[] {
  const since = periodStart(filters.period, now);
  const seen = new Set<ItemId>();
  return items
    .filter((item) => {
      if (seen.has(item.id)) {
        return false;
      }
      seen.add(item.id);
      if (filters.removed.has(item.id) || !mayView(item, viewer, hiddenFromPublicWall)) {
        return false;
      }
      if (filters.allowedValues.length > 0 && filters.allowedValues.indexOf(item.valueKey) < 0) {
        return false;
      }
      return since === undefined || Date.parse(item.created) >= since.getTime();
    })
    .sort((a, b) => Date.parse(b.created) - Date.parse(a.created) || b.id - a.id);
}

/** The property pane's list of value keys (`safety, quality`), trimmed, without empties. */
export function parseValueKeys(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,;\n]/)
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
}

type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

interface RelativeTimeFormatLike {
  format(value: number, unit: RelativeUnit): string;
}

/** Intl.RelativeTimeFormat, typed here because the SPFx build's ES5 library does not declare it. */
const RelativeTimeFormat = (
  Intl as unknown as {
    RelativeTimeFormat?: new (locale: string, options: { numeric: 'auto' | 'always' }) => RelativeTimeFormatLike;
  }
).RelativeTimeFormat;

const UNITS: ReadonlyArray<[RelativeUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1]
];

/**
 * "5 minutes ago", "gisteren", "för 3 veckor sedan": localised by the browser. A date in the
 * future (a device clock ahead of the server's) reads as "now". Falls back to the date.
 */
export function relativeTime(iso: string, now: Date, locale: string): string {
  const time = Date.parse(iso);
  if (isNaN(time)) {
    return iso;
  }
  const seconds = Math.max(0, Math.round((now.getTime() - time) / 1000));
  if (!RelativeTimeFormat) {
    return new Date(time).toLocaleDateString(locale);
  }
  const formatter = new RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 45) {
    return formatter.format(0, 'second');
  }
  for (const [unit, size] of UNITS) {
    if (seconds >= size) {
      return formatter.format(-Math.floor(seconds / size), unit);
    }
  }
  return formatter.format(0, 'second');
}

/** Distinct non-empty codes of a field over the loaded items, plus the chosen one, sorted. */
export function distinctCodes(items: readonly WallItem[], pick: (item: WallItem) => string | undefined, chosen?: string): string[] {
  const codes = new Set<string>();
  for (const item of items) {
    const code = pick(item);
    if (code) {
      codes.add(code);
    }
  }
  if (chosen) {
    codes.add(chosen);
  }
  return Array.from(codes).sort((a, b) => a.localeCompare(b));
}

/** The reactions after the reader sets (or, with undefined, removes) their one reaction. */
export function withReaction(summary: ReactionSummary | undefined, kind: ReactionKind | undefined): ReactionSummary {
  const counts: Partial<Record<ReactionKind, number>> = { ...(summary?.counts ?? {}) };
  const mine = summary?.mine;
  if (mine) {
    counts[mine] = Math.max(0, (counts[mine] ?? 0) - 1);
  }
  if (kind) {
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return kind ? { counts, mine: kind } : { counts };
}

/** Tapping a reaction: the same one again takes it back, another one replaces it. */
export function toggledReaction(summary: ReactionSummary | undefined, tapped: ReactionKind): ReactionKind | undefined {
  return summary?.mine === tapped ? undefined : tapped;
}
