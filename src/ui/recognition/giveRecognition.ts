/**
 * Giving recognition, the same for every part that lets people recognise (the wall's panel,
 * the crew view, the Recognise card): the draft from what was picked, the compose context
 * (giver, values, request id, site), the names for the Teams notification, and the service's
 * answer as one outcome the part renders. Framework-free; a React hook sits over it
 * (`useGiveRecognition`), the card's `onAction` calls it directly.
 */
import type { ItemId } from '../../core/models/common';
import type { RecognitionValue } from '../../core/models/values';
import type { ComposeError, RecipientRef, RecognitionDraft } from '../../core/recognition/compose';
import type { RecognitionGiver } from '../../core/recognition/recognitionService';
import { valueName } from '../../core/recognition/values';
import { type RecognitionStoreErrorCode, storeErrorCode } from '../../core/recognition/ports';

/** A value that is known now, or read when sending (reading may fail: `failed`). */
export type Known<T> = T | (() => Promise<T>);

/** What the person picked and typed; the recipients may still need resolving to site users. */
export interface RecognitionPick extends Omit<RecognitionDraft, 'recipients'> {
  readonly recipients: Known<readonly RecipientRef[]>;
}

export interface GiveRecognitionDeps {
  /** The service (device outbox); `forgetRejected`, where offered, drops a refused copy. */
  readonly giver: Pick<RecognitionGiver, 'give'> & { forgetRejected?(requestId: string): void };
  /** Every value HR defined (the rules refuse an unknown or deactivated one). */
  readonly values: Known<readonly RecognitionValue[]>;
  /** The giver's site user id. */
  readonly giverId: Known<number>;
  /** The giver's name, for the notification. */
  readonly giverName: string;
  /** The giver's site, used when a recipient's is unknown. */
  readonly siteCode: string;
  /** The reader's language: the value is named in it in the notification. */
  readonly locale: string;
  /** This submission's id on the device (a resend is stored once). */
  readonly requestId: string;
}

export type GiveOutcome =
  /** Stored; `unnotified`: recipients Teams could not tell (the recognitions are saved). */
  | { readonly kind: 'sent'; readonly ids: readonly ItemId[]; readonly recipients: readonly RecipientRef[]; readonly unnotified: readonly string[] }
  /**
   * Kept on the device and sent later by itself: `network` when the connection is down; else
   * why it is waiting (a busy or rate-limited relay, a site not set up, no relay yet).
   */
  | { readonly kind: 'queued'; readonly code: RecognitionStoreErrorCode }
  /** SharePoint refused it; the draft stays with the person to fix and send again. */
  | { readonly kind: 'rejected'; readonly code: RecognitionStoreErrorCode }
  /** The draft breaks a rule; nothing was kept or sent. */
  | { readonly kind: 'invalid'; readonly errors: readonly ComposeError[] }
  /** Resolving the people, reading the values or sending failed outright. */
  | { readonly kind: 'failed'; readonly code: RecognitionStoreErrorCode };

function known<T>(value: Known<T>): Promise<T> {
  return typeof value === 'function' ? (value as () => Promise<T>)() : Promise.resolve(value);
}

export async function giveRecognition(pick: RecognitionPick, deps: GiveRecognitionDeps): Promise<GiveOutcome> {
  try {
    const [recipients, values, giverId] = await Promise.all([known(pick.recipients), known(deps.values), known(deps.giverId)]);
    const value = values.find((v) => v.valueKey === pick.valueKey);
    const result = await deps.giver.give(
      { ...pick, recipients },
      { giverId, values, requestId: deps.requestId, siteCode: deps.siteCode, locale: deps.locale },
      { giverName: deps.giverName, valueName: value ? valueName(value, deps.locale) : '' }
    );
    switch (result.status) {
      case 'sent':
        return { kind: 'sent', ids: result.ids, recipients, unnotified: result.unnotified ?? [] };
      case 'queued': {
        // A fetch that never reached the server leaves its own words as the reason: the connection.
        const code = storeErrorCode(result.reason);
        return { kind: 'queued', code: code === 'unexpected' ? 'network' : code };
      }
      case 'rejected':
        deps.giver.forgetRejected?.(deps.requestId);
        return { kind: 'rejected', code: storeErrorCode(result.reason) };
      case 'invalid':
        return { kind: 'invalid', errors: result.errors };
    }
  } catch (error) {
    return { kind: 'failed', code: storeErrorCode(error) };
  }
}
