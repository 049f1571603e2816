/**
 * Builds the Shopfloor Engage Teams app packages for one tenant, from teams-app/:
 *
 * - always the recognition app, `release/teams/shopfloor-engage-teams.zip`
 *   (teams-app/manifest.template.json): it declares the `recognitionReceived` activity type the
 *   Teams notifier sends and names the Entra app SharePoint Framework calls Graph with;
 * - with `--relay-app-id` and `--pulse-url`, also the pulse app,
 *   `release/teams/shopfloor-engage-pulse.zip` (teams-app/pulse/): it declares the `pulseReminder`
 *   activity type the relay's timer sends, names the relay's own identity, and asks for the
 *   resource-specific permission `TeamsActivity.Send.User` the timer sends with.
 *
 *   npm run teams-app -- --app-id <guid> --sharepoint-host contoso.sharepoint.com \
 *     --wall-url https://contoso.sharepoint.com/sites/engage/SitePages/Recognition.aspx \
 *     [--relay-app-id <guid> --pulse-url https://contoso.sharepoint.com/sites/engage/SitePages/Pulse.aspx] [--version 1.0.0]
 *
 * Teams delivers an activity notification only for an installed app that declares its type and
 * whose `webApplicationInfo.id` is the Entra app that sent it; one app cannot name both senders,
 * hence two packages. See docs/teams-app.md.
 */
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';

import { LEARNING_RENEWAL_ACTIVITY_TYPE, LEARNING_RENEWAL_TEMPLATE_PARAMETER } from '../relay/src/learning/renewalNotices';
import {
  PULSE_REMINDER_ACTIVITY_TYPE,
  PULSE_REMINDER_TEMPLATE_PARAMETER,
  PULSE_TAB_ID,
  PULSE_TEAMS_APP_MANIFEST_ID
} from '../relay/src/pulse/timerReminders';
import { RECOGNITION_ACTIVITY_TYPE, RECOGNITION_WALL_TAB_ID, TEAMS_APP_MANIFEST_ID } from '../src/connectors/graph/teamsNotifier';

export const ROOT = path.resolve(__dirname, '..');
export const TEMPLATE_FILE = path.join(ROOT, 'teams-app', 'manifest.template.json');
export const DEFAULT_OUT_FILE = path.join(ROOT, 'release', 'teams', 'shopfloor-engage-teams.zip');
export const PULSE_TEMPLATE_FILE = path.join(ROOT, 'teams-app', 'pulse', 'manifest.template.json');
export const DEFAULT_PULSE_OUT_FILE = path.join(ROOT, 'release', 'teams', 'shopfloor-engage-pulse.zip');
/** Both apps use the icons in teams-app/. */
const ICON_DIR = path.join(ROOT, 'teams-app');
/** The resource-specific permission the relay's timer sends reminders with (granted when the app is installed). */
export const PULSE_RSC_PERMISSION = 'TeamsActivity.Send.User';

/** What the command line and the environment give; every value still unchecked. */
export interface TeamsAppInput {
  readonly appId?: string;
  readonly sharepointHost?: string;
  readonly wallUrl?: string;
  readonly relayAppId?: string;
  readonly pulseUrl?: string;
  readonly version?: string;
  readonly privacyUrl?: string;
  readonly termsUrl?: string;
  readonly out?: string;
  readonly pulseOut?: string;
}

/** Checked settings for the pulse app. */
export interface PulseAppSettings {
  /** Application (client) id of the relay's managed identity, the sender of the reminders. */
  readonly relayAppId: string;
  /** The SharePoint page with the Pulse web part. */
  readonly pulseUrl: string;
  readonly privacyUrl: string;
  readonly termsUrl: string;
  readonly outFile: string;
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
  /** Absent: the tenant builds the recognition app only. */
  readonly pulse?: PulseAppSettings;
}

export interface BuiltPackage {
  readonly file: string;
  readonly manifest: Record<string, unknown>;
}

