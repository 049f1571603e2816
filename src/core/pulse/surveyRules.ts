/**
 * The rules a survey definition meets when HR saves it, and those of a question HR adds to the
 * bank. Framework-free and total: any input (a request body, a stored JSON) gives a list of
 * errors as codes with the field they concern, for the UI to put into words; nothing is thrown.
 *
 * A survey: a title; 3–12 distinct questions of the bank, each active and worded in every
 * language the survey is offered in; at least one of the shipped languages; an audience of
 * known dimensions, each a list of distinct non-blank texts (sites known to the plant map); a
 * cadence; a round length of whole days, at least the minimum the roster needs and no longer
 * than the cadence allows; thresholds of at least 5 (groups) and 10 (comments), comments never
 * below groups, and once a round has opened exactly those the round locked.
 */
import { SHIPPED_LANGUAGES, ShippedLanguage } from '../models/common';
import { PULSE_DRIVERS, Question, QUESTION_KINDS, SURVEY_CADENCES, SurveyAudience, SurveyCadence, SurveyDefinition, SurveyRound } from '../models/pulse';
import type { PlantMap } from '../plant/types';
import { siteByCode } from '../plant/workplace';
import { normaliseText } from './audience';
import {
  DEFAULT_MAX_REMINDERS,
  MAX_QUESTIONS,
  MAX_REMINDERS_LIMIT,
  MAX_ROUND_LENGTH_DAYS,
  MAX_THRESHOLD,
  MIN_COMMENT_GROUP_SIZE,
  MIN_GROUP_SIZE,
  MIN_QUESTIONS
} from './definition';
import { isTimeZone, localDateOf, localDaysBetween, parseLocalDate, parseLocalTime } from './zonedTime';

export type SurveyRuleCode =
  | 'invalidDefinition'
  | 'titleMissing'
  | 'titleTooLong'
  | 'tooFewQuestions'
  | 'tooManyQuestions'
  | 'invalidQuestionKey'
  | 'duplicateQuestion'
  | 'unknownQuestion'
  | 'inactiveQuestion'
  | 'missingWording'
  | 'noLanguage'
  | 'unknownLanguage'
  | 'duplicateLanguage'
  | 'invalidAudience'
  | 'unknownAudienceField'
  | 'blankAudienceValue'
  | 'duplicateAudienceValue'
  | 'audienceValueTooLong'
  | 'unknownSite'
  | 'invalidCadence'
  | 'invalidRoundLength'
  | 'roundShorterThanMinimum'
  | 'roundLongerThanCadence'
  | 'invalidThreshold'
  | 'thresholdBelowMinimum'
  | 'thresholdTooHigh'
  | 'commentThresholdBelowGroup'
  | 'thresholdsLocked'
  | 'firstOpeningMissing'
  | 'invalidFirstOpening'
  | 'firstOpeningInPast'
  | 'invalidOpeningTime'
  | 'timeZoneMissing'
  | 'invalidTimeZone'
  | 'invalidReminderCount'
  | 'invalidDriver'
  | 'invalidKind'
  | 'wordingTooLong';

export interface SurveyRuleError {
  readonly code: SurveyRuleCode;
  /** The field as the form names it: `title`, `questionKeys[2]`, `audience.siteCodes[0]`, `minGroupSize`… */
  readonly field: string;
  /** The value concerned (a question key, a site code), for the message. */
  readonly value?: string;
  /** The language concerned (`missingWording`). */
  readonly language?: string;
  /** The bound broken (`tooFewQuestions`: 3, `thresholdBelowMinimum`: 5…). */
  readonly limit?: number;
}

/** Thresholds of a survey or a round. */
export interface Thresholds {
  readonly minGroupSize: number;
  readonly minCommentGroupSize: number;
}

/** A survey as HR saves it; every part is checked, whatever its type. */
export interface SurveyDraftInput {
  readonly title?: unknown;
  readonly definition?: unknown;
  readonly cadence?: unknown;
  readonly minGroupSize?: unknown;
  readonly minCommentGroupSize?: unknown;
}

