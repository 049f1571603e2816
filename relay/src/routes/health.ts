/** GET /api/health → 200 {status: "ok"}: the relay runs. Anyone may ask. */
import type { PublicRoute } from '../router';

export const healthRoute: PublicRoute = {
  method: 'GET',
  path: '/api/health',
  userToken: false,
  body: 'none',
  handle: async () => ({ status: 200, body: { status: 'ok' } })
};
