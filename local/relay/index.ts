/**
 * The relay, hosted by the local tenant at `/relay/…` (its API at `/relay/api/…`), built by the
 * same `createRelay` as in Azure Functions (`relay/src`). Its callers' tokens come from the local
 * authority (`/_local/token`, what AadHttpClient gets in SharePoint); its own identity is a
 * managed identity emulated at `/_local/identity`, and it talks to the local SharePoint over
 * real HTTP with that app-only token. Its pulse keys are the local demo key (`pulseKeys.ts`), its learning keys
 * another (`learningKeys.ts`).
 */
import { randomBytes } from 'crypto';

import { createRelay, createRelayLearningTimer, createRelayPulseTimer, type RelayConfig } from '../../relay/src/createRelay';
import type { LearningTimer } from '../../relay/src/learning/renewalTimer';
import type { PulseTimer } from '../../relay/src/pulse/timer';
import type { RelayHandler } from '../../relay/src/router';
import { LOCAL_ISSUER, type LocalAuthority, RELAY_RESOURCE } from '../server/authority';
import type { TenantContext } from '../server/context';
import type { RunningHttpServer } from '../server/http';
import type { Handler } from '../server/types';
import { localLearningKeys } from './learningKeys';
import { localPulseKeys } from './pulseKeys';

export const RELAY_PREFIX = '/relay';

/**
 * Where the local tenant runs one pulse timer run: `POST /relay/pulse-timer`, as the Functions
 * host posts to the custom handler's `/pulse-timer` (body `{"at": "<ISO instant>"}` optional: the
 * tenant's clock unless given). `npm start` posts here on an interval; tests post a run at a time.
 */
export const PULSE_TIMER_PATH = `${RELAY_PREFIX}/pulse-timer`;

/**
 * Where the local tenant runs one learning timer run (renewals): `POST /relay/learning-timer`, as
 * the Functions host posts to `/learning-timer`; the same optional body. Tests post a run at a time.
 */
export const LEARNING_TIMER_PATH = `${RELAY_PREFIX}/learning-timer`;

/** The secret the emulated managed identity endpoint wants (IDENTITY_HEADER). */
export function newIdentitySecret(): string {
  return randomBytes(24).toString('hex');
}

export function createRelayHostHandler(context: TenantContext, authority: LocalAuthority, identitySecret: string, server: () => RunningHttpServer): Handler {
  let handle: RelayHandler | undefined;
  let timer: PulseTimer | undefined;
  let learningTimer: LearningTimer | undefined;

  /** Built at the first request: the server's origin is known once it listens. */
  function configuration(): RelayConfig {
    const origin = server().origin;
    return {
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
      learningKeys: localLearningKeys(),
      // The demo plant's renewals count Göteborg's local days (its Eindhoven site shares the offset).
      plantTimeZone: 'Europe/Stockholm',
      log: (line) => process.stderr.write(`relay: ${line}\n`)
    };
  }

  function relay(): RelayHandler {
    handle = handle ?? createRelay(configuration());
    return handle;
  }

  function pulseTimer(): PulseTimer {
    timer = timer ?? createRelayPulseTimer(configuration());
    return timer;
  }

  function renewalTimer(): LearningTimer {
    learningTimer = learningTimer ?? createRelayLearningTimer(configuration());
    return learningTimer;
  }

  return async (request) => {
    if (request.path !== RELAY_PREFIX && !request.path.startsWith(`${RELAY_PREFIX}/`)) {
      return undefined;
    }
    if ((request.path === PULSE_TIMER_PATH || request.path === LEARNING_TIMER_PATH) && request.method === 'POST') {
      const at = timerInstant(request.body.toString('utf8'));
      if (at === 'invalid') {
        return { status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'invalidInput', message: 'Send {"at": "<ISO instant>"} or nothing.' } }) };
      }
      const timer = request.path === PULSE_TIMER_PATH ? pulseTimer() : renewalTimer();
      const report = await timer.tick(at ?? context.now());
      return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(report) };
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

/** The instant a run is asked for: none (the tenant's clock), a valid ISO instant, or 'invalid'. */
function timerInstant(body: string): Date | undefined | 'invalid' {
  if (body.trim() === '') {
    return undefined;
  }
  try {
    const parsed = JSON.parse(body) as { at?: unknown };
    if (parsed.at === undefined) {
      return undefined;
    }
    const at = typeof parsed.at === 'string' ? new Date(parsed.at) : undefined;
    return at && Number.isFinite(at.getTime()) ? at : 'invalid';
  } catch {
    return 'invalid';
  }
}
