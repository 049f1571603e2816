import { PartWebPart } from '../../app/host/spfxWebPart';
import { engageSetupPart, type IEngageSetupWebPartProps } from './EngageSetup.part';

export type { IEngageSetupWebPartProps };

/** SharePoint host of the Engage Setup part. */
export default class EngageSetupWebPart extends PartWebPart<IEngageSetupWebPartProps> {
  protected readonly definition = engageSetupPart;
}
