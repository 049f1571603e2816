/**
 * SE_Settings rows the demo plant needs beyond the provisioned ones (elements.xml seeds
 * SchemaVersion and AnonymityThresholds): the plant map under the key `plant`, as HR/IT keep it.
 */
import { PLANT_SETTING_KEY } from '../../../src/core/plant/types';
import { plantMapSetting } from '../plantModel';
import { DAY_MS, HistoryContext } from './common';

const SETTINGS = 'SE_Settings';

/** Writes the plant map (sites, lines, shifts with English, Swedish and Dutch names); returns its item id. */
export function seedSettings(context: HistoryContext): number {
  const author = context.people.find((p) => p.isSiteOwner) ?? context.hrAt('GOT');
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
