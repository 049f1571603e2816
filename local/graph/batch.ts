/**
 * JSON batching (`POST /$batch`): up to 20 requests with `id`, `method`, relative `url`
 * (`/me`, `me`, or with the version root `/v1.0/me` as the Graph client's BatchRequestContent sends it),
 * `headers`, `body` and optional `dependsOn`. Each inner request goes through the fault
 * switches on its own (`decideFault, FAULT_ANSWERS(faults, '/graph/v1.0' + url)`), so injected throttling
 * appears as a per-request 429 with Retry-After inside a 200 batch; a dropped inner request
 * becomes a 503. Requests whose dependency failed get 424.
 */
import { decideFault, FAULT_ANSWERS } from '../server/faults';
import { isLenient } from '../sharepoint/leniency';
import type { LocalRequest, LocalResponse } from '../server/types';
import { badRequest, errorBody, GraphCall, GRAPH_PREFIX, newRequestId } from './http';

export const MAX_BATCH_REQUESTS = 20;

interface InnerRequest {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly hasBody: boolean;
  readonly dependsOn: readonly string[];
}

interface InnerResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseInner(value: unknown, index: number): InnerRequest {
  if (!isRecord(value)) {
    throw badRequest(`Invalid batch payload format: request ${index} is not an object.`);
  }
  const id = value.id;
  const method = value.method;
  const url = value.url;
  if (typeof id !== 'string' || id.trim() === '') {
    throw badRequest(`Invalid batch payload format: request ${index} has no id.`);
  }
  if (typeof method !== 'string' || !/^(GET|POST|PUT|PATCH|DELETE)$/i.test(method)) {
    throw badRequest(`Invalid batch payload format: request '${id}' has an invalid method.`);
  }
  if (typeof url !== 'string' || url.trim() === '') {
    throw badRequest(`Invalid batch payload format: request '${id}' has no url.`);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url.trim())) {
    throw badRequest(`Invalid request url '${url}': urls in a batch are relative to the version root, e.g. /me.`);
  }
  const headers: Record<string, string> = {};
  if (value.headers !== undefined) {
    if (!isRecord(value.headers)) {
      throw badRequest(`Invalid batch payload format: headers of request '${id}' must be an object.`);
    }
    for (const [name, headerValue] of Object.entries(value.headers)) {
      headers[name.toLowerCase()] = String(headerValue);
    }
  }
  const hasBody = value.body !== undefined && value.body !== null;
  if (hasBody && !headers['content-type']) {
    throw badRequest(`Content-Type header must be specified for request '${id}', which has a body.`);
  }
  let dependsOn: string[] = [];
  if (value.dependsOn !== undefined) {
    if (!Array.isArray(value.dependsOn) || !value.dependsOn.every((d) => typeof d === 'string')) {
      throw badRequest(`Invalid batch payload format: dependsOn of request '${id}' must be an array of ids.`);
    }
    dependsOn = value.dependsOn as string[];
  }
  const trimmed = url.trim();
  // The Graph client's BatchRequestContent keeps the path of an absolute request URL
  // (`/v1.0/me`, here `/graph/v1.0/me`): the version root is taken off.
  const relative = (trimmed.startsWith('/') ? trimmed : `/${trimmed}`).replace(/^(\/graph)?\/v1\.0(?=\/|\?|$)/i, '') || '/';
  return {
    id,
    method: method.toUpperCase(),
    url: relative,
    headers,
    body: value.body,
    hasBody,
    dependsOn
  };
}

/** Orders requests so that each comes after its dependencies (stable otherwise). */
function executionOrder(requests: readonly InnerRequest[]): InnerRequest[] {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: InnerRequest[] = [];
  const visit = (request: InnerRequest): void => {
    if (done.has(request.id)) {
      return;
    }
    if (visiting.has(request.id)) {
      throw badRequest(`Invalid batch payload format: dependsOn of request '${request.id}' forms a cycle.`);
    }
    visiting.add(request.id);
    for (const dependency of request.dependsOn) {
      const target = byId.get(dependency);
      if (!target) {
        throw badRequest(`Invalid batch payload format: request '${request.id}' depends on unknown request '${dependency}'.`);
      }
      visit(target);
    }
    visiting.delete(request.id);
    done.add(request.id);
    order.push(request);
  };
  requests.forEach(visit);
  return order;
}

