/**
 * GET /api/health → 200 {status: "ok", pulseKeys}: the relay runs, and whether it holds pulse keys
 * (SE_PULSE_KEYS; without them it collects no pulse answer, and HR's Pulse admin part says so).
 * Anyone may ask: it tells whether a setting is there, never the setting.
 */
import type { PulseKeyring } from '../pulse/envelope';
import type { PublicRoute } from '../router';

export function healthRoute(keys: PulseKeyring | undefined): PublicRoute {
  return {
    method: 'GET',
    path: '/api/health',
    userToken: false,
    body: 'none',
    handle: async () => ({ status: 200, body: { status: 'ok', pulseKeys: keys !== undefined } })
  };
}
