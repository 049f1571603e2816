import type { ItemId } from '../models/common';
import type { ReactionKind } from '../models/recognition';
import { memoryStore } from '../storage';
import { KeptReactions } from './keptReactions';
import { type ReactionWriter, RecognitionStoreError } from './ports';

/** A typed fake of the store's writer: each write waits until the test answers it. */
class SlowWriter implements ReactionWriter {
  public readonly calls: Array<[ItemId, ReactionKind | undefined]> = [];
  private readonly answers: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  public react(id: ItemId, kind: ReactionKind | undefined): Promise<void> {
    this.calls.push([id, kind]);
    return new Promise<void>((resolve, reject) => this.answers.push({ resolve, reject }));
  }
  public answer(index: number, error?: unknown): void {
    const found = this.answers[index];
    if (error === undefined) {
      found.resolve();
    } else {
      found.reject(error);
    }
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('KeptReactions', () => {
  it('keeps a tap on the device until the store answered, and forgets it then', async () => {
    const device = memoryStore();
    const writer = new SlowWriter();
    const kept = new KeptReactions(writer, device, 'reactions');
    const saving = kept.react(7, 'applause');
    expect(kept.waiting()).toEqual(new Map([[7, 'applause']]));
    // A new page on the same device (the first one left while the save was on its way) finds it.
    expect(new KeptReactions(writer, device, 'reactions').waiting()).toEqual(new Map([[7, 'applause']]));
    await flush();
    writer.answer(0);
    await saving;
    expect(kept.waiting().size).toBe(0);
    expect(device.data.has('reactions')).toBe(false);
  });

  it('keeps a taken-back reaction as "none", so the resend takes it back too', async () => {
    const device = memoryStore();
    const first = new KeptReactions(new SlowWriter(), device, 'reactions');
    void first.react(7, undefined).catch(() => undefined);
    const writer = new SlowWriter();
    const next = new KeptReactions(writer, device, 'reactions');
    expect(next.waiting()).toEqual(new Map([[7, undefined]]));
    const resent = next.resend();
    await flush();
    writer.answer(0);
    expect(await resent).toEqual({ sent: [7], waiting: [], refused: [] });
    expect(writer.calls).toEqual([[7, undefined]]);
  });

  it('forgets a tap whose save failed (the wall takes it back and says so)', async () => {
    const device = memoryStore();
    const writer = new SlowWriter();
    const kept = new KeptReactions(writer, device, 'reactions');
    const saving = kept.react(7, 'heart');
    await flush();
    writer.answer(0, new RecognitionStoreError('network', 'offline'));
    await expect(saving).rejects.toThrow('offline');
    expect(kept.waiting().size).toBe(0);
  });

  it('sends what an earlier page left: passing failures stay kept, refusals are dropped and reported', async () => {
    const device = memoryStore();
    const left = new KeptReactions(new SlowWriter(), device, 'reactions');
    for (const [id, kind] of [[1, 'like'], [2, 'heart'], [3, 'celebrate']] as const) {
      void left.react(id, kind).catch(() => undefined);
    }
    const writer = new SlowWriter();
    const next = new KeptReactions(writer, device, 'reactions');
    const resent = next.resend();
    await flush();
    expect(writer.calls).toEqual([[1, 'like'], [2, 'heart'], [3, 'celebrate']]);
    writer.answer(0);
    writer.answer(1, new RecognitionStoreError('throttled', 'busy'));
    writer.answer(2, new RecognitionStoreError('notFound', 'gone'));
    const report = await resent;
    expect(report.sent).toEqual([1]);
    expect(report.waiting.map((w) => w.id)).toEqual([2]);
    expect(report.refused.map((r) => r.id)).toEqual([3]);
    expect(next.waiting()).toEqual(new Map([[2, 'heart']]));
  });

  it('sends writes for one post in order: a resend of an old tap never lands after a newer tap', async () => {
    const device = memoryStore();
    void new KeptReactions(new SlowWriter(), device, 'reactions').react(7, 'like').catch(() => undefined);
    const writer = new SlowWriter();
    const next = new KeptReactions(writer, device, 'reactions');
    const resent = next.resend();
    const tapped = next.react(7, 'heart');
    await flush();
    // The newer tap waits for the resend to be answered before it goes out.
    expect(writer.calls).toEqual([[7, 'like']]);
    writer.answer(0);
    await flush();
    expect(writer.calls).toEqual([[7, 'like'], [7, 'heart']]);
    // The resend's answer does not forget the newer tap, which is still on its way.
    expect(next.waiting()).toEqual(new Map([[7, 'heart']]));
    writer.answer(1);
    await Promise.all([resent, tapped]);
    expect(next.waiting().size).toBe(0);
  });

  it('reads an unreadable device entry as nothing to send', async () => {
    const device = memoryStore([['reactions', '{not json']]);
    const writer = new SlowWriter();
    const kept = new KeptReactions(writer, device, 'reactions');
    expect(kept.waiting().size).toBe(0);
    expect(await kept.resend()).toEqual({ sent: [], waiting: [], refused: [] });
    expect(writer.calls).toEqual([]);
  });
});
