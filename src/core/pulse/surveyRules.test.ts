import type { Question, SurveyRound } from '../models/pulse';
import { parsePlantMap } from '../plant/plantMap';
import {
  lockedThresholds,
  questionWording,
  shippedLanguage,
  SurveyDraftInput,
  SurveyRuleCode,
  SurveyRuleContext,
  SurveyRuleError,
  validateQuestion,
  validateSurvey
} from './surveyRules';

function question(key: string, overrides: Partial<Question> = {}): Question {
  return {
    id: key.length,
    questionKey: key,
    title: `English ${key}`,
    driver: 'belonging',
    kind: 'likert5',
    translations: { 'nl-nl': { text: `Nederlands ${key}` }, 'sv-se': { text: `Svenska ${key}` } },
    isActive: true,
    ...overrides
  };
}

const BANK: Question[] = [
  'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12', 'q13'
].map((key) => question(key)).concat([
  question('retired', { isActive: false }),
  question('dutch-only', { translations: { 'nl-nl': { text: 'Alleen Nederlands' } } }),
  question('blank-swedish', { translations: { 'nl-nl': { text: 'x' }, 'sv-se': { text: '   ' } } }),
  question('short-tags', { translations: { nl: { text: 'Korte tag' }, 'sv-FI': { text: 'Finlandssvenska' } } })
]);

const PLANT = parsePlantMap({
  sites: [
    { code: 'GOT', name: 'Gothenburg', officeLocations: ['Göteborg plant'] },
    { code: 'EIN', name: 'Eindhoven', officeLocations: ['Eindhoven plant'] }
  ],
  lines: [],
  shifts: []
});

const GOOD: SurveyDraftInput = {
  title: '  Monthly pulse ',
  cadence: 'monthly',
  minGroupSize: 5,
  minCommentGroupSize: 10,
  definition: {
    questionKeys: ['q1', 'q2', 'q3', 'q4', 'q5'],
    languages: ['en-us', 'nl-NL', 'sv-se'],
    audience: { siteCodes: ['GOT', 'ein'], employmentTypes: ['Employee', 'Agency'] },
    roundLengthDays: 14,
    firstOpensOn: '2026-12-14',
    opensAt: '06:00',
    timeZone: 'Europe/Stockholm'
  }
};

const CONTEXT: SurveyRuleContext = { questions: BANK, minimumRoundLengthDays: 4, plantMap: PLANT };

function withDefinition(changes: { readonly [key: string]: unknown }): SurveyDraftInput {
  return { ...GOOD, definition: { ...(GOOD.definition as object), ...changes } };
}

function errorsOf(input: SurveyDraftInput, context: SurveyRuleContext = CONTEXT): SurveyRuleError[] {
  return [...validateSurvey(input, context).errors];
}

function codes(input: SurveyDraftInput, context: SurveyRuleContext = CONTEXT): SurveyRuleCode[] {
  return errorsOf(input, context).map((error) => error.code);
}

