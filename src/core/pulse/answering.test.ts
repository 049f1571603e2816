import { answeredCount, cleared, goTo, minutesToAnswer, newSheet, pickLanguage, type PulseOpenRound, questionText, roundsToAnswer, sheetProblem, toSubmission, withComment, withScore } from './answering';
import { PULSE_TEXT_MAX } from './submission';

const round: PulseOpenRound = {
  roundId: 7,
  surveyId: 2,
  title: 'Spring pulse',
  opensAt: '2026-12-01T05:00:00Z',
  closesAt: '2026-12-15T05:00:00Z',
  languages: ['en-us', 'nl-nl', 'sv-se'],
  language: 'nl-nl',
  questions: [
    { key: 'part-of-team', kind: 'likert5', driver: 'belonging', texts: { 'en-us': 'I feel part of my crew', 'nl-nl': 'Ik hoor bij mijn ploeg' } },
    { key: 'recommend', kind: 'enps11', driver: 'enps', texts: { 'en-us': 'Would you recommend us?' } },
    { key: 'one-thing', kind: 'text', driver: 'engagement', texts: { 'sv-se': 'En sak att förbättra' } }
  ],
  privacy: { anonymous: true, groupAttributes: [], minGroupSize: 5, minCommentGroupSize: 10, commentsReadBy: ['hr'], resultsFrom: '2026-12-15T05:00:00Z' },
  answered: false
};
const [likert, enps, text] = round.questions;

describe('answering a pulse round', () => {
  it('starts in the relay’s language, or the one asked for when the round offers it', () => {
    expect(newSheet(round).language).toBe('nl-nl');
    expect(newSheet(round, 'SV-SE').language).toBe('sv-se');
    expect(pickLanguage(round, 'de-de')).toBe('nl-nl');
  });

  it('shows a question in the chosen language, else English, else its only words', () => {
    expect(questionText(likert, 'nl-nl')).toBe('Ik hoor bij mijn ploeg');
    expect(questionText(enps, 'nl-nl')).toBe('Would you recommend us?');
    expect(questionText(text, 'nl-nl')).toBe('En sak att förbättra');
  });

  it('takes a score only on the question’s own scale', () => {
    let sheet = newSheet(round);
    sheet = withScore(sheet, likert, 6);
    sheet = withScore(sheet, enps, 0);
    sheet = withScore(sheet, likert, 4);
    expect(sheet.scores).toEqual({ 'part-of-team': 4, recommend: 0 });
    expect(withScore(sheet, text, 3)).toBe(sheet);
  });

  it('keeps a comment verbatim; blank removes it; a score question takes none', () => {
    let sheet = withComment(newSheet(round), text, '  <b>Fix</b> the 🙏 ');
    expect(sheet.comments['one-thing']).toBe('  <b>Fix</b> the 🙏 ');
    expect(withComment(sheet, likert, 'no')).toBe(sheet);
    sheet = withComment(sheet, text, '   ');
    expect(sheet.comments).toEqual({});
  });

  it('skips and takes back: only answered questions are sent', () => {
    let sheet = withScore(withScore(newSheet(round), likert, 2), enps, 9);
    sheet = cleared(sheet, 'recommend');
    expect(answeredCount(sheet, round)).toBe(1);
    expect(toSubmission(sheet, round, 'k'.repeat(20))).toEqual({ roundId: 7, submissionKey: 'k'.repeat(20), answers: { 'part-of-team': 2 }, comments: {} });
  });

  it('refuses to send nothing, or a comment longer than SharePoint keeps', () => {
    expect(sheetProblem(newSheet(round), round)).toEqual({ code: 'nothingAnswered' });
    const long = withComment(newSheet(round), text, 'x'.repeat(PULSE_TEXT_MAX + 1));
    expect(sheetProblem(long, round)).toEqual({ code: 'commentTooLong', questionKey: 'one-thing', max: PULSE_TEXT_MAX });
    expect(sheetProblem(withScore(newSheet(round), enps, 10), round)).toBeUndefined();
  });

  it('moves between screens within the questions and the summary', () => {
    const sheet = newSheet(round);
    expect(goTo(sheet, round, -1).index).toBe(0);
    expect(goTo(sheet, round, 9).index).toBe(3);
  });

  it('says how many minutes a round takes, at least one', () => {
    expect(minutesToAnswer(round)).toBe(1);
    // Four taps (10 s each) and three comments (40 s each): 160 s.
    expect(minutesToAnswer({ questions: [...round.questions, ...round.questions, text] })).toBe(3);
    expect(minutesToAnswer({ questions: [] })).toBe(1);
  });

  it('offers the unanswered rounds with questions, the one closing first first', () => {
    const later = { ...round, roundId: 8, closesAt: '2026-12-20T05:00:00Z' };
    const done = { ...round, roundId: 9, answered: true };
    const empty = { ...round, roundId: 10, questions: [] };
    expect(roundsToAnswer([later, done, empty, round]).map((r) => r.roundId)).toEqual([7, 8]);
  });
});
