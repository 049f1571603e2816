/**
 * Pulse answering through the relay (`relay/src/routes/pulse.ts`): the open rounds asked of the
 * signed-in person and their answers, on the page's one relay client (token, retries,
 * Retry-After). The relay's refusals become {@link PulseError} codes the parts put into words;
 * what the relay sends is checked before a part shows it.
 */
import type { PulseOpenQuestion, PulseOpenRound, PulseRoundPrivacy, PulseSubmissionBody } from '../../core/pulse/answering';
import { PulseError, type PulseErrorCode, type PulseRelay, type PulseSubmitResult } from '../../core/pulse/answerPorts';
import { QUESTION_KINDS, type QuestionKind } from '../../core/models/pulse';
import { RecognitionStoreError } from '../../core/recognition/ports';
import { RelayCallError, type RelayClient } from './relayClient';

/** The relay's own codes that say what became of an answer. */
const RELAY_CODES: { readonly [relayCode: string]: PulseErrorCode } = {
  alreadyAnswered: 'alreadyAnswered',
  roundClosed: 'roundClosed',
  roundNotOpen: 'roundNotOpen',
  notInAudience: 'notInAudience',
  submissionKeyUsed: 'submissionKeyUsed',
  notSetUp: 'notSetUp',
  relayMisconfigured: 'relayFault',
  rateLimited: 'rateLimited'
};

const STORE_CODES: { readonly [storeCode: string]: PulseErrorCode } = {
  noRelay: 'noRelay',
  notSetUp: 'notSetUp',
  relayFault: 'relayFault',
  network: 'network',
  throttled: 'throttled',
  rateLimited: 'rateLimited',
  accessDenied: 'accessDenied',
  notFound: 'notFound',
  invalid: 'invalid'
};

/** The relay client's failure as a pulse code. */
export function pulseErrorOf(error: unknown): PulseError {
  if (error instanceof PulseError) {
    return error;
  }
  if (error instanceof RelayCallError && error.relayCode !== undefined && Object.prototype.hasOwnProperty.call(RELAY_CODES, error.relayCode)) {
    return new PulseError(RELAY_CODES[error.relayCode], error.message, error.retryAfterSeconds);
  }
  if (error instanceof RecognitionStoreError) {
    const code = Object.prototype.hasOwnProperty.call(STORE_CODES, error.code) ? STORE_CODES[error.code] : 'unexpected';
    return new PulseError(code, error.message, error.retryAfterSeconds);
  }
  return new PulseError('unexpected', error instanceof Error ? error.message : String(error));
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function wholeAtLeast(value: unknown, floor: number): number {
  return typeof value === 'number' && isFinite(value) ? Math.max(floor, Math.floor(value)) : floor;
}

function questionOf(value: unknown): PulseOpenQuestion | undefined {
  if (!isRecord(value) || typeof value.key !== 'string' || QUESTION_KINDS.indexOf(value.kind as QuestionKind) < 0 || !isRecord(value.texts)) {
    return undefined;
  }
  const words: { [language: string]: string } = {};
  const raw = value.texts;
  Object.keys(raw).forEach((language) => {
    if (typeof raw[language] === 'string') {
      words[language] = raw[language] as string;
    }
  });
  return { key: value.key, kind: value.kind as QuestionKind, driver: text(value.driver), texts: words };
}

function privacyOf(value: unknown, closesAt: string): PulseRoundPrivacy {
  const raw = isRecord(value) ? value : {};
  // A figure never shows below the product's floors, whatever a reply says.
  const minGroupSize = wholeAtLeast(raw.minGroupSize, 5);
  return {
    anonymous: raw.anonymous === true,
    groupAttributes: texts(raw.groupAttributes),
    minGroupSize,
    minCommentGroupSize: Math.max(minGroupSize, wholeAtLeast(raw.minCommentGroupSize, 10)),
    commentsReadBy: texts(raw.commentsReadBy),
    resultsFrom: text(raw.resultsFrom) || closesAt
  };
}

/** The rounds of a `GET /api/pulse/open` answer; anything malformed is left out. */
export function parseOpenRounds(body: unknown): PulseOpenRound[] {
  const rounds = isRecord(body) && Array.isArray(body.rounds) ? body.rounds : [];
  const out: PulseOpenRound[] = [];
  for (const raw of rounds) {
    if (!isRecord(raw) || typeof raw.roundId !== 'number' || !(raw.roundId >= 1)) {
      continue;
    }
    const closesAt = text(raw.closesAt);
    const languages = texts(raw.languages);
    out.push({
      roundId: raw.roundId,
      surveyId: typeof raw.surveyId === 'number' ? raw.surveyId : 0,
      title: text(raw.title),
      opensAt: text(raw.opensAt),
      closesAt,
      languages: languages.length > 0 ? languages : ['en-us'],
      language: text(raw.language) || languages[0] || 'en-us',
      questions: (Array.isArray(raw.questions) ? raw.questions : []).map(questionOf).filter((q): q is PulseOpenQuestion => q !== undefined),
      privacy: privacyOf(raw.privacy, closesAt),
      answered: raw.answered === true
    });
  }
  return out;
}

export class RelayPulse implements PulseRelay {
  public constructor(private readonly client: RelayClient) {}

  public async openRounds(): Promise<PulseOpenRound[]> {
    try {
      return parseOpenRounds(await this.client.get('/pulse/open', 'Reading the open pulse rounds'));
    } catch (error) {
      throw pulseErrorOf(error);
    }
  }

  public async submit(body: PulseSubmissionBody): Promise<PulseSubmitResult> {
    let answer: unknown;
    try {
      answer = await this.client.post('/pulse/answers', body, 'Sending the pulse answer');
    } catch (error) {
      throw pulseErrorOf(error);
    }
    if (!isRecord(answer) || answer.status !== 'counted') {
      throw new PulseError('unexpected', 'The relay did not say the answer was counted.');
    }
    return { resent: answer.resent === true };
  }
}
