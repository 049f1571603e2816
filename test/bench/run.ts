/**
 * `npm run bench`: per part of the product, measured against the local tenant with added
 * round-trip time on every SharePoint and Graph request:
 *   - round trips (the page's SharePoint, Graph and relay requests; not the relay's own) on first render: those answered before the part
 *     painted its content, and all of them once the page is idle (what loads after the paint,
 *     such as reaction counts, counts in the second figure only);
 *   - the same on a revisit (reload) of the page;
 *   - for cards, the round trips of opening the quick view (its button on the card face), on a
 *     first use (cold session, nothing on the device) and for a returning person: a new tab of
 *     the same browser context (a cold session: no sessionStorage, the device's localStorage as
 *     the earlier visit left it), the card's round trips and then opening its quick view;
 *   - time from navigation to the part showing its content (no spinner or skeleton left);
 *   - each part as the person it is for (`PART_PERSONA`: the Crew skills matrix as a team leader,
 *     the admin parts and Pulse results as HR or the site admin, the rest as the operator): a part
 *     measured as someone it shows nothing to would measure its empty state;
 *   - JavaScript of the part's production bundle (`gulp bundle --ship`), raw and gzipped: the
 *     bundle the page loads for the part's first render, and apart from it the chunks the part
 *     loads on demand (webpack's `import()` chunks, `dist/chunk.<webpackChunkName>_<hash>.js`,
 *     and the shared `dist/chunk.<id>_<hash>.js` chunks they need).
 * Then the relay's pulse results for 5,000, 50,000 and 200,000 answers (`pulseResults.ts`: the
 * results core's time per round, no browser).
 * Prints Markdown tables; budgets are in docs/benchmarks.md. Nothing here asserts timings.
 *
 *   npm run bench                 build the ship bundle if missing, 100 ms RTT, 3 runs per part
 *   npm run bench -- --rtt 0 --runs 5 --build
 *   npm run bench -- --build --js-only    only the JavaScript sizes (no browser)
 *   npm run bench -- --part PulseResultsWebPart   only that part (repeatable; no pulse results table)
 *   npm run bench -- --results-only       only the pulse results table
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

import { REPO_ROOT, startTenant } from '../../local/server/tenant';
import { type PersonaKey, personas } from '../../local/tenant/personas';
import { stripJsonComments } from '../../local/workbench/discovery';
import { launchBrowser, newContext } from '../e2e/support/browser';
import { resultsCoreTable } from './pulseResults';

interface Options {
  rttMs: number;
  runs: number;
  build: boolean;
  jsOnly: boolean;
  /** Only these parts (aliases); empty: every part, and the pulse results table. */
  parts: string[];
  /** Only the pulse results table (no bundle, no browser). */
  resultsOnly: boolean;
}

/**
 * Who each part is measured as (the workbench's personas); a part not named here is measured as
 * the operator, the workbench's default persona.
 */
const PART_PERSONA: Readonly<Record<string, PersonaKey>> = {
  EngageSetupWebPart: 'siteAdmin',
  RecognitionAdminWebPart: 'hr',
  PulseAdminWebPart: 'hr',
  PulseResultsWebPart: 'hr',
  SkillsMatrixWebPart: 'teamLeader',
  LearningAdminWebPart: 'hr'
};

interface PartEntry {
  id: string;
  alias: string;
  bundle: string;
  componentType: string;
}

