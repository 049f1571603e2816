/**
 * SharePoint failures as the setup part's codes: the one mapping (`httpErrors.ts`), the same
 * codes as every other part. Apart from `httpErrors.ts`, so parts that never set anything up do
 * not carry the setup service.
 */
import { SetupError, type SetupErrorCode } from '../../core/setup/setupService';
import { storeErrorCodeOf } from './httpErrors';

/** The one mapping (`httpErrors.ts`), unchanged: setup names a failure as every part does. */
export function setupErrorCodeOf(error: unknown): SetupErrorCode {
  return storeErrorCodeOf(error);
}

export function toSetupError(error: unknown, what: string): SetupError {
  const message = error instanceof Error ? `${what}: ${error.message}` : what;
  return new SetupError(setupErrorCodeOf(error), message);
}
