/**
 * The timer's second step: shift-start reminders for open rounds, as Teams activity notifications
 * sent with the relay's identity (docs/relay.md "The pulse timer"). Who gets one is
 * `planReminders` (`src/core/pulse/reminders.ts`); this file gathers what it needs:
 *
 * - the open rounds with their survey's audience and N (`maxReminders`): SE_SurveyRounds, SE_Surveys;
 * - the people: Microsoft Graph `GET /users` (User.Read.All), placed on a site by the plant map,
 *   and their Teams teams (`joinedTeams`, the crews), kept for an hour;
 * - the rosters: each audience team's shifts that started within the reminder window, and its time
 *   off around now (`/teams/{id}/schedule/shifts|timesOff`, Schedule.Read.All);
 * - who answered (SE_Participation `counted`), quiet hours (SE_Preferences), what was sent (SE_Reminders).
 *
 * Each reminder is recorded before it is sent, one item per round, person and shift, and sent only
 * by the run whose item stands for the key (the oldest; `settleKeyedRows`): two runs racing send
 * it once, and a crash after the record loses at most that one reminder instead of sending it
 * twice. A send Graph refuses removes the record, so the reminder may still go within its window.
 * Graph refusing the relay (403: an application permission not granted) ends the step: rounds
 * were opened and closed before it.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { settleKeyedRows } from '../../../src/core/keyedRows';
import { memberLogin } from '../../../src/core/people/claims';
import { inAudience, type PulsePerson } from '../../../src/core/pulse/audience';
import { DEFAULT_REMINDER_WINDOW_MINUTES, planReminders, reminderKey, type ReminderPerson, type ReminderRound, type SentReminder } from '../../../src/core/pulse/reminders';
import { siteForOffice } from '../../../src/core/plant/workplace';
import type { PlantMap } from '../../../src/core/plant/types';
import type { Shift, TimeOff } from '../../../src/core/roster/types';
import { LISTS } from '../../../src/core/schema/lists';
import type { TokenProvider } from '../appIdentity';
import { GRAPH_RESOURCE, GraphCallError, type RelayDirectory, sendActivityNotification } from '../directory';
import { readPlantMap } from './rounds';
import { ensuredUserId } from '../sharepoint';
import type { ReminderStep } from './timer';
import { surveyDefinition } from './timerRounds';
import { EDITOR, EDITOR_COLUMNS, trustedRows } from './trustedConfig';

type Row = Record<string, unknown>;
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A person of the directory as the reminders read them. */
export interface DirectoryPerson {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly department?: string;
  readonly officeLocation?: string;
  readonly employmentType?: string;
  readonly preferredLanguage?: string;
}

/** What the reminders ask Microsoft Graph, with the relay's identity. */
export interface ReminderGraph {
  /** Everyone in the directory (User.Read.All). */
  people(): Promise<DirectoryPerson[]>;
  /** A team's shifts starting in [from, to) and its time off around now (Schedule.Read.All). */
  schedule(teamId: string, from: Date, to: Date): Promise<{ shifts: Shift[]; timeOff: TimeOff[] }>;
  /** A Teams activity notification to the person (TeamsActivity.Send.User, granted by installing the pulse Teams app). */
  notify(personId: string, notice: { topic: string; preview: string; webUrl: string }): Promise<void>;
}

/**
 * What the pulse Teams app (teams-app/pulse/, `npm run teams-app -- --relay-app-id …`) declares
 * for the reminders. Teams delivers an application's notification only for an installed app whose
 * `webApplicationInfo.id` is the sending identity, so the reminders have an app of their own: the
 * recognition app names the Entra app SharePoint Framework calls Graph with (docs/teams-app.md).
 */
export const PULSE_REMINDER_ACTIVITY_TYPE = 'pulseReminder';
/** The one parameter of the activity type's template text: the survey's title. */
export const PULSE_REMINDER_TEMPLATE_PARAMETER = 'survey';
/** `id` of the pulse Teams app's manifest, the same for every tenant. */
export const PULSE_TEAMS_APP_MANIFEST_ID = '43f70678-08ed-4f79-a610-acda308490a0';
/** `entityId` of its personal tab, the page with the Pulse web part. */
export const PULSE_TAB_ID = 'pulse';

