/**
 * What the relay reads about pulse rounds, with its own identity: the round, its survey and
 * questions, and the plant map (to place a person on a site and a line). HR keeps these lists;
 * after Engage Setup members cannot write them.
 *
 * A round takes answers while it is **open now**: its own status is not `closed`, its survey's
 * status is `scheduled` or `open` (a draft, closed or any other status takes none), and the
 * clock is within [OpensAt, ClosesAt). The status columns follow the clock when the rounds are
 * opened and closed on time; the clock decides either way, so a round is never answered early or
 * late because a status was not updated yet.
 *
 * Every item is read with its last writer and used only when `trustedConfig.ts` trusts it: a
 * round, survey, question or plant map a member wrote before Engage Setup does not exist here.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import type { QuestionKind, SurveyAudience } from '../../../src/core/models/pulse';
import type { PulseOpenQuestion } from '../../../src/core/pulse/answering';
import { odataString } from '../../../src/core/odata';
import { EMPTY_PLANT_MAP, parsePlantMap } from '../../../src/core/plant/plantMap';
import type { PlantMap } from '../../../src/core/plant/types';
import { LISTS } from '../../../src/core/schema/lists';
import { EDITOR, EDITOR_COLUMNS, trustedRows } from './trustedConfig';

const ROUNDS = LISTS.surveyRounds;
const SURVEYS = LISTS.surveys;
const QUESTIONS = LISTS.questions;

/** A question of an open round as the page receives it (`src/core/pulse/answering.ts`). */
export type OpenQuestion = PulseOpenQuestion;

export interface PulseRound {
  readonly roundId: number;
  readonly surveyId: number;
  readonly title: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly minGroupSize: number;
  readonly minCommentGroupSize: number;
  readonly languages: readonly string[];
  readonly audience: SurveyAudience;
  readonly questionKeys: readonly string[];
  /** Whether the round takes answers at the time it was read with. */
  readonly timing: 'open' | 'notYetOpen' | 'closed';
}

type Row = Record<string, unknown>;
type Log = (line: string) => void;

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function definitionOf(value: unknown): { questionKeys: string[]; languages: string[]; audience: SurveyAudience } {
  try {
    const parsed = JSON.parse(str(value)) as { questionKeys?: unknown; languages?: unknown; audience?: unknown };
    const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : []);
    const audience = typeof parsed.audience === 'object' && parsed.audience !== null ? (parsed.audience as SurveyAudience) : {};
    return { questionKeys: strings(parsed.questionKeys), languages: strings(parsed.languages), audience };
  } catch {
    return { questionKeys: [], languages: [], audience: {} };
  }
}

const TAKING_ANSWERS = ['scheduled', 'open'];

function timingOf(round: Row, survey: Row, now: Date): PulseRound['timing'] {
  const opens = Date.parse(str(round[ROUNDS.fields.opensAt]));
  const closes = Date.parse(str(round[ROUNDS.fields.closesAt]));
  if (round[ROUNDS.fields.status] === 'closed' || TAKING_ANSWERS.indexOf(str(survey[SURVEYS.fields.status])) < 0 || !(now.getTime() < closes)) {
    return 'closed';
  }
  return now.getTime() >= opens ? 'open' : 'notYetOpen';
}

function roundOf(round: Row, survey: Row, now: Date): PulseRound {
  const definition = definitionOf(survey[SURVEYS.fields.definition]);
  return {
    roundId: num(round.ID),
    surveyId: num(survey.ID),
    title: str(survey[SURVEYS.fields.title]),
    opensAt: str(round[ROUNDS.fields.opensAt]),
    closesAt: str(round[ROUNDS.fields.closesAt]),
    // Thresholds never below the product's floor (5 and 10), whatever a row says.
    minGroupSize: Math.max(5, num(round[ROUNDS.fields.minGroupSize]) || 0),
    minCommentGroupSize: Math.max(10, num(round[ROUNDS.fields.minCommentGroupSize]) || 0),
    languages: definition.languages,
    audience: definition.audience,
    questionKeys: definition.questionKeys,
    timing: timingOf(round, survey, now)
  };
}

const ROUND_COLUMNS = ['ID', ROUNDS.fields.surveyId, ROUNDS.fields.opensAt, ROUNDS.fields.closesAt, ROUNDS.fields.status, ROUNDS.fields.minGroupSize, ROUNDS.fields.minCommentGroupSize, ...EDITOR_COLUMNS];
const SURVEY_COLUMNS = ['ID', SURVEYS.fields.title, SURVEYS.fields.definition, SURVEYS.fields.status, ...EDITOR_COLUMNS];

/** One round with its survey; undefined when either does not exist or is not trusted. */
export async function readRound(sp: SPFI, roundId: number, now: Date, log: Log): Promise<PulseRound | undefined> {
  const read = await sp.web.lists.getByTitle(ROUNDS.title).items.select(...ROUND_COLUMNS).expand(EDITOR).filter(`ID eq ${roundId}`).top(1)<Row[]>();
  const rounds = await trustedRows(sp, ROUNDS.title, read, log);
  if (rounds.length === 0) {
    return undefined;
  }
  const surveyId = num(rounds[0][ROUNDS.fields.surveyId]);
  const found = await sp.web.lists.getByTitle(SURVEYS.title).items.select(...SURVEY_COLUMNS).expand(EDITOR).filter(`ID eq ${surveyId}`).top(1)<Row[]>();
  const surveys = await trustedRows(sp, SURVEYS.title, found, log);
  return surveys.length === 0 ? undefined : roundOf(rounds[0], surveys[0], now);
}

