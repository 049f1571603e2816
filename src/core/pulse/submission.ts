/**
 * A pulse answer as the page sends it to the relay (`POST /api/pulse/answers`), checked before
 * anything is stored. Framework-free; the relay calls it with the round's questions.
 *
 *   { "roundId": 12, "submissionKey": "k5x…", "answers": { "part-of-team": 4, "recommend-workplace": 9 },
 *     "comments": { "one-thing-better": "Fix the microwave 🙏" } }
 *
 * - `answers`: a score per `likert5` (whole number 1–5) or `enps11` (0–10) question of the round;
 *   a question left out, or `null`, is skipped. A text question is answered in `comments`.
 * - `comments`: the text per `text` question, kept verbatim (markup, right-to-left text, emoji
 *   and all: it is shown as text, never as HTML); blank is skipped; at most
 *   {@link PULSE_TEXT_MAX} UTF-16 code units, as SharePoint measures text.
 * - A key that is not a question of the round is refused (`unknownQuestion`), so is a submission
 *   that answers nothing (`nothingAnswered`).
 * - `submissionKey`: made on the device once per submission (a resend carries the same one),
 *   {@link SUBMISSION_KEY_PATTERN}.
 * Each refusal names its rule (`field`), which the page turns into its own words.
 */
import { type QuestionKind, QUESTION_KINDS } from '../models/pulse';

/** The longest comment, in UTF-16 code units. */
export const PULSE_TEXT_MAX = 1000;

/** 16–64 letters, digits, `-` or `_`: a UUID, or random bytes in base64url. */
export const SUBMISSION_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** What a submission is checked against: the round's questions. */
export interface SubmissionQuestion {
  readonly key: string;
  readonly kind: QuestionKind;
}

export interface PulseSubmission {
  readonly roundId: number;
  readonly submissionKey: string;
  /** Scores per question key (skipped questions absent). */
  readonly answers: { readonly [questionKey: string]: number };
  /** Texts per text question key, verbatim (skipped questions absent). */
  readonly comments: { readonly [questionKey: string]: string };
}

/** The rule a refused submission breaks (sent as the 400's `field`). */
export type SubmissionError =
  | 'body'
  | 'roundId'
  | 'submissionKey'
  | 'answers'
  | 'comments'
  | 'unknownQuestion'
  | 'outOfRange'
  | 'notATextQuestion'
  | 'commentNotText'
  | 'commentTooLong'
  | 'nothingAnswered';

export type Parsed<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: SubmissionError };

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: { readonly [key: string]: unknown }): string[] {
  return Object.keys(record).filter((key) => Object.prototype.hasOwnProperty.call(record, key));
}

const RANGES: { readonly [kind: string]: { readonly min: number; readonly max: number } } = {
  likert5: { min: 1, max: 5 },
  enps11: { min: 0, max: 10 }
};

/** What a value's check says: keep `value`, skip it (neither), or refuse with `error`. */
type Checked<T> = { readonly value?: T; readonly error?: undefined } | { readonly error: SubmissionError };

/**
 * The values per question key of one part of the body, each checked for its question's kind; a
 * key that is no question of the round is refused, `null` is skipped.
 */
function collect<T>(
  raw: { readonly [key: string]: unknown },
  kinds: { readonly [key: string]: QuestionKind },
  check: (kind: QuestionKind, value: unknown) => Checked<T>
): { readonly values: { [key: string]: T } } | { readonly error: SubmissionError } {
  const values: { [key: string]: T } = {};
  for (const key of own(raw)) {
    if (!Object.prototype.hasOwnProperty.call(kinds, key)) {
      return { error: 'unknownQuestion' };
    }
    if (raw[key] === null) {
      continue;
    }
    const checked = check(kinds[key], raw[key]);
    if (checked.error !== undefined) {
      return { error: checked.error };
    }
    if (checked.value !== undefined) {
      values[key] = checked.value;
    }
  }
  return { values };
}

/** The round and the submission key: all the relay needs before it reads the round. */
export function parseSubmissionHeader(input: unknown): Parsed<{ readonly roundId: number; readonly submissionKey: string }> {
  if (!isRecord(input)) {
    return { ok: false, error: 'body' };
  }
  const roundId = input.roundId;
  if (typeof roundId !== 'number' || !isFinite(roundId) || Math.floor(roundId) !== roundId || roundId < 1) {
    return { ok: false, error: 'roundId' };
  }
  const submissionKey = input.submissionKey;
  if (typeof submissionKey !== 'string' || !SUBMISSION_KEY_PATTERN.test(submissionKey)) {
    return { ok: false, error: 'submissionKey' };
  }
  return { ok: true, roundId, submissionKey };
}

/** The whole submission, checked against the round's questions. */
export function parseSubmission(input: unknown, questions: readonly SubmissionQuestion[]): Parsed<{ readonly submission: PulseSubmission }> {
  const header = parseSubmissionHeader(input);
  if (!header.ok) {
    return header;
  }
  const body = input as { readonly [key: string]: unknown };
  const kinds: { [key: string]: QuestionKind } = {};
  questions.forEach((q) => {
    // A kind the product does not know (SE_Questions is HR's to write) makes no question at all.
    if (QUESTION_KINDS.indexOf(q.kind) >= 0) {
      kinds[q.key] = q.kind;
    }
  });
  const rawAnswers = body.answers === undefined ? {} : body.answers;
  const rawComments = body.comments === undefined ? {} : body.comments;
  if (!isRecord(rawAnswers)) {
    return { ok: false, error: 'answers' };
  }
  if (!isRecord(rawComments)) {
    return { ok: false, error: 'comments' };
  }
  const answers = collect(rawAnswers, kinds, (kind, value) => {
    const range = Object.prototype.hasOwnProperty.call(RANGES, kind) ? RANGES[kind] : undefined;
    if (!range) {
      // A text question's answer is its comment.
      return { error: 'notATextQuestion' };
    }
    if (typeof value !== 'number' || Math.floor(value) !== value || value < range.min || value > range.max) {
      return { error: 'outOfRange' };
    }
    return { value };
  });
  if ('error' in answers) {
    return { ok: false, error: answers.error };
  }
  const comments = collect(rawComments, kinds, (kind, value) => {
    if (kind !== 'text') {
      return { error: 'commentNotText' };
    }
    if (typeof value !== 'string') {
      return { error: 'comments' };
    }
    if (value.length > PULSE_TEXT_MAX) {
      return { error: 'commentTooLong' };
    }
    return value.trim() === '' ? {} : { value };
  });
  if ('error' in comments) {
    return { ok: false, error: comments.error };
  }
  if (own(answers.values).length === 0 && own(comments.values).length === 0) {
    return { ok: false, error: 'nothingAnswered' };
  }
  return { ok: true, submission: { roundId: header.roundId, submissionKey: header.submissionKey, answers: answers.values, comments: comments.values } };
}
