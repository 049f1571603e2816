/**
 * The timer's first step: open and close pulse rounds on time, with the relay's identity, so
 * nobody has to be on a page (docs/relay.md "The pulse timer"). The rules are
 * `scheduleActions` (`src/core/pulse/schedule.ts`); this file reads what they need from
 * SE_Surveys and SE_SurveyRounds and writes what they say.
 *
 * Safe when two timers run at once (Azure Functions may run a second instance, a slow run may
 * overlap the next): every write says the same thing whoever makes it, and a round is added under
 * its RoundKey, which SharePoint keeps unique, so the losing writer's add fails; it then reads
 * the key again and finds the round the winner wrote.
 *
 * Surveys and rounds count only when HR, a site owner or the relay wrote them last
 * (`trustedConfig.ts`): a survey a member wrote before Engage Setup opens nothing, and a round a
 * member wrote is neither opened nor closed. One that holds the RoundKey of a round due is written
 * over by the relay, every column, so the round opens as the schedule says and is the relay's.
 *
 * With the pulse keys, a round opened is sealed with its thresholds (`resultsSeal.ts`): the results
 * never use less than what the round opened with, whatever its row says later.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import type { SurveyAudience, SurveyCadence, SurveyDefinition, SurveyStatus, RoundStatus } from '../../../src/core/models/pulse';
import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { odataString } from '../../../src/core/odata';
import { type RoundToOpen, scheduleActions, type ScheduledSurvey, type StoredRound } from '../../../src/core/pulse/schedule';
import { LISTS } from '../../../src/core/schema/lists';
import { etagOf } from './ballotStore';
import type { PulseKeyring } from './envelope';
import { sealThresholds } from './resultsSeal';
import { EDITOR, EDITOR_COLUMNS, trustedRows } from './trustedConfig';

const SURVEYS = LISTS.surveys;
const ROUNDS = LISTS.surveyRounds;

type Row = Record<string, unknown>;
type Log = (line: string) => void;

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A survey as the timer reads it: what the schedule needs, and the row's ETag. */
export interface TimerSurvey extends ScheduledSurvey {
  readonly title: string;
  readonly etag: string;
}

/** A stored round with what reminders need besides the schedule. */
export interface TimerRound extends StoredRound {
  readonly surveyId: number;
}

/** What one run did to the rounds. */
export interface RoundsReport {
  /** RoundKeys opened by this run. */
  readonly opened: string[];
  /** RoundKeys another run opened first (this run's add was refused). */
  readonly openedElsewhere: string[];
  readonly closed: Array<{ readonly roundId: number; readonly reason: string }>;
  readonly surveyStatus: Array<{ readonly surveyId: number; readonly status: SurveyStatus }>;
}

/**
 * The `Definition` JSON as the schedule reads it. Anything it cannot read is left out, so the
 * survey reads as not scheduled (`scheduleActions` then opens nothing) rather than throwing.
 */
export function surveyDefinition(value: unknown): SurveyDefinition {
  let parsed: Record<string, unknown> = {};
  try {
    const json: unknown = JSON.parse(str(value));
    parsed = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  } catch {
    parsed = {};
  }
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : []);
  const audience = typeof parsed.audience === 'object' && parsed.audience !== null ? (parsed.audience as SurveyAudience) : {};
  return {
    ...(parsed as Partial<SurveyDefinition>),
    questionKeys: strings(parsed.questionKeys),
    languages: strings(parsed.languages),
    audience,
    roundLengthDays: num(parsed.roundLengthDays)
  };
}

function surveyOf(row: Row): TimerSurvey {
  return {
    id: num(row.ID),
    title: str(row[SURVEYS.fields.title]),
    status: str(row[SURVEYS.fields.status]) as SurveyStatus,
    cadence: str(row[SURVEYS.fields.cadence]) as SurveyCadence,
    // Never below the product's floor, whatever a row says (the round locks what is copied).
    minGroupSize: Math.max(5, num(row[SURVEYS.fields.minGroupSize]) || 0),
    minCommentGroupSize: Math.max(10, num(row[SURVEYS.fields.minCommentGroupSize]) || 0),
    definition: surveyDefinition(row[SURVEYS.fields.definition]),
    etag: etagOf(row)
  };
}