/** The rounds open at `now` (not closed, opened already, closing later). */
export async function readOpenRounds(sp: SPFI, now: Date, log: Log): Promise<PulseRound[]> {
  const read = await sp.web.lists
    .getByTitle(ROUNDS.title)
    .items.select(...ROUND_COLUMNS)
    .expand(EDITOR)
    .filter(`${ROUNDS.fields.status} ne 'closed'`)
    .top(500)<Row[]>();
  const rounds = await trustedRows(sp, ROUNDS.title, read, log);
  if (rounds.length === 0) {
    return [];
  }
  const surveyIds = [...new Set(rounds.map((r) => num(r[ROUNDS.fields.surveyId])))];
  const found = await sp.web.lists
    .getByTitle(SURVEYS.title)
    .items.select(...SURVEY_COLUMNS)
    .expand(EDITOR)
    .filter(surveyIds.map((id) => `ID eq ${id}`).join(' or '))
    .top(500)<Row[]>();
  const surveys = await trustedRows(sp, SURVEYS.title, found, log);
  const byId = new Map(surveys.map((s) => [num(s.ID), s]));
  return rounds
    .filter((r) => byId.has(num(r[ROUNDS.fields.surveyId])))
    .map((r) => roundOf(r, byId.get(num(r[ROUNDS.fields.surveyId])) as Row, now))
    .filter((r) => r.timing === 'open');
}

/**
 * The round's questions in the order asked, with their words in the survey's languages (or in
 * `languages`, as the results want them: the page's language may be one the survey did not ask in).
 * A language a question has no words in gets its title.
 */
export async function readQuestions(sp: SPFI, round: PulseRound, log: Log, languages: readonly string[] = round.languages): Promise<OpenQuestion[]> {
  if (round.questionKeys.length === 0) {
    return [];
  }
  const read = await sp.web.lists
    .getByTitle(QUESTIONS.title)
    .items.select('ID', QUESTIONS.fields.questionKey, QUESTIONS.fields.title, QUESTIONS.fields.kind, QUESTIONS.fields.driver, QUESTIONS.fields.translations, ...EDITOR_COLUMNS)
    .expand(EDITOR)
    .filter(round.questionKeys.map((key) => `${QUESTIONS.fields.questionKey} eq ${odataString(key)}`).join(' or '))
    .top(100)<Row[]>();
  // A question not trusted is left out, as one that does not exist.
  const rows = await trustedRows(sp, QUESTIONS.title, read, log);
  const byKey = new Map(rows.map((row) => [str(row[QUESTIONS.fields.questionKey]).toLowerCase(), row]));
  const out: OpenQuestion[] = [];
  for (const key of round.questionKeys) {
    const row = byKey.get(key.toLowerCase());
    if (!row) {
      continue;
    }
    let translations: Record<string, { text?: unknown } | undefined> = {};
    try {
      translations = JSON.parse(str(row[QUESTIONS.fields.translations]) || '{}') as typeof translations;
    } catch {
      translations = {};
    }
    const texts: Record<string, string> = {};
    for (const language of languages.length > 0 ? languages : ['en-us']) {
      const text = translations[language.toLowerCase()]?.text;
      texts[language] = typeof text === 'string' && text.trim() !== '' ? text : str(row[QUESTIONS.fields.title]);
    }
    out.push({ key, kind: str(row[QUESTIONS.fields.kind]) as QuestionKind, driver: str(row[QUESTIONS.fields.driver]), texts });
  }
  return out;
}

/** The plant map HR keeps in SE_Settings (`Plant`); empty when there is none, or none trusted. */
export async function readPlantMap(sp: SPFI, log: Log): Promise<PlantMap> {
  const settings = LISTS.settings;
  const read = await sp.web.lists
    .getByTitle(settings.title)
    .items.select('ID', settings.fields.value, ...EDITOR_COLUMNS)
    .expand(EDITOR)
    .filter(`${settings.fields.key} eq 'Plant'`)
    .top(1)<Row[]>();
  const rows = await trustedRows(sp, settings.title, read, log);
  return rows.length === 0 ? EMPTY_PLANT_MAP : parsePlantMap(str(rows[0][settings.fields.value]));
}

/**
 * The crews HR named in the audiences of trusted surveys (their Teams team ids, lower case): the
 * only crews whose owners lead for the pulse (results, threads, plans). A roster's crew is a Teams
 * team anyone can create, fill with colleagues and schedule; a crew HR named is trusted
 * configuration, as the audience is.
 */
export async function readNamedCrews(sp: SPFI, log: Log): Promise<Set<string>> {
  const read = await sp.web.lists.getByTitle(SURVEYS.title).items.select(...SURVEY_COLUMNS).expand(EDITOR).top(500)<Row[]>();
  const surveys = await trustedRows(sp, SURVEYS.title, read, log);
  const named = new Set<string>();
  surveys.forEach((survey) => (definitionOf(survey[SURVEYS.fields.definition]).audience.crewKeys ?? []).forEach((crew) => named.add(crew.trim().toLowerCase())));
  return named;
}
