/**
 * What the Engage Setup part reads when it opens, in one SharePoint `$batch`: each product list
 * (title, item count, read and create/edit access) and the signed-in person's effective
 * permissions on the web (`GET _api/web/EffectiveBasePermissions`, read once), from which come
 * Manage Lists (SharePoint refuses list changes to anyone without it, so the part offers "Apply
 * access settings" only to those who have it) and Override List Behaviors
 * (`PermissionKind.CancelCheckout`: without it, lists set to own items only show a person only
 * their own items, which HR's moderation queue cannot work with).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/batching';
import { PermissionKind } from '@pnp/sp/security';

import { settledBatch } from './requestPolicy';
import { toSetupError } from './setupErrors';
import { tickBatcher } from './listClient';
import { readListStates } from './PnPSiteListsGateway';
import { checkLists } from '../../core/setup/listSecurity';
import type { SetupOverview } from '../../core/setup/setupService';

type Rights = Pick<SetupOverview, 'canManageLists' | 'canOverrideListBehaviors'>;

export class SetupReader {
  public constructor(
    private readonly sp: SPFI,
    private readonly listTitles: readonly string[]
  ) {}

  public async read(): Promise<SetupOverview> {
    const [batchedSP, execute] = settledBatch(this.sp);
    // The rights first: a missing list is a 404 part, and SharePoint refuses every later part
    // of the batch; the lists refused that way are read again together (`readListStates`).
    const rights = batchedSP.web.getCurrentUserEffectivePermissions().then(
      (mask): Rights => ({
        canManageLists: batchedSP.web.hasPermissions(mask, PermissionKind.ManageLists),
        canOverrideListBehaviors: batchedSP.web.hasPermissions(mask, PermissionKind.CancelCheckout)
      }),
      (): Rights => ({ canManageLists: undefined, canOverrideListBehaviors: undefined })
    );
    const reads = readListStates(batchedSP, this.listTitles, tickBatcher(this.sp));
    try {
      await execute();
    } catch (error) {
      // The reads settle with the batch: nothing is left to reject unobserved.
      reads.forEach((read) => read.catch(() => undefined));
      throw toSetupError(error, 'Reading the lists');
    }
    const [lists, known] = await Promise.all([Promise.all(reads), rights]);
    return { checks: checkLists(lists), ...known };
  }
}
