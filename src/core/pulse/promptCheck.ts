/**
 * The on-shift prompt's check with nothing but the host's own clients (SPFx's MSGraphClientV3,
 * SPHttpClient and AadHttpClient come with the page): it runs on every page of the intranet, so
 * it carries neither PnPjs nor the roster service, the Graph cache or the relay client, which the
 * parts that show a roster or collect answers load. What it asks, in order:
 *
 * 1. The person's quiet hours (their own SE_Preferences item, as `readQuietHours` reads it) and
 *    the roster around now from Teams Shifts: one Graph `$batch` with `/me`, `/me/joinedTeams`
 *    and, when the device kept the person's team ids (`teamIdCache`, shared with the roster
 *    service), those teams' schedules; one more for a team joined since (or every team, on a
 *    device's first visit). The same Graph paths, filters and scopes as `GraphRosterSource`
 *    (Team.ReadBasic.All, Schedule.Read.All), over the same window (whole UTC days from a day
 *    before `now − 1 day` to a day after `now + 1 day`), each team's shifts a day a request so
 *    that each answer fits in one page (pages that do come are followed); time off over 62 days
 *    more either side, so that leave under way now is found (Graph's filter holds an item only
 *    when all of it is inside). A team whose schedule Graph refuses the person (403) or does not
 *    have (404) counts as no crew of theirs, as the relay counts it.
 * 2. Only while the roster allows a prompt: where the relay is (the tenant property, as
 *    `relaySettingsOf` reads it) and `GET {relay}/pulse/open` with the person's token.
 *
 * Anything that fails makes the check fail (the prompt stays silent and looks again later). Graph
 * requests answered "busy" (429, 503, 504) are asked again once, after a Retry-After of at most
 * five seconds; still busy, or asked to wait longer, is "not now" too. A relay that says "busy" is
 * not asked again here.
 */
import { QUESTION_KINDS, type QuestionKind } from '../models/pulse';
import { parseRelaySettings, RELAY_TENANT_PROPERTY } from '../recognition/moderation';
import { parseQuietHours } from '../roster/quietHours';
import { mayPromptNow, type PromptDecision, type PromptSettings } from '../roster/rules';
import type { TeamIdCache } from '../roster/teamIdCache';
import type { Shift, TimeOff } from '../roster/types';
import { Outbox } from '../outbox/outbox';
import type { KeyValueStore } from '../storage';
import type { PulseOpenQuestion, PulseSubmissionBody } from './answering';
import type { PromptOffer, PromptSources } from './promptNow';

/** The part of a Microsoft Graph client the check uses (MSGraphClientV3 in SharePoint). */
export interface PromptGraph {
  api(path: string): { get(): Promise<unknown>; post(content: unknown): Promise<unknown> };
}

/** The part of a fetch Response the check reads (AadHttpClient's HttpClientResponse has it). */
export interface PromptRelayResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
}

export type PromptRelayFetch = (url: string, init: { readonly method: 'GET'; readonly headers: Record<string, string> }) => Promise<PromptRelayResponse>;

export interface PromptCheckPorts {
  readonly graph: PromptGraph;
  /** GETs a web-relative SharePoint REST path (`_api/…`) as JSON without metadata (SPHttpClient in SharePoint). */
  readonly sharePoint: (path: string) => Promise<unknown>;
  /** A fetch with the person's token for an Entra ID resource (AadHttpClient); absent where the host has none. */
  readonly relayFetch?: (resource: string) => Promise<PromptRelayFetch>;
  /** Origin of a server-relative relay URL (the site's). */
  readonly siteOrigin: string;
  /** The person's SharePoint user id on the site (no quiet hours can be read without it). */
  readonly siteUserId?: number;
  /** IANA zone the quiet hours are read in (the device's). */
  readonly timeZone: string;
  /** The person's team ids kept on the device (the roster service's). */
  readonly teamIds?: TeamIdCache;
  /**
   * The tab's copy of the person's roster around now (sessionStorage), kept {@link ROSTER_KEPT_MS}:
   * while the line shows, the next pages of the session ask Graph nothing (as the roster service's
   * session cache does for the parts that show a roster).
   */
  readonly rosterCache?: { read(): string | undefined; write(value: string): void };
  readonly now: () => Date;
  /** Waits `ms` (a timer; tests pass their own). */
  readonly wait?: (ms: number) => Promise<void>;
  /** Grace minutes at the start and end of a shift (quiet hours are the person's). */
  readonly grace: Pick<PromptSettings, 'startGraceMinutes' | 'endGraceMinutes'>;
}