/** The recognition app, and the pulse app when it was asked for. */
export interface BuiltTeamsApp extends BuiltPackage {
  readonly pulse?: BuiltPackage;
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
  '--relay-app-id': {
    key: 'relayAppId',
    env: 'TEAMS_APP_RELAY_CLIENT_ID',
    help: "application (client) id of the relay's managed identity, which sends the pulse reminders; builds the pulse app as well"
  },
  '--pulse-url': { key: 'pulseUrl', env: 'TEAMS_APP_PULSE_URL', help: 'https URL of the SharePoint page with the Pulse web part, which the reminders open' },
  '--version': { key: 'version', env: 'TEAMS_APP_VERSION', help: 'app version, MAJOR.MINOR.PATCH (default: the version in package.json)' },
  '--privacy-url': { key: 'privacyUrl', env: 'TEAMS_APP_PRIVACY_URL', help: 'https URL of the privacy statement (default: the wall URL)' },
  '--terms-url': { key: 'termsUrl', env: 'TEAMS_APP_TERMS_URL', help: 'https URL of the terms of use (default: the wall URL)' },
  '--out': { key: 'out', env: 'TEAMS_APP_OUT', help: `where to write the recognition app (default: ${path.relative(ROOT, DEFAULT_OUT_FILE)})` },
  '--pulse-out': { key: 'pulseOut', env: 'TEAMS_APP_PULSE_OUT', help: `where to write the pulse app (default: ${path.relative(ROOT, DEFAULT_PULSE_OUT_FILE)})` }
};

export function usage(): string {
  const lines = Object.entries(FLAGS).map(([flag, { env, help }]) => `  ${`${flag} <value>`.padEnd(26)}${help} [env ${env}]`);
  return [
    'Usage: npm run teams-app -- --app-id <guid> --sharepoint-host <host> --wall-url <url> [--relay-app-id <guid> --pulse-url <url>] [options]',
    '',
    ...lines
  ].join('\n');
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
  [TEAMS_APP_MANIFEST_ID]: 'the Shopfloor Engage Teams app itself',
  [PULSE_TEAMS_APP_MANIFEST_ID]: 'the Shopfloor Engage pulse Teams app itself'
};
/** And for the relay: the app SharePoint Framework calls Graph with is the page's sender, not the relay. */
const WRONG_RELAY_APP_IDS: Readonly<Record<string, string>> = {
  ...WRONG_APP_IDS,
  '08e18876-6177-487e-b8b5-cf950c1e598c': 'SharePoint Online Web Client Extensibility, the app SharePoint Framework calls Graph with'
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

  const pulse = validatePulseInput(input, appId, host, problems);

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
    outFile: path.resolve(input.out ?? DEFAULT_OUT_FILE),
    ...(pulse ? { pulse } : {})
  };
}

/**
 * The pulse app's settings, when any was given: `--relay-app-id` and `--pulse-url` come together
 * (the reminders must open something, and a Teams app needs a capability besides notifications).
 */
function validatePulseInput(input: TeamsAppInput, appId: string | undefined, host: string | undefined, problems: string[]): PulseAppSettings | undefined {
  if (input.relayAppId === undefined && input.pulseUrl === undefined) {
    if (input.pulseOut !== undefined) {
      problems.push('--pulse-out is for the pulse app, which needs --relay-app-id and --pulse-url.');
    }
    return undefined;
  }
  const relayAppId = input.relayAppId?.toLowerCase();
  if (!relayAppId) {
    problems.push(`--pulse-url needs --relay-app-id: the ${FLAGS['--relay-app-id'].help}.`);
  } else if (!GUID.test(relayAppId)) {
    problems.push(`--relay-app-id '${input.relayAppId}' is not a GUID (like 12345678-90ab-cdef-1234-567890abcdef).`);
  } else if (WRONG_RELAY_APP_IDS[relayAppId]) {
    problems.push(`--relay-app-id ${relayAppId} is the id of ${WRONG_RELAY_APP_IDS[relayAppId]}, not of the relay's managed identity.`);
  } else if (relayAppId === appId) {
    problems.push(
      `--relay-app-id is the same as --app-id: the recognition notifications come from the app SharePoint Framework calls Graph with, the reminders from the relay's managed identity, and Graph refuses both (409) when two installed apps name the same Entra app.`
    );
  }
  let pulseUrl: string | undefined;
  if (!input.pulseUrl) {
    problems.push(`--relay-app-id needs --pulse-url: the ${FLAGS['--pulse-url'].help}.`);
  } else {
    pulseUrl = checkHttpsUrl('--pulse-url', input.pulseUrl, host, problems);
  }
  const privacyUrl = input.privacyUrl !== undefined ? checkHttpsUrl('--privacy-url', input.privacyUrl, undefined, []) : pulseUrl;
  const termsUrl = input.termsUrl !== undefined ? checkHttpsUrl('--terms-url', input.termsUrl, undefined, []) : pulseUrl;
  if (!relayAppId || !pulseUrl || !privacyUrl || !termsUrl) {
    return undefined;
  }
  return { relayAppId, pulseUrl, privacyUrl, termsUrl, outFile: path.resolve(input.pulseOut ?? DEFAULT_PULSE_OUT_FILE) };
}

