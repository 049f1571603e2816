/**
 * The site's users: the caller, all users, one by id, and `ensureuser` by login name. A
 * Microsoft 365 group claim (`c:0o.c|federateddirectoryclaimprovider|<groupId>`) is ensured as a
 * principal of its own (PrincipalType 4), listed among the site users as SharePoint lists it.
 */
import { type LocalResponse, readJsonBody } from '../../server/types';
import { errors } from '../errors';
import { claimPrincipalJson, collection, entity, pickSelected, userJson } from '../format';
import { SYSTEM_ACCOUNT_ID } from '../sqliteStore';
import type { SiteCall } from './scope';

export function currentUser({ request }: SiteCall): LocalResponse {
  return entity(request, pickSelected(request, userJson(request.user, request.user.spUserId)));
}

export function siteUsers({ request, scope }: SiteCall): LocalResponse {
  const users = scope.context.directory.all().map((p) => pickSelected(request, userJson(p, p.spUserId)));
  const claims = scope.principals.claims().map((claim) => pickSelected(request, claimPrincipalJson(claim)));
  return collection(request, scope.siteUrl(request), [...users, ...claims]);
}

/** `web/siteusers/getById(n)` and `web/getUserById(n)`; the system account is a user too. */
export function siteUserById({ request, params, scope }: SiteCall): LocalResponse {
  const id = Number(params[0]);
  const person = scope.context.directory.bySpUserId(id);
  if (!person && id !== SYSTEM_ACCOUNT_ID) {
    const principal = scope.principals.byId(id);
    if (principal?.kind === 'claim') {
      return entity(request, pickSelected(request, claimPrincipalJson(principal.claim)));
    }
    throw errors.userNotFound(String(id));
  }
  return entity(request, pickSelected(request, userJson(person, id)));
}

/**
 * `POST web/ensureuser` with `{"logonName": …}`: a person by login name, UPN or mail, or a
 * Microsoft 365 group of the tenant by its claim; anything else is SharePoint's "could not be found".
 */
export function ensureUser({ request, scope }: SiteCall): LocalResponse {
  const body = readJsonBody(request);
  const login = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).logonName : undefined;
  const person = typeof login === 'string' ? scope.context.directory.byLogin(login) : undefined;
  if (person) {
    return entity(request, userJson(person, person.spUserId));
  }
  const claim = typeof login === 'string' ? scope.principals.ensureClaim(login) : undefined;
  if (!claim) {
    throw errors.userNotFound(String(login));
  }
  return entity(request, claimPrincipalJson(claim));
}
