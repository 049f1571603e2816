/**
 * Pulse through the relay in tests: the local relay's keys (to check what only the relay can
 * read), calls to its pulse routes with a person's token, and rounds put in by HR.
 */
import { readRoundBoxes } from '../../relay/src/pulse/ballotStore';
import { pulseKeyring, type PulseKeyring } from '../../relay/src/pulse/envelope';
import { LOCAL_PULSE_KEYS } from '../../local/relay/pulseKeys';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { distinctEntries, type BallotEntry } from '../../src/core/pulse/ballot';
import { LISTS } from '../../src/core/schema/lists';
import { persona, spAsApp, tokenFor } from './tenant';

export const KEYS: PulseKeyring = pulseKeyring(LOCAL_PULSE_KEYS);

export interface Answer {
  readonly status: number;
  readonly body: { status?: string; resent?: boolean; rounds?: OpenRound[]; error?: { code?: string; field?: string } };
}

export interface OpenRound {
  readonly roundId: number;
  readonly title: string;
  readonly languages: string[];
  readonly language: string;
  readonly questions: Array<{ key: string; kind: string; texts: Record<string, string> }>;
  readonly privacy: { anonymous: boolean; minGroupSize: number; minCommentGroupSize: number };
  readonly answered: boolean;
}

export async function callRelay(tenant: RunningTenant, person: Person, method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<Answer> {
  const response = await fetch(`${tenant.origin}/relay/api/pulse/${path}`, {
    method,
    headers: { authorization: `Bearer ${token ?? (await tokenFor(tenant, person))}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

export const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface TestRound {
  readonly surveyId: number;
  readonly roundId: number;
}

/** A survey and one round, put in by HR through the store (HR's authoring part is another test's). */
export function addRound(
  tenant: RunningTenant,
  options: { audience?: Record<string, string[]>; opens?: number; closes?: number; status?: string; surveyStatus?: string; questionKeys?: string[] } = {}
): TestRound {
  const hr = persona(tenant, 'hr');
  const now = tenant.context.now().getTime();
  const sp = tenant.context.sp;
  const surveyId = sp.addItem(
    LISTS.surveys.title,
    {
      Title: 'Shift pulse',
      Definition: JSON.stringify({
        questionKeys: options.questionKeys ?? ['part-of-team', 'safe-to-speak-up', 'recommend-workplace', 'one-thing-better'],
        languages: ['en-us', 'nl-nl', 'sv-se'],
        audience: options.audience ?? {},
        roundLengthDays: 14
      }),
      Status: options.surveyStatus ?? 'open',
      Cadence: 'monthly',
      MinGroupSize: 5,
      MinCommentGroupSize: 10
    },
    { authorId: hr.spUserId }
  );
  const roundId = sp.addItem(
    LISTS.surveyRounds.title,
    {
      Title: `${surveyId}:1`,
      SurveyId: surveyId,
      RoundNumber: 1,
      RoundKey: `${surveyId}:1`,
      OpensAt: iso(options.opens ?? now - DAY),
      ClosesAt: iso(options.closes ?? now + 7 * DAY),
      Status: options.status ?? 'open',
      ThresholdsLocked: true,
      MinGroupSize: 5,
      MinCommentGroupSize: 10
    },
    { authorId: hr.spUserId }
  );
  return { surveyId, roundId };
}

let counter = 0;
/** A submission key as a device makes one. */
export function submissionKey(): string {
  counter += 1;
  return `device-${Date.now().toString(36)}-${counter.toString(36).padStart(6, '0')}`;
}

/** The round's entries, opened with the relay's key (what only the relay can do). */
export async function entriesOf(tenant: RunningTenant, roundId: number): Promise<BallotEntry[]> {
  return distinctEntries(await readRoundBoxes(await spAsApp(tenant), KEYS, roundId));
}


/**
 * A participation record the relay left `pending` with the submission's token (old key: the
 * local one): what a first try that failed after writing participation leaves behind.
 */
export async function addPending(tenant: RunningTenant, roundId: number, person: Person, key: string): Promise<void> {
  const participationKey = `${roundId}:${person.spUserId}`;
  await (await spAsApp(tenant)).web.lists.getByTitle(LISTS.participation.title).items.add({
    Title: participationKey,
    RoundId: roundId,
    ParticipantId: person.spUserId,
    ParticipationKey: participationKey,
    Status: 'pending',
    Token: KEYS.token(roundId, key)
  });
}

/** A survey HR scheduled (its rounds are the timer's to open), put in through the store. */
export function addScheduledSurvey(
  tenant: RunningTenant,
  schedule: {
    firstOpensOn: string;
    opensAt?: string;
    timeZone?: string;
    cadence?: string;
    roundLengthDays?: number;
    paused?: boolean;
    maxReminders?: number;
    audience?: Record<string, string[]>;
    status?: string;
  }
): number {
  const hr = persona(tenant, 'hr');
  return tenant.context.sp.addItem(
    LISTS.surveys.title,
    {
      Title: 'Scheduled pulse',
      Definition: JSON.stringify({
        questionKeys: ['part-of-team', 'safe-to-speak-up', 'recommend-workplace', 'one-thing-better'],
        languages: ['en-us', 'nl-nl', 'sv-se'],
        audience: schedule.audience ?? {},
        roundLengthDays: schedule.roundLengthDays ?? 7,
        firstOpensOn: schedule.firstOpensOn,
        opensAt: schedule.opensAt ?? '06:00',
        timeZone: schedule.timeZone ?? 'Europe/Stockholm',
        ...(schedule.paused === undefined ? {} : { paused: schedule.paused }),
        ...(schedule.maxReminders === undefined ? {} : { maxReminders: schedule.maxReminders })
      }),
      Status: schedule.status ?? 'scheduled',
      Cadence: schedule.cadence ?? 'weekly',
      MinGroupSize: 6,
      MinCommentGroupSize: 12
    },
    { authorId: hr.spUserId }
  );
}

/** What one run of the relay's pulse timer reports (`POST /relay/pulse-timer`). */
export interface TimerRun {
  readonly status: string;
  readonly rounds?: { opened: string[]; openedElsewhere: string[]; closed: Array<{ roundId: number; reason: string }> };
  readonly reminders?: { status: string; sent: string[]; message?: string };
  /** The rounds' inboxes drained into their boxes this run (only with the pulse keys). */
  readonly drained?: { drained: number; boxWrites: number; waiting: number };
  /** Participation left pending, settled this run (only with the pulse keys). */
  readonly pending?: { counted: number; removed: number; waiting: number };
  /** The box check of rounds closed in the last hour (only with the pulse keys). */
  readonly boxChecks?: Array<{ roundId: number; status: string; counted: number; answers: number; editedByOthers: number }>;
}

/** One run of the relay's pulse timer over HTTP, at the tenant's clock. */
export async function runPulseTimer(tenant: RunningTenant): Promise<TimerRun> {
  const response = await fetch(`${tenant.origin}/relay/pulse-timer`, { method: 'POST' });
  if (response.status !== 200) {
    throw new Error(`The pulse timer answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as TimerRun;
}

/** The rounds of a survey as SE_SurveyRounds holds them. */
export async function roundsOf(tenant: RunningTenant, surveyId: number): Promise<Array<Record<string, unknown>>> {
  return (await spAsApp(tenant)).web.lists
    .getByTitle(LISTS.surveyRounds.title)
    .items.filter(`SurveyId eq ${surveyId}`)
    .orderBy('RoundNumber')<Array<Record<string, unknown>>>();
}
