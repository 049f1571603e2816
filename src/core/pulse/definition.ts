/**
 * The limits the rules hold HR to, and the defaults of the schedule fields of a survey's
 * `Definition` JSON (`SurveyDefinition` in src/core/models/pulse.ts).
 */
import type { SurveyCadence } from '../models/pulse';

export const MIN_QUESTIONS = 3;
export const MAX_QUESTIONS = 12;

/** The anonymity floors: HR may raise them per survey, never lower them. */
export const MIN_GROUP_SIZE = 5;
export const MIN_COMMENT_GROUP_SIZE = 10;
/** Above this a threshold is a typing mistake: no crew or line is that large. */
export const MAX_THRESHOLD = 1000;

export const DEFAULT_MAX_REMINDERS = 2;
/** HR may send no reminders (0) and at most this many per round. */
export const MAX_REMINDERS_LIMIT = 5;

export const DEFAULT_OPENS_AT = '00:00';

/**
 * The longest round each cadence allows, in days: a round closes before the next opens. Months
 * are taken at their shortest (28 days; a quarter 89: February to April).
 */
export const MAX_ROUND_LENGTH_DAYS: Readonly<Record<SurveyCadence, number>> = {
  once: 90,
  weekly: 7,
  biweekly: 14,
  monthly: 28,
  quarterly: 89
};
