/**
 * HR's learning actions through the relay (relay/src/routes/learning.ts `quiz-key`,
 * relay/src/routes/learningAssign.ts), on the page's one relay client (token, retries,
 * Retry-After): a quiz's answer key sealed (the list never holds it readable), and a path
 * assigned (SE_Assignments is written by the relay only). An assignment carries a request id
 * made once per assignment the form sends, so Try again after a lost answer creates once.
 * Failures become {@link LearningAdminError} codes, which the part words.
 */
import { type AssignOutcome, type AssignRequest, LearningAdminError, type LearningAdminErrorCode, type LearningAdminRelay } from '../../core/learning/learningAdminPorts';
import type { ItemId } from '../../core/models/common';
import type { QuizAnswerKey } from '../../core/models/learning';
import { RecognitionStoreError } from '../../core/recognition/ports';
import { RelayCallError, type RelayClient } from './relayClient';

export { LearningAdminError };

const RELAY_CODES: readonly LearningAdminErrorCode[] = [
  'notAllowed',
  'notYourReport',
  'pathNotFound',
  'stepNotFound',
  'pathInactive',
  'dueDateInPast',
  'dueDateInvalid',
  'audienceEmpty',
  'noOneToAssign',
  'personNotFound'
];

const STORE_CODES: { readonly [code: string]: LearningAdminErrorCode } = {
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

/** The relay client's failure as a learning admin code. */
export function learningAdminErrorOf(error: unknown, quiz = false): LearningAdminError {
  if (error instanceof LearningAdminError) {
    return error;
  }
  if (error instanceof RelayCallError && error.relayCode !== undefined && (RELAY_CODES as readonly string[]).indexOf(error.relayCode) >= 0) {
    return new LearningAdminError(error.relayCode as LearningAdminErrorCode, error.message, error.retryAfterSeconds);
  }
  if (quiz && error instanceof RelayCallError && error.status === 400) {
    return new LearningAdminError('quizInvalid', error.message);
  }
  if (error instanceof RecognitionStoreError) {
    const code = Object.prototype.hasOwnProperty.call(STORE_CODES, error.code) ? STORE_CODES[error.code] : 'unexpected';
    return new LearningAdminError(code, error.message, error.retryAfterSeconds);
  }
  return new LearningAdminError('unexpected', error instanceof Error ? error.message : String(error));
}

type Raw = { readonly [key: string]: unknown };
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

function peopleOf(value: unknown): Array<{ id: string; displayName?: string }> {
  return (Array.isArray(value) ? value : []).filter(isRecord).flatMap((person) =>
    typeof person.id === 'string' ? [{ id: person.id, ...(typeof person.displayName === 'string' ? { displayName: person.displayName } : {}) }] : []
  );
}

/** The assign route's answer; undefined when it is not one. */
export function parseAssignOutcome(body: unknown): AssignOutcome | undefined {
  if (!isRecord(body) || !Array.isArray(body.created) || !Array.isArray(body.alreadyAssigned)) {
    return undefined;
  }
  return { created: peopleOf(body.created), alreadyAssigned: peopleOf(body.alreadyAssigned), notLed: typeof body.notLed === 'number' ? body.notLed : 0 };
}

export class RelayLearningAdmin implements LearningAdminRelay {
  public constructor(private readonly relay: RelayClient) {}

  public async sealQuizKey(stepId: ItemId, answerKey: QuizAnswerKey): Promise<void> {
    let body: unknown;
    try {
      body = await this.relay.post('/learning/quiz-key', { stepId, answerKey }, 'Saving the quiz\'s answers');
    } catch (error) {
      throw learningAdminErrorOf(error, true);
    }
    if (!isRecord(body) || body.sealed !== true) {
      throw new LearningAdminError('unexpected', 'Saving the quiz\'s answers: the relay did not say they were sealed.');
    }
  }

  public async assign(request: AssignRequest): Promise<AssignOutcome> {
    const { audience } = request;
    const sent =
      audience.kind === 'people'
        ? { kind: 'people', people: audience.people.map((person) => person.id) }
        : audience.kind === 'crew'
          ? { kind: 'crew', crewKey: audience.crewKey }
          : audience;
    let body: unknown;
    try {
      body = await this.relay.post(
        '/learning/assign',
        { pathId: request.pathId, audience: sent, requestId: request.requestId, timeZone: request.timeZone, ...(request.dueDate ? { dueDate: request.dueDate } : {}) },
        'Assigning the path'
      );
    } catch (error) {
      throw learningAdminErrorOf(error);
    }
    const outcome = parseAssignOutcome(body);
    if (!outcome) {
      throw new LearningAdminError('unexpected', 'Assigning the path: the relay answered without who was assigned.');
    }
    return outcome;
  }
}
