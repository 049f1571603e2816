/**
 * HR's survey form as typed (texts, so nothing typed is ever lost or reformatted), to and from the
 * survey the rules check (`validateSurvey` takes it as it is: a number field that is not a whole
 * number stays text and is refused with its field named).
 */
import type { Survey, SurveyCadence } from '../../../core/models/pulse';
import type { SurveyDraftInput, SurveyRuleError } from '../../../core/pulse/surveyRules';

export interface SurveyForm {
  readonly title: string;
  readonly questionKeys: readonly string[];
  readonly languages: readonly string[];
  readonly siteCodes: readonly string[];
  /** One per line. */
  readonly departments: string;
  readonly crewKeys: string;
  readonly employmentTypes: string;
  readonly cadence: SurveyCadence;
  readonly roundLengthDays: string;
  readonly minGroupSize: string;
  readonly minCommentGroupSize: string;
  readonly firstOpensOn: string;
  readonly opensAt: string;
  readonly timeZone: string;
  readonly maxReminders: string;
  /** Not on the form: kept as stored (the list's Pause and Resume change it). */
  readonly paused?: boolean;
}

export interface FormDefaults {
  readonly timeZone: string;
  readonly roundLengthDays: number;
  readonly minGroupSize: number;
  readonly minCommentGroupSize: number;
  readonly languages: readonly string[];
}

const lines = (values: readonly string[] | undefined): string => (values ?? []).join('\n');

export function formOf(survey: Survey | undefined, defaults: FormDefaults): SurveyForm {
  if (!survey) {
    return {
      title: '',
      questionKeys: [],
      languages: defaults.languages,
      siteCodes: [],
      departments: '',
      crewKeys: '',
      employmentTypes: '',
      cadence: 'monthly',
      roundLengthDays: String(defaults.roundLengthDays),
      minGroupSize: String(defaults.minGroupSize),
      minCommentGroupSize: String(defaults.minCommentGroupSize),
      firstOpensOn: '',
      opensAt: '06:00',
      timeZone: defaults.timeZone,
      maxReminders: '2'
    };
  }
  const d = survey.definition;
  return {
    title: survey.title,
    questionKeys: d.questionKeys,
    languages: d.languages,
    siteCodes: d.audience.siteCodes ?? [],
    departments: lines(d.audience.departments),
    crewKeys: lines(d.audience.crewKeys),
    employmentTypes: lines(d.audience.employmentTypes),
    cadence: survey.cadence,
    roundLengthDays: d.roundLengthDays > 0 ? String(d.roundLengthDays) : String(defaults.roundLengthDays),
    minGroupSize: String(survey.minGroupSize),
    minCommentGroupSize: String(survey.minCommentGroupSize),
    firstOpensOn: d.firstOpensOn ?? '',
    opensAt: d.opensAt ?? '',
    timeZone: d.timeZone ?? defaults.timeZone,
    maxReminders: d.maxReminders === undefined ? '2' : String(d.maxReminders),
    ...(d.paused !== undefined ? { paused: d.paused } : {})
  };
}

/** The non-blank lines of a box. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A whole number as typed becomes a number; anything else stays text for the rules to refuse. */
function numberOf(text: string): number | string {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : text.trim();
}

/** An optional field: left out when empty. */
function optional<T>(text: string, value: (text: string) => T): T | undefined {
  return text.trim() === '' ? undefined : value(text);
}

export function inputOf(form: SurveyForm): SurveyDraftInput {
  const audience: { [name: string]: string[] } = {};
  const dimensions: Array<[string, string[]]> = [
    ['siteCodes', [...form.siteCodes]],
    ['departments', linesOf(form.departments)],
    ['crewKeys', linesOf(form.crewKeys)],
    ['employmentTypes', linesOf(form.employmentTypes)]
  ];
  dimensions.filter(([, values]) => values.length > 0).forEach(([name, values]) => (audience[name] = values));
  const definition: { [name: string]: unknown } = {
    questionKeys: [...form.questionKeys],
    languages: [...form.languages],
    audience,
    roundLengthDays: numberOf(form.roundLengthDays),
    firstOpensOn: optional(form.firstOpensOn, (text) => text.trim()),
    opensAt: optional(form.opensAt, (text) => text.trim()),
    timeZone: optional(form.timeZone, (text) => text.trim()),
    maxReminders: optional(form.maxReminders, numberOf),
    paused: form.paused
  };
  Object.keys(definition)
    .filter((name) => definition[name] === undefined)
    .forEach((name) => delete definition[name]);
  return {
    title: form.title,
    cadence: form.cadence,
    minGroupSize: numberOf(form.minGroupSize),
    minCommentGroupSize: numberOf(form.minCommentGroupSize),
    definition
  };
}

/**
 * Where an error shows: beside a question's row (`questionKeys[2]`), else beside its field, the
 * index dropped (`languages[1]` → `languages`, `audience.siteCodes[0]` → `audience.siteCodes`);
 * an audience dimension the form has no box for goes with the audience as a whole.
 */
export function placeOf(field: string): string {
  if (/^questionKeys\[\d+\]$/.test(field)) {
    return field;
  }
  const place = field.replace(/\[\d+\]$/, '');
  if (place.indexOf('audience.') === 0 && ['audience.siteCodes', 'audience.departments', 'audience.crewKeys', 'audience.employmentTypes'].indexOf(place) < 0) {
    return 'audience';
  }
  return place === 'definition' || place === 'paused' ? 'form' : place;
}

/** The errors to show at one place. */
export function errorsAt(errors: readonly SurveyRuleError[], place: string): SurveyRuleError[] {
  return errors.filter((error) => placeOf(error.field) === place);
}
