/**
 * "Waiting for your sign-off": the practice colleagues asked a trainer to sign off that this
 * trainer may sign off, decided with the relay's own rule (`maySignOff`), so the page offers
 * nothing the relay refuses and hides nothing it allows on a granted station:
 * - asked: a practice step (or one that requires a sign-off) whose progress row is `completed`
 *   (the person asked, `POST /api/learning/signoff-request`), on an active path;
 * - never the trainer's own;
 * - the stations offered: those the path grants on which the trainer may sign off (a valid U or
 *   O there, or named on the path's `TrainerIds`). A path that grants none takes any station, so
 *   only its named trainers see it, and are offered the stations they hold a valid U or O on.
 * A request with no station to offer is not this trainer's to sign off, and is left out.
 */
import type { ItemId } from '../models/common';
import type { LearningPath, ProgressStatus, SkillLevel, StepKind } from '../models/learning';
import { LISTS } from '../schema/lists';
import { skillValidity } from './expiry';
import { isQualified, isSkillLevel } from './levels';
import { maySignOff, type TrainerSkill } from './signOff';

/** A level as stored (SE_Skills), before its validity is known. */
export interface HeldSkill {
  readonly station: string;
  readonly level: SkillLevel;
  readonly expiresAt?: Date;
  readonly lastPractisedAt?: Date;
  readonly assessedAt?: Date;
  /** The path that granted it: its `LapseDays` decide use it or lose it. */
  readonly pathId?: ItemId;
}

const SKILLS = LISTS.skills;
const dateOf = (value: unknown): Date | undefined => {
  const at = typeof value === 'string' ? new Date(value) : undefined;
  return at && !isNaN(at.getTime()) ? at : undefined;
};

/** A SE_Skills row as the rules take it (the relay and the page read it alike); undefined when it is not a level. */
export function heldSkillOf(row: Readonly<Record<string, unknown>>): HeldSkill | undefined {
  const station = row[SKILLS.fields.station];
  const level = row[SKILLS.fields.level];
  if (typeof station !== 'string' || station.trim() === '' || !isSkillLevel(level)) {
    return undefined;
  }
  const pathId = row[SKILLS.fields.pathId];
  const expiresAt = dateOf(row[SKILLS.fields.expiresAt]);
  const lastPractisedAt = dateOf(row[SKILLS.fields.lastPractisedAt]);
  const assessedAt = dateOf(row[SKILLS.fields.assessedAt]);
  return {
    station,
    level,
    ...(expiresAt ? { expiresAt } : {}),
    ...(lastPractisedAt ? { lastPractisedAt } : {}),
    ...(assessedAt ? { assessedAt } : {}),
    ...(typeof pathId === 'number' ? { pathId } : {})
  };
}

/**
 * The trainer's levels with whether each holds at `now` (for `decideSignOff` and the queue):
 * the relay and the page judge them alike.
 */
export function trainerSkillsAt(skills: readonly HeldSkill[], lapseDaysOf: (pathId: ItemId | undefined) => number, now: Date, timeZone: string): TrainerSkill[] {
  return skills.map((skill) => ({
    station: skill.station,
    level: skill.level,
    validity: skillValidity({ expiresAt: skill.expiresAt, lastPractice: skill.lastPractisedAt ?? skill.assessedAt, lapseDays: lapseDaysOf(skill.pathId), warnDays: 0 }, now, timeZone)
  }));
}

export type QueuePath = Pick<LearningPath, 'id' | 'isActive' | 'grants' | 'trainerIds'>;
export interface QueueStep {
  readonly id: ItemId;
  readonly pathId: ItemId;
  readonly kind: StepKind;
  readonly requiresSignOff: boolean;
}
/** A colleague's progress row (site user id of the learner). */
export interface QueueRow {
  readonly learnerId: number;
  readonly stepId: ItemId;
  readonly status: ProgressStatus;
}

/** A colleague's practice waiting for a trainer, as a trainer's page reads it (their row `completed`: they asked). */
export interface SignOffAskedRow extends QueueRow {
  readonly learnerName: string;
  /** Their sign-in name (claims login): how the sign-off names them. */
  readonly learnerLogin: string;
  readonly pathId: ItemId;
  /** When they asked. */
  readonly completedAt?: string;
}

export interface SignOffTask {
  readonly learnerId: number;
  readonly stepId: ItemId;
  readonly pathId: ItemId;
  /** Where the trainer may sign it off, in the path's order: at least one. */
  readonly stations: readonly string[];
}

const holdsValid = (skill: TrainerSkill): boolean => isQualified(skill.level) && skill.validity.state !== 'expired' && skill.validity.state !== 'lapsed';

/** The stations at which `trainerId` may sign off `learnerId`'s practice on `path` (none: not theirs to sign off). */
export function signOffStations(trainerId: number, learnerId: number, path: Pick<QueuePath, 'grants' | 'trainerIds'>, trainerSkills: readonly TrainerSkill[]): string[] {
  const context = { requiresSignOff: true, path, trainerSkills, now: new Date(0) };
  const may = (station: string): boolean => maySignOff({ learnerId, trainerId, station }, context) === undefined;
  if (path.grants.length > 0) {
    return path.grants.map((grant) => grant.station).filter(may);
  }
  if (path.trainerIds.indexOf(trainerId) < 0) {
    return [];
  }
  const held = trainerSkills.filter(holdsValid).map((skill) => skill.station);
  return held.filter((station, index) => held.indexOf(station) === index && may(station));
}

/**
 * The station a sign-off form starts with: the only one offered, or else the only one offered the
 * trainer holds a valid U or O on themselves (a named trainer of a path granting stations on two
 * lines is offered both; the one they run is where they train); none when that does not decide.
 */
export function preferredStation(offered: readonly string[], trainerSkills: readonly TrainerSkill[]): string | undefined {
  if (offered.length === 1) {
    return offered[0];
  }
  const held = offered.filter((station) => trainerSkills.some((skill) => holdsValid(skill) && skill.station.toLowerCase() === station.toLowerCase()));
  return held.length === 1 ? held[0] : undefined;
}

/** Whether `trainerId` may sign off anything on `path`: what the page reads requests for. */
export function signsOffOn(trainerId: number, path: QueuePath, trainerSkills: readonly TrainerSkill[]): boolean {
  // Site user ids start at 1: learner 0 is anyone but the trainer (it only matters for "never one's own").
  return path.isActive && signOffStations(trainerId, 0, path, trainerSkills).length > 0;
}

/** The requests `trainerId` may sign off, oldest rows first as given. */
export function signOffQueue(input: {
  readonly trainerId: number;
  readonly trainerSkills: readonly TrainerSkill[];
  readonly paths: readonly QueuePath[];
  readonly steps: readonly QueueStep[];
  readonly rows: readonly QueueRow[];
}): SignOffTask[] {
  const tasks: SignOffTask[] = [];
  for (const row of input.rows) {
    const step = input.steps.filter((s) => s.id === row.stepId)[0];
    const path = step ? input.paths.filter((p) => p.id === step.pathId)[0] : undefined;
    if (!step || !path || !path.isActive || row.status !== 'completed' || !(step.kind === 'practice' || step.requiresSignOff) || row.learnerId === input.trainerId) {
      continue;
    }
    const stations = signOffStations(input.trainerId, row.learnerId, path, input.trainerSkills);
    if (stations.length > 0 && !tasks.some((t) => t.learnerId === row.learnerId && t.stepId === step.id)) {
      tasks.push({ learnerId: row.learnerId, stepId: step.id, pathId: path.id, stations });
    }
  }
  return tasks;
}