const DAY = 86_400_000;
/** How long the tab keeps the roster it read (the roster service keeps schedules as long). */
export const ROSTER_KEPT_MS = 5 * 60_000;
/** Graph's `$batch` takes at most 20 requests. */
const BATCH_SIZE = 20;
/** Pages followed per list (a team list, a day of a team's shifts). */
const MAX_PAGES = 10;
/**
 * How far before and after the roster's window time off is read (as the relay's reminders read
 * it): Graph filters time off only on "starts on or after, ends by", so leave under way now is
 * found only by a window that holds all of it. Leave longer than this on either side of now is not
 * seen (the shifts then decide).
 */
const TIME_OFF_REACH = 62 * DAY;
/** Graph answers that say "busy": asked again once, after their Retry-After. */
const BUSY = [429, 503, 504];
/** The longest Retry-After waited for here; a longer one is left to the next check. */
const MAX_RETRY_WAIT_MS = 5_000;
/** The wait when Graph does not say how long. */
const DEFAULT_RETRY_WAIT_MS = 1_000;

type Json = { readonly [key: string]: unknown };

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A Graph list's items, following `@odata.nextLink` pages. */
async function itemsOf(graph: PromptGraph, body: unknown): Promise<unknown[]> {
  const items: unknown[] = [];
  let page = body;
  for (let pages = 0; isRecord(page) && pages < MAX_PAGES; pages += 1) {
    items.push(...(Array.isArray(page.value) ? page.value : []));
    const next = text(page['@odata.nextLink']);
    page = next ? await graph.api(next).get() : undefined;
  }
  return items;
}

interface GraphAnswer {
  readonly url: string;
  readonly status: number;
  /** Milliseconds Graph asked to wait (its Retry-After), for a busy answer. */
  readonly retryAfterMs: number;
  readonly body: unknown;
}

/** The Retry-After (seconds) of an inner response's headers, in milliseconds. */
function retryAfterMs(headers: unknown): number {
  const name = isRecord(headers) ? Object.keys(headers).filter((key) => key.toLowerCase() === 'retry-after')[0] : undefined;
  const seconds = name && isRecord(headers) ? Number(headers[name]) : NaN;
  return isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_RETRY_WAIT_MS;
}

/**
 * GETs `urls` in Graph `$batch`es (one round trip); the requests Graph answered busy are sent
 * again once, after the longest Retry-After among them, when that is at most
 * {@link MAX_RETRY_WAIT_MS}. What is still busy then fails the check (`ok`): not now.
 */
async function batchGet(ports: Pick<PromptCheckPorts, 'graph' | 'wait'>, urls: readonly string[]): Promise<GraphAnswer[]> {
  const answers = await sendBatches(ports.graph, urls);
  const busy = answers.filter((answer) => BUSY.indexOf(answer.status) >= 0);
  const waitMs = busy.reduce((longest, answer) => Math.max(longest, answer.retryAfterMs), 0);
  if (busy.length === 0 || waitMs > MAX_RETRY_WAIT_MS) {
    return answers;
  }
  await (ports.wait ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))))(waitMs);
  const again = await sendBatches(ports.graph, busy.map((answer) => answer.url));
  return answers.map((answer) => (busy.indexOf(answer) >= 0 ? again[busy.indexOf(answer)] : answer));
}