/** A survey that meets the rules, tidied (trimmed, languages in lower case). */
export interface SurveyDraft extends Thresholds {
  readonly title: string;
  readonly definition: SurveyDefinition;
  readonly cadence: SurveyCadence;
}

export interface SurveyRuleContext {
  /** The question bank (SE_Questions). */
  readonly questions: readonly Question[];
  /** The shortest round every rotation of the roster has a shift in (`roundLength.ts`); absent: 1 day. */
  readonly minimumRoundLengthDays?: number;
  /** To check site codes; without it any site code is taken. */
  readonly plantMap?: PlantMap;
  /** The thresholds a round has locked ({@link lockedThresholds}); absent while no round has opened. */
  readonly lockedThresholds?: Thresholds;
  /** Scheduling (not only saving a draft): first opening and time zone are required, and the first opening not in the past. */
  readonly schedule?: { readonly now: Date };
}

export type SurveyValidation =
  | { readonly ok: true; readonly draft: SurveyDraft; readonly errors: readonly [] }
  | { readonly ok: false; readonly errors: readonly SurveyRuleError[] };

/** Longest survey name (SE_Surveys Title is Text(255)). */
export const MAX_TITLE_LENGTH = 255;
/** Longest audience value (a site code, a department, a crew key, an employment type). */
export const MAX_AUDIENCE_VALUE_LENGTH = 255;
/** Longest question wording in any language (SE_Questions Title is Text(255)). */
export const MAX_WORDING_LENGTH = 255;
/** Question keys: lower-case letters, digits and hyphens, as the seeded bank (`part-of-team`). */
const QUESTION_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_QUESTION_KEY_LENGTH = 64;

const AUDIENCE_FIELDS: ReadonlyArray<keyof SurveyAudience> = ['siteCodes', 'departments', 'crewKeys', 'employmentTypes'];

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && isFinite(value) && Math.floor(value) === value;
}

/** The shipped language a tag stands for: `sv-SE` and `sv` are `sv-se`; undefined for others. */
export function shippedLanguage(tag: unknown): ShippedLanguage | undefined {
  if (typeof tag !== 'string') {
    return undefined;
  }
  const text = tag.trim().toLowerCase();
  const exact = SHIPPED_LANGUAGES.filter((language) => language === text)[0];
  return exact ?? SHIPPED_LANGUAGES.filter((language) => language.split('-')[0] === text)[0];
}

/**
 * The question's wording in a language: the exact tag, else a tag of the same language; English
 * falls back to the Title (the English wording). Blank wording is none.
 */
export function questionWording(question: Pick<Question, 'title' | 'translations'>, language: string): string | undefined {
  const tag = language.trim().toLowerCase();
  const base = tag.split('-')[0];
  const texts = question.translations ?? {};
  const exact = texts[tag]?.text;
  const candidates = [exact].concat(
    Object.keys(texts)
      .filter((key) => key.toLowerCase().split('-')[0] === base)
      .map((key) => texts[key]?.text)
  );
  if (base === 'en') {
    candidates.push(question.title);
  }
  return candidates.map((text) => (typeof text === 'string' ? text.trim() : '')).filter((text) => text !== '')[0];
}

/** The thresholds locked by the first round that opened, if any has. */
export function lockedThresholds(
  rounds: ReadonlyArray<Pick<SurveyRound, 'roundNumber' | 'status' | 'thresholdsLocked' | 'minGroupSize' | 'minCommentGroupSize'>>
): Thresholds | undefined {
  const locked = rounds
    .filter((round) => round.thresholdsLocked || round.status !== 'scheduled')
    .sort((a, b) => a.roundNumber - b.roundNumber)[0];
  return locked ? { minGroupSize: locked.minGroupSize, minCommentGroupSize: locked.minCommentGroupSize } : undefined;
}

type Report = (error: SurveyRuleError) => void;

function checkTitle(title: unknown, report: Report): string {
  const text = typeof title === 'string' ? title.trim() : '';
  if (text === '') {
    report({ code: 'titleMissing', field: 'title' });
  } else if (text.length > MAX_TITLE_LENGTH) {
    report({ code: 'titleTooLong', field: 'title', limit: MAX_TITLE_LENGTH });
  }
  return text;
}

