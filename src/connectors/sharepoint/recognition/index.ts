/**
 * The recognition features over SharePoint lists, one adapter per port, sharing one context:
 * the PnPjs root, this turn's `$batch` of reads, and the signed-in person as the page knows them.
 * Giving is not here: only the relay writes posts (`src/connectors/relay/relayRecognitionWriter.ts`).
 */
import type { SPFI } from '@pnp/sp';

import { recognitionContext, type StoreUser } from './context';
import { SharePointModeration } from './moderation';
import { SharePointPreferences } from './preferences';
import { SharePointReactions } from './reactions';
import { SharePointRecipients } from './recipients';
import { SharePointValues } from './values';
import { SharePointWallReader } from './wallReader';

export type { SignedInUser, StoreUser } from './context';

export interface SharePointRecognitionStores {
  readonly wall: SharePointWallReader;
  readonly reactions: SharePointReactions;
  readonly moderation: SharePointModeration;
  readonly values: SharePointValues;
  readonly preferences: SharePointPreferences;
  readonly recipients: SharePointRecipients;
}

/**
 * The adapters for one PnPjs root and person. `user`: the signed-in person as the page already
 * knows them (SPFx's page context has the site user id and login name), so no request is spent
 * asking SharePoint who they are.
 */
export function sharePointRecognitionStores(sp: SPFI, user?: StoreUser): SharePointRecognitionStores {
  const context = recognitionContext(sp, user);
  return {
    wall: new SharePointWallReader(context),
    reactions: new SharePointReactions(context),
    moderation: new SharePointModeration(context),
    values: new SharePointValues(context),
    preferences: new SharePointPreferences(context),
    recipients: new SharePointRecipients(context)
  };
}
