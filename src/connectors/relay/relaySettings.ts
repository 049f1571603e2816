/**
 * Where the relay is, from the tenant property `ShopfloorEngageRelay` (set by a tenant admin in
 * the app catalog; readable from every site), read once per session when the first report is
 * sent (the wall's first render does not wait for it). No property or an unusable value means no
 * relay; a failed read is tried again next time. SE_Settings is never read for it: members can
 * write that list until setup has run.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';

import { storeCall } from '../sharepoint/httpErrors';
import { parseRelaySettings, RELAY_TENANT_PROPERTY, type RelaySettings } from '../../core/recognition/moderation';
import { readOnce } from '../../core/readOnce';

export function relaySettingsOf(sp: SPFI): () => Promise<RelaySettings | undefined> {
  return readOnce(() =>
    storeCall('Reading the relay settings', async () => {
      const property = (await sp.web.getStorageEntity(RELAY_TENANT_PROPERTY)) as unknown as Record<string, unknown>;
      return parseRelaySettings(typeof property.Value === 'string' ? property.Value : undefined);
    })
  );
}
