/** `/_local/…`: health, fault switches and request statistics for tests and the benchmark. */
import type { TenantContext } from './context';
import { mergeFaults } from './faults';
import type { RunningHttpServer } from './http';
import { Handler, json, readJsonBody } from './types';

export function createAdminHandler(context: TenantContext, server: () => RunningHttpServer): Handler {
  return async (request) => {
    if (!request.path.startsWith('/_local/')) {
      return undefined;
    }
    if (request.path === '/_local/health') {
      return json(200, { ok: true, user: request.user.loginName });
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
