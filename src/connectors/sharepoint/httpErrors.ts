/**
 * What a SharePoint failure means, in one place: the HTTP status and SharePoint's own error
 * (the list view threshold, a unique column's duplicate) become one store error code
 * (`RecognitionStoreErrorCode`). The setup and plant-map readers narrow the same code to the
 * codes their screens explain, so every part of the product reads a failure alike.
 */
import { isFetchFailure, RecognitionStoreError, type RecognitionStoreErrorCode } from '../../core/recognition/ports';
import { isDeadlineExceeded } from '../../core/recovery';

/**
 * Reads the HTTP status from an error thrown by PnPjs (`HttpRequestError` carries `status`),
 * without depending on its class, so fakes and real errors are classified alike.
 */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/** A fetch that never reached the server rejects with a TypeError (browser and Node alike). */
export function isNetworkFailure(error: unknown): boolean {
  return isFetchFailure(error) && httpStatusOf(error) === undefined;
}

/** SharePoint's answer to a query over the list view threshold. */
export function isThresholdError(error: unknown): boolean {
  return httpStatusOf(error) === 500 && error instanceof Error && /list view threshold|SPQueryThrottledException/.test(error.message);
}

/**
 * SharePoint's answer to each part of a `$batch` after one that failed: 500
 * `System.IndexOutOfRangeException`, the part not run (pnp/pnpjs #486, #1275). Such a part did
 * not fail on its own: run it again, in a later request. Also found in the message of an
 * error that wraps it (the plant map's).
 */
export function failedForAnEarlierPart(error: unknown): boolean {
  const status = httpStatusOf(error);
  return (status === 500 || status === undefined) && error instanceof Error && /System\.IndexOutOfRangeException/.test(error.message);
}

/** SharePoint's answer to a second item with the same value in a unique column. */
export function isDuplicateError(error: unknown): boolean {
  return httpStatusOf(error) === 500 && error instanceof Error && /duplicate values|SPDuplicateValuesFoundException/.test(error.message);
}

/** The one mapping: a SharePoint failure as a store error code (`unexpected` when unknown). */
export function storeErrorCodeOf(error: unknown): RecognitionStoreErrorCode {
  if (error instanceof RecognitionStoreError) {
    return error.code;
  }
  const status = httpStatusOf(error);
  if (isThresholdError(error)) {
    return 'threshold';
  }
  if (status === 401 || status === 403) {
    return 'accessDenied';
  }
  if (status === 404) {
    return 'notFound';
  }
  if (status === 409 || status === 412 || isDuplicateError(error)) {
    return 'conflict';
  }
  if (status === 429 || status === 503 || status === 504) {
    return 'throttled';
  }
  if (isDeadlineExceeded(error)) {
    // No answer in time (`requestPolicy.ts`): SharePoint or the connection, nobody can tell which.
    return 'timeout';
  }
  return isNetworkFailure(error) ? 'network' : 'unexpected';
}

/** The store code narrowed to the ones `narrowed` knows; any other is `unexpected`. */
export function narrowedCodeOf<C extends RecognitionStoreErrorCode>(error: unknown, narrowed: readonly C[]): C | 'unexpected' {
  const code = storeErrorCodeOf(error);
  return (narrowed as readonly RecognitionStoreErrorCode[]).includes(code) ? (code as C) : 'unexpected';
}

/** Runs a store operation; failures leave as RecognitionStoreErrors with a code. */
export async function storeCall<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RecognitionStoreError) {
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new RecognitionStoreError(storeErrorCodeOf(error), `${what}: ${message}`);
  }
}
