/**
 * What "My learning" is given (the composition root's `learningOf`, or a test's fake): the
 * person's learning as read, and their own actions. Structural, so the UI needs no connector.
 */
import type { PlanAssignment, PlanPath, PlanProgress, PlanStep } from '../../core/learning/nextStep';
import type { QuizAnswers } from '../../core/learning/quiz';
import type { ItemId } from '../../core/models/common';
import type { LearningPath, LearningStep, Quiz } from '../../core/models/learning';

export type ShownPath = PlanPath & Pick<LearningPath, 'title' | 'translations'>;
export type ShownStep = PlanStep & Pick<LearningStep, 'title' | 'translations' | 'contentUrl' | 'vivaCourseId'>;
export type ShownProgress = PlanProgress & { readonly pathId: ItemId };

export interface LearningSnapshot {
  readonly paths: readonly ShownPath[];
  readonly steps: readonly ShownStep[];
  readonly assignments: readonly PlanAssignment[];
  readonly progress: readonly ShownProgress[];
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
}
