/**
 * The site's lists: all of them, one by title or id (the scope of its own routes), its
 * properties (ReadSecurity, WriteSecurity, Description: Manage Lists only) and its fields.
 */
import type { LocalResponse } from '../../server/types';
import { errors } from '../errors';
import { collection, entity, fieldJson, listJson, pickSelected } from '../format';
import { requireManageLists } from '../permissions';
import type { ListCall, ListScope, SiteCall } from './scope';
import { readObjectBody } from './scope';

export function allLists({ request, scope }: SiteCall): LocalResponse {
  const lists = scope.store.lists().map((info) => listJson(request, info, scope.context.siteUrlPath));
  return collection(request, scope.siteUrl(request), lists);
}

/** `web/lists/getByTitle('…')`: the title with SharePoint's doubled apostrophes undone. */
export function listByTitle({ request, params, scope }: SiteCall): ListScope {
  const title = (params[0] ?? '').replace(/''/g, "'");
  const list = scope.store.list(title);
  if (!list) {
    throw errors.listNotFound(title, scope.siteUrl(request));
  }
  return { site: scope, list };
}

/** `web/lists(guid'…')`. */
export function listById({ params, scope }: SiteCall): ListScope {
  const id = params[0] ?? '';
  const list = scope.store.listById(id);
  if (!list) {
    throw errors.listNotFound(id);
  }
  return { site: scope, list };
}

export function getList({ request, scope }: ListCall): LocalResponse {
  return entity(request, listJson(request, scope.list, scope.site.context.siteUrlPath));
}

const CHANGEABLE = new Set(['ReadSecurity', 'WriteSecurity', 'Description', '__metadata']);

function securityValue(value: unknown, valid: number[], name: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !valid.includes(value)) {
    throw errors.invalidValue(name, `must be one of ${valid.join(', ')}.`);
  }
  return value;
}

/** MERGE/PATCH of the list's item security and description. */
export function updateList({ request, scope }: ListCall): LocalResponse {
  requireManageLists(request.user);
  const update = readObjectBody(request, 'list properties');
  for (const key of Object.keys(update)) {
    if (!CHANGEABLE.has(key)) {
      throw errors.notSupported(`Changing the list property ${key}`);
    }
  }
  scope.site.store.updateList(scope.list.title, {
    readSecurity: securityValue(update.ReadSecurity, [1, 2], 'ReadSecurity'),
    writeSecurity: securityValue(update.WriteSecurity, [1, 2, 4], 'WriteSecurity'),
    description: typeof update.Description === 'string' ? update.Description : undefined
  });
  return { status: 204 };
}

export function getFields({ request, scope }: ListCall): LocalResponse {
  const fields = scope.list.fields.map((f) => pickSelected(request, fieldJson(f)));
  return collection(request, scope.site.siteUrl(request), fields);
}

/** `fields/getByInternalNameOrTitle('…')`. */
export function getField({ request, params, scope }: ListCall): LocalResponse {
  const name = (params[0] ?? '').replace(/''/g, "'");
  const field = scope.list.fields.map(fieldJson).find((f) => f.InternalName === name || f.Title === name);
  if (!field) {
    throw errors.fieldNotFound(name);
  }
  return entity(request, pickSelected(request, field));
}
