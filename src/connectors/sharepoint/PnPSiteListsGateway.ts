import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/batching';

import type { ListSecurityRule, ListState } from '../../core/setup/listSecurity';
import type { SiteListsGateway } from '../../core/setup/setupService';
import { failedForAnEarlierPart, httpStatusOf } from './httpErrors';
import { tickBatcher } from './listClient';
import { settledBatch } from './requestPolicy';
import { toSetupError } from './setupErrors';

/** The list properties the setup reads; `unknown` until checked. */
interface ListInfo {
  Title?: unknown;
  ItemCount?: unknown;
  ReadSecurity?: unknown;
  WriteSecurity?: unknown;
  EnableVersioning?: unknown;
  NoCrawl?: unknown;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** How many times one list is read again after SharePoint refused it for an earlier failed part. */
const MAX_BATCH_RETRIES = 50;

async function readListState(root: SPFI, title: string, again: (() => SPFI) | undefined, attempt: number): Promise<ListState> {
  try {
    const info = await root.web.lists.getByTitle(title).select('Title', 'ItemCount', 'ReadSecurity', 'WriteSecurity', 'EnableVersioning', 'NoCrawl')<ListInfo>();
    return {
      title,
      exists: true,
      itemCount: numberOrUndefined(info.ItemCount),
      readSecurity: numberOrUndefined(info.ReadSecurity),
      writeSecurity: numberOrUndefined(info.WriteSecurity),
      enableVersioning: typeof info.EnableVersioning === 'boolean' ? info.EnableVersioning : undefined,
      noCrawl: typeof info.NoCrawl === 'boolean' ? info.NoCrawl : undefined
    };
  } catch (error) {
    if (httpStatusOf(error) === 404) {
      return { title, exists: false };
    }
    if (again && failedForAnEarlierPart(error) && attempt < MAX_BATCH_RETRIES) {
      return readListState(again(), title, again, attempt + 1);
    }
    throw toSetupError(error, `Reading list ${title}`);
  }
}

/**
 * Queues the read of each list (title, item count, read and create/edit access) on a batched
 * PnPjs root; a missing list reads as `exists: false`. The caller runs the batch. A missing
 * list is a 404 part, and SharePoint then refuses every later part of the batch (500, not
 * run): those lists are read again through `again` (pass `tickBatcher(sp)`: they share one
 * more `$batch`), until each has its own answer.
 */
export function readListStates(batchedSP: SPFI, titles: readonly string[], again?: () => SPFI): Array<Promise<ListState>> {
  return titles.map((title) => readListState(batchedSP, title, again, 0));
}

/**
 * Reads and secures the product's lists through PnPjs: one `$batch` for all reads (one more for
 * the lists SharePoint refused after a missing one).
 */
export class PnPSiteListsGateway implements SiteListsGateway {
  public constructor(private readonly sp: SPFI) {}

  public async readLists(titles: readonly string[]): Promise<ListState[]> {
    const [batchedSP, execute] = settledBatch(this.sp);
    const reads = readListStates(batchedSP, titles, tickBatcher(this.sp));
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
    rule: Pick<ListSecurityRule, 'read' | 'write' | 'notUnique' | 'versioning' | 'noCrawl'>
  ): Promise<void> {
    try {
      const list = this.sp.web.lists.getByTitle(title);
      // A site installed from an older package has these key columns unique, and SharePoint
      // refuses "own items only" on such a list. Turning it off twice changes nothing.
      for (const column of rule.notUnique ?? []) {
        await list.fields.getByInternalNameOrTitle(column).update({ EnforceUniqueValues: false }, 'SP.FieldText');
      }
      // Pulse answers and participation keep no versions (an older one would keep a token or a
      // box), and search keeps out of the lists only the relay reads.
      await list.update({
        ReadSecurity: rule.read,
        WriteSecurity: rule.write,
        ...(rule.versioning === false ? { EnableVersioning: false } : {}),
        ...(rule.noCrawl === true ? { NoCrawl: true } : {})
      });
    } catch (error) {
      throw toSetupError(error, `Securing list ${title}`);
    }
  }
}
