/**
 * The crew skills matrix for team leaders: people × stations, each cell a level (I/L/U/O) with
 * whether it still holds. An expired or lapsed level is shown, marked, and qualifies for nothing;
 * a level ending within the warning days is marked expiring.
 */
import type { SkillLevel } from '../models/learning';
import { SkillState, skillValidity, SkillValidity } from './expiry';
import { isQualified } from './levels';

export interface MatrixPerson {
  /** Site user id (`SE_Skills.Person`). */
  readonly id: number;
  readonly displayName: string;
}

export interface MatrixStation {
  readonly code: string;
  readonly name: string;
}

/** A stored level (`SE_Skills`) with the lapse rule of the path that granted it. */
export interface MatrixSkill {
  readonly personId: number;
  readonly station: string;
  readonly level: SkillLevel;
  readonly expiresAt?: string;
  readonly assessedAt?: string;
  readonly lastPractisedAt?: string;
  /** From the granting path; 0 when it never lapses or no path granted it. */
  readonly lapseDays: number;
}

export interface MatrixCell {
  readonly station: string;
  readonly level?: SkillLevel;
  /** `none`: no level on the station. */
  readonly state: 'none' | SkillState;
  readonly validUntil?: string;
  /** Covers the station now: U or O, not expired or lapsed. */
  readonly qualified: boolean;
}

export interface MatrixRow {
  readonly person: MatrixPerson;
  readonly cells: readonly MatrixCell[];
}

export interface SkillsMatrix {
  readonly stations: readonly MatrixStation[];
  readonly rows: readonly MatrixRow[];
}

function date(iso: string | undefined): Date | undefined {
  const ms = iso ? Date.parse(iso) : NaN;
  return isNaN(ms) ? undefined : new Date(ms);
}

/** The latest of the stored last practice and the assessment: what use it or lose it counts from. */
function practisedAt(skill: MatrixSkill): Date | undefined {
  const times = [date(skill.lastPractisedAt), date(skill.assessedAt)].filter((d): d is Date => d !== undefined);
  return times.length > 0 ? new Date(Math.max(...times.map((d) => d.getTime()))) : undefined;
}

/** Whether a stored level holds at `now`. */
export function validityOf(skill: MatrixSkill, now: Date, timeZone: string, warnDays: number): SkillValidity {
  return skillValidity({ expiresAt: date(skill.expiresAt), lastPractice: practisedAt(skill), lapseDays: skill.lapseDays, warnDays }, now, timeZone);
}

/** The matrix of `people` × `stations` at `now`; skills of others or of other stations are left out. */
export function buildMatrix(
  people: readonly MatrixPerson[],
  stations: readonly MatrixStation[],
  skills: readonly MatrixSkill[],
  now: Date,
  timeZone: string,
  warnDays: number
): SkillsMatrix {
  const byKey = new Map<string, MatrixSkill>();
  skills.forEach((skill) => byKey.set(`${skill.personId}|${skill.station.toLowerCase()}`, skill));
  const rows = people.map((person) => ({
    person,
    cells: stations.map((station): MatrixCell => {
      const skill = byKey.get(`${person.id}|${station.code.toLowerCase()}`);
      if (!skill) return { station: station.code, state: 'none', qualified: false };
      const validity = validityOf(skill, now, timeZone, warnDays);
      const holds = validity.state === 'valid' || validity.state === 'expiring';
      return {
        station: station.code,
        level: skill.level,
        state: validity.state,
        ...(validity.validUntil ? { validUntil: validity.validUntil.toISOString() } : {}),
        qualified: holds && isQualified(skill.level)
      };
    })
  }));
  return { stations, rows };
}
