import { CardAdaptiveCardExtension } from '../../app/host/spfxCard';
import { myNextShiftCard, type IMyNextShiftCardProps } from './MyNextShift.part';
import type { NextShiftView } from '../../core/roster/rosterService';

export type { IMyNextShiftCardProps };

/** SharePoint host of the "My next shift" card (Viva Connections dashboard). */
export default class MyNextShiftAdaptiveCardExtension extends CardAdaptiveCardExtension<IMyNextShiftCardProps, NextShiftView> {
  protected readonly definition = myNextShiftCard;
}
