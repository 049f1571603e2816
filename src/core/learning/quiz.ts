/**
 * Short quizzes: their shape, scoring, the pass mark and the attempts kept.
 *
 * Members read a quiz step's questions and choices (`Quiz`); which choices are right (the
 * answer key) and a person's attempts are sealed by the relay (`QuizKey`, `QuizResult`), which
 * scores a submission here and stores the result (docs/learning.md). A submission carries an
 * attempt key made on the device: the same attempt sent twice (a double tap, a resend from the
 * outbox, two tabs at once) is stored once. Two writes that race are kept apart by the item's
 * ETag: the loser reads again, finds its key and answers with the attempt already stored.
 */
import { SHIPPED_LANGUAGES } from '../models/common';
import type { Quiz, QuizAnswerKey, QuizQuestion, QuizQuestionTranslation } from '../models/learning';

/** At most this many questions in a quiz: a small step takes minutes, not an exam's hour. */
export const MAX_QUIZ_QUESTIONS = 20;
/** Choices per question. */
export const MIN_QUIZ_OPTIONS = 2;
export const MAX_QUIZ_OPTIONS = 8;
/** Attempts kept with their scores; older ones are dropped (their number is still counted). */
export const MAX_KEPT_ATTEMPTS = 25;
/**
 * Attempts a person gets at one quiz in any {@link ATTEMPT_WINDOW_HOURS}: enough to fail, read
 * again and pass; not enough to find the answers by trying choices one at a time (a quiz of 10
 * questions of 4 choices falls in about 31 attempts when each answers its score). Kept in the
 * sealed record, so no rate limit, clock of the page or second tab gets round it.
 */
export const MAX_ATTEMPTS_IN_WINDOW = 3;
export const ATTEMPT_WINDOW_HOURS = 24;
const WINDOW_MS = ATTEMPT_WINDOW_HOURS * 3_600_000;
/** The longest attempt key (and question key) taken: what a device makes is shorter. */
export const MAX_KEY_LENGTH = 64;
/** An attempt key: what the device made (`newRequestId`), 8–{@link MAX_KEY_LENGTH} letters, digits, `-`, `_` or `:`. */
const ATTEMPT_KEY = /^[A-Za-z0-9_:-]{8,64}$/;

/** Whether `value` can be an attempt key (or another write's request id): what a device makes. */
export function isAttemptKey(value: string): boolean {
  return ATTEMPT_KEY.test(value);
}

export type QuizProblemCode =
  /** No questions, or more than {@link MAX_QUIZ_QUESTIONS}. */
  | 'questionCount'
  /** A question without a key, or a key used twice. */
  | 'questionKey'
  /** A question without an English prompt. */
  | 'promptMissing'
  /** Fewer than two or more than eight choices, or a blank choice. */
  | 'optionCount'
  /** A language with another number of choices than English: the same index would mean another answer. */
  | 'optionsDiffer'
  /** A shipped language (nl-nl, sv-se) without its own prompt: its readers see English (a warning). */
  | 'translationMissing'
  /** The pass mark is not a whole number from 1 to the number of questions. */
  | 'passMark'
  /** The answer key has no right choice for a question, or one outside its choices. */
  | 'answerKey';

export interface QuizProblem {
  readonly code: QuizProblemCode;
  readonly severity: 'error' | 'warning';
  /** The question's key, when the problem is one question's. */
  readonly questionKey?: string;
  /** The language concerned, for `optionsDiffer` and `translationMissing`. */
  readonly language?: string;
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseTranslation(value: unknown): QuizQuestionTranslation | undefined {
  if (!isRecord(value) || typeof value.prompt !== 'string' || !Array.isArray(value.options)) {
    return undefined;
  }
  return { prompt: value.prompt, options: value.options.map((option) => (typeof option === 'string' ? option : '')) };
}

/**
 * The `Quiz` column as a {@link Quiz}, or undefined when it is not one. Only questions and
 * choices are read: right answers a member could read are never taken from here.
 */
export function parseQuiz(value: unknown): Quiz | undefined {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!isRecord(data) || !Array.isArray(data.questions) || typeof data.passMark !== 'number') {
    return undefined;
  }
  const questions: QuizQuestion[] = data.questions.filter(isRecord).map((question) => {
    const translations: { [tag: string]: QuizQuestionTranslation } = {};
    const source = isRecord(question.translations) ? question.translations : {};
    Object.keys(source).forEach((tag) => {
      const translation = parseTranslation(source[tag]);
      if (translation) {
        translations[tag.toLowerCase()] = translation;
      }
    });
    return { key: typeof question.key === 'string' ? question.key : '', translations };
  });
  return { questions, passMark: data.passMark };
}

