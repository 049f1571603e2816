/** The signed-in person's wall preference (SE_Preferences, one item per person by PersonKey). */
import { personKey } from '../../../core/models/keys';
import type { PreferenceStore } from '../../../core/recognition/ports';
import { LISTS } from '../../../core/schema/lists';
import { storeCall } from '../httpErrors';
import { type ListClient, listOf } from '../listClient';
import type { RecognitionContext } from './context';

type Preferences = ListClient<typeof LISTS.preferences>;

/** A person's stored preference item. */
export interface StoredPreference {
  readonly id: number;
  readonly hideFromPublicWall: boolean;
}

/** Queues the read of `loginName`'s preference on the list's root; undefined when none is stored. */
export async function readPreference(list: Preferences, loginName: string): Promise<StoredPreference | undefined> {
  const [row] = await list.read({ select: ['id', 'hideFromPublicWall'], filter: list.eq('personKey', personKey(loginName)), top: 1 });
  return row ? { id: row.number('id') ?? 0, hideFromPublicWall: row.flag('hideFromPublicWall') } : undefined;
}

/** Queues the read of everyone who keeps recognitions of themselves off the public wall (an indexed filter). */
export async function readOptedOut(list: Preferences): Promise<Set<number>> {
  const rows = await list.read({ select: [], ids: ['person'], filter: list.eq('hideFromPublicWall', true), top: 5000 });
  return new Set(rows.map((row) => row.personId('person') ?? 0));
}

export class SharePointPreferences implements PreferenceStore {
  private readonly list: Preferences;

  public constructor(private readonly context: RecognitionContext) {
    this.list = listOf(context.sp, LISTS.preferences);
  }

  /** The signed-in person's stored preference, read with this turn's other reads. */
  private async mine(): Promise<StoredPreference | undefined> {
    const { loginName } = await this.context.currentUser();
    return readPreference(this.list.on(this.context.reads()), loginName);
  }

  public hideFromPublicWall(): Promise<boolean> {
    return storeCall('Reading your preference', async () => (await this.mine())?.hideFromPublicWall === true);
  }

  public setHideFromPublicWall(hidden: boolean): Promise<void> {
    return storeCall('Saving your preference', async () => {
      const { id, loginName } = await this.context.currentUser();
      const existing = await this.mine();
      if (existing) {
        await this.list.update(existing.id, this.list.payload({ hideFromPublicWall: hidden }));
      } else {
        const key = personKey(loginName);
        await this.list.add(this.list.payload({ title: key, personKey: key, hideFromPublicWall: hidden }, { person: id }));
      }
    });
  }
}
