import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/batching';

import type { ListSecurityRule, ListState } from '../../core/setup/listSecurity';
import type { SiteListsGateway } from '../../core/setup/setupService';
import { httpStatusOf } from './httpErrors';
import { toSetupError } from './setupErrors';

/** The list properties the setup reads; `unknown` until checked. */
interface ListInfo {
  Title?: unknown;
  ItemCount?: unknown;
  ReadSecurity?: unknown;
  WriteSecurity?: unknown;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/**
 * Queues the read of each list (title, item count, read and create/edit access) on a batched
 * PnPjs root; a missing list reads as `exists: false`. The caller runs the batch.
 */
export function readListStates(batchedSP: SPFI, titles: readonly string[]): Array<Promise<ListState>> {
  return titles.map((title) =>
    batchedSP.web.lists
      .getByTitle(title)
      .select('Title', 'ItemCount', 'ReadSecurity', 'WriteSecurity')<ListInfo>()
      .then(
        (info): ListState => ({
          title,
          exists: true,
          itemCount: numberOrUndefined(info.ItemCount),
          readSecurity: numberOrUndefined(info.ReadSecurity),
          writeSecurity: numberOrUndefined(info.WriteSecurity)
        }),
        (error: unknown): ListState => {
          if (httpStatusOf(error) === 404) {
            return { title, exists: false };
          }
          throw toSetupError(error, `Reading list ${title}`);
        }
      )
  );
}

/** Reads and secures the product's lists through PnPjs: one `$batch` for all reads. */
export class PnPSiteListsGateway implements SiteListsGateway {
  public constructor(private readonly sp: SPFI) {}

  public async readLists(titles: readonly string[]): Promise<ListState[]> {
    const [batchedSP, execute] = this.sp.batched();
    const reads = readListStates(batchedSP, titles);
    try {
      await execute();
    } catch (error) {
      reads.forEach((read) => read.catch(() => undefined));
      throw toSetupError(error, 'Reading the lists');
    }
    return Promise.all(reads);
  }

  public async applySecurity(
    title: string,
    rule: Pick<ListSecurityRule, 'read' | 'write'>
  ): Promise<void> {
    try {
      await this.sp.web.lists
        .getByTitle(title)
        .update({ ReadSecurity: rule.read, WriteSecurity: rule.write });
    } catch (error) {
      throw toSetupError(error, `Securing list ${title}`);
    }
  }
}
