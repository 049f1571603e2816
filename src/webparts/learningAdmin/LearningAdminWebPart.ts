import { PartWebPart } from '../../app/host/spfxWebPart';
import { learningAdminPart, type ILearningAdminWebPartProps } from './LearningAdmin.part';

export type { ILearningAdminWebPartProps };

/** SharePoint host of the "Learning admin" part. */
export default class LearningAdminWebPart extends PartWebPart<ILearningAdminWebPartProps> {
  protected readonly definition = learningAdminPart;
}
