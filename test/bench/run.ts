/**
 * `npm run bench`: per part of the product, measured against the local tenant with added
 * round-trip time on every SharePoint and Graph request:
 *   - round trips (SharePoint + Graph requests) and their bytes on first render;
 *   - the same on a revisit (reload) of the page;
 *   - time from navigation to the part showing its content (no spinner left);
 *   - JavaScript of the part's production bundle (`gulp bundle --ship`), raw and gzipped.
 * Prints a Markdown table; budgets are in docs/benchmarks.md. Nothing here asserts timings.
 *
 *   npm run bench                 build the ship bundle if missing, 100 ms RTT, 3 runs per part
 *   npm run bench -- --rtt 0 --runs 5 --build
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

import { REPO_ROOT, startTenant } from '../../local/server/tenant';
import { stripJsonComments } from '../../local/workbench/discovery';
import { launchBrowser, newContext } from '../e2e/support/browser';

interface Options {
  rttMs: number;
  runs: number;
  build: boolean;
}

interface PartEntry {
  id: string;
  alias: string;
  bundle: string;
  componentType: string;
}

interface Measurement {
  roundTrips: number;
  bytes: number;
  revisitRoundTrips: number;
  renderMs: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { rttMs: 100, runs: 3, build: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--rtt') {
      options.rttMs = Number(argv[++i]);
    } else if (argv[i] === '--runs') {
      options.runs = Number(argv[++i]);
    } else if (argv[i] === '--build') {
      options.build = true;
    } else {
      throw new Error(`Unknown option ${argv[i]} (use --rtt MS, --runs N, --build)`);
    }
  }
  return options;
}

function readJson(file: string): unknown {
  return JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8'))) as unknown;
}

/** Every component of config/config.json with its bundle name. */
function parts(): PartEntry[] {
  const config = readJson(path.join(REPO_ROOT, 'config', 'config.json')) as {
    bundles: Record<string, { components: Array<{ manifest: string }> }>;
  };
  const found: PartEntry[] = [];
  for (const [bundle, { components }] of Object.entries(config.bundles)) {
    for (const component of components) {
      const manifest = readJson(path.join(REPO_ROOT, component.manifest)) as { id: string; alias: string; componentType: string };
      found.push({ id: manifest.id, alias: manifest.alias, bundle, componentType: manifest.componentType });
    }
  }
  return found;
}

function shipBundleSizes(build: boolean): Map<string, { raw: number; gzip: number }> {
  const dist = path.join(REPO_ROOT, 'dist');
  if (build || !fs.existsSync(dist) || !fs.readdirSync(dist).some((f) => f.endsWith('.js'))) {
    process.stdout.write('Building the production bundle (gulp bundle --ship)…\n');
    const gulp = path.join(REPO_ROOT, 'node_modules', 'gulp', 'bin', 'gulp.js');
    const run = spawnSync(process.execPath, [gulp, 'bundle', '--ship'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (run.status !== 0) {
      throw new Error(`gulp bundle --ship failed:\n${(run.stdout + run.stderr).slice(-3000)}`);
    }
  }
  // dist/ keeps the files of earlier builds (other hashes): measure the newest file per bundle.
  const newest = new Map<string, { file: string; mtime: number }>();
  for (const file of fs.readdirSync(dist).filter((f) => /_[0-9a-f]{20}\.js$/.test(f))) {
    const bundle = file.replace(/_[0-9a-f]{20}\.js$/, '');
    const mtime = fs.statSync(path.join(dist, file)).mtimeMs;
    if (!newest.has(bundle) || (newest.get(bundle)?.mtime ?? 0) < mtime) {
      newest.set(bundle, { file, mtime });
    }
  }
  const sizes = new Map<string, { raw: number; gzip: number }>();
  for (const [bundle, { file }] of newest) {
    const contents = fs.readFileSync(path.join(dist, file));
    sizes.set(bundle, { raw: contents.length, gzip: zlib.gzipSync(contents, { level: 9 }).length });
  }
  return sizes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const sizes = shipBundleSizes(options.build);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-bench-'));
  const tenant = await startTenant({ port: 0, dataDir, faults: { latencyMs: options.rttMs } });
  const browser = await launchBrowser();
  const rows: string[] = [];
  try {
    for (const part of parts().filter((p) => p.componentType === 'WebPart' || p.componentType === 'AdaptiveCardExtension')) {
      const runs: Measurement[] = [];
      for (let run = 0; run < options.runs; run += 1) {
        const { context, page } = await newContext(browser, tenant.origin);
        const statsUrl = `${tenant.origin}/_local/stats`;
        const counted = async (): Promise<{ requests: number; bytes: number }> => {
          const stats = (await (await fetch(statsUrl)).json()) as { byService: Record<string, number>; bytesOut: number };
          return { requests: (stats.byService.sharepoint ?? 0) + (stats.byService.graph ?? 0), bytes: stats.bytesOut };
        };
        const ready = async (): Promise<void> => {
          await page.waitForFunction(
            (id) => {
              const root = document.querySelector(`[data-part-id="${id}"]`);
              return Boolean(root && (root.textContent ?? '').trim().length > 0 && !root.querySelector('.ms-Spinner'));
            },
            part.id,
            { timeout: 60_000, polling: 'raf' }
          );
        };
        // Warm the workbench bundle once so its build is not measured.
        if (run === 0) {
          await page.goto(`${tenant.origin}/?part=${part.alias}`);
          await ready();
        }
        await fetch(statsUrl, { method: 'POST' });
        const started = Date.now();
        await page.goto(`${tenant.origin}/?part=${part.alias}`);
        await ready();
        const renderMs = Date.now() - started;
        await page.waitForLoadState('networkidle');
        const first = await counted();
        await fetch(statsUrl, { method: 'POST' });
        await page.reload();
        await ready();
        await page.waitForLoadState('networkidle');
        const revisit = await counted();
        runs.push({ roundTrips: first.requests, bytes: first.bytes, revisitRoundTrips: revisit.requests, renderMs });
        await context.close();
      }
      const size = sizes.get(part.bundle);
      rows.push(
        `| ${part.alias} | ${median(runs.map((r) => r.roundTrips))} | ${median(runs.map((r) => r.revisitRoundTrips))} | ` +
          `${median(runs.map((r) => r.renderMs))} | ${size ? (size.raw / 1024).toFixed(1) : '?'} | ${size ? (size.gzip / 1024).toFixed(1) : '?'} |`
      );
    }
  } finally {
    await browser.close();
    await tenant.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(
    [
      '',
      `Shopfloor Engage benchmark — ${options.rttMs} ms added round-trip time, median of ${options.runs} runs, Node ${process.versions.node}`,
      '',
      '| part | round trips (first render) | round trips (revisit) | first render (ms) | JS (KB) | JS gzipped (KB) |',
      '|---|---|---|---|---|---|',
      ...rows,
      ''
    ].join('\n')
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