/**
 * A personal tab's address for a SharePoint page. SharePoint pages load in Teams through the
 * site's TeamsLogon page, which signs the person in with their Teams identity and then opens `dest`.
 */
export function sharePointTabUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
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

/** `{name}` placeholders of an activity type's template text, sorted. */
export function templatePlaceholders(text: string): string[] {
  return [...text.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]).sort();
}

function activityTypes(manifest: Record<string, unknown>): Record<string, unknown>[] {
  const types = isRecord(manifest.activities) && Array.isArray(manifest.activities.activityTypes) ? manifest.activities.activityTypes : [];
  return types.filter(isRecord);
}

function hasTab(manifest: Record<string, unknown>, entityId: string): boolean {
  return Array.isArray(manifest.staticTabs) && manifest.staticTabs.some((t) => isRecord(t) && t.entityId === entityId);
}

/** The template must stay in step with what the Teams notifier sends. */
function checkAgainstNotifier(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (manifest.id !== TEAMS_APP_MANIFEST_ID) {
    problems.push(`The template's id must be ${TEAMS_APP_MANIFEST_ID} (TEAMS_APP_MANIFEST_ID in src/connectors/graph/teamsNotifier.ts).`);
  }
  if (!activityTypes(manifest).some((a) => a.type === RECOGNITION_ACTIVITY_TYPE)) {
    problems.push(`The template must declare the activity type ${RECOGNITION_ACTIVITY_TYPE}.`);
  }
  if (!hasTab(manifest, RECOGNITION_WALL_TAB_ID)) {
    problems.push(`The template must have a static tab with entityId ${RECOGNITION_WALL_TAB_ID}.`);
  }
  return problems;
}

/**
 * The pulse template (and each of its translations) must stay in step with what the relay's timer
 * sends (relay/src/pulse/timerReminders.ts): its app, activity type, template parameter and tab,
 * and the resource-specific permission it sends with.
 */
