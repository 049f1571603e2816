/**
 * SharePoint failures as the setup part's codes: the one mapping (`httpErrors.ts`) narrowed to
 * what the setup screen explains. Apart from `httpErrors.ts`, so parts that never set anything
 * up do not carry the setup service.
 */
import { SetupError, type SetupErrorCode } from '../../core/setup/setupService';
import { narrowedCodeOf } from './httpErrors';

const SETUP_CODES = ['accessDenied', 'notFound', 'network'] as const;

export function setupErrorCodeOf(error: unknown): SetupErrorCode {
  return narrowedCodeOf(error, SETUP_CODES);
}

export function toSetupError(error: unknown, what: string): SetupError {
  const message = error instanceof Error ? `${what}: ${error.message}` : what;
  return new SetupError(setupErrorCodeOf(error), message);
}
