/**
 * The learning lists' sealed columns (docs/learning.md, "Sealed columns"): a quiz step's answer
 * key (`SE_LearningSteps.QuizKey`) and a person's attempts at it (`SE_Progress.QuizResult`).
 * Every member reads both lists; only the relay opens these two columns.
 *
 * The envelopes are the relay's own (`pulse/envelope.ts`: AES-256-GCM, a fresh IV per write, the
 * key id in the envelope), with keys of their own: `SE_LEARNING_KEYS`, `<id>=<32 bytes base64>`,
 * comma-separated, the active key first, rotated as the pulse keys are. A learning key never
 * opens a pulse box and a pulse key never opens an answer key. The additional authenticated data
 * binds each envelope to its list, its item and its column, so an answer key copied onto another
 * step, or a person's attempts copied onto someone else's row, does not open:
 *
 * - an answer key to the step's item id (`SE_LearningSteps` item `ID`);
 * - attempts to the progress row's `ProgressKey` (`stepId:userId`, unique in the list): the row
 *   is written with its attempts in one request, before SharePoint has given it an id.
 *
 * AES-GCM keeps the plaintext's length, and every member reads both columns, so both are padded
 * before sealing to the size of the largest there can be: every record of attempts to the record
 * of the most attempts kept at the longest attempt, every answer key to the key of the most
 * questions with the longest keys and every choice right. A record of one failed attempt then reads
 * like one of twenty-five, and a key does not tell how many choices are right.
 */
import type { QuizAnswerKey } from '../../../src/core/models/learning';
import { EMPTY_QUIZ_RECORD, MAX_KEPT_ATTEMPTS, MAX_KEY_LENGTH, MAX_QUIZ_OPTIONS, MAX_QUIZ_QUESTIONS, type QuizAttempt, type QuizRecord } from '../../../src/core/learning/quiz';
import { LISTS } from '../../../src/core/schema/lists';
import { PulseKeyError, type PulseKeyring, pulseKeyring } from '../pulse/envelope';

/** The relay's learning keys: seals and opens the learning lists' sealed columns. */
export type LearningKeyring = Pick<PulseKeyring, 'activeId' | 'ids' | 'seal' | 'open'>;

export class LearningKeyError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'LearningKeyError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * The keyring from the `SE_LEARNING_KEYS` setting. Throws a LearningKeyError saying what is
 * wrong with the setting (never the key).
 */
export function learningKeyring(setting: string): LearningKeyring {
  try {
    const keys = pulseKeyring(setting);
    return { activeId: keys.activeId, ids: keys.ids, seal: (text, context) => keys.seal(text, context), open: (envelope, context) => keys.open(envelope, context) };
  } catch (error) {
    // The envelope module words its setting's problems for SE_PULSE_KEYS.
    const message = error instanceof PulseKeyError ? error.message.replace(/SE_PULSE_KEYS/g, 'SE_LEARNING_KEYS').replace(/pulse key/g, 'learning key') : 'SE_LEARNING_KEYS cannot be read.';
    throw new LearningKeyError(message);
  }
}

/** The additional authenticated data of a quiz step's answer key. */
export function quizKeyContext(stepId: number): string {
  return `list:${LISTS.learningSteps.title}|item:${stepId}|column:${LISTS.learningSteps.fields.quizKey}`;
}

/** The additional authenticated data of a person's attempts at a quiz step. */
export function quizResultContext(progressKey: string): string {
  return `list:${LISTS.progress.title}|key:${progressKey}|column:${LISTS.progress.fields.quizResult}`;
}

/**
 * `text` with spaces after it (JSON allows them after its value) up to `size` UTF-8 bytes: what
 * the envelope's length shows. Nothing the rules allow is longer; what is would go up to a multiple.
 */
function padded(text: string, size: number): string {
  const bytes = Buffer.byteLength(text, 'utf8');
  return text + ' '.repeat(Math.ceil(bytes / size) * size - bytes);
}

const answerKeyJson = (answerKey: QuizAnswerKey): string => JSON.stringify({ answerKey });

/**
 * The largest answer key: the most questions, each key at its longest in JSON's longest writing
 * (a lone surrogate is written `\uXXXX`, six bytes a UTF-16 unit), every choice right.
 */
