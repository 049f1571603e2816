/**
 * The relay as it is deployed: `npm run relay:build` bundles relay/src/main.ts into one file,
 * which the Azure Functions custom handler starts with `node dist/main.js`. Built here into a
 * temporary folder and started as a child process: it must refuse to start without its
 * settings, answer its health check, and refuse a report without a token.
 */
import { type ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<Response> {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) {
      throw new Error(`The relay exited with ${child.exitCode}`);
    }
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('The relay did not start listening');
}

describe('the relay bundle (npm run relay:build)', () => {
  let dir: string;
  let bundle: string;
  let child: ChildProcess | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-'));
    bundle = path.join(dir, 'main.js');
    const esbuild = path.join(ROOT, 'node_modules', '.bin', 'esbuild');
    const built = spawnSync(esbuild, ['relay/src/main.ts', '--bundle', '--platform=node', '--target=node20', `--outfile=${bundle}`], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status).toBe(0);
  }, 60_000);

  afterAll(() => {
    child?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start without its app settings, and says which one is missing', () => {
    const run = spawnSync(process.execPath, [bundle], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('SE_TENANT_ID');
  });

  it('answers its health check and refuses a report without a token', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [bundle], {
      env: {
        PATH: process.env.PATH ?? '',
        FUNCTIONS_CUSTOMHANDLER_PORT: String(port),
        SE_TENANT_ID: '5c1f2d3e-8a4b-4c6d-9e0f-a1b2c3d4e5f6',
        SE_SITE_URL: 'https://contoso.sharepoint.com/sites/engage',
        SE_AUDIENCE: 'api://shopfloor-engage-relay',
        SE_ALLOWED_ORIGINS: 'https://contoso.sharepoint.com',
        IDENTITY_ENDPOINT: 'http://127.0.0.1:1/msi/token',
        IDENTITY_HEADER: 'secret'
      },
      stdio: 'ignore'
    });
    const health = await waitForHealth(`http://127.0.0.1:${port}/api/health`, child);
    expect(health.status).toBe(200);
    // Started without SE_PULSE_KEYS: it runs, and says it collects no pulse answer.
    expect(await health.json()).toEqual({ status: 'ok', pulseKeys: false });

    const report = await fetch(`http://127.0.0.1:${port}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://contoso.sharepoint.com' },
      body: JSON.stringify({ recognitionId: 1, reason: 'x' })
    });
    expect(report.status).toBe(401);
    expect(report.headers.get('access-control-allow-origin')).toBe('https://contoso.sharepoint.com');

    const preflight = await fetch(`http://127.0.0.1:${port}/api/reports`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(preflight.status).toBe(403);
  }, 30_000);
});
