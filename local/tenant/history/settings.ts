/**
 * SE_Settings rows the demo plant needs beyond the provisioned ones (elements.xml seeds
 * SchemaVersion and AnonymityThresholds): the plant map under the key `Plant`, as HR/IT keep it.
 * Where the relay answers is a tenant property, as a tenant admin sets it (the local tenant
 * hosts the relay at `/relay/api`): members cannot write it.
 */
import { PLANT_SETTING_KEY } from '../../../src/core/plant/types';
import { RELAY_TENANT_PROPERTY, type RelaySettings } from '../../../src/core/recognition/moderation';
import type { Database } from '../../server/db';
import { RELAY_RESOURCE } from '../../server/authority';
import { setTenantProperty } from '../../sharepoint/tenantProperties';
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

/** The relay's address as a tenant property, as `m365 spo storageentity set` would keep it. */
export function seedRelayTenantProperty(db: Database): void {
  const relay: RelaySettings = { url: '/relay/api', resource: RELAY_RESOURCE };
  setTenantProperty(db, RELAY_TENANT_PROPERTY, JSON.stringify(relay), 'Where the Shopfloor Engage relay answers, and its Entra ID application.');
}
