/**
 * SharePoint REST's response formatting: the OData flavour the client asked for (`odata=verbose`,
 * minimal metadata, `nometadata`), its content type, and the JSON shapes of entities,
 * collections, list items, lists, fields and users. Query options are parsed in odata.ts.
 */
import type { ListSchemaField } from '../../src/core/schema/listSchema';
import { json, type LocalRequest, type LocalResponse } from '../server/types';
import type { Person } from '../tenant/directory';
import type { RoleDefinition } from '../tenant/permissionLevels';
import { OWNERS_GROUP_ID, SITE_GROUPS, type SiteGroup } from '../tenant/siteGroups';
import { errors } from './errors';
import { parseSelect } from './odata';
import type { ClaimPrincipalRecord } from './sqliteStore';
import type { ListInfo, StoredItem } from './store';

export type Flavour = 'verbose' | 'minimal' | 'none';

export function flavourOf(accept: string | undefined): Flavour {
  const value = (accept ?? '').toLowerCase();
  if (value.includes('odata=verbose')) {
    return 'verbose';
  }
  if (value.includes('odata=nometadata')) {
    return 'none';
  }
  return 'minimal';
}

const CONTENT_TYPES: Record<Flavour, string> = {
  verbose: 'application/json;odata=verbose;charset=utf-8',
  minimal: 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
  none: 'application/json;odata=nometadata;streaming=true;charset=utf-8'
};

/** The content type of an answer in the request's flavour. */
export function contentTypeOf(request: LocalRequest): string {
  return CONTENT_TYPES[flavourOf(request.headers.accept)];
}

/** A list title as OData type names spell it (`SE_Values` → `SE_x005f_Values`). */
function odataName(title: string): string {
  return title.replace(/_/g, '_x005f_');
}

/** The list's item type: `SP.Data.SE_x005f_ValuesListItem`. */
export function itemTypeName(title: string): string {
  return `SP.Data.${odataName(title)}ListItem`;
}

export function respond(request: LocalRequest, status: number, value: unknown, headers: Record<string, string> = {}): LocalResponse {
  return json(status, value, { 'content-type': contentTypeOf(request), ...headers });
}

/** One entity: wrapped in `d` for verbose. */
export function entity(request: LocalRequest, value: Record<string, unknown>, status = 200, headers: Record<string, string> = {}): LocalResponse {
  return respond(request, status, flavourOf(request.headers.accept) === 'verbose' ? { d: value } : value, headers);
}

/** A collection: `d.results` and `__next` for verbose, `value` and `odata.nextLink` otherwise. */
export function collection(request: LocalRequest, siteUrl: string, values: unknown[], next?: string): LocalResponse {
  const flavour = flavourOf(request.headers.accept);
  if (flavour === 'verbose') {
    return respond(request, 200, { d: { results: values, ...(next ? { __next: next } : {}) } });
  }
  const body: Record<string, unknown> = {};
  if (flavour === 'minimal') {
    body['odata.metadata'] = `${siteUrl}/_api/$metadata`;
  }
  body.value = values;
  if (next) {
    body['odata.nextLink'] = next;
  }
  return respond(request, 200, body);
}

/**
 * What a service function returns (`contextinfo`, `EffectiveBasePermissions`): for verbose,
 * under `d` and the function's name, with the value's type in `__metadata` when it has one.
 */
export function functionResult(request: LocalRequest, name: string, value: object, type?: string): LocalResponse {
  if (flavourOf(request.headers.accept) !== 'verbose') {
    return respond(request, 200, value);
  }
  return respond(request, 200, { d: { [name]: type === undefined ? value : { __metadata: { type }, ...value } } });
}

/**
 * The answer of a service operation that returns nothing (`breakroleinheritance`,
 * `addroleassignment`): `{"odata.null": true}`, or `d.<Name>: null` for verbose.
 */
export function voidResult(request: LocalRequest, name: string): LocalResponse {
  return respond(request, 200, flavourOf(request.headers.accept) === 'verbose' ? { d: { [name]: null } } : { 'odata.null': true });
}

/** A collection inside an entity (an expanded navigation property): `results` for verbose, an array otherwise. */
export function nestedCollection(request: LocalRequest, values: unknown[]): unknown {
  return flavourOf(request.headers.accept) === 'verbose' ? { results: values } : values;
}

/** SP.BasePermissions inside an entity: its type in `__metadata` for verbose. */
export function basePermissionsJson(request: LocalRequest, mask: { readonly High: string; readonly Low: string }): Record<string, unknown> {
  const value = { High: mask.High, Low: mask.Low };
  return flavourOf(request.headers.accept) === 'verbose' ? { __metadata: { type: 'SP.BasePermissions' }, ...value } : value;
}

