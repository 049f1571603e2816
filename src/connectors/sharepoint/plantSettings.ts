/**
 * Settings from SE_Settings (`Key eq '…'`, Value = JSON) through PnPjs v4, the plant map above all. The read
 * can join a caller's `$batch`: pass a batched SPFI (`const [batched, execute] = sp.batched()`)
 * and it resolves once `execute()` has run. No item means an empty map; a bad Value means a
 * map with issues (never an exception). Failures to read are WorkplaceErrors with a code.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { odataString } from '../../core/odata';
import { EMPTY_PLANT_MAP, parsePlantMap } from '../../core/plant/plantMap';
import { PLANT_SETTING_KEY, type PlantMap, type PlantSettings, WorkplaceError, type WorkplaceErrorCode } from '../../core/plant/types';
import { readOnce } from '../../core/readOnce';
import { LISTS } from '../../core/schema/lists';
import { narrowedCodeOf } from './httpErrors';

const SETTINGS = LISTS.settings;

const WORKPLACE_CODES = ['accessDenied', 'notFound', 'throttled', 'network'] as const;

function errorCode(error: unknown): WorkplaceErrorCode {
  return narrowedCodeOf(error, WORKPLACE_CODES);
}

/**
 * Queues the read of one SE_Settings Value (by Key) on `sp` (plain or batched): undefined when
 * no item has that key. A list that does not exist (not provisioned) fails with status 404.
 */
export async function readSettingValue(sp: SPFI, key: string): Promise<string | undefined> {
  const rows = await sp.web.lists
    .getByTitle(SETTINGS.title)
    .items.select(SETTINGS.fields.key, SETTINGS.fields.value)
    .filter(`${SETTINGS.fields.key} eq ${odataString(key)}`)
    .top(1)<Array<Record<string, unknown>>>();
  const value = rows[0]?.[SETTINGS.fields.value];
  return rows.length === 0 ? undefined : typeof value === 'string' ? value : '';
}

/**
 * Queues the read of the plant map on `sp` (plain or batched) and returns its result. A list
 * that does not exist (not provisioned) fails with `notFound`.
 */
export async function readPlantMap(sp: SPFI): Promise<PlantMap> {
  try {
    const value = await readSettingValue(sp, PLANT_SETTING_KEY);
    return value === undefined ? EMPTY_PLANT_MAP : parsePlantMap(value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new WorkplaceError(errorCode(error), `Reading the plant map: ${message}`);
  }
}

export class PnPPlantSettings implements PlantSettings {
  private readonly read: (batch?: SPFI) => Promise<PlantMap>;

  public constructor(sp: SPFI) {
    this.read = readOnce((batch?: SPFI) => readPlantMap(batch ?? sp));
  }

  /**
   * The plant map, read once per instance (a failed read is tried again next time). Pass a
   * batched SPFI to make the first read part of your `$batch`; once read, nothing is queued.
   */
  public plantMap(batch?: SPFI): Promise<PlantMap> {
    return this.read(batch);
  }
}
