import * as strings from 'RecognitionAdminWebPartStrings';

import type { ValueErrorCode } from '../../../core/recognition/valueValidation';
import { storeErrorSentence } from '../../../ui/recognition/storeErrorText';

/**
 * A store failure in the words every part uses, with one override: in HR's admin part,
 * SharePoint refusing (a write, or the moderation queue) means the person is not in HR's group.
 */
export function failureText(error: unknown): string {
  return storeErrorSentence(error, { accessDenied: strings.NeedHrRights });
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
