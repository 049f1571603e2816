/**
 * The Teams app package (`npm run teams-app`): built into a temporary folder and opened again.
 * Teams shows a recognition only for an installed app whose manifest declares the activity type
 * the notifier sends, with a template that uses exactly the parameters the notifier fills, and
 * whose webApplicationInfo names the Entra app that calls Graph; each of those is checked here
 * against a real notifier call.
 */
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

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
  main,
  readTeamsAppArgs,
  TeamsAppError,
  type TeamsAppInput,
  validateTeamsAppInput
} from '../../tools/teams-app';

const APP_ID = '9f3b1c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const HOST = 'contoso.sharepoint.com';
const WALL = `https://${HOST}/sites/engage/SitePages/Recognition.aspx`;

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
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(7); // activities need 1.7 or later
    expect(manifest.id).toMatch(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/);
    expect(manifest.accentColor).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(manifest.developer.name.length).toBeLessThanOrEqual(32);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    for (const activity of manifest.activities.activityTypes) {
      expect(activity.type.length).toBeLessThanOrEqual(32);
      expect(activity.description.length).toBeLessThanOrEqual(128);
      expect(activity.templateText.length).toBeLessThanOrEqual(128);
    }
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl, manifest.staticTabs[0].contentUrl]) {
      expect(url).toMatch(/^https:\/\//);
    }
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
