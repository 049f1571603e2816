/**
 * The steps of a path as HR or a trainer writes them: what each kind needs, its wording in the
 * shipped languages, and its length in minutes. Core returns codes; the Learning admin part
 * turns them into words. Errors keep a step from being saved; warnings are shown and allowed.
 */
import { SHIPPED_LANGUAGES } from '../models/common';
import type { LearningStep, QuizAnswerKey } from '../models/learning';
import { validateQuiz } from './quiz';
import { hasOwnText } from './wording';

/** A step is small: at most a (long) shift. An on-the-job step may take one. */
export const MAX_STEP_MINUTES = 720;

export type StepProblemCode =
  | 'titleMissing'
  /** A shipped language without its own title: its readers see English (warning). */
  | 'translationMissing'
  | 'minutesOutOfRange'
  | 'contentUrlMissing'
  /** Not a server-relative path or an https address on the tenant's host. */
  | 'contentUrlOutsideTenant'
  | 'vivaCourseMissing'
  | 'quizMissing'
  | 'quizInvalid'
  /** On-the-job practice is finished only by a trainer's sign-off. */
  | 'practiceNeedsSignOff';

export interface StepProblem {
  readonly code: StepProblemCode;
  readonly severity: 'error' | 'warning';
  readonly language?: string;
}

export type StepDraft = Pick<
  LearningStep,
  'title' | 'kind' | 'translations' | 'contentUrl' | 'vivaCourseId' | 'quiz' | 'requiresSignOff' | 'estimatedMinutes'
>;

/**
 * Whether an address is inside the tenant: a server-relative path (`/sites/…`), or https on one
 * of the tenant's hosts (`contoso.sharepoint.com`). Anything else (another site, `javascript:`,
 * a protocol-relative `//host`) is refused.
 */
export function isTenantAddress(url: string, tenantHosts: readonly string[]): boolean {
  const text = url.trim();
  if (/^\/(?!\/)/.test(text)) {
    return !/[\s\\]/.test(text);
  }
  const match = /^https:\/\/([^/?#:@\s]+)(?::443)?(?:[/?#]|$)/i.exec(text);
  return match !== null && tenantHosts.some((host) => host.toLowerCase() === match[1].toLowerCase());
}

function kindProblems(step: StepDraft, tenantHosts: readonly string[], answerKey: QuizAnswerKey | undefined): StepProblem[] {
  switch (step.kind) {
    case 'read':
    case 'watch':
      if (!step.contentUrl || step.contentUrl.trim() === '') return [{ code: 'contentUrlMissing', severity: 'error' }];
      return isTenantAddress(step.contentUrl, tenantHosts) ? [] : [{ code: 'contentUrlOutsideTenant', severity: 'error' }];
    case 'viva-course':
      return step.vivaCourseId && step.vivaCourseId.trim() !== '' ? [] : [{ code: 'vivaCourseMissing', severity: 'error' }];
    case 'quiz':
      if (!step.quiz) return [{ code: 'quizMissing', severity: 'error' }];
      return validateQuiz(step.quiz, answerKey).some((p) => p.severity === 'error') ? [{ code: 'quizInvalid', severity: 'error' }] : [];
    case 'practice':
      return step.requiresSignOff ? [] : [{ code: 'practiceNeedsSignOff', severity: 'error' }];
    default:
      return [];
  }
}

/**
 * What is wrong with a step. `answerKey`: a quiz's key while HR edits it (the relay seals it
 * on save); without it only the questions are checked.
 */
export function validateStep(step: StepDraft, tenantHosts: readonly string[], answerKey?: QuizAnswerKey): StepProblem[] {
  const problems: StepProblem[] = [];
  if (step.title.trim() === '') {
    problems.push({ code: 'titleMissing', severity: 'error' });
  }
  const minutes = step.estimatedMinutes;
  if (!(Math.floor(minutes) === minutes && minutes >= 1 && minutes <= MAX_STEP_MINUTES)) {
    problems.push({ code: 'minutesOutOfRange', severity: 'error' });
  }
  problems.push(...kindProblems(step, tenantHosts, answerKey));
  SHIPPED_LANGUAGES.filter((language) => language !== 'en-us')
    .filter((language) => !hasOwnText(step.translations, language, (t) => t.title))
    .forEach((language) => problems.push({ code: 'translationMissing', severity: 'warning', language }));
  return problems;
}

/** Steps of one path in the order a learner takes them: `SortOrder`, then `ID`. */
export function stepsInOrder<T extends Pick<LearningStep, 'pathId' | 'sortOrder' | 'id'>>(steps: readonly T[], pathId: number): T[] {
  return steps.filter((s) => s.pathId === pathId).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
}
