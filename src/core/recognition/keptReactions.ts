/**
 * Reactions kept on the device until SharePoint has them. A tap is shown at once and saved in
 * the background; a reader who leaves the page (or loses the tab) while the save is on its way
 * would otherwise lose the reaction without a word. So each tap is written to the device first
 * and forgotten only once the store answered; the next wall sends what is still kept.
 *
 * A reaction is a setting, not an event ("my one reaction on this post is X", or none): sending
 * it twice leaves the same state, so a resend after a lost answer needs no idempotency key. What
 * matters is order: writes for one post go out one after the other, so a resend of an old tap
 * never lands after a newer one.
 */
import type { ItemId } from '../models/common';
import type { ReactionKind } from '../models/recognition';
import type { KeyValueStore } from '../storage';
import { type ReactionWriter, storeErrorCode } from './ports';

/** What sending the kept reactions did: stored, kept for a later try, or refused for good. */
export interface ResendReport {
  readonly sent: readonly ItemId[];
  /** A passing failure (offline, throttled, no answer in time): still kept, sent on a later load. */
  readonly waiting: ReadonlyArray<{ readonly id: ItemId; readonly error: unknown }>;
  /** Refused for good (the post is gone, no right to react): no longer kept. */
  readonly refused: ReadonlyArray<{ readonly id: ItemId; readonly error: unknown }>;
}

export interface KeptReactionWriter extends ReactionWriter {
  /** The reader's reactions the store has not confirmed yet (from this page or an earlier one). */
  waiting(): ReadonlyMap<ItemId, ReactionKind | undefined>;
  /** Sends every kept reaction again. */
  resend(): Promise<ResendReport>;
}

interface Kept {
  /** `none`: the reaction was taken back (JSON keeps no undefined). */
  readonly kind: ReactionKind | 'none';
  /** Which tap this is: only that tap's answer forgets it (a newer tap replaces it). */
  readonly tap: string;
}

const PASSING = ['network', 'throttled', 'timeout', 'rateLimited'];

function kindOf(kept: Kept): ReactionKind | undefined {
  return kept.kind === 'none' ? undefined : kept.kind;
}

export class KeptReactions implements KeptReactionWriter {
  /** The last write per post, so the next one for that post starts after it. */
  private readonly queues = new Map<ItemId, Promise<void>>();
  private taps = 0;

  public constructor(
    private readonly inner: ReactionWriter,
    private readonly store: KeyValueStore,
    private readonly key: string
  ) {}

  public async react(recognitionId: ItemId, kind: ReactionKind | undefined): Promise<void> {
    // Unique across pages too: a page opened in the same millisecond counts its taps from 1 again.
    const tap = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${(this.taps += 1)}`;
    this.update((kept) => kept.set(recognitionId, { kind: kind ?? 'none', tap }));
    try {
      await this.inOrder(recognitionId, () => this.inner.react(recognitionId, kind));
    } finally {
      // Stored, or failed and said so by the part (which shows the reaction taken back): either
      // way this tap is no longer the device's to send.
      this.forget(recognitionId, tap);
    }
  }

  public waiting(): ReadonlyMap<ItemId, ReactionKind | undefined> {
    const found = new Map<ItemId, ReactionKind | undefined>();
    this.read().forEach((kept, id) => found.set(id, kindOf(kept)));
    return found;
  }

  public async resend(): Promise<ResendReport> {
    const sent: ItemId[] = [];
    const waiting: Array<{ id: ItemId; error: unknown }> = [];
    const refused: Array<{ id: ItemId; error: unknown }> = [];
    await Promise.all(
      Array.from(this.read().entries()).map(async ([id, kept]) => {
        try {
          await this.inOrder(id, () => this.inner.react(id, kindOf(kept)));
          this.forget(id, kept.tap);
          sent.push(id);
        } catch (error) {
          if (PASSING.indexOf(storeErrorCode(error)) >= 0) {
            waiting.push({ id, error });
          } else {
            this.forget(id, kept.tap);
            refused.push({ id, error });
          }
        }
      })
    );
    return { sent, waiting, refused };
  }

  private inOrder(id: ItemId, write: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(write, write);
    const settled = next.then(
      () => undefined,
      () => undefined
    );
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) {
        this.queues.delete(id);
      }
    });
    return next;
  }

  private forget(id: ItemId, tap: string): void {
    this.update((kept) => {
      if (kept.get(id)?.tap === tap) {
        kept.delete(id);
      }
    });
  }

  private read(): Map<ItemId, Kept> {
    const text = this.store.read(this.key);
    if (!text) {
      return new Map();
    }
    try {
      const parsed = JSON.parse(text) as Array<[ItemId, Kept]>;
      return new Map(Array.isArray(parsed) ? parsed.filter((entry) => Array.isArray(entry) && typeof entry[0] === 'number' && typeof entry[1]?.tap === 'string') : []);
    } catch {
      return new Map(); // unreadable (another version, hand edits): nothing to send
    }
  }

  private update(change: (kept: Map<ItemId, Kept>) => void): void {
    const kept = this.read();
    change(kept);
    if (kept.size === 0) {
      this.store.remove(this.key);
    } else {
      this.store.write(this.key, JSON.stringify(Array.from(kept.entries())));
    }
  }
}