describe('validateSurvey', () => {
  it('accepts a good survey and tidies it', () => {
    const result = validateSurvey(GOOD, CONTEXT);
    expect(result.errors).toEqual([]);
    expect(result.ok && result.draft).toEqual({
      ...GOOD,
      title: 'Monthly pulse',
      definition: { ...(GOOD.definition as object), languages: ['en-us', 'nl-nl', 'sv-se'], maxReminders: 2 }
    });
  });

  it('needs a title of at most 255 characters', () => {
    expect(codes({ ...GOOD, title: '   ' })).toEqual(['titleMissing']);
    expect(codes({ ...GOOD, title: 42 })).toEqual(['titleMissing']);
    expect(errorsOf({ ...GOOD, title: 'x'.repeat(256) })).toEqual([{ code: 'titleTooLong', field: 'title', limit: 255 }]);
  });

  it('takes 3 to 12 questions', () => {
    const keys = (n: number): string[] => BANK.slice(0, n).map((q) => q.questionKey);
    expect(errorsOf(withDefinition({ questionKeys: keys(2) }))).toEqual([{ code: 'tooFewQuestions', field: 'questionKeys', limit: 3 }]);
    expect(codes(withDefinition({ questionKeys: keys(3) }))).toEqual([]);
    expect(codes(withDefinition({ questionKeys: keys(12) }))).toEqual([]);
    expect(errorsOf(withDefinition({ questionKeys: keys(13) }))).toEqual([{ code: 'tooManyQuestions', field: 'questionKeys', limit: 12 }]);
    expect(codes(withDefinition({ questionKeys: [] }))).toEqual(['tooFewQuestions']);
    expect(codes(withDefinition({ questionKeys: 'q1,q2,q3' }))).toEqual(['tooFewQuestions']);
  });

  it('refuses a question twice, an unknown or retired one, and a key that is no text', () => {
    expect(errorsOf(withDefinition({ questionKeys: ['q1', 'q2', 'Q1', 'q3'] }))).toEqual([{ code: 'duplicateQuestion', field: 'questionKeys[2]', value: 'Q1' }]);
    expect(errorsOf(withDefinition({ questionKeys: ['q1', 'q2', 'nope'] }))).toEqual([{ code: 'unknownQuestion', field: 'questionKeys[2]', value: 'nope' }]);
    expect(errorsOf(withDefinition({ questionKeys: ['q1', 'retired', 'q2'] }))).toEqual([{ code: 'inactiveQuestion', field: 'questionKeys[1]', value: 'retired' }]);
    expect(codes(withDefinition({ questionKeys: ['q1', 7, 'q2'] }))).toEqual(['invalidQuestionKey']);
    expect(codes(withDefinition({ questionKeys: ['q1', ' ', 'q2'] }))).toEqual(['invalidQuestionKey']);
  });

  it('needs every question worded in every language of the survey', () => {
    expect(errorsOf(withDefinition({ questionKeys: ['q1', 'q2', 'dutch-only'] }))).toEqual([
      { code: 'missingWording', field: 'questionKeys[2]', value: 'dutch-only', language: 'sv-se' }
    ]);
    expect(codes(withDefinition({ questionKeys: ['q1', 'q2', 'dutch-only'], languages: ['en-us', 'nl-nl'] }))).toEqual([]);
    expect(errorsOf(withDefinition({ questionKeys: ['q1', 'q2', 'blank-swedish'] }))).toEqual([
      { code: 'missingWording', field: 'questionKeys[2]', value: 'blank-swedish', language: 'sv-se' }
    ]);
    // A tag of the same language serves (nl for nl-nl, sv-FI for sv-se).
    expect(codes(withDefinition({ questionKeys: ['q1', 'q2', 'short-tags'] }))).toEqual([]);
  });

  it('needs at least one shipped language, each once', () => {
    expect(codes(withDefinition({ languages: [] }))).toEqual(['noLanguage']);
    expect(codes(withDefinition({ languages: undefined }))).toEqual(['noLanguage']);
    expect(codes(withDefinition({ languages: ['sv'] }))).toEqual([]);
    expect(errorsOf(withDefinition({ languages: ['en-us', 'fi-fi'] }))).toEqual([{ code: 'unknownLanguage', field: 'languages[1]', value: 'fi-fi' }]);
    expect(errorsOf(withDefinition({ languages: ['sv-se', 'SV'] }))).toEqual([{ code: 'duplicateLanguage', field: 'languages[1]', value: 'sv-se' }]);
    expect(codes(withDefinition({ languages: [null] }))).toEqual(['unknownLanguage']);
  });

  it('takes an audience of known dimensions, each a list of distinct texts, sites known to the plant', () => {
    expect(codes(withDefinition({ audience: undefined }))).toEqual([]);
    expect(codes(withDefinition({ audience: {} }))).toEqual([]);
    expect(codes(withDefinition({ audience: 'GOT' }))).toEqual(['invalidAudience']);
    expect(errorsOf(withDefinition({ audience: { siteCodes: 'GOT' } }))).toEqual([{ code: 'invalidAudience', field: 'audience.siteCodes' }]);
    // A misspelt dimension would otherwise mean "everyone".
    expect(errorsOf(withDefinition({ audience: { sites: ['GOT'] } }))).toEqual([{ code: 'unknownAudienceField', field: 'audience.sites', value: 'sites' }]);
    expect(errorsOf(withDefinition({ audience: { crewKeys: ['team-a', ' '] } }))).toEqual([{ code: 'blankAudienceValue', field: 'audience.crewKeys[1]' }]);
    expect(errorsOf(withDefinition({ audience: { departments: ['Weld cell 2', ' weld  CELL 2'] } }))).toEqual([
      { code: 'duplicateAudienceValue', field: 'audience.departments[1]', value: 'weld  CELL 2' }
    ]);
    expect(errorsOf(withDefinition({ audience: { siteCodes: ['GOT', 'OSL'] } }))).toEqual([{ code: 'unknownSite', field: 'audience.siteCodes[1]', value: 'OSL' }]);
    expect(codes(withDefinition({ audience: { siteCodes: ['OSL'] } }), { ...CONTEXT, plantMap: undefined })).toEqual([]);
    expect(codes(withDefinition({ audience: { employmentTypes: ['x'.repeat(256)] } }))).toEqual(['audienceValueTooLong']);
    expect(codes(withDefinition({ audience: { employmentTypes: [3] } }))).toEqual(['blankAudienceValue']);
  });

  it('needs a known cadence', () => {
    expect(errorsOf({ ...GOOD, cadence: 'daily' })).toEqual([{ code: 'invalidCadence', field: 'cadence' }]);
    expect(codes({ ...GOOD, cadence: undefined })).toEqual(['invalidCadence']);
  });

  it('needs whole days, at least the roster’s minimum and no longer than the cadence allows', () => {
    expect(errorsOf(withDefinition({ roundLengthDays: 3 }))).toEqual([{ code: 'roundShorterThanMinimum', field: 'roundLengthDays', limit: 4 }]);
    expect(codes(withDefinition({ roundLengthDays: 4 }))).toEqual([]);
    expect(codes(withDefinition({ roundLengthDays: 28 }))).toEqual([]);
    expect(errorsOf(withDefinition({ roundLengthDays: 29 }))).toEqual([
      { code: 'roundLongerThanCadence', field: 'roundLengthDays', value: 'monthly', limit: 28 }
    ]);
    expect(codes({ ...withDefinition({ roundLengthDays: 8 }), cadence: 'weekly' })).toEqual(['roundLongerThanCadence']);
    expect(codes({ ...withDefinition({ roundLengthDays: 89 }), cadence: 'quarterly' })).toEqual([]);
    for (const bad of [0, -3, 2.5, '14', NaN, Infinity, undefined]) {
      expect(codes(withDefinition({ roundLengthDays: bad }))).toEqual(['invalidRoundLength']);
    }
    // A minimum the cadence cannot hold: no length passes, so HR picks a longer cadence.
    const weeklyNeedsNine: SurveyRuleContext = { ...CONTEXT, minimumRoundLengthDays: 9 };
    expect(codes({ ...withDefinition({ roundLengthDays: 7 }), cadence: 'weekly' }, weeklyNeedsNine)).toEqual(['roundShorterThanMinimum']);
    expect(codes({ ...withDefinition({ roundLengthDays: 9 }), cadence: 'weekly' }, weeklyNeedsNine)).toEqual(['roundLongerThanCadence']);
    expect(codes({ ...withDefinition({ roundLengthDays: 9 }), cadence: 'biweekly' }, weeklyNeedsNine)).toEqual([]);
    expect(codes(withDefinition({ roundLengthDays: 1 }), { ...CONTEXT, minimumRoundLengthDays: undefined })).toEqual([]);
  });

  it('holds the thresholds at 5 and 10 or more, comments never below groups', () => {
    expect(errorsOf({ ...GOOD, minGroupSize: 4 })).toEqual([{ code: 'thresholdBelowMinimum', field: 'minGroupSize', limit: 5 }]);
    expect(errorsOf({ ...GOOD, minCommentGroupSize: 9 })).toEqual([{ code: 'thresholdBelowMinimum', field: 'minCommentGroupSize', limit: 10 }]);
    expect(codes({ ...GOOD, minGroupSize: 8, minCommentGroupSize: 12 })).toEqual([]);
    expect(errorsOf({ ...GOOD, minGroupSize: 12, minCommentGroupSize: 10 })).toEqual([
      { code: 'commentThresholdBelowGroup', field: 'minCommentGroupSize', limit: 12 }
    ]);
    expect(codes({ ...GOOD, minGroupSize: 5.5 })).toEqual(['invalidThreshold']);
    expect(codes({ ...GOOD, minGroupSize: '5' })).toEqual(['invalidThreshold']);
    expect(codes({ ...GOOD, minCommentGroupSize: undefined })).toEqual(['invalidThreshold']);
    expect(codes({ ...GOOD, minGroupSize: 1001, minCommentGroupSize: 1001 })).toEqual(['thresholdTooHigh', 'thresholdTooHigh']);
  });

  it('refuses any change to the thresholds once a round has opened, a raise as much as a lowering', () => {
    const locked: SurveyRuleContext = { ...CONTEXT, lockedThresholds: { minGroupSize: 6, minCommentGroupSize: 10 } };
    expect(codes({ ...GOOD, minGroupSize: 6 }, locked)).toEqual([]);
    expect(errorsOf({ ...GOOD, minGroupSize: 7 }, locked)).toEqual([{ code: 'thresholdsLocked', field: 'minGroupSize', limit: 6 }]);
    expect(errorsOf({ ...GOOD, minGroupSize: 5 }, locked)).toEqual([{ code: 'thresholdsLocked', field: 'minGroupSize', limit: 6 }]);
    expect(errorsOf({ ...GOOD, minGroupSize: 6, minCommentGroupSize: 11 }, locked)).toEqual([
      { code: 'thresholdsLocked', field: 'minCommentGroupSize', limit: 10 }
    ]);
  });

  it('checks the schedule: first opening, time of day, zone, reminders', () => {
    expect(codes(withDefinition({ firstOpensOn: '2026-02-30' }))).toEqual(['invalidFirstOpening']);
    expect(codes(withDefinition({ opensAt: '6am' }))).toEqual(['invalidOpeningTime']);
    expect(codes(withDefinition({ timeZone: 'CEST' }))).toEqual(['invalidTimeZone']);
    expect(codes(withDefinition({ maxReminders: 0 }))).toEqual([]);
    expect(codes(withDefinition({ maxReminders: 5 }))).toEqual([]);
    for (const bad of [-1, 6, 1.5, '2']) {
      expect(codes(withDefinition({ maxReminders: bad }))).toEqual(['invalidReminderCount']);
    }
    expect(codes(withDefinition({ paused: 'yes' }))).toEqual(['invalidDefinition']);
    // A draft need not be scheduled yet.
    expect(codes(withDefinition({ firstOpensOn: undefined, timeZone: undefined, opensAt: undefined }))).toEqual([]);
  });

  it('needs a first opening and a zone to schedule, the opening not before today in the plant', () => {
    const scheduling: SurveyRuleContext = { ...CONTEXT, schedule: { now: new Date('2026-12-06T23:30:00Z') } };
    expect(codes(withDefinition({ firstOpensOn: undefined, timeZone: undefined }), scheduling)).toEqual(['timeZoneMissing', 'firstOpeningMissing']);
    // 23:30 UTC is already 7 December in Stockholm.
    expect(codes(withDefinition({ firstOpensOn: '2026-12-06' }), scheduling)).toEqual(['firstOpeningInPast']);
    expect(codes(withDefinition({ firstOpensOn: '2026-12-07' }), scheduling)).toEqual([]);
    expect(codes(withDefinition({ firstOpensOn: '2026-12-06', timeZone: 'UTC' }), scheduling)).toEqual([]);
  });

  it('reports every problem at once, never throws, for any body', () => {
    const bad: SurveyDraftInput = { title: null, cadence: 3, minGroupSize: 2, minCommentGroupSize: 3, definition: { questionKeys: ['q1'], languages: [], roundLengthDays: 0 } };
    expect(codes(bad)).toEqual([
      'titleMissing',
      'invalidCadence',
      'thresholdBelowMinimum',
      'thresholdBelowMinimum',
      'noLanguage',
      'tooFewQuestions',
      'invalidRoundLength'
    ]);
    for (const definition of [undefined, null, 'text', [], 42]) {
      expect(codes({ ...GOOD, definition })).toEqual(['invalidDefinition']);
    }
    expect(() => validateSurvey({}, CONTEXT)).not.toThrow();
    expect(validateSurvey({}, CONTEXT).ok).toBe(false);
  });
});