function optionsOk(options: readonly string[]): boolean {
  return options.length >= MIN_QUIZ_OPTIONS && options.length <= MAX_QUIZ_OPTIONS && options.every((o) => o.trim() !== '');
}

function questionProblems(question: QuizQuestion, seen: string[], key: QuizAnswerKey | undefined): QuizProblem[] {
  const problems: QuizProblem[] = [];
  const questionKey = question.key;
  if (questionKey.trim() === '' || seen.indexOf(questionKey) >= 0) {
    problems.push({ code: 'questionKey', severity: 'error', questionKey });
  }
  seen.push(questionKey);
  const english = question.translations['en-us'];
  if (!english || english.prompt.trim() === '') {
    problems.push({ code: 'promptMissing', severity: 'error', questionKey });
    return problems;
  }
  if (!optionsOk(english.options)) {
    problems.push({ code: 'optionCount', severity: 'error', questionKey });
  }
  Object.keys(question.translations).forEach((language) => {
    const translation = question.translations[language];
    if (language !== 'en-us' && translation && translation.options.length !== english.options.length) {
      problems.push({ code: 'optionsDiffer', severity: 'error', questionKey, language });
    }
  });
  SHIPPED_LANGUAGES.filter((language) => {
    const translation = question.translations[language];
    return !translation || translation.prompt.trim() === '' || !optionsOk(translation.options);
  }).forEach((language) => problems.push({ code: 'translationMissing', severity: 'warning', questionKey, language }));
  if (key !== undefined) {
    const right = key[questionKey] ?? [];
    const outside = right.some((index) => !(index >= 0 && index < english.options.length && Math.floor(index) === index));
    if (right.length === 0 || outside) {
      problems.push({ code: 'answerKey', severity: 'error', questionKey });
    }
  }
  return problems;
}

/** What is wrong with a quiz (and, when given, its answer key); errors keep HR from saving it. */
export function validateQuiz(quiz: Quiz, key?: QuizAnswerKey): QuizProblem[] {
  const problems: QuizProblem[] = [];
  if (quiz.questions.length === 0 || quiz.questions.length > MAX_QUIZ_QUESTIONS) {
    problems.push({ code: 'questionCount', severity: 'error' });
  }
  const seen: string[] = [];
  quiz.questions.forEach((question) => problems.push(...questionProblems(question, seen, key)));
  const mark = quiz.passMark;
  if (!(Math.floor(mark) === mark && mark >= 1 && mark <= Math.max(1, quiz.questions.length))) {
    problems.push({ code: 'passMark', severity: 'error' });
  }
  return problems;
}

/** A person's choices: per question key, the indexes of the choices they ticked. */
export interface QuizAnswers {
  readonly [questionKey: string]: readonly number[] | undefined;
}

export interface QuizScore {
  readonly correct: number;
  readonly total: number;
  readonly passed: boolean;
}

function sameChoices(chosen: readonly number[], right: readonly number[]): boolean {
  const a = chosen.filter((c, i) => chosen.indexOf(c) === i).sort((x, y) => x - y);
  const b = right.filter((c, i) => right.indexOf(c) === i).sort((x, y) => x - y);
  return a.length > 0 && a.length === b.length && a.every((c, i) => c === b[i]);
}

/**
 * The score: a question counts when exactly its right choices were ticked (all of them, nothing
 * else). A question left out counts as wrong; answers to questions the quiz does not have count
 * for nothing. Passed when the correct answers reach the pass mark.
 */
export function scoreQuiz(quiz: Quiz, key: QuizAnswerKey, answers: QuizAnswers): QuizScore {
  const correct = quiz.questions.filter((question) => {
    const right = key[question.key];
    const chosen = answers[question.key];
    return right !== undefined && chosen !== undefined && sameChoices(chosen, right);
  }).length;
  return { correct, total: quiz.questions.length, passed: correct >= quiz.passMark };
}

