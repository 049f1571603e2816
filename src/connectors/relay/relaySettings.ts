/**
 * Where the relay is, from SE_Settings (`Key eq 'Relay'`), read once per session when the
 * first report is sent (the wall's first render does not wait for it). No item, an unusable
 * value or no SE_Settings list means no relay; a failed read is tried again next time.
 */
import type { SPFI } from '@pnp/sp';

import { readSettingValue } from '../sharepoint/plantSettings';
import { httpStatusOf, storeCall } from '../sharepoint/httpErrors';
import { parseRelaySettings, RELAY_SETTING_KEY, type RelaySettings } from '../../core/recognition/moderation';
import { readOnce } from '../../core/readOnce';

export function relaySettingsOf(sp: SPFI): () => Promise<RelaySettings | undefined> {
  return readOnce(() =>
    storeCall('Reading the relay settings', async () => {
      try {
        return parseRelaySettings(await readSettingValue(sp, RELAY_SETTING_KEY));
      } catch (error) {
        if (httpStatusOf(error) === 404) {
          return undefined;
        }
        throw error;
      }
    })
  );
}
