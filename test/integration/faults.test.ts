/**
 * The fault and latency switches of the local tenant, over real HTTP: added round-trip time,
 * 429 and 503 with Retry-After, dropped connections, and validation of the admin endpoint.
 */
import type { RunningTenant } from '../../local/server/tenant';
import { persona, setFaults, startTestTenant } from '../support/tenant';

describe('fault and latency switches', () => {
  let tenant: RunningTenant;
  let upn: string;

  beforeAll(async () => {
    tenant = await startTestTenant();
    upn = persona(tenant, 'operator').userPrincipalName;
  });

  afterAll(async () => {
    await tenant?.close();
  });

  afterEach(async () => {
    await setFaults(tenant, { latencyMs: 0, throttleRate: 0, unavailableRate: 0, dropRate: 0, throttleNext: 0, dropNext: 0, pathFilter: '' });
  });

  const me = (): Promise<Response> =>
    fetch(`${tenant.graphUrl}/me?$select=displayName`, { headers: { 'x-local-user': upn } });

  it('adds the configured round-trip time to API requests only', async () => {
    await setFaults(tenant, { latencyMs: 300 });
    let started = Date.now();
    expect((await me()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    started = Date.now();
    expect((await fetch(`${tenant.origin}/_local/health`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(290);
  });

  it('answers 429 and 503 with Retry-After', async () => {
    await setFaults(tenant, { throttleRate: 1, retryAfterSeconds: 7 });
    const throttled = await me();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    await setFaults(tenant, { throttleRate: 0, unavailableRate: 1 });
    const unavailable = await me();
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('7');
  });

  it('drops the connection of the next request and then answers again', async () => {
    await setFaults(tenant, { dropNext: 1 });
    await expect(me()).rejects.toThrow();
    expect((await me()).status).toBe(200);
  });

  it('only affects paths that contain the filter', async () => {
    await setFaults(tenant, { throttleRate: 1, pathFilter: '/_api/' });
    expect((await me()).status).toBe(200);
  });

  it('refuses settings it does not know or that are out of range', async () => {
    const bad = await fetch(`${tenant.origin}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ throttleRate: 2 })
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('between 0 and 1');
    const unknown = await fetch(`${tenant.origin}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chaos: true })
    });
    expect(unknown.status).toBe(400);
  });
});
