/**
 * The Teams app packages (`npm run teams-app`): built into a temporary folder and opened again.
 * Teams shows a notification only for an installed app whose manifest declares the activity type
 * sent, with a template that uses exactly the parameters sent, and whose webApplicationInfo names
 * the Entra app that sent it. The recognition app is checked against a real notifier call, the
 * pulse app against a real call of the relay's timer.
 */
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

import {
  graphReminders,
  PULSE_REMINDER_ACTIVITY_TYPE,
  PULSE_TAB_ID,
  PULSE_TEAMS_APP_MANIFEST_ID,
  pulseReminderLink
} from '../../relay/src/pulse/timerReminders';
import type { GraphClientLike, GraphRequestLike } from '../../src/connectors/graph/graphClient';
import {
  RECOGNITION_ACTIVITY_TYPE,
  RECOGNITION_WALL_TAB_ID,
  TEAMS_APP_MANIFEST_ID,
  TeamsActivityNotifier
} from '../../src/connectors/graph/teamsNotifier';
import {
  buildTeamsApp,
  DEFAULT_OUT_FILE,
  DEFAULT_PULSE_OUT_FILE,
  main,
  readTeamsAppArgs,
  renderPulseManifest,
  TeamsAppError,
  type TeamsAppInput,
  templatePlaceholders,
  validateTeamsAppInput
} from '../../tools/teams-app';

const APP_ID = '9f3b1c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const HOST = 'contoso.sharepoint.com';
const WALL = `https://${HOST}/sites/engage/SitePages/Recognition.aspx`;
const RELAY_ID = '5a1d7e3c-2b4f-4c6d-9e8f-a0b1c2d3e4f5';
const PULSE = `https://${HOST}/sites/engage/SitePages/Pulse.aspx`;

interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  staticTabs: Array<{ entityId: string; name: string; contentUrl: string; websiteUrl: string; scopes: string[] }>;
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  activities: { activityTypes: Array<{ type: string; description: string; templateText: string }> };
  localizationInfo?: { defaultLanguageTag: string; additionalLanguages: Array<{ languageTag: string; file: string }> };
  authorization?: { permissions: { resourceSpecific: Array<{ name: string; type: string }> } };
}

interface SentNotification {
  readonly url: string;
  readonly body: {
    topic: { source: string; value: string; webUrl: string };
    activityType: string;
    templateParameters: Array<{ name: string; value: string }>;
  };
}

/** A Graph client that accepts every `$batch` request (204) and keeps what was sent. */
class AcceptingGraph implements GraphClientLike {
  public readonly sent: SentNotification[] = [];
  public api(apiPath: string): GraphRequestLike {
    return {
      get: async () => {
        throw new Error(`unexpected GET ${apiPath}`);
      },
      post: async (content: unknown) => {
        const requests = (content as { requests: Array<SentNotification & { id: string }> }).requests;
        this.sent.push(...requests);
        return { responses: requests.map((r) => ({ id: r.id, status: 204, headers: {}, body: undefined })) };
      }
    };
  }
}

/** What the notifier really sends for one recognition. */
async function sentNotification(): Promise<SentNotification> {
  const graph = new AcceptingGraph();
  const notifier = new TeamsActivityNotifier(graph, {
    wallUrl: WALL,
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, sleep: async () => undefined, random: () => 0 }
  });
  await notifier.notify({
    recognitionId: 12,
    recipient: { id: 3, displayName: 'Åsa Backström' },
    recipientDirectoryId: 'aad-asa',
    giverName: 'Jonas Ødegaard',
    valueName: 'Safety first',
    preview: 'Stopped the line when the guard was open.'
  });
  expect(graph.sent).toHaveLength(1);
  return graph.sent[0];
}

interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  /** RGBA, 4 bytes a pixel (only for 8-bit RGBA images). */
  readonly pixels?: Buffer;
}