/** SP.RoleDefinition. */
export function roleDefinitionJson(request: LocalRequest, definition: RoleDefinition): Record<string, unknown> {
  return {
    BasePermissions: basePermissionsJson(request, definition.mask),
    Description: definition.description,
    Hidden: false,
    Id: definition.id,
    Name: definition.name,
    Order: definition.order,
    RoleTypeKind: definition.roleTypeKind
  };
}

/** SP.Group (PrincipalType 8, a SharePoint group). */
export function groupJson(group: SiteGroup): Record<string, unknown> {
  return {
    Id: group.id,
    IsHiddenInUI: false,
    LoginName: group.title,
    Title: group.title,
    PrincipalType: 8,
    AllowMembersEditMembership: false,
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    Description: group.description,
    OnlyAllowMembersViewMembership: false,
    OwnerTitle: SITE_GROUPS.find((g) => g.id === OWNERS_GROUP_ID)?.title ?? group.title,
    RequestToJoinLeaveEmailSetting: ''
  };
}

/** A Microsoft 365 group made a principal by `ensureuser`: an SP.User of PrincipalType 4 (security group). */
export function claimPrincipalJson(claim: ClaimPrincipalRecord): Record<string, unknown> {
  return {
    Id: claim.id,
    IsHiddenInUI: false,
    LoginName: claim.loginName,
    Title: claim.title,
    PrincipalType: 4,
    Email: '',
    Expiration: '',
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    IsSiteAdmin: false,
    UserId: null,
    UserPrincipalName: null
  };
}

/** The properties `$select` names (all without `$select`); an unknown one is SharePoint's error. */
export function pickSelected(request: LocalRequest, value: Record<string, unknown>): Record<string, unknown> {
  const select = parseSelect(request.query.get('$select'));
  if (!select) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const name of select.fields) {
    if (!(name in value)) {
      throw errors.fieldNotFound(name);
    }
    out[name] = value[name];
  }
  return out;
}

/** SP.User; without a person, the system account. */
export function userJson(person: Person | undefined, id: number): Record<string, unknown> {
  if (!person) {
    return { Id: id, Title: 'System Account', LoginName: 'SHAREPOINT\\system', Email: '', IsSiteAdmin: false, PrincipalType: 1 };
  }
  return {
    Id: person.spUserId,
    IsHiddenInUI: false,
    LoginName: person.loginName,
    Title: person.displayName,
    PrincipalType: 1,
    Email: person.mail,
    Expiration: '',
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    // Site owners are in the Owners group; the local tenant has no site collection administrators.
    IsSiteAdmin: false,
    UserId: { NameId: person.id, NameIdIssuer: 'urn:federation:microsoftonline' },
    UserPrincipalName: person.userPrincipalName
  };
}

/** One property of the site's user information list, as an expanded user field gives it. */
function userInfoValue(person: Person | undefined, id: number, property: string): unknown {
  const values: Record<string, unknown> = {
    Id: id,
    ID: id,
    Title: person?.displayName ?? 'System Account',
    EMail: person?.mail ?? '',
    Name: person?.loginName ?? 'SHAREPOINT\\system',
    JobTitle: person?.jobTitle ?? '',
    Department: person?.department ?? '',
    FirstName: person?.givenName ?? '',
    LastName: person?.surname ?? '',
    UserName: person?.userPrincipalName ?? '',
    Office: person?.officeLocation ?? ''
  };
  if (!(property in values)) {
    throw errors.fieldNotFound(property);
  }
  return values[property];
}

/**
 * A list item with its metadata in the request's flavour; with `$select`, only the fields named,
 * and user fields expanded as `$expand` allows (SharePoint's errors otherwise). `securable`: the
 * item's properties that are not fields (`HasUniqueRoleAssignments`, `EffectiveBasePermissions`),
 * answered only when `$select` names them, as SharePoint does.
 */