const HEADER_NAMES: Readonly<Record<string, string>> = {
  'content-type': 'Content-Type',
  'retry-after': 'Retry-After',
  'cache-control': 'Cache-Control',
  location: 'Location',
  etag: 'ETag',
  'odata-version': 'OData-Version'
};

function innerHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const canonical = HEADER_NAMES[name.toLowerCase()];
    if (canonical) {
      out[canonical] = value;
    }
  }
  return out;
}

function toInnerResponse(id: string, response: LocalResponse): InnerResponse {
  const headers = innerHeaders(response.headers);
  if (response.body === undefined || response.status === 204) {
    return { id, status: response.status, headers };
  }
  const contentType = headers['Content-Type'] ?? '';
  const raw = response.body;
  if (/json/i.test(contentType)) {
    const text = typeof raw === 'string' ? raw : raw.toString('utf8');
    return { id, status: response.status, headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }
  // Binary bodies (photos) are base64 in a batch, as Graph does.
  return { id, status: response.status, headers, body: (typeof raw === 'string' ? Buffer.from(raw) : raw).toString('base64') };
}

export type GraphDispatch = (request: LocalRequest, inBatch: boolean) => Promise<LocalResponse>;

export async function runBatch(call: GraphCall, body: unknown, dispatch: GraphDispatch): Promise<LocalResponse> {
  if (!isRecord(body) || !Array.isArray(body.requests)) {
    throw badRequest('Invalid batch payload format: send { "requests": [ … ] }.');
  }
  if (body.requests.length === 0) {
    throw badRequest('Invalid batch payload format: the batch has no requests.');
  }
  if (body.requests.length > MAX_BATCH_REQUESTS) {
    throw badRequest(`The number of requests in a batch cannot exceed ${MAX_BATCH_REQUESTS}; this one has ${body.requests.length}.`);
  }
  const requests = body.requests.map(parseInner);
  const ids = new Set<string>();
  // Request ids are case-insensitive and must be unique in the batch (JSON batching docs).
  const idKey = (id: string): string => (isLenient('graph-batch-id-case') ? id : id.toLowerCase());
  for (const request of requests) {
    if (ids.has(idKey(request.id))) {
      throw badRequest(`Invalid batch payload format: the id '${request.id}' is used twice.`);
    }
    ids.add(idKey(request.id));
  }
  const order = executionOrder(requests);
  const results = new Map<string, InnerResponse>();
  const faults = call.context.faults;
  for (const inner of order) {
    const failedDependency = inner.dependsOn.find((dependency) => (results.get(dependency)?.status ?? 500) >= 400);
    const innerId = newRequestId();
    const errorFor = (status: number, code: string, message: string, extra: Record<string, string> = {}): InnerResponse => ({
      id: inner.id,
      status,
      headers: { 'Content-Type': 'application/json', ...extra },
      body: errorBody(code, message, innerId, call.context.now())
    });
    if (failedDependency !== undefined) {
      results.set(inner.id, errorFor(424, 'FailedDependency', `Request '${inner.id}' depends on '${failedDependency}', which failed.`));
      continue;
    }
    const decision = decideFault(faults, `${GRAPH_PREFIX}${inner.url}`, Math.random);
    if (decision !== 'pass') {
      const retryAfter = { 'Retry-After': String(faults.retryAfterSeconds) };
      const answer = FAULT_ANSWERS[decision === 'throttle' ? 'throttle' : 'unavailable'];
      results.set(inner.id, errorFor(answer.status, answer.code, answer.message, retryAfter));
      continue;
    }
    const url = new URL(inner.url, 'http://batch.local');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const request: LocalRequest = {
      method: inner.method,
      path: `${GRAPH_PREFIX}${path}`,
      query: url.searchParams,
      headers: { ...inner.headers },
      body: !inner.hasBody ? Buffer.alloc(0) : Buffer.from(typeof inner.body === 'string' ? inner.body : JSON.stringify(inner.body), 'utf8'),
      user: call.request.user,
      origin: call.request.origin
    };
    results.set(inner.id, toInnerResponse(inner.id, await dispatch(request, true)));
  }
  return {
    status: 200,
    headers: { 'content-type': 'application/json;odata.metadata=minimal;charset=utf-8', 'request-id': call.requestId, 'odata-version': '4.0' },
    body: JSON.stringify({ responses: requests.map((r) => results.get(r.id)) })
  };
}