function checkLanguages(value: unknown, report: Report): ShippedLanguage[] {
  if (!Array.isArray(value) || value.length === 0) {
    report({ code: 'noLanguage', field: 'languages' });
    return [];
  }
  const languages: ShippedLanguage[] = [];
  value.forEach((tag: unknown, index) => {
    const language = shippedLanguage(tag);
    const field = `languages[${index}]`;
    if (!language) {
      report({ code: 'unknownLanguage', field, value: typeof tag === 'string' ? tag : undefined });
    } else if (languages.indexOf(language) >= 0) {
      report({ code: 'duplicateLanguage', field, value: language });
    } else {
      languages.push(language);
    }
  });
  return languages;
}

function checkQuestions(value: unknown, languages: readonly ShippedLanguage[], bank: readonly Question[], report: Report): string[] {
  const keys: string[] = Array.isArray(value) ? value : [];
  if (!Array.isArray(value) || keys.length < MIN_QUESTIONS) {
    report({ code: 'tooFewQuestions', field: 'questionKeys', limit: MIN_QUESTIONS });
  } else if (keys.length > MAX_QUESTIONS) {
    report({ code: 'tooManyQuestions', field: 'questionKeys', limit: MAX_QUESTIONS });
  }
  const seen: string[] = [];
  return keys.map((raw: unknown, index) => {
    const field = `questionKeys[${index}]`;
    const key = typeof raw === 'string' ? raw.trim() : '';
    if (key === '') {
      report({ code: 'invalidQuestionKey', field });
      return key;
    }
    if (seen.indexOf(key.toLowerCase()) >= 0) {
      report({ code: 'duplicateQuestion', field, value: key });
      return key;
    }
    seen.push(key.toLowerCase());
    const question = bank.filter((candidate) => candidate.questionKey.toLowerCase() === key.toLowerCase())[0];
    if (!question) {
      report({ code: 'unknownQuestion', field, value: key });
      return key;
    }
    if (!question.isActive) {
      report({ code: 'inactiveQuestion', field, value: question.questionKey });
    }
    languages
      .filter((language) => questionWording(question, language) === undefined)
      .forEach((language) => report({ code: 'missingWording', field, value: question.questionKey, language }));
    return question.questionKey;
  });
}

function checkAudience(value: unknown, plantMap: PlantMap | undefined, report: Report): SurveyAudience {
  if (value === undefined) {
    return {};
  }
  if (!isRecord(value)) {
    report({ code: 'invalidAudience', field: 'audience' });
    return {};
  }
  Object.keys(value)
    .filter((key) => AUDIENCE_FIELDS.indexOf(key as keyof SurveyAudience) < 0)
    .forEach((key) => report({ code: 'unknownAudienceField', field: `audience.${key}`, value: key }));
  const audience: { -readonly [K in keyof SurveyAudience]: string[] } = {};
  AUDIENCE_FIELDS.forEach((name) => {
    const values = value[name];
    if (values === undefined) {
      return;
    }
    if (!Array.isArray(values)) {
      report({ code: 'invalidAudience', field: `audience.${name}` });
      return;
    }
    const seen: string[] = [];
    audience[name] = values.map((raw: unknown, index) => {
      const field = `audience.${name}[${index}]`;
      const text = typeof raw === 'string' ? raw.trim() : '';
      const normalised = normaliseText(text);
      if (normalised === '') {
        report({ code: 'blankAudienceValue', field });
      } else if (text.length > MAX_AUDIENCE_VALUE_LENGTH) {
        report({ code: 'audienceValueTooLong', field, limit: MAX_AUDIENCE_VALUE_LENGTH });
      } else if (seen.indexOf(normalised) >= 0) {
        report({ code: 'duplicateAudienceValue', field, value: text });
      } else if (name === 'siteCodes' && plantMap && !siteByCode(plantMap, text)) {
        report({ code: 'unknownSite', field, value: text });
      }
      seen.push(normalised);
      return text;
    });
  });
  return audience;
}

