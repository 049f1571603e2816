/**
 * What HR types into the Learning admin part, checked before anything is saved: a path (names
 * in en/nl/sv, active, paths it requires, levels it grants, validity, lapse, renewal, trainers)
 * and a step (kind, titles, minutes, content, a quiz with its answer key). The form keeps the
 * text as typed (numbers as text), so a refusal loses nothing; these rules say what is wrong in
 * codes the part words, and turn a valid form into what the lists store.
 *
 * A path's requirements go through `checkPathRequirements` (a cycle comes with the path ids
 * around it, so the message can name every path); a step through `validateStep`, a quiz and
 * its key through `validateQuiz`. The answer key is never part of what the list stores: the
 * relay seals it (`POST /api/learning/quiz-key`).
 */
import type { ItemId } from '../models/common';
import { SHIPPED_LANGUAGES } from '../models/common';
import type { LearningCategory, LearningPath, Quiz, QuizAnswerKey, SkillGrant, SkillLevel, StepKind } from '../models/learning';
import { isSkillLevel, normaliseStation } from './levels';
import { checkPathRequirements, type PathLinks, type PrerequisiteProblem } from './prerequisites';
import { validateQuiz, type QuizProblem } from './quiz';
import { validateStep, type StepProblem } from './steps';

export type Language = (typeof SHIPPED_LANGUAGES)[number];

/** Texts per shipped language. */
export type Texts = { readonly [L in Language]: string };

export const EMPTY_TEXTS: Texts = { 'en-us': '', 'nl-nl': '', 'sv-se': '' };

export interface PathDraft {
  /** Absent for a new path. */
  readonly id?: ItemId;
  readonly names: Texts;
  /** Onboarding, machine qualification, safety or other (the list's required `Category`). */
  readonly category: LearningCategory;
  readonly isActive: boolean;
  readonly requiresPathIds: readonly ItemId[];
  /** Levels granted; a row with a blank station is left out. */
  readonly grants: ReadonlyArray<{ readonly station: string; readonly level: SkillLevel | '' }>;
  /** Whole months as typed; blank: 0 (no expiry). */
  readonly validityMonths: string;
  /** Whole days as typed; blank: 0 (never lapses). */
  readonly lapseDays: string;
  readonly renewalPathId?: ItemId;
  /** The named trainers' sign-in names (e-mail), one each. */
  readonly trainers: readonly string[];
}

export type PathProblem =
  | { readonly code: 'nameMissing' }
  | { readonly code: 'nameTooLong'; readonly language: Language; readonly length: number }
  | { readonly code: 'translationMissing'; readonly language: Language; readonly warning: true }
  | { readonly code: 'validityMonths' }
  | { readonly code: 'lapseDays' }
  | { readonly code: 'grantInvalid'; readonly row: number }
  | { readonly code: 'trainerInvalid'; readonly trainer: string }
  | { readonly code: 'renewalPathUnknown' }
  | PrerequisiteProblem;

/** A whole number from 0 to `max` as typed ('' is 0); undefined when it is not one. */
export function wholeNumber(value: string, max: number): number | undefined {
  const text = value.trim();
  if (text === '') {
    return 0;
  }
  if (!/^\d{1,6}$/.test(text)) {
    return undefined;
  }
  const number = Number(text);
  return number <= max ? number : undefined;
}

/** Longest validity: 10 years; longest lapse: 5 years (longer is a typing slip). */
export const MAX_VALIDITY_MONTHS = 120;
/** The most a path's name may have: it is the item's Title, a single line of text (255 characters). */
export const MAX_NAME_LENGTH = 255;
export const MAX_LAPSE_DAYS = 1826;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The grants of a draft that carry a station, normalised; undefined entries are invalid rows. */
function draftGrants(draft: PathDraft): Array<SkillGrant | undefined> {
  return draft.grants
    .filter((grant) => grant.station.trim() !== '' || grant.level !== '')
    .map((grant) => {
      const station = normaliseStation(grant.station);
      return station && isSkillLevel(grant.level) ? { station, level: grant.level } : undefined;
    });
}

/**
 * What is wrong with a path. `stored`: every path as stored, for requirements and renewal.
 * Errors keep it from being saved; `warning` ones do not.
 */