function roundOf(row: Row): TimerRound {
  return {
    id: num(row.ID),
    surveyId: num(row[ROUNDS.fields.surveyId]),
    roundNumber: num(row[ROUNDS.fields.roundNumber]),
    status: str(row[ROUNDS.fields.status]) as RoundStatus,
    opensAt: new Date(str(row[ROUNDS.fields.opensAt])).toISOString(),
    closesAt: new Date(str(row[ROUNDS.fields.closesAt])).toISOString()
  };
}

const SURVEY_COLUMNS = [
  'ID',
  SURVEYS.fields.title,
  SURVEYS.fields.definition,
  SURVEYS.fields.status,
  SURVEYS.fields.cadence,
  SURVEYS.fields.minGroupSize,
  SURVEYS.fields.minCommentGroupSize,
  ...EDITOR_COLUMNS
];
const ROUND_COLUMNS = ['ID', ROUNDS.fields.surveyId, ROUNDS.fields.roundNumber, ROUNDS.fields.roundKey, ROUNDS.fields.opensAt, ROUNDS.fields.closesAt, ROUNDS.fields.status, ...EDITOR_COLUMNS];

/** SE_Surveys is HR's short list of surveys; SE_SurveyRounds is read by its indexed columns. */
const MAX_ROWS = 5000;

async function readSurveys(sp: SPFI, filter: string, log: Log): Promise<TimerSurvey[]> {
  const rows = await sp.web.lists.getByTitle(SURVEYS.title).items.select(...SURVEY_COLUMNS).expand(EDITOR).filter(filter).top(MAX_ROWS)<Row[]>();
  return (await trustedRows(sp, SURVEYS.title, rows, log)).map(surveyOf);
}

async function readRounds(sp: SPFI, filter: string, log: Log): Promise<TimerRound[]> {
  const rows = await sp.web.lists.getByTitle(ROUNDS.title).items.select(...ROUND_COLUMNS).expand(EDITOR).filter(filter).top(MAX_ROWS)<Row[]>();
  return (await trustedRows(sp, ROUNDS.title, rows, log)).map(roundOf);
}

/**
 * The surveys the schedule concerns now, each with its stored rounds: every scheduled or running
 * survey, and any other survey that still has an open round (HR closed it: its round closes).
 */
export async function readSchedule(sp: SPFI, log: Log): Promise<Array<{ survey: TimerSurvey; rounds: TimerRound[] }>> {
  const [active, openRounds] = await Promise.all([
    readSurveys(sp, `${SURVEYS.fields.status} eq 'scheduled' or ${SURVEYS.fields.status} eq 'open'`, log),
    readRounds(sp, `${ROUNDS.fields.status} eq 'open'`, log)
  ]);
  const known = new Set(active.map((s) => s.id));
  const others = [...new Set(openRounds.map((r) => r.surveyId).filter((id) => !known.has(id)))];
  const closing = others.length === 0 ? [] : await readSurveys(sp, others.map((id) => `ID eq ${id}`).join(' or '), log);
  const out: Array<{ survey: TimerSurvey; rounds: TimerRound[] }> = [];
  for (const survey of active) {
    out.push({ survey, rounds: await readRounds(sp, `${ROUNDS.fields.surveyId} eq ${survey.id}`, log) });
  }
  for (const survey of closing) {
    out.push({ survey, rounds: openRounds.filter((r) => r.surveyId === survey.id) });
  }
  return out;
}

async function setSurveyStatus(sp: SPFI, survey: TimerSurvey, status: SurveyStatus, log: (line: string) => void): Promise<boolean> {
  try {
    // With the ETag read: a survey HR changed meanwhile is left alone; the next run decides again.
    await sp.web.lists.getByTitle(SURVEYS.title).items.getById(survey.id).update({ [SURVEYS.fields.status]: status }, survey.etag);
    return true;
  } catch (error) {
    if (httpStatusOf(error) === 412) {
      log(`pulse timer: survey ${survey.id} changed while it was read; its status is decided again at the next run.`);
      return false;
    }
    throw error;
  }
}

/**
 * Writes a round as open, thresholds locked. 'elsewhere' when another run's add won the RoundKey;
 * an item under the key that is not trusted (a member's) is written over.
 */
