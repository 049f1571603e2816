import * as strings from 'RecognitionAdminWebPartStrings';

import { storeErrorCode } from '../../../core/recognition/ports';
import type { ValueErrorCode } from '../../../core/recognition/valueValidation';

/** A store failure in words; SharePoint refusing a write means "not HR". */
export function failureText(error: unknown): string {
  switch (storeErrorCode(error)) {
    case 'accessDenied':
      return strings.NeedHrRights;
    case 'network':
    case 'throttled':
      return strings.ErrorNetwork;
    case 'conflict':
      return strings.ErrorConflict;
    default:
      return strings.ErrorUnexpected;
  }
}

export const VALUE_ERROR_TEXT: Record<ValueErrorCode, string> = {
  nameRequired: strings.ErrorNameRequired,
  nameTooLong: strings.ErrorNameTooLong,
  keyRequired: strings.ErrorKeyRequired,
  keyFormat: strings.ErrorKeyFormat,
  keyTaken: strings.ErrorKeyTaken,
  colourFormat: strings.ErrorColourFormat,
  orderInvalid: strings.ErrorOrderInvalid
};
