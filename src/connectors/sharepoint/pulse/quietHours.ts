/**
 * The signed-in person's quiet hours for the on-shift pulse prompt: the `QuietHours` of their own
 * SE_Preferences item (one whose Author is the person: an item someone else wrote about them does
 * not speak for them), read by the indexed `Person` column, in the device's time zone.
 */
import type { SPFI } from '@pnp/sp';

import { parseQuietHours } from '../../../core/roster/quietHours';
import type { QuietHours } from '../../../core/roster/rules';
import { LISTS } from '../../../core/schema/lists';
import { listOf } from '../listClient';

export async function readQuietHours(sp: SPFI, siteUserId: number, timeZone: string): Promise<QuietHours[]> {
  const list = listOf(sp, LISTS.preferences);
  const rows = await list.read({ select: ['quietHours'], ids: ['person', 'author'], filter: `${list.idField('person')} eq ${siteUserId}`, top: 10 });
  const own = rows.find((row) => row.personId('author') === siteUserId);
  return parseQuietHours(own?.text('quietHours'), timeZone);
}
