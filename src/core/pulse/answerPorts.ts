/**
 * What the answering side of pulse needs from the relay (`GET /api/pulse/open`,
 * `POST /api/pulse/answers`), as a port: the relay connector implements it over HTTP, unit tests
 * with typed fakes. There is no other implementation: without a relay no answer is collected
 * (docs/pulse-threat-model.md), never written as the person to SharePoint.
 */
import type { PulseOpenRound, PulseSubmissionBody } from './answering';

export type PulseErrorCode =
  /** No relay is configured, or the page cannot get a token for it: answers are not collected. */
  | 'noRelay'
  /** Engage Setup has not secured the pulse lists yet: the relay stores nothing. */
  | 'notSetUp'
  /** The relay lacks a grant or its pulse keys: IT must fix it. */
  | 'relayFault'
  | 'network'
  | 'throttled'
  | 'rateLimited'
  | 'accessDenied'
  /** This person's answer to the round is counted already (from this device or another). */
  | 'alreadyAnswered'
  | 'roundClosed'
  | 'roundNotOpen'
  | 'notInAudience'
  | 'notFound'
  /** The relay refused the content; `field` names the rule. */
  | 'invalid'
  /** Another device made the same submission key: send again under a new one. */
  | 'submissionKeyUsed'
  | 'unexpected';

export class PulseError extends Error {
  public constructor(
    public readonly code: PulseErrorCode,
    message: string,
    public readonly retryAfterSeconds?: number
  ) {
    super(message);
    this.name = 'PulseError';
    // The SPFx build targets ES5, where `instanceof` fails for Error subclasses without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Failures that pass: the same request may succeed later (kept in the outbox). */
export const PASSING_PULSE_ERRORS: readonly PulseErrorCode[] = ['noRelay', 'notSetUp', 'relayFault', 'network', 'throttled', 'rateLimited', 'accessDenied', 'unexpected'];

export interface PulseSubmitResult {
  /** A resend finished a submission the relay had accepted before. */
  readonly resent: boolean;
}

export interface PulseRelay {
  /** The open rounds asked of the signed-in person (the relay checks the audience). */
  openRounds(): Promise<PulseOpenRound[]>;
  /** Sends one answer; throws {@link PulseError}. */
  submit(body: PulseSubmissionBody): Promise<PulseSubmitResult>;
}
