/**
 * Graph of the local tenant as strict as Microsoft Graph's documentation: `$batch` request ids
 * are case-insensitive (ids differing only in case are duplicates), and `joinedTeams` supports
 * no OData query options. Each kinder behaviour sits behind `LOCAL_TENANT_LENIENT`
 * (docs/local-tenant.md, "Strictness and its switches").
 */
import { leniently } from '../support/tenant';
import { RunningTenant, startTenant } from '../../local/server/tenant';

const TODAY = new Date('2026-10-20T09:00:00Z');
const OPERATOR = 'asa.backstrom@contoso-plant.example';

let tenant: RunningTenant;

beforeAll(async () => {
  tenant = await startTenant({ port: 0, now: () => TODAY });
});

afterAll(async () => {
  await tenant?.close();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${tenant.graphUrl}${path}`, {
    method,
    headers: { 'x-local-user': OPERATOR, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}


describe('Graph of the local tenant is as strict as Microsoft Graph', () => {
  it('refuses a $batch whose request ids differ only in case', async () => {
    const send = (): Promise<{ status: number; body: Record<string, unknown> }> =>
      call('POST', '/$batch', {
        requests: [
          { id: 'me', method: 'GET', url: '/me?$select=id' },
          { id: 'ME', method: 'GET', url: '/me?$select=displayName' }
        ]
      });
    const refused = await send();
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('used twice');
    expect((await leniently('graph-batch-id-case', send)).status).toBe(200);
  });

  it('refuses OData query options on /me/joinedTeams, which documents none', async () => {
    const selected = (): Promise<{ status: number; body: Record<string, unknown> }> => call('GET', '/me/joinedTeams?$select=id,displayName');
    expect((await selected()).status).toBe(400);
    expect((await leniently('joined-teams-query', selected)).status).toBe(200);
    const plain = await call('GET', '/me/joinedTeams');
    expect(plain.status).toBe(200);
    expect(plain.body.value).toHaveLength(1);
  });
});