function checkAgainstTimer(manifest: Record<string, unknown>, translations: ReadonlyMap<string, Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const source = 'relay/src/pulse/timerReminders.ts';
  if (manifest.id !== PULSE_TEAMS_APP_MANIFEST_ID) {
    problems.push(`The pulse template's id must be ${PULSE_TEAMS_APP_MANIFEST_ID} (PULSE_TEAMS_APP_MANIFEST_ID in ${source}).`);
  }
  const types = activityTypes(manifest);
  const sent: ReadonlyArray<{ type: string; parameter: string; constants: string }> = [
    { type: PULSE_REMINDER_ACTIVITY_TYPE, parameter: PULSE_REMINDER_TEMPLATE_PARAMETER, constants: `PULSE_REMINDER_ACTIVITY_TYPE in ${source}` },
    {
      type: LEARNING_RENEWAL_ACTIVITY_TYPE,
      parameter: LEARNING_RENEWAL_TEMPLATE_PARAMETER,
      constants: 'LEARNING_RENEWAL_ACTIVITY_TYPE in relay/src/learning/renewalNotices.ts'
    }
  ];
  for (const { type, parameter, constants } of sent) {
    const index = types.findIndex((a) => a.type === type);
    if (index < 0) {
      problems.push(`The pulse template must declare the activity type ${type} (${constants}).`);
      continue;
    }
    const texts: Array<[string, unknown]> = [['the pulse template', types[index].templateText]];
    for (const [file, translation] of translations) {
      texts.push([file, translation[`activities.activityTypes[${index}].templateText`]]);
    }
    for (const [where, text] of texts) {
      if (typeof text !== 'string' || templatePlaceholders(text).join() !== parameter) {
        problems.push(`The templateText of ${type} in ${where} must use exactly {${parameter}}, the one parameter the relay sends.`);
      }
    }
  }
  if (!hasTab(manifest, PULSE_TAB_ID)) {
    problems.push(`The pulse template must have a static tab with entityId ${PULSE_TAB_ID} (PULSE_TAB_ID in ${source}).`);
  }
  const permissions = isRecord(manifest.authorization) && isRecord(manifest.authorization.permissions) ? manifest.authorization.permissions.resourceSpecific : undefined;
  if (!Array.isArray(permissions) || !permissions.some((p) => isRecord(p) && p.name === PULSE_RSC_PERMISSION && p.type === 'Application')) {
    problems.push(`The pulse template must ask for the resource-specific permission ${PULSE_RSC_PERMISSION} (type Application) the timer sends with.`);
  }
  return problems;
}

/** Fills a template; a `{{NAME}}` it uses that `values` lacks, or a result that is not an object, fails. */
function renderTemplate(label: string, template: unknown, values: Readonly<Record<string, string>>): Record<string, unknown> {
  const missing = new Set<string>();
  const filled = fill(template, values, missing);
  if (!isRecord(filled)) {
    throw new TeamsAppError([`${label} must hold a JSON object.`]);
  }
  if (missing.size > 0) {
    throw new TeamsAppError([...missing].map((name) => `${label} uses {{${name}}}, which the build does not fill.`));
  }
  return filled;
}

/** The manifest for one tenant, from the template. */
export function renderTeamsManifest(template: unknown, settings: TeamsAppSettings): Record<string, unknown> {
  const manifest = renderTemplate('teams-app/manifest.template.json', template, {
    CLIENT_APP_ID: settings.appId,
    SHAREPOINT_HOST: settings.sharepointHost,
    WALL_URL: settings.wallUrl,
    WALL_TAB_URL: sharePointTabUrl(settings.wallUrl),
    VERSION: settings.version,
    PRIVACY_URL: settings.privacyUrl,
    TERMS_URL: settings.termsUrl
  });
  const problems = checkAgainstNotifier(manifest);
  if (problems.length > 0) {
    throw new TeamsAppError(problems);
  }
  return manifest;
}

/** The pulse app's manifest for one tenant, checked with its translations (file name → content). */
export function renderPulseManifest(
  template: unknown,
  settings: TeamsAppSettings & { readonly pulse: PulseAppSettings },
  translations: ReadonlyMap<string, Record<string, unknown>> = new Map()
): Record<string, unknown> {
  const manifest = renderTemplate('teams-app/pulse/manifest.template.json', template, {
    RELAY_APP_ID: settings.pulse.relayAppId,
    SHAREPOINT_HOST: settings.sharepointHost,
    PULSE_URL: settings.pulse.pulseUrl,
    PULSE_TAB_URL: sharePointTabUrl(settings.pulse.pulseUrl),
    VERSION: settings.version,
    PRIVACY_URL: settings.pulse.privacyUrl,
    TERMS_URL: settings.pulse.termsUrl
  });
  const problems = checkAgainstTimer(manifest, translations);
  if (problems.length > 0) {
    throw new TeamsAppError(problems);
  }
  return manifest;
}

