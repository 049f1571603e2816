/**
 * Learning paths: SE_LearningPaths, SE_LearningSteps, SE_Assignments, SE_Progress, SE_Skills.
 */
import { IsoDateTime, ItemId, PersonRef, Translations } from './common';

export const LEARNING_CATEGORIES = ['onboarding', 'machine-qualification', 'safety', 'other'] as const;
export type LearningCategory = (typeof LEARNING_CATEGORIES)[number];

export interface LearningPathTranslation {
  readonly name: string;
  readonly description?: string;
}

export interface LearningPath {
  readonly id: ItemId;
  /** English name (the list's Title). */
  readonly title: string;
  readonly description?: string;
  readonly translations: Translations<LearningPathTranslation>;
  readonly category: LearningCategory;
  /** How long the certificate is valid after sign-off; 0 = it does not expire. */
  readonly validityMonths: number;
  readonly isActive: boolean;
  /** Paths to finish before this one starts (`RequiresPathIds`); never a cycle (`src/core/learning/prerequisites.ts`). */
  readonly requiresPathIds: readonly ItemId[];
  /** Skills finishing the path grants (`Grants`): a level on a station or machine. */
  readonly grants: readonly SkillGrant[];
  /** Site user ids of the trainers named on the path (`TrainerIds`): they may sign off without holding the skill. */
  readonly trainerIds: readonly number[];
  /** Use it or lose it: the skill lapses after this many days without practice; 0 = never. */
  readonly lapseDays: number;
  /** The path assigned to renew the skill before it expires; absent = this path again. */
  readonly renewalPathId?: ItemId;
  /** How many days before expiry the renewal is assigned and the person and their leader are told. */
  readonly renewalLeadDays: number;
}

/** A level on a station or machine that finishing a path grants. */
export interface SkillGrant {
  /** Stable station or machine code, as `SE_Skills.Station` stores it. */
  readonly station: string;
  readonly level: SkillLevel;
}

export const STEP_KINDS = ['read', 'watch', 'viva-course', 'quiz', 'practice'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepTranslation {
  readonly title: string;
  /** Plain-text instructions shown with the step. */
  readonly body?: string;
}

export interface QuizQuestionTranslation {
  readonly prompt: string;
  /** The same number of options, in the same order, in every language. */
  readonly options: readonly string[];
}

export interface QuizQuestion {
  readonly key: string;
  readonly translations: Translations<QuizQuestionTranslation>;
}

/**
 * The `Quiz` JSON of a quiz step: questions and choices, which every member reads. Which
 * choices are right is not in it: that is the {@link QuizAnswerKey}, sealed by the relay.
 */
export interface Quiz {
  readonly questions: readonly QuizQuestion[];
  /** Correct answers needed to pass, 1..questions.length. */
  readonly passMark: number;
}

/**
 * Which choices are right, per question key (indexes into `options`, one or more). Kept in the
 * step's `QuizKey` column sealed by the relay, so a learner cannot read it over REST.
 */
export interface QuizAnswerKey {
  readonly [questionKey: string]: readonly number[] | undefined;
}

export interface LearningStep {
  readonly id: ItemId;
  /** English name (the list's Title). */
  readonly title: string;
  readonly pathId: ItemId;
  readonly sortOrder: number;
  readonly kind: StepKind;
  readonly translations: Translations<StepTranslation>;
  /** For `read` and `watch`: an address inside the tenant. */
  readonly contentUrl?: string;
  /** For `viva-course`: the Viva Learning course (learning content) id. */
  readonly vivaCourseId?: string;
  /** For `quiz`. */
  readonly quiz?: Quiz;
  /** For `quiz`: the {@link QuizAnswerKey}, sealed by the relay (only the relay opens it). */
  readonly quizKey?: string;
  /** On-the-job practice a trainer must sign off. */
  readonly requiresSignOff: boolean;
  readonly estimatedMinutes: number;
}

export const ASSIGNMENT_REASONS = ['onboarding', 'qualification', 'renewal', 'development', 'other'] as const;
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number];

/** A path assigned to one person (a crew assignment is one item per member with the crew key). */
export interface Assignment {
  readonly id: ItemId;
  readonly learner: PersonRef;
  readonly pathId: ItemId;
  readonly crewKey?: string;
  readonly assignedBy?: PersonRef;
  readonly dueDate?: IsoDateTime;
  readonly reason: AssignmentReason;
  /** Unique: `pathId:userId` (see `assignmentKey`). */
  readonly assignmentKey: string;
  /** The rule that assigned it: `person`, `crew:<key>`, `role:<role>`, `newSince:<date>`, `renewal:<skillKey>`. */
  readonly assignedVia?: string;
  /** The renewal notice keys sent for this assignment, one a line (the relay's learning timer writes it; `renewalRecord.ts`). */
  readonly renewalNotices?: string;
  readonly created: IsoDateTime;
}

export const PROGRESS_STATUSES = ['not-started', 'in-progress', 'completed', 'signed-off'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** Progress of one person on one step. */
export interface StepProgress {
  readonly id: ItemId;
  readonly learner: PersonRef;
  readonly pathId: ItemId;
  readonly stepId: ItemId;
  readonly crewKey?: string;
  readonly status: ProgressStatus;
  readonly completedAt?: IsoDateTime;
  readonly signedOffBy?: PersonRef;
  readonly signedOffAt?: IsoDateTime;
  /** When the qualification lapses; absent when the path does not expire. */
  readonly expiresAt?: IsoDateTime;
  /** Unique: `stepId:userId` (see `progressKey`). */
  readonly progressKey: string;
  /** Where the practice was signed off: the station or machine code. */
  readonly signOffStation?: string;
  /** The trainer's note with the sign-off, plain text. */
  readonly signOffNote?: string;
  /**
   * A quiz step's attempts and scores, sealed by the relay: colleagues who read the list see
   * that the step is done, not the score (`src/core/learning/quiz.ts`).
   */
  readonly quizResult?: string;
}

/**
 * The ILUO levels of a skills matrix:
 * I = in training, works under supervision; L = works alone with help at hand;
 * U = works alone to standard (quality, safety, time); O = can train others.
 */
export const SKILL_LEVELS = ['I', 'L', 'U', 'O'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** One cell of the crew skills matrix: a person's level on a station. */
export interface Skill {
  readonly id: ItemId;
  /** The station's display name (the list's Title). */
  readonly title: string;
  readonly person: PersonRef;
  /** Stable station code. */
  readonly station: string;
  readonly level: SkillLevel;
  readonly crewKey?: string;
  readonly assessedBy?: PersonRef;
  readonly assessedAt?: IsoDateTime;
  readonly expiresAt?: IsoDateTime;
  /** Unique: `station:userId` (see `skillKey`). */
  readonly skillKey: string;
  /** The path whose sign-off granted the level, when a path did. */
  readonly pathId?: ItemId;
  /** The last time the person is known to have worked the station (sign-off or rostered shift), for use it or lose it. */
  readonly lastPractisedAt?: IsoDateTime;
}
