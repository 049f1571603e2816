/**
 * The relay in Azure Functions: every route of the relay has an HTTP trigger (relay/<name>/
 * function.json) for its path and method, and for the CORS preflight of a route a browser
 * calls; otherwise the Functions host answers 404 before the relay sees the request.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { SPFI } from '@pnp/sp';

import { relayRoutes } from '../../relay/src/handler';

const RELAY = path.resolve(__dirname, '..', '..', 'relay');

interface Trigger {
  readonly route: string;
  readonly methods: string[];
}

function triggers(): Trigger[] {
  const host = JSON.parse(fs.readFileSync(path.join(RELAY, 'host.json'), 'utf8')) as { extensions?: { http?: { routePrefix?: string } } };
  const prefix = host.extensions?.http?.routePrefix ?? 'api';
  return fs
    .readdirSync(RELAY, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(RELAY, entry.name, 'function.json')))
    .map((entry) => {
      const fn = JSON.parse(fs.readFileSync(path.join(RELAY, entry.name, 'function.json'), 'utf8')) as { bindings: Array<{ type: string; route?: string; methods?: string[] }> };
      const trigger = fn.bindings.find((binding) => binding.type === 'httpTrigger');
      return { route: `/${prefix}/${trigger?.route ?? entry.name}`.toLowerCase(), methods: (trigger?.methods ?? []).map((m) => m.toUpperCase()) };
    });
}

describe('the relay\'s Azure Functions triggers', () => {
  it('has a trigger for every route and method, with OPTIONS where a browser calls with a token', () => {
    const routes = relayRoutes({
      verifyCaller: () => Promise.reject(new Error('not called')),
      sharePoint: () => ({}) as SPFI,
      directory: { managerOf: () => Promise.resolve(undefined), teamsOf: () => Promise.resolve([]) },
      allowedOrigins: []
    });
    const found = triggers();
    const missing = routes
      .flatMap((route) => [route.method, ...(route.userToken ? ['OPTIONS'] : [])].map((method) => ({ path: route.path.toLowerCase(), method })))
      .filter(({ path: routePath, method }) => !found.some((trigger) => trigger.route === routePath && trigger.methods.includes(method)))
      .map(({ path: routePath, method }) => `${method} ${routePath}`);
    expect(missing).toEqual([]);
  });

  it('offers the action plans\' routes, each with its own trigger', () => {
    const routes = relayRoutes({
      verifyCaller: () => Promise.reject(new Error('not called')),
      sharePoint: () => ({}) as SPFI,
      directory: { managerOf: () => Promise.resolve(undefined), teamsOf: () => Promise.resolve([]) },
      allowedOrigins: []
    });
    const plans = ['/api/pulse/plans', '/api/pulse/plans/mine', '/api/pulse/plans/save', '/api/pulse/plans/publish', '/api/pulse/plans/status'];
    expect(routes.filter((route) => plans.includes(route.path)).map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /api/pulse/plans',
      'GET /api/pulse/plans/mine',
      'POST /api/pulse/plans/save',
      'POST /api/pulse/plans/publish',
      'POST /api/pulse/plans/status'
    ]);
    const found = triggers();
    expect(plans.filter((route) => !found.some((trigger) => trigger.route === route))).toEqual([]);
  });
});
