import { PartWebPart } from '../../ui/host/spfxHost';
import { recognitionAdminPart, type IRecognitionAdminWebPartProps } from './RecognitionAdmin.part';

export type { IRecognitionAdminWebPartProps };

/** SharePoint host of the "Recognition admin" part. */
export default class RecognitionAdminWebPart extends PartWebPart<IRecognitionAdminWebPartProps> {
  protected readonly definition = recognitionAdminPart;
}