function checkRoundLength(value: unknown, cadence: SurveyCadence | undefined, minimum: number, report: Report): void {
  if (!isWholeNumber(value) || value < 1) {
    report({ code: 'invalidRoundLength', field: 'roundLengthDays', limit: 1 });
    return;
  }
  if (value < minimum) {
    report({ code: 'roundShorterThanMinimum', field: 'roundLengthDays', limit: minimum });
  }
  if (cadence && value > MAX_ROUND_LENGTH_DAYS[cadence]) {
    report({ code: 'roundLongerThanCadence', field: 'roundLengthDays', value: cadence, limit: MAX_ROUND_LENGTH_DAYS[cadence] });
  }
}

function checkThreshold(field: keyof Thresholds, value: unknown, floor: number, locked: Thresholds | undefined, report: Report): number {
  if (!isWholeNumber(value)) {
    report({ code: 'invalidThreshold', field });
    return floor;
  }
  if (locked && value !== locked[field]) {
    report({ code: 'thresholdsLocked', field, limit: locked[field] });
  } else if (value < floor) {
    report({ code: 'thresholdBelowMinimum', field, limit: floor });
  } else if (value > MAX_THRESHOLD) {
    report({ code: 'thresholdTooHigh', field, limit: MAX_THRESHOLD });
  }
  return value;
}

function checkSchedule(definition: { readonly [key: string]: unknown }, context: SurveyRuleContext, report: Report): void {
  const { firstOpensOn, opensAt, timeZone, maxReminders, paused } = definition;
  const zoneKnown = isTimeZone(timeZone);
  if (timeZone === undefined) {
    if (context.schedule) {
      report({ code: 'timeZoneMissing', field: 'timeZone' });
    }
  } else if (!zoneKnown) {
    report({ code: 'invalidTimeZone', field: 'timeZone', value: typeof timeZone === 'string' ? timeZone : undefined });
  }
  const first = parseLocalDate(firstOpensOn);
  if (firstOpensOn === undefined) {
    if (context.schedule) {
      report({ code: 'firstOpeningMissing', field: 'firstOpensOn' });
    }
  } else if (!first) {
    report({ code: 'invalidFirstOpening', field: 'firstOpensOn' });
  } else if (context.schedule && zoneKnown && localDaysBetween(localDateOf(timeZone, context.schedule.now), first) < 0) {
    report({ code: 'firstOpeningInPast', field: 'firstOpensOn' });
  }
  if (opensAt !== undefined && parseLocalTime(opensAt) === undefined) {
    report({ code: 'invalidOpeningTime', field: 'opensAt' });
  }
  if (maxReminders !== undefined && (!isWholeNumber(maxReminders) || maxReminders < 0 || maxReminders > MAX_REMINDERS_LIMIT)) {
    report({ code: 'invalidReminderCount', field: 'maxReminders', limit: MAX_REMINDERS_LIMIT });
  }
  if (paused !== undefined && typeof paused !== 'boolean') {
    report({ code: 'invalidDefinition', field: 'paused' });
  }
}

