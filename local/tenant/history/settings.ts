/**
 * SE_Settings rows the demo plant needs beyond the provisioned ones (elements.xml seeds
 * SchemaVersion and AnonymityThresholds): the plant map under the key `Plant`, as HR/IT keep it,
 * and where the relay answers (`Relay`: the local tenant hosts it at `/relay/api`).
 */
import { PLANT_SETTING_KEY } from '../../../src/core/plant/types';
import { RELAY_SETTING_KEY, type RelaySettings } from '../../../src/core/recognition/moderation';
import { RELAY_RESOURCE } from '../../server/authority';
import { plantMapSetting } from '../plantModel';
import { DAY_MS, HistoryContext } from './common';

const SETTINGS = 'SE_Settings';

/** Writes the plant map (sites, lines, shifts with English, Swedish and Dutch names); returns its item id. */
export function seedSettings(context: HistoryContext): number {
  const author = context.people.find((p) => p.isSiteOwner) ?? context.hrAt('GOT');
  const relay: RelaySettings = { url: '/relay/api', resource: RELAY_RESOURCE };
  context.add(
    SETTINGS,
    {
      Title: 'Relay',
      Key: RELAY_SETTING_KEY,
      Value: JSON.stringify(relay, undefined, 2),
      Description: 'Where the relay (app identity: moderation, confidential answers) answers, and its Entra ID application.'
    },
    author.spUserId,
    new Date(context.today.getTime() - 90 * DAY_MS)
  );
  return context.add(
    SETTINGS,
    {
      Title: 'Plant map',
      Key: PLANT_SETTING_KEY,
      Value: JSON.stringify(plantMapSetting(), undefined, 2),
      Description: 'Sites, lines and shifts: directory officeLocation → site, department → line; filter options of the wall.'
    },
    author.spUserId,
    new Date(context.today.getTime() - 90 * DAY_MS)
  );
}
