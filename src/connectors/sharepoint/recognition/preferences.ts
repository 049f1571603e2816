/**
 * The wall preference (SE_Preferences, one item per person). A preference counts only when its
 * Author is the person in its `Person` column (or the relay wrote it): see `trustedRows.ts`.
 * `PersonKey` keeps a person's ordinary item unique; when someone else's item holds it, the
 * person still saves their own (see `ownRow.ts`).
 */
import { personKey } from '../../../core/models/keys';
import { writeOwnRow } from '../../../core/recognition/ownRow';
import type { PreferenceStore } from '../../../core/recognition/ports';
import { optedOutPeople, type PreferenceRow, preferenceOf, rowAuthor } from '../../../core/recognition/trustedRows';
import { LISTS } from '../../../core/schema/lists';
import { isDuplicateError, storeCall } from '../httpErrors';
import { type ListClient, type ListQuery, listOf } from '../listClient';
import type { RecognitionContext } from './context';

type Preferences = ListClient<typeof LISTS.preferences>;

/** A person's stored preference item. */
export interface StoredPreference {
  readonly id: number;
  readonly hideFromPublicWall: boolean;
}

/** Preference rows matching `filter`, with who wrote each. */
async function readRows(list: Preferences, filter: string, orderBy?: ListQuery<typeof LISTS.preferences>['orderBy']): Promise<PreferenceRow[]> {
  const rows = await list.read({ select: ['id', 'hideFromPublicWall'], ids: ['person'], people: ['author'], logins: ['author'], filter, orderBy, top: 5000 });
  return rows.map((row) => ({
    id: row.number('id') ?? 0,
    personId: row.personId('person') ?? 0,
    hideFromPublicWall: row.flag('hideFromPublicWall'),
    author: rowAuthor(row.person('author').id, row.login('author'))
  }));
}

/**
 * Queues the read of the preference of site user `personId` on the list's root (by the indexed
 * `Person` column): the item that speaks for them; undefined when none does (defaults).
 */
export async function readPreference(list: Preferences, personId: number): Promise<StoredPreference | undefined> {
  const row = preferenceOf(await readRows(list, `${list.idField('person')} eq ${personId}`, ['id', 'asc']), personId);
  return row ? { id: row.id, hideFromPublicWall: row.hideFromPublicWall } : undefined;
}

/**
 * Queues the read of everyone who keeps recognitions of themselves off the public wall (an
 * indexed filter); items written about someone else by another member are left out.
 */
export async function readOptedOut(list: Preferences): Promise<Set<number>> {
  return optedOutPeople(await readRows(list, list.eq('hideFromPublicWall', true)));
}

export class SharePointPreferences implements PreferenceStore {
  private readonly list: Preferences;

  public constructor(private readonly context: RecognitionContext) {
    this.list = listOf(context.sp, LISTS.preferences);
  }

  public hideFromPublicWall(): Promise<boolean> {
    return storeCall('Reading your preference', async () => {
      const { id } = await this.context.currentUser();
      return (await readPreference(this.list.on(this.context.reads()), id))?.hideFromPublicWall === true;
    });
  }

  public setHideFromPublicWall(hidden: boolean): Promise<void> {
    return storeCall('Saving your preference', async () => {
      const { id, loginName } = await this.context.currentUser();
      const list = this.list;
      await writeOwnRow(
        {
          // My own items about me, whichever key they are under.
          read: async () =>
            (
              await list.read({
                select: ['id'],
                filter: `${list.idField('person')} eq ${id} and ${list.idField('author')} eq ${id}`,
                orderBy: ['id', 'asc'],
                top: 100
              })
            ).map((row) => row.number('id') ?? 0),
          add: async (key) => {
            await list.add(list.payload({ title: key, personKey: key, hideFromPublicWall: hidden }, { person: id }));
          },
          update: (itemId) => list.update(itemId, list.payload({ hideFromPublicWall: hidden })),
          remove: (itemId) => list.delete(itemId),
          isDuplicate: isDuplicateError
        },
        personKey(loginName),
        'save'
      );
    });
  }
}
