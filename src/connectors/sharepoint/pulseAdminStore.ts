/**
 * HR's pulse admin over SharePoint (`PulseAdminStore`): the surveys, the rounds the relay's timer
 * wrote, the question bank, the plant map and the person's rights read in one `$batch`; surveys
 * and questions written as the person (SE_Surveys and SE_Questions are writable only by people
 * with Override List Behaviors: HR and site owners; SharePoint refuses everyone else).
 *
 * A survey write sends only the columns it changes (`SurveyChange`), so pausing never writes back
 * a status the timer moved on since. Stored JSON is read as `unknown` and mapped; a survey whose
 * Definition cannot be read shows as a draft with no questions rather than failing the list.
 */
import { type SPFI, SPQueryable } from '@pnp/sp';
import '@pnp/sp/webs';

import type { ItemId } from '../../core/models/common';
import {
  PULSE_DRIVERS,
  type PulseDriver,
  type Question,
  QUESTION_KINDS,
  type QuestionKind,
  ROUND_STATUSES,
  type RoundStatus,
  SURVEY_CADENCES,
  SURVEY_STATUSES,
  type Survey,
  type SurveyAudience,
  type SurveyCadence,
  type SurveyDefinition,
  type SurveyRound,
  type SurveyStatus
} from '../../core/models/pulse';
import { EMPTY_PLANT_MAP } from '../../core/plant/plantMap';
import type { PulseAdminRights, PulseAdminStart, PulseAdminStore, QuestionDraft, SurveyChange } from '../../core/pulse/adminPorts';
import { MIN_COMMENT_GROUP_SIZE, MIN_GROUP_SIZE } from '../../core/pulse/definition';
import type { SurveyDraft } from '../../core/pulse/surveyRules';
import { LISTS } from '../../core/schema/lists';
import { storeCall } from './httpErrors';
import { type FieldValue, type ListClient, listOf, tickBatcher } from './listClient';
import { readPlantMap } from './plantSettings';
import { holds } from './recognition/adminRights';

type Surveys = ListClient<typeof LISTS.surveys>;
type Rounds = ListClient<typeof LISTS.surveyRounds>;
type Questions = ListClient<typeof LISTS.questions>;

/** `SPBasePermissions` kinds: add and edit items, and Override List Behaviors (CancelCheckout). */
const ADD_LIST_ITEMS = 2;
const EDIT_LIST_ITEMS = 3;
const OVERRIDE_LIST_BEHAVIORS = 9;

