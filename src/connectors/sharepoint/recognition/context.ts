/**
 * What the recognition adapters share: the PnPjs root, the root of this turn's reads (one
 * `$batch`, see `tickBatcher`), the signed-in person as the page knows them, and what is read
 * once per person and page (who they are as a site user, the plant map).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import { EMPTY_PLANT_MAP } from '../../../core/plant/plantMap';
import type { PlantMap } from '../../../core/plant/types';
import { readOnce } from '../../../core/readOnce';
import { storeCall } from '../httpErrors';
import { tickBatcher } from '../listClient';
import { readPlantMap } from '../plantSettings';

/** The signed-in person as the host page knows them; either part may be unknown. */
export interface StoreUser {
  readonly siteUserId?: number;
  readonly loginName?: string;
}

/** The signed-in person as a site user. */
export interface SignedInUser {
  readonly id: number;
  readonly loginName: string;
}

export interface RecognitionContext {
  readonly sp: SPFI;
  /** The root for reads started in this turn: they share one `$batch`. */
  readonly reads: () => SPFI;
  /** The signed-in person as the page knows them (no request spent asking SharePoint). */
  readonly user?: StoreUser;
  /** The signed-in person's site user id and login name: from the page, else read once. */
  currentUser(): Promise<SignedInUser>;
  /**
   * The plant map (sites, lines, shifts) from the site's settings, read once; empty when none
   * is kept or it cannot be read. Pass a batched root to make the read part of that `$batch`.
   */
  plantMap(sp?: SPFI): Promise<PlantMap>;
}

export function recognitionContext(sp: SPFI, user?: StoreUser): RecognitionContext {
  const reads = tickBatcher(sp);
  const known = user?.siteUserId !== undefined && user.loginName !== undefined ? { id: user.siteUserId, loginName: user.loginName } : undefined;
  const readUser = readOnce(() =>
    storeCall('Reading the signed-in user', async (): Promise<SignedInUser> => {
      const answer: unknown = await reads().web.currentUser.select('Id', 'LoginName')<unknown>();
      const me = (typeof answer === 'object' && answer !== null ? answer : {}) as { Id?: unknown; LoginName?: unknown };
      return { id: typeof me.Id === 'number' ? me.Id : 0, loginName: typeof me.LoginName === 'string' ? me.LoginName : '' };
    })
  );
  // Read again next time when a read fails.
  const readPlant = readOnce((root?: SPFI) => readPlantMap(root ?? reads()));
  return {
    sp,
    reads,
    user,
    currentUser: () => (known ? Promise.resolve(known) : readUser()),
    plantMap: (root) => readPlant(root).catch(() => EMPTY_PLANT_MAP)
  };
}
