/** `/_local/…`: health, fault switches and request statistics for tests and the benchmark. */
import type { LocalAuthority } from './authority';
import type { TenantContext } from './context';
import { mergeFaults } from './faults';
import type { RunningHttpServer } from './http';
import { Handler, json, readJsonBody } from './types';

export interface AdminIdentity {
  readonly authority: LocalAuthority;
  /** What `/_local/identity` wants in X-IDENTITY-HEADER (the Functions host's IDENTITY_HEADER). */
  readonly identitySecret: string;
}

export function createAdminHandler(context: TenantContext, server: () => RunningHttpServer, identity?: AdminIdentity): Handler {
  return async (request) => {
    if (!request.path.startsWith('/_local/')) {
      return undefined;
    }
    if (request.path === '/_local/health') {
      return json(200, { ok: true, user: request.user.loginName });
    }
    if (identity && request.path === '/_local/token' && request.method === 'GET') {
      // What SPFx's AadTokenProvider gets from Entra ID for the signed-in person and an API.
      const resource = request.query.get('resource') ?? '';
      if (!resource) {
        return json(400, { error: 'invalid_request', error_description: 'Name the resource.' });
      }
      const token = await identity.authority.userToken(request.user, resource);
      return json(200, { token_type: 'Bearer', access_token: token, expires_on: identity.authority.expiresOn(), resource });
    }
    if (identity && request.path === '/_local/identity' && request.method === 'GET') {
      // The managed identity endpoint of an Azure Functions host (IDENTITY_ENDPOINT).
      if (request.headers['x-identity-header'] !== identity.identitySecret) {
        return json(401, { error: 'unauthorized', error_description: 'X-IDENTITY-HEADER is missing or wrong.' });
      }
      const resource = request.query.get('resource') ?? '';
      if (!resource) {
        return json(400, { error: 'invalid_request', error_description: 'Name the resource.' });
      }
      const token = await identity.authority.appToken(resource);
      return json(200, { token_type: 'Bearer', access_token: token, expires_on: String(identity.authority.expiresOn()), resource });
    }
    if (request.path === '/_local/faults') {
      if (request.method === 'GET') {
        return json(200, context.faults);
      }
      if (request.method === 'POST') {
        const body = readJsonBody(request);
        if (body instanceof Error || typeof body !== 'object' || body === null) {
          return json(400, { error: { code: 'BadRequest', message: 'Send a JSON object of fault settings.' } });
        }
        const merged = mergeFaults(context.faults, body as Record<string, unknown>);
        if (typeof merged === 'string') {
          return json(400, { error: { code: 'BadRequest', message: merged } });
        }
        Object.assign(context.faults, merged);
        return json(200, context.faults);
      }
    }
    if (request.path === '/_local/stats') {
      const running = server();
      if (request.method === 'POST') {
        running.resetStats();
      }
      return json(200, running.stats);
    }
    return undefined;
  };
}
