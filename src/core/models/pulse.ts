/**
 * Pulse surveys: SE_Questions, SE_Surveys, SE_SurveyRounds, SE_Responses, SE_Participation,
 * SE_Comments, SE_ActionPlans.
 *
 * Confidentiality: answers are kept in encrypted ballot boxes (no person, only the day, inside
 * the encryption); participation carries the person and never the answer. Both are written by
 * the relay's app-only identity (docs/pulse-threat-model.md).
 */
import { IsoDate, IsoDateTime, ItemId, PersonRef, Translations } from './common';

/** The drivers of engagement on the shop floor, plus the two outcomes (eNPS, engagement). */
export const PULSE_DRIVERS = [
  'belonging',
  'security-meaning',
  'leadership',
  'development',
  'schedule-influence',
  'fairness',
  'work-influence',
  'recognition',
  'enps',
  'engagement'
] as const;
export type PulseDriver = (typeof PULSE_DRIVERS)[number];

/** `likert5`: 1–5 agreement; `enps11`: 0–10 likelihood to recommend; `text`: free text. */
export const QUESTION_KINDS = ['likert5', 'enps11', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface QuestionTranslation {
  readonly text: string;
}

export interface Question {
  readonly id: ItemId;
  /** Unique and stable: survey definitions refer to it. */
  readonly questionKey: string;
  /** English wording (the list's Title). */
  readonly title: string;
  readonly driver: PulseDriver;
  readonly kind: QuestionKind;
  readonly translations: Translations<QuestionTranslation>;
  readonly isActive: boolean;
}

export const SURVEY_STATUSES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const SURVEY_CADENCES = ['once', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type SurveyCadence = (typeof SURVEY_CADENCES)[number];

/** Who is asked. An empty or absent list means "no restriction" on that dimension. */
export interface SurveyAudience {
  readonly siteCodes?: readonly string[];
  readonly departments?: readonly string[];
  readonly crewKeys?: readonly string[];
  /** Graph `employeeType` values, e.g. `Employee`, `Consultant` (agency staff are treated alike). */
  readonly employmentTypes?: readonly string[];
}

/**
 * The `Definition` JSON of a survey. Cadence and thresholds are columns of their own (so they
 * can be listed and validated) and are not repeated here.
 */
export interface SurveyDefinition {
  /** {@link Question.questionKey}s in the order asked. */
  readonly questionKeys: readonly string[];
  /** Language tags the survey is offered in; each question needs a text in each. */
  readonly languages: readonly string[];
  readonly audience: SurveyAudience;
  /** How long a round stays open, long enough to reach every shift rotation. */
  readonly roundLengthDays: number;
  /**
   * The schedule (all optional: a definition without them is a draft not scheduled yet; rules in
   * `src/core/pulse/schedule.ts`). The plant's local day the first round opens (`YYYY-MM-DD`).
   */
  readonly firstOpensOn?: IsoDate;
  /** Local time rounds open and close (`HH:MM`, 24-hour); default `00:00`. */
  readonly opensAt?: string;
  /** The plant's IANA time zone, e.g. `Europe/Stockholm`. */
  readonly timeZone?: string;
  /** Paused: no new round opens; an open round runs to its end. */
  readonly paused?: boolean;
  /** Shift-start reminders per person and round (N); default 2, 0 for none. */
  readonly maxReminders?: number;
}

export interface Survey {
  readonly id: ItemId;
  /** Survey name (the list's Title). */
  readonly title: string;
  readonly definition: SurveyDefinition;
  readonly status: SurveyStatus;
  readonly cadence: SurveyCadence;
  /** At least 5. */
  readonly minGroupSize: number;
  /** At least 10. */
  readonly minCommentGroupSize: number;
}

export const ROUND_STATUSES = ['scheduled', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export interface SurveyRound {
  readonly id: ItemId;
  readonly surveyId: ItemId;
  /** 1, 2, 3… per survey. */
  readonly roundNumber: number;
  /** Unique: `surveyId:roundNumber` (see `roundKey`). */
  readonly roundKey: string;
  readonly opensAt: IsoDateTime;
  readonly closesAt: IsoDateTime;
  readonly status: RoundStatus;
  /** Set when the round opens; the thresholds below never change afterwards. */
  readonly thresholdsLocked: boolean;
  readonly minGroupSize: number;
  readonly minCommentGroupSize: number;
}

/**
 * Scores per question key: 1–5 for `likert5`, 0–10 for `enps11`. Free-text answers are not
 * stored with the scores; they become comment threads and follow the comment threshold.
 */
export interface PulseAnswers {
  readonly [questionKey: string]: number | undefined;
}

/**
 * A ballot box of a round (SE_Responses): some of the round's answers, encrypted by the relay as a
 * whole with a key only the relay holds (AES-256-GCM), shuffled on every write. No person, no
 * time and no order a reader without the key can see. What is inside: `BallotBox` in
 * `src/core/pulse/ballot.ts`.
 */
export interface ResponseBox {
  readonly id: ItemId;
  readonly roundId: ItemId;
  readonly surveyId: ItemId;
  /** `roundId:slot:generation` (the list's Title), bound into the encryption. */
  readonly boxTitle: string;
  /** `roundId:slot`: every box of a slot. */
  readonly boxKey: string;
  /** `pe1.<key id>.<iv>.<tag>.<ciphertext>` (`relay/src/pulse/envelope.ts`). */
  readonly envelope: string;
}

/** `pending` while the answer is being stored, `counted` once it is in its box. */
export const PARTICIPATION_STATUSES = ['pending', 'counted'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

/** Who answered a round, never what. */
export interface Participation {
  readonly id: ItemId;
  readonly roundId: ItemId;
  readonly participant: PersonRef;
  /** Unique: `roundId:userId` (see `participationKey`). */
  readonly participationKey: string;
  readonly status: ParticipationStatus;
  /**
   * Only while `pending`: the submission's token (a keyed hash of the device's submission key),
   * so a resend finishes it; cleared when counted, so nothing kept links the record to an answer.
   */
  readonly token?: string;
}

export const COMMENT_AUTHOR_ROLES = ['employee', 'hr', 'leader'] as const;
export type CommentAuthorRole = (typeof COMMENT_AUTHOR_ROLES)[number];

export const COMMENT_STATUSES = ['visible', 'hidden'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** One message of an anonymous two-way thread. */
export interface PulseComment {
  readonly id: ItemId;
  readonly roundId: ItemId;
  readonly threadId: string;
  /** The message replied to; absent for the first message of a thread. */
  readonly parentId?: ItemId;
  /** The text question it answers, if any. */
  readonly questionKey?: string;
  readonly groupKey: string;
  readonly body: string;
  readonly authorRole: CommentAuthorRole;
  readonly status: CommentStatus;
  readonly created: IsoDateTime;
}

export const ACTION_PLAN_STATUSES = ['planned', 'in-progress', 'done'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];

/** "You said, we did". */
export interface ActionPlan {
  readonly id: ItemId;
  /** Short headline (the list's Title). */
  readonly title: string;
  readonly surveyId: ItemId;
  readonly roundId?: ItemId;
  readonly groupKey: string;
  readonly driver: PulseDriver;
  readonly youSaid: string;
  readonly weDid?: string;
  readonly owner?: PersonRef;
  readonly status: ActionPlanStatus;
  /** Absent while a draft: employees see only published plans. */
  readonly publishedAt?: IsoDateTime;
  /** The owner's name as the writer chose them (accountable, not anonymous). */
  readonly ownerName?: string;
  /** The plant's calendar day it is due. */
  readonly dueDate?: IsoDate;
  /** The quoted comment's thread (`thread:<thread id>`), never its words. */
  readonly sourceComment?: string;
  /** One plan per key, however often its first save is sent. */
  readonly planKey?: string;
}

/**
 * A shift-start reminder the relay's pulse timer sent (SE_Reminders): one per round, person and
 * shift (`reminderKey` in src/core/pulse/reminders.ts).
 */
export interface SentReminderRecord {
  readonly id: number;
  readonly roundId: number;
  /** The person's directory (Entra ID object) id: whom the notification went to. */
  readonly personObjectId: string;
  readonly shiftId: string;
  /** `roundId:personId:shiftId`, one item per key kept by the relay. */
  readonly reminderKey: string;
}
