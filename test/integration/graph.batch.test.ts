/**
 * Graph JSON batching and Teams activity notifications through the stand-in: 20 requests per
 * batch, per-request statuses (404, 424, injected 429 with Retry-After), validation of the
 * batch and of sendActivityNotification, and the recorded notifications.
 */
import { BatchRequestContent, BatchResponseContent, Client } from '@microsoft/microsoft-graph-client';

import { NO_FAULTS } from '../../local/server/faults';
import { RunningTenant, startTenant } from '../../local/server/tenant';

const TODAY = new Date('2026-10-20T09:00:00Z');
const OPERATOR = 'asa.backstrom@contoso-plant.example';
const LEADER = 'jonas.odegaard@contoso-plant.example';

interface BatchItem {
  readonly id: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: Record<string, unknown> | string;
}

let tenant: RunningTenant;

async function post(path: string, body: unknown, upn = OPERATOR): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${tenant.graphUrl}${path}`, {
    method: 'POST',
    headers: { 'x-local-user': upn, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function batch(requests: unknown[], upn = OPERATOR): Promise<{ status: number; responses: BatchItem[]; body: Record<string, unknown> }> {
  const result = await post('/$batch', { requests }, upn);
  return { status: result.status, responses: (result.body.responses as BatchItem[] | undefined) ?? [], body: result.body };
}

function byId(responses: readonly BatchItem[], id: string): BatchItem {
  const found = responses.find((r) => r.id === id);
  if (!found) {
    throw new Error(`No response ${id}`);
  }
  return found;
}

function notification(webUrl = 'https://teams.microsoft.com/l/entity/app/recognition'): Record<string, unknown> {
  return {
    topic: { source: 'text', value: 'Recognition', webUrl },
    activityType: 'recognitionReceived',
    previewText: { content: 'Jonas recognised you for Safety' },
    templateParameters: [{ name: 'value', value: 'Safety' }]
  };
}

beforeAll(async () => {
  tenant = await startTenant({ port: 0, now: () => TODAY });
});

afterEach(() => {
  Object.assign(tenant.context.faults, NO_FAULTS);
});

afterAll(async () => {
  await tenant.close();
});

describe('$batch', () => {
  it('answers 20 requests in one round trip, each with its own id and status', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: i === 0 ? '/me?$select=displayName' : i === 1 ? 'me/manager?$select=displayName' : `/users?$top=${i}&$select=id`
    }));
    const result = await batch(requests);
    expect(result.status).toBe(200);
    expect(result.responses.map((r) => r.id)).toEqual(requests.map((r) => r.id));
    expect(result.responses.every((r) => r.status === 200)).toBe(true);
    expect(byId(result.responses, '1').body).toMatchObject({ displayName: 'Åsa Bäckström' });
    expect(byId(result.responses, '2').body).toMatchObject({ displayName: 'Jonas Ødegaard' });
    expect(byId(result.responses, '1').headers?.['Content-Type']).toMatch(/application\/json/);
  });

  it('rejects a batch of 21 requests as a whole', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' }));
    const result = await batch(requests);
    expect(result.status).toBe(400);
    expect((result.body.error as Record<string, unknown>).code).toBe('BadRequest');
  });

  it('keeps per-request failures inside the batch: 404, 400, and 424 for a failed dependency', async () => {
    const result = await batch([
      { id: 'me', method: 'GET', url: '/me?$select=id' },
      { id: 'ghost', method: 'GET', url: '/users/00000000-0000-4000-8000-000000000000' },
      { id: 'bad', method: 'GET', url: '/me?$select=shoeSize' },
      { id: 'after-ghost', method: 'GET', url: '/me/manager', dependsOn: ['ghost'] },
      { id: 'after-me', method: 'GET', url: '/me/joinedTeams', dependsOn: ['me'] }
    ]);
    expect(result.status).toBe(200);
    expect(byId(result.responses, 'me').status).toBe(200);
    expect(byId(result.responses, 'ghost').status).toBe(404);
    expect((byId(result.responses, 'ghost').body as { error: { code: string } }).error.code).toBe('Request_ResourceNotFound');
    expect(byId(result.responses, 'bad').status).toBe(400);
    expect(byId(result.responses, 'after-ghost').status).toBe(424);
    expect(byId(result.responses, 'after-me').status).toBe(200);
  });

  it('shows injected throttling as a per-request 429 with Retry-After', async () => {
    const me = await fetch(`${tenant.graphUrl}/me?$select=id`, { headers: { 'x-local-user': OPERATOR } });
    const myId = String(((await me.json()) as { id: string }).id);
    Object.assign(tenant.context.faults, { throttleNext: 1, pathFilter: '/manager', retryAfterSeconds: 7 });
    const result = await batch([
      { id: '1', method: 'GET', url: '/me?$select=displayName' },
      { id: '2', method: 'GET', url: `/users/${myId}/manager?$select=displayName` },
      { id: '3', method: 'GET', url: '/me/joinedTeams' }
    ]);
    expect(result.status).toBe(200);
    const throttled = byId(result.responses, '2');
    expect(throttled.status).toBe(429);
    expect(throttled.headers?.['Retry-After']).toBe('7');
    expect((throttled.body as { error: { code: string } }).error.code).toBe('TooManyRequests');
    expect(byId(result.responses, '1').status).toBe(200);
    expect(byId(result.responses, '3').status).toBe(200);
    expect(tenant.context.faults.throttleNext).toBe(0);
    // A dropped inner request cannot drop a connection: it is a 503 inside the batch.
    Object.assign(tenant.context.faults, { dropNext: 1, pathFilter: '/joinedTeams' });
    const dropped = await batch([{ id: 'x', method: 'GET', url: '/me/joinedTeams' }]);
    expect(byId(dropped.responses, 'x').status).toBe(503);
    expect(byId(dropped.responses, 'x').headers?.['Retry-After']).toBe('7');
  });

  it('validates the batch: relative urls, unique ids, Content-Type with a body, known dependencies', async () => {
    expect((await batch([{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }])).status).toBe(400);
    expect((await batch([{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }])).status).toBe(400);
    expect((await batch([{ id: '1', method: 'POST', url: '/users/x/teamwork/sendActivityNotification', body: {} }])).status).toBe(400);
    expect((await batch([{ id: '1', method: 'GET', url: '/me', dependsOn: ['nope'] }])).status).toBe(400);
    expect((await post('/$batch', { nothing: true })).status).toBe(400);
  });

  it('returns binary bodies base64-encoded', async () => {
    const result = await batch([{ id: 'photo', method: 'GET', url: '/me/photo/$value' }]);
    const photo = byId(result.responses, 'photo');
    expect(photo.status).toBe(200);
    expect(photo.headers?.['Content-Type']).toBe('image/png');
    expect(Buffer.from(String(photo.body), 'base64').subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('works with the Graph client’s BatchRequestContent', async () => {
    const graph = Client.init({
      baseUrl: `${tenant.origin}/graph`,
      defaultVersion: 'v1.0',
      authProvider: (done) => done(null, 'local-tenant'),
      fetchOptions: { headers: { 'x-local-user': LEADER } }
    });
    const content = new BatchRequestContent([
      { id: 'me', request: new Request(`${tenant.graphUrl}/me?$select=displayName`, { method: 'GET' }) },
      { id: 'reports', request: new Request(`${tenant.graphUrl}/me/directReports?$select=displayName`, { method: 'GET' }) }
    ]);
    const raw = (await graph.api('/$batch').post(await content.getContent())) as Record<string, unknown>;
    const responses = new BatchResponseContent(raw as never);
    const me = responses.getResponseById('me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { displayName: string }).displayName).toBe('Jonas Ødegaard');
    expect(responses.getResponseById('reports').status).toBe(200);
  });
});

describe('sendActivityNotification', () => {
  it('records a valid notification (204) with sender, recipient and time', async () => {
    await fetch(`${tenant.origin}/_local/notifications`, { method: 'DELETE' });
    const recipient = await fetch(`${tenant.graphUrl}/users/${encodeURIComponent(OPERATOR)}?$select=id`);
    const recipientId = String(((await recipient.json()) as { id: string }).id);
    const sent = await post(`/users/${recipientId}/teamwork/sendActivityNotification`, notification(), LEADER);
    expect(sent.status).toBe(204);
    const listed = (await (await fetch(`${tenant.origin}/_local/notifications`)).json()) as { value: Array<Record<string, unknown>> };
    expect(listed.value).toHaveLength(1);
    expect(listed.value[0]).toMatchObject({
      activityType: 'recognitionReceived',
      previewText: { content: 'Jonas recognised you for Safety' },
      sender: { userPrincipalName: LEADER },
      recipient: { id: recipientId, userPrincipalName: OPERATOR },
      createdDateTime: TODAY.toISOString()
    });
    const forOther = (await (await fetch(`${tenant.origin}/_local/notifications?recipient=${LEADER}`)).json()) as { value: unknown[] };
    expect(forOther.value).toHaveLength(0);
    await fetch(`${tenant.origin}/_local/notifications`, { method: 'DELETE' });
    const cleared = (await (await fetch(`${tenant.origin}/_local/notifications`)).json()) as { value: unknown[] };
    expect(cleared.value).toHaveLength(0);
  });

  it('rejects a bad body with 400 and records nothing', async () => {
    const path = `/users/${encodeURIComponent(OPERATOR)}/teamwork/sendActivityNotification`;
    const { previewText, ...withoutPreview } = notification();
    void previewText;
    expect((await post(path, withoutPreview, LEADER)).status).toBe(400);
    expect((await post(path, { ...notification(), activityType: '' }, LEADER)).status).toBe(400);
    expect((await post(path, { ...notification(), topic: { source: 'text', value: 'x' } }, LEADER)).status).toBe(400);
    const extra = await post(path, { ...notification(), recipient: { '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: 'x' } }, LEADER);
    expect(extra.status).toBe(400);
    expect(String((extra.body.error as Record<string, unknown>).message)).toContain("'recipient'");
    expect((await post('/users/nobody@contoso-plant.example/teamwork/sendActivityNotification', notification(), LEADER)).status).toBe(404);
    const listed = (await (await fetch(`${tenant.origin}/_local/notifications`)).json()) as { value: unknown[] };
    expect(listed.value).toHaveLength(0);
  });

  it('can be sent inside a batch', async () => {
    const result = await batch(
      [
        {
          id: 'notify',
          method: 'POST',
          url: `/users/${encodeURIComponent(OPERATOR)}/teamwork/sendActivityNotification`,
          headers: { 'Content-Type': 'application/json' },
          body: notification()
        }
      ],
      LEADER
    );
    expect(byId(result.responses, 'notify').status).toBe(204);
    const listed = (await (await fetch(`${tenant.origin}/_local/notifications?recipient=${OPERATOR}`)).json()) as { value: unknown[] };
    expect(listed.value.length).toBeGreaterThanOrEqual(1);
  });
});
