/**
 * SharePoint claims logins: how a person signed in with Entra ID, and an app-only principal
 * (such as the relay), appear as site users.
 */

/** Claims login of an app-only principal: `i:0i.t|ms.sp.ext|{client id}@{tenant id}`. */
const APP_LOGIN_PREFIX = 'i:0i.t|ms.sp.ext|';

/** The claims login of a person signed in with Entra ID, from their UPN. */
export function memberLogin(userPrincipalName: string): string {
  return `i:0#.f|membership|${userPrincipalName}`;
}

/** Whether a site user is an app-only principal rather than a person. */
export function isAppLogin(loginName: string): boolean {
  return loginName.toLowerCase().startsWith(APP_LOGIN_PREFIX);
}