/** Reads the PNG header (IHDR) and, for 8-bit RGBA, the pixels. */
function decodePng(bytes: Buffer): DecodedPng {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const bitDepth = bytes[24];
  const colorType = bytes[25];
  if (bitDepth !== 8 || colorType !== 6 || bytes[28] !== 0) {
    return { width, height, bitDepth, colorType };
  }
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('ascii', offset + 4, offset + 8) === 'IDAT') {
      idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const paeth = (): number => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, Math.floor((left + up) / 2), paeth()][filter];
      if (predictor === undefined) {
        throw new Error(`unknown PNG filter ${filter} in row ${y}`);
      }
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, bitDepth, colorType, pixels };
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TeamsAppError);
    return [...(error as TeamsAppError).problems];
  }
  throw new Error('expected a TeamsAppError');
}

/** The manifest schema's version, required fields, formats and lengths. */
function expectSchemaLimits(m: Manifest): void {
  expect(m.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${m.manifestVersion}/MicrosoftTeams.schema.json`);
  expect(Number(m.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(7); // activities need 1.7 or later
  expect(m.id).toMatch(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/);
  expect(m.accentColor).toMatch(/^#[0-9a-fA-F]{6}$/);
  expect(m.developer.name.length).toBeLessThanOrEqual(32);
  expect(m.name.short.length).toBeLessThanOrEqual(30);
  expect(m.name.full.length).toBeLessThanOrEqual(100);
  expect(m.description.short.length).toBeLessThanOrEqual(80);
  expect(m.description.full.length).toBeLessThanOrEqual(4000);
  for (const activity of m.activities.activityTypes) {
    expect(activity.type.length).toBeLessThanOrEqual(32);
    expect(activity.description.length).toBeLessThanOrEqual(128);
    expect(activity.templateText.length).toBeLessThanOrEqual(128);
  }
  for (const url of [m.developer.websiteUrl, m.developer.privacyUrl, m.developer.termsOfUseUrl, m.staticTabs[0].contentUrl]) {
    expect(url).toMatch(/^https:\/\//);
  }
}

const good: TeamsAppInput = { appId: APP_ID, sharepointHost: HOST, wallUrl: WALL, version: '1.2.3' };

let tmp: string;
let zip: JSZip;
let manifest: Manifest;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'se-teams-app-'));
  const built = await buildTeamsApp({ ...good, out: path.join(tmp, 'shopfloor-engage-teams.zip') });
  expect(built.file).toBe(path.join(tmp, 'shopfloor-engage-teams.zip'));
  zip = await JSZip.loadAsync(fs.readFileSync(built.file));
  const entry = zip.file('manifest.json');
  if (!entry) {
    throw new Error('manifest.json is not in the package');
  }
  manifest = JSON.parse(await entry.async('string')) as Manifest;
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the Teams app package', () => {
  it('holds manifest.json and the two icons at its root, and nothing else', () => {
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(names).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(Object.values(zip.files).some((f) => f.dir)).toBe(false);
    expect([manifest.icons.color, manifest.icons.outline].sort()).toEqual(['color.png', 'outline.png']);
  });

  it('writes to release/teams by default, which git ignores', () => {
    expect(path.relative(path.resolve(__dirname, '..', '..'), DEFAULT_OUT_FILE)).toBe(path.join('release', 'teams', 'shopfloor-engage-teams.zip'));
    const ignored = fs.readFileSync(path.resolve(__dirname, '..', '..', '.gitignore'), 'utf8').split(/\r?\n/);
    expect(ignored).toContain('release');
  });

  it('declares the activity type the notifier sends, with a template of exactly its parameters', async () => {
    const sent = await sentNotification();
    expect(sent.body.activityType).toBe(RECOGNITION_ACTIVITY_TYPE);
    const declared = manifest.activities.activityTypes.filter((a) => a.type === RECOGNITION_ACTIVITY_TYPE);
    expect(declared).toHaveLength(1);
    const placeholders = [...declared[0].templateText.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]).sort();
    const parameters = sent.body.templateParameters.map((p) => p.name).sort();
    expect(placeholders).toEqual(parameters);
    expect(declared[0].templateText).toBe('{giver} recognised you for {value}');
  });

  it('is the app and tab the notification links to', async () => {
    const sent = await sentNotification();
    expect(manifest.id).toBe(TEAMS_APP_MANIFEST_ID);
    expect(manifest.staticTabs.map((t) => t.entityId)).toEqual([RECOGNITION_WALL_TAB_ID]);
    const link = new URL(sent.body.topic.webUrl);
    expect(link.origin).toBe('https://teams.microsoft.com');
    expect(link.pathname).toBe(`/l/entity/${TEAMS_APP_MANIFEST_ID}/${RECOGNITION_WALL_TAB_ID}`);
  });

  it("fills in the tenant's Entra app, SharePoint host, wall page and version", () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('{{');
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `https://${HOST}` });
    expect(manifest.validDomains).toEqual([HOST]);
    expect(manifest.developer).toEqual({ name: 'Shopfloor Engage', websiteUrl: WALL, privacyUrl: WALL, termsOfUseUrl: WALL });

    const [tab] = manifest.staticTabs;
    expect(tab.scopes).toEqual(['personal']);
    expect(tab.websiteUrl).toBe(WALL);
    const content = new URL(tab.contentUrl);
    expect(`${content.origin}${content.pathname}`).toBe(`https://${HOST}/sites/engage/_layouts/15/TeamsLogon.aspx`);
    expect(content.searchParams.get('SPFX')).toBe('true');
    expect(content.searchParams.get('dest')).toBe('/sites/engage/SitePages/Recognition.aspx');
  });

  it('keeps to the manifest schema: version, required fields, formats and lengths', () => {
    expectSchemaLimits(manifest);
  });

  it('has a 192x192 colour icon and a 32x32 outline icon that is white on transparent', async () => {
    const color = decodePng(await zip.file(manifest.icons.color)!.async('nodebuffer'));
    expect([color.width, color.height]).toEqual([192, 192]);

    const outline = decodePng(await zip.file(manifest.icons.outline)!.async('nodebuffer'));
    expect([outline.width, outline.height, outline.bitDepth, outline.colorType]).toEqual([32, 32, 8, 6]);
    const pixels = outline.pixels!;
    let drawn = 0;
    const offColour: number[] = [];
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3];
      if (alpha > 0) {
        drawn += 1;
        if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) {
          offColour.push(i / 4);
        }
      }
    }
    expect(offColour).toEqual([]);
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(32 * 32); // a transparent background
  });

  it('gives the same bytes for the same input', async () => {
    const again = await buildTeamsApp({ ...good, out: path.join(tmp, 'again.zip') });
    expect(fs.readFileSync(again.file).equals(fs.readFileSync(path.join(tmp, 'shopfloor-engage-teams.zip')))).toBe(true);
  });
});

