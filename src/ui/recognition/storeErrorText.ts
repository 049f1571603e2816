/**
 * The one way a failure becomes words, by its store error code (`storeErrorCode` in core), the same in
 * every part. The words follow a colon ("Not sent: {0}"); `storeErrorSentence` is the same
 * words standing as a sentence of their own.
 *
 * A part overrides a code only where it means something else there: in HR's admin part,
 * SharePoint refusing a write means "you need HR rights" (see `adminText.ts`).
 */
import * as shared from 'RecognitionSharedStrings';

import { type RecognitionStoreErrorCode, storeErrorCode } from '../../core/recognition/ports';
import { format } from '../format';

export type StoreErrorOverrides = Readonly<Partial<Record<RecognitionStoreErrorCode, string>>>;

const WORDS: Record<RecognitionStoreErrorCode, string> = {
  accessDenied: shared.StoreAccessDenied,
  notFound: shared.StoreNotFound,
  conflict: shared.StoreConflict,
  throttled: shared.StoreThrottled,
  network: shared.StoreNetwork,
  threshold: shared.StoreThreshold,
  notSetUp: shared.StoreNotSetUp,
  noRelay: shared.StoreNoRelay,
  rateLimited: shared.StoreRateLimited,
  invalid: shared.StoreInvalid,
  relayFault: shared.StoreRelayFault,
  timeout: shared.StoreTimeout,
  directory: shared.StoreDirectory,
  unexpected: shared.StoreUnexpected
};

/** A failure (an error or a code) as words that follow a colon. */
export function storeErrorText(error: unknown, overrides: StoreErrorOverrides = {}): string {
  const code = storeErrorCode(error);
  const wait = typeof error === 'object' && error !== null ? (error as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
  if (code === 'rateLimited' && overrides[code] === undefined && typeof wait === 'number' && wait > 0) {
    return format(shared.StoreRateLimitedWait, Math.ceil(wait / 60));
  }
  return overrides[code] ?? WORDS[code];
}

/**
 * What a part says when a recognition waits on the device: its own words for a lost connection
 * (`whenOffline`), else why it waits, the same in every part.
 */
export function queuedText(code: RecognitionStoreErrorCode, whenOffline: string): string {
  return code === 'network' ? whenOffline : format(shared.QueuedBecause, storeErrorText(code));
}

/** A failure as a sentence of its own (the same words, starting with a capital). */
export function storeErrorSentence(error: unknown, overrides: StoreErrorOverrides = {}): string {
  const text = storeErrorText(error, overrides);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