export function checkPathDraft(draft: PathDraft, stored: readonly PathLinks[]): PathProblem[] {
  const problems: PathProblem[] = [];
  if (draft.names['en-us'].trim() === '') {
    problems.push({ code: 'nameMissing' });
  }
  SHIPPED_LANGUAGES.forEach((language) => {
    const length = draft.names[language].trim().length;
    if (length > MAX_NAME_LENGTH) {
      problems.push({ code: 'nameTooLong', language, length });
    }
  });
  SHIPPED_LANGUAGES.filter((language) => language !== 'en-us' && draft.names[language].trim() === '').forEach((language) =>
    problems.push({ code: 'translationMissing', language, warning: true })
  );
  if (wholeNumber(draft.validityMonths, MAX_VALIDITY_MONTHS) === undefined) {
    problems.push({ code: 'validityMonths' });
  }
  if (wholeNumber(draft.lapseDays, MAX_LAPSE_DAYS) === undefined) {
    problems.push({ code: 'lapseDays' });
  }
  draftGrants(draft).forEach((grant, row) => grant === undefined && problems.push({ code: 'grantInvalid', row }));
  draft.trainers.filter((trainer) => !EMAIL.test(trainer.trim())).forEach((trainer) => problems.push({ code: 'trainerInvalid', trainer }));
  if (draft.renewalPathId !== undefined && draft.renewalPathId !== draft.id && !stored.some((path) => path.id === draft.renewalPathId)) {
    problems.push({ code: 'renewalPathUnknown' });
  }
  // A new path has no id yet: nothing can require it, so it closes no cycle (0 stands for it).
  problems.push(...checkPathRequirements(stored, { id: draft.id ?? 0, requiresPathIds: draft.requiresPathIds }));
  return problems;
}

/** Whether a problem keeps the form from being saved (a warning does not). */
export function isError(problem: object): boolean {
  const { warning, severity } = problem as { readonly warning?: unknown; readonly severity?: unknown };
  return warning !== true && severity !== 'warning';
}

/** A valid draft as SE_LearningPaths stores it (the columns' values); call after `checkPathDraft`. */
export function pathColumns(draft: PathDraft, trainerIds: readonly number[]): Record<string, unknown> {
  const translations: Record<string, { name: string }> = {};
  SHIPPED_LANGUAGES.forEach((language) => {
    if (draft.names[language].trim() !== '') {
      translations[language] = { name: draft.names[language].trim() };
    }
  });
  return {
    Title: draft.names['en-us'].trim(),
    Translations: JSON.stringify(translations),
    Category: draft.category,
    IsActive: draft.isActive,
    RequiresPathIds: JSON.stringify(draft.requiresPathIds),
    Grants: JSON.stringify(draftGrants(draft).filter((grant): grant is SkillGrant => grant !== undefined)),
    TrainerIds: JSON.stringify(trainerIds),
    ValidityMonths: wholeNumber(draft.validityMonths, MAX_VALIDITY_MONTHS) ?? 0,
    LapseDays: wholeNumber(draft.lapseDays, MAX_LAPSE_DAYS) ?? 0,
    RenewalPathId: draft.renewalPathId ?? null
  };
}

/** A stored path as the form shows it. */
export function pathDraftOf(path: Pick<LearningPath, 'id' | 'title' | 'translations' | 'category' | 'isActive' | 'requiresPathIds' | 'grants' | 'validityMonths' | 'lapseDays' | 'renewalPathId'>, trainers: readonly string[]): PathDraft {
  const name = (language: Language): string => path.translations[language]?.name ?? (language === 'en-us' ? path.title : '');
  return {
    id: path.id,
    names: { 'en-us': name('en-us'), 'nl-nl': name('nl-nl'), 'sv-se': name('sv-se') },
    category: path.category,
    isActive: path.isActive,
    requiresPathIds: path.requiresPathIds,
    grants: path.grants.map((grant) => ({ station: grant.station, level: grant.level })),
    validityMonths: path.validityMonths ? String(path.validityMonths) : '',
    lapseDays: path.lapseDays ? String(path.lapseDays) : '',
    ...(path.renewalPathId !== undefined ? { renewalPathId: path.renewalPathId } : {}),
    trainers
  };
}

/** One quiz question as the form holds it: prompts and choices per language, which choices are right. */
export interface QuestionDraft {
  readonly prompts: Texts;
  /** Each choice's texts; the same index is the same answer in every language. */
  readonly choices: readonly Texts[];
  /** Indexes of the right choices (the answer key: sealed by the relay, never stored in the list). */
  readonly right: readonly number[];
}

export interface StepForm {
  readonly id?: ItemId;
  readonly pathId: ItemId;
  readonly kind: StepKind;
  readonly titles: Texts;
  /** Whole minutes as typed. */
  readonly minutes: string;
  readonly contentUrl: string;
  readonly vivaCourseId: string;
  readonly questions: readonly QuestionDraft[];
  /** Right answers a pass needs, as typed. */
  readonly passMark: string;
}

