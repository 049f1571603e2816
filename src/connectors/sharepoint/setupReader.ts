/**
 * What the Engage Setup part reads when it opens, in one SharePoint `$batch`: each product list
 * (title, item count, read and create/edit access) and whether the signed-in person may manage
 * the site's lists (Manage Lists in their effective permissions on the web:
 * `GET _api/web/EffectiveBasePermissions`). SharePoint refuses list changes to anyone else, so
 * the part offers "Apply access settings" only to those who have it.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/batching';
import { PermissionKind } from '@pnp/sp/security';

import { toSetupError } from './setupErrors';
import { readListStates } from './PnPSiteListsGateway';
import { checkLists } from '../../core/setup/listSecurity';
import type { SetupOverview } from '../../core/setup/setupService';

export class SetupReader {
  public constructor(
    private readonly sp: SPFI,
    private readonly listTitles: readonly string[]
  ) {}

  public async read(): Promise<SetupOverview> {
    const [batchedSP, execute] = this.sp.batched();
    const reads = readListStates(batchedSP, this.listTitles);
    const canManageLists = batchedSP.web.currentUserHasPermissions(PermissionKind.ManageLists).then(
      (has): boolean | undefined => has,
      (): boolean | undefined => undefined
    );
    try {
      await execute();
    } catch (error) {
      // The reads settle with the batch: nothing is left to reject unobserved.
      reads.forEach((read) => read.catch(() => undefined));
      throw toSetupError(error, 'Reading the lists');
    }
    const [lists, permission] = await Promise.all([Promise.all(reads), canManageLists]);
    return { checks: checkLists(lists), canManageLists: permission };
  }
}
