/**
 * The one HTTP server of the local tenant: reads the body, resolves the signed-in persona,
 * applies the fault and latency switches, and hands the request to the first service that
 * answers it.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import type { Directory, Person } from '../tenant/directory';
import { decideFault, FAULT_ANSWERS, FaultSettings } from './faults';
import { Handler, json, LocalRequest, LocalResponse } from './types';

export const PERSONA_COOKIE = 'se_persona';
export const USER_HEADER = 'x-local-user';

export interface RequestStats {
  requests: number;
  bytesOut: number;
  byService: Record<string, number>;
  /**
   * Of those, the requests an app identity made (the relay reading SharePoint and Graph for a
   * person it serves): work behind the relay, not round trips of the page.
   */
  byAppIdentity: Record<string, number>;
}

export interface HttpServerOptions {
  port: number;
  host: string;
  directory: Directory;
  faults: FaultSettings;
  handlers: readonly Handler[];
  /**
   * Who a bearer token sent to SharePoint or Graph stands for (the relay's app-only identity);
   * undefined refuses the request with 401, as SharePoint does for a token it did not issue.
   */
  authenticate?: (token: string, service: 'sharepoint' | 'graph', origin: string) => Promise<Person | undefined>;
  random?: () => number;
  log?: (line: string) => void;
}

export interface RunningHttpServer {
  readonly server: http.Server;
  readonly port: number;
  readonly origin: string;
  readonly stats: RequestStats;
  resetStats(): void;
  close(): Promise<void>;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) {
      cookies[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
    }
  }
  return cookies;
}

/** The persona of the cookie (or test header). An app identity signs in with its token only. */
function resolveUser(directory: Directory, headers: Record<string, string>): Person {
  const login = headers[USER_HEADER] ?? parseCookies(headers.cookie)[PERSONA_COOKIE];
  const person = login ? directory.byLogin(login) : undefined;
  return person && !person.isApp ? person : directory.defaultPersona();
}

/** A bearer JWT (three base64url parts). The workbench's Graph client sends a placeholder, not a JWT. */
const BEARER = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i;

/** The signed-in identity: a bearer JWT's (SharePoint, Graph; undefined when refused) or the persona cookie's. */
async function identify(
  options: HttpServerOptions,
  headers: Record<string, string>,
  service: string,
  origin: string
): Promise<{ user: Person | undefined; via: 'cookie' | 'bearer' }> {
  const bearer = BEARER.exec(headers.authorization ?? '');
  if (bearer && options.authenticate && (service === 'sharepoint' || service === 'graph')) {
    return { user: await options.authenticate(bearer[1], service, origin), via: 'bearer' };
  }
  return { user: resolveUser(options.directory, headers), via: 'cookie' };
}

function serviceOf(path: string): string {
  if (path.includes('/_api/')) {
    return 'sharepoint';
  }
  if (path.startsWith('/graph/')) {
    return 'graph';
  }
  if (path.startsWith('/_local/')) {
    return 'admin';
  }
  if (path.startsWith('/relay/')) {
    return 'relay';
  }
  return 'workbench';
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const random = options.random ?? Math.random;
  const sockets = new Set<import('net').Socket>();
  const stats: RequestStats = { requests: 0, bytesOut: 0, byService: {}, byAppIdentity: {} };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const host = req.headers.host ?? `127.0.0.1:${(server.address() as AddressInfo).port}`;
        const url = new URL(req.url ?? '/', `http://${host}`);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value ?? '';
        }
        let path: string;
        try {
          path = decodeURIComponent(url.pathname);
        } catch {
          path = url.pathname;
        }
        const service = serviceOf(path);
        const origin = `http://${host}`;
        const { user, via } = await identify(options, headers, service, origin);
        const request: LocalRequest | undefined = user && {
          authentication: via,
          method: (req.method ?? 'GET').toUpperCase(),
          path,
          query: url.searchParams,
          headers,
          body: Buffer.concat(chunks),
          user,
          origin
        };

        const decision = decideFault(options.faults, path, random);
        // Added round-trip time is for the tenant's APIs (SharePoint, Graph, the relay); the
        // workbench's own assets stand for the SharePoint page and CDN, which the product does
        // not control.
        await delay(service === 'sharepoint' || service === 'graph' || service === 'relay' ? options.faults.latencyMs : 0);
        if (decision === 'drop') {
          req.socket.destroy();
          return;
        }
        let response: LocalResponse;
        if (decision === 'throttle' || decision === 'unavailable') {
          const answer = FAULT_ANSWERS[decision];
          response = json(
            answer.status,
            { error: { code: answer.code, message: answer.message } },
            { 'retry-after': String(options.faults.retryAfterSeconds) }
          );
        } else if (!request) {
          response = json(401, { error: { code: 'InvalidAuthenticationToken', message: 'The bearer token is not valid for this resource.' } }, { 'www-authenticate': 'Bearer' });
        } else {
          response = await dispatch(options.handlers, request, options.log);
        }
        const body = response.body ?? '';
        const length = Buffer.byteLength(body);
        if (service !== 'admin') {
          stats.requests += 1;
          stats.bytesOut += length;
          stats.byService[service] = (stats.byService[service] ?? 0) + 1;
          if (request?.user.isApp) {
            stats.byAppIdentity[service] = (stats.byAppIdentity[service] ?? 0) + 1;
          }
        }
        res.writeHead(response.status, { 'content-length': String(length), ...response.headers });
        res.end(body);
      })();
    });
  });

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        origin: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
        stats,
        resetStats: () => {
          stats.requests = 0;
          stats.bytesOut = 0;
          stats.byService = {};
          stats.byAppIdentity = {};
        },
        close: () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            for (const socket of sockets) {
              socket.end();
              setTimeout(() => socket.destroy(), 200).unref();
            }
          })
      });
    });
  });
}

async function dispatch(
  handlers: readonly Handler[],
  request: LocalRequest,
  log: ((line: string) => void) | undefined
): Promise<LocalResponse> {
  try {
    for (const handler of handlers) {
      const response = await handler(request);
      if (response) {
        return response;
      }
    }
    return json(404, { error: { code: 'NotFound', message: `Nothing at ${request.path}.` } });
  } catch (error) {
    const message = error instanceof Error ? error.stack ?? error.message : String(error);
    log?.(`500 ${request.method} ${request.path}: ${message}`);
    return json(500, { error: { code: 'InternalError', message: 'The local tenant failed on this request.' } });
  }
}
