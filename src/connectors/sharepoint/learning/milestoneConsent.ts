/**
 * The person's choice to share their finished learning paths on the recognition wall:
 * `ShareLearningSince` on their own SE_Preferences row (docs/learning.md, "A finished path on the
 * wall"). On: the moment they allowed it (a path finished before it is never posted); off: empty.
 * The relay reads it only from a row whose Author is the person (or the relay), so the row is
 * written as the person, with `writeOwnRow` as the wall preference is; a row someone else wrote
 * about them is neither read nor changed.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import { personKey } from '../../../core/models/keys';
import { isAppLogin } from '../../../core/people/claims';
import { writeOwnRow } from '../../../core/recognition/ownRow';
import { LISTS } from '../../../core/schema/lists';
import { isDuplicateError, storeCall } from '../httpErrors';

const PREFS = LISTS.preferences;
const F = PREFS.fields;

type Row = Readonly<Record<string, unknown>>;

export class SharePointMilestoneConsent {
  public constructor(private readonly sp: SPFI) {}

  private async me(): Promise<{ id: number; loginName: string }> {
    const me = await this.sp.web.currentUser.select('Id', 'LoginName')<{ Id?: unknown; LoginName?: unknown }>();
    return { id: typeof me.Id === 'number' ? me.Id : 0, loginName: typeof me.LoginName === 'string' ? me.LoginName : '' };
  }

  private rows(id: number, ownOnly: boolean): Promise<Row[]> {
    const filter = `${F.person}Id eq ${id}${ownOnly ? ` and AuthorId eq ${id}` : ''}`;
    return this.sp.web.lists.getByTitle(PREFS.title).items.select('ID', 'AuthorId', 'Author/Name', F.shareLearningSince).expand('Author').filter(filter).orderBy('ID', true).top(100)<Row[]>();
  }

  /** Whether the person shares their finished paths now (their own row, or the relay's). */
  public allowed(): Promise<boolean> {
    return storeCall('Reading your choice', async () => {
      const { id } = await this.me();
      const own = (await this.rows(id, false)).filter((row) => row.AuthorId === id || isAppLogin(String((row.Author as { Name?: unknown } | undefined)?.Name ?? '')))[0];
      const since = own?.[F.shareLearningSince];
      return typeof since === 'string' && !isNaN(Date.parse(since));
    });
  }

  /** Shares from now on, or stops sharing. */
  public setAllowed(allowed: boolean, now: Date = new Date()): Promise<void> {
    return storeCall('Saving your choice', async () => {
      const { id, loginName } = await this.me();
      const items = this.sp.web.lists.getByTitle(PREFS.title).items;
      const value = allowed ? now.toISOString() : null;
      await writeOwnRow(
        {
          read: async () => (await this.rows(id, true)).map((row) => Number(row.ID)),
          add: async (key) => {
            await items.add({ Title: key, [F.personKey]: key, [`${F.person}Id`]: id, [F.shareLearningSince]: value });
          },
          update: async (itemId) => {
            await items.getById(itemId).update({ [F.shareLearningSince]: value });
          },
          remove: (itemId) => items.getById(itemId).delete(),
          isDuplicate: isDuplicateError
        },
        personKey(loginName),
        'save'
      );
    });
  }
}
