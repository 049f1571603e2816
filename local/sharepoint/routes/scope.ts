/**
 * What the route handlers answer within: the site (its store, form digests and services), and
 * a list of it. Also the request-body reading the write routes share.
 */
import type { TenantContext } from '../../server/context';
import { type LocalRequest, type LocalResponse, readJsonBody } from '../../server/types';
import type { FormDigests } from '../digests';
import { errors } from '../errors';
import type { SitePrincipals } from '../principals';
import type { RouteCall } from '../router';
import type { SqliteSharePointStore } from '../sqliteStore';
import type { ListInfo } from '../store';

export interface SiteScope {
  readonly context: TenantContext;
  readonly store: SqliteSharePointStore;
  readonly digests: FormDigests;
  /** Site users, site groups and Microsoft 365 group claims, in one id space. */
  readonly principals: SitePrincipals;
  /** Absolute URL of the site as the client reached it, e.g. `http://127.0.0.1:4321/sites/engage`. */
  siteUrl(request: LocalRequest): string;
  /** Answers a request to `_api/` (`$batch` answers its parts with it, inside the batch). */
  answer(request: LocalRequest, inBatch: boolean): Promise<LocalResponse>;
}

export interface ListScope {
  readonly site: SiteScope;
  readonly list: ListInfo;
}

export type SiteCall = RouteCall<SiteScope>;
export type ListCall = RouteCall<ListScope>;

/** A JSON object body, or SharePoint's 400 naming what it should have held (`field values`). */
export function readObjectBody(request: LocalRequest, what: string): Record<string, unknown> {
  const body = readJsonBody(request);
  if (body instanceof Error || typeof body !== 'object' || body === null) {
    throw errors.badQuery(`The request body must be a JSON object of ${what}.`);
  }
  return body as Record<string, unknown>;
}

/** The answer to a path (or a method on it) the local tenant does not emulate. */
export function unsupported({ request }: RouteCall<unknown>): never {
  throw errors.notSupported(`${request.method} ${request.path}`);
}