/**
 * Where a reminder leads: the pulse app's tab (Graph wants a Teams link for a text topic), and
 * `fallbackUrl` for clients that cannot show it. `teamsAppId` is the id Teams knows the app by:
 * the manifest id for a custom app, the catalog id ("App ID" in the Teams admin center) otherwise.
 */
export function pulseReminderLink(fallbackUrl: string, teamsAppId: string = PULSE_TEAMS_APP_MANIFEST_ID): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${PULSE_TAB_ID}?webUrl=${encodeURIComponent(fallbackUrl)}`;
}

const LONGEST_SHIFT_MS = 24 * 60 * 60_000;
const LEAVE_LOOKAROUND_MS = 62 * 24 * 60 * 60_000;

function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export function graphReminders(options: { readonly graphUrl?: string; readonly tokens: TokenProvider; readonly fetch?: typeof fetch }): ReminderGraph {
  const root = (options.graphUrl ?? `${GRAPH_RESOURCE}/v1.0`).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  async function get(url: string, what: string): Promise<Row> {
    const token = await options.tokens(GRAPH_RESOURCE);
    const response = await doFetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (!response.ok) {
      throw new GraphCallError(`Graph answered ${response.status} for ${what}.`, response.status);
    }
    return (await response.json()) as Row;
  }
  async function all(url: string, what: string): Promise<Row[]> {
    const out: Row[] = [];
    for (let next: string | undefined = url; next; ) {
      const page = await get(next, what);
      out.push(...(Array.isArray(page.value) ? page.value.filter(isRecord) : []));
      next = text(page['@odata.nextLink']);
    }
    return out;
  }
  return {
    async people() {
      const rows = await all(`${root}/users?$select=id,userPrincipalName,department,officeLocation,employeeType,preferredLanguage&$top=999`, 'the people');
      return rows
        .filter((row) => text(row.id) && text(row.userPrincipalName))
        .map((row) => ({
          id: str(row.id),
          userPrincipalName: str(row.userPrincipalName),
          department: text(row.department),
          officeLocation: text(row.officeLocation),
          employmentType: text(row.employeeType),
          preferredLanguage: text(row.preferredLanguage)
        }));
    },
    async schedule(teamId, from, to) {
      const team = `${root}/teams/${encodeURIComponent(teamId)}/schedule`;
      const iso = (date: Date): string => date.toISOString();
      const [shiftRows, offRows] = await Promise.all([
        all(`${team}/shifts?$filter=sharedShift/startDateTime ge ${iso(from)} and sharedShift/endDateTime le ${iso(new Date(to.getTime() + LONGEST_SHIFT_MS))}`, 'the shifts'),
        all(
          `${team}/timesOff?$filter=sharedTimeOff/startDateTime ge ${iso(new Date(from.getTime() - LEAVE_LOOKAROUND_MS))} and sharedTimeOff/endDateTime le ${iso(new Date(to.getTime() + LEAVE_LOOKAROUND_MS))}`,
          'the time off'
        )
      ]);
      const shifts: Shift[] = [];
      for (const row of shiftRows) {
        const shared = isRecord(row.sharedShift) ? row.sharedShift : {};
        const start = text(shared.startDateTime);
        const end = text(shared.endDateTime);
        if (text(row.id) && start && end && Date.parse(start) < to.getTime()) {
          shifts.push({ id: str(row.id), personId: text(row.userId), crewId: teamId, start: new Date(start).toISOString(), end: new Date(end).toISOString(), status: 'scheduled' });
        }
      }
      const timeOff: TimeOff[] = [];
      for (const row of offRows) {
        const shared = isRecord(row.sharedTimeOff) ? row.sharedTimeOff : {};
        const start = text(shared.startDateTime);
        const end = text(shared.endDateTime);
        if (text(row.id) && start && end) {
          timeOff.push({ id: str(row.id), personId: text(row.userId), start: new Date(start).toISOString(), end: new Date(end).toISOString() });
        }
      }
      return { shifts, timeOff };
    },
    notify: (personId, notice) =>
      sendActivityNotification(
        options,
        personId,
        {
          topic: notice.topic,
          webUrl: notice.webUrl,
          activityType: PULSE_REMINDER_ACTIVITY_TYPE,
          preview: notice.preview,
          parameter: { name: PULSE_REMINDER_TEMPLATE_PARAMETER, value: notice.topic }
        },
        'the reminder'
      )
  };
}

/** The reminder's words in the person's language (Graph `preferredLanguage`), English otherwise. */
const PREVIEW: Readonly<Record<string, string>> = {
  en: 'Your shift has started: a pulse survey is open for you. Your answers are stored without your name.',
  nl: 'Je dienst is begonnen: er staat een pulse-enquête voor je open. Je antwoorden worden zonder je naam bewaard.',
  sv: 'Ditt skift har börjat: en pulsenkät är öppen för dig. Dina svar sparas utan ditt namn.'
};

export function reminderPreview(language: string | undefined): string {
  return PREVIEW[(language ?? '').toLowerCase().split('-')[0]] ?? PREVIEW.en;
}

export interface ReminderStepOptions {
  readonly graph: ReminderGraph;
  readonly directory: RelayDirectory;
  /** Where the notification leads: a Teams link (Graph requires one for a text topic). */
  readonly webUrl: string;
  readonly log?: (line: string) => void;
}

const PEOPLE_FOR_MS = 60 * 60_000;

interface OpenReminderRound extends ReminderRound {
  readonly title: string;
  readonly timeZone: string;
}

/**
 * Open rounds (status and times) whose survey sends reminders (N above 0); rounds and surveys only
 * as `trustedConfig.ts` trusts them, so no item a member wrote makes the relay notify anyone.
 */
async function openReminderRounds(sp: SPFI, now: Date, log: (line: string) => void): Promise<OpenReminderRound[]> {
  const R = LISTS.surveyRounds;
  const S = LISTS.surveys;
  const read = await sp.web.lists
    .getByTitle(R.title)
    .items.select('ID', R.fields.surveyId, R.fields.opensAt, R.fields.closesAt, R.fields.status, ...EDITOR_COLUMNS)
    .expand(EDITOR)
    .filter(`${R.fields.status} eq 'open'`)
    .top(500)<Row[]>();
  const rounds = await trustedRows(sp, R.title, read, log);
  const live = rounds.filter((r) => Date.parse(str(r[R.fields.opensAt])) <= now.getTime() && now.getTime() < Date.parse(str(r[R.fields.closesAt])));
  if (live.length === 0) {
    return [];
  }
  const ids = [...new Set(live.map((r) => num(r[R.fields.surveyId])))];
  const found = await sp.web.lists
    .getByTitle(S.title)
    .items.select('ID', S.fields.title, S.fields.definition, S.fields.status, ...EDITOR_COLUMNS)
    .expand(EDITOR)
    .filter(ids.map((id) => `ID eq ${id}`).join(' or '))
    .top(500)<Row[]>();
  const surveys = await trustedRows(sp, S.title, found, log);
  const byId = new Map(surveys.map((s) => [num(s.ID), s]));
  const out: OpenReminderRound[] = [];
  for (const r of live) {
    const survey = byId.get(num(r[R.fields.surveyId]));
    if (!survey || (survey[S.fields.status] !== 'open' && survey[S.fields.status] !== 'scheduled')) {
      continue;
    }
    const definition = surveyDefinition(survey[S.fields.definition]);
    const round: OpenReminderRound = {
      id: num(r.ID),
      status: 'open',
      opensAt: new Date(str(r[R.fields.opensAt])).toISOString(),
      closesAt: new Date(str(r[R.fields.closesAt])).toISOString(),
      audience: definition.audience,
      maxReminders: definition.maxReminders,
      title: str(survey[S.fields.title]),
      timeZone: definition.timeZone ?? 'UTC'
    };
    if ((round.maxReminders ?? 2) > 0) {
      out.push(round);
    }
  }
  return out;
}

async function sentFor(sp: SPFI, roundIds: readonly number[]): Promise<SentReminder[]> {
  const L = LISTS.reminders;
  const out: SentReminder[] = [];
  for (const roundId of roundIds) {
    const rows = await sp.web.lists.getByTitle(L.title).items.select('ID', L.fields.personObjectId, L.fields.shiftId).filter(`${L.fields.roundId} eq ${roundId}`).top(5000)<Row[]>();
    out.push(...rows.map((row) => ({ roundId, personId: str(row[L.fields.personObjectId]), shiftId: str(row[L.fields.shiftId]) })));
  }
  return out;
}

/** The site user ids whose participation in the round is counted. */
async function answeredBy(sp: SPFI, roundId: number): Promise<Set<number>> {
  const P = LISTS.participation;
  const rows = await sp.web.lists.getByTitle(P.title).items.select(`${P.fields.participant}Id`, P.fields.status).filter(`${P.fields.roundId} eq ${roundId}`).top(5000)<Row[]>();
  return new Set(rows.filter((row) => row[P.fields.status] === 'counted').map((row) => num(row[`${P.fields.participant}Id`])));
}

/** The person's quiet hours from their own SE_Preferences row (one they or the relay wrote), in the plant's zone. */
async function quietHoursOf(sp: SPFI, userId: number | undefined, timeZone: string): Promise<ReminderPerson['quietHours']> {
  if (userId === undefined) {
    return [];
  }
  const F = LISTS.preferences;
  const rows = await sp.web.lists.getByTitle(F.title).items.select(F.fields.quietHours, 'AuthorId', `${F.fields.person}Id`).filter(`${F.fields.person}Id eq ${userId}`).top(10)<Row[]>();
  const own = rows.find((row) => num(row.AuthorId) === userId);
  try {
    const value = JSON.parse(str(own?.[F.fields.quietHours]) || 'null') as { from?: unknown; to?: unknown } | null;
    const valid = (t: unknown): t is string => typeof t === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(t);
    return value && valid(value.from) && valid(value.to) ? [{ start: value.from, end: value.to, timeZone }] : [];
  } catch {
    return [];
  }
}

/**
 * Records the reminder before it is sent; true when this run's records stand (it sends), false
 * when another run's do (it does not). Later duplicates are removed.
 */
async function claim(sp: SPFI, records: readonly SentReminder[]): Promise<{ claimed: boolean; ids: number[] }> {
  const L = LISTS.reminders;
  const list = sp.web.lists.getByTitle(L.title);
  const ids: number[] = [];
  let claimed = true;
  for (const record of records) {
    const key = reminderKey(record.roundId, record.personId, record.shiftId);
    const added = await list.items.add({ Title: key, [L.fields.roundId]: record.roundId, [L.fields.personObjectId]: record.personId, [L.fields.shiftId]: record.shiftId, [L.fields.reminderKey]: key });
    const mine = num((added as { Id?: unknown; ID?: unknown }).Id ?? (added as { ID?: unknown }).ID);
    ids.push(mine);
    const rows = await list.items.select('ID').filter(`${L.fields.reminderKey} eq '${key.replace(/'/g, "''")}'`).top(50)<Row[]>();
    // Only the relay writes the list after Engage Setup: every row under the key is trusted.
    const plan = settleKeyedRows(rows.map((row) => ({ id: num(row.ID), trusted: true })));
    if (plan.keep !== mine) {
      claimed = false;
      await list.items.getById(mine).delete();
    }
  }
  return { claimed, ids };
}

