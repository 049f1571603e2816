import { PartWebPart } from '../../app/host/spfxWebPart';
import { type IRecognitionWallWebPartProps, recognitionWallPart } from './RecognitionWall.part';

export type { IRecognitionWallWebPartProps };

/** SharePoint host of the Recognition wall part. */
export default class RecognitionWallWebPart extends PartWebPart<IRecognitionWallWebPartProps> {
  protected readonly definition = recognitionWallPart;
}
