/**
 * The parts of a survey's `Definition` JSON the schedule and the reminders read, beside those of
 * `SurveyDefinition` (src/core/models/pulse.ts), and the limits the rules hold HR to. All new
 * fields are optional: a definition written before them reads as "not scheduled yet, midnight,
 * two reminders".
 */
import type { IsoDate } from '../models/common';
import type { SurveyCadence, SurveyDefinition } from '../models/pulse';

export interface PulseSurveyDefinition extends SurveyDefinition {
  /** The plant's local day the first round opens (`YYYY-MM-DD`). Required to schedule. */
  readonly firstOpensOn?: IsoDate;
  /** Local time rounds open and close (`HH:MM`, 24-hour); default `00:00` (midnight). */
  readonly opensAt?: string;
  /** The plant's IANA time zone, e.g. `Europe/Stockholm`. Required to schedule. */
  readonly timeZone?: string;
  /** Paused: no new round opens; an open round runs to its end. */
  readonly paused?: boolean;
  /** Shift-start reminders per person and round (N); default {@link DEFAULT_MAX_REMINDERS}. */
  readonly maxReminders?: number;
}

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
