import type { SetupActions, SetupOverview } from '../../../core/setup/setupService';

export type { SetupOverview };

/** What the component needs: the lists' checks and who may change them; securing the lists. */
export type ISetupActions = SetupActions;

export interface IEngageSetupProps {
  /** Reads and secures the lists. */
  setup: ISetupActions;
  /** Show lists that need no action too (property pane). */
  showReadyLists: boolean;
  /** UI language, lower case: counts follow its plural rules. */
  locale: string;
}
