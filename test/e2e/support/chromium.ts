/**
 * Which Chromium the end-to-end tests, the screenshots and the bench drive, in one place:
 *
 * 1. `CHROMIUM_PATH`, when set (it must exist);
 * 2. else the machine's `/usr/bin/chromium` (Debian's `chromium`), when present;
 * 3. else the Chromium that ships inside the `@sparticuz/chromium` npm package (a devDependency):
 *    its brotli-compressed headless build is unpacked once into `node_modules/.cache` from the
 *    package itself, so `npm ci && npm test` needs nothing else and nothing is downloaded.
 *
 * `SE_E2E_BROWSER=packaged` forces the packaged one (even with `CHROMIUM_PATH` set);
 * `SE_E2E_BROWSER=machine` refuses the fallback (CHROMIUM_PATH or /usr/bin/chromium, or fail).
 *
 * `chooseChromium` and `packagedChromiumArgs` are pure (unit-tested); `resolveChromium` unpacks.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

export const MACHINE_CHROMIUM = '/usr/bin/chromium';
export const BROWSER_ENV = 'SE_E2E_BROWSER';

/**
 * Every launch: headless, and quiet on a machine whose network reaches nothing but the local
 * tenant (without the background-networking flags Chromium's own connections fail by the dozen).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export type ChromiumSource = 'CHROMIUM_PATH' | 'machine' | 'packaged';

export interface ChromiumChoice {
  readonly source: ChromiumSource;
  /** The executable; none for the packaged one, which `resolveChromium` unpacks. */
  readonly executablePath?: string;
}

/** The fallback order above; throws when a browser that was asked for is not there. */
export function chooseChromium(
  env: Readonly<Record<string, string | undefined>>,
  exists: (file: string) => boolean
): ChromiumChoice {
  const forced = env[BROWSER_ENV] ?? '';
  if (forced !== '' && forced !== 'packaged' && forced !== 'machine') {
    throw new Error(`${BROWSER_ENV}=${forced}: use "packaged", "machine" or leave it unset.`);
  }
  if (forced === 'packaged') {
    return { source: 'packaged' };
  }
  const configured = env.CHROMIUM_PATH ?? '';
  if (configured !== '') {
    if (!exists(configured)) {
      throw new Error(`No Chromium at ${configured} (CHROMIUM_PATH).`);
    }
    return { source: 'CHROMIUM_PATH', executablePath: configured };
  }
  if (exists(MACHINE_CHROMIUM)) {
    return { source: 'machine', executablePath: MACHINE_CHROMIUM };
  }
  if (forced === 'machine') {
    throw new Error(
      `No Chromium at ${MACHINE_CHROMIUM} and ${BROWSER_ENV}=machine: apt-get install chromium, or set CHROMIUM_PATH.`
    );
  }
  return { source: 'packaged' };
}

/**
 * Flags `@sparticuz/chromium` recommends (for AWS Lambda) that the tests leave out: each would
 * make the packaged browser behave unlike the machine's, or a real one.
 */
export const PACKAGED_FLAGS_LEFT_OUT: Readonly<Record<string, string>> = {
  '--headless': 'ours is `--headless`; playwright-core adds it too (theirs carries literal quotes)',
  '--single-process': 'a Lambda workaround; one process for every context is fragile',
  '--no-zygote': 'a Lambda workaround, with --single-process',
  '--disable-web-security': 'would hide CORS mistakes',
  '--allow-running-insecure-content': 'would hide mixed-content mistakes',
  '--disable-site-isolation-trials': 'site isolation stays as in a real browser',
  '--disable-features': 'turns off site isolation (IsolateOrigins, site-per-process)',
  '--enable-features': 'SharedArrayBuffer without cross-origin isolation, unlike a real browser',
  '--font-render-hinting': 'text would measure differently from the machine Chromium',
  '--ignore-gpu-blocklist': 'graphics: the tests run with --disable-gpu',
  '--in-process-gpu': 'graphics: the tests run with --disable-gpu',
  '--use-gl': 'graphics: the tests run with --disable-gpu',
  '--use-angle': 'graphics: the tests run with --disable-gpu',
  '--enable-unsafe-swiftshader': 'graphics: the tests run with --disable-gpu',
  '--disable-webgl': 'graphics: WebGL stays as in the machine Chromium',
  '--disable-setuid-sandbox': 'covered by --no-sandbox'
};

const flagName = (arg: string): string => arg.split('=', 1)[0];

/** CHROMIUM_ARGS, then the package's recommended flags that neither repeat nor are left out. */
export function packagedChromiumArgs(recommended: readonly string[]): string[] {
  const names = new Set(CHROMIUM_ARGS.map(flagName));
  const merged = [...CHROMIUM_ARGS];
  for (const arg of recommended) {
    const name = flagName(arg);
    if (!names.has(name) && !(name in PACKAGED_FLAGS_LEFT_OUT)) {
      names.add(name);
      merged.push(arg);
    }
  }
  return merged;
}

