import { PartWebPart } from '../../app/host/spfxWebPart';
import { type IPulseResultsWebPartProps, pulseResultsPart } from './PulseResults.part';

export type { IPulseResultsWebPartProps };

/** SharePoint host of the "Pulse results" part. */
export default class PulseResultsWebPart extends PartWebPart<IPulseResultsWebPartProps> {
  protected readonly definition = pulseResultsPart;
}
