/**
 * When a skill or certificate stops being valid, and what happens before it does.
 *
 * - **Fixed period**: valid for `validityMonths` after the sign-off, to the same wall-clock time
 *   on the same day of the month in the plant's time zone (31 January + 1 month = the last day of
 *   February). Twelve months after 10:00 on a day in winter is 10:00 on that day a year later, also
 *   when the clocks have gone forward by then; adding 365 days of 24 hours would be an hour off.
 * - **Use it or lose it**: lapses `lapseDays` local days after the person last practised on the
 *   station: a sign-off there, or a rostered shift there (not cancelled, started; counted to its
 *   end, or to now while it runs).
 * - Whichever comes first ends it (`validUntil`). Renewal is due `renewalLeadDays` local days
 *   before: the renewal path is assigned (due when the skill ends) and the person and their leader
 *   are told, each once per skill and end date.
 */
import { addLocalDays, addLocalMonths, formatLocalDate, LocalDate, localDateOf, zonedInstant } from '../pulse/zonedTime';
import type { ItemId } from '../models/common';
import type { LearningPath, Skill } from '../models/learning';
import { wallTimeAt } from '../zonedTime';

/** The same local wall-clock time on the local day `move` gives (a skipped time moves on by the gap). */
function sameWallTimeShifted(from: Date, timeZone: string, move: (date: LocalDate) => LocalDate): Date {
  const wall = wallTimeAt(from.getTime(), timeZone);
  const day = move({ year: wall.year, month: wall.month, day: wall.day });
  return new Date(zonedInstant(timeZone, day, wall.hour * 60 + wall.minute).getTime() + wall.second * 1000);
}

/** The end of a fixed validity: `months` after `signedOffAt`, same local day and time; undefined for 0 (no expiry). */
export function expiryAfter(signedOffAt: Date, months: number, timeZone: string): Date | undefined {
  return months > 0 ? sameWallTimeShifted(signedOffAt, timeZone, (date) => addLocalMonths(date, months)) : undefined;
}

/** When a skill lapses unpractised: `days` local days after the last practice; undefined for 0 (never). */
export function lapseAfter(lastPractice: Date, days: number, timeZone: string): Date | undefined {
  return days > 0 ? sameWallTimeShifted(lastPractice, timeZone, (date) => addLocalDays(date, days)) : undefined;
}

/** A sign-off of a person at a station. */
export interface StationSignOff {
  readonly station: string;
  readonly at: Date;
}

/** A rostered shift of a person at a station (the roster tells the station, e.g. a Shifts theme or note). */
export interface StationShift {
  readonly station: string;
  readonly start: Date;
  readonly end: Date;
  readonly cancelled?: boolean;
}