export interface ChromiumLaunch {
  readonly source: ChromiumSource;
  readonly executablePath: string;
  readonly args: readonly string[];
  /** Extra environment for the browser process (the packaged one's fonts). */
  readonly env: Readonly<Record<string, string>>;
}

interface Unpacked {
  readonly executablePath: string;
  readonly args: string[];
  readonly fontsConf: string;
}

let unpacking: Promise<Unpacked> | undefined;

/** The chosen browser, ready to launch (unpacking the packaged one on first use). */
export async function resolveChromium(choice: ChromiumChoice = chooseChromium(process.env, fs.existsSync)): Promise<ChromiumLaunch> {
  if (choice.source !== 'packaged') {
    return { source: choice.source, executablePath: choice.executablePath ?? MACHINE_CHROMIUM, args: CHROMIUM_ARGS, env: {} };
  }
  unpacking ??= unpackPackagedChromium();
  const unpacked = await unpacking;
  return {
    source: 'packaged',
    executablePath: unpacked.executablePath,
    args: packagedChromiumArgs(unpacked.args),
    env: { FONTCONFIG_FILE: unpacked.fontsConf }
  };
}

/**
 * The package's build unpacked into node_modules/.cache/shopfloor-engage/chromium-<version>:
 * unpacked beside it first and renamed into place, so a test worker never sees half a binary
 * and concurrent workers simply race to the rename. The package unpacks into os.tmpdir(), so a
 * child process does it with TMPDIR pointing at the staging folder (the package is ES modules
 * only, which jest's CommonJS runtime cannot load).
 */
async function unpackPackagedChromium(): Promise<Unpacked> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The packaged Chromium (@sparticuz/chromium) runs on Linux x64 only, not ${process.platform} ${process.arch}: ` +
        'install Chromium and set CHROMIUM_PATH.'
    );
  }
  const entry = require.resolve('@sparticuz/chromium');
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const cacheDir = path.resolve(packageDir, '..', '..', '.cache', 'shopfloor-engage');
  const target = path.join(cacheDir, `chromium-${version}`);
  const unpacked = (dir: string): Unpacked => ({
    executablePath: path.join(dir, 'chromium'),
    args: JSON.parse(fs.readFileSync(path.join(dir, 'args.json'), 'utf8')) as string[],
    fontsConf: path.join(dir, 'fonts.conf')
  });
  if (fs.existsSync(target)) {
    return unpacked(target);
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(`${target}.partial-`);
  try {
    const script = [
      `import chromium from ${JSON.stringify(pathToFileURL(entry).href)};`,
      'const executablePath = await chromium.executablePath();',
      'process.stdout.write(JSON.stringify({ executablePath, args: chromium.args }));'
    ].join('\n');
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        { env: { ...process.env, TMPDIR: staging }, maxBuffer: 1024 * 1024 },
        (error, stdout, stderr) => (error ? reject(new Error(`Unpacking @sparticuz/chromium failed: ${stderr || error.message}`)) : resolve(stdout))
      );
    });
    const result = JSON.parse(output) as { executablePath: string; args: string[] };
    if (path.resolve(result.executablePath) !== path.join(staging, 'chromium')) {
      throw new Error(`@sparticuz/chromium unpacked to ${result.executablePath}, not into ${staging}.`);
    }
    fs.writeFileSync(path.join(staging, 'args.json'), `${JSON.stringify(result.args, undefined, 2)}\n`);
    fs.writeFileSync(path.join(staging, 'fonts.conf'), fontsConf(staging, target));
    try {
      fs.renameSync(staging, target);
    } catch (error) {
      if (!fs.existsSync(target)) {
        throw error;
      }
      // Another worker renamed its copy first: use that one.
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return unpacked(target);
}

/**
 * The machine's fonts and rules when it has them (so text measures as in the machine's
 * Chromium), then the package's Open Sans, which is what text renders in where it has none.
 * The package's own fonts.conf names /tmp/fonts, which is not where these are.
 */
function fontsConf(staging: string, target: string): string {
  if (!fs.existsSync(path.join(staging, 'fonts', 'fonts'))) {
    throw new Error(`@sparticuz/chromium left no fonts in ${staging}.`);
  }
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${path.join(target, 'fonts', 'fonts')}</dir>`,
    `  <cachedir>${path.join(target, 'fonts-cache')}</cachedir>`,
    '</fontconfig>',
    ''
  ].join('\n');
}

/** `npx tsx test/e2e/support/chromium.ts`: which Chromium the tests will drive (unpacking it if packaged). */
if (require.main === module) {
  resolveChromium().then(
    (launch) => process.stdout.write(`${launch.source}: ${launch.executablePath}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  );
}
