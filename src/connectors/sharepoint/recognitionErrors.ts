import { RecognitionStoreError, type RecognitionStoreErrorCode } from '../../core/recognition/ports';
import { httpStatusOf, isNetworkFailure } from './httpErrors';

/** SharePoint's answer to a query over the list view threshold. */
export function isThresholdError(error: unknown): boolean {
  return httpStatusOf(error) === 500 && error instanceof Error && /list view threshold|SPQueryThrottledException/.test(error.message);
}

export function isDuplicateError(error: unknown): boolean {
  return httpStatusOf(error) === 500 && error instanceof Error && /duplicate values|SPDuplicateValuesFoundException/.test(error.message);
}

export function recognitionErrorCode(error: unknown): RecognitionStoreErrorCode {
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
  if (status === 429 || status === 503) {
    return 'throttled';
  }
  if (isNetworkFailure(error) || (status === undefined && error instanceof TypeError)) {
    return 'network';
  }
  return 'unexpected';
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
    throw new RecognitionStoreError(recognitionErrorCode(error), `${what}: ${message}`);
  }
}
