/**
 * SharePoint REST (`/_api/…`) of the local tenant: the subset PnPjs v4 uses, answered with
 * SharePoint's JSON shapes (`odata=verbose`, `minimalmetadata`, `nometadata`), status codes and
 * error bodies. Item security follows the list's ReadSecurity/WriteSecurity; site owners and
 * the HR group have Manage Lists.
 */

import type { TenantContext } from '../server/context';
import { type Handler, json, type LocalRequest, type LocalResponse, readJsonBody } from '../server/types';
import type { Person } from '../tenant/directory';
import { formatBatchResponse, parseBatch } from './batch';
import { DIGEST_TIMEOUT_SECONDS, FormDigests } from './digests';
import { errorResponse, errors, SharePointError } from './errors';
import { parseOrderBy, parseSelect } from './odata';
import { SqliteSharePointStore, SYSTEM_ACCOUNT_ID } from './sqliteStore';
import type { ListInfo, StoredItem } from './store';

type Flavour = 'verbose' | 'minimal' | 'none';

function flavourOf(accept: string | undefined): Flavour {
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

function odataName(title: string): string {
  return title.replace(/_/g, '_x005f_');
}

/** Site owners, HR, and the relay's app identity (granted `manage` on the site through Sites.Selected). */
export function canManageLists(person: Person): boolean {
  return person.isSiteOwner || person.isHr || person.isApp === true;
}

interface Route {
  list?: string;
  listId?: string;
  rest: string;
}

const LIST_PATTERN = /^web\/lists\/getbytitle\('((?:[^']|'')+)'\)(.*)$/i;
const LIST_ID_PATTERN = /^web\/lists\(guid'([0-9a-f-]+)'\)(.*)$/i;

