import { CardAdaptiveCardExtension } from '../../app/host/spfxCard';
import { pulseCard, type IPulseCardProps, type PulseCardData } from './Pulse.part';

export type { IPulseCardProps };

/** SharePoint host of the "Pulse" card (Viva Connections dashboard). */
export default class PulseAdaptiveCardExtension extends CardAdaptiveCardExtension<IPulseCardProps, PulseCardData> {
  protected readonly definition = pulseCard;
}
