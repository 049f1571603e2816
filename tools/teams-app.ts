/**
 * Builds the Shopfloor Engage Teams app package for one tenant:
 * `release/teams/shopfloor-engage-teams.zip` with manifest.json, color.png and outline.png at
 * its root, from teams-app/manifest.template.json and the two icons.
 *
 *   npm run teams-app -- --app-id <guid> --sharepoint-host contoso.sharepoint.com \
 *     --wall-url https://contoso.sharepoint.com/sites/engage/SitePages/Recognition.aspx [--version 1.0.0]
 *
 * The package declares the `recognitionReceived` activity type the Teams notifier sends, and
 * names the Entra app SharePoint Framework calls Graph with (`webApplicationInfo`): Teams only
 * delivers the notification for an installed app that does both. See docs/teams-app.md.
 */
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';

import { RECOGNITION_ACTIVITY_TYPE, RECOGNITION_WALL_TAB_ID, TEAMS_APP_MANIFEST_ID } from '../src/connectors/graph/teamsNotifier';

export const ROOT = path.resolve(__dirname, '..');
export const TEMPLATE_FILE = path.join(ROOT, 'teams-app', 'manifest.template.json');
export const DEFAULT_OUT_FILE = path.join(ROOT, 'release', 'teams', 'shopfloor-engage-teams.zip');

/** What the command line and the environment give; every value still unchecked. */
export interface TeamsAppInput {
  readonly appId?: string;
  readonly sharepointHost?: string;
  readonly wallUrl?: string;
  readonly version?: string;
  readonly privacyUrl?: string;
  readonly termsUrl?: string;
  readonly out?: string;
}

/** Checked settings for one tenant's package. */
export interface TeamsAppSettings {
  /** Client id of the Entra app SharePoint Framework gets Graph tokens for. */
  readonly appId: string;
  /** e.g. contoso.sharepoint.com, lower case. */
  readonly sharepointHost: string;
  /** The SharePoint page with the recognition wall. */
  readonly wallUrl: string;
  readonly version: string;
  readonly privacyUrl: string;
  readonly termsUrl: string;
  readonly outFile: string;
}

export interface BuiltTeamsApp {
  readonly file: string;
  readonly manifest: Record<string, unknown>;
}

/** A problem with the input or the template; the message says what to change. */
export class TeamsAppError extends Error {
  public constructor(public readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'TeamsAppError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

interface Flag {
  readonly key: keyof TeamsAppInput;
  readonly env: string;
  readonly help: string;
}

const FLAGS: Readonly<Record<string, Flag>> = {
  '--app-id': {
    key: 'appId',
    env: 'TEAMS_APP_CLIENT_ID',
    help: 'client id of the Entra app SharePoint Framework calls Graph with (see docs/teams-app.md)'
  },
  '--sharepoint-host': { key: 'sharepointHost', env: 'TEAMS_APP_SHAREPOINT_HOST', help: "the tenant's SharePoint host, e.g. contoso.sharepoint.com" },
  '--wall-url': { key: 'wallUrl', env: 'TEAMS_APP_WALL_URL', help: 'https URL of the SharePoint page with the recognition wall' },
  '--version': { key: 'version', env: 'TEAMS_APP_VERSION', help: 'app version, MAJOR.MINOR.PATCH (default: the version in package.json)' },
  '--privacy-url': { key: 'privacyUrl', env: 'TEAMS_APP_PRIVACY_URL', help: 'https URL of the privacy statement (default: the wall URL)' },
  '--terms-url': { key: 'termsUrl', env: 'TEAMS_APP_TERMS_URL', help: 'https URL of the terms of use (default: the wall URL)' },
  '--out': { key: 'out', env: 'TEAMS_APP_OUT', help: `where to write the package (default: ${path.relative(ROOT, DEFAULT_OUT_FILE)})` }
};

export function usage(): string {
  const lines = Object.entries(FLAGS).map(([flag, { env, help }]) => `  ${`${flag} <value>`.padEnd(26)}${help} [env ${env}]`);
  return ['Usage: npm run teams-app -- --app-id <guid> --sharepoint-host <host> --wall-url <url> [options]', '', ...lines].join('\n');
}

/** Flags (`--name value` or `--name=value`) win over environment variables. */
export function readTeamsAppArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): TeamsAppInput {
  const input: Partial<Record<keyof TeamsAppInput, string>> = {};
  for (const { key, env: name } of Object.values(FLAGS)) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') {
      input[key] = value.trim();
    }
  }
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = FLAGS[name];
    if (!flag) {
      problems.push(`Unknown argument '${arg}'.`);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) {
      value = arg.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined || value.trim() === '') {
      problems.push(`${name} needs a value.`);
    } else {
      input[flag.key] = value.trim();
    }
  }
  if (problems.length > 0) {
    throw new TeamsAppError(problems);
  }
  return input;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** SharePoint Online hosts, worldwide and in the national clouds. */