/** More surveys than HR keeps; rounds: a weekly survey's ten years, newest first. */
const SURVEYS_READ = 500;
const ROUNDS_READ = 500;
const QUESTIONS_READ = 500;

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function oneOf<T extends string>(choices: readonly T[], value: string | undefined, fallback: T): T {
  return choices.filter((choice) => choice === value)[0] ?? fallback;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function audienceOf(value: unknown): SurveyAudience {
  if (!isRecord(value)) {
    return {};
  }
  const audience: { -readonly [K in keyof SurveyAudience]: string[] } = {};
  (['siteCodes', 'departments', 'crewKeys', 'employmentTypes'] as const).forEach((name) => {
    if (Array.isArray(value[name])) {
      audience[name] = strings(value[name]);
    }
  });
  return audience;
}

/** A stored Definition as the model has it; what is not there (or not of its type) is left out. */
export function definitionOf(text: string | undefined): SurveyDefinition {
  const raw = parseJson(text);
  const stored = isRecord(raw) ? raw : {};
  const optionalText = (name: string): string | undefined => (typeof stored[name] === 'string' ? (stored[name] as string) : undefined);
  const firstOpensOn = optionalText('firstOpensOn');
  const opensAt = optionalText('opensAt');
  const timeZone = optionalText('timeZone');
  return {
    questionKeys: strings(stored.questionKeys),
    languages: strings(stored.languages),
    audience: audienceOf(stored.audience),
    roundLengthDays: typeof stored.roundLengthDays === 'number' ? stored.roundLengthDays : 0,
    ...(firstOpensOn !== undefined ? { firstOpensOn } : {}),
    ...(opensAt !== undefined ? { opensAt } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(typeof stored.paused === 'boolean' ? { paused: stored.paused } : {}),
    ...(typeof stored.maxReminders === 'number' ? { maxReminders: stored.maxReminders } : {})
  };
}

function translationsOf(text: string | undefined): Question['translations'] {
  const raw = parseJson(text);
  const translations: { [language: string]: { text: string } } = {};
  if (isRecord(raw)) {
    Object.keys(raw).forEach((language) => {
      const entry = raw[language];
      if (isRecord(entry) && typeof entry.text === 'string') {
        translations[language] = { text: entry.text };
      }
    });
  }
  return translations;
}

async function readSurveys(list: Surveys): Promise<Survey[]> {
  const rows = await list.read({
    select: ['id', 'title', 'definition', 'status', 'cadence', 'minGroupSize', 'minCommentGroupSize'],
    orderBy: ['id', 'desc'],
    top: SURVEYS_READ
  });
  return rows.map((row) => ({
    id: row.number('id') ?? 0,
    title: row.text('title') ?? '',
    definition: definitionOf(row.text('definition')),
    status: oneOf<SurveyStatus>(SURVEY_STATUSES, row.text('status'), 'draft'),
    cadence: oneOf<SurveyCadence>(SURVEY_CADENCES, row.text('cadence'), 'monthly'),
    minGroupSize: row.number('minGroupSize') ?? MIN_GROUP_SIZE,
    minCommentGroupSize: row.number('minCommentGroupSize') ?? MIN_COMMENT_GROUP_SIZE
  }));
}

async function readRounds(list: Rounds): Promise<SurveyRound[]> {
  const rows = await list.read({
    select: ['id', 'surveyId', 'roundNumber', 'roundKey', 'opensAt', 'closesAt', 'status', 'thresholdsLocked', 'minGroupSize', 'minCommentGroupSize'],
    orderBy: ['id', 'desc'],
    top: ROUNDS_READ
  });
  return rows.map((row) => ({
    id: row.number('id') ?? 0,
    surveyId: row.number('surveyId') ?? 0,
    roundNumber: row.number('roundNumber') ?? 0,
    roundKey: row.text('roundKey') ?? '',
    opensAt: row.text('opensAt') ?? '',
    closesAt: row.text('closesAt') ?? '',
    status: oneOf<RoundStatus>(ROUND_STATUSES, row.text('status'), 'scheduled'),
    thresholdsLocked: row.flag('thresholdsLocked'),
    minGroupSize: row.number('minGroupSize') ?? MIN_GROUP_SIZE,
    minCommentGroupSize: row.number('minCommentGroupSize') ?? MIN_COMMENT_GROUP_SIZE
  }));
}

async function readQuestions(list: Questions): Promise<Question[]> {
  const rows = await list.read({
    select: ['id', 'questionKey', 'title', 'driver', 'kind', 'translations', 'isActive'],
    orderBy: ['id', 'asc'],
    top: QUESTIONS_READ
  });
  return rows.map((row) => ({
    id: row.number('id') ?? 0,
    questionKey: row.text('questionKey') ?? '',
    title: row.text('title') ?? '',
    driver: oneOf<PulseDriver>(PULSE_DRIVERS, row.text('driver'), 'engagement'),
    kind: oneOf<QuestionKind>(QUESTION_KINDS, row.text('kind'), 'likert5'),
    translations: translationsOf(row.text('translations')),
    isActive: row.flag('isActive')
  }));
}

/**
 * Whether the person may write surveys and questions: the site's effective permissions (the
 * product's lists inherit them), add and edit items, and Override List Behaviors, without which
 * SharePoint holds them to the lists' "members write nothing" rule.
 */
async function readRights(root: SPFI): Promise<PulseAdminRights> {
  const mask = await SPQueryable(root.web, 'EffectiveBasePermissions')<{ High?: string | number; Low?: string | number }>();
  return { surveys: holds(mask, OVERRIDE_LIST_BEHAVIORS) && holds(mask, ADD_LIST_ITEMS) && holds(mask, EDIT_LIST_ITEMS) };
}

export class SharePointPulseAdmin implements PulseAdminStore {
  private readonly reads: () => SPFI;
  private readonly surveys: Surveys;
  private readonly questions: Questions;

  public constructor(sp: SPFI) {
    this.reads = tickBatcher(sp);
    this.surveys = listOf(sp, LISTS.surveys);
    this.questions = listOf(sp, LISTS.questions);
  }

  /** Everything the part shows first, in one `$batch`. */
  public start(): Promise<PulseAdminStart> {
    return storeCall('Reading the pulse surveys', async () => {
      const batch = this.reads();
      const [surveys, rounds, questions, plantMap, rights] = await Promise.all([
        readSurveys(this.surveys.on(batch)),
        readRounds(listOf(batch, LISTS.surveyRounds)),
        readQuestions(this.questions.on(batch)),
        // Without a readable map the audience's sites are typed, not picked.
        readPlantMap(batch).catch(() => EMPTY_PLANT_MAP),
        readRights(batch)
      ]);
      return { surveys, rounds, questions, plantMap, rights };
    });
  }

  public addSurvey(draft: SurveyDraft): Promise<ItemId> {
    return storeCall('Saving the survey', () => this.surveys.add(this.surveyFields({ ...draft, status: 'draft' })));
  }

  public updateSurvey(id: ItemId, change: SurveyChange): Promise<void> {
    return storeCall('Saving the survey', () => this.surveys.update(id, this.surveyFields(change)));
  }

  public addQuestion(question: QuestionDraft): Promise<ItemId> {
    return storeCall('Adding the question', () =>
      this.questions.add(
        this.questions.payload({
          questionKey: question.questionKey,
          title: question.title,
          driver: question.driver,
          kind: question.kind,
          translations: JSON.stringify(question.translations),
          isActive: true
        })
      )
    );
  }

  private surveyFields(change: SurveyChange): Record<string, FieldValue> {
    return this.surveys.payload({
      title: change.title,
      definition: change.definition === undefined ? undefined : JSON.stringify(change.definition),
      status: change.status,
      cadence: change.cadence,
      minGroupSize: change.minGroupSize,
      minCommentGroupSize: change.minCommentGroupSize
    });
  }
}
