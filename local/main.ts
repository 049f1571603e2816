/**
 * `npm start`: the whole product on one machine. Starts the local tenant (SharePoint and Graph
 * stand-in with the demo plant) and the workbench, prints the URL, stops cleanly on Ctrl-C.
 *
 *   npm start                      port 4321, data in .local-tenant/
 *   npm start -- --reset           drop the data and seed the demo plant again
 *   npm start -- --reset --fresh-install
 *                                  …as a new install: lists open to every member until the site
 *                                  admin applies Engage Setup's access settings
 *   npm start -- --port 8080 --data /tmp/plant --seed 7
 *
 * The relay's pulse timer runs every minute (LOCAL_PULSE_TIMER_MS; 0 = never), its learning
 * timer every five minutes (LOCAL_LEARNING_TIMER_MS; 0 = never), and the tenant's clock can be moved (`POST /_local/clock`), so a round opens on time in the workbench.
 */
import * as path from 'path';

import { LEARNING_TIMER_PATH, PULSE_TIMER_PATH } from './relay';
import { movableClock } from './server/admin';
import { DEFAULT_SEED, REPO_ROOT, startTenant } from './server/tenant';

/** How often the local relay's pulse timer runs, as the Functions timer trigger does in Azure. */
const PULSE_TIMER_EVERY_MS = Number(process.env.LOCAL_PULSE_TIMER_MS ?? 60_000);
/** How often the local relay's learning timer runs (hourly in Azure; every 5 minutes here). */
const LEARNING_TIMER_EVERY_MS = Number(process.env.LOCAL_LEARNING_TIMER_MS ?? 300_000);

interface CliOptions {
  port: number;
  host: string;
  dataDir: string;
  reset: boolean;
  seed: number;
  freshInstall: boolean;
}

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    port: Number(process.env.LOCAL_TENANT_PORT ?? 4321),
    host: process.env.LOCAL_TENANT_HOST ?? '127.0.0.1',
    dataDir: process.env.LOCAL_TENANT_DATA ?? path.join(REPO_ROOT, '.local-tenant'),
    reset: false,
    freshInstall: false,
    seed: Number(process.env.LOCAL_TENANT_SEED ?? DEFAULT_SEED)
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const next = (): string => {
      const value = argv[i + 1];
      if (value === undefined) {
        throw new Error(`${arg} needs a value`);
      }
      i += 1;
      return value;
    };
    if (arg === '--reset') {
      options.reset = true;
    } else if (arg === '--fresh-install') {
      options.freshInstall = true;
    } else if (arg === '--port') {
      options.port = Number(next());
    } else if (arg === '--host') {
      options.host = next();
    } else if (arg === '--data') {
      options.dataDir = path.resolve(next());
    } else if (arg === '--seed') {
      options.seed = Number(next());
    } else {
      throw new Error(`Unknown option ${arg}. Options: --reset, --fresh-install, --port N, --host H, --data DIR, --seed N`);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port must be a whole number from 0 to 65535');
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const tenant = await startTenant({
    port: options.port,
    host: options.host,
    dataDir: options.dataDir,
    reset: options.reset,
    seed: options.seed,
    freshInstall: options.freshInstall,
    // Real time, movable with POST /_local/clock (try a round's opening or a shift start).
    now: movableClock(),
    log: (line) => process.stdout.write(`${line}\n`)
  });
  // The pulse timer over HTTP, as the Functions host calls it: rounds open and close on time
  // and reminders go while the workbench runs, with nobody on a page.
  const pulseTimer =
    PULSE_TIMER_EVERY_MS > 0
      ? setInterval(() => {
          fetch(`${tenant.origin}${PULSE_TIMER_PATH}`, { method: 'POST' }).catch((error: unknown) => process.stderr.write(`pulse timer: ${String(error)}\n`));
        }, PULSE_TIMER_EVERY_MS)
      : undefined;
  // The learning timer likewise (renewals before a skill ends, and their Teams notices).
  const learningTimer =
    LEARNING_TIMER_EVERY_MS > 0
      ? setInterval(() => {
          fetch(`${tenant.origin}${LEARNING_TIMER_PATH}`, { method: 'POST' }).catch((error: unknown) => process.stderr.write(`learning timer: ${String(error)}\n`));
        }, LEARNING_TIMER_EVERY_MS)
      : undefined;
  process.stdout.write(
    [
      '',
      'Shopfloor Engage local tenant is running (a stand-in for SharePoint Online and Microsoft Graph).',
      `  Workbench:        ${tenant.workbenchUrl}`,
      `  SharePoint site:  ${tenant.siteUrl}`,
      `  Microsoft Graph:  ${tenant.graphUrl}`,
      `  Data:             ${options.dataDir}`,
      'Press Ctrl-C to stop.',
      ''
    ].join('\n')
  );

  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    if (learningTimer) {
      clearInterval(learningTimer);
    }
    if (pulseTimer) {
      clearInterval(pulseTimer);
    }
    process.stdout.write('Stopping…\n');
    tenant.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      }
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