/** GETs `urls` in Graph `$batch`es of 20, sent together: one round trip. */
async function sendBatches(graph: PromptGraph, urls: readonly string[]): Promise<GraphAnswer[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < urls.length; i += BATCH_SIZE) {
    chunks.push(urls.slice(i, i + BATCH_SIZE));
  }
  const answers = await Promise.all(
    chunks.map(async (chunk) => {
      const answer = await graph.api('/$batch').post({ requests: chunk.map((url, i) => ({ id: String(i + 1), method: 'GET', url })) });
      const responses = isRecord(answer) && Array.isArray(answer.responses) ? answer.responses.filter(isRecord) : [];
      return chunk.map((url, i): GraphAnswer => {
        const response = responses.filter((r) => String(r.id) === String(i + 1))[0];
        return { url, status: response && typeof response.status === 'number' ? response.status : 0, retryAfterMs: retryAfterMs(response?.headers), body: response?.body };
      });
    })
  );
  return answers.reduce<GraphAnswer[]>((all, chunk) => all.concat(chunk), []);
}

/** The answer's body; any answer but 200 fails the check. */
function ok(answer: GraphAnswer): unknown {
  if (answer.status !== 200) {
    throw new Error(`Microsoft Graph answered ${answer.status} to ${answer.url.split('?')[0]}`);
  }
  return answer.body;
}

interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

const iso = (t: number): string => new Date(t).toISOString();

/**
 * A team's time off around the window ({@link TIME_OFF_REACH} either side), then its shifts a day
 * at a time (each request holds the shifts that start that day).
 */
function scheduleUrls(teamId: string, window: TimeWindow): string[] {
  const team = `/teams/${encodeURIComponent(teamId)}/schedule`;
  const urls = [`${team}/timesOff?$filter=sharedTimeOff/startDateTime ge ${iso(window.start - TIME_OFF_REACH)} and sharedTimeOff/endDateTime le ${iso(window.end + TIME_OFF_REACH)}`];
  for (let day = window.start; day < window.end; day += DAY) {
    // A shift lasts at most 24 hours: one that starts this day ends by the next day's end.
    urls.push(`${team}/shifts?$filter=sharedShift/startDateTime ge ${iso(day)} and sharedShift/endDateTime le ${iso(Math.min(day + 2 * DAY, window.end))}`);
  }
  return urls;
}

/** The person's own entries of a list of shifts or time off (`shared*` times), each once. */
function ownTimes(items: readonly unknown[], meId: string, shared: 'sharedShift' | 'sharedTimeOff'): Array<{ id: string; start: string; end: string }> {
  const seen: { [id: string]: boolean } = {};
  const out: Array<{ id: string; start: string; end: string }> = [];
  for (const item of items) {
    const times = isRecord(item) ? item[shared] : undefined;
    if (!isRecord(item) || !isRecord(times) || item.userId !== meId || !text(item.id) || seen[text(item.id)]) {
      continue;
    }
    const start = Date.parse(text(times.startDateTime));
    const end = Date.parse(text(times.endDateTime));
    if (isFinite(start) && isFinite(end)) {
      seen[text(item.id)] = true;
      out.push({ id: text(item.id), start: iso(start), end: iso(end) });
    }
  }
  return out;
}

interface KeptRoster {
  readonly until: number;
  readonly window: string;
  readonly shifts: Shift[];
  readonly timeOff: TimeOff[];
}

/** The person's shifts and time off around now, from their Teams teams' schedules (or the tab's copy of them). */
export async function rosterAroundNow(ports: PromptCheckPorts): Promise<{ shifts: Shift[]; timeOff: TimeOff[] }> {
  const now = ports.now().getTime();
  const window = { start: Math.floor((now - 2 * DAY) / DAY) * DAY, end: Math.ceil((now + 2 * DAY) / DAY) * DAY };
  const windowKey = `${window.start}/${window.end}`;
  try {
    const kept = JSON.parse(ports.rosterCache?.read() ?? '{}') as Partial<KeptRoster>;
    if (kept.window === windowKey && typeof kept.until === 'number' && now < kept.until && Array.isArray(kept.shifts) && Array.isArray(kept.timeOff)) {
      return { shifts: kept.shifts, timeOff: kept.timeOff };
    }
  } catch {
    // unreadable: read Graph
  }
  const roster = await readRoster(ports, window);
  const keep: KeptRoster = { until: now + ROSTER_KEPT_MS, window: windowKey, ...roster };
  ports.rosterCache?.write(JSON.stringify(keep));
  return roster;
}