const SHAREPOINT_SUFFIXES = ['.sharepoint.com', '.sharepoint.us', '.sharepoint-mil.us', '.sharepoint.cn', '.sharepoint.de'];
/** Well-known ids that are easily taken for the one wanted. */
const WRONG_APP_IDS: Readonly<Record<string, string>> = {
  '00000003-0000-0ff1-ce00-000000000000': 'SharePoint Online itself',
  '00000003-0000-0000-c000-000000000000': 'Microsoft Graph',
  [TEAMS_APP_MANIFEST_ID]: 'the Shopfloor Engage Teams app itself'
};

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '';
}

function checkHttpsUrl(label: string, value: string, host: string | undefined, problems: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${label} '${value}' is not a URL; give the full address, starting with https://.`);
    return undefined;
  }
  if (url.protocol !== 'https:') {
    problems.push(`${label} '${value}' must use https.`);
    return undefined;
  }
  if (url.username || url.password) {
    problems.push(`${label} must not contain a user name or password.`);
    return undefined;
  }
  if (host !== undefined && url.hostname.toLowerCase() !== host) {
    problems.push(`${label} '${value}' must be on the SharePoint host ${host}.`);
    return undefined;
  }
  url.hash = '';
  return url.toString();
}

/** Checks every value and reports all problems at once. */
export function validateTeamsAppInput(input: TeamsAppInput): TeamsAppSettings {
  const problems: string[] = [];

  const appId = input.appId?.toLowerCase();
  if (!appId) {
    problems.push(`--app-id is required: the ${FLAGS['--app-id'].help}.`);
  } else if (!GUID.test(appId)) {
    problems.push(`--app-id '${input.appId}' is not a GUID (like 12345678-90ab-cdef-1234-567890abcdef).`);
  } else if (WRONG_APP_IDS[appId]) {
    problems.push(`--app-id ${appId} is the id of ${WRONG_APP_IDS[appId]}, not of the Entra app SharePoint Framework calls Graph with.`);
  }

  let host = input.sharepointHost?.toLowerCase();
  if (!host) {
    problems.push(`--sharepoint-host is required: ${FLAGS['--sharepoint-host'].help}.`);
  } else if (host.includes('/') || host.includes(':')) {
    problems.push(`--sharepoint-host '${input.sharepointHost}' must be the host name only, e.g. contoso.sharepoint.com (no https://, no path).`);
    host = undefined;
  } else if (!HOST_NAME.test(host)) {
    problems.push(`--sharepoint-host '${input.sharepointHost}' is not a valid host name.`);
    host = undefined;
  } else if (!SHAREPOINT_SUFFIXES.some((suffix) => host?.endsWith(suffix))) {
    problems.push(`--sharepoint-host '${input.sharepointHost}' is not a SharePoint Online host (${SHAREPOINT_SUFFIXES.map((s) => `*${s}`).join(', ')}).`);
    host = undefined;
  }

  let wallUrl: string | undefined;
  if (!input.wallUrl) {
    problems.push(`--wall-url is required: the ${FLAGS['--wall-url'].help}.`);
  } else {
    wallUrl = checkHttpsUrl('--wall-url', input.wallUrl, host, problems);
  }

  const version = input.version ?? packageVersion();
  if (!SEMVER.test(version)) {
    problems.push(`--version '${version}' must be MAJOR.MINOR.PATCH, e.g. 1.0.0.`);
  }

  const privacyUrl = input.privacyUrl !== undefined ? checkHttpsUrl('--privacy-url', input.privacyUrl, undefined, problems) : wallUrl;
  const termsUrl = input.termsUrl !== undefined ? checkHttpsUrl('--terms-url', input.termsUrl, undefined, problems) : wallUrl;

  if (problems.length > 0 || !appId || !host || !wallUrl || !privacyUrl || !termsUrl) {
    throw new TeamsAppError(problems);
  }
  return {
    appId,
    sharepointHost: host,
    wallUrl,
    version,
    privacyUrl,
    termsUrl,
    outFile: path.resolve(input.out ?? DEFAULT_OUT_FILE)
  };
}

/**
 * The personal tab's address. SharePoint pages load in Teams through the site's TeamsLogon
 * page, which signs the person in with their Teams identity and then opens `dest`.
 */
