/**
 * The Microsoft Graph stand-in over real HTTP, through the Graph JavaScript client that SPFx's
 * MSGraphClientV3 wraps (@microsoft/microsoft-graph-client 3.x) and plain fetch: users, $select,
 * $search with ConsistencyLevel, $count, paging by nextLink, manager, direct reports, photos,
 * joined teams, Viva Learning activities, Graph's error shape.
 */
import { Client, GraphError, PageCollection, PageIterator } from '@microsoft/microsoft-graph-client';

import { RunningTenant, startTenant } from '../../local/server/tenant';

const TODAY = new Date('2026-10-20T09:00:00Z');
const OPERATOR = 'asa.backstrom@contoso-plant.example';
const AGENCY = 'sean.obrien@contoso-plant.example';
const LEADER = 'jonas.odegaard@contoso-plant.example';
const HR = 'leyla.unal@contoso-plant.example';

let tenant: RunningTenant;

function client(upn = OPERATOR): Client {
  return Client.init({
    baseUrl: `${tenant.origin}/graph`,
    defaultVersion: 'v1.0',
    authProvider: (done) => done(null, 'local-tenant'),
    fetchOptions: { headers: { 'x-local-user': upn } }
  });
}

async function get(path: string, headers: Record<string, string> = {}, upn = OPERATOR): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const url = path.startsWith('http') ? path : `${tenant.graphUrl}${path}`;
  const response = await fetch(url, { headers: { 'x-local-user': upn, ...headers } });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

async function graphFailure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) {
      return error;
    }
    throw error;
  }
  throw new Error('Expected the Graph call to fail.');
}

function values(body: Record<string, unknown>): Array<Record<string, unknown>> {
  return Array.isArray(body.value) ? (body.value as Array<Record<string, unknown>>) : [];
}

beforeAll(async () => {
  tenant = await startTenant({ port: 0, now: () => TODAY });
});

afterAll(async () => {
  await tenant.close();
});