describe('the teams-app command line', () => {
  it('reads --flag value and --flag=value, and falls back to the environment', () => {
    const input = readTeamsAppArgs(['--app-id', APP_ID, `--wall-url=${WALL}`], {
      TEAMS_APP_SHAREPOINT_HOST: HOST,
      TEAMS_APP_CLIENT_ID: 'from-the-environment',
      TEAMS_APP_VERSION: '2.0.0'
    });
    expect(input).toEqual({ appId: APP_ID, sharepointHost: HOST, wallUrl: WALL, version: '2.0.0' });
  });

  it('rejects unknown arguments and flags without a value', () => {
    expect(problemsOf(() => readTeamsAppArgs(['--appid', APP_ID, '--wall-url', '--version='], {}))).toEqual([
      "Unknown argument '--appid'.",
      `Unknown argument '${APP_ID}'.`,
      '--wall-url needs a value.',
      '--version needs a value.'
    ]);
  });

  it('names every missing setting at once', () => {
    const problems = problemsOf(() => validateTeamsAppInput({ version: '1.0.0' }));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^--app-id is required: the client id of the Entra app SharePoint Framework calls Graph with/);
    expect(problems[1]).toMatch(/^--sharepoint-host is required/);
    expect(problems[2]).toMatch(/^--wall-url is required/);
  });

  it.each<[string, TeamsAppInput, string]>([
    ['an app id that is not a GUID', { appId: 'contoso-app' }, "--app-id 'contoso-app' is not a GUID"],
    ["SharePoint Online's own app id", { appId: '00000003-0000-0ff1-ce00-000000000000' }, 'is the id of SharePoint Online itself, not of the Entra app'],
    ["the Teams app's own id", { appId: TEAMS_APP_MANIFEST_ID }, 'is the id of the Shopfloor Engage Teams app itself'],
    ['a host given as a URL', { sharepointHost: `https://${HOST}/` }, 'must be the host name only, e.g. contoso.sharepoint.com'],
    ['a host that is not SharePoint Online', { sharepointHost: 'intranet.contoso.com' }, "--sharepoint-host 'intranet.contoso.com' is not a SharePoint Online host"],
    ['a host name with invalid characters', { sharepointHost: 'con_toso.sharepoint.com' }, 'is not a valid host name'],
    ['a wall URL over http', { wallUrl: WALL.replace('https:', 'http:') }, 'must use https'],
    ['a wall URL on another host', { wallUrl: 'https://fabrikam.sharepoint.com/SitePages/Wall.aspx' }, 'must be on the SharePoint host contoso.sharepoint.com'],
    ['a wall URL that is not a URL', { wallUrl: 'SitePages/Recognition.aspx' }, 'is not a URL; give the full address, starting with https://'],
    ['a version that is not MAJOR.MINOR.PATCH', { version: 'v1.0' }, "--version 'v1.0' must be MAJOR.MINOR.PATCH"],
    ['a privacy URL over http', { privacyUrl: 'http://contoso.com/privacy' }, "--privacy-url 'http://contoso.com/privacy' must use https"]
  ])('explains %s', (_what, change, message) => {
    const problems = problemsOf(() => validateTeamsAppInput({ ...good, ...change }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('writes no package when the input is wrong, and the command prints why and exits 1', async () => {
    const out = path.join(tmp, 'refused.zip');
    await expect(buildTeamsApp({ ...good, appId: 'nope', out })).rejects.toBeInstanceOf(TeamsAppError);
    expect(fs.existsSync(out)).toBe(false);

    const errors: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      errors.push(String(chunk));
      return true;
    });
    try {
      const code = await main(['--app-id', 'nope', '--sharepoint-host', HOST, '--wall-url', WALL, '--out', out], {});
      expect(code).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('')).toContain("error: --app-id 'nope' is not a GUID");
    expect(errors.join('')).toContain('Usage: npm run teams-app --');
    expect(fs.existsSync(out)).toBe(false);
  });
});

interface SentReminder {
  readonly url: string;
  readonly body: {
    topic: { source: string; value: string; webUrl: string };
    activityType: string;
    templateParameters: Array<{ name: string; value: string }>;
  };
}

/** What the relay's timer really sends for one reminder. */
async function sentReminder(): Promise<SentReminder> {
  const sent: SentReminder[] = [];
  const fakeFetch: typeof fetch = async (url, init) => {
    sent.push({ url: String(url), body: JSON.parse(String(init?.body)) as SentReminder['body'] });
    return new Response(null, { status: 204 });
  };
  const graph = graphReminders({ graphUrl: 'https://graph.test/v1.0', tokens: async () => 'token', fetch: fakeFetch });
  await graph.notify('aad-asa', { topic: 'Spring pulse, Line 3', preview: 'Your shift has started', webUrl: pulseReminderLink(`https://${HOST}/sites/engage`) });
  expect(sent).toHaveLength(1);
  expect(sent[0].url).toBe('https://graph.test/v1.0/users/aad-asa/teamwork/sendActivityNotification');
  return sent[0];
}

type Translation = Record<string, string>;

describe('the pulse Teams app package', () => {
  const withPulse: TeamsAppInput = { ...good, relayAppId: RELAY_ID, pulseUrl: PULSE };
  let dir: string;
  let pulseZip: JSZip;
  let pulse: Manifest;
  let recognition: Manifest;
  const translations = new Map<string, Translation>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-teams-pulse-'));
    const built = await buildTeamsApp({ ...withPulse, out: path.join(dir, 'recognition.zip'), pulseOut: path.join(dir, 'pulse.zip') });
    expect(built.file).toBe(path.join(dir, 'recognition.zip'));
    expect(built.pulse?.file).toBe(path.join(dir, 'pulse.zip'));
    recognition = JSON.parse(await (await JSZip.loadAsync(fs.readFileSync(built.file))).file('manifest.json')!.async('string')) as Manifest;
    pulseZip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'pulse.zip')));
    pulse = JSON.parse(await pulseZip.file('manifest.json')!.async('string')) as Manifest;
    for (const { file } of pulse.localizationInfo?.additionalLanguages ?? []) {
      translations.set(file, JSON.parse(await pulseZip.file(file)!.async('string')) as Translation);
    }
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is built beside the recognition app, which stays as it was', () => {
    expect(fs.readdirSync(dir).sort()).toEqual(['pulse.zip', 'recognition.zip']);
    expect(recognition).toEqual(manifest);
    expect(path.relative(path.resolve(__dirname, '..', '..'), DEFAULT_PULSE_OUT_FILE)).toBe(path.join('release', 'teams', 'shopfloor-engage-pulse.zip'));
  });

  it('is not built without --relay-app-id and --pulse-url', async () => {
    const only = fs.mkdtempSync(path.join(os.tmpdir(), 'se-teams-only-'));
    try {
      const built = await buildTeamsApp({ ...good, out: path.join(only, 'recognition.zip') });
      expect(built.pulse).toBeUndefined();
      expect(fs.readdirSync(only)).toEqual(['recognition.zip']);
    } finally {
      fs.rmSync(only, { recursive: true, force: true });
    }
  });

  it('holds manifest.json, the two icons and the Dutch and Swedish texts at its root', () => {
    const names = Object.values(pulseZip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(names).toEqual(['color.png', 'manifest.json', 'nl-nl.json', 'outline.png', 'sv-se.json']);
    expect(pulse.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [
        { languageTag: 'nl-nl', file: 'nl-nl.json' },
        { languageTag: 'sv-se', file: 'sv-se.json' }
      ]
    });
  });

  it("names the relay's identity, not the page's, and asks for TeamsActivity.Send.User for the person it is installed for", () => {
    expect(pulse.webApplicationInfo).toEqual({ id: RELAY_ID, resource: `https://${HOST}` });
    expect(recognition.webApplicationInfo.id).toBe(APP_ID);
    expect(pulse.id).toBe(PULSE_TEAMS_APP_MANIFEST_ID);
    expect(pulse.id).not.toBe(recognition.id);
    expect(pulse.authorization).toEqual({ permissions: { resourceSpecific: [{ name: 'TeamsActivity.Send.User', type: 'Application' }] } });
  });

  it("declares the timer's activity type, with a template of exactly its parameters in en, nl and sv", async () => {
    const sent = await sentReminder();
    expect(sent.body.activityType).toBe(PULSE_REMINDER_ACTIVITY_TYPE);
    const index = pulse.activities.activityTypes.findIndex((a) => a.type === PULSE_REMINDER_ACTIVITY_TYPE);
    expect(index).toBeGreaterThanOrEqual(0);
    // The timer's reminder and the learning timer's renewal notice.
    expect(pulse.activities.activityTypes).toHaveLength(2);
    const parameters = sent.body.templateParameters.map((p) => p.name).sort();
    const templates = [pulse.activities.activityTypes[index].templateText, ...[...translations.values()].map((t) => t[`activities.activityTypes[${index}].templateText`])];
    expect(templates).toHaveLength(3);
    for (const text of templates) {
      expect(templatePlaceholders(text)).toEqual(parameters);
    }
    expect(templates).toEqual(['Pulse survey open for you: {survey}', 'Pulsmeting staat voor je open: {survey}', 'Pulsenkät öppen för dig: {survey}']);
  });

  it("declares the learning timer's renewal notice with exactly {station} in en, nl and sv, and refuses a template that does not", () => {
    const index = pulse.activities.activityTypes.findIndex((a) => a.type === 'learningRenewal');
    expect(index).toBeGreaterThanOrEqual(0);
    const templates = [pulse.activities.activityTypes[index].templateText, ...[...translations.values()].map((t) => t[`activities.activityTypes[${index}].templateText`])];
    expect(templates).toHaveLength(3);
    for (const text of templates) {
      expect(templatePlaceholders(text)).toEqual(['station']);
    }
    const template = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'teams-app', 'pulse', 'manifest.template.json'), 'utf8')) as Manifest;
    template.activities.activityTypes[index] = { ...template.activities.activityTypes[index], templateText: 'Renew: {skill}' };
    const settings = validateTeamsAppInput(withPulse);
    expect(() => renderPulseManifest(template, { ...settings, pulse: settings.pulse! })).toThrow(
      'The templateText of learningRenewal in the pulse template must use exactly {station}, the one parameter the relay sends.'
    );
  });

  it("is the app and tab the reminder links to, and the tab opens the Pulse page through the site's Teams sign-in", async () => {
    const sent = await sentReminder();
    const link = new URL(sent.body.topic.webUrl);
    expect(link.origin).toBe('https://teams.microsoft.com');
    expect(link.pathname).toBe(`/l/entity/${pulse.id}/${PULSE_TAB_ID}`);
    expect(link.searchParams.get('webUrl')).toBe(`https://${HOST}/sites/engage`);

    expect(pulse.staticTabs.map((t) => t.entityId)).toEqual([PULSE_TAB_ID]);
    const [tab] = pulse.staticTabs;
    expect(tab.scopes).toEqual(['personal']);
    expect(tab.websiteUrl).toBe(PULSE);
    const content = new URL(tab.contentUrl);
    expect(`${content.origin}${content.pathname}`).toBe(`https://${HOST}/sites/engage/_layouts/15/TeamsLogon.aspx`);
    expect(content.searchParams.get('dest')).toBe('/sites/engage/SitePages/Pulse.aspx');
    expect(pulse.validDomains).toEqual([HOST]);
    expect(pulse.developer).toEqual({ name: 'Shopfloor Engage', websiteUrl: PULSE, privacyUrl: PULSE, termsOfUseUrl: PULSE });
    expect(pulse.version).toBe('1.2.3');
    expect(JSON.stringify(pulse)).not.toContain('{{');
  });

  it('keeps to the manifest and localization schemas', () => {
    expectSchemaLimits(pulse);
    expect(Number(pulse.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(12); // authorization needs 1.12 or later
    const limits: Readonly<Record<string, number>> = { 'name.short': 30, 'name.full': 100, 'description.short': 80, 'description.full': 4000, 'staticTabs[0].name': 128 };
    for (const [, translation] of translations) {
      expect(translation.$schema).toBe(pulse.$schema.replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json'));
      for (const [key, max] of Object.entries(limits)) {
        expect(translation[key].length).toBeGreaterThan(0);
        expect(translation[key].length).toBeLessThanOrEqual(max);
      }
      expect(translation['activities.activityTypes[0].description'].length).toBeLessThanOrEqual(128);
      expect(translation['activities.activityTypes[0].templateText'].length).toBeLessThanOrEqual(128);
    }
  });

  it('uses the privacy and terms links when given, and gives the same bytes for the same input', async () => {
    const again = await buildTeamsApp({ ...withPulse, out: path.join(dir, 'again.zip'), pulseOut: path.join(dir, 'pulse-again.zip') });
    expect(fs.readFileSync(again.pulse!.file).equals(fs.readFileSync(path.join(dir, 'pulse.zip')))).toBe(true);
    const linked = await buildTeamsApp({
      ...withPulse,
      privacyUrl: 'https://contoso.com/privacy',
      termsUrl: 'https://contoso.com/terms',
      out: path.join(dir, 'linked.zip'),
      pulseOut: path.join(dir, 'pulse-linked.zip')
    });
    expect(linked.pulse!.manifest.developer).toEqual({ name: 'Shopfloor Engage', websiteUrl: PULSE, privacyUrl: 'https://contoso.com/privacy', termsOfUseUrl: 'https://contoso.com/terms' });
  });
});

describe('the teams-app command line for the pulse app', () => {
  const withPulse: TeamsAppInput = { ...good, relayAppId: RELAY_ID, pulseUrl: PULSE };

  it('reads --relay-app-id, --pulse-url and --pulse-out, and their environment variables', () => {
    expect(readTeamsAppArgs(['--relay-app-id', RELAY_ID, `--pulse-out=out/p.zip`], { TEAMS_APP_PULSE_URL: PULSE })).toEqual({ relayAppId: RELAY_ID, pulseUrl: PULSE, pulseOut: 'out/p.zip' });
    expect(readTeamsAppArgs([], { TEAMS_APP_RELAY_CLIENT_ID: RELAY_ID, TEAMS_APP_PULSE_OUT: 'p.zip' })).toEqual({ relayAppId: RELAY_ID, pulseOut: 'p.zip' });
  });

  it('checks the pulse settings with the others, all at once', () => {
    const problems = problemsOf(() => validateTeamsAppInput({ version: '1.0.0', relayAppId: 'relay' }));
    expect(problems).toHaveLength(5);
    expect(problems).toContain("--relay-app-id 'relay' is not a GUID (like 12345678-90ab-cdef-1234-567890abcdef).");
    expect(problems.some((p) => p.startsWith('--relay-app-id needs --pulse-url: the https URL of the SharePoint page with the Pulse web part'))).toBe(true);
  });

  it.each<[string, TeamsAppInput, string]>([
    ['a pulse URL without the relay', { relayAppId: undefined }, "--pulse-url needs --relay-app-id: the application (client) id of the relay's managed identity"],
    ['the relay without a pulse URL', { pulseUrl: undefined }, '--relay-app-id needs --pulse-url'],
    ['the app id SharePoint Framework calls Graph with', { relayAppId: APP_ID.toUpperCase() }, '--relay-app-id is the same as --app-id'],
    ['the SharePoint Online Web Client Extensibility app', { relayAppId: '08e18876-6177-487e-b8b5-cf950c1e598c' }, 'is the id of SharePoint Online Web Client Extensibility'],
    ["the pulse app's own id", { relayAppId: PULSE_TEAMS_APP_MANIFEST_ID }, 'is the id of the Shopfloor Engage pulse Teams app itself'],
    ["Microsoft Graph's id", { relayAppId: '00000003-0000-0000-c000-000000000000' }, "is the id of Microsoft Graph, not of the relay's managed identity"],
    ['a pulse URL on another host', { pulseUrl: 'https://fabrikam.sharepoint.com/SitePages/Pulse.aspx' }, "--pulse-url 'https://fabrikam.sharepoint.com/SitePages/Pulse.aspx' must be on the SharePoint host"],
    ['a pulse URL over http', { pulseUrl: PULSE.replace('https:', 'http:') }, 'must use https'],
    ['--pulse-out without the pulse app', { relayAppId: undefined, pulseUrl: undefined, pulseOut: 'p.zip' }, '--pulse-out is for the pulse app']
  ])('explains %s', (_what, change, message) => {
    const problems = problemsOf(() => validateTeamsAppInput({ ...withPulse, ...change }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('writes neither package when a pulse setting is wrong, nor when both would go to one file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-teams-refused-'));
    try {
      const out = path.join(dir, 'recognition.zip');
      await expect(buildTeamsApp({ ...withPulse, relayAppId: APP_ID, out, pulseOut: path.join(dir, 'pulse.zip') })).rejects.toBeInstanceOf(TeamsAppError);
      await expect(buildTeamsApp({ ...withPulse, out, pulseOut: out })).rejects.toThrow('--out and --pulse-out must be different files.');
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which packages it wrote', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-teams-main-'));
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const base = ['--app-id', APP_ID, '--sharepoint-host', HOST, '--wall-url', WALL, '--version', '1.0.0', '--out', path.join(dir, 'r.zip')];
      expect(await main([...base, '--relay-app-id', RELAY_ID, '--pulse-url', PULSE, '--pulse-out', path.join(dir, 'p.zip')], {})).toBe(0);
      expect(await main(base, {})).toBe(0);
    } finally {
      spy.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const text = lines.join('');
    expect(text.match(/Wrote .*p\.zip \(version 1\.0\.0\)/g)).toHaveLength(1);
    expect(text.match(/Wrote .*r\.zip \(version 1\.0\.0\)/g)).toHaveLength(2);
    expect(text.match(/No pulse app: give --relay-app-id and --pulse-url/g)).toHaveLength(1);
  });
});
