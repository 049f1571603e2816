/**
 * Which pulse configuration the relay acts on. SE_Surveys, SE_SurveyRounds and SE_Questions (and
 * the plant map in SE_Settings) steer what the relay does with its own identity: which rounds it
 * opens, offers and takes answers for, and whom it sends Teams reminders to. After Engage Setup
 * only HR, site owners and the relay can write them, but before it ran every member could, and
 * what a member wrote then is still there afterwards. So an item counts only when its last
 * writer (`Editor`) is:
 *
 * - the relay itself (its own app login, `ownIdentity.ts`; never another app-only principal);
 * - SharePoint's system account, which wrote the rows the package provisions (the question bank)
 *   and as which no member can write;
 * - a person with Override List Behaviors (SharePoint's `CancelCheckout`) on the item: site owners
 *   (Full Control) and the HR group (Design). Manage Lists is not enough: SharePoint Online's
 *   Members group holds Edit, which has it. The same right decides who configures recognition
 *   (src/connectors/sharepoint/recognition/adminRights.ts) and whom Engage Setup's item rules do
 *   not bind (src/core/setup/listSecurity.ts).
 *
 * Anything else is skipped and logged with why. A member's item from before setup is then never
 * used; HR re-saving it (the Editor becomes HR) makes it count.
 *
 * The right is asked per distinct editor with `getUserEffectivePermissions` on one of the items
 * they last wrote: these lists and their items inherit the site's permissions (Engage Setup sets
 * item-level read and write rules, never permissions of their own), so that is the site's answer
 * for the person. It is kept for a minute per relay instance, so a page of rows costs one request
 * per editor, and a person whose rights change is judged anew soon after.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import { PermissionKind } from '@pnp/sp/security';
import '@pnp/sp/security/item';
import '@pnp/sp/webs';

import { isAppLogin } from '../../../src/core/people/claims';
import { relayLogin } from './ownIdentity';

/** What to `$select` with the items (and `$expand` `EDITOR`), in the same request. */
export const EDITOR_COLUMNS: readonly string[] = ['Editor/Name'];
export const EDITOR = 'Editor';

/** How long a person's right is kept. */
export const TRUST_FOR_MS = 60_000;

/** SharePoint's system account (author of the rows a package provisions). */
const SYSTEM_ACCOUNT = 'sharepoint\\system';

type Row = Readonly<Record<string, unknown>>;

interface Decision {
  readonly rights: Promise<boolean>;
  readonly until: number;
}

const decisions = new WeakMap<SPFI, Map<string, Decision>>();

/** The row's last writer's claims login (lower case), from `Editor/Name`; empty when not read. */
export function editorOf(row: Row): string {
  return String((row.Editor as { Name?: unknown } | undefined)?.Name ?? '').toLowerCase();
}

/** Whether `mask` (SP.BasePermissions) holds Override List Behaviors (`CancelCheckout`, in the low half). */
function overridesListBehaviors(mask: { Low?: unknown } | undefined): boolean {
  const low = Number(mask?.Low ?? 0);
  // Arithmetic, not `&`: the low half goes beyond a signed 32-bit integer.
  return Math.floor(low / 2 ** (PermissionKind.CancelCheckout - 1)) % 2 === 1;
}

/** The person's right, asked on `itemId` of `list` unless kept; a failed read is not kept. */
function mayConfigure(sp: SPFI, list: string, itemId: number, login: string): Promise<boolean> {
  let kept = decisions.get(sp);
  if (!kept) {
    kept = new Map();
    decisions.set(sp, kept);
  }
  const now = Date.now();
  const known = kept.get(login);
  if (known && now < known.until) {
    return known.rights;
  }
  const rights = sp.web.lists
    .getByTitle(list)
    .items.getById(itemId)
    .getUserEffectivePermissions(login.replace(/'/g, "''"))
    .then((mask) => overridesListBehaviors(mask));
  const map = kept;
  rights.catch(() => map.delete(login));
  map.set(login, { rights, until: now + TRUST_FOR_MS });
  return rights;
}

/** Why the item written last by `login` is not used; undefined when it is. */
async function distrust(sp: SPFI, list: string, itemId: number, login: string, own: string): Promise<string | undefined> {
  if (login === own || login === SYSTEM_ACCOUNT) {
    return undefined;
  }
  if (login === '') {
    return 'its last writer is not known';
  }
  if (isAppLogin(login)) {
    return `it was last written by another app (${login}), not by this relay`;
  }
  return (await mayConfigure(sp, list, itemId, login)) ? undefined : `it was last written by ${login}, who may not configure the site's lists (no Override List Behaviors)`;
}

/**
 * The rows of `list` the relay may act on, in their order (rows read with `EDITOR_COLUMNS` and `ID`).
 * Every other row is logged with why. A failed rights read fails the call: nothing is trusted by
 * default.
 */
export async function trustedRows<T extends Row>(sp: SPFI, list: string, rows: readonly T[], log: (line: string) => void): Promise<T[]> {
  if (rows.length === 0) {
    return [];
  }
  const own = await relayLogin(sp);
  const firstOf = new Map<string, number>();
  for (const row of rows) {
    const login = editorOf(row);
    if (!firstOf.has(login)) {
      firstOf.set(login, Number(row.ID));
    }
  }
  const verdicts = new Map(await Promise.all([...firstOf].map(async ([login, itemId]) => [login, await distrust(sp, list, itemId, login, own)] as const)));
  return rows.filter((row) => {
    const why = verdicts.get(editorOf(row));
    if (why !== undefined) {
      // No capability's prefix: the pulse's and learning's lists both come here, and the list says which.
      log(`${list} item ${String(row.ID)} is not used: ${why}. HR can save it again to use it.`);
    }
    return why === undefined;
  });
}
