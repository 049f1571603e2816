/**
 * The relay, hosted by the local tenant at `/relay/…` (its API at `/relay/api/…`), built by the
 * same `createRelay` as in Azure Functions (`relay/src`). Its callers' tokens come from the local
 * authority (`/_local/token`, what AadHttpClient gets in SharePoint); its own identity is a
 * managed identity emulated at `/_local/identity`, and it talks to the local SharePoint over
 * real HTTP with that app-only token. Its pulse keys are the local demo key (`pulseKeys.ts`).
 */
import { randomBytes } from 'crypto';

import { createRelay } from '../../relay/src/createRelay';
import type { RelayHandler } from '../../relay/src/router';
import { LOCAL_ISSUER, type LocalAuthority, RELAY_RESOURCE } from '../server/authority';
import type { TenantContext } from '../server/context';
import type { RunningHttpServer } from '../server/http';
import type { Handler } from '../server/types';
import { localPulseKeys } from './pulseKeys';

export const RELAY_PREFIX = '/relay';

/** The secret the emulated managed identity endpoint wants (IDENTITY_HEADER). */
export function newIdentitySecret(): string {
  return randomBytes(24).toString('hex');
}

export function createRelayHostHandler(context: TenantContext, authority: LocalAuthority, identitySecret: string, server: () => RunningHttpServer): Handler {
  let handle: RelayHandler | undefined;

  /** Built at the first request: the server's origin is known once it listens. */
  function relay(): RelayHandler {
    if (!handle) {
      const origin = server().origin;
      handle = createRelay({
        siteUrl: `${origin}${context.siteUrlPath}`,
        identity: { endpoint: `${origin}/_local/identity`, secret: identitySecret },
        graphUrl: `${origin}/graph/v1.0`,
        issuer: LOCAL_ISSUER,
        keys: authority.keys(),
        audience: RELAY_RESOURCE,
        allowedOrigins: [origin],
        // The rate limits follow the tenant's clock, which a test may move.
        now: () => context.now().getTime(),
        pulseKeys: localPulseKeys(),
        log: (line) => process.stderr.write(`relay: ${line}\n`)
      });
    }
    return handle;
  }

  return async (request) => {
    if (request.path !== RELAY_PREFIX && !request.path.startsWith(`${RELAY_PREFIX}/`)) {
      return undefined;
    }
    const response = await relay()({
      method: request.method,
      path: request.path.slice(RELAY_PREFIX.length) || '/',
      headers: request.headers,
      body: request.body.toString('utf8')
    });
    return { status: response.status, headers: response.headers, body: response.body };
  };
}
