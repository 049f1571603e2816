/**
 * Sending pulse answers exactly once from the device: every answer goes into the person's outbox
 * under its submission key before the first try, and leaves it only when the relay has counted it
 * (or says this person's answer to the round is counted already). Offline, throttled or with the
 * relay down, it waits on the device and is sent when the part next loads or the connection is
 * back; the relay keys the answer by a hash of the submission key, so a resend after a lost reply
 * is finished, never counted twice.
 *
 * - A refusal for good (the round closed meanwhile, the person left the audience, content the
 *   relay refuses) is set aside with its reason for the person to see, never dropped silently.
 * - `submissionKeyUsed` (another device made the same key, a one in 2^122 chance) sends the same
 *   answer again under a new key.
 * - An answer waiting on the device holds scores and comments, kept per person, and is removed as
 *   soon as the relay has it; a refused one keeps only its round and why (docs/pulse-threat-model.md
 *   "On the device").
 */
import { Outbox, type OutboxEntry, type SendOutcome } from '../outbox/outbox';
import { newRequestId } from '../requestId';
import type { KeyValueStore } from '../storage';
import { type AnswerSheet, type PulseOpenRound, type PulseSubmissionBody, roundsToAnswer, sheetProblem, toSubmission } from './answering';
import { PASSING_PULSE_ERRORS, PulseError, type PulseErrorCode, type PulseRelay } from './answerPorts';

/** What became of an answer the person sent. */
export type SendResult =
  /** Counted by the relay. */
  | { readonly kind: 'counted' }
  /** Kept on the device; it is sent by itself when the relay can be reached. */
  | { readonly kind: 'queued'; readonly code: PulseErrorCode }
  /** This person's answer to the round is counted already: this one is not counted again. */
  | { readonly kind: 'alreadyAnswered' }
  /** Refused for good, with why (kept aside for the person to see). */
  | { readonly kind: 'refused'; readonly code: PulseErrorCode };

/** An answer the relay refused for good, as the person sees it. */
export interface RefusedAnswer {
  readonly roundId: number;
  readonly code: PulseErrorCode;
  readonly queuedAt: string;
}

function isPassing(code: PulseErrorCode): boolean {
  return PASSING_PULSE_ERRORS.indexOf(code) >= 0;
}

function codeOf(error: unknown): PulseError {
  return error instanceof PulseError ? error : new PulseError('unexpected', error instanceof Error ? error.message : String(error));
}

export interface PulseAnswersOptions {
  readonly relay: PulseRelay;
  /** Where the outbox and dismissals are kept (the device's localStorage, per person). */
  readonly store: KeyValueStore;
  /** The person's outbox key, e.g. `se-pulse-outbox:<login>`. */
  readonly outboxKey: string;
  /** The person's dismissed prompts key, e.g. `se-pulse-dismissed:<login>`. */
  readonly dismissedKey: string;
  readonly newKey?: () => string;
  readonly now?: () => Date;
}

export class PulseAnswers {
  private readonly outbox: Outbox<PulseSubmissionBody>;
  private readonly newKey: () => string;
  /** Rounds counted in this page's life (the relay says so too on its next read). */
  private readonly counted = new Set<number>();

  public constructor(private readonly options: PulseAnswersOptions) {
    this.outbox = new Outbox<PulseSubmissionBody>(options.store, options.outboxKey, options.now);
    this.newKey = options.newKey ?? newRequestId;
  }

  /**
   * The open rounds asked of the person, after sending what waits on the device. A round whose
   * answer waits in the outbox, or was counted in this page's life, counts as answered.
   */
  public async openRounds(): Promise<PulseOpenRound[]> {
    return (await this.openRoundsWith(async () => ({ rounds: await this.options.relay.openRounds() }))).rounds;
  }

  /**
   * `openRounds`, with the open rounds read by `read` together with whatever else that one call
   * reads (the Pulse card reads the person's follow-up with them): what waits on the device is sent
   * first, and the rounds count as answered as `openRounds` counts them.
   */
  public async openRoundsWith<TRead extends { readonly rounds: readonly PulseOpenRound[] }>(read: () => Promise<TRead>): Promise<TRead> {
    await this.flush();
    const found = await read();
    const waiting = new Set(this.outbox.pending().map((e) => e.payload.roundId));
    const rounds = found.rounds.map((round) => (!round.answered && (waiting.has(round.roundId) || this.counted.has(round.roundId)) ? { ...round, answered: true } : round));
    return { ...found, rounds };
  }