export interface QuizAttempt {
  readonly attemptKey: string;
  readonly submittedAt: string;
  readonly correct: number;
  readonly total: number;
  readonly passed: boolean;
}

/** What the relay keeps sealed in `QuizResult`: a person's attempts at one quiz step. */
export interface QuizRecord {
  /** Every attempt ever counted, including those no longer kept. */
  readonly attemptCount: number;
  /** The latest attempts, oldest first, at most {@link MAX_KEPT_ATTEMPTS}. */
  readonly attempts: readonly QuizAttempt[];
  /** When the quiz was first passed; it stays passed. */
  readonly passedAt?: string;
}

export const EMPTY_QUIZ_RECORD: QuizRecord = { attemptCount: 0, attempts: [] };

export interface QuizSubmission {
  readonly attemptKey: string;
  readonly answers: QuizAnswers;
  readonly submittedAt: Date;
}

export type AttemptOutcome =
  | { readonly ok: true; readonly record: QuizRecord; readonly attempt: QuizAttempt; readonly duplicate: boolean }
  | { readonly ok: false; readonly code: 'attemptKeyInvalid' | 'quizInvalid' }
  /** {@link MAX_ATTEMPTS_IN_WINDOW} attempts in the window already; the next may come at `retryAt`. */
  | { readonly ok: false; readonly code: 'attemptsUsed'; readonly retryAt: string };

/** The instants of the record's attempts within the window before `now`, oldest first. */
function attemptsInWindow(record: QuizRecord, now: Date): number[] {
  const since = now.getTime() - WINDOW_MS;
  // The kept attempts are enough: they are more than the window allows.
  return record.attempts
    .map((a) => Date.parse(a.submittedAt))
    .filter((at) => at > since)
    .sort((a, b) => a - b);
}

/** Attempts the person has left at `now` (0 to {@link MAX_ATTEMPTS_IN_WINDOW}). */
export function attemptsLeft(record: QuizRecord, now: Date): number {
  return Math.max(0, MAX_ATTEMPTS_IN_WINDOW - attemptsInWindow(record, now).length);
}

/** When the person may try again: undefined when they may now; else when the oldest attempt that holds them back leaves the window. */
export function nextAttemptAt(record: QuizRecord, now: Date): Date | undefined {
  const recent = attemptsInWindow(record, now);
  return recent.length < MAX_ATTEMPTS_IN_WINDOW ? undefined : new Date(recent[recent.length - MAX_ATTEMPTS_IN_WINDOW] + WINDOW_MS);
}

/**
 * Counts a submission once: the record with the scored attempt added, or, when the record
 * already holds the attempt key, the record unchanged and the attempt stored then (also when no
 * attempts are left: it was counted before). A new attempt beyond the day's is refused unscored.
 */
export function recordAttempt(record: QuizRecord, submission: QuizSubmission, quiz: Quiz, key: QuizAnswerKey): AttemptOutcome {
  if (!isAttemptKey(submission.attemptKey)) {
    return { ok: false, code: 'attemptKeyInvalid' };
  }
  const stored = record.attempts.filter((a) => a.attemptKey === submission.attemptKey)[0];
  if (stored) {
    return { ok: true, record, attempt: stored, duplicate: true };
  }
  const retryAt = nextAttemptAt(record, submission.submittedAt);
  if (retryAt) {
    return { ok: false, code: 'attemptsUsed', retryAt: retryAt.toISOString() };
  }
  if (validateQuiz(quiz, key).some((p) => p.severity === 'error')) {
    return { ok: false, code: 'quizInvalid' };
  }
  const score = scoreQuiz(quiz, key, submission.answers);
  const submittedAt = submission.submittedAt.toISOString();
  const attempt: QuizAttempt = { attemptKey: submission.attemptKey, submittedAt, ...score };
  const attempts = record.attempts.concat([attempt]).slice(-MAX_KEPT_ATTEMPTS);
  const passedAt = record.passedAt ?? (score.passed ? submittedAt : undefined);
  return {
    ok: true,
    duplicate: false,
    attempt,
    record: { attemptCount: record.attemptCount + 1, attempts, ...(passedAt ? { passedAt } : {}) }
  };
}
