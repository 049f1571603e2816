/** Codes from the core turned into the reader's words. */
import * as strings from 'RecognitionWallWebPartStrings';

import type { ComposeError } from '../../../core/recognition/compose';
import { RecognitionStoreError, type RecognitionStoreErrorCode } from '../../../core/recognition/ports';
import { composeErrorText as sharedComposeErrorText } from '../../../ui/recognition/composeErrorText';

export function composeErrorText(error: ComposeError): string {
  return sharedComposeErrorText(error, strings);
}

const STORE_TEXT: Record<RecognitionStoreErrorCode, string> = {
  accessDenied: strings.StoreAccessDenied,
  notFound: strings.StoreNotFound,
  conflict: strings.StoreConflict,
  throttled: strings.StoreThrottled,
  network: strings.StoreNetwork,
  threshold: strings.StoreThreshold,
  unexpected: strings.StoreUnexpected
};

function isStoreCode(value: string): value is RecognitionStoreErrorCode {
  return Object.prototype.hasOwnProperty.call(STORE_TEXT, value);
}

/**
 * A failure as a sentence: a store error by its code, a code string (an outbox reason), a fetch
 * that never reached the server (a TypeError) as a lost connection, anything else as unexpected.
 */
export function storeErrorText(error: unknown): string {
  if (error instanceof RecognitionStoreError) {
    return STORE_TEXT[error.code];
  }
  if (typeof error === 'string') {
    return isStoreCode(error) ? STORE_TEXT[error] : STORE_TEXT.unexpected;
  }
  if (error instanceof TypeError) {
    return STORE_TEXT.network;
  }
  return STORE_TEXT.unexpected;
}
