/**
 * The pulse rules' codes in the reader's words: a rule error beside its field (its value, limit
 * and language filled in), statuses, cadences, drivers, kinds and languages; a store failure as
 * every part words it, with "you need HR rights" for SharePoint refusing a write here.
 */
import * as strings from 'PulseAdminWebPartStrings';

import type { PulseDriver, QuestionKind, SurveyCadence, SurveyStatus } from '../../../core/models/pulse';
import type { SurveyRuleCode, SurveyRuleError } from '../../../core/pulse/surveyRules';
import { format, formatCount } from '../../../ui/format';
import { storeErrorSentence } from '../../../ui/recognition/storeErrorText';

export function failureText(error: unknown): string {
  return storeErrorSentence(error, { accessDenied: strings.NeedHrRights });
}

export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  'en-us': strings.LanguageEnglish,
  'nl-nl': strings.LanguageDutch,
  'sv-se': strings.LanguageSwedish
};

export function languageName(tag: string | undefined): string {
  const key = (tag ?? '').toLowerCase();
  return LANGUAGE_NAMES[key] ?? LANGUAGE_NAMES[Object.keys(LANGUAGE_NAMES).filter((l) => l.split('-')[0] === key.split('-')[0])[0]] ?? key;
}

export const STATUS_NAMES: Record<SurveyStatus, string> = {
  draft: strings.StatusDraft,
  scheduled: strings.StatusScheduled,
  open: strings.StatusOpen,
  closed: strings.StatusClosed
};

export const CADENCE_NAMES: Record<SurveyCadence, string> = {
  once: strings.CadenceOnce,
  weekly: strings.CadenceWeekly,
  biweekly: strings.CadenceBiweekly,
  monthly: strings.CadenceMonthly,
  quarterly: strings.CadenceQuarterly
};

export const DRIVER_NAMES: Record<PulseDriver, string> = {
  belonging: strings.DriverBelonging,
  'security-meaning': strings.DriverSecurityMeaning,
  leadership: strings.DriverLeadership,
  development: strings.DriverDevelopment,
  'schedule-influence': strings.DriverScheduleInfluence,
  fairness: strings.DriverFairness,
  'work-influence': strings.DriverWorkInfluence,
  recognition: strings.DriverRecognition,
  enps: strings.DriverEnps,
  engagement: strings.DriverEngagement
};

export const KIND_NAMES: Record<QuestionKind, string> = {
  likert5: strings.KindLikert5,
  enps11: strings.KindEnps11,
  text: strings.KindText
};

/** `{0}` = the value or limit, `{1}` = the language; counted phrases pick their form by the limit. */
const RULE_TEXT: Record<SurveyRuleCode, string> = {
  invalidDefinition: strings.ErrorInvalidDefinition,
  titleMissing: strings.ErrorTitleMissing,
  titleTooLong: strings.ErrorTooLong,
  tooFewQuestions: strings.ErrorTooFewQuestions,
  tooManyQuestions: strings.ErrorTooManyQuestions,
  invalidQuestionKey: strings.ErrorInvalidQuestionKey,
  duplicateQuestion: strings.ErrorDuplicateQuestion,
  unknownQuestion: strings.ErrorUnknownQuestion,
  inactiveQuestion: strings.ErrorInactiveQuestion,
  missingWording: strings.ErrorMissingWording,
  noLanguage: strings.ErrorNoLanguage,
  unknownLanguage: strings.ErrorUnknownLanguage,
  duplicateLanguage: strings.ErrorDuplicateLanguage,
  invalidAudience: strings.ErrorInvalidDefinition,
  unknownAudienceField: strings.ErrorUnknownAudienceField,
  blankAudienceValue: strings.ErrorBlankAudienceValue,
  duplicateAudienceValue: strings.ErrorDuplicateAudienceValue,
  audienceValueTooLong: strings.ErrorTooLong,
  unknownSite: strings.ErrorUnknownSite,
  invalidCadence: strings.ErrorInvalidCadence,
  invalidRoundLength: strings.ErrorInvalidRoundLength,
  roundShorterThanMinimum: strings.ErrorRoundShorterThanMinimum,
  roundLongerThanCadence: strings.ErrorRoundLongerThanCadence,
  invalidThreshold: strings.ErrorInvalidThreshold,
  thresholdBelowMinimum: strings.ErrorThresholdBelowMinimum,
  thresholdTooHigh: strings.ErrorThresholdTooHigh,
  commentThresholdBelowGroup: strings.ErrorCommentThresholdBelowGroup,
  thresholdsLocked: strings.ErrorThresholdsLocked,
  firstOpeningMissing: strings.ErrorFirstOpeningMissing,
  invalidFirstOpening: strings.ErrorInvalidFirstOpening,
  firstOpeningInPast: strings.ErrorFirstOpeningInPast,
  invalidOpeningTime: strings.ErrorInvalidOpeningTime,
  timeZoneMissing: strings.ErrorTimeZoneMissing,
  invalidTimeZone: strings.ErrorInvalidTimeZone,
  invalidReminderCount: strings.ErrorInvalidReminderCount,
  invalidDriver: strings.ErrorInvalidDriver,
  invalidKind: strings.ErrorInvalidKind,
  wordingTooLong: strings.ErrorTooLong
};

/** Where the words differ for a question HR adds to the bank (its own key, its own wording). */
const QUESTION_RULE_TEXT: Partial<Record<SurveyRuleCode, string>> = {
  duplicateQuestion: strings.ErrorKeyTaken,
  missingWording: strings.ErrorWordingMissing
};

/** The longest question key (`validateQuestion`), said when a key is refused without one. */
const QUESTION_KEY_LIMIT = 64;

/** A rule error in the reader's words; `of`: a survey's field, or a question added to the bank. */
export function ruleText(error: SurveyRuleError, locale: string, of: 'survey' | 'question' = 'survey'): string {
  const language = error.language === undefined ? '' : languageName(error.language);
  if (error.code === 'roundShorterThanMinimum') {
    return formatCount(locale, error.limit ?? 1, { one: strings.ErrorRoundShorterThanMinimumOne, other: strings.ErrorRoundShorterThanMinimum });
  }
  const template = (of === 'question' ? QUESTION_RULE_TEXT[error.code] : undefined) ?? RULE_TEXT[error.code];
  // {0} is the value concerned, else the bound; a round too long for its cadence names the bound.
  const first =
    error.code === 'invalidQuestionKey'
      ? error.limit ?? QUESTION_KEY_LIMIT
      : error.code === 'roundLongerThanCadence'
        ? error.limit ?? ''
        : error.value ?? error.limit ?? '';
  return format(template, first, language);
}

/** Every error of one place as one text (undefined when none). */
export function errorTextOf(errors: readonly SurveyRuleError[], locale: string, of: 'survey' | 'question' = 'survey'): string | undefined {
  const texts = errors.map((error) => ruleText(error, locale, of)).filter((text, index, all) => all.indexOf(text) === index);
  return texts.length > 0 ? texts.join(' ') : undefined;
}

/** An instant in the plant's time zone, in the reader's language: "Mon 6 Apr, 06:00". */
export function whenText(instant: Date, locale: string, timeZone: string | undefined): string {
  // The 24-hour clock in every language, as the shop floor and the other parts read times.
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false };
  try {
    return new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options).format(instant);
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(instant);
  }
}
