import { PartWebPart } from '../../app/host/spfxWebPart';
import { recognitionAdminPart, type IRecognitionAdminWebPartProps } from './RecognitionAdmin.part';

export type { IRecognitionAdminWebPartProps };

/** SharePoint host of the "Recognition admin" part. */
export default class RecognitionAdminWebPart extends PartWebPart<IRecognitionAdminWebPartProps> {
  protected readonly definition = recognitionAdminPart;
}
