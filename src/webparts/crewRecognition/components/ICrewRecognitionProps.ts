import type { PeopleDirectory } from '../../../core/people/types';
import type { CrewStore } from '../../../core/recognition/ports';
import type { RecognitionGiver } from '../../../core/recognition/recognitionService';

export interface ICrewRecognitionProps {
  /** The leader's direct reports (Microsoft Graph in the product). */
  directory: Pick<PeopleDirectory, 'directReports'>;
  /** Site users, last recognitions and values (SharePoint in the product). */
  store: CrewStore;
  /** Sends recognitions through the device outbox. */
  giver: RecognitionGiver;
  /** The signed-in leader's name (for the notification). */
  giverName: string;
  /** UI language, lower case. */
  locale: string;
  /** People waiting this many days or more are marked (property pane; default 14). */
  thresholdDays: number;
  /** Show service anniversaries within 7 days (property pane). */
  showAnniversaries: boolean;
  /** Site code stored when the recipient has none; empty = unknown. */
  siteCode: string;
  /** The clock (tests fix it). */
  now?: () => Date;
  /** Request ids for the outbox (tests fix them). */
  requestId?: () => string;
}