async function readRoster(ports: PromptCheckPorts, window: TimeWindow): Promise<{ shifts: Shift[]; timeOff: TimeOff[] }> {
  const perTeam = scheduleUrls('', window).length;
  const urlsOf = (teamIds: readonly string[]): string[] => teamIds.reduce<string[]>((all, id) => all.concat(scheduleUrls(id, window)), []);
  const kept = ports.teamIds?.read() ?? [];
  const [me, teams, ...keptAnswers] = await batchGet(ports, ['/me?$select=id', '/me/joinedTeams', ...urlsOf(kept)]);
  const meBody = ok(me);
  const meId = isRecord(meBody) ? text(meBody.id) : '';
  const teamIds = (await itemsOf(ports.graph, ok(teams))).map((team) => (isRecord(team) ? text(team.id) : '')).filter((id) => id.length > 0);
  // Confirmed (or forgotten, when there are none) for the next visit on this device.
  ports.teamIds?.write(teamIds);
  if (!meId) {
    throw new Error('Microsoft Graph gave no id for the signed-in person.');
  }
  if (teamIds.length === 0) {
    throw new Error('You are not in a team with a Shifts schedule.');
  }
  // A kept team left since is ignored (it may answer 403): the team list decides. A team joined since is read now.
  const missing = teamIds.filter((id) => kept.indexOf(id) < 0);
  const missingAnswers = await batchGet(ports, urlsOf(missing));
  const answersOf = (id: string): GraphAnswer[] => {
    const k = kept.indexOf(id);
    return k >= 0 ? keptAnswers.slice(k * perTeam, (k + 1) * perTeam) : missingAnswers.slice(missing.indexOf(id) * perTeam, (missing.indexOf(id) + 1) * perTeam);
  };
  // A team whose schedule Graph refuses the person (403: no Shifts for them) or does not have (404) is no crew of theirs.
  const itemsIn = (answer: GraphAnswer): Promise<unknown[]> => (answer.status === 403 || answer.status === 404 ? Promise.resolve([]) : itemsOf(ports.graph, ok(answer)));
  const lists = await Promise.all(teamIds.map((id) => Promise.all(answersOf(id).map(itemsIn))));
  const timeOff = lists.reduce<unknown[]>((all, [off]) => all.concat(off), []);
  const shifts = lists.reduce<unknown[]>((all, [, ...days]) => all.concat(...days), []);
  return {
    shifts: ownTimes(shifts, meId, 'sharedShift').map((s) => ({ ...s, status: 'scheduled' as const })),
    // Only the leave that touches the window is kept (and kept on the tab).
    timeOff: ownTimes(timeOff, meId, 'sharedTimeOff').filter((off) => Date.parse(off.start) < window.end && Date.parse(off.end) > window.start)
  };
}

/** The person's quiet hours: the `QuietHours` of their own SE_Preferences item (one whose author is the person). */
export async function quietHoursOf(ports: PromptCheckPorts): Promise<ReturnType<typeof parseQuietHours>> {
  const id = ports.siteUserId;
  if (id === undefined) {
    return [];
  }
  const body = await ports.sharePoint(`_api/web/lists/getByTitle('SE_Preferences')/items?$select=QuietHours,PersonId,AuthorId&$filter=PersonId eq ${id}&$top=10`);
  const rows = isRecord(body) && Array.isArray(body.value) ? body.value.filter(isRecord) : [];
  const own = rows.filter((row) => row.AuthorId === id)[0];
  return parseQuietHours(own ? text(own.QuietHours) : undefined, ports.timeZone);
}

/** The roster's rule now, with the person's quiet hours (read beside the roster). */
export async function mayPromptFromRoster(ports: PromptCheckPorts): Promise<PromptDecision> {
  const [quietHours, roster] = await Promise.all([quietHoursOf(ports), rosterAroundNow(ports)]);
  return mayPromptNow(ports.now(), roster.shifts, roster.timeOff, { ...ports.grace, quietHours });
}

