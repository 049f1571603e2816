import { PartWebPart } from '../../app/host/spfxWebPart';
import { pulseAdminPart, type IPulseAdminWebPartProps } from './PulseAdmin.part';

export type { IPulseAdminWebPartProps };

/** SharePoint host of the "Pulse admin" part. */
export default class PulseAdminWebPart extends PartWebPart<IPulseAdminWebPartProps> {
  protected readonly definition = pulseAdminPart;
}