/** Same input, same bytes: entries carry a fixed time. */
const ENTRY_DATE = new Date('2025-01-01T00:00:00Z');

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TeamsAppError([`Cannot read ${path.relative(ROOT, file)}: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/** The translations the manifest names (`localizationInfo.additionalLanguages`), from the template's folder. */
function readTranslations(manifest: Record<string, unknown>, dir: string): Map<string, Record<string, unknown>> {
  const info = isRecord(manifest.localizationInfo) && Array.isArray(manifest.localizationInfo.additionalLanguages) ? manifest.localizationInfo.additionalLanguages : [];
  const out = new Map<string, Record<string, unknown>>();
  for (const language of info) {
    const name = isRecord(language) ? language.file : undefined;
    if (typeof name !== 'string' || name.includes('/') || name.includes('\\') || name === 'manifest.json') {
      throw new TeamsAppError([`Each additional language in ${path.relative(ROOT, dir)} must name a file next to its template.`]);
    }
    const translation = renderTemplate(path.relative(ROOT, path.join(dir, name)), readJson(path.join(dir, name)), {});
    if (translation.$schema !== String(manifest.$schema).replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json')) {
      throw new TeamsAppError([`${path.relative(ROOT, path.join(dir, name))} must use the localization schema of the manifest's version.`]);
    }
    out.set(name, translation);
  }
  return out;
}

/** The zip's bytes: manifest.json, the two icons from teams-app/, and any translations, at its root. */
async function packageBytes(manifest: Record<string, unknown>, translations: ReadonlyMap<string, Record<string, unknown>>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, undefined, 2)}\n`, { date: ENTRY_DATE });
  const icons = isRecord(manifest.icons) ? manifest.icons : {};
  for (const kind of ['color', 'outline']) {
    const name = icons[kind];
    if (typeof name !== 'string' || name.includes('/') || name.includes('\\')) {
      throw new TeamsAppError([`icons.${kind} in the template must be the name of a file in teams-app/.`]);
    }
    const file = path.join(ICON_DIR, name);
    if (!fs.existsSync(file)) {
      throw new TeamsAppError([`The ${kind} icon ${path.relative(ROOT, file)} is missing.`]);
    }
    zip.file(name, fs.readFileSync(file), { date: ENTRY_DATE });
  }
  for (const [name, translation] of translations) {
    zip.file(name, `${JSON.stringify(translation, undefined, 2)}\n`, { date: ENTRY_DATE });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/**
 * Validates the input and writes the packages; returns where, and the manifests in them. Both are
 * made before either is written, so a problem with one writes neither.
 */
export async function buildTeamsApp(input: TeamsAppInput): Promise<BuiltTeamsApp> {
  const settings = validateTeamsAppInput(input);
  const manifest = renderTeamsManifest(readJson(TEMPLATE_FILE), settings);
  const packages: Array<{ file: string; manifest: Record<string, unknown>; bytes: Buffer }> = [
    { file: settings.outFile, manifest, bytes: await packageBytes(manifest, new Map()) }
  ];
  if (settings.pulse) {
    const template = readJson(PULSE_TEMPLATE_FILE);
    const translations = readTranslations(isRecord(template) ? template : {}, path.dirname(PULSE_TEMPLATE_FILE));
    const pulseManifest = renderPulseManifest(template, { ...settings, pulse: settings.pulse }, translations);
    packages.push({ file: settings.pulse.outFile, manifest: pulseManifest, bytes: await packageBytes(pulseManifest, translations) });
  }
  if (new Set(packages.map((p) => p.file)).size < packages.length) {
    throw new TeamsAppError(['--out and --pulse-out must be different files.']);
  }
  for (const { file, bytes } of packages) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
  const [recognition, pulse] = packages;
  return { file: recognition.file, manifest: recognition.manifest, ...(pulse ? { pulse: { file: pulse.file, manifest: pulse.manifest } } : {}) };
}

/** The command: 0 when the package was written, 1 with the problems otherwise. */
export async function main(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  try {
    const built = await buildTeamsApp(readTeamsAppArgs(argv, env));
    for (const { file, manifest } of [built, ...(built.pulse ? [built.pulse] : [])]) {
      process.stdout.write(`Wrote ${path.relative(process.cwd(), file) || file} (version ${String(manifest.version)}).\n`);
    }
    if (!built.pulse) {
      process.stdout.write('No pulse app: give --relay-app-id and --pulse-url to build it; without it Teams refuses the pulse reminders (docs/teams-app.md).\n');
    }
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