interface FileSize {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

/** A chunk loaded on demand: its name (webpackChunkName) and the shared chunks loaded with it. */
interface LazyChunk extends FileSize {
  readonly name: string;
  /** This chunk and the unnamed shared chunks the same `import()` loads with it. */
  readonly withShared: { raw: number; gzip: number };
}

interface BundleSizes {
  /** The bundle itself: what the page loads before the part's first render. */
  readonly initial: FileSize;
  /** Named chunks, each with the shared chunks its `import()` loads with it. */
  readonly lazy: readonly LazyChunk[];
  /** Every chunk the bundle can load on demand (named and shared), each counted once. */
  readonly lazyTotal: { raw: number; gzip: number };
}

interface Measurement {
  /** Answered before the part painted its content. */
  paintRoundTrips: number;
  /** All, once the page is idle. */
  roundTrips: number;
  bytes: number;
  revisitPaintRoundTrips: number;
  revisitRoundTrips: number;
  renderMs: number;
  /** Cards: what opening the quick view asks for, and the returning person's cold session. */
  card?: CardMeasurement;
}

interface CardMeasurement {
  /** Opening the quick view after the cold first render (undefined: the card offered none). */
  quickView: number | undefined;
  /** A new tab, same device: the card's round trips in all, then opening its quick view. */
  returningCard: number;
  returningQuickView: number | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { rttMs: 100, runs: 3, build: false, jsOnly: false, parts: [], resultsOnly: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--rtt') {
      options.rttMs = Number(argv[++i]);
    } else if (argv[i] === '--runs') {
      options.runs = Number(argv[++i]);
    } else if (argv[i] === '--build') {
      options.build = true;
    } else if (argv[i] === '--js-only') {
      options.jsOnly = true;
    } else if (argv[i] === '--part') {
      options.parts.push(argv[++i]);
    } else if (argv[i] === '--results-only') {
      options.resultsOnly = true;
    } else {
      throw new Error(`Unknown option ${argv[i]} (use --rtt MS, --runs N, --build, --js-only, --part ALIAS, --results-only)`);
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

function sizeOf(dist: string, file: string): FileSize {
  const contents = fs.readFileSync(path.join(dist, file));
  return { file, raw: contents.length, gzip: zlib.gzipSync(contents, { level: 9 }).length };
}

/**
 * The chunks a bundle loads on demand, from its webpack runtime: the chunk file names
 * (`"chunk."+({515:"recognition-composer"}[e]||e)+"_"+{515:"<hash>",844:"<hash>"}[e]+".js"`, or
 * `(11===e?"crew-composer":e)` with one named chunk) and the `import()` calls
 * (`Promise.all([f.e(844),f.e(74),f.e(515)])` or `f.e(258).then`), which say which shared chunks
 * load with which named one.
 */
function lazyChunks(dist: string, bundleText: string): Pick<BundleSizes, 'lazy' | 'lazyTotal'> {
  const loader = /"chunk\."\+(.+?)\+"_"\+\{([^}]*)\}\[[\w$]+\]\+"\.js"/.exec(bundleText);
  if (!loader) {
    return { lazy: [], lazyTotal: { raw: 0, gzip: 0 } };
  }
  const pairs = (text: string): Map<string, string> =>
    new Map(Array.from(text.matchAll(/(\d+):"([^"]+)"/g), (m): [string, string] => [m[1], m[2]]));
  const single = /^\((\d+)===[\w$]+\?"([^"]+)":[\w$]+\)$/.exec(loader[1]);
  const names = single ? new Map([[single[1], single[2]]]) : pairs(loader[1]);
  const hashes = pairs(loader[2]);
  const files = new Map<string, FileSize>();
  for (const [id, hash] of hashes) {
    const file = `chunk.${names.get(id) ?? id}_${hash}.js`;
    if (fs.existsSync(path.join(dist, file))) {
      files.set(id, sizeOf(dist, file));
    }
  }
  // Each import() loads a group of chunks: the named one and the shared ones it needs.
  const groups = Array.from(bundleText.matchAll(/Promise\.all\(\[((?:[\w$]+\.e\(\d+\),?)+)\]\)|[\w$]+\.e\((\d+)\)\.then/g), (m) =>
    m[2] ? [m[2]] : Array.from(m[1].matchAll(/\.e\((\d+)\)/g), (e) => e[1])
  );
  const lazy: LazyChunk[] = [];
  for (const [id, name] of names) {
    const own = files.get(id);
    if (!own) {
      continue;
    }
    const group = new Set(groups.filter((g) => g.includes(id)).flat());
    group.add(id);
    const withShared = Array.from(group)
      .map((member) => files.get(member))
      .filter((f): f is FileSize => f !== undefined)
      .reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
    lazy.push({ ...own, name, withShared });
  }
  const lazyTotal = Array.from(files.values()).reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { lazy: lazy.sort((a, b) => a.name.localeCompare(b.name)), lazyTotal };
}

function shipBundleSizes(build: boolean): Map<string, BundleSizes> {
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
  // Chunks (`chunk.*`) are not bundles: each bundle names the ones it loads in its runtime.
  const newest = new Map<string, { file: string; mtime: number }>();
  for (const file of fs.readdirSync(dist).filter((f) => /_[0-9a-f]{20}\.js$/.test(f) && !f.startsWith('chunk.'))) {
    const bundle = file.replace(/_[0-9a-f]{20}\.js$/, '');
    const mtime = fs.statSync(path.join(dist, file)).mtimeMs;
    if (!newest.has(bundle) || (newest.get(bundle)?.mtime ?? 0) < mtime) {
      newest.set(bundle, { file, mtime });
    }
  }
  const sizes = new Map<string, BundleSizes>();
  for (const [bundle, { file }] of newest) {
    const initial = sizeOf(dist, file);
    sizes.set(bundle, { initial, ...lazyChunks(dist, fs.readFileSync(path.join(dist, file), 'utf8')) });
  }
  return sizes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The median, or "–" when some run had no figure (e.g. a card that offered no quick view). */
function medianOrDash(values: ReadonlyArray<number | undefined>): string {
  const numbers = values.filter((v): v is number => v !== undefined);
  return values.length > 0 && numbers.length === values.length ? String(median(numbers)) : '–';
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

/** The JavaScript tables: first-render bundle per part, then what each part loads on demand. */
function jsTables(measured: readonly PartEntry[], sizes: ReadonlyMap<string, BundleSizes>): string[] {
  const lines = [
    '| part | bundle | first-render JS (KB) | first-render JS gzipped (KB) | on demand, all chunks gzipped (KB) |',
    '|---|---|---|---|---|'
  ];
  const chunks = [
    '| part | loaded on demand (`webpackChunkName`) | KB | gzipped (KB) | with the shared chunks it needs, gzipped (KB) |',
    '|---|---|---|---|---|'
  ];
  for (const part of measured) {
    const size = sizes.get(part.bundle);
    lines.push(
      `| ${part.alias} | \`${part.bundle}\` | ${size ? kb(size.initial.raw) : '?'} | ${size ? kb(size.initial.gzip) : '?'} | ` +
        `${size ? kb(size.lazyTotal.gzip) : '?'} |`
    );
    for (const chunk of size?.lazy ?? []) {
      chunks.push(`| ${part.alias} | \`${chunk.name}\` | ${kb(chunk.raw)} | ${kb(chunk.gzip)} | ${kb(chunk.withShared.gzip)} |`);
    }
  }
  return [...lines, '', ...chunks];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // The relay's pulse results: the results core's time per round, printed after the parts.
  const resultsTable = (): string[] =>
    options.parts.length > 0 ? [] : ["Pulse results computed by the relay's core (one round; median of 3; `test/bench/pulseResults.ts`)", '', resultsCoreTable(), ''];
  if (options.resultsOnly) {
    process.stdout.write(['', ...resultsTable()].join('\n'));
    return;
  }
  const sizes = shipBundleSizes(options.build);
  const unknown = options.parts.filter((alias) => !parts().some((p) => p.alias === alias));
  if (unknown.length > 0) {
    throw new Error(`No part ${unknown.join(', ')} in config/config.json`);
  }
  const measured = parts().filter(
    (p) => ['WebPart', 'AdaptiveCardExtension', 'Extension'].includes(p.componentType) && (options.parts.length === 0 || options.parts.includes(p.alias))
  );
  if (options.jsOnly) {
    process.stdout.write(['', 'Shopfloor Engage JavaScript (gulp bundle --ship, gzip level 9)', '', ...jsTables(measured, sizes), ''].join('\n'));
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-bench-'));
  const tenant = await startTenant({ port: 0, dataDir, faults: { latencyMs: options.rttMs } });
  const browser = await launchBrowser();
  const browserVersion = browser.version();
  const rows: string[] = [];
  const cardRows: string[] = [];
  const choices = personas(tenant.context.directory);
  const personaKeyOf = (part: PartEntry): PersonaKey => PART_PERSONA[part.alias] ?? 'operator';
  const personaOf = (part: PartEntry): { userPrincipalName: string } => {
    const choice = choices.find((c) => c.key === personaKeyOf(part));
    if (!choice) {
      throw new Error(`The demo plant has no ${personaKeyOf(part)} persona to measure ${part.alias} as`);
    }
    return choice.person;
  };
  try {
    for (const part of measured) {
      const runs: Measurement[] = [];
      const isCard = part.componentType === 'AdaptiveCardExtension';
      for (let run = 0; run < options.runs; run += 1) {
        const { context, page } = await newContext(browser, tenant.origin);
        await context.addCookies([{ name: 'se_persona', value: encodeURIComponent(personaOf(part).userPrincipalName), url: tenant.origin }]);
        const statsUrl = `${tenant.origin}/_local/stats`;
        const partUrl = `${tenant.origin}/?part=${part.alias}`;
        const counted = async (): Promise<{ requests: number; bytes: number }> => {
          const stats = (await (await fetch(statsUrl)).json()) as { byService: Record<string, number>; byAppIdentity?: Record<string, number>; bytesOut: number };
          const of = (service: string): number => (stats.byService[service] ?? 0) - (stats.byAppIdentity?.[service] ?? 0);
          // The page's own requests: the relay counts too (the pulse parts ask it for the open
          // rounds on their first render), what the relay asks SharePoint and Graph does not.
          return { requests: of('sharepoint') + of('graph') + of('relay'), bytes: stats.bytesOut };
        };
        /** Requests counted once none has come for ten round-trip times (at least a second). */
        const countedWhenQuiet = async (): Promise<number> => {
          const quietMs = Math.max(1000, options.rttMs * 10);
          let last = (await counted()).requests;
          let since = Date.now();
          while (Date.now() - since < quietMs) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            const now = (await counted()).requests;
            if (now !== last) {
              last = now;
              since = Date.now();
            }
          }
          return last;
        };
        /**
         * Opens the card's quick view with the first button of its ready face, as a person would;
         * answers the round trips that took (until the page is quiet) and closes it again.
         */
        const quickViewRoundTrips = async (on: typeof page): Promise<number | undefined> => {
          await on.locator(`[data-part-id="${part.id}"] [data-card-status]:not([data-card-status="loading"])`).waitFor({ timeout: 60_000 });
          const button = on.locator(`[data-part-id="${part.id}"] [data-card-status="ready"] [data-button-id]`).first();
          if ((await button.count()) === 0) {
            return undefined;
          }
          await fetch(statsUrl, { method: 'POST' });
          await button.click();
          const dialog = on.getByRole('dialog');
          await dialog.getByTestId('quick-view-card').waitFor({ timeout: 60_000 });
          const requests = await countedWhenQuiet();
          await on.keyboard.press('Escape');
          await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
          return requests;
        };
        const ready = async (on: typeof page = page): Promise<void> => {
          await on.waitForFunction(
            (id) => {
              const root = document.querySelector(`[data-part-id="${id}"]`);
              // Fluent UI's spinner, or the parts' own spinner and loading skeleton (`data-busy`); a
              // part with nothing to show this person (the pulse prompt off shift) says it settled.
              const shown = (root?.textContent ?? '').trim().length > 0 || Boolean(root?.querySelector('[data-settled="true"]'));
              return Boolean(root && shown && !root.querySelector('.ms-Spinner, [data-busy="true"]'));
            },
            part.id,
            { timeout: 60_000, polling: 'raf' }
          );
        };
        // Warm the workbench bundle once so its build is not measured; then forget what the
        // warm-up left in the tab's storage, so this run's first visit is a cold one too.
        if (run === 0) {
          await page.goto(partUrl);
          await ready();
          await page.waitForLoadState('networkidle');
          await page.evaluate(() => {
            window.sessionStorage.clear();
            window.localStorage.clear();
          });
        }
        await fetch(statsUrl, { method: 'POST' });
        const started = Date.now();
        await page.goto(partUrl);
        await ready();
        const renderMs = Date.now() - started;
        const firstPaint = await counted();
        await page.waitForLoadState('networkidle');
        const first = await counted();
        // Cards: a person opens the quick view on that first visit.
        const quickView = isCard ? await quickViewRoundTrips(page) : undefined;
        await fetch(statsUrl, { method: 'POST' });
        await page.reload();
        await ready();
        const revisitPaint = await counted();
        await page.waitForLoadState('networkidle');
        const revisit = await counted();
        let card: CardMeasurement | undefined;
        if (isCard) {
          // The same person back on the same device later: a new tab is a new session (no
          // sessionStorage), with the device's localStorage as the earlier visit left it.
          await page.close();
          const tab = await context.newPage();
          await fetch(statsUrl, { method: 'POST' });
          await tab.goto(partUrl);
          await ready(tab);
          await tab.waitForLoadState('networkidle');
          const returningCard = (await counted()).requests;
          card = { quickView, returningCard, returningQuickView: await quickViewRoundTrips(tab) };
        }
        runs.push({
          paintRoundTrips: firstPaint.requests,
          roundTrips: first.requests,
          bytes: first.bytes,
          revisitPaintRoundTrips: revisitPaint.requests,
          revisitRoundTrips: revisit.requests,
          renderMs,
          card
        });
        await context.close();
      }
      if (isCard) {
        const cards = runs.map((r) => r.card);
        cardRows.push(
          `| ${part.alias} | ${median(runs.map((r) => r.roundTrips))} | ${medianOrDash(cards.map((c) => c?.quickView))} | ` +
            `${medianOrDash(cards.map((c) => c?.returningCard))} | ${medianOrDash(cards.map((c) => c?.returningQuickView))} |`
        );
      }
      const size = sizes.get(part.bundle);
      rows.push(
        `| ${part.alias} | ${personaKeyOf(part)} | ${median(runs.map((r) => r.paintRoundTrips))} | ${median(runs.map((r) => r.roundTrips))} | ` +
          `${median(runs.map((r) => r.revisitPaintRoundTrips))} | ${median(runs.map((r) => r.revisitRoundTrips))} | ` +
          `${median(runs.map((r) => r.renderMs))} | ${size ? kb(size.initial.raw) : '?'} | ${size ? kb(size.initial.gzip) : '?'} |`
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
      `Shopfloor Engage benchmark — ${options.rttMs} ms added round-trip time, median of ${options.runs} runs, Node ${process.versions.node}, Chromium ${browserVersion}`,
      '',
      '| part | as | round trips before paint | round trips in all | revisit: before paint | revisit: in all | first render (ms) | first-render JS (KB) | first-render JS gzipped (KB) |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      'Cards: opening the quick view, and a returning person (a new tab on the same device: a cold session with the device\'s localStorage)',
      '',
      '| card | first use: card, in all | first use: opening the quick view | returning, cold session: card, in all | returning: opening the quick view |',
      '|---|---|---|---|---|',
      ...cardRows,
      '',
      ...jsTables(measured, sizes),
      '',
      ...resultsTable()
    ].join('\n')
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
