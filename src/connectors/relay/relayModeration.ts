/**
 * Reports through the relay (app identity), so a reported post leaves every wall until HR
 * decides (`RelayClient` says how the relay is reached and what its answers mean). Where no
 * relay is configured or the tenant has not approved its API permission, the report is written
 * with the person's own identity and hides the post for them only: the report reaches HR either
 * way. A relay that is busy or unreachable is asked again; then the report fails with a code the
 * wall explains, and the wall keeps the reason. The person's own rate limit fails at once, with
 * the wait.
 */
import type { ItemId } from '../../core/models/common';
import type { ReportOutcome } from '../../core/recognition/moderation';
import { type ModerationStore, storeErrorCode } from '../../core/recognition/ports';
import { RelayClient, type RelayClientOptions } from './relayClient';

export type { AadFetchFactory, AuthorizedFetch, AuthorizedRequest, AuthorizedResponse } from './relayClient';

export interface RelayModerationOptions extends RelayClientOptions {
  /** Writes the report with the person's own identity (hidden for them only). */
  readonly fallback: Pick<ModerationStore, 'report'>;
}

const OUTCOMES: readonly ReportOutcome[] = ['hiddenForEveryone', 'hiddenForReporter', 'sentToHr'];

export class RelayModeration implements Pick<ModerationStore, 'report'> {
  private readonly relay: RelayClient;

  public constructor(private readonly options: RelayModerationOptions) {
    this.relay = new RelayClient(options);
  }

  public async report(recognitionId: ItemId, reason: string): Promise<ReportOutcome> {
    let answer: unknown;
    try {
      answer = await this.relay.post('/reports', { recognitionId, reason }, 'Reporting the post');
    } catch (error) {
      if (storeErrorCode(error) === 'noRelay') {
        // No relay, or no token for it (its API permission not approved yet): HR still gets the report.
        return this.options.fallback.report(recognitionId, reason);
      }
      throw error;
    }
    const outcome = typeof answer === 'object' && answer !== null ? (answer as { outcome?: unknown }).outcome : undefined;
    return OUTCOMES.find((known) => known === outcome) ?? 'hiddenForEveryone';
  }
}
