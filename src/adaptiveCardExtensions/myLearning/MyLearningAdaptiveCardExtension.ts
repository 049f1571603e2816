import { CardAdaptiveCardExtension } from '../../app/host/spfxCard';
import { myLearningCard, type IMyLearningCardProps, type MyLearningCardData } from './MyLearning.part';

export type { IMyLearningCardProps };

/** SharePoint host of the "My learning" card (Viva Connections dashboard). */
export default class MyLearningAdaptiveCardExtension extends CardAdaptiveCardExtension<IMyLearningCardProps, MyLearningCardData> {
  protected readonly definition = myLearningCard;
}
