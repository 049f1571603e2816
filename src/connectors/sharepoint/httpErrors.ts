import { SetupError, SetupErrorCode } from '../../core/setup/setupService';

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
  return error instanceof TypeError && httpStatusOf(error) === undefined;
}

export function setupErrorCodeOf(error: unknown): SetupErrorCode {
  const status = httpStatusOf(error);
  if (status === 401 || status === 403) {
    return 'accessDenied';
  }
  if (status === 404) {
    return 'notFound';
  }
  if (isNetworkFailure(error)) {
    return 'network';
  }
  return 'unexpected';
}

export function toSetupError(error: unknown, what: string): SetupError {
  const message = error instanceof Error ? `${what}: ${error.message}` : what;
  return new SetupError(setupErrorCodeOf(error), message);
}