/** The last time the person practised `station` before `now`, from sign-offs, shifts and the stored date. */
export function lastPractice(
  station: string,
  signOffs: readonly StationSignOff[],
  shifts: readonly StationShift[],
  now: Date,
  stored?: Date
): Date | undefined {
  const code = station.toLowerCase();
  const times: number[] = [];
  if (stored && !isNaN(stored.getTime())) times.push(Math.min(stored.getTime(), now.getTime()));
  signOffs.filter((s) => s.station.toLowerCase() === code && s.at.getTime() <= now.getTime()).forEach((s) => times.push(s.at.getTime()));
  shifts
    .filter((s) => s.station.toLowerCase() === code && !s.cancelled && s.start.getTime() <= now.getTime() && s.end > s.start)
    .forEach((s) => times.push(Math.min(s.end.getTime(), now.getTime())));
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

export type SkillState = 'valid' | 'expiring' | 'expired' | 'lapsed';

export interface SkillValidity {
  readonly state: SkillState;
  /** When it ends; absent when it never does. */
  readonly validUntil?: Date;
  /** What ends it first. */
  readonly endsBy?: 'expiry' | 'lapse';
}

export interface ValidityInput {
  /** The stored end of the fixed period (`ExpiresAt`). */
  readonly expiresAt?: Date;
  /** The last practice (see {@link lastPractice}); the sign-off itself when nothing later is known. */
  readonly lastPractice?: Date;
  readonly lapseDays: number;
  /** Marked `expiring` this many local days before it ends. */
  readonly warnDays: number;
}

function validDate(date: Date | undefined): Date | undefined {
  return date && !isNaN(date.getTime()) ? date : undefined;
}

/** Whether a skill holds at `now`, and until when. */
export function skillValidity(input: ValidityInput, now: Date, timeZone: string): SkillValidity {
  const expires = validDate(input.expiresAt);
  const practice = validDate(input.lastPractice);
  const lapses = practice ? lapseAfter(practice, input.lapseDays, timeZone) : undefined;
  const ends: Array<{ at: Date; by: 'expiry' | 'lapse' }> = [];
  if (expires) ends.push({ at: expires, by: 'expiry' });
  if (lapses) ends.push({ at: lapses, by: 'lapse' });
  ends.sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = ends[0];
  if (!first) return { state: 'valid' };
  if (first.at.getTime() <= now.getTime()) {
    return { state: first.by === 'expiry' ? 'expired' : 'lapsed', validUntil: first.at, endsBy: first.by };
  }
  const warnFrom = sameWallTimeShifted(first.at, timeZone, (date) => addLocalDays(date, -input.warnDays));
  return { state: now.getTime() >= warnFrom.getTime() ? 'expiring' : 'valid', validUntil: first.at, endsBy: first.by };
}

/** Whether the skill covers the whole of `[start, end)` (a shift): it holds at its start and until its end. */
export function validThrough(validity: SkillValidity, start: Date, end: Date): boolean {
  if (!validity.validUntil) return validity.state !== 'expired' && validity.state !== 'lapsed';
  return validity.validUntil.getTime() >= end.getTime() && validity.validUntil.getTime() > start.getTime();
}

export type RenewalPath = Pick<LearningPath, 'id' | 'renewalPathId' | 'renewalLeadDays'>;

export interface RenewalAssignment {
  readonly pathId: ItemId;
  /** Due when the skill ends. */
  readonly dueDate: string;
  readonly reason: 'renewal';
  /** `renewal:<skillKey>`, stored in `AssignedVia`. */
  readonly assignedVia: string;
}

export interface RenewalNotice {
  readonly recipientId: number;
  readonly role: 'person' | 'leader';
  /** Once per skill, end date and recipient: `skillKey:YYYY-MM-DD:recipientId`. */
  readonly noticeKey: string;
  readonly validUntil: string;
}

export interface RenewalDecision {
  /** The renewal to assign; absent when none is due yet or the person already has it. */
  readonly assign?: RenewalAssignment;
  /** Whom to tell now (not told before under the same key). */
  readonly notify: readonly RenewalNotice[];
}

export interface RenewalInput {
  readonly skill: Pick<Skill, 'skillKey' | 'person'>;
  readonly validity: SkillValidity;
  readonly path: RenewalPath;
  /** The person's open (not finished) assignments, by path id. */
  readonly openAssignmentPathIds: readonly ItemId[];
  /** The person's leaders (site user ids): their manager and their crew's leaders. */
  readonly leaderIds: readonly number[];
  /** Notice keys already sent. */
  readonly sentNoticeKeys: readonly string[];
}

/**
 * What the renewal timer does for one skill at `now`: within the lead time before it ends (and
 * until it has ended), assign the renewal path (the path itself when it names none) and tell the
 * person and their leaders, each once.
 */
export function renewalFor(input: RenewalInput, now: Date, timeZone: string): RenewalDecision {
  const until = input.validity.validUntil;
  if (!until || input.validity.state === 'expired' || input.validity.state === 'lapsed') {
    return { notify: [] };
  }
  const dueFrom = sameWallTimeShifted(until, timeZone, (date) => addLocalDays(date, -Math.max(0, input.path.renewalLeadDays)));
  if (now.getTime() < dueFrom.getTime()) {
    return { notify: [] };
  }
  const pathId = input.path.renewalPathId ?? input.path.id;
  const endDay = formatLocalDate(localDateOf(timeZone, until));
  const recipients: Array<{ id: number; role: 'person' | 'leader' }> = [{ id: input.skill.person.id, role: 'person' }];
  input.leaderIds
    .filter((id, i) => id !== input.skill.person.id && input.leaderIds.indexOf(id) === i)
    .forEach((id) => recipients.push({ id, role: 'leader' }));
  const notify = recipients
    .map((r) => ({ recipientId: r.id, role: r.role, noticeKey: `${input.skill.skillKey}:${endDay}:${r.id}`, validUntil: until.toISOString() }))
    .filter((n) => input.sentNoticeKeys.indexOf(n.noticeKey) < 0);
  const assigned = input.openAssignmentPathIds.indexOf(pathId) >= 0;
  return {
    ...(assigned ? {} : { assign: { pathId, dueDate: until.toISOString(), reason: 'renewal', assignedVia: `renewal:${input.skill.skillKey}` } }),
    notify
  };
}
