/**
 * `/_local/…`: health, fault switches, request statistics, the tenant's clock and the relay's
 * Graph application permissions, for tests, the workbench and the benchmark.
 */
import type { LocalAuthority } from './authority';
import type { TenantContext } from './context';
import { getMeta, setMeta } from './db';
import { mergeFaults } from './faults';
import { type RunningHttpServer, USER_HEADER } from './http';
import { Handler, json, readJsonBody } from './types';

export interface AdminIdentity {
  readonly authority: LocalAuthority;
  /** What `/_local/identity` wants in X-IDENTITY-HEADER (the Functions host's IDENTITY_HEADER). */
  readonly identitySecret: string;
}

/**
 * A tenant clock that tests and the workbench can move: pass it as `now` when starting the
 * tenant, then move it with `POST /_local/clock` (`{"to": "<ISO instant>"}` or `{"byMinutes": n}`)
 * or in-process. Pinned (`movableClock(start)`): it stands at `start` until moved. Running
 * (`movableClock()`): real time plus whatever it was moved by.
 */
export interface MovableClock {
  (): Date;
  moveTo(instant: Date): void;
  moveBy(ms: number): void;
}

export function movableClock(start?: Date): MovableClock {
  let pinned = start ? start.getTime() : undefined;
  let offset = 0;
  const clock = ((): Date => new Date(pinned !== undefined ? pinned : Date.now() + offset)) as MovableClock;
  clock.moveTo = (instant) => {
    if (pinned !== undefined) {
      pinned = instant.getTime();
    } else {
      offset = instant.getTime() - Date.now();
    }
  };
  clock.moveBy = (ms) => {
    if (pinned !== undefined) {
      pinned += ms;
    } else {
      offset += ms;
    }
  };
  return clock;
}

function isMovable(now: () => Date): now is MovableClock {
  const clock = now as Partial<MovableClock>;
  return typeof clock.moveTo === 'function' && typeof clock.moveBy === 'function';
}

const APP_PERMISSIONS_KEY = 'notGrantedAppPermissions';

/**
 * Microsoft Graph application permissions an admin has not granted the relay's identity (a test
 * or the workbench takes one away with `POST /_local/app-permissions`, `{"notGranted": [...]}`).
 * Kept in the tenant's database; every permission is granted unless listed.
 */
export function notGrantedAppPermissions(db: TenantContext['db']): string[] {
  try {
    const value: unknown = JSON.parse(getMeta(db, APP_PERMISSIONS_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function appPermissionGranted(db: TenantContext['db'], permission: string): boolean {
  return !notGrantedAppPermissions(db).some((p) => p.toLowerCase() === permission.toLowerCase());
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
      // A test naming who signs in must name a person: Entra ID issues an app identity app-only
      // tokens only (client credentials), and an account it does not know no token at all, where
      // the request's user would have fallen back to the default persona.
      const named = request.headers[USER_HEADER];
      const person = named === undefined ? request.user : context.directory.byLogin(named);
      if (!person || person.isApp === true) {
        return json(400, { error: 'invalid_grant', error_description: `No person signs in as '${named ?? ''}': an app identity gets app-only tokens, never a delegated one.` });
      }
      const token = await identity.authority.userToken(person, resource);
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
    if (request.path === '/_local/clock') {
      const clock = context.now;
      if (request.method === 'POST') {
        if (!isMovable(clock)) {
          return json(409, { error: { code: 'ClockNotMovable', message: 'This tenant runs on a clock that cannot be moved (start it with movableClock()).' } });
        }
        const body = readJsonBody(request) as { to?: unknown; byMinutes?: unknown } | Error;
        const to = !(body instanceof Error) && typeof body?.to === 'string' ? new Date(body.to) : undefined;
        const by = !(body instanceof Error) && typeof body?.byMinutes === 'number' ? body.byMinutes : undefined;
        if (to && Number.isFinite(to.getTime())) {
          clock.moveTo(to);
        } else if (by !== undefined && Number.isFinite(by)) {
          clock.moveBy(by * 60_000);
        } else {
          return json(400, { error: { code: 'BadRequest', message: 'Send {"to": "<ISO instant>"} or {"byMinutes": n}.' } });
        }
      }
      return json(200, { now: context.now().toISOString(), movable: isMovable(clock) });
    }
    if (request.path === '/_local/app-permissions') {
      if (request.method === 'POST') {
        const body = readJsonBody(request) as { notGranted?: unknown } | Error;
        const list = !(body instanceof Error) && Array.isArray(body?.notGranted) ? body.notGranted : undefined;
        if (!list || !list.every((p) => typeof p === 'string')) {
          return json(400, { error: { code: 'BadRequest', message: 'Send {"notGranted": ["Schedule.Read.All", …]} ([] grants every one).' } });
        }
        setMeta(context.db, APP_PERMISSIONS_KEY, JSON.stringify(list));
      }
      return json(200, { notGranted: notGrantedAppPermissions(context.db) });
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
