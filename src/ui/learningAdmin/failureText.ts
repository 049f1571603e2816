/**
 * A failure in the reader's words: the relay's refusals by their code, SharePoint's by the store's
 * code, anything else as "something went wrong". Never a raw message from a server.
 */
import { LearningAdminError } from '../../core/learning/learningAdminPorts';
import { RecognitionStoreError } from '../../core/recognition/ports';
import type { AdminWords } from './adminWords';

export function failureText(words: AdminWords, error: unknown): string {
  if (error instanceof LearningAdminError) {
    return words.relay[error.code];
  }
  if (error instanceof RecognitionStoreError) {
    return words.store[error.code] ?? words.storeDefault;
  }
  return words.relay.unexpected;
}