/** Checks a survey as HR saves (or schedules) it. */
export function validateSurvey(input: SurveyDraftInput, context: SurveyRuleContext): SurveyValidation {
  const errors: SurveyRuleError[] = [];
  const report: Report = (error) => errors.push(error);
  const title = checkTitle(input.title, report);
  const cadence = SURVEY_CADENCES.filter((candidate) => candidate === input.cadence)[0];
  if (!cadence) {
    report({ code: 'invalidCadence', field: 'cadence' });
  }
  const minGroupSize = checkThreshold('minGroupSize', input.minGroupSize, MIN_GROUP_SIZE, context.lockedThresholds, report);
  const minCommentGroupSize = checkThreshold(
    'minCommentGroupSize',
    input.minCommentGroupSize,
    MIN_COMMENT_GROUP_SIZE,
    context.lockedThresholds,
    report
  );
  if (!context.lockedThresholds && isWholeNumber(input.minGroupSize) && isWholeNumber(input.minCommentGroupSize) && minCommentGroupSize < minGroupSize) {
    report({ code: 'commentThresholdBelowGroup', field: 'minCommentGroupSize', limit: minGroupSize });
  }
  const definition = input.definition;
  if (!isRecord(definition)) {
    report({ code: 'invalidDefinition', field: 'definition' });
    return { ok: false, errors };
  }
  const languages = checkLanguages(definition.languages, report);
  const questionKeys = checkQuestions(definition.questionKeys, languages, context.questions, report);
  const audience = checkAudience(definition.audience, context.plantMap, report);
  checkRoundLength(definition.roundLengthDays, cadence, Math.max(1, context.minimumRoundLengthDays ?? 1), report);
  checkSchedule(definition, context, report);
  if (errors.length > 0 || !cadence) {
    return { ok: false, errors };
  }
  const schedule = definition as unknown as SurveyDefinition;
  const tidy: SurveyDefinition = {
    questionKeys,
    languages,
    audience,
    roundLengthDays: schedule.roundLengthDays,
    ...(schedule.firstOpensOn !== undefined ? { firstOpensOn: schedule.firstOpensOn.trim() } : {}),
    ...(schedule.opensAt !== undefined ? { opensAt: schedule.opensAt.trim() } : {}),
    ...(schedule.timeZone !== undefined ? { timeZone: schedule.timeZone } : {}),
    ...(schedule.paused !== undefined ? { paused: schedule.paused } : {}),
    maxReminders: schedule.maxReminders ?? DEFAULT_MAX_REMINDERS
  };
  return { ok: true, errors: [], draft: { title, cadence, minGroupSize, minCommentGroupSize, definition: tidy } };
}

export interface QuestionDraftInput {
  readonly questionKey?: unknown;
  /** English wording. */
  readonly title?: unknown;
  readonly driver?: unknown;
  readonly kind?: unknown;
  /** `{ "nl-nl": { "text": "…" }, … }` */
  readonly translations?: unknown;
}

/**
 * Checks a question HR adds to the bank: a new key (lower-case words and hyphens, ≤ 64), a known
 * driver and kind, English wording, each translation a text of at most 255 characters.
 */
export function validateQuestion(input: QuestionDraftInput, bank: readonly Pick<Question, 'questionKey'>[]): SurveyRuleError[] {
  const errors: SurveyRuleError[] = [];
  const key = typeof input.questionKey === 'string' ? input.questionKey.trim() : '';
  if (!QUESTION_KEY.test(key) || key.length > MAX_QUESTION_KEY_LENGTH) {
    errors.push({ code: 'invalidQuestionKey', field: 'questionKey', limit: MAX_QUESTION_KEY_LENGTH });
  } else if (bank.some((question) => question.questionKey.toLowerCase() === key)) {
    errors.push({ code: 'duplicateQuestion', field: 'questionKey', value: key });
  }
  if (!PULSE_DRIVERS.some((driver) => driver === input.driver)) {
    errors.push({ code: 'invalidDriver', field: 'driver' });
  }
  if (!QUESTION_KINDS.some((kind) => kind === input.kind)) {
    errors.push({ code: 'invalidKind', field: 'kind' });
  }
  const checkWording = (text: unknown, field: string, language: string, required: boolean): void => {
    const wording = typeof text === 'string' ? text.trim() : '';
    if (wording === '') {
      if (required || text !== undefined) {
        errors.push({ code: 'missingWording', field, language });
      }
    } else if (wording.length > MAX_WORDING_LENGTH) {
      errors.push({ code: 'wordingTooLong', field, language, limit: MAX_WORDING_LENGTH });
    }
  };
  checkWording(input.title, 'title', 'en-us', true);
  if (input.translations !== undefined && !isRecord(input.translations)) {
    errors.push({ code: 'invalidDefinition', field: 'translations' });
  } else if (input.translations !== undefined) {
    const translations = input.translations;
    Object.keys(translations).forEach((tag) => {
      const entry = translations[tag];
      checkWording(isRecord(entry) ? entry.text : '', `translations.${tag}`, tag.toLowerCase(), true);
    });
  }
  return errors;
}
