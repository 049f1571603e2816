/**
 * The levels a finished path writes into SE_Skills (docs/learning.md, "Levels", "Expiry and
 * renewal"), decided without the site: for every station the path grants, the level after the
 * grant (`levelAfterGrant`: never lower than a level the person still holds; an expired or lapsed
 * one counts for nothing), assessed by the trainer who signed the path's practice off, at that
 * moment, ending when the sign-off's fixed period ends (`expiryAfter`, on the progress row). The
 * station signed off at was practised then (use it or lose it counts from there); the other
 * stations count from the assessment.
 */
import { levelAfterGrant } from '../../../src/core/learning/levels';
import { skillValidity } from '../../../src/core/learning/expiry';
import type { SkillGrant, SkillLevel } from '../../../src/core/models/learning';
import type { StoredSkill } from './store';

/** The sign-off a path was finished with (its latest), or the moment it was finished without one. */
export interface PathFinish {
  readonly at: Date;
  /** The trainer's site user id; absent for a path finished without a sign-off. */
  readonly trainerId?: number;
  readonly station?: string;
  /** The fixed period's end, as written on the sign-off's progress row; absent: no expiry. */
  readonly expiresAt?: Date;
}

/** One level to write. */
export interface GrantedSkill {
  readonly station: string;
  readonly level: SkillLevel;
  readonly assessedAt: Date;
  readonly assessedById?: number;
  readonly expiresAt?: Date;
  /** Set on the station signed off at; absent: the stored value stays. */
  readonly lastPractisedAt?: Date;
}

export interface GrantInput {
  readonly grants: readonly SkillGrant[];
  readonly finish: PathFinish;
  /** What the person holds now, by station (the rows that count). */
  readonly current: readonly StoredSkill[];
  /** Lapse days of the path that granted a stored level (0: it never lapses). */
  readonly lapseDaysOf: (pathId: number | undefined) => number;
  readonly now: Date;
  readonly timeZone: string;
}

/** Whether `skill` still holds at `now`. */
export function holdsNow(skill: StoredSkill, lapseDays: number, now: Date, timeZone: string): boolean {
  const validity = skillValidity({ expiresAt: skill.expiresAt, lastPractice: skill.lastPractisedAt ?? skill.assessedAt, lapseDays, warnDays: 0 }, now, timeZone);
  return validity.state !== 'expired' && validity.state !== 'lapsed';
}

export function grantedSkills(input: GrantInput): GrantedSkill[] {
  return input.grants.map((grant) => {
    const code = grant.station.toLowerCase();
    const stored = input.current.filter((skill) => skill.station.toLowerCase() === code)[0];
    const valid = stored && holdsNow(stored, input.lapseDaysOf(stored.pathId), input.now, input.timeZone) ? stored.level : undefined;
    const practised = input.finish.station !== undefined && input.finish.station.toLowerCase() === code;
    return {
      station: grant.station,
      level: levelAfterGrant(valid, grant.level),
      assessedAt: input.finish.at,
      ...(input.finish.trainerId !== undefined ? { assessedById: input.finish.trainerId } : {}),
      ...(input.finish.expiresAt ? { expiresAt: input.finish.expiresAt } : {}),
      ...(practised ? { lastPractisedAt: input.finish.at } : {})
    };
  });
}
