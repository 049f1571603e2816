/**
 * The team leader's crew, as the "My crew" view orders it: people never recognised first,
 * then the longest since their last recognition; and service anniversaries near today.
 * Pure functions of the data and the clock.
 */
import type { IsoDate, IsoDateTime } from '../models/common';
import type { RecipientRef } from './compose';
import type { PersonProfile } from '../people/types';

const DAY = 86_400_000;

export interface CrewEntry {
  readonly profile: PersonProfile;
  /** The person as a site user; absent when SharePoint could not ensure them. */
  readonly recipient?: RecipientRef;
  /** When last recognised; absent = never (or not known to this site). */
  readonly lastRecognised?: IsoDateTime;
}

/** Whole days between the recognition and now (0 = today); undefined = never. */
export function daysSince(last: IsoDateTime | undefined, now: Date): number | undefined {
  if (!last) {
    return undefined;
  }
  const time = Date.parse(last);
  if (Number.isNaN(time)) {
    return undefined;
  }
  return Math.max(0, Math.floor((now.getTime() - time) / DAY));
}

/** Never recognised first, then the longest wait; ties by name (stable for people). */
export function sortCrew(entries: readonly CrewEntry[], now: Date): CrewEntry[] {
  const weight = (entry: CrewEntry): number => daysSince(entry.lastRecognised, now) ?? Number.POSITIVE_INFINITY;
  return [...entries].sort((a, b) => {
    const difference = weight(b) - weight(a);
    if (difference !== 0 && !Number.isNaN(difference)) {
      return difference;
    }
    return a.profile.displayName.localeCompare(b.profile.displayName);
  });
}

/** True when the person waits longer than the threshold (or was never recognised). */
export function isOverdue(entry: CrewEntry, now: Date, thresholdDays: number): boolean {
  const days = daysSince(entry.lastRecognised, now);
  return days === undefined || days >= thresholdDays;
}

export interface Anniversary {
  /** Completed years of service on the anniversary. */
  readonly years: number;
  /** The anniversary date this year (or the nearest one), ISO date. */
  readonly date: IsoDate;
  /** Days from today: negative = already passed, 0 = today. */
  readonly offsetDays: number;
}

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** The anniversary in year `year`; 29 February falls on 28 February in other years. */
function anniversaryIn(year: number, month: number, day: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(day, last));
}

/**
 * The service anniversary within `windowDays` of now (either side), or undefined. Hire dates
 * in the future, unreadable, or less than a year ago give none.
 */
export function anniversaryNear(hireDate: IsoDate | undefined, now: Date, windowDays = 7): Anniversary | undefined {
  const match = hireDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(hireDate) : null;
  if (!match) {
    return undefined;
  }
  const [hireYear, hireMonth, hireDay] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const today = utcDay(now);
  const year = now.getUTCFullYear();
  for (const candidateYear of [year - 1, year, year + 1]) {
    const years = candidateYear - hireYear;
    if (years < 1) {
      continue;
    }
    const day = anniversaryIn(candidateYear, hireMonth, hireDay);
    const offsetDays = Math.round((day - today) / DAY);
    if (Math.abs(offsetDays) <= windowDays) {
      return { years, date: new Date(day).toISOString().slice(0, 10), offsetDays };
    }
  }
  return undefined;
}

/** Milestones a leader can post: two streaks the product knows and a first solo shift. */
export const LEADER_MILESTONES = ['safety-streak', 'zero-defect-streak', 'first-solo-shift'] as const;
export type LeaderMilestone = (typeof LEADER_MILESTONES)[number];

/** The milestone kind stored with service anniversaries. */
export const SERVICE_ANNIVERSARY = 'service-anniversary';
