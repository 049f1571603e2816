/**
 * The routing of the local tenant's SharePoint REST (local/sharepoint/router.ts and the table in
 * local/sharepoint/routes): first match decides, methods a route does not take, nested list
 * tables, and through the handler the answers to paths it does not know and list titles with
 * doubled apostrophes. The emulated behaviour itself is pinned over HTTP in
 * test/integration/sharepoint.fidelity.test.ts.
 */
import type { TenantContext } from '../../local/server/context';
import type { LocalRequest, LocalResponse } from '../../local/server/types';
import { FormDigests } from '../../local/sharepoint/digests';
import { createSharePointHandler } from '../../local/sharepoint/handler';
import { methodOf, type RouteCall, type RouteHandler, Router, within } from '../../local/sharepoint/router';
import type { ListInfo } from '../../local/sharepoint/store';
import type { Person } from '../../local/tenant/directory';

const API = '/sites/engage/_api/';

/** A member of the site: what the routes read of the caller (rights and site user id). */
const PERSON = { id: '3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8', spUserId: 14, displayName: 'Jonas Ødegaard', isSiteOwner: false, isHr: false } as Person;

const LIST: ListInfo = {
  id: '0b7e4a52-3c1d-4f8e-9a6b-2d5c8e1f7a90',
  title: "O'Brien's ''crew'' list",
  url: 'Lists/OBrien',
  description: 'A list whose title has apostrophes',
  itemCount: 0,
  readSecurity: 1,
  writeSecurity: 1,
  noCrawl: false,
  fields: [],
  created: '2026-01-05T08:00:00Z',
  lastItemModified: '2026-01-05T08:00:00Z'
};

function request(method: string, path: string, headers: Record<string, string> = {}, query = ''): LocalRequest {
  return { method, path, query: new URLSearchParams(query), headers, body: Buffer.alloc(0), user: PERSON, origin: 'http://127.0.0.1:9' };
}

function bodyOf(response: LocalResponse | undefined): unknown {
  return JSON.parse(String(response?.body)) as unknown;
}

describe('Router', () => {
  type Scope = string;
  const answer = (name: string): RouteHandler<Scope> => ({ params, scope }) => ({
    status: 200,
    body: JSON.stringify({ name, params, scope })
  });
  const unmatched = ({ method }: RouteCall<Scope>): LocalResponse => ({ status: 400, body: `unmatched ${method}` });
  const inner = new Router<Scope>([{ pattern: /^\/items\((\d+)\)$/i, methods: { GET: answer('item') } }], unmatched);
  const router = new Router<Scope>(
    [
      { pattern: /^things\/?$/i, methods: { GET: answer('all'), POST: answer('add') }, otherwise: answer('other') },
      { pattern: /^things\/(\w+)$/i, methods: { GET: answer('one') } },
      { pattern: /^things\/(\w+)$/i, methods: { POST: answer('shadowed') } },
      { pattern: /^token$/i, methods: { POST: answer('token') }, withoutDigest: true },
      { pattern: /^any$/i, otherwise: answer('any') },
      { pattern: /^scoped\('([^']+)'\)(.*)$/i, otherwise: within(inner, ({ params }) => `in ${params[0] ?? ''}`) }
    ],
    unmatched
  );
  const call = async (method: string, path: string): Promise<LocalResponse> =>
    router.dispatch(request(method, path), method, path, 'site');

  it('answers from the first route whose pattern matches, with its groups and the scope', async () => {
    expect(bodyOf(await call('GET', 'Things/'))).toEqual({ name: 'all', params: [], scope: 'site' });
    expect(bodyOf(await call('GET', 'things/abc'))).toEqual({ name: 'one', params: ['abc'], scope: 'site' });
  });

  it("answers a path no route matches with the router's unmatched handler", async () => {
    expect(await call('GET', 'nothing/here')).toEqual({ status: 400, body: 'unmatched GET' });
    expect(await call('GET', 'things/a/b')).toEqual({ status: 400, body: 'unmatched GET' });
  });

  it("answers a method the route does not take with the route's otherwise, else as unmatched, without trying later routes", async () => {
    expect(bodyOf(await call('DELETE', 'things'))).toMatchObject({ name: 'other' });
    expect(await call('POST', 'things/abc')).toEqual({ status: 400, body: 'unmatched POST' });
    expect(bodyOf(await call('PATCH', 'any'))).toMatchObject({ name: 'any' });
  });

  it("exempts only a withoutDigest route's own methods from the form digest", () => {
    expect(router.resolve('POST', 'token').withoutDigest).toBe(true);
    expect(router.resolve('GET', 'token').withoutDigest).toBe(false);
    expect(router.resolve('POST', 'things').withoutDigest).toBe(false);
    expect(router.resolve('POST', 'nothing').withoutDigest).toBe(false);
  });

  it("hands the rest of the path to a nested table, in the scope it enters", async () => {
    expect(bodyOf(await call('GET', "scoped('crew')/items(7)"))).toEqual({ name: 'item', params: ['7'], scope: 'in crew' });
    expect(await call('GET', "scoped('crew')/other")).toEqual({ status: 400, body: 'unmatched GET' });
  });

  it('takes the method from X-HTTP-Method when sent, upper case', () => {
    expect(methodOf(request('post', 'x'))).toBe('POST');
    expect(methodOf(request('POST', 'x', { 'x-http-method': 'merge' }))).toBe('MERGE');
  });
});

