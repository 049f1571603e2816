import { PartApplicationCustomizer } from '../../app/host/spfxCustomizer';
import { type IShiftStatusProperties, shiftStatusPart } from './ShiftStatus.part';

export type { IShiftStatusProperties };

/** SharePoint host of the Shift status customizer. */
export default class ShiftStatusApplicationCustomizer extends PartApplicationCustomizer<IShiftStatusProperties> {
  protected readonly definition = shiftStatusPart;
}
