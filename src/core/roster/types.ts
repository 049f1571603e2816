/**
 * When someone works: shifts and time off from Teams Shifts (Graph) or another
 * workforce-management system (iCalendar or REST feed). All instants are UTC ISO strings;
 * time zones are resolved by the source, so rules compare instants only.
 */
import type { IsoDateTime } from '../models/common';

export type ShiftStatus = 'scheduled' | 'cancelled';

export interface Shift {
  /** Stable id from the source (Graph shift id, iCalendar UID[+RECURRENCE-ID], feed id). */
  readonly id: string;
  /** Directory id of the person, when the source knows it. */
  readonly personId?: string;
  /** The crew (Teams team id or the feed's crew key). */
  readonly crewId?: string;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  /** Shown to people, e.g. "Night", "Morning – Weld cell 2". */
  readonly label?: string;
  readonly notes?: string;
  readonly status: ShiftStatus;
}

export interface TimeOff {
  readonly id: string;
  readonly personId?: string;
  readonly start: IsoDateTime;
  readonly end: IsoDateTime;
  /** Reason as the source names it (vacation, sick…); never shown to colleagues. */
  readonly reason?: string;
}

export interface TimeRange {
  readonly start: Date;
  readonly end: Date;
}

export interface CrewMember {
  readonly personId: string;
  readonly displayName: string;
}

/** A source of rosters. Graph (Teams Shifts) and WFM feeds implement it. */
export interface RosterSource {
  /** The signed-in person's shifts that overlap the range, cancelled ones included. */
  myShifts(range: TimeRange): Promise<Shift[]>;
  myTimeOff(range: TimeRange): Promise<TimeOff[]>;
  /** Everyone else working in the same crew during (part of) the shift. */
  crewOnShift(shift: Shift): Promise<CrewMember[]>;
  /**
   * Shifts and time off in one go, each over its own range. Optional: a source that can read
   * both in one request (Graph `$batch`) offers it; the service falls back to the two calls.
   */
  myRoster?(shiftRange: TimeRange, timeOffRange: TimeRange): Promise<{ shifts: Shift[]; timeOff: TimeOff[] }>;
}

/** Why a roster could not be read, as a code the UI turns into words. */
export type RosterErrorCode =
  | 'notConfigured'
  | 'accessDenied'
  | 'notFound'
  | 'throttled'
  | 'network'
  | 'malformedFeed'
  | 'unexpected';

export class RosterError extends Error {
  public constructor(
    public readonly code: RosterErrorCode,
    message: string
  ) {
    super(message);
    this.name = 'RosterError';
    // The SPFx build targets ES5, where `instanceof` fails for Error subclasses without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
