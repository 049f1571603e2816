/**
 * Giving through the relay (`POST /api/recognitions`): members cannot write SE_Recognitions once
 * setup has run; the relay writes each post with the giver taken from the person's token, sets
 * the permissions of private and crew posts, and stores a resend once (by ClientRequestId).
 * Failures are store errors the outbox understands: a busy or unreachable relay, a rate limit,
 * a site not set up or no relay are kept on the device and sent later; content the relay
 * refuses is set aside for the person to fix.
 */
import type { ItemId } from '../../core/models/common';
import type { NewRecognitionItem } from '../../core/recognition/compose';
import { RecognitionStoreError, type RecognitionWriter } from '../../core/recognition/ports';
import type { RelayClient } from './relayClient';

export class RelayRecognitionWriter implements RecognitionWriter {
  public constructor(private readonly relay: RelayClient) {}

  public async give(items: readonly NewRecognitionItem[]): Promise<ItemId[]> {
    const answer = await this.relay.post('/recognitions', { items }, 'Saving the recognition');
    const ids = typeof answer === 'object' && answer !== null ? (answer as { ids?: unknown }).ids : undefined;
    if (!Array.isArray(ids) || ids.length !== items.length || !ids.every((id) => typeof id === 'number' && Number.isSafeInteger(id) && id > 0)) {
      throw new RecognitionStoreError('unexpected', 'Saving the recognition through the relay: the answer has no ids.');
    }
    return ids as ItemId[];
  }
}