const LARGEST_QUIZ_KEY = Buffer.byteLength(
  answerKeyJson(
    Object.fromEntries(
      Array.from({ length: MAX_QUIZ_QUESTIONS }, (_, n) => [String.fromCharCode(0xdc00 + n).repeat(MAX_KEY_LENGTH), Array.from({ length: MAX_QUIZ_OPTIONS }, (_, index) => index)])
    )
  ),
  'utf8'
);

/** `QuizKey` as the relay writes it for step `stepId`. */
export function sealQuizKey(keys: LearningKeyring, stepId: number, answerKey: QuizAnswerKey): string {
  return keys.seal(padded(answerKeyJson(answerKey), LARGEST_QUIZ_KEY), quizKeyContext(stepId));
}

const isRecord = (value: unknown): value is { readonly [key: string]: unknown } => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answer key sealed in step `stepId`'s `QuizKey`; throws when it does not open for this step. */
export function openQuizKey(keys: LearningKeyring, stepId: number, envelope: string): QuizAnswerKey {
  const data = JSON.parse(keys.open(envelope, quizKeyContext(stepId))) as unknown;
  const answerKey = isRecord(data) && isRecord(data.answerKey) ? data.answerKey : {};
  const out: { [questionKey: string]: number[] } = {};
  Object.keys(answerKey).forEach((question) => {
    const right = answerKey[question];
    if (Array.isArray(right)) {
      out[question] = right.filter((index): index is number => typeof index === 'number');
    }
  });
  return out;
}

/** A record as sealed: its fields only, so nothing else adds to its length. */
const recordJson = (record: QuizRecord): string =>
  JSON.stringify({
    attemptCount: record.attemptCount,
    attempts: record.attempts.map((a) => ({ attemptKey: a.attemptKey, submittedAt: a.submittedAt, correct: a.correct, total: a.total, passed: a.passed })),
    ...(record.passedAt !== undefined ? { passedAt: record.passedAt } : {})
  });

/** The largest record: the most attempts kept, each at its longest, and a count no person reaches. */
const LONGEST_TIME = new Date(0).toISOString();
const LARGEST_QUIZ_RECORD = Buffer.byteLength(
  recordJson({
    attemptCount: Number.MAX_SAFE_INTEGER,
    attempts: Array.from({ length: MAX_KEPT_ATTEMPTS }, () => ({ attemptKey: 'x'.repeat(MAX_KEY_LENGTH), submittedAt: LONGEST_TIME, correct: MAX_QUIZ_QUESTIONS, total: MAX_QUIZ_QUESTIONS, passed: false })),
    passedAt: LONGEST_TIME
  }),
  'utf8'
);

/** `QuizResult` as the relay writes it on the row `progressKey`. */
export function sealQuizRecord(keys: LearningKeyring, progressKey: string, record: QuizRecord): string {
  return keys.seal(padded(recordJson(record), LARGEST_QUIZ_RECORD), quizResultContext(progressKey));
}

function attemptOf(value: unknown): QuizAttempt | undefined {
  if (!isRecord(value) || typeof value.attemptKey !== 'string' || typeof value.submittedAt !== 'string') {
    return undefined;
  }
  const { correct, total, passed } = value;
  return typeof correct === 'number' && typeof total === 'number' && typeof passed === 'boolean'
    ? { attemptKey: value.attemptKey, submittedAt: value.submittedAt, correct, total, passed }
    : undefined;
}

/**
 * The attempts sealed on the row `progressKey`; none for an empty column. Throws when the column
 * holds an envelope that does not open for this row.
 */
export function openQuizRecord(keys: LearningKeyring, progressKey: string, envelope: unknown): QuizRecord {
  // SharePoint sends an empty Note column as null: no attempts yet, as undefined or blank.
  if (typeof envelope !== 'string' || envelope.trim() === '') {
    return EMPTY_QUIZ_RECORD;
  }
  const data = JSON.parse(keys.open(envelope, quizResultContext(progressKey))) as unknown;
  if (!isRecord(data) || !Array.isArray(data.attempts)) {
    return EMPTY_QUIZ_RECORD;
  }
  const attempts = data.attempts.map(attemptOf).filter((a): a is QuizAttempt => a !== undefined);
  const attemptCount = typeof data.attemptCount === 'number' ? Math.max(data.attemptCount, attempts.length) : attempts.length;
  return { attemptCount, attempts, ...(typeof data.passedAt === 'string' ? { passedAt: data.passedAt } : {}) };
}