describe('createSharePointHandler routing', () => {
  const askedTitles: string[] = [];
  const store = {
    list: (title: string): ListInfo | undefined => {
      askedTitles.push(title);
      return title.toLowerCase() === LIST.title.toLowerCase() ? LIST : undefined;
    },
    listById: (id: string): ListInfo | undefined => (id === LIST.id ? LIST : undefined),
    lists: (): ListInfo[] => [LIST],
    item: (): undefined => undefined
  };
  const digests = new FormDigests();
  const context = { sp: store, digests, siteUrlPath: '/sites/engage', now: () => new Date() } as unknown as TenantContext;
  const handle = createSharePointHandler(context);
  const listPath = (title: string, rest = ''): string => `${API}web/lists/getbytitle('${title.replace(/'/g, "''")}')${rest}`;

  beforeEach(() => {
    askedTitles.length = 0;
  });

  it('leaves paths outside the site\'s _api to other services', async () => {
    expect(await handle(request('GET', '/sites/other/_api/web'))).toBeUndefined();
  });

  it("answers a path no route matches with SharePoint's error body, in the requested flavour", async () => {
    const minimal = await handle(request('GET', `${API}web/nothing`));
    const error = {
      code: '-1, Microsoft.SharePoint.Client.ClientServiceException',
      message: { lang: 'en-US', value: `GET ${API}web/nothing is not supported by the local tenant.` }
    };
    expect(minimal?.status).toBe(400);
    expect(bodyOf(minimal)).toEqual({ 'odata.error': error });
    expect(minimal?.headers?.['x-ms-diagnostics']).toBe(`-1;reason="GET ${API}web/nothing is not supported by the local tenant."`);
    const verbose = await handle(request('GET', `${API}web/nothing`, { accept: 'application/json;odata=verbose' }));
    expect(bodyOf(verbose)).toEqual({ error });
  });

  it('answers a method a route does not take as SharePoint does, after the form digest check', async () => {
    const digest = digests.issue();
    const post = await handle(request('POST', `${API}web/EffectiveBasePermissions`, { 'x-requestdigest': digest }));
    expect(post?.status).toBe(400);
    expect(bodyOf(post)).toMatchObject({ 'odata.error': { message: { value: `POST ${API}web/EffectiveBasePermissions is not supported by the local tenant.` } } });
    const noDigest = await handle(request('POST', `${API}web/EffectiveBasePermissions`));
    expect(noDigest?.status).toBe(403);
    expect(bodyOf(noDigest)).toMatchObject({ 'odata.error': { code: '-2130575252, Microsoft.SharePoint.SPException' } });
    const items = await handle(request('POST', listPath(LIST.title, '/items'), { 'x-requestdigest': digest, 'x-http-method': 'PUT' }));
    expect(items?.status).toBe(400);
    expect(bodyOf(items)).toMatchObject({ 'odata.error': { message: { value: 'PUT is not supported on items.' } } });
  });

  it('issues a form digest from contextinfo without one, and only on POST', async () => {
    const issued = await handle(request('POST', `${API}contextinfo`));
    expect(issued?.status).toBe(200);
    expect(digests.isValid((bodyOf(issued) as { FormDigestValue: string }).FormDigestValue)).toBe(true);
    expect((await handle(request('PUT', `${API}contextinfo`)))?.status).toBe(403);
    expect((await handle(request('GET', `${API}contextinfo`)))?.status).toBe(400);
  });

  it("routes list titles with doubled apostrophes to the list, the title undone", async () => {
    const list = await handle(request('GET', listPath(LIST.title), { accept: 'application/json;odata=nometadata' }, '$select=Title,Id'));
    expect(list?.status).toBe(200);
    expect(bodyOf(list)).toEqual({ Title: LIST.title, Id: LIST.id });
    expect(askedTitles).toEqual([LIST.title]);

    const fields = await handle(request('GET', listPath(LIST.title, '/fields'), { accept: 'application/json;odata=nometadata' }));
    expect(bodyOf(fields)).toEqual({ value: [] });
    const item = await handle(request('GET', `${API}web/lists/GetByTitle('O''Brien''s ''''crew'''' list')/items(3)`));
    expect(item?.status).toBe(404);
    expect(bodyOf(item)).toMatchObject({ 'odata.error': { message: { value: 'Item does not exist. It may have been deleted by another user.' } } });
  });

  it('answers an unknown list as SharePoint does, whatever path below it was asked', async () => {
    const missing = await handle(request('GET', listPath("Nobody's", '/anything/at/all')));
    expect(missing?.status).toBe(404);
    expect(bodyOf(missing)).toMatchObject({ 'odata.error': { message: { value: "List 'Nobody's' does not exist at site with URL 'http://127.0.0.1:9/sites/engage'." } } });
    expect(askedTitles).toEqual(["Nobody's"]);
  });

  it('does not route a title whose apostrophe is not doubled', async () => {
    const single = await handle(request('GET', `${API}web/lists/getbytitle('O'Brien')`));
    expect(single?.status).toBe(400);
    expect(askedTitles).toEqual([]);
  });
});
