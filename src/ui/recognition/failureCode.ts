/**
 * The store error code of any failure: a store error (read by shape: ES5 builds lose Error
 * subclass prototypes), a code string (an outbox entry's reason), a fetch that never reached
 * the server (a TypeError) as a lost connection; anything else is unexpected.
 */
import { type RecognitionStoreErrorCode, storeErrorCode } from '../../core/recognition/ports';

const CODES: readonly RecognitionStoreErrorCode[] = ['accessDenied', 'notFound', 'conflict', 'throttled', 'network', 'threshold', 'unexpected'];

function isStoreCode(value: string): value is RecognitionStoreErrorCode {
  return (CODES as readonly string[]).indexOf(value) >= 0;
}

export function failureCode(error: unknown): RecognitionStoreErrorCode {
  if (typeof error === 'string') {
    return isStoreCode(error) ? error : 'unexpected';
  }
  if (error instanceof TypeError) {
    return 'network';
  }
  const code = storeErrorCode(error);
  return isStoreCode(code) ? code : 'unexpected';
}
