/**
 * The site's lists: all of them, one by title or id (the scope of its own routes), its
 * properties (ReadSecurity, WriteSecurity, Description: Manage Lists only) and its fields.
 */
import type { LocalResponse } from '../../server/types';
import { errors } from '../errors';
import { collection, entity, fieldJson, listJson, pickSelected } from '../format';
import { isLenient } from '../leniency';
import { requireManageLists } from '../permissions';
import type { ListInfo } from '../store';
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

const CHANGEABLE = new Set(['ReadSecurity', 'WriteSecurity', 'Description', 'EnableVersioning', 'NoCrawl', '__metadata']);

function securityValue(value: unknown, valid: number[], name: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !valid.includes(value)) {
    throw errors.invalidValue(name, `must be one of ${valid.join(', ')}.`);
  }
  return value;
}

/** MERGE/PATCH of the list's item security, description, `NoCrawl` and (off only) versioning. */
export function updateList({ request, scope }: ListCall): LocalResponse {
  requireManageLists(request.user);
  const update = readObjectBody(request, 'list properties');
  for (const key of Object.keys(update)) {
    if (!CHANGEABLE.has(key)) {
      throw errors.notSupported(`Changing the list property ${key}`);
    }
  }
  // The local tenant keeps no item versions: turning them off is taken (nothing to do), on is not emulated.
  if (update.EnableVersioning !== undefined && update.EnableVersioning !== false) {
    throw errors.notSupported('Keeping item versions');
  }
  const readSecurity = securityValue(update.ReadSecurity, [1, 2], 'ReadSecurity');
  if (readSecurity === 2 && hasUniqueColumn(scope.list) && !isLenient('unique-with-item-security')) {
    throw errors.uniqueWithItemSecurity('Read access to own items only');
  }
  if (update.NoCrawl !== undefined && typeof update.NoCrawl !== 'boolean') {
    throw errors.invalidValue('NoCrawl', 'must be true or false.');
  }
  scope.site.store.updateList(scope.list.title, {
    readSecurity,
    writeSecurity: securityValue(update.WriteSecurity, [1, 2, 4], 'WriteSecurity'),
    description: typeof update.Description === 'string' ? update.Description : undefined,
    noCrawl: typeof update.NoCrawl === 'boolean' ? update.NoCrawl : undefined
  });
  return { status: 204 };
}

const BUILT_IN = new Set(['Title', 'Created', 'Modified', 'Author', 'Editor']);

/** Whether a column of the list enforces unique values. */
export function hasUniqueColumn(list: ListInfo): boolean {
  return list.fields.some((f) => f.unique);
}

/**
 * MERGE/PATCH of a field: only `EnforceUniqueValues` (the one property the product changes, when
 * it upgrades an older list). A unique column needs an index, which it gets; it cannot be turned
 * on in a list whose readers see only their own items.
 */
export function updateField({ request, params, scope }: ListCall): LocalResponse {
  requireManageLists(request.user);
  const name = (params[0] ?? '').replace(/''/g, "'");
  const field = scope.list.fields.find((f) => f.name === name || f.displayName === name);
  if (!field) {
    throw errors.fieldNotFound(name);
  }
  if (BUILT_IN.has(field.name)) {
    throw errors.notSupported(`Changing the built-in field ${field.name}`);
  }
  const update = readObjectBody(request, 'field properties');
  for (const key of Object.keys(update)) {
    if (key !== 'EnforceUniqueValues' && key !== '__metadata') {
      throw errors.notSupported(`Changing the field property ${key}`);
    }
  }
  const unique = update.EnforceUniqueValues;
  if (unique === undefined) {
    return { status: 204 };
  }
  if (typeof unique !== 'boolean') {
    throw errors.invalidValue('EnforceUniqueValues', 'must be true or false.');
  }
  if (unique && scope.list.readSecurity === 2 && !isLenient('unique-with-item-security')) {
    throw errors.uniqueWithItemSecurity('Enforce unique values');
  }
  scope.site.store.setFieldUnique(scope.list.title, field.name, unique);
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
