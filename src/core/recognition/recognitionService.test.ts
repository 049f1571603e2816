import type { ItemId } from '../models/common';
import { memoryStore } from '../storage';
import { Outbox } from '../outbox/outbox';
import type { ComposeContext, NewRecognitionItem, RecipientRef } from './compose';
import { type RecognitionNotice, type RecognitionNotifier, RecognitionStoreError, type RecognitionWriter } from './ports';
import { type QueuedRecognition, RecognitionService } from './recognitionService';

/** A writer that stores by ClientRequestId (idempotent, like the unique column) and can fail. */
class FakeWriter implements RecognitionWriter {
  public readonly stored = new Map<string, NewRecognitionItem>();
  public failure: RecognitionStoreError | TypeError | undefined;
  public async give(items: readonly NewRecognitionItem[]): Promise<ItemId[]> {
    if (this.failure) {
      throw this.failure;
    }
    return items.map((item) => {
      if (!this.stored.has(item.ClientRequestId)) {
        this.stored.set(item.ClientRequestId, item);
      }
      return [...this.stored.keys()].indexOf(item.ClientRequestId) + 1;
    });
  }
}

class FakeNotifier implements RecognitionNotifier {
  public readonly notices: RecognitionNotice[] = [];
  public async notify(notice: RecognitionNotice): Promise<void> {
    this.notices.push(notice);
  }
}

const sean: RecipientRef = { siteUserId: 11, displayName: "Seán O'Brien", exists: true };
const context = (requestId: string): ComposeContext => ({
  giverId: 10,
  requestId,
  siteCode: 'GOT',
  values: [{ id: 1, valueKey: 'safety', title: 'Safety', sortOrder: 1, translations: {}, isActive: true }]
});
const draft = { recipients: [sean], valueKey: 'safety', message: 'Stopped the line before the jam', visibility: 'everyone' as const };
const names = { giverName: 'Åsa Bäckström', valueName: 'Safety' };

describe('RecognitionService', () => {
  let writer: FakeWriter;
  let notifier: FakeNotifier;
  let outbox: Outbox<QueuedRecognition>;
  let service: RecognitionService;
  let clock: Date;

  beforeEach(() => {
    clock = new Date('2026-11-21T10:00:00Z');
    writer = new FakeWriter();
    notifier = new FakeNotifier();
    outbox = new Outbox<QueuedRecognition>(memoryStore(), 'outbox', () => clock);
    service = new RecognitionService({ writer, outbox, notifier });
  });

  it('stores the recognition, notifies the recipient and leaves nothing waiting', async () => {
    const result = await service.give(draft, context('r1'), names);
    expect(result).toEqual({ status: 'sent', ids: [1] });
    expect(notifier.notices).toEqual([
      { recognitionId: 1, recipient: { id: 11, displayName: "Seán O'Brien" }, giverName: 'Åsa Bäckström', valueName: 'Safety', preview: 'Stopped the line before the jam' }
    ]);
    expect(outbox.pending()).toEqual([]);
  });

  it('says whom Teams could not tell, and reports the failure, while the recognition stays stored', async () => {
    const errors: unknown[] = [];
    const failing = new RecognitionService({
      writer,
      outbox,
      notifier: { notify: async () => Promise.reject(new Error('Teams app not installed')) },
      onNotifyError: (error) => errors.push(error)
    });
    const result = await failing.give(draft, context('r-unnotified'), names);
    expect(result).toEqual({ status: 'sent', ids: [1], unnotified: ["Seán O'Brien"] });
    expect(errors).toHaveLength(1);
    expect(outbox.pending()).toEqual([]);
  });

  it('cuts the notification preview at 140 characters without splitting an emoji', async () => {
    const message = `${'a'.repeat(139)}👏👏 kept the line running`;
    await service.give({ ...draft, message }, context('r-preview'), names);
    const preview = notifier.notices[0].preview;
    expect(Array.from(preview)).toHaveLength(140);
    expect(preview.endsWith('a👏')).toBe(true);
    expect(preview).not.toMatch(/[\uD800-\uDBFF]$/); // no lone high surrogate at the end
  });

  it('keeps it on the device when offline and sends it exactly once when back', async () => {
    writer.failure = new TypeError('Failed to fetch');
    expect(await service.give(draft, context('r2'), names)).toEqual({ status: 'queued', reason: 'Failed to fetch' });
    expect(outbox.pending().map((e) => e.id)).toEqual(['r2']);
    writer.failure = undefined;
    clock = new Date(clock.getTime() + 10_000);
    const report = await service.flush();
    expect(report.sent).toEqual(['r2']);
    await service.flush();
    expect(writer.stored.size).toBe(1);
    expect(notifier.notices).toHaveLength(1);
  });

  it('sets aside what SharePoint refuses and says why', async () => {
    writer.failure = new RecognitionStoreError('accessDenied', 'denied');
    expect(await service.give(draft, context('r3'), names)).toEqual({ status: 'rejected', reason: 'accessDenied' });
    expect(outbox.rejected().map((e) => e.id)).toEqual(['r3']);
  });

  it.each(['rateLimited', 'notSetUp', 'noRelay', 'relayFault', 'throttled'] as const)('keeps it on the device on %s (nobody\'s fault in the recognition) and sends it later', async (code) => {
    writer.failure = new RecognitionStoreError(code, code);
    expect(await service.give(draft, context(`r-${code}`), names)).toEqual({ status: 'queued', reason: code });
    expect(outbox.pending().map((e) => e.id)).toEqual([`r-${code}`]);
    writer.failure = undefined;
    clock = new Date(clock.getTime() + 10 * 60_000);
    expect((await service.flush()).sent).toEqual([`r-${code}`]);
  });

  it('sets aside content the relay refuses (invalid), for the person to fix', async () => {
    writer.failure = new RecognitionStoreError('invalid', 'value switched off');
    expect(await service.give(draft, context('r-invalid'), names)).toEqual({ status: 'rejected', reason: 'invalid' });
    expect(outbox.rejected().map((e) => e.id)).toEqual(['r-invalid']);
  });

  it('does not queue an invalid draft and returns every problem', async () => {
    const result = await service.give({ ...draft, message: '' }, context('r4'), names);
    expect(result).toEqual({ status: 'invalid', errors: [{ code: 'messageEmpty', field: 'message' }] });
    expect(outbox.pending()).toEqual([]);
  });
});
