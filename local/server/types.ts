/**
 * The local tenant's request model. Every service (SharePoint REST, Microsoft Graph, the
 * workbench, the admin endpoint) is a function from a request to a response, so `$batch`
 * handlers can dispatch inner requests to the same functions without another HTTP hop.
 */
import type { Person } from '../tenant/directory';

export interface LocalRequest {
  readonly method: string;
  /** Path without query string, decoded, e.g. `/sites/plant/_api/web/lists/getByTitle('SE_Values')/items`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The signed-in person (persona cookie or `x-local-user` header; the default persona otherwise). */
  readonly user: Person;
  /** How `user` was established: the persona cookie (or test header), or a verified bearer token. */
  readonly authentication?: 'cookie' | 'bearer';
  /** Absolute origin the client used, e.g. `http://127.0.0.1:4321`. */
  readonly origin: string;
}

export interface LocalResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** Answers a request, or returns undefined when the path is not this service's. */
export type Handler = (request: LocalRequest) => Promise<LocalResponse | undefined>;

export function json(status: number, value: unknown, headers: Record<string, string> = {}): LocalResponse {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
    body: JSON.stringify(value)
  };
}

export function text(status: number, body: string, contentType = 'text/plain;charset=utf-8'): LocalResponse {
  return { status, headers: { 'content-type': contentType }, body };
}

/** Reads a JSON body; `undefined` for an empty body, an Error for malformed JSON. */
export function readJsonBody(request: LocalRequest): unknown {
  if (request.body.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(request.body.toString('utf8')) as unknown;
  } catch {
    return new Error('The request body is not valid JSON.');
  }
}