function questionsOf(value: unknown): PulseOpenQuestion[] {
  const questions: PulseOpenQuestion[] = [];
  for (const q of Array.isArray(value) ? value : []) {
    // What the survey would show: a key, a kind it knows and words (the words themselves are the survey's to read).
    if (isRecord(q) && typeof q.key === 'string' && QUESTION_KINDS.indexOf(q.kind as QuestionKind) >= 0 && isRecord(q.texts)) {
      questions.push({ key: q.key, kind: q.kind as QuestionKind, driver: text(q.driver), texts: {} });
    }
  }
  return questions;
}

/** The rounds of a `GET /api/pulse/open` answer, as far as the prompt reads them; anything malformed is left out. */
export function parseOffers(body: unknown): PromptOffer[] {
  const rounds = isRecord(body) && Array.isArray(body.rounds) ? body.rounds : [];
  return rounds.filter(isRecord).filter((r) => typeof r.roundId === 'number' && r.roundId >= 1).map((r) => ({
    roundId: r.roundId as number,
    title: text(r.title),
    opensAt: text(r.opensAt),
    closesAt: text(r.closesAt),
    questions: questionsOf(r.questions),
    answered: r.answered === true
  }));
}

/** The open rounds the relay offers the person; no relay configured, or no token for it, fails. */
export async function relayOffers(ports: PromptCheckPorts): Promise<PromptOffer[]> {
  const property = await ports.sharePoint(`_api/web/GetStorageEntity('${RELAY_TENANT_PROPERTY}')`);
  const settings = parseRelaySettings(isRecord(property) ? text(property.Value) || undefined : undefined);
  if (!settings || !ports.relayFetch) {
    throw new Error('No relay is configured, or the page has no token for it.');
  }
  const send = await ports.relayFetch(settings.resource);
  const response = await send(`${settings.url.charAt(0) === '/' ? ports.siteOrigin : ''}${settings.url}/pulse/open`, { method: 'GET', headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`The relay answered ${response.status} to /pulse/open`);
  }
  return parseOffers(await response.json());
}

/** Where the prompt keeps what it knows on the device: the keys `PulseAnswers` and the pulse services use for the person. */
export interface PromptDevice {
  /** The device's storage (localStorage): dismissed prompts, answers waiting to be sent. */
  readonly local: KeyValueStore;
  /** The tab's storage (sessionStorage): "nothing to prompt for until …". */
  readonly session: KeyValueStore;
  readonly dismissedKey: string;
  readonly outboxKey: string;
  readonly memoKey: string;
  /** Sends the answers waiting on the device (the answering services, loaded only then). */
  readonly sendWaiting: () => Promise<void>;
}

/** The prompt's sources over the check above, and "Not now" for a round. */
export function promptCheckSources(ports: PromptCheckPorts, device: PromptDevice): PromptSources<PromptOffer> & { dismiss(roundId: number): void } {
  const dismissedRoundIds = (): number[] => {
    try {
      const parsed = JSON.parse(device.local.read(device.dismissedKey) ?? '[]') as unknown;
      return Array.isArray(parsed) ? parsed.filter((v): v is number => typeof v === 'number') : [];
    } catch {
      return [];
    }
  };
  const outbox = new Outbox<Pick<PulseSubmissionBody, 'roundId'>>(device.local, device.outboxKey);
  return {
    mayPromptNow: () => mayPromptFromRoster(ports),
    openRounds: async () => {
      // As the answering services do: what waits on the device is sent first, and counts as answered.
      if (outbox.pending().length > 0) {
        await device.sendWaiting().catch(() => undefined);
      }
      const waiting = outbox.pending().map((entry) => entry.payload.roundId);
      return (await relayOffers(ports)).map((round) => (waiting.indexOf(round.roundId) >= 0 ? { ...round, answered: true } : round));
    },
    dismissedRoundIds,
    now: ports.now,
    memo: {
      read: () => {
        const until = Number(device.session.read(device.memoKey));
        return isFinite(until) && until > 0 ? until : undefined;
      },
      write: (until) => device.session.write(device.memoKey, String(until))
    },
    // The same list `PulseAnswers.dismiss` keeps (the last 50 rounds).
    dismiss: (roundId) => {
      const ids = dismissedRoundIds();
      if (ids.indexOf(roundId) < 0) {
        device.local.write(device.dismissedKey, JSON.stringify(ids.concat([roundId]).slice(-50)));
      }
    }
  };
}
