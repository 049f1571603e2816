/**
 * The relay's HTTP surface, free of any hosting framework: the Azure Functions custom handler
 * (`main.ts`) and the local tenant both hand it plain requests.
 *
 *   POST /api/reports   {recognitionId, reason}   → 200 {outcome, alreadyReported}
 *   GET  /api/health                               → 200 {status: "ok"}
 *
 * Every API call needs the caller's bearer token (AadHttpClient). Browsers call it from the
 * SharePoint origin, so CORS is answered for the configured origins only.
 */
import type { SPFI } from '@pnp/sp';

import { httpStatusOf } from '../../src/connectors/sharepoint/httpErrors';
import { CallerError, type CallerVerifier } from './auth';
import { problem, type RelayAnswer, reportRecognition } from './reports';

export interface RelayRequest {
  readonly method: string;
  /** Path from the relay's root, e.g. `/api/reports`. */
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface RelayResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface RelayDependencies {
  readonly verifyCaller: CallerVerifier;
  /** The engagement site with the relay's app-only identity. */
  readonly sharePoint: () => SPFI;
  /** Origins allowed to call from a browser, e.g. `https://contoso.sharepoint.com`. */
  readonly allowedOrigins: readonly string[];
  readonly log?: (line: string) => void;
}

const MAX_BODY_CHARACTERS = 16 * 1024;

export function createRelayHandler(deps: RelayDependencies): (request: RelayRequest) => Promise<RelayResponse> {
  const allowed = new Set(deps.allowedOrigins.map((o) => o.replace(/\/+$/, '').toLowerCase()));

  function corsHeaders(request: RelayRequest): Record<string, string> {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin.toLowerCase())) {
      return {};
    }
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      // The page honours Retry-After; a cross-origin page can read it only when it is exposed.
      'access-control-expose-headers': 'retry-after',
      'access-control-max-age': '600',
      vary: 'Origin'
    };
  }

  function answer(request: RelayRequest, result: RelayAnswer, extra: Record<string, string> = {}): RelayResponse {
    return {
      status: result.status,
      headers: { 'content-type': 'application/json;charset=utf-8', 'cache-control': 'no-store', ...corsHeaders(request), ...extra },
      body: JSON.stringify(result.body)
    };
  }

  function fail(request: RelayRequest, status: number, code: string, message: string, extra: Record<string, string> = {}): RelayResponse {
    return answer(request, problem(status, code, message), extra);
  }


  return async (request) => {
    const method = request.method.toUpperCase();
    const path = request.path.replace(/\/+$/, '').toLowerCase();
    if (method === 'OPTIONS') {
      const headers = corsHeaders(request);
      return { status: Object.keys(headers).length > 0 ? 204 : 403, headers, body: '' };
    }
    if (path === '/api/health' && method === 'GET') {
      return answer(request, { status: 200, body: { status: 'ok' } });
    }
    if (path !== '/api/reports') {
      return fail(request, 404, 'notFound', `Nothing at ${request.path}.`);
    }
    if (method !== 'POST') {
      return fail(request, 405, 'methodNotAllowed', 'Use POST.', { allow: 'POST, OPTIONS' });
    }
    let caller;
    try {
      caller = await deps.verifyCaller(request.headers.authorization);
    } catch (error) {
      if (error instanceof CallerError) {
        return fail(request, 401, 'unauthenticated', error.message, { 'www-authenticate': 'Bearer' });
      }
      throw error;
    }
    if (request.body.length > MAX_BODY_CHARACTERS) {
      return fail(request, 413, 'tooLarge', 'The request is too large.');
    }
    let input: unknown;
    try {
      input = JSON.parse(request.body);
    } catch {
      return fail(request, 400, 'invalidInput', 'The body is not JSON.');
    }
    try {
      return answer(request, await reportRecognition(deps.sharePoint(), caller, input));
    } catch (error) {
      deps.log?.(`Recording a report failed: ${error instanceof Error ? error.message : String(error)}`);
      const status = httpStatusOf(error);
      if (status === undefined || status === 429 || status >= 500) {
        // SharePoint busy or unreachable: the page asks again.
        return fail(request, 503, 'unavailable', 'SharePoint could not record the report now. Try again shortly.', { 'retry-after': '5' });
      }
      // SharePoint refused the relay itself (a missing site grant, a schema out of step): asking
      // again will not help; the relay's log says why.
      return fail(request, 502, 'relayMisconfigured', 'The relay could not record the report. Tell your IT admin.');
    }
  };
}
