/**
 * The Pulse card's one read through the relay (`GET /api/pulse/card`, relay/src/routes/pulseCard.ts)
 * on the page's one relay client (token, retries, Retry-After): the open rounds, the person's own
 * comments and the plans published to their groups, in one round trip.
 *
 * Each part is checked as its own route's connector checks it (`parseOpenRounds`,
 * `parseMyComments`, `parsePublishedPlan`). The open rounds are the card: a refusal of the whole
 * read (the relay answers it as `GET /api/pulse/open` would) or an answer without them fails as
 * {@link PulseError}, as `RelayPulse.openRounds` does. The comments and the plans are the
 * follow-up: one that the relay could not read (`{error: code}`), or that is malformed, becomes that
 * part's failure with its code, and the others are kept.
 */
import type { PulseOpenRound } from '../../core/pulse/answering';
import { PulseError } from '../../core/pulse/answerPorts';
import type { PublishedPlan } from '../../core/pulse/plans/types';
import type { PlanStoreErrorCode } from '../../core/pulse/plans/wire';
import type { MyCommentsBody, PulseThreadsErrorCode } from '../../core/pulse/threads/wire';
import type { RelayClient } from './relayClient';
import { parseOpenRounds, pulseErrorOf } from './relayPulse';
import { parsePublishedPlan } from './relayPulsePlans';
import { parseMyComments } from './relayPulseThreads';

/** One follow-up part of the card's read: read, or failed with why. */
export type PulseCardPart<TValue, TCode> = { readonly state: 'read'; readonly value: TValue } | { readonly state: 'failed'; readonly code: TCode };

/** What the card's read gives: the open rounds, and each follow-up part read or failed. */
export interface PulseCardRead {
  readonly rounds: PulseOpenRound[];
  readonly comments: PulseCardPart<MyCommentsBody, PulseThreadsErrorCode>;
  readonly plans: PulseCardPart<readonly PublishedPlan[], PlanStoreErrorCode>;
}

/** Where the card reads it (the relay in the product; typed fakes in tests). */
export interface PulseCardSource {
  read(): Promise<PulseCardRead>;
}

/**
 * The codes the relay answers a follow-up part with, as the parts' own connectors word them
 * (`relayMisconfigured` is a grant or key missing: IT; `unavailable` SharePoint busy: Try again).
 * Any other code is `unexpected`.
 */
const PART_CODES: { readonly [relayCode: string]: PulseThreadsErrorCode & PlanStoreErrorCode } = {
  notSetUp: 'notSetUp',
  relayMisconfigured: 'relayFault',
  unavailable: 'unavailable',
  notASiteUser: 'accessDenied'
};

type Raw = { readonly [key: string]: unknown };
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A part's failure as the relay sent it, or undefined when the part is no failure. */
function failureOf(value: unknown): (PulseThreadsErrorCode & PlanStoreErrorCode) | undefined {
  if (!isRecord(value) || !('error' in value)) {
    return undefined;
  }
  const code = value.error;
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(PART_CODES, code) ? PART_CODES[code] : 'unexpected';
}

function commentsOf(value: unknown): PulseCardRead['comments'] {
  const failed = failureOf(value);
  if (failed !== undefined) {
    return { state: 'failed', code: failed };
  }
  // A malformed comment is left out, as the threads' own read does; a part without its list is no answer.
  return isRecord(value) && Array.isArray(value.comments) ? { state: 'read', value: parseMyComments(value) } : { state: 'failed', code: 'unexpected' };
}

function plansOf(value: unknown): PulseCardRead['plans'] {
  const failed = failureOf(value);
  if (failed !== undefined) {
    return { state: 'failed', code: failed };
  }
  if (!isRecord(value) || !Array.isArray(value.plans)) {
    return { state: 'failed', code: 'unexpected' };
  }
  return { state: 'read', value: value.plans.map(parsePublishedPlan).filter((plan): plan is PublishedPlan => plan !== undefined) };
}

/**
 * A `GET /api/pulse/card` answer. Throws {@link PulseError} `unexpected` when it carries no open
 * rounds (a card must not say "nothing is open for you" from an answer it could not read).
 */
export function parsePulseCard(body: unknown): PulseCardRead {
  const raw = isRecord(body) ? body : {};
  if (!isRecord(raw.open) || !Array.isArray(raw.open.rounds)) {
    throw new PulseError('unexpected', 'The relay answered the Pulse card without the open rounds.');
  }
  return { rounds: parseOpenRounds(raw.open), comments: commentsOf(raw.mine), plans: plansOf(raw.plans) };
}

export class RelayPulseCard implements PulseCardSource {
  public constructor(private readonly client: RelayClient) {}

  public async read(): Promise<PulseCardRead> {
    let body: unknown;
    try {
      body = await this.client.get('/pulse/card', 'Reading the Pulse card');
    } catch (error) {
      throw pulseErrorOf(error);
    }
    return parsePulseCard(body);
  }
}
