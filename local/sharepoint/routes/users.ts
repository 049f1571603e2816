/** The site's users: the caller, all users, one by id, and `ensureuser` by login name. */
import { type LocalResponse, readJsonBody } from '../../server/types';
import { errors } from '../errors';
import { collection, entity, pickSelected, userJson } from '../format';
import { SYSTEM_ACCOUNT_ID } from '../sqliteStore';
import type { SiteCall } from './scope';

export function currentUser({ request }: SiteCall): LocalResponse {
  return entity(request, pickSelected(request, userJson(request.user, request.user.spUserId)));
}

export function siteUsers({ request, scope }: SiteCall): LocalResponse {
  const users = scope.context.directory.all().map((p) => pickSelected(request, userJson(p, p.spUserId)));
  return collection(request, scope.siteUrl(request), users);
}

/** `web/siteusers/getById(n)` and `web/getUserById(n)`; the system account is a user too. */
export function siteUserById({ request, params, scope }: SiteCall): LocalResponse {
  const id = Number(params[0]);
  const person = scope.context.directory.bySpUserId(id);
  if (!person && id !== SYSTEM_ACCOUNT_ID) {
    throw errors.userNotFound(String(id));
  }
  return entity(request, pickSelected(request, userJson(person, id)));
}

export function ensureUser({ request, scope }: SiteCall): LocalResponse {
  const body = readJsonBody(request);
  const login = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).logonName : undefined;
  const person = typeof login === 'string' ? scope.context.directory.byLogin(login) : undefined;
  if (!person) {
    throw errors.userNotFound(String(login));
  }
  return entity(request, userJson(person, person.spUserId));
}
