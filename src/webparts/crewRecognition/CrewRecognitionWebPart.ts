import { PartWebPart } from '../../app/host/spfxWebPart';
import { crewRecognitionPart, type ICrewRecognitionWebPartProps } from './CrewRecognition.part';

export type { ICrewRecognitionWebPartProps };

/** SharePoint host of the "My crew" part. */
export default class CrewRecognitionWebPart extends PartWebPart<ICrewRecognitionWebPartProps> {
  protected readonly definition = crewRecognitionPart;
}
