/**
 * What the signed-in person may do in HR's admin part, from SharePoint's effective permissions
 * (`GET _api/web/EffectiveBasePermissions`), read on this turn's `$batch` with the values.
 *
 * The product's lists inherit the site's permissions (Engage Setup sets each list's item-level
 * read and write rules, never permissions of a list of its own), so the site's mask is the
 * lists'. Item-level write rules are not in a mask: SE_Values is writable by nobody but those
 * SharePoint exempts from them, Override List Behaviors (`SPBasePermissions.CancelCheckout`; site
 * owners and the HR group at Design), and SE_Reports is read as own items only by everyone else,
 * so a moderation queue needs the same right.
 *
 * Without `@pnp/sp/security`: every recognition part carries these adapters, and three bits of
 * the mask's low half are all this needs.
 */
import { type SPFI, SPQueryable } from '@pnp/sp';
import '@pnp/sp/webs';

import type { AdminRights } from '../../../core/recognition/ports';

/** SP.BasePermissions as SharePoint sends it: the 64-bit mask's halves (strings or numbers). */
interface BasePermissions {
  readonly High?: string | number;
  readonly Low?: string | number;
}

/** `SPBasePermissions` kinds (PnPjs `PermissionKind`), all in the mask's low half. */
const ADD_LIST_ITEMS = 2;
const EDIT_LIST_ITEMS = 3;
const CANCEL_CHECKOUT = 9;

/** Whether the low half of `mask` holds the permission `kind` (as PnPjs's `hasPermissions`). */
export function holds(mask: BasePermissions, kind: number): boolean {
  const low = Number(mask.Low ?? 0);
  // eslint-disable-next-line no-bitwise
  return ((low >>> (kind - 1)) & 1) === 1;
}

export async function readAdminRights(root: SPFI): Promise<AdminRights> {
  const mask = await SPQueryable(root.web, 'EffectiveBasePermissions')<BasePermissions>();
  const exempt = holds(mask, CANCEL_CHECKOUT);
  return {
    values: exempt && holds(mask, ADD_LIST_ITEMS) && holds(mask, EDIT_LIST_ITEMS),
    moderation: exempt && holds(mask, EDIT_LIST_ITEMS)
  };
}
