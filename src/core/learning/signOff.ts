/**
 * A trainer's sign-off of on-the-job practice. The relay decides with these rules and writes
 * the progress row as itself, so nobody signs off through SharePoint REST (docs/learning.md):
 * - only a practice step (one that requires a sign-off) is signed off;
 * - never one's own;
 * - by a person who holds the skill at U or O on the station, valid now, or a trainer named on
 *   the path; when the path grants skills, the station must be one of them (a trainer cannot
 *   name a station of their own to sign off another);
 * - it records who (from the trainer's token, never from the request), when (the relay's
 *   clock), where (the station) and an optional note: plain text, kept as typed (markup stays
 *   text; control and invisible characters are removed), at most {@link MAX_SIGN_OFF_NOTE}
 *   UTF-16 units. A longer note is refused, not cut: the form keeps the text.
 */
import type { LearningPath, ProgressStatus, SkillGrant, SkillLevel, StepKind } from '../models/learning';
import { normaliseText } from '../recognition/compose';
import { utf16Length } from '../text/unicode';
import type { SkillValidity } from './expiry';
import { isQualified, normaliseStation } from './levels';

export const MAX_SIGN_OFF_NOTE = 1000;

export type SignOffRefusal =
  /** The step is not on-the-job practice. */
  | 'notPractice'
  /** The trainer is the learner. */
  | 'ownSignOff'
  /** No station, or not a station code. */
  | 'stationMissing'
  /** The path grants skills, and the station is none of them. */
  | 'stationNotOnPath'
  /** The trainer holds no valid U or O on the station and is not named on the path. */
  | 'notQualified'
  | 'noteTooLong';

/** A level the trainer holds on a station, with whether it holds now. */
export interface TrainerSkill {
  readonly station: string;
  readonly level: SkillLevel;
  readonly validity: SkillValidity;
}

export interface SignOffRequest {
  /** Site user ids: the learner, and the trainer from their token. */
  readonly learnerId: number;
  readonly trainerId: number;
  readonly station: string;
  readonly note?: string;
}

export interface SignOffContext {
  readonly requiresSignOff: boolean;
  readonly path: Pick<LearningPath, 'trainerIds'> & { readonly grants: readonly SkillGrant[] };
  readonly trainerSkills: readonly TrainerSkill[];
  readonly now: Date;
}

/** What the relay writes on the progress row. */
export interface SignOffRecord {
  readonly status: 'signed-off';
  readonly signedOffById: number;
  readonly signedOffAt: string;
  readonly signOffStation: string;
  readonly signOffNote?: string;
}

export type SignOffDecision = { readonly ok: true; readonly record: SignOffRecord } | { readonly ok: false; readonly code: SignOffRefusal; readonly limit?: number };

/** The note as stored: normalised plain text; undefined when nothing is left. */
export function signOffNote(note: string | undefined): string | undefined {
  const text = normaliseText(note ?? '');
  return text === '' ? undefined : text;
}

function holdsStation(skills: readonly TrainerSkill[], station: string): boolean {
  const code = station.toLowerCase();
  return skills.some(
    (skill) =>
      skill.station.toLowerCase() === code && isQualified(skill.level) && skill.validity.state !== 'expired' && skill.validity.state !== 'lapsed'
  );
}

/** Whether `trainerId` may sign off practice for `learnerId` at `station` on this path (without the note). */
export function maySignOff(request: SignOffRequest, context: SignOffContext): SignOffRefusal | undefined {
  if (!context.requiresSignOff) return 'notPractice';
  if (request.trainerId === request.learnerId) return 'ownSignOff';
  const station = normaliseStation(request.station);
  if (station === undefined) return 'stationMissing';
  const grants = context.path.grants;
  if (grants.length > 0 && !grants.some((g) => g.station.toLowerCase() === station.toLowerCase())) return 'stationNotOnPath';
  const named = context.path.trainerIds.indexOf(request.trainerId) >= 0;
  return named || holdsStation(context.trainerSkills, station) ? undefined : 'notQualified';
}

/**
 * Whether the learner has done what the step asks before a trainer signs it off. Practice is done
 * on the job, and the sign-off is its record; any other step that requires a sign-off (a quiz a
 * trainer also checks) must be done first (`completed`; `signed-off` when signed off before).
 */
export function readyForSignOff(kind: StepKind, status: ProgressStatus | undefined): boolean {
  return kind === 'practice' || status === 'completed' || status === 'signed-off';
}

/** The sign-off to write, or why not. */
export function decideSignOff(request: SignOffRequest, context: SignOffContext): SignOffDecision {
  const refusal = maySignOff(request, context);
  if (refusal) return { ok: false, code: refusal };
  const note = signOffNote(request.note);
  if (note !== undefined && utf16Length(note) > MAX_SIGN_OFF_NOTE) {
    return { ok: false, code: 'noteTooLong', limit: MAX_SIGN_OFF_NOTE };
  }
  return {
    ok: true,
    record: {
      status: 'signed-off',
      signedOffById: request.trainerId,
      signedOffAt: context.now.toISOString(),
      signOffStation: normaliseStation(request.station) as string,
      ...(note !== undefined ? { signOffNote: note } : {})
    }
  };
}