describe('lockedThresholds', () => {
  const round = (roundNumber: number, status: SurveyRound['status'], thresholdsLocked: boolean, minGroupSize: number): SurveyRound => ({
    id: roundNumber,
    surveyId: 1,
    roundNumber,
    roundKey: `1:${roundNumber}`,
    opensAt: '2026-12-01T00:00:00Z',
    closesAt: '2026-12-15T00:00:00Z',
    status,
    thresholdsLocked,
    minGroupSize,
    minCommentGroupSize: 10
  });

  it('are those of the first round that opened; none while every round is only scheduled', () => {
    expect(lockedThresholds([])).toBeUndefined();
    expect(lockedThresholds([round(1, 'scheduled', false, 5)])).toBeUndefined();
    expect(lockedThresholds([round(2, 'open', true, 7), round(1, 'closed', true, 6)])).toEqual({ minGroupSize: 6, minCommentGroupSize: 10 });
    expect(lockedThresholds([round(1, 'scheduled', true, 8)])).toEqual({ minGroupSize: 8, minCommentGroupSize: 10 });
  });
});

describe('questions and languages', () => {
  it('finds the wording in a language, English falling back to the title', () => {
    expect(questionWording(question('a'), 'sv-SE')).toBe('Svenska a');
    expect(questionWording(question('a'), 'en-us')).toBe('English a');
    expect(questionWording(question('a', { translations: { 'en-gb': { text: ' Colour ' } } }), 'en-us')).toBe('Colour');
    expect(questionWording(question('a', { title: ' ' , translations: {} }), 'en-us')).toBeUndefined();
    expect(questionWording(question('a'), 'fi-fi')).toBeUndefined();
  });

  it('names the shipped language a tag stands for', () => {
    expect(shippedLanguage('SV-se')).toBe('sv-se');
    expect(shippedLanguage('nl')).toBe('nl-nl');
    expect(shippedLanguage('en')).toBe('en-us');
    expect(shippedLanguage('en-gb')).toBeUndefined();
    expect(shippedLanguage(undefined)).toBeUndefined();
  });
});