  /** The rounds to ask about now: open, not answered, the one closing first first. */
  public async toAnswer(): Promise<PulseOpenRound[]> {
    return roundsToAnswer(await this.openRounds());
  }

  /** Whether an answer to the round waits on the device. */
  public waiting(roundId: number): boolean {
    return this.outbox.pending().some((e) => e.payload.roundId === roundId);
  }

  /** Answers refused for good, for the person to see. */
  public refused(): RefusedAnswer[] {
    return this.outbox.rejected().map((e) => ({ roundId: e.payload.roundId, code: (e.lastError as PulseErrorCode) ?? 'unexpected', queuedAt: e.queuedAt }));
  }

  /** The person has read why an answer was refused: it leaves the device. */
  public forgetRefused(roundId: number): void {
    this.outbox
      .rejected()
      .filter((e) => e.payload.roundId === roundId)
      .forEach((e) => this.outbox.takeRejected(e.id));
  }

  /**
   * Sends the person's answers to the round: kept on the device first, then sent. A sheet that
   * answers nothing or has a comment too long is refused before anything is kept.
   */
  public async send(sheet: AnswerSheet, round: PulseOpenRound): Promise<SendResult> {
    const problem = sheetProblem(sheet, round);
    if (problem) {
      return { kind: 'refused', code: 'invalid' };
    }
    const existing = this.outbox.pending().find((e) => e.payload.roundId === round.roundId);
    // One answer per round from this device: an answer still waiting is the one that counts.
    let id = existing?.id;
    if (id === undefined) {
      // The submission key is also the outbox entry's identity: a resend carries the same one.
      id = this.newKey();
      this.outbox.enqueue(id, toSubmission(sheet, round, id));
    }
    await this.flush();
    return this.resultOf(id, round.roundId);
  }

  private resultOf(id: string, roundId: number): SendResult {
    const pending = this.outbox.pending().find((e) => e.id === id || e.payload.roundId === roundId);
    if (pending) {
      return { kind: 'queued', code: (pending.lastError as PulseErrorCode) ?? 'network' };
    }
    if (this.counted.has(roundId)) {
      return { kind: 'counted' };
    }
    // This answer's entry, or the one it was sent again under (a new key).
    const refused = this.outbox.rejected().filter((e) => e.id === id || e.payload.roundId === roundId);
    const last = refused[refused.length - 1];
    return last ? { kind: 'refused', code: (last.lastError as PulseErrorCode) ?? 'unexpected' } : { kind: 'alreadyAnswered' };
  }

  /** Sends what waits on the device; safe to call often (each answer leaves only once counted). */
  public async flush(): Promise<void> {
    let rekeyed = false;
    await this.outbox.flush(async (entry: OutboxEntry<PulseSubmissionBody>): Promise<SendOutcome> => {
      try {
        await this.options.relay.submit(entry.payload);
        this.counted.add(entry.payload.roundId);
        return { kind: 'sent' };
      } catch (caught) {
        const error = codeOf(caught);
        if (error.code === 'alreadyAnswered') {
          this.counted.delete(entry.payload.roundId);
          return { kind: 'duplicate' };
        }
        if (error.code === 'submissionKeyUsed') {
          // The same answer again under a new key, after this entry leaves the outbox.
          const key = this.newKey();
          this.outbox.enqueue(key, { ...entry.payload, submissionKey: key });
          rekeyed = true;
          return { kind: 'duplicate' };
        }
        if (isPassing(error.code)) {
          return { kind: 'retry', error: error.code, retryAfterMs: error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : undefined };
        }
        return { kind: 'rejected', error: error.code };
      }
    });
    if (rekeyed) {
      await this.flush();
    }
    // A refused answer can never be sent: only its round and why are kept for the person to read,
    // not the scores and comments (a shared device keeps nothing of them).
    this.outbox.redactRejected((payload) => ({ roundId: payload.roundId, submissionKey: payload.submissionKey, answers: {}, comments: {} }));
  }

  /** The person closed the on-shift prompt for a round: it does not show again for it on this device. */
  public dismiss(roundId: number): void {
    const ids = this.dismissedRoundIds();
    if (ids.indexOf(roundId) < 0) {
      this.options.store.write(this.options.dismissedKey, JSON.stringify(ids.concat([roundId]).slice(-50)));
    }
  }

  public dismissedRoundIds(): number[] {
    try {
      const parsed = JSON.parse(this.options.store.read(this.options.dismissedKey) ?? '[]') as unknown;
      return Array.isArray(parsed) ? parsed.filter((v): v is number => typeof v === 'number') : [];
    } catch {
      return [];
    }
  }
}