async function openRound(sp: SPFI, round: RoundToOpen, log: Log, keys: PulseKeyring | undefined): Promise<'opened' | 'elsewhere'> {
  const outcome = await writeOpenRound(sp, round, log);
  if (keys) {
    // Whichever run opened it: the round's thresholds as written, sealed once.
    const [stored] = await sp.web.lists.getByTitle(ROUNDS.title).items.select('ID').filter(`${ROUNDS.fields.roundKey} eq ${odataString(round.roundKey)}`).top(1)<Row[]>();
    if (stored) {
      await sealThresholds(sp, keys, { roundId: num(stored.ID), surveyId: round.surveyId }, { minGroupSize: round.minGroupSize, minCommentGroupSize: round.minCommentGroupSize }, log);
    }
  }
  return outcome;
}

async function writeOpenRound(sp: SPFI, round: RoundToOpen, log: Log): Promise<'opened' | 'elsewhere'> {
  const list = sp.web.lists.getByTitle(ROUNDS.title);
  const values = {
    [ROUNDS.fields.opensAt]: round.opensAt,
    [ROUNDS.fields.closesAt]: round.closesAt,
    [ROUNDS.fields.status]: 'open',
    [ROUNDS.fields.thresholdsLocked]: true,
    [ROUNDS.fields.minGroupSize]: round.minGroupSize,
    [ROUNDS.fields.minCommentGroupSize]: round.minCommentGroupSize
  };
  if (round.existingId !== undefined) {
    await list.items.getById(round.existingId).update(values);
    return 'opened';
  }
  const whole = {
    Title: round.roundKey,
    [ROUNDS.fields.surveyId]: round.surveyId,
    [ROUNDS.fields.roundNumber]: round.roundNumber,
    [ROUNDS.fields.roundKey]: round.roundKey,
    ...values
  };
  try {
    await list.items.add(whole);
    return 'opened';
  } catch (error) {
    // SharePoint refuses a second item under the RoundKey (SPDuplicateValuesFoundException):
    // another run opened it. Anything else is this run's failure.
    const stored = await list.items.select('ID', ...EDITOR_COLUMNS).expand(EDITOR).filter(`${ROUNDS.fields.roundKey} eq ${odataString(round.roundKey)}`).top(1)<Row[]>();
    if (stored.length === 0) {
      throw error;
    }
    if ((await trustedRows(sp, ROUNDS.title, stored, log)).length > 0) {
      return 'elsewhere';
    }
    // Someone else's item holds the key: every column written over, it is the relay's round now.
    await list.items.getById(num(stored[0].ID)).update(whole);
    log(`pulse timer: round ${round.roundKey} was held by SE_SurveyRounds item ${num(stored[0].ID)}, which is not trusted; the relay wrote the round over it.`);
    return 'opened';
  }
}

/**
 * Applies the schedule at `now` to every survey it concerns. A survey whose writes fail is logged
 * and left for the next run; the others go on.
 */
export async function applySchedule(sp: SPFI, now: Date, log: (line: string) => void, keys?: PulseKeyring): Promise<RoundsReport> {
  const report: RoundsReport = { opened: [], openedElsewhere: [], closed: [], surveyStatus: [] };
  for (const { survey, rounds } of await readSchedule(sp, log)) {
    const actions = scheduleActions(survey, rounds, now);
    try {
      // `open` before the round is written: if the round's write fails, the next run still sees
      // a running survey without the round, and opens it.
      if (actions.surveyStatus === 'open' && (await setSurveyStatus(sp, survey, 'open', log))) {
        report.surveyStatus.push({ surveyId: survey.id, status: 'open' });
      }
      for (const close of actions.close) {
        await sp.web.lists.getByTitle(ROUNDS.title).items.getById(close.roundId).update({ [ROUNDS.fields.status]: 'closed' });
        report.closed.push({ roundId: close.roundId, reason: close.reason });
      }
      for (const open of actions.open) {
        const outcome = await openRound(sp, open, log, keys);
        (outcome === 'opened' ? report.opened : report.openedElsewhere).push(open.roundKey);
      }
      // `closed` after its round is: a survey closed first would leave the round to close as `surveyClosed`.
      if (actions.surveyStatus === 'closed' && (await setSurveyStatus(sp, survey, 'closed', log))) {
        report.surveyStatus.push({ surveyId: survey.id, status: 'closed' });
      }
    } catch (error) {
      log(`pulse timer: the rounds of survey ${survey.id} could not be brought up to date (${error instanceof Error ? error.message : String(error)}); the next run tries again.`);
    }
  }
  return report;
}
