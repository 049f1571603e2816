/**
 * A composing problem (a code from the core) as a sentence in the reader's language, worded
 * the same in every part that lets people recognise.
 */
import * as shared from 'RecognitionSharedStrings';

import type { ComposeError, ComposeErrorCode } from '../../core/recognition/compose';
import { format } from '../format';

export type ComposeErrorStrings = Pick<
  IRecognitionSharedStrings,
  | 'ErrorNoRecipient'
  | 'ErrorTooManyRecipients'
  | 'ErrorSelfRecognition'
  | 'ErrorRecipientUnknown'
  | 'ErrorValueUnknown'
  | 'ErrorValueInactive'
  | 'ErrorMessageEmpty'
  | 'ErrorMessageTooLong'
  | 'ErrorImpactTooLong'
  | 'ErrorCrewUnknown'
>;

const KEYS: Record<ComposeErrorCode, keyof ComposeErrorStrings> = {
  noRecipient: 'ErrorNoRecipient',
  tooManyRecipients: 'ErrorTooManyRecipients',
  selfRecognition: 'ErrorSelfRecognition',
  recipientUnknown: 'ErrorRecipientUnknown',
  valueUnknown: 'ErrorValueUnknown',
  valueInactive: 'ErrorValueInactive',
  messageEmpty: 'ErrorMessageEmpty',
  messageTooLong: 'ErrorMessageTooLong',
  impactTooLong: 'ErrorImpactTooLong',
  crewUnknown: 'ErrorCrewUnknown'
};

/** `detail` (a name, a limit) fills the sentence's {0}. `strings`: the shared words unless given. */
export function composeErrorText(error: ComposeError, strings: ComposeErrorStrings = shared): string {
  return format(strings[KEYS[error.code]], error.detail ?? '');
}

/** The problems of one field, in one line; undefined when it has none. */
export function fieldErrorText(errors: readonly ComposeError[], field: ComposeError['field'], strings?: ComposeErrorStrings): string | undefined {
  const found = errors.filter((e) => e.field === field).map((e) => composeErrorText(e, strings));
  return found.length > 0 ? found.join(' ') : undefined;
}
