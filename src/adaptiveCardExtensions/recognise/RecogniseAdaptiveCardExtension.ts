import { CardAdaptiveCardExtension } from '../../app/host/spfxCard';
import { recogniseCard, type IRecogniseCardProps, type RecogniseData } from './Recognise.part';

export type { IRecogniseCardProps };

/** SharePoint host of the "Recognise" card (Viva Connections dashboard). */
export default class RecogniseAdaptiveCardExtension extends CardAdaptiveCardExtension<IRecogniseCardProps, RecogniseData> {
  protected readonly definition = recogniseCard;
}
