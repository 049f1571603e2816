import type { ListCheck } from '../../../core/setup/listSecurity';
import type { SecureResult } from '../../../core/setup/setupService';

/** What the component needs from the setup service (the web part passes a SetupService). */
export interface ISetupActions {
  check(): Promise<ListCheck[]>;
  secure(checks: readonly ListCheck[]): Promise<SecureResult[]>;
}

export interface IEngageSetupProps {
  /** Reads and secures the lists. */
  setup: ISetupActions;
  /** Show lists that need no action too (property pane). */
  showReadyLists: boolean;
}