describe('users', () => {
  it('GET /me answers the signed-in user with Graph’s default properties', async () => {
    const me = (await client().api('/me').get()) as Record<string, unknown>;
    expect(me['@odata.context']).toBe(`${tenant.graphUrl}/$metadata#users/$entity`);
    expect(Object.keys(me).filter((k) => !k.startsWith('@')).sort()).toEqual(
      ['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'].sort()
    );
    expect(me.displayName).toBe('Åsa Bäckström');
    expect(me.userPrincipalName).toBe(OPERATOR);
    expect(me.businessPhones).toEqual([]);
    expect(me.mobilePhone).toBeNull();
  });

  it('$select returns exactly the selected properties (no implicit id) and rejects unknown ones', async () => {
    const me = (await client(AGENCY).api('/me').select(['displayName', 'employeeType', 'department', 'employeeHireDate']).get()) as Record<string, unknown>;
    expect(me).toEqual({
      '@odata.context': `${tenant.graphUrl}/$metadata#users(displayName,employeeType,department,employeeHireDate)/$entity`,
      displayName: "Seán O'Brien",
      employeeType: 'Agency',
      department: 'Weld cell 2',
      employeeHireDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/)
    });
    const withId = (await client().api('/me?$select=id,preferredLanguage,city').get()) as Record<string, unknown>;
    expect(Object.keys(withId).filter((k) => !k.startsWith('@'))).toEqual(['id', 'preferredLanguage', 'city']);
    const failure = await graphFailure(client().api('/me').select('shoeSize').get());
    expect(failure.statusCode).toBe(400);
    expect(failure.code).toBe('Request_BadRequest');
  });

  it('reads a user by id or by user principal name; unknown users are 404 with Graph’s error body', async () => {
    const byUpn = (await client().api(`/users/${encodeURIComponent(LEADER)}`).get()) as Record<string, unknown>;
    const byId = (await client().api(`/users/${String(byUpn.id)}`).get()) as Record<string, unknown>;
    expect(byId.displayName).toBe('Jonas Ødegaard');
    const missing = await get('/users/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const error = missing.body.error as Record<string, unknown>;
    expect(error.code).toBe('Request_ResourceNotFound');
    const inner = error.innerError as Record<string, unknown>;
    expect(inner['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(inner.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(missing.headers.get('request-id')).toBe(inner['request-id']);
  });

  it('$search needs ConsistencyLevel: eventual, as in Graph', async () => {
    const refused = await get('/users?$search="displayName:ann"');
    expect(refused.status).toBe(400);
    expect((refused.body.error as Record<string, unknown>).code).toBe('Request_UnsupportedQuery');
    const failure = await graphFailure(client().api('/users').search('"displayName:ann"').get());
    expect(failure.statusCode).toBe(400);
  });

  it('$search matches word prefixes, ignoring case and diacritics, with $count', async () => {
    const found = await get('/users?$search="displayName:ann"&$count=true&$select=displayName', { ConsistencyLevel: 'eventual' });
    expect(found.status).toBe(200);
    const names = values(found.body).map((u) => String(u.displayName));
    expect(names.length).toBeGreaterThan(0);
    expect(found.body['@odata.count']).toBe(names.length);
    expect(names.every((n) => n.split(' ').some((word) => word.toLowerCase().startsWith('ann')))).toBe(true);
    const asa = await get('/users?$search="displayName:asa b"&$select=displayName', { ConsistencyLevel: 'eventual' });
    expect(values(asa.body).map((u) => u.displayName)).toContain('Åsa Bäckström');
    const obrien = await get(`/users?$search="displayName:o'brien" OR "mail:sean"&$select=displayName`, { ConsistencyLevel: 'eventual' });
    expect(values(obrien.body).map((u) => u.displayName)).toContain("Seán O'Brien");
    expect((await get('/users?$search=displayName:ann', { ConsistencyLevel: 'eventual' })).status).toBe(400);
  });

  it('pages with $top and an absolute @odata.nextLink until every user is collected', async () => {
    const all = await get('/users?$top=999&$select=id');
    const total = values(all.body).length;
    expect(total).toBeGreaterThanOrEqual(280);
    expect(all.body['@odata.nextLink']).toBeUndefined();

    const seen: string[] = [];
    let next: string | undefined = `${tenant.graphUrl}/users?$top=37&$select=id,displayName`;
    let pages = 0;
    while (next) {
      const page = await get(next);
      expect(page.status).toBe(200);
      seen.push(...values(page.body).map((u) => String(u.id)));
      const link = page.body['@odata.nextLink'];
      next = typeof link === 'string' ? link : undefined;
      if (next) {
        expect(next.startsWith(`${tenant.graphUrl}/users?`)).toBe(true);
        expect(next).toContain('$skiptoken=');
      }
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(total / 37));
    expect(new Set(seen).size).toBe(total);
    // Without $top, Graph's page size for users is 100.
    expect(values((await get('/users')).body)).toHaveLength(100);
  });

  it('the Graph client’s PageIterator follows the nextLinks too', async () => {
    const graph = client();
    const first = (await graph.api('/users').top(50).select('id').get()) as PageCollection;
    const ids: string[] = [];
    const iterator = new PageIterator(graph, first, (user: { id: string }) => {
      ids.push(user.id);
      return true;
    });
    await iterator.iterate();
    expect(ids.length).toBeGreaterThanOrEqual(280);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('filters on employeeType (agency consultants)', async () => {
    const agency = await get("/users?$filter=employeeType eq 'Agency'&$count=true&$select=displayName,employeeType&$top=999", {
      ConsistencyLevel: 'eventual'
    });
    expect(agency.status).toBe(200);
    const count = Number(agency.body['@odata.count']);
    expect(count).toBeGreaterThanOrEqual(30);
    expect(count).toBeLessThanOrEqual(60);
    expect(values(agency.body).every((u) => u.employeeType === 'Agency')).toBe(true);
    expect((await get("/users?$filter=shoeSize eq '42'")).status).toBe(400);
  });
});

describe('manager and direct reports', () => {
  it('GET /me/manager is the team leader; a person without a manager gets 404', async () => {
    const manager = (await client().api('/me/manager').select('displayName,jobTitle').get()) as Record<string, unknown>;
    expect(manager['@odata.type']).toBe('#microsoft.graph.user');
    expect(manager.displayName).toBe('Jonas Ødegaard');
    let top = String(manager.displayName);
    let upn = LEADER;
    for (let hops = 0; hops < 5; hops += 1) {
      const next = await get('/me/manager?$select=userPrincipalName,displayName', {}, upn);
      if (next.status === 404) {
        expect((next.body.error as Record<string, unknown>).code).toBe('Request_ResourceNotFound');
        break;
      }
      upn = String(next.body.userPrincipalName);
      top = String(next.body.displayName);
    }
    expect(top).not.toBe('Jonas Ødegaard');
    expect((await get('/me/manager', {}, upn)).status).toBe(404);
  });

  it('GET /me/directReports lists the crew, paged', async () => {
    const reports = (await client(LEADER).api('/me/directReports').select('displayName,employeeType').get()) as Record<string, unknown>;
    const names = values(reports).map((r) => r.displayName);
    expect(names).toEqual(expect.arrayContaining(['Åsa Bäckström', "Seán O'Brien"]));
    const leader = (await client(LEADER).api('/me').select('id').get()) as { id: string };
    const paged: unknown[] = [];
    let next: string | undefined = `${tenant.graphUrl}/users/${leader.id}/directReports?$top=3&$select=displayName`;
    while (next) {
      const page = await get(next);
      paged.push(...values(page.body).map((r) => r.displayName));
      next = typeof page.body['@odata.nextLink'] === 'string' ? String(page.body['@odata.nextLink']) : undefined;
    }
    expect(paged).toEqual(names);
    expect(values((await get('/me/directReports')).body)).toEqual([]);
  });
});

describe('photos, teams and learning', () => {
  it('returns a PNG photo, or 404 ImageNotFound for people without one', async () => {
    const photo = await fetch(`${tenant.graphUrl}/me/photo/$value`, { headers: { 'x-local-user': OPERATOR } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await photo.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const missing = await get(`/users/${encodeURIComponent(AGENCY)}/photo/$value`);
    expect(missing.status).toBe(404);
    expect((missing.body.error as Record<string, unknown>).code).toBe('ImageNotFound');
    const meta = await get('/me/photo');
    expect(meta.body).toMatchObject({ '@odata.mediaContentType': 'image/png', width: 96, height: 96 });
    const all = values((await get('/users?$top=999&$select=id')).body);
    let withPhoto = 0;
    for (const user of all.slice(0, 60)) {
      withPhoto += (await fetch(`${tenant.graphUrl}/users/${String(user.id)}/photo/$value`)).status === 200 ? 1 : 0;
    }
    expect(withPhoto).toBeGreaterThan(35);
    expect(withPhoto).toBeLessThan(60);
  });

  it('GET /me/joinedTeams lists the crew’s team; HR has none', async () => {
    const teams = (await client().api('/me/joinedTeams').get()) as Record<string, unknown>;
    expect(values(teams).map((t) => t.displayName)).toEqual(['GOT Weld A']);
    expect(values(teams)[0]).toMatchObject({ isArchived: false, description: 'Skiftlag A, Weld cell 2' });
    expect(values((await get('/me/joinedTeams', {}, HR)).body)).toEqual([]);
  });

  it('GET /me/employeeExperience/learningCourseActivities in the v1.0 types; other people’s are forbidden', async () => {
    const me = await get('/me/employeeExperience/learningCourseActivities', {}, LEADER);
    expect(me.status).toBe(200);
    for (const activity of values(me.body)) {
      expect(['#microsoft.graph.learningAssignment', '#microsoft.graph.learningSelfInitiatedCourse']).toContain(activity['@odata.type']);
      expect(['notStarted', 'inProgress', 'completed']).toContain(activity.status);
      expect(typeof activity.completionPercentage).toBe('number');
    }
    const other = await get(`/users/${encodeURIComponent(OPERATOR)}/employeeExperience/learningCourseActivities`, {}, LEADER);
    expect(other.status).toBe(403);
  });

  it('answers unknown paths and beta like Graph, with 400', async () => {
    const unknown = await get('/me/shoeSizes');
    expect(unknown.status).toBe(400);
    expect((unknown.body.error as Record<string, unknown>).message).toContain("segment 'shoeSizes'");
    const beta = await fetch(`${tenant.origin}/graph/beta/me`);
    expect(beta.status).toBe(400);
  });
});
