/**
 * Which pulse items the relay wrote: those whose author is the relay's OWN app identity, the site
 * user SharePoint shows for its app-only token (`i:0i.t|ms.sp.ext|<its client id>@<tenant id>`).
 * Not any app-only principal: a tenant has others (backup and migration tools, connectors granted
 * Sites.FullControl.All), and each appears on the site with an app login of the same shape. One of
 * them writing a `counted` participation record would refuse a person's answer; a box of its
 * would count answers nobody gave.
 *
 * The login is asked of SharePoint (`web/currentUser` with the relay's token) once per client,
 * so it follows whichever identity the relay runs as (system- or user-assigned managed identity)
 * without a setting that could disagree with it.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import { isAppLogin } from '../../../src/core/people/claims';

const logins = new WeakMap<SPFI, Promise<string>>();

/** The relay's own claims login on the site (lower case); a failed read is asked again next time. */
export function relayLogin(sp: SPFI): Promise<string> {
  let login = logins.get(sp);
  if (!login) {
    login = sp.web.currentUser.select('LoginName')<{ LoginName?: string }>().then((user) => {
      const name = (user.LoginName ?? '').toLowerCase();
      if (!isAppLogin(name)) {
        // Never trust items by a person's login: the relay must run with an app-only token.
        throw new Error(`The relay is signed in to SharePoint as ${name || 'nobody'}, not as an app; it trusts no pulse item.`);
      }
      return name;
    });
    login.catch(() => logins.delete(sp));
    logins.set(sp, login);
  }
  return login;
}

/** A test of "written by the relay" for rows with `Author/Name` expanded. */
export async function writtenByRelay(sp: SPFI): Promise<(row: Readonly<Record<string, unknown>>) => boolean> {
  const own = await relayLogin(sp);
  return (row) => String((row.Author as { Name?: unknown } | undefined)?.Name ?? '').toLowerCase() === own;
}