describe('validateQuestion', () => {
  const good = {
    questionKey: 'tools-ready',
    title: 'My tools are ready when my shift starts',
    driver: 'work-influence',
    kind: 'likert5',
    translations: { 'nl-nl': { text: 'Mijn gereedschap ligt klaar' }, 'sv-se': { text: 'Mina verktyg är redo' } }
  };

  it('accepts a new question with its wording', () => {
    expect(validateQuestion(good, BANK)).toEqual([]);
    expect(validateQuestion({ ...good, translations: undefined }, BANK)).toEqual([]);
  });

  it('refuses a bad or taken key, an unknown driver or kind, missing or long wording', () => {
    expect(validateQuestion({ ...good, questionKey: 'Tools Ready' }, BANK).map((e) => e.code)).toEqual(['invalidQuestionKey']);
    expect(validateQuestion({ ...good, questionKey: 'x'.repeat(65) }, BANK).map((e) => e.code)).toEqual(['invalidQuestionKey']);
    expect(validateQuestion({ ...good, questionKey: 'q1' }, BANK)).toEqual([{ code: 'duplicateQuestion', field: 'questionKey', value: 'q1' }]);
    expect(validateQuestion({ ...good, driver: 'happiness', kind: 'stars' }, BANK).map((e) => e.code)).toEqual(['invalidDriver', 'invalidKind']);
    expect(validateQuestion({ ...good, title: '  ' }, BANK)).toEqual([{ code: 'missingWording', field: 'title', language: 'en-us' }]);
    expect(validateQuestion({ ...good, translations: { 'sv-SE': { text: '' } } }, BANK)).toEqual([
      { code: 'missingWording', field: 'translations.sv-SE', language: 'sv-se' }
    ]);
    expect(validateQuestion({ ...good, translations: { 'nl-nl': 'tekst' } }, BANK).map((e) => e.code)).toEqual(['missingWording']);
    expect(validateQuestion({ ...good, translations: { 'nl-nl': { text: 'x'.repeat(256) } } }, BANK).map((e) => e.code)).toEqual(['wordingTooLong']);
    expect(validateQuestion({ ...good, translations: 'nl' }, BANK).map((e) => e.code)).toEqual(['invalidDefinition']);
    expect(validateQuestion({}, BANK).map((e) => e.code)).toEqual(['invalidQuestionKey', 'invalidDriver', 'invalidKind', 'missingWording']);
  });
});
