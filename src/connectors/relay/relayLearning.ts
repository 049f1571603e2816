/**
 * A learner's own actions through the relay (relay/src/routes/learning.ts, docs/learning.md
 * "Integrity"), on the page's one relay client (token, retries, Retry-After): a read, watch or
 * course step marked done, and a quiz answered. The relay takes the person from the token and
 * scores the quiz from its sealed answer key; nothing the page says about a score is taken.
 *
 * Each write carries a key made once on the device (a step's request id, a quiz attempt's key),
 * so the same write sent again (a Try again after a lost answer, a double tap) counts once.
 * Failures become {@link LearningActionError} codes, which the part words.
 */
import type { QuizAnswers } from '../../core/learning/quiz';
import type { ItemId } from '../../core/models/common';
import { RecognitionStoreError } from '../../core/recognition/ports';
import { RelayCallError, type RelayClient } from './relayClient';

export type LearningActionErrorCode =
  /** No relay, or no token for it: nothing is recorded without it. */
  | 'noRelay'
  | 'notSetUp'
  | 'relayFault'
  /** Busy or unreachable after the client's tries. */
  | 'unavailable'
  | 'rateLimited'
  | 'accessDenied'
  /** The path is not assigned to the person (any more). */
  | 'notAssigned'
  /** HR switched the path off. */
  | 'pathInactive'
  /** HR removed the step or its path. */
  | 'stepNotFound'
  /** HR has not saved the quiz's answers yet. */
  | 'quizNotReady'
  /** Three attempts at this quiz in 24 hours (`retryAfterSeconds`: until the next may be sent, when known). */
  | 'attemptsUsed'
  /** Sign-off: the trainer is the learner. */
  | 'ownSignOff'
  /** Sign-off: no valid U or O on the station, and not a trainer named on the path. */
  | 'notQualified'
  /** Sign-off: the directory or the site does not know the learner. */
  | 'learnerNotFound'
  /** Sign-off: the learner has not done the step yet. */
  | 'stepNotDone'
  /** The relay refused what was sent. */
  | 'invalid'
  | 'unexpected';

export class LearningActionError extends Error {
  public constructor(
    public readonly code: LearningActionErrorCode,
    message: string,
    /** For `rateLimited`: how long until the person may try again. */
    public readonly retryAfterSeconds?: number
  ) {
    super(message);
    this.name = 'LearningActionError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** The relay's own refusals of the learning routes, by its code. */
const RELAY_CODES: { readonly [relayCode: string]: LearningActionErrorCode } = {
  notAssigned: 'notAssigned',
  pathInactive: 'pathInactive',
  stepNotFound: 'stepNotFound',
  quizNotReady: 'quizNotReady',
  quizAttemptsUsed: 'attemptsUsed',
  ownSignOff: 'ownSignOff',
  notQualified: 'notQualified',
  learnerNotFound: 'learnerNotFound',
  stepNotDone: 'stepNotDone'
};

/** The relay client's store codes. */
const STORE_CODES: { readonly [storeCode: string]: LearningActionErrorCode } = {
  noRelay: 'noRelay',
  notSetUp: 'notSetUp',
  relayFault: 'relayFault',
  throttled: 'unavailable',
  network: 'unavailable',
  timeout: 'unavailable',
  rateLimited: 'rateLimited',
  accessDenied: 'accessDenied',
  invalid: 'invalid'
};

const own = (table: { readonly [key: string]: LearningActionErrorCode }, key: string | undefined): LearningActionErrorCode | undefined =>
  key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** The relay client's failure as a learning code. */
export function learningActionErrorOf(error: unknown): LearningActionError {
  if (error instanceof LearningActionError) {
    return error;
  }
  if (error instanceof RelayCallError && own(RELAY_CODES, error.relayCode)) {
    return new LearningActionError(own(RELAY_CODES, error.relayCode) ?? 'unexpected', error.message, error.retryAfterSeconds);
  }
  if (error instanceof RecognitionStoreError) {
    return new LearningActionError(own(STORE_CODES, error.code) ?? 'unexpected', error.message, error.retryAfterSeconds);
  }
  return new LearningActionError('unexpected', error instanceof Error ? error.message : String(error));
}

export interface StepDone {
  /** When the relay recorded it (its clock). */
  readonly completedAt?: string;
  /** It was done before (this request sent again, or another one earlier). */
  readonly resent: boolean;
}

export interface QuizOutcome {
  /** Whether this attempt reached the pass mark. */
  readonly attemptPassed: boolean;
  /**
   * This attempt's score, for a pass only: a failed attempt tells that it did not pass and
   * nothing more, so trying choices one at a time teaches nothing (docs/learning.md, "Quiz").
   */
  readonly correct?: number;
  readonly total?: number;
  /** Whether the quiz is passed (now or in an earlier attempt: a pass stays). */
  readonly passed: boolean;
  readonly passMark: number;
  /** Attempts counted, this one included. */
  readonly attempts: number;
  /** Attempts the person still has in the 24 hours (three at most). */
  readonly attemptsLeft: number;
  /** The same attempt was sent before: the stored outcome, counted once. */
  readonly duplicate: boolean;
}

type Raw = { readonly [key: string]: unknown };
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined);

/** The quiz route's answer; undefined when it is not one. */
export function parseQuizOutcome(body: unknown): QuizOutcome | undefined {
  const attempt = isRecord(body) && isRecord(body.attempt) ? body.attempt : undefined;
  if (!isRecord(body) || !attempt) {
    return undefined;
  }
  const passMark = count(body.passMark);
  const attempts = count(body.attempts);
  const attemptsLeft = count(body.attemptsLeft);
  if (passMark === undefined || attempts === undefined || attemptsLeft === undefined || typeof attempt.passed !== 'boolean' || typeof body.passed !== 'boolean') {
    return undefined;
  }
  const correct = count(attempt.correct);
  const total = count(attempt.total);
  return {
    attemptPassed: attempt.passed,
    ...(correct !== undefined && total !== undefined ? { correct, total } : {}),
    passed: body.passed,
    passMark,
    attempts,
    attemptsLeft,
    duplicate: body.duplicate === true
  };
}

/** A practice step the person asked a trainer to sign off. */
export interface SignOffAsked {
  /** `completed` (waiting for the trainer), or `signed-off` when a trainer was quicker. */
  readonly status: 'completed' | 'signed-off';
  /** It was asked (or signed off) before: nothing written again. */
  readonly resent: boolean;
}

/** A trainer's sign-off, as sent. */
export interface SignOffSent {
  /** The learner's directory (Entra ID) object id. */
  readonly learnerId: string;
  readonly stepId: ItemId;
  readonly station: string;
  readonly note?: string;
  /** Made once per sign-off, kept across Try again. */
  readonly requestId: string;
  /** The plant's IANA zone, for the expiry on the same local day. */
  readonly timeZone: string;
}

export interface SignedOff {
  readonly signedOffAt?: string;
  readonly station?: string;
  readonly expiresAt?: string;
  readonly resent: boolean;
}

export class RelayLearning {
  public constructor(private readonly relay: RelayClient) {}