function granted(error: unknown): boolean {
  const status = error instanceof GraphCallError ? error.status : httpStatusOf(error);
  return status !== 401 && status !== 403;
}

export function reminderStep(options: ReminderStepOptions): ReminderStep {
  const log = options.log ?? ((): void => undefined);
  let people: { readonly at: number; readonly value: Promise<Array<DirectoryPerson & { teamIds: string[] }>> } | undefined;

  async function directory(now: Date): Promise<Array<DirectoryPerson & { teamIds: string[] }>> {
    if (!people || now.getTime() - people.at > PEOPLE_FOR_MS || now.getTime() < people.at) {
      const value = (async () => {
        const listed = await options.graph.people();
        const out: Array<DirectoryPerson & { teamIds: string[] }> = [];
        for (let i = 0; i < listed.length; i += 8) {
          const slice = listed.slice(i, i + 8);
          const teams = await Promise.all(slice.map((p) => options.directory.teamsOf(p.userPrincipalName)));
          slice.forEach((p, index) => out.push({ ...p, teamIds: teams[index] }));
        }
        return out;
      })();
      value.catch(() => {
        people = undefined;
      });
      people = { at: now.getTime(), value };
    }
    return people.value;
  }

  return async (sp, now) => {
    const rounds = await openReminderRounds(sp, now, log);
    if (rounds.length === 0) {
      return { status: 'nothingOpen', sent: [] };
    }
    const window = DEFAULT_REMINDER_WINDOW_MINUTES * 60_000;
    let map: PlantMap;
    let everyone: Array<DirectoryPerson & { teamIds: string[] }>;
    const shifts = new Map<string, Shift[]>();
    const timeOff = new Map<string, TimeOff[]>();
    try {
      [map, everyone] = await Promise.all([readPlantMap(sp, log), directory(now)]);
      const asked = everyone.filter((p) => rounds.some((round) => inAudience(personOf(p, map), round.audience)));
      const teams = [...new Set(asked.flatMap((p) => p.teamIds))];
      for (const teamId of teams) {
        const schedule = await options.graph.schedule(teamId, new Date(now.getTime() - window), new Date(now.getTime() + 60_000));
        schedule.shifts.forEach((s) => s.personId && shifts.set(s.personId, [...(shifts.get(s.personId) ?? []), s]));
        schedule.timeOff.forEach((o) => o.personId && timeOff.set(o.personId, [...(timeOff.get(o.personId) ?? []), o]));
      }
      everyone = asked.filter((p) => shifts.has(p.id));
    } catch (error) {
      if (!granted(error)) {
        const message = `Microsoft Graph refused the relay (${error instanceof Error ? error.message : String(error)}): grant its identity User.Read.All and Schedule.Read.All (docs/relay.md). No reminder is sent; rounds still open and close.`;
        log(`pulse timer: ${message}`);
        return { status: 'notGranted', sent: [], message };
      }
      throw error;
    }
    if (everyone.length === 0) {
      return { status: 'sent', sent: [] };
    }

    const answered = new Map<number, Set<number>>();
    for (const round of rounds) {
      answered.set(round.id, await answeredBy(sp, round.id));
    }
    const sent = await sentFor(sp, rounds.map((r) => r.id));
    const candidates: ReminderPerson[] = [];
    for (const p of everyone) {
      // As the open-rounds route does: a person SharePoint does not know yet is added as a site user.
      const userId = await ensuredUserId(sp, memberLogin(p.userPrincipalName));
      candidates.push({
        personId: p.id,
        person: personOf(p, map),
        answeredRoundIds: rounds.filter((r) => userId !== undefined && answered.get(r.id)?.has(userId)).map((r) => r.id),
        shifts: shifts.get(p.id) ?? [],
        timeOff: timeOff.get(p.id) ?? [],
        quietHours: await quietHoursOf(sp, userId, rounds[0].timeZone)
      });
    }

    const done: string[] = [];
    for (const planned of planReminders(rounds, candidates, sent, { now })) {
      const { claimed, ids } = await claim(sp, planned.records);
      if (!claimed) {
        continue;
      }
      const round = rounds.find((r) => r.id === planned.roundIds[0]) as OpenReminderRound;
      const person = everyone.find((p) => p.id === planned.personId);
      try {
        await options.graph.notify(planned.personId, { topic: round.title, preview: reminderPreview(person?.preferredLanguage), webUrl: options.webUrl });
        done.push(planned.personId);
      } catch (error) {
        // Refused: not sent, so the record goes and the reminder may still go in its window.
        // No answer at all (network): it may have been sent; the record stays.
        const status = error instanceof GraphCallError ? error.status : undefined;
        if (status !== undefined && status < 500 && status !== 429) {
          await Promise.all(ids.map((id) => sp.web.lists.getByTitle(LISTS.reminders.title).items.getById(id).delete()));
        }
        if (!granted(error)) {
          const message = `Microsoft Graph refused the reminder (${error instanceof Error ? error.message : String(error)}): install the Shopfloor Engage pulse Teams app for the audience: it names the relay's identity and grants it TeamsActivity.Send.User for each person it is installed for (docs/teams-app.md).`;
          log(`pulse timer: ${message}`);
          return { status: 'notGranted', sent: done, message };
        }
        log(`pulse timer: a reminder was not sent: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { status: 'sent', sent: done };
  };
}

function personOf(p: DirectoryPerson & { teamIds: string[] }, map: PlantMap): PulsePerson {
  return { siteCode: siteForOffice(map, p.officeLocation)?.code, department: p.department, crewKeys: p.teamIds, employmentType: p.employmentType };
}