export function createSharePointHandler(context: TenantContext): Handler {
  const store = context.sp as SqliteSharePointStore;
  const apiPrefix = `${context.siteUrlPath}/_api/`;
  const digests = context.digests ?? new FormDigests(() => context.now());

  function respond(request: LocalRequest, status: number, value: unknown, headers: Record<string, string> = {}): LocalResponse {
    const flavour = flavourOf(request.headers.accept);
    return json(status, value, { 'content-type': CONTENT_TYPES[flavour], ...headers });
  }

  function siteUrl(request: LocalRequest): string {
    return `${request.origin}${context.siteUrlPath}`;
  }

  function userJson(person: Person | undefined, id: number): Record<string, unknown> {
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
      IsSiteAdmin: person.isSiteOwner,
      UserId: { NameId: person.id, NameIdIssuer: 'urn:federation:microsoftonline' },
      UserPrincipalName: person.userPrincipalName
    };
  }

  function userInfoValue(id: number, property: string): unknown {
    const person = context.directory.bySpUserId(id);
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

  function itemJson(request: LocalRequest, info: ListInfo, item: StoredItem): Record<string, unknown> {
    const flavour = flavourOf(request.headers.accept);
    const select = parseSelect(request.query.get('$select'));
    const expand = new Set((request.query.get('$expand') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
    const out: Record<string, unknown> = {};
    const etag = `"${item.version}"`;
    const editLink = `Web/Lists(guid'${info.id}')/Items(${item.id})`;
    if (flavour === 'minimal') {
      out['odata.type'] = `SP.Data.${odataName(info.title)}ListItem`;
      out['odata.id'] = `${siteUrl(request)}/_api/${editLink}`;
      out['odata.etag'] = etag;
      out['odata.editLink'] = editLink;
    } else if (flavour === 'verbose') {
      out.__metadata = { id: editLink, uri: `${siteUrl(request)}/_api/${editLink}`, etag, type: `SP.Data.${odataName(info.title)}ListItem` };
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
        expanded['odata.id'] = `${siteUrl(request)}/_api/Web/SiteUserInfoList/Items(${id})`;
      }
      for (const property of wanted) {
        expanded[property] = userInfoValue(id, property);
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
      } else if (name in userIds) {
        throw errors.badQuery(
          `The query to field '${name}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${name}.`
        );
      } else {
        throw errors.fieldNotFound(name);
      }
    }
    for (const [name, properties] of select.expanded) {
      if (!(name in userIds)) {
        throw errors.fieldNotFound(name);
      }
      if (!expand.has(name)) {
        throw errors.badQuery(
          `The query to field '${name}/${properties[0]}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${name}.`
        );
      }
      out[name] = userFieldValue(name, properties);
    }
    return out;
  }

  function collection(request: LocalRequest, values: unknown[], next?: string): LocalResponse {
    const flavour = flavourOf(request.headers.accept);
    if (flavour === 'verbose') {
      return respond(request, 200, { d: { results: values, ...(next ? { __next: next } : {}) } });
    }
    const body: Record<string, unknown> = {};
    if (flavour === 'minimal') {
      body['odata.metadata'] = `${siteUrl(request)}/_api/$metadata`;
    }
    body.value = values;
    if (next) {
      body['odata.nextLink'] = next;
    }
    return respond(request, 200, body);
  }

  function entity(request: LocalRequest, value: Record<string, unknown>, status = 200, headers: Record<string, string> = {}): LocalResponse {
    return respond(request, status, flavourOf(request.headers.accept) === 'verbose' ? { d: value } : value, headers);
  }

  function pickSelected(request: LocalRequest, value: Record<string, unknown>): Record<string, unknown> {
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

  function listJson(request: LocalRequest, info: ListInfo): Record<string, unknown> {
    return pickSelected(request, {
      Id: info.id,
      Title: info.title,
      Description: info.description,
      ItemCount: info.itemCount,
      ReadSecurity: info.readSecurity,
      WriteSecurity: info.writeSecurity,
      BaseTemplate: 100,
      BaseType: 0,
      Created: info.created,
      LastItemModifiedDate: info.lastItemModified,
      Hidden: false,
      EntityTypeName: `${odataName(info.title)}List`,
      ListItemEntityTypeFullName: `SP.Data.${odataName(info.title)}ListItem`,
      ParentWebUrl: context.siteUrlPath
    });
  }

  function requireList(route: Route): ListInfo {
    const info = route.listId ? store.listById(route.listId) : store.list(route.list ?? '');
    if (!info) {
      throw errors.listNotFound(route.list ?? route.listId ?? '');
    }
    return info;
  }

  function mayWrite(user: Person, info: ListInfo, item?: StoredItem): boolean {
    if (canManageLists(user)) {
      return true;
    }
    if (info.writeSecurity === 4) {
      return false;
    }
    if (info.writeSecurity === 2 && item) {
      return item.authorId === user.spUserId;
    }
    return true;
  }

  /**
   * SP.BasePermissions as SharePoint sends it (64-bit mask halves as strings), matching what the
   * tenant enforces: owners Full Control, HR Edit (Manage Lists), others Contribute.
   */
  function permissionMask(user: Person): { High: string; Low: string } {
    return user.isSiteOwner
      ? { High: '2147483647', Low: '4294967295' }
      : canManageLists(user)
        ? { High: '432', Low: '1011030767' }
        : { High: '432', Low: '1011028719' };
  }

  function maskResponse(request: LocalRequest, mask: { High: string; Low: string }, property: string): LocalResponse {
    return flavourOf(request.headers.accept) === 'verbose'
      ? respond(request, 200, { d: { [property]: { __metadata: { type: 'SP.BasePermissions' }, ...mask } } })
      : respond(request, 200, mask);
  }

  function mayRead(user: Person, info: ListInfo, item: StoredItem): boolean {
    return canManageLists(user) || info.readSecurity !== 2 || item.authorId === user.spUserId;
  }

  function methodOf(request: LocalRequest): string {
    const override = request.headers['x-http-method'];
    return (override ?? request.method).toUpperCase();
  }

  function items(request: LocalRequest, info: ListInfo, rest: string): LocalResponse {
    const method = methodOf(request);
    const itemMatch = /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))(\/getusereffectivepermissions\(@user\))?$/i.exec(rest);
    if (/^\/items\/?$/i.test(rest)) {
      if (method === 'GET') {
        const topText = request.query.get('$top');
        const top = topText === null ? undefined : Number(topText);
        if (top !== undefined && (!Number.isInteger(top) || top < 0)) {
          throw errors.badQuery(`The $top value "${topText}" is not valid.`);
        }
        const page = store.queryItems(info.title, {
          filter: request.query.get('$filter'),
          orderBy: parseOrderBy(request.query.get('$orderby') ?? '', store.resolver(info.title)),
          top,
          skipToken: request.query.get('$skiptoken'),
          onlyAuthorId: info.readSecurity === 2 && !canManageLists(request.user) ? request.user.spUserId : undefined
        });
        let next: string | undefined;
        if (page.nextSkipToken) {
          const params = new URLSearchParams(request.query);
          params.set('$skiptoken', page.nextSkipToken);
          next = `${request.origin}${request.path}?${params.toString()}`;
        }
        return collection(request, page.items.map((item) => itemJson(request, info, item)), next);
      }
      if (method === 'POST') {
        if (!mayWrite(request.user, info)) {
          throw errors.accessDenied();
        }
        const body = readJsonBody(request);
        if (body instanceof Error || typeof body !== 'object' || body === null) {
          throw errors.badQuery('The request body must be a JSON object of field values.');
        }
        const id = store.addItem(info.title, body as Record<string, unknown>, { authorId: request.user.spUserId });
        const created = store.item(info.title, id) as StoredItem;
        return entity(request, itemJson(request, info, created), 201, { etag: `"${created.version}"` });
      }
      throw errors.badQuery(`${method} is not supported on items.`);
    }
    if (!itemMatch) {
      return undefinedRoute(request);
    }
    const id = Number(itemMatch[1] ?? itemMatch[2]);
    const item = store.item(info.title, id);
    if (!item || !mayRead(request.user, info, item)) {
      throw errors.itemNotFound();
    }
    if (itemMatch[3] !== undefined) {
      // getUserEffectivePermissions(@user): what another person may do with this item (needs
      // Manage Permissions-level rights to ask: site owners, HR, the relay). Someone who is not
      // a user of this tenant's site may do nothing.
      if (method !== 'GET' || !canManageLists(request.user)) {
        throw errors.accessDenied();
      }
      const login = /^'(.*)'$/.exec(request.query.get('@user') ?? '')?.[1]?.replace(/''/g, "'") ?? '';
      const person = context.directory.byLogin(login);
      const none = { High: '0', Low: '0' };
      return maskResponse(request, person && !person.isApp && mayRead(person, info, item) ? permissionMask(person) : none, 'GetUserEffectivePermissions');
    }
    if (method === 'GET') {
      return entity(request, itemJson(request, info, item), 200, { etag: `"${item.version}"` });
    }
    if (method === 'MERGE' || method === 'PATCH' || method === 'PUT') {
      if (!mayWrite(request.user, info, item)) {
        throw errors.accessDenied();
      }
      const body = readJsonBody(request);
      if (body instanceof Error || typeof body !== 'object' || body === null) {
        throw errors.badQuery('The request body must be a JSON object of field values.');
      }
      const updated = store.updateItem(info.title, id, body as Record<string, unknown>, {
        editorId: request.user.spUserId,
        ifMatch: request.headers['if-match']
      });
      return { status: 204, headers: { etag: `"${updated.version}"` } };
    }
    if (method === 'DELETE') {
      if (!mayWrite(request.user, info, item)) {
        throw errors.accessDenied();
      }
      store.deleteItem(info.title, id, request.headers['if-match']);
      return { status: 200, headers: { 'content-type': CONTENT_TYPES[flavourOf(request.headers.accept)] }, body: '' };
    }
    throw errors.badQuery(`${method} is not supported on an item.`);
  }

  function undefinedRoute(request: LocalRequest): LocalResponse {
    return errorResponse(errors.notSupported(`${request.method} ${request.path}`), request.headers.accept);
  }

  function listRoute(request: LocalRequest, route: Route): LocalResponse {
    const info = requireList(route);
    const method = methodOf(request);
    if (route.rest === '' || route.rest === '/') {
      if (method === 'GET') {
        return entity(request, listJson(request, info));
      }
      if (method === 'MERGE' || method === 'PATCH') {
        if (!canManageLists(request.user)) {
          throw errors.accessDenied();
        }
        const body = readJsonBody(request);
        if (body instanceof Error || typeof body !== 'object' || body === null) {
          throw errors.badQuery('The request body must be a JSON object of list properties.');
        }
        const update = body as Record<string, unknown>;
        const allowed = new Set(['ReadSecurity', 'WriteSecurity', 'Description', '__metadata']);
        for (const key of Object.keys(update)) {
          if (!allowed.has(key)) {
            throw errors.notSupported(`Changing the list property ${key}`);
          }
        }
        const security = (value: unknown, valid: number[], name: string): number | undefined => {
          if (value === undefined) {
            return undefined;
          }
          if (typeof value !== 'number' || !valid.includes(value)) {
            throw errors.invalidValue(name, `must be one of ${valid.join(', ')}.`);
          }
          return value;
        };
        store.updateList(info.title, {
          readSecurity: security(update.ReadSecurity, [1, 2], 'ReadSecurity'),
          writeSecurity: security(update.WriteSecurity, [1, 2, 4], 'WriteSecurity'),
          description: typeof update.Description === 'string' ? update.Description : undefined
        });
        return { status: 204 };
      }
    }
    if (/^\/fields/i.test(route.rest) && method === 'GET') {
      const fields = info.fields.map((f) => ({
        Id: f.id,
        InternalName: f.name,
        StaticName: f.staticName,
        Title: f.displayName,
        TypeAsString: f.type,
        Indexed: f.indexed || f.unique,
        EnforceUniqueValues: f.unique,
        Required: f.required,
        Choices: f.choices.length ? f.choices : undefined
      }));
      const one = /^\/fields\/getbyinternalnameortitle\('((?:[^']|'')+)'\)$/i.exec(route.rest);
      if (one) {
        const name = one[1].replace(/''/g, "'");
        const field = fields.find((f) => f.InternalName === name || f.Title === name);
        if (!field) {
          throw errors.fieldNotFound(name);
        }
        return entity(request, pickSelected(request, field));
      }
      return collection(request, fields.map((f) => pickSelected(request, f)));
    }
    return items(request, info, route.rest);
  }

  async function api(request: LocalRequest, rest: string, inBatch: boolean): Promise<LocalResponse> {
    const method = methodOf(request);
    const lower = rest.toLowerCase();
    if (lower === 'contextinfo' && method === 'POST') {
      const digest = digests.issue();
      const info = {
        FormDigestTimeoutSeconds: DIGEST_TIMEOUT_SECONDS,
        FormDigestValue: digest,
        LibraryVersion: '16.0.0.0',
        SiteFullUrl: siteUrl(request),
        WebFullUrl: siteUrl(request),
        SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0']
      };
      return respond(request, 200, flavourOf(request.headers.accept) === 'verbose' ? { d: { GetContextWebInformation: info } } : info);
    }
    // A form digest guards cookie sessions; a request signed with a bearer token (checked by the
    // server before it got here) needs none, as in SharePoint Online.
    if (!inBatch && method !== 'GET' && request.authentication !== 'bearer' && !digests.isValid(request.headers['x-requestdigest'])) {
      throw errors.digest();
    }
    if (lower === '$batch' && method === 'POST') {
      return batch(request);
    }
    if (lower === 'web' || lower === 'web/') {
      return entity(request, pickSelected(request, {
        Id: 'b6b0b8a6-8f0c-4a4e-9d6e-5a7f3c2e1d00',
        Title: 'Shopfloor Engage',
        Url: siteUrl(request),
        ServerRelativeUrl: context.siteUrlPath,
        Language: 1033,
        Description: 'Engagement site of the demo plant (local tenant)',
        WebTemplate: 'SITEPAGEPUBLISHING'
      }));
    }
    if (lower === 'web/currentuser') {
      return entity(request, pickSelected(request, userJson(request.user, request.user.spUserId)));
    }
    if (lower === 'web/effectivebasepermissions' && method === 'GET') {
      return maskResponse(request, permissionMask(request.user), 'EffectiveBasePermissions');
    }
    if (lower === 'web/siteusers') {
      return collection(request, context.directory.all().map((p) => pickSelected(request, userJson(p, p.spUserId))));
    }
    const byId = /^web\/(?:siteusers\/getbyid|getuserbyid)\((\d+)\)$/i.exec(rest);
    if (byId) {
      const id = Number(byId[1]);
      const person = context.directory.bySpUserId(id);
      if (!person && id !== SYSTEM_ACCOUNT_ID) {
        throw errors.userNotFound(String(id));
      }
      return entity(request, pickSelected(request, userJson(person, id)));
    }
    if (lower === 'web/ensureuser' && method === 'POST') {
      const body = readJsonBody(request);
      const login = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).logonName : undefined;
      const person = typeof login === 'string' ? context.directory.byLogin(login) : undefined;
      if (!person) {
        throw errors.userNotFound(String(login));
      }
      return entity(request, userJson(person, person.spUserId));
    }
    if (lower === 'web/lists' || lower === 'web/lists/') {
      return collection(request, store.lists().map((info) => listJson(request, info)));
    }
    const byTitle = LIST_PATTERN.exec(rest);
    if (byTitle) {
      return listRoute(request, { list: byTitle[1].replace(/''/g, "'"), rest: byTitle[2] });
    }
    const byListId = LIST_ID_PATTERN.exec(rest);
    if (byListId) {
      return listRoute(request, { listId: byListId[1], rest: byListId[2] });
    }
    return undefinedRoute(request);
  }

  async function batch(request: LocalRequest): Promise<LocalResponse> {
    let parts;
    try {
      parts = parseBatch(request.body.toString('utf8'), request.headers['content-type']);
    } catch (error) {
      throw errors.badQuery(error instanceof Error ? error.message : 'The batch request is not valid.');
    }
    const responses = [];
    for (const part of parts) {
      const url = new URL(part.url, request.origin);
      const inner: LocalRequest = {
        method: part.method,
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: part.headers,
        body: Buffer.from(part.body, 'utf8'),
        user: request.user,
        origin: request.origin
      };
      const response = await answer(inner, true);
      const status = response.status;
      const text = response.body === undefined ? '' : response.body.toString();
      responses.push({
        status,
        statusText: status < 300 ? (status === 201 ? 'Created' : status === 204 ? 'No Content' : 'OK') : 'Error',
        headers: { ...(response.headers ?? {}) },
        body: text
      });
    }
    const formatted = formatBatchResponse(responses);
    return { status: 200, headers: { 'content-type': formatted.contentType }, body: formatted.body };
  }

  async function answer(request: LocalRequest, inBatch: boolean): Promise<LocalResponse> {
    const rest = request.path.slice(apiPrefix.length);
    try {
      return await api(request, rest, inBatch);
    } catch (error) {
      if (error instanceof SharePointError) {
        return errorResponse(error, request.headers.accept);
      }
      throw error;
    }
  }

  return async (request) => {
    if (!request.path.toLowerCase().startsWith(apiPrefix.toLowerCase())) {
      return undefined;
    }
    return answer(request, false);
  };
}
