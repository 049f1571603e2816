/**
 * The bodies of the relay's learning routes, checked before anything is read on the site
 * (docs/relay.md, "Learning"). Nothing the page says about who is acting, a score or a level is
 * taken: the learner of a step done, or the trainer of a sign-off, is the token's person. A
 * refusal names the rule broken (`field`), as every route of the relay does.
 */
import { isTimeZone } from '../../../src/core/pulse/zonedTime';
import type { QuizAnswers } from '../../../src/core/learning/quiz';
import { isAttemptKey, MAX_KEY_LENGTH, MAX_QUIZ_OPTIONS, MAX_QUIZ_QUESTIONS } from '../../../src/core/learning/quiz';
import type { QuizAnswerKey } from '../../../src/core/models/learning';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly field: string; readonly message: string };

const isRecord = (value: unknown): value is { readonly [key: string]: unknown } => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
const refuse = (field: string, message: string): { readonly ok: false; readonly field: string; readonly message: string } => ({ ok: false, field, message });

/** An Entra ID object id (a GUID), as the directory names a person. */
const DIRECTORY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The step and the write's request id, which every write names. */
function stepAndRequest(body: unknown): Parsed<{ readonly stepId: number; readonly requestId: string; readonly raw: { readonly [key: string]: unknown } }> {
  const raw = isRecord(body) ? body : {};
  if (!isId(raw.stepId)) {
    return refuse('stepId', 'Name the step by its id.');
  }
  if (typeof raw.requestId !== 'string' || !isAttemptKey(raw.requestId)) {
    return refuse('requestId', 'The request id is not one (8 to 64 letters, digits, -, _ or :).');
  }
  return { ok: true, value: { stepId: raw.stepId, requestId: raw.requestId, raw } };
}

export interface ProgressRequest {
  readonly stepId: number;
  readonly requestId: string;
}

/** `POST /api/learning/progress`: `{stepId, requestId}`. */
export function parseProgressRequest(body: unknown): Parsed<ProgressRequest> {
  const parsed = stepAndRequest(body);
  return parsed.ok ? { ok: true, value: { stepId: parsed.value.stepId, requestId: parsed.value.requestId } } : parsed;
}

/** Choices per question: each question's ticked indexes, whole numbers within a question's choices. */
function choicesOf(value: unknown, field: string): Parsed<{ [questionKey: string]: number[] }> {
  if (!isRecord(value)) {
    return refuse(field, 'Send the choices as an object of question keys and lists of choice indexes.');
  }
  const keys = Object.keys(value);
  if (keys.length > MAX_QUIZ_QUESTIONS) {
    return refuse(field, `A quiz has at most ${MAX_QUIZ_QUESTIONS} questions.`);
  }
  const out: { [questionKey: string]: number[] } = {};
  for (const key of keys) {
    const chosen = value[key];
    const valid = Array.isArray(chosen) && chosen.length <= MAX_QUIZ_OPTIONS && chosen.every((index) => Number.isSafeInteger(index) && (index as number) >= 0 && (index as number) < MAX_QUIZ_OPTIONS);
    if (key.length > MAX_KEY_LENGTH || !valid) {
      return refuse(field, 'Each question\'s choices are a list of choice indexes.');
    }
    out[key] = (chosen as number[]).slice();
  }
  return { ok: true, value: out };
}

export interface QuizRequest {
  readonly stepId: number;
  readonly attemptKey: string;
  readonly answers: QuizAnswers;
}

/** `POST /api/learning/quiz`: `{stepId, attemptKey, answers}`; the attempt key is the write's request id. */
export function parseQuizRequest(body: unknown): Parsed<QuizRequest> {
  const raw = isRecord(body) ? body : {};
  if (!isId(raw.stepId)) {
    return refuse('stepId', 'Name the step by its id.');
  }
  if (typeof raw.attemptKey !== 'string' || !isAttemptKey(raw.attemptKey)) {
    return refuse('attemptKey', 'The attempt key is not one (8 to 64 letters, digits, -, _ or :).');
  }
  const answers = choicesOf(raw.answers, 'answers');
  return answers.ok ? { ok: true, value: { stepId: raw.stepId, attemptKey: raw.attemptKey, answers: answers.value } } : answers;
}

export interface QuizKeyRequest {
  readonly stepId: number;
  readonly answerKey: QuizAnswerKey;
}

/** `POST /api/learning/quiz-key`: `{stepId, answerKey}` (HR, when a quiz is saved). */
export function parseQuizKeyRequest(body: unknown): Parsed<QuizKeyRequest> {
  const raw = isRecord(body) ? body : {};
  if (!isId(raw.stepId)) {
    return refuse('stepId', 'Name the step by its id.');
  }
  const answerKey = choicesOf(raw.answerKey, 'answerKey');
  return answerKey.ok ? { ok: true, value: { stepId: raw.stepId, answerKey: answerKey.value } } : answerKey;
}

export interface SignOffBody {
  /** The learner's Entra ID object id. */
  readonly learnerId: string;
  readonly stepId: number;
  readonly station: string;
  readonly note?: string;
  readonly requestId: string;
  /** The plant's IANA time zone, for the expiry on the same local day and time; UTC when not given. */
  readonly timeZone: string;
}

/**
 * `POST /api/learning/signoff`: `{learnerId, stepId, station, note?, requestId, timeZone?}`. The
 * station and the note are checked by the rules (`decideSignOff`), which refuse rather than cut.
 */
export function parseSignOffRequest(body: unknown): Parsed<SignOffBody> {
  const parsed = stepAndRequest(body);
  if (!parsed.ok) {
    return parsed;
  }
  const { raw } = parsed.value;
  if (typeof raw.learnerId !== 'string' || !DIRECTORY_ID.test(raw.learnerId)) {
    return refuse('learnerId', 'Name the learner by their directory id.');
  }
  if (typeof raw.station !== 'string') {
    return refuse('stationMissing', 'Name the station the practice was signed off at.');
  }
  if (raw.note !== undefined && raw.note !== null && typeof raw.note !== 'string') {
    return refuse('note', 'The note is plain text.');
  }
  const timeZone = raw.timeZone === undefined || raw.timeZone === null ? 'UTC' : raw.timeZone;
  if (!isTimeZone(timeZone)) {
    return refuse('timeZone', 'The time zone is not an IANA time zone.');
  }
  return {
    ok: true,
    value: {
      learnerId: raw.learnerId.toLowerCase(),
      stepId: parsed.value.stepId,
      station: raw.station,
      ...(typeof raw.note === 'string' ? { note: raw.note } : {}),
      requestId: parsed.value.requestId,
      timeZone
    }
  };
}

export interface AttemptsRequest {
  /** The person whose attempts are asked for (their Entra ID object id); the caller when absent. */
  readonly person?: string;
}

/** `POST /api/learning/attempts`: `{person?}`. */
export function parseAttemptsRequest(body: unknown): Parsed<AttemptsRequest> {
  const raw = isRecord(body) ? body : {};
  if (raw.person === undefined || raw.person === null) {
    return { ok: true, value: {} };
  }
  if (typeof raw.person !== 'string' || !DIRECTORY_ID.test(raw.person)) {
    return refuse('person', 'Name the person by their directory id.');
  }
  return { ok: true, value: { person: raw.person.toLowerCase() } };
}