  /** Marks a read, watch or course step done; `requestId` is made once per step done. */
  public async markDone(stepId: ItemId, requestId: string): Promise<StepDone> {
    const body = await this.call(() => this.relay.post('/learning/progress', { stepId, requestId }, 'Marking the step done'));
    if (!isRecord(body) || body.status !== 'completed') {
      throw new LearningActionError('unexpected', 'Marking the step done: the relay answered without the step\'s state.');
    }
    return { resent: body.resent === true, ...(typeof body.completedAt === 'string' ? { completedAt: body.completedAt } : {}) };
  }

  /** Sends a quiz attempt; `attemptKey` is made once per attempt, so sending it again counts once. */
  public async submitQuiz(stepId: ItemId, attemptKey: string, answers: QuizAnswers): Promise<QuizOutcome> {
    const outcome = parseQuizOutcome(await this.call(() => this.relay.post('/learning/quiz', { stepId, attemptKey, answers }, 'Sending the quiz')));
    if (!outcome) {
      throw new LearningActionError('unexpected', 'Sending the quiz: the relay answered without the score.');
    }
    return outcome;
  }

  /** Records practice done and asks a trainer to sign it off; `requestId` is made once per step. */
  public async askSignOff(stepId: ItemId, requestId: string): Promise<SignOffAsked> {
    const body = await this.call(() => this.relay.post('/learning/signoff-request', { stepId, requestId }, 'Asking for the sign-off'));
    if (!isRecord(body) || (body.status !== 'completed' && body.status !== 'signed-off')) {
      throw new LearningActionError('unexpected', 'Asking for the sign-off: the relay answered without the step\'s state.');
    }
    return { status: body.status, resent: body.resent === true };
  }

  /** A trainer signs a colleague's practice off (the trainer is the relay's, from the token). */
  public async signOff(sent: SignOffSent): Promise<SignedOff> {
    const body = await this.call(() => this.relay.post('/learning/signoff', { ...sent }, 'Signing off'));
    if (!isRecord(body) || body.status !== 'signed-off') {
      throw new LearningActionError('unexpected', 'Signing off: the relay answered without the sign-off.');
    }
    const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
    const signedOffAt = text(body.signedOffAt);
    const station = text(body.station);
    const expiresAt = text(body.expiresAt);
    return { resent: body.resent === true, ...(signedOffAt ? { signedOffAt } : {}), ...(station ? { station } : {}), ...(expiresAt ? { expiresAt } : {}) };
  }

  private async call(send: () => Promise<unknown>): Promise<unknown> {
    try {
      return await send();
    } catch (error) {
      throw learningActionErrorOf(error);
    }
  }
}
