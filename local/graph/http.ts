/**
 * Graph's response conventions: JSON with `@odata.context`, error bodies with `innerError`
 * (date, request-id), request-id headers, and the routing context every Graph route gets.
 */
import { randomUUID } from 'crypto';

import type { TenantContext } from '../server/context';
import type { LocalRequest, LocalResponse } from '../server/types';
import type { PlantData } from '../tenant/store';

export const GRAPH_PREFIX = '/graph/v1.0';

export interface GraphCall {
  readonly context: TenantContext;
  readonly plant: PlantData;
  readonly request: LocalRequest;
  /** Path below `/graph/v1.0`, e.g. `/users/abc/manager`. */
  readonly path: string;
  /** Path segments, decoded, original case. */
  readonly segments: readonly string[];
  /** `http://127.0.0.1:4321/graph/v1.0` */
  readonly root: string;
  readonly requestId: string;
  /** True for requests inside a `$batch`. */
  readonly inBatch: boolean;
}

export function newRequestId(): string {
  return randomUUID();
}

function baseHeaders(call: GraphCall): Record<string, string> {
  const headers: Record<string, string> = {
    'request-id': call.requestId,
    'odata-version': '4.0',
    'cache-control': 'no-cache'
  };
  const clientRequestId = call.request.headers['client-request-id'];
  headers['client-request-id'] = clientRequestId || call.requestId;
  return headers;
}

export function graphJson(call: GraphCall, status: number, body: unknown, extraHeaders: Record<string, string> = {}): LocalResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
      ...baseHeaders(call),
      ...extraHeaders
    },
    body: JSON.stringify(body)
  };
}

export function graphNoContent(call: GraphCall): LocalResponse {
  return { status: 204, headers: baseHeaders(call) };
}

export function graphBinary(call: GraphCall, contentType: string, body: Buffer): LocalResponse {
  return { status: 200, headers: { 'content-type': contentType, ...baseHeaders(call) }, body };
}

/** Graph's error body: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function errorBody(code: string, message: string, requestId: string, date: Date, clientRequestId?: string): unknown {
  return {
    error: {
      code,
      message,
      innerError: {
        date: date.toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': clientRequestId || requestId
      }
    }
  };
}

export function graphError(
  call: GraphCall,
  status: number,
  code: string,
  message: string,
  extraHeaders: Record<string, string> = {}
): LocalResponse {
  return graphJson(
    call,
    status,
    errorBody(code, message, call.requestId, call.context.now(), call.request.headers['client-request-id']),
    extraHeaders
  );
}

/** A failure a route raises to answer with a Graph error. */
export class GraphFailure extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: string,
    message: string
  ) {
    super(message);
    this.name = 'GraphFailure';
  }
}

export function badRequest(message: string, code = 'BadRequest'): GraphFailure {
  return new GraphFailure(400, code, message);
}

export function notFound(resource: string): GraphFailure {
  return new GraphFailure(
    404,
    'Request_ResourceNotFound',
    `Resource '${resource}' does not exist or one of its queried reference-property objects are not present.`
  );
}

/** Whether the request asked for advanced query capabilities. */
export function isEventual(call: GraphCall): boolean {
  return (call.request.headers.consistencylevel ?? '').trim().toLowerCase() === 'eventual';
}