export const newQuestion = (): QuestionDraft => ({ prompts: EMPTY_TEXTS, choices: [EMPTY_TEXTS, EMPTY_TEXTS], right: [] });

/** The quiz and its answer key of a quiz step's form (question keys `q1`, `q2`, … in order). */
export function quizOf(form: StepForm): { readonly quiz: Quiz; readonly answerKey: QuizAnswerKey } {
  const answerKey: { [key: string]: number[] } = {};
  const questions = form.questions.map((question, index) => {
    const key = `q${index + 1}`;
    answerKey[key] = [...question.right].sort((a, b) => a - b);
    const translations: { [language: string]: { prompt: string; options: string[] } } = {};
    SHIPPED_LANGUAGES.forEach((language) => {
      const prompt = question.prompts[language].trim();
      const options = question.choices.map((choice) => choice[language].trim());
      // A language is stored only when it has its prompt or a choice: readers fall back to English.
      if (language === 'en-us' || prompt !== '' || options.some((option) => option !== '')) {
        translations[language] = { prompt, options };
      }
    });
    return { key, translations };
  });
  const passMark = wholeNumber(form.passMark, 1000);
  return { quiz: { questions, passMark: passMark === undefined || passMark === 0 ? NaN : passMark }, answerKey };
}

export type StepFormProblem = StepProblem | (QuizProblem & { readonly inQuiz: true });

/** What is wrong with a step's form: `validateStep`, and for a quiz `validateQuiz` with its key. */
export function checkStepForm(form: StepForm, tenantHosts: readonly string[]): StepFormProblem[] {
  const minutes = wholeNumber(form.minutes, 100_000);
  const quiz = form.kind === 'quiz' ? quizOf(form) : undefined;
  const translations: { [language: string]: { title: string } } = {};
  SHIPPED_LANGUAGES.forEach((language) => {
    if (form.titles[language].trim() !== '') {
      translations[language] = { title: form.titles[language].trim() };
    }
  });
  const stepProblems = validateStep(
    {
      title: form.titles['en-us'],
      kind: form.kind,
      translations,
      contentUrl: form.contentUrl,
      vivaCourseId: form.vivaCourseId,
      ...(quiz ? { quiz: quiz.quiz } : {}),
      requiresSignOff: form.kind === 'practice',
      estimatedMinutes: minutes === undefined ? NaN : minutes
    },
    tenantHosts,
    quiz?.answerKey
  ).filter((problem) => problem.code !== 'quizInvalid');
  const quizProblems = quiz ? validateQuiz(quiz.quiz, quiz.answerKey).map((problem) => ({ ...problem, inQuiz: true as const })) : [];
  return [...stepProblems, ...quizProblems];
}

/** A valid step form as SE_LearningSteps stores it: never the answer key. */
export function stepColumns(form: StepForm, sortOrder: number): Record<string, unknown> {
  const translations: Record<string, { title: string }> = {};
  SHIPPED_LANGUAGES.forEach((language) => {
    if (form.titles[language].trim() !== '') {
      translations[language] = { title: form.titles[language].trim() };
    }
  });
  const usesContent = form.kind === 'read' || form.kind === 'watch';
  return {
    Title: form.titles['en-us'].trim(),
    PathId: form.pathId,
    SortOrder: sortOrder,
    Kind: form.kind,
    Translations: JSON.stringify(translations),
    EstimatedMinutes: wholeNumber(form.minutes, 100_000) ?? 1,
    RequiresSignOff: form.kind === 'practice',
    ContentUrl: usesContent ? form.contentUrl.trim() : null,
    VivaCourseId: form.kind === 'viva-course' ? form.vivaCourseId.trim() : null,
    Quiz: form.kind === 'quiz' ? JSON.stringify(quizOf(form).quiz) : null
  };
}

/**
 * The sort orders after moving the step at `from` by `delta` (−1 up, +1 down): every step of the
 * path renumbered 10, 20, 30… in the new order; only the ones that change are returned.
 */
export function reorderedSteps(steps: ReadonlyArray<{ readonly id: ItemId; readonly sortOrder: number }>, from: number, delta: -1 | 1): Array<{ readonly id: ItemId; readonly sortOrder: number }> {
  const to = from + delta;
  if (from < 0 || from >= steps.length || to < 0 || to >= steps.length) {
    return [];
  }
  const order = [...steps];
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  return order.map((step, index) => ({ id: step.id, sortOrder: (index + 1) * 10 })).filter((step, index) => order[index].sortOrder !== step.sortOrder);
}
