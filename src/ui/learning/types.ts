/**
 * What "My learning" is given (the composition root's `learningOf`, or a test's fake): the
 * person's learning as read, and their own actions. Structural, so the UI needs no connector.
 */
import type { PlanAssignment, PlanPath, PlanProgress, PlanStep } from '../../core/learning/nextStep';
import type { QuizAnswers } from '../../core/learning/quiz';
import type { HeldSkill, QueuePath, SignOffAskedRow } from '../../core/learning/signOffQueue';
import type { ItemId } from '../../core/models/common';
import type { LearningPath, LearningStep, Quiz } from '../../core/models/learning';
import type { ShownCourses } from './vivaWords';

/** A path; what a trainer's sign-off needs (grants, named trainers, lapse days) when read. */
export type ShownPath = PlanPath & Pick<LearningPath, 'title' | 'translations'> & Partial<Pick<QueuePath, 'grants' | 'trainerIds'>> & { readonly lapseDays?: number };
export type ShownStep = PlanStep & Pick<LearningStep, 'title' | 'translations' | 'contentUrl' | 'vivaCourseId'>;
export type ShownProgress = PlanProgress & { readonly pathId: ItemId };

export interface LearningSnapshot {
  readonly paths: readonly ShownPath[];
  readonly steps: readonly ShownStep[];
  readonly assignments: readonly PlanAssignment[];
  readonly progress: readonly ShownProgress[];
  /** The person's site user id and own levels: what they may sign off (the trainer's section). */
  readonly personId?: number;
  readonly skills?: readonly HeldSkill[];
}

export type { SignOffAskedRow } from '../../core/learning/signOffQueue';

/** A trainer's sign-off as the part sends it. */
export interface SignOffGiven {
  readonly learnerLogin: string;
  readonly stepId: ItemId;
  readonly station: string;
  readonly note?: string;
  /** Made once per sign-off, kept across Try again. */
  readonly requestId: string;
  readonly timeZone: string;
}

/** A practice step asked: `signed-off` when a trainer was quicker. */
export interface SignOffAskAnswer {
  readonly status: 'completed' | 'signed-off';
}

/** A quiz attempt as the relay scored it: how many were right for a pass only. */
export interface QuizScored {
  readonly correct?: number;
  readonly total?: number;
  /** The quiz is passed (a pass stays). */
  readonly passed: boolean;
  readonly passMark: number;
  readonly attempts: number;
  /** Attempts left in the 24 hours. */
  readonly attemptsLeft: number;
}

export interface MyLearningSource {
  read(): Promise<LearningSnapshot>;
  quiz(stepId: ItemId): Promise<Quiz>;
  /** `requestId`: made once per step done, so Try again counts once. */
  markDone(stepId: ItemId, requestId: string): Promise<unknown>;
  /** `attemptKey`: made once per attempt, so Try again counts once. */
  submitQuiz(stepId: ItemId, attemptKey: string, answers: QuizAnswers): Promise<QuizScored>;
  /** Practice done: asks a trainer to sign it off; `requestId` made once per step. */
  askSignOff(stepId: ItemId, requestId: string): Promise<SignOffAskAnswer>;
  /** Colleagues' practice asked on these paths (the trainer's section, after the first paint). */
  signOffRequests(pathIds: readonly ItemId[]): Promise<readonly SignOffAskedRow[]>;
  signOff(signOff: SignOffGiven): Promise<unknown>;
  /** The person's Viva Learning courses (below the paths); absent: none shown. */
  courses?(): Promise<ShownCourses>;
  /** Whether the person shares their finished paths on the recognition wall; absent: no switch shown. */
  milestoneSharing?(): Promise<boolean>;
  setMilestoneSharing?(allowed: boolean): Promise<void>;
}
