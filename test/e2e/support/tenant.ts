/**
 * Starts the real `npm start` CLI (`local/main.ts` under tsx's loader) as a child process on a free
 * port with a fresh data folder, as a user would, and stops it with Ctrl-C (SIGINT).
 *
 * One process, `node --import tsx local/main.ts`, rather than tsx's own command: that command runs
 * the script in a second process and relays Ctrl-C to it, and when the script does not confirm the
 * signal within 30 ms (a busy machine) it kills it and exits with 130, so a clean stop would fail
 * the test for the machine's load. The script, its loader and its Ctrl-C handling are the same.
 *
 * Set `WORKBENCH_URL` to test against a tenant you already started instead.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface CliTenant {
  /** Workbench URL as printed by the CLI, e.g. `http://127.0.0.1:41234/`. */
  readonly workbenchUrl: string;
  /** e.g. `http://127.0.0.1:41234` */
  readonly origin: string;
  /** Everything the CLI printed so far (stdout and stderr). */
  output(): string;
  /** Sends SIGINT and resolves with the exit code (undefined when started elsewhere, or killed by a signal). */
  stop(): Promise<number | undefined>;
}

export interface StartOptions {
  /** Script to run with tsx, relative to the repository root (default `local/main.ts`). */
  readonly script?: string;
  readonly extraArgs?: readonly string[];
  readonly timeoutMs?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | undefined> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode ?? undefined);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The tenant did not stop within ${timeoutMs} ms after SIGINT.`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? undefined);
    });
  });
}

/** The tsx CLI behind `node_modules/.bin/tsx`, run with this Node (22, from node_modules). */
/** tsx's loader, registered in the script's own process (`node --import`). */
function tsxLoader(): string {
  return require.resolve('tsx', { paths: [ROOT] });
}

export async function startCliTenant(options: StartOptions = {}): Promise<CliTenant> {
  const external = process.env.WORKBENCH_URL;
  if (external) {
    const url = new URL(external);
    return { workbenchUrl: url.toString(), origin: url.origin, output: () => '', stop: async () => undefined };
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-e2e-'));
  const args = ['--import', pathToFileURL(tsxLoader()).href, options.script ?? 'local/main.ts', '--port', String(port), '--data', dataDir, '--reset'];
  const child = spawn(process.execPath, [...args, ...(options.extraArgs ?? [])], {
    cwd: ROOT,
    // No pulse timer on its own: a test that needs one runs it (`POST /relay/pulse-timer`), so a
    // run every minute never lands in the middle of what a test measures or waits for.
    env: { ...process.env, FORCE_COLOR: '0', NODE_NO_WARNINGS: '1', LOCAL_PULSE_TIMER_MS: process.env.LOCAL_PULSE_TIMER_MS ?? '0', LOCAL_LEARNING_TIMER_MS: process.env.LOCAL_LEARNING_TIMER_MS ?? '0' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const cleanUp = (): void => fs.rmSync(dataDir, { recursive: true, force: true });
  const workbenchUrl = await new Promise<string>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`No "Workbench:" line within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const check = (): void => {
      const match = /Workbench:\s+(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The tenant exited (${code ?? signal}) before it printed its URL. Output:\n${output}`));
    });
  }).catch((error: unknown) => {
    cleanUp();
    throw error;
  });

  return {
    workbenchUrl,
    origin: new URL(workbenchUrl).origin,
    output: () => output,
    stop: async () => {
      child.removeAllListeners('exit');
      child.kill('SIGINT');
      try {
        return await waitForExit(child, 20_000);
      } finally {
        cleanUp();
      }
    }
  };
}
