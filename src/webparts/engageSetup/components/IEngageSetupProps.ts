import type { ListCheck } from '../../../core/setup/listSecurity';
import type { SecureResult } from '../../../core/setup/setupService';
import type { SetupOverview } from '../setupReader';

export type { SetupOverview };

/** What the component needs: the lists' checks and who may change them; securing the lists. */
export interface ISetupActions {
  check(): Promise<SetupOverview>;
  secure(checks: readonly ListCheck[]): Promise<SecureResult[]>;
}

export interface IEngageSetupProps {
  /** Reads and secures the lists. */
  setup: ISetupActions;
  /** Show lists that need no action too (property pane). */
  showReadyLists: boolean;
}
