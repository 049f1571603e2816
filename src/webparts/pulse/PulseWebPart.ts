import { PartWebPart } from '../../app/host/spfxWebPart';
import { type IPulseWebPartProps, pulsePart } from './Pulse.part';

export type { IPulseWebPartProps };

/** SharePoint host of the "Pulse" part. */
export default class PulseWebPart extends PartWebPart<IPulseWebPartProps> {
  protected readonly definition = pulsePart;
}