export function itemJson(
  request: LocalRequest,
  siteUrl: string,
  info: ListInfo,
  item: StoredItem,
  personOf: (spUserId: number) => Person | undefined,
  securable: Readonly<Record<string, () => unknown>> = {}
): Record<string, unknown> {
  const flavour = flavourOf(request.headers.accept);
  const select = parseSelect(request.query.get('$select'));
  const expand = new Set((request.query.get('$expand') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  const out: Record<string, unknown> = {};
  const etag = `"${item.version}"`;
  const editLink = `Web/Lists(guid'${info.id}')/Items(${item.id})`;
  if (flavour === 'minimal') {
    out['odata.type'] = `SP.Data.${odataName(info.title)}ListItem`;
    out['odata.id'] = `${siteUrl}/_api/${editLink}`;
    out['odata.etag'] = etag;
    out['odata.editLink'] = editLink;
  } else if (flavour === 'verbose') {
    out.__metadata = { id: editLink, uri: `${siteUrl}/_api/${editLink}`, etag, type: `SP.Data.${odataName(info.title)}ListItem` };
  }
  const userIds: Record<string, number | null> = { Author: item.authorId, Editor: item.editorId };
  const scalar: Record<string, unknown> = { ID: item.id, Id: item.id, Created: item.created, Modified: item.modified };
  for (const field of info.fields) {
    if (field.type === 'User' && !(field.name in userIds)) {
      const raw = item.values[field.name];
      userIds[field.name] = raw === null || raw === undefined ? null : Number(raw);
    } else if (!(field.name in scalar) && field.type !== 'User') {
      scalar[field.name] = item.values[field.name] ?? null;
    }
  }
  const userFieldValue = (name: string, wanted: readonly string[]): unknown => {
    const id = userIds[name];
    if (id === null || id === undefined) {
      return null;
    }
    const expanded: Record<string, unknown> = {};
    if (flavour === 'minimal') {
      expanded['odata.type'] = 'SP.Data.UserInfoItem';
      expanded['odata.id'] = `${siteUrl}/_api/Web/SiteUserInfoList/Items(${id})`;
    }
    const person = personOf(id);
    for (const property of wanted) {
      expanded[property] = userInfoValue(person, id, property);
    }
    return expanded;
  };

  if (!select) {
    out.FileSystemObjectType = 0;
    out.Id = item.id;
    out.ContentTypeId = '0x0100';
    for (const [name, value] of Object.entries(scalar)) {
      if (name !== 'Id') {
        out[name] = value;
      }
    }
    for (const [name, id] of Object.entries(userIds)) {
      out[`${name}Id`] = id;
      out[`${name}StringId`] = id === null ? null : String(id);
    }
    out.OData__UIVersionString = `${item.version}.0`;
    out.Attachments = false;
    return out;
  }
  for (const name of select.fields) {
    if (name in scalar) {
      out[name] = scalar[name];
    } else if (name.endsWith('Id') && name.slice(0, -2) in userIds) {
      out[name] = userIds[name.slice(0, -2)];
    } else if (Object.prototype.hasOwnProperty.call(securable, name)) {
      out[name] = securable[name]?.();
    } else if (name in userIds) {
      throw errors.notExpanded(name, name);
    } else {
      throw errors.fieldNotFound(name);
    }
  }
  Object.assign(out, selectExpanded(select.expanded, expand, (name) => name in userIds, userFieldValue));
  return out;
}

/**
 * The values of `$select`'s paths into expanded properties (`Author/Title`), by property: each
 * must be a `known` one and named in `$expand` (SharePoint's errors otherwise).
 */
export function selectExpanded(
  expanded: ReadonlyMap<string, readonly string[]>,
  expand: ReadonlySet<string>,
  known: (name: string) => boolean,
  value: (name: string, properties: readonly string[]) => unknown
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, properties] of expanded) {
    if (!known(name)) {
      throw errors.fieldNotFound(name);
    }
    if (!expand.has(name)) {
      throw errors.notExpanded(`${name}/${properties[0] ?? ''}`, name);
    }
    out[name] = value(name, properties);
  }
  return out;
}

/** SP.List, with `$select`. */
export function listJson(request: LocalRequest, info: ListInfo, siteUrlPath: string): Record<string, unknown> {
  return pickSelected(request, {
    Id: info.id,
    Title: info.title,
    Description: info.description,
    ItemCount: info.itemCount,
    ReadSecurity: info.readSecurity,
    WriteSecurity: info.writeSecurity,
    // The local tenant keeps no item versions (docs/local-tenant.md), so no list has versioning on.
    EnableVersioning: false,
    NoCrawl: info.noCrawl,
    BaseTemplate: 100,
    BaseType: 0,
    Created: info.created,
    LastItemModifiedDate: info.lastItemModified,
    Hidden: false,
    EntityTypeName: `${odataName(info.title)}List`,
    ListItemEntityTypeFullName: `SP.Data.${odataName(info.title)}ListItem`,
    ParentWebUrl: siteUrlPath
  });
}

/** SP.Field (before `$select`). */
export function fieldJson(field: ListSchemaField): Record<string, unknown> {
  return {
    Id: field.id,
    InternalName: field.name,
    StaticName: field.staticName,
    Title: field.displayName,
    TypeAsString: field.type,
    Indexed: field.indexed || field.unique,
    EnforceUniqueValues: field.unique,
    Required: field.required,
    Choices: field.choices.length ? field.choices : undefined
  };
}
