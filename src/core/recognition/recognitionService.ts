/**
 * Giving recognition end to end, without a framework: validate the draft, keep it in the
 * outbox, send it (idempotently), notify the recognised people. A lost connection keeps the
 * recognition on the device and sends it once when back; a refused one is set aside for the
 * person to fix. Nothing typed is ever lost.
 */
import type { ItemId } from '../models/common';
import type { Outbox, OutboxEntry, SendOutcome } from '../outbox/outbox';
import { type ComposeContext, type ComposeError, composeRecognition, type NewRecognitionItem, type RecognitionDraft } from './compose';
import { type RecognitionNotifier, RecognitionStoreError, type RecognitionWriter } from './ports';

export type GiveResult =
  /** Stored. `unnotified`: recipients Teams could not tell (present only when there are any). */
  | { readonly status: 'sent'; readonly ids: ItemId[]; readonly unnotified?: string[] }
  | { readonly status: 'queued'; readonly reason: string }
  /** SharePoint refused it (e.g. the value was deactivated meanwhile): set aside, to fix and resend. */
  | { readonly status: 'rejected'; readonly reason: string }
  | { readonly status: 'invalid'; readonly errors: ComposeError[] };

export interface QueuedRecognition {
  readonly items: NewRecognitionItem[];
  /** For the notification and the "waiting to send" list. */
  readonly recipientNames: string[];
  /** Directory ids of the recipients, where known, for the Teams notification. */
  readonly recipientDirectoryIds?: Array<string | undefined>;
  readonly valueName: string;
  readonly giverName: string;
}

export interface RecognitionServiceDeps {
  readonly writer: RecognitionWriter;
  readonly outbox: Outbox<QueuedRecognition>;
  readonly notifier?: RecognitionNotifier;
  /** Called when notifying fails: the recognition is stored, so this is reported, not retried forever. */
  readonly onNotifyError?: (error: unknown) => void;
}

/** Which store failures are worth trying again later (the rest are the content's fault). */
function outcomeOf(error: unknown): SendOutcome {
  if (error instanceof RecognitionStoreError) {
    // Kept on the device and sent later: the connection (or no answer in time), a busy or rate-limited relay, a site
    // not set up yet, a relay not connected or not granted its rights yet are nobody's fault in
    // the recognition.
    if (['network', 'timeout', 'throttled', 'rateLimited', 'notSetUp', 'noRelay', 'relayFault'].includes(error.code)) {
      return { kind: 'retry', error: error.code };
    }
    if (error.code === 'conflict') {
      return { kind: 'duplicate' };
    }
    return { kind: 'rejected', error: error.code };
  }
  // A fetch that never reached the server rejects with a TypeError.
  return { kind: 'retry', error: error instanceof Error ? error.message : 'unexpected' };
}

export class RecognitionService {
  public constructor(private readonly deps: RecognitionServiceDeps) {}

  private async send(entry: OutboxEntry<QueuedRecognition>): Promise<{ outcome: SendOutcome; ids: ItemId[]; unnotified: string[] }> {
    let ids: ItemId[];
    try {
      ids = await this.deps.writer.give(entry.payload.items);
    } catch (error) {
      return { outcome: outcomeOf(error), ids: [], unnotified: [] };
    }
    const unnotified = await this.notify(entry.payload, ids);
    return { outcome: { kind: 'sent' }, ids, unnotified };
  }

  /** Tells each recipient; returns the names of those it could not tell. */
  private async notify(queued: QueuedRecognition, ids: readonly ItemId[]): Promise<string[]> {
    const failed: string[] = [];
    if (!this.deps.notifier) {
      return failed;
    }
    for (let i = 0; i < queued.items.length; i += 1) {
      const item = queued.items[i];
      try {
        await this.deps.notifier.notify({
          recognitionId: ids[i],
          recipient: { id: item.RecipientId, displayName: queued.recipientNames[i] ?? '' },
          ...(queued.recipientDirectoryIds?.[i] ? { recipientDirectoryId: queued.recipientDirectoryIds[i] } : {}),
          giverName: queued.giverName,
          valueName: queued.valueName,
          // By characters, not UTF-16 units: an emoji is never cut in half.
          preview: Array.from(item.Message).slice(0, 140).join('')
        });
      } catch (error) {
        failed.push(queued.recipientNames[i] ?? '');
        this.deps.onNotifyError?.(error);
      }
    }
    return failed;
  }

  /**
   * Validates and sends. `sent` when stored now; `queued` when the connection is down or the
   * service is busy (it stays on the device and goes out with `flush`); `invalid` with every
   * problem when the draft needs fixing (nothing is queued, the form keeps the draft).
   */
  public async give(
    draft: RecognitionDraft,
    context: ComposeContext,
    names: { giverName: string; valueName: string }
  ): Promise<GiveResult> {
    const composed = composeRecognition(draft, context);
    if (!composed.ok) {
      return { status: 'invalid', errors: composed.errors };
    }
    const payload: QueuedRecognition = {
      items: composed.items,
      recipientNames: composed.items.map((item) => draft.recipients.find((r) => r.siteUserId === item.RecipientId)?.displayName ?? ''),
      recipientDirectoryIds: composed.items.map((item) => draft.recipients.find((r) => r.siteUserId === item.RecipientId)?.directoryId),
      valueName: names.valueName,
      giverName: names.giverName
    };
    // Kept on the device first, so a crash or a closed tab mid-send loses nothing.
    const entry = this.deps.outbox.enqueue(context.requestId, payload);
    const { outcome, ids, unnotified } = await this.send(entry);
    this.deps.outbox.settle(entry.id, outcome);
    if (outcome.kind === 'sent' || outcome.kind === 'duplicate') {
      return unnotified.length > 0 ? { status: 'sent', ids, unnotified } : { status: 'sent', ids };
    }
    if (outcome.kind === 'rejected') {
      return { status: 'rejected', reason: outcome.error };
    }
    return { status: 'queued', reason: outcome.error };
  }

  /** Sends whatever waits in the outbox (when the connection is back, on the next page load). */
  public flush(): ReturnType<Outbox<QueuedRecognition>['flush']> {
    return this.deps.outbox.flush(async (entry) => (await this.send(entry)).outcome);
  }
}

/** What a part that lets people recognise needs of the service. */
export type RecognitionGiver = Pick<RecognitionService, 'give' | 'flush'>;