export function wallTabUrl(wallUrl: string): string {
  const url = new URL(wallUrl);
  const site = /^\/(sites|teams)\/[^/]+/i.exec(url.pathname)?.[0] ?? '';
  const dest = encodeURIComponent(`${url.pathname}${url.search}`).replace(/%2F/g, '/');
  return `https://${url.host}${site}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=${dest}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces every `{{NAME}}` in the template's strings; names the template uses but we lack fail. */
function fill(value: unknown, values: Readonly<Record<string, string>>, missing: Set<string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{([A-Z_]+)\}\}/g, (match: string, name: string) => {
      if (!(name in values)) {
        missing.add(name);
        return match;
      }
      return values[name];
    });
  }
  if (Array.isArray(value)) {
    return value.map((item) => fill(item, values, missing));
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = fill(item, values, missing);
    }
    return out;
  }
  return value;
}

/** The template must stay in step with what the Teams notifier sends. */
function checkAgainstNotifier(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (manifest.id !== TEAMS_APP_MANIFEST_ID) {
    problems.push(`The template's id must be ${TEAMS_APP_MANIFEST_ID} (TEAMS_APP_MANIFEST_ID in src/connectors/graph/teamsNotifier.ts).`);
  }
  const activities = isRecord(manifest.activities) && Array.isArray(manifest.activities.activityTypes) ? manifest.activities.activityTypes : [];
  if (!activities.some((a) => isRecord(a) && a.type === RECOGNITION_ACTIVITY_TYPE)) {
    problems.push(`The template must declare the activity type ${RECOGNITION_ACTIVITY_TYPE}.`);
  }
  const tabs = Array.isArray(manifest.staticTabs) ? manifest.staticTabs : [];
  if (!tabs.some((t) => isRecord(t) && t.entityId === RECOGNITION_WALL_TAB_ID)) {
    problems.push(`The template must have a static tab with entityId ${RECOGNITION_WALL_TAB_ID}.`);
  }
  return problems;
}

/** The manifest for one tenant, from the template. */
export function renderTeamsManifest(template: unknown, settings: TeamsAppSettings): Record<string, unknown> {
  const values: Record<string, string> = {
    CLIENT_APP_ID: settings.appId,
    SHAREPOINT_HOST: settings.sharepointHost,
    WALL_URL: settings.wallUrl,
    WALL_TAB_URL: wallTabUrl(settings.wallUrl),
    VERSION: settings.version,
    PRIVACY_URL: settings.privacyUrl,
    TERMS_URL: settings.termsUrl
  };
  const missing = new Set<string>();
  const manifest = fill(template, values, missing);
  if (!isRecord(manifest)) {
    throw new TeamsAppError(['teams-app/manifest.template.json must hold a JSON object.']);
  }
  const problems = [...missing].map((name) => `teams-app/manifest.template.json uses {{${name}}}, which the build does not fill.`);
  problems.push(...checkAgainstNotifier(manifest));
  if (problems.length > 0) {
    throw new TeamsAppError(problems);
  }
  return manifest;
}

/** Same input, same bytes: entries carry a fixed time. */
const ENTRY_DATE = new Date('2025-01-01T00:00:00Z');

/** Validates the input and writes the package; returns where, and the manifest in it. */
export async function buildTeamsApp(input: TeamsAppInput): Promise<BuiltTeamsApp> {
  const settings = validateTeamsAppInput(input);
  let template: unknown;
  try {
    template = JSON.parse(fs.readFileSync(TEMPLATE_FILE, 'utf8'));
  } catch (error) {
    throw new TeamsAppError([`Cannot read ${path.relative(ROOT, TEMPLATE_FILE)}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const manifest = renderTeamsManifest(template, settings);
  const icons = isRecord(manifest.icons) ? manifest.icons : {};

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, undefined, 2)}\n`, { date: ENTRY_DATE });
  for (const kind of ['color', 'outline']) {
    const name = icons[kind];
    if (typeof name !== 'string' || name.includes('/') || name.includes('\\')) {
      throw new TeamsAppError([`icons.${kind} in the template must be a file name next to the template.`]);
    }
    const file = path.join(path.dirname(TEMPLATE_FILE), name);
    if (!fs.existsSync(file)) {
      throw new TeamsAppError([`The ${kind} icon ${path.relative(ROOT, file)} is missing.`]);
    }
    zip.file(name, fs.readFileSync(file), { date: ENTRY_DATE });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  fs.mkdirSync(path.dirname(settings.outFile), { recursive: true });
  fs.writeFileSync(settings.outFile, bytes);
  return { file: settings.outFile, manifest };
}

/** The command: 0 when the package was written, 1 with the problems otherwise. */
export async function main(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  try {
    const built = await buildTeamsApp(readTeamsAppArgs(argv, env));
    process.stdout.write(`Wrote ${path.relative(process.cwd(), built.file) || built.file} (version ${String(built.manifest.version)}).\n`);
    return 0;
  } catch (error) {
    if (error instanceof TeamsAppError) {
      process.stderr.write(`${error.problems.map((p) => `error: ${p}`).join('\n')}\n\n${usage()}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  );
}
