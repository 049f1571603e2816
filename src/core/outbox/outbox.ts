/**
 * The outbox: what a person sends while the connection is down is kept on the device and sent
 * when it is back, exactly once. Exactly-once needs both halves: the outbox keeps an entry until
 * the server confirms it, and every entry carries an idempotency key the server enforces (a
 * unique column), so a resend after a lost answer is recognised as a duplicate, not stored twice.
 */

import type { KeyValueStore } from '../storage';

export interface OutboxEntry<TPayload> {
  /** The idempotency key (also the entry's identity in the outbox). */
  readonly id: string;
  readonly payload: TPayload;
  readonly queuedAt: string;
  readonly attempts: number;
  /** Earliest time of the next attempt (ISO); absent = now. */
  readonly notBefore?: string;
  /** Why the last attempt failed, as a code for the UI. */
  readonly lastError?: string;
}

/**
 * What happened to one send: stored; already stored (a resend of something that arrived);
 * a passing failure (offline, throttled: try later); or refused for good (the content is
 * wrong — kept aside for the person to fix, never dropped silently).
 */
export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'retry'; readonly error: string; readonly retryAfterMs?: number }
  | { readonly kind: 'rejected'; readonly error: string };

export interface FlushReport<TPayload> {
  readonly sent: string[];
  readonly waiting: Array<OutboxEntry<TPayload>>;
  readonly rejected: Array<OutboxEntry<TPayload>>;
}

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

export class Outbox<TPayload> {
  public constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    private readonly now: () => Date = () => new Date()
  ) {}

  private load(): { pending: Array<OutboxEntry<TPayload>>; rejected: Array<OutboxEntry<TPayload>> } {
    const text = this.store.read(this.key);
    if (!text) {
      return { pending: [], rejected: [] };
    }
    try {
      const parsed = JSON.parse(text) as { pending?: Array<OutboxEntry<TPayload>>; rejected?: Array<OutboxEntry<TPayload>> };
      return { pending: parsed.pending ?? [], rejected: parsed.rejected ?? [] };
    } catch {
      return { pending: [], rejected: [] };
    }
  }

  private save(state: { pending: Array<OutboxEntry<TPayload>>; rejected: Array<OutboxEntry<TPayload>> }): void {
    this.store.write(this.key, JSON.stringify(state));
  }

  /** Keeps the payload until it is sent; adding the same id twice keeps one entry. */
  public enqueue(id: string, payload: TPayload): OutboxEntry<TPayload> {
    const state = this.load();
    const existing = state.pending.find((e) => e.id === id);
    if (existing) {
      return existing;
    }
    const entry: OutboxEntry<TPayload> = { id, payload, queuedAt: this.now().toISOString(), attempts: 0 };
    state.pending.push(entry);
    this.save(state);
    return entry;
  }

  public pending(): Array<OutboxEntry<TPayload>> {
    return this.load().pending;
  }

  public rejected(): Array<OutboxEntry<TPayload>> {
    return this.load().rejected;
  }

  /** Gives a rejected entry back to the person (to edit and send again) and removes it. */
  public takeRejected(id: string): OutboxEntry<TPayload> | undefined {
    const state = this.load();
    const entry = state.rejected.find((e) => e.id === id);
    if (entry) {
      state.rejected = state.rejected.filter((e) => e.id !== id);
      this.save(state);
    }
    return entry;
  }

  /**
   * Rewrites what is kept of entries set aside (e.g. to drop content no longer needed once it
   * was refused, keeping why); `redact` answers the payload to keep.
   */
  public redactRejected(redact: (payload: TPayload) => TPayload): void {
    const state = this.load();
    if (state.rejected.length === 0) {
      return;
    }
    state.rejected = state.rejected.map((entry) => ({ ...entry, payload: redact(entry.payload) }));
    this.save(state);
  }

  /**
   * Records what happened to one send: the entry leaves the outbox only when the server
   * confirmed it (sent or duplicate); a refused one is set aside; a passing failure waits with
   * backoff (at least Retry-After).
   */
  public settle(id: string, outcome: SendOutcome): void {
    const state = this.load();
    const index = state.pending.findIndex((e) => e.id === id);
    if (index < 0) {
      return; // another tab settled it meanwhile
    }
    const entry = state.pending[index];
    if (outcome.kind === 'sent' || outcome.kind === 'duplicate') {
      state.pending.splice(index, 1);
    } else if (outcome.kind === 'rejected') {
      state.pending.splice(index, 1);
      state.rejected.push({ ...entry, attempts: entry.attempts + 1, lastError: outcome.error });
    } else {
      const attempts = entry.attempts + 1;
      const backoff = Math.min(BASE_DELAY_MS * 2 ** (attempts - 1), MAX_DELAY_MS);
      const wait = Math.max(backoff, outcome.retryAfterMs ?? 0);
      state.pending[index] = { ...entry, attempts, lastError: outcome.error, notBefore: new Date(this.now().getTime() + wait).toISOString() };
    }
    this.save(state);
  }

  /**
   * Sends every entry that is due, oldest first, one at a time (order matters to people).
   * An entry leaves the outbox only when the server confirms it (sent or duplicate).
   */
  public async flush(send: (entry: OutboxEntry<TPayload>) => Promise<SendOutcome>): Promise<FlushReport<TPayload>> {
    const sent: string[] = [];
    const due = this.load().pending.filter((e) => !e.notBefore || Date.parse(e.notBefore) <= this.now().getTime());
    for (const entry of due) {
      if (!this.load().pending.some((e) => e.id === entry.id)) {
        continue; // another tab sent it meanwhile
      }
      let outcome: SendOutcome;
      try {
        outcome = await send(entry);
      } catch (error) {
        outcome = { kind: 'retry', error: error instanceof Error ? error.message : 'unexpected' };
      }
      this.settle(entry.id, outcome);
      if (outcome.kind === 'sent' || outcome.kind === 'duplicate') {
        sent.push(entry.id);
      }
      if (outcome.kind === 'retry') {
        break; // still offline or throttled: keep the order, try the rest later
      }
    }
    const final = this.load();
    return { sent, waiting: final.pending, rejected: final.rejected };
  }
}
