import { PartWebPart } from '../../app/host/spfxWebPart';
import { type IMyLearningWebPartProps, myLearningPart } from './MyLearning.part';

export type { IMyLearningWebPartProps };

/** SharePoint host of the "My learning" part. */
export default class MyLearningWebPart extends PartWebPart<IMyLearningWebPartProps> {
  protected readonly definition = myLearningPart;
}
