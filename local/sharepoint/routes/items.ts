/**
 * A list's items: query (`$filter`, `$orderby`, `$top`, paging) and add; read, change and
 * delete one; and what a person may do with one (`EffectiveBasePermissions`,
 * `getUserEffectivePermissions`). Who may see and change which item (ReadSecurity,
 * WriteSecurity, the item's own permissions) is permissions.ts's; an item's role assignments
 * are security.ts's.
 */
import type { LocalResponse } from '../../server/types';
import { errors } from '../errors';
import { basePermissionsJson, collection, contentTypeOf, entity, functionResult, itemJson, itemTypeName } from '../format';
import { isLenient } from '../leniency';
import { parseOrderBy } from '../odata';
import { canManageLists, itemPermissionMask, itemQueryScope, itemRights, mayRead, requireWrite } from '../permissions';
import type { StoredItem } from '../store';
import { RIGHT } from '../../tenant/permissionLevels';
import type { ListCall } from './scope';
import { readObjectBody } from './scope';

function itemBody(call: ListCall, item: StoredItem): Record<string, unknown> {
  const { request, scope } = call;
  const directory = scope.site.context.directory;
  return itemJson(request, scope.site.siteUrl(request), scope.list, item, (id) => directory.bySpUserId(id), {
    HasUniqueRoleAssignments: () => item.uniqueRoles !== undefined,
    EffectiveBasePermissions: () => basePermissionsJson(request, itemRights(request.user, item, scope.site.principals))
  });
}

/**
 * The item the path names (`items(n)` or `items/getById(n)`), if the caller may read it: an item
 * they may not view answers as one that does not exist, which does not tell them it does.
 */
export function requireItem({ request, params, scope }: ListCall): StoredItem {
  const item = scope.site.store.item(scope.list.title, Number(params[0] ?? params[1]));
  if (!item || !mayRead(request.user, scope.list, item, scope.site.principals)) {
    throw errors.itemNotFound();
  }
  return item;
}

export function queryItems(call: ListCall): LocalResponse {
  const { request, scope } = call;
  const { store } = scope.site;
  const topText = request.query.get('$top');
  const top = topText === null ? undefined : Number(topText);
  if (top !== undefined && (!Number.isInteger(top) || top < 0)) {
    throw errors.badQuery(`The $top value "${topText}" is not valid.`);
  }
  const page = store.queryItems(scope.list.title, {
    filter: request.query.get('$filter'),
    orderBy: parseOrderBy(request.query.get('$orderby') ?? '', store.resolver(scope.list.title)),
    top,
    skipToken: request.query.get('$skiptoken'),
    ...itemQueryScope(request.user, scope.list, scope.site.principals)
  });
  let next: string | undefined;
  if (page.nextSkipToken) {
    const params = new URLSearchParams(request.query);
    params.set('$skiptoken', page.nextSkipToken);
    next = `${request.origin}${request.path}?${params.toString()}`;
  }
  return collection(request, scope.site.siteUrl(request), page.items.map((item) => itemBody(call, item)), next);
}

/**
 * The type a create or update body names must be the list's item type: `__metadata.type` in a
 * verbose body, `odata.type` in a JSON light one. `__metadata` in a JSON light body is an
 * unknown property, as SharePoint answers.
 */
function checkBodyType(call: ListCall, values: Readonly<Record<string, unknown>>): void {
  if (isLenient('body-type')) {
    return;
  }
  const { request, scope } = call;
  const expected = itemTypeName(scope.list.title);
  const verbose = (request.headers['content-type'] ?? '').includes('odata=verbose');
  const metadata = values.__metadata;
  if (metadata !== undefined) {
    if (!verbose) {
      throw errors.badField('__metadata', scope.list.title);
    }
    const type = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>).type : undefined;
    if (typeof type === 'string' && type !== expected) {
      throw errors.unresolvedType(type);
    }
  }
  const lightType = values['odata.type'] ?? values['@odata.type'];
  if (typeof lightType === 'string' && lightType.replace(/^#/, '') !== expected) {
    throw errors.unresolvedType(lightType);
  }
}

export function addItem(call: ListCall): LocalResponse {
  const { request, scope } = call;
  requireWrite(request.user, scope.list, undefined, scope.site.principals);
  const values = readObjectBody(request, 'field values');
  checkBodyType(call, values);
  const id = scope.site.store.addItem(scope.list.title, values, { authorId: request.user.spUserId });
  const created = scope.site.store.item(scope.list.title, id) as StoredItem;
  return entity(request, itemBody(call, created), 201, { etag: `"${created.version}"` });
}

export function itemsMethodUnsupported({ method }: ListCall): never {
  throw errors.badQuery(`${method} is not supported on items.`);
}

export function getItem(call: ListCall): LocalResponse {
  const item = requireItem(call);
  return entity(call.request, itemBody(call, item), 200, { etag: `"${item.version}"` });
}

/** MERGE, PATCH or PUT, with `IF-MATCH`. */
export function updateItem(call: ListCall): LocalResponse {
  const { request, scope } = call;
  const item = requireItem(call);
  requireWrite(request.user, scope.list, item, scope.site.principals);
  const values = readObjectBody(request, 'field values');
  checkBodyType(call, values);
  const updated = scope.site.store.updateItem(scope.list.title, item.id, values, {
    editorId: request.user.spUserId,
    ifMatch: request.headers['if-match']
  });
  return { status: 204, headers: { etag: `"${updated.version}"` } };
}

export function deleteItem(call: ListCall): LocalResponse {
  const { request, scope } = call;
  const item = requireItem(call);
  requireWrite(request.user, scope.list, item, scope.site.principals, RIGHT.deleteListItems);
  scope.site.store.deleteItem(scope.list.title, item.id, request.headers['if-match']);
  return { status: 200, headers: { 'content-type': contentTypeOf(request) }, body: '' };
}

export function itemMethodUnsupported(call: ListCall): never {
  requireItem(call);
  throw errors.badQuery(`${call.method} is not supported on an item.`);
}

/** `items(n)/EffectiveBasePermissions`: what the caller may do with the item. */
export function effectiveItemPermissions(call: ListCall): LocalResponse {
  const item = requireItem(call);
  return functionResult(call.request, 'EffectiveBasePermissions', itemRights(call.request.user, item, call.scope.site.principals), 'SP.BasePermissions');
}

/**
 * `items(n)/getUserEffectivePermissions(@user)` (PnPjs; any parameter alias, or the login
 * inline): what another person may do with the item. Asking needs Manage Lists-level rights
 * (site owners, HR, the relay); someone who is not a user of the site may do nothing.
 */
export function userEffectivePermissions(call: ListCall): LocalResponse {
  const { request, params, scope } = call;
  const item = requireItem(call);
  if (!canManageLists(request.user)) {
    throw errors.accessDenied();
  }
  const alias = params[2];
  const quoted = alias === undefined ? `'${params[3] ?? ''}'` : request.query.get(`@${alias}`) ?? '';
  const login = /^'(.*)'$/.exec(quoted)?.[1]?.replace(/''/g, "'") ?? '';
  const person = scope.site.context.directory.byLogin(login);
  return functionResult(request, 'GetUserEffectivePermissions', itemPermissionMask(person, scope.list, item, scope.site.principals), 'SP.BasePermissions');
}

/** Any method but GET on `getUserEffectivePermissions`: denied, once the item is known to exist. */
export function userEffectivePermissionsDenied(call: ListCall): never {
  requireItem(call);
  throw errors.accessDenied();
}
