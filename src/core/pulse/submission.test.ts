import { parseSubmission, parseSubmissionHeader, PULSE_TEXT_MAX, type SubmissionQuestion } from './submission';

const QUESTIONS: SubmissionQuestion[] = [
  { key: 'part-of-team', kind: 'likert5' },
  { key: 'recommend-workplace', kind: 'enps11' },
  { key: 'one-thing-better', kind: 'text' }
];
const BASE = { roundId: 12, submissionKey: 'k5x-0123456789abcdef' };

const errorOf = (body: unknown): string | undefined => {
  const parsed = parseSubmission(body, QUESTIONS);
  return parsed.ok ? undefined : parsed.error;
};

describe('parseSubmission', () => {
  it('takes scores in range per kind, comments per text question, and skips what is left out or null', () => {
    const parsed = parseSubmission({ ...BASE, answers: { 'part-of-team': 1, 'recommend-workplace': 0 }, comments: { 'one-thing-better': null } }, QUESTIONS);
    expect(parsed).toEqual({ ok: true, submission: { ...BASE, answers: { 'part-of-team': 1, 'recommend-workplace': 0 }, comments: {} } });
    expect(parseSubmission({ ...BASE, answers: { 'part-of-team': 5, 'recommend-workplace': 10 } }, QUESTIONS).ok).toBe(true);
    expect(parseSubmission({ ...BASE, comments: { 'one-thing-better': 'Only a comment' } }, QUESTIONS).ok).toBe(true);
  });

  it('refuses scores out of range, not whole or not numbers', () => {
    expect(errorOf({ ...BASE, answers: { 'part-of-team': 0 } })).toBe('outOfRange');
    expect(errorOf({ ...BASE, answers: { 'part-of-team': 6 } })).toBe('outOfRange');
    expect(errorOf({ ...BASE, answers: { 'recommend-workplace': -1 } })).toBe('outOfRange');
    expect(errorOf({ ...BASE, answers: { 'recommend-workplace': 11 } })).toBe('outOfRange');
    expect(errorOf({ ...BASE, answers: { 'part-of-team': 3.5 } })).toBe('outOfRange');
    expect(errorOf({ ...BASE, answers: { 'part-of-team': '3' } })).toBe('outOfRange');
    expect(errorOf({ ...BASE, answers: { 'part-of-team': NaN } })).toBe('outOfRange');
  });

  it('refuses keys that are no question of the round, also inherited ones', () => {
    expect(errorOf({ ...BASE, answers: { 'not-asked': 3 } })).toBe('unknownQuestion');
    expect(errorOf({ ...BASE, comments: { 'not-asked': 'x' } })).toBe('unknownQuestion');
    expect(errorOf({ ...BASE, answers: JSON.parse('{"__proto__": 3}') as unknown })).toBe('unknownQuestion');
    expect(errorOf({ ...BASE, answers: { toString: 3 } })).toBe('unknownQuestion');
  });

  it('takes no score for a question whose kind SE_Questions holds is none of the product\'s (no inherited ranges)', () => {
    for (const kind of ['constructor', 'toString', 'hasOwnProperty', 'rating']) {
      const questions = [{ key: 'odd', kind } as unknown as SubmissionQuestion];
      const parsed = parseSubmission({ ...BASE, answers: { odd: 3 } }, questions);
      expect(parsed.ok).toBe(false);
      expect(parseSubmission({ ...BASE, answers: { odd: 999 } }, questions).ok).toBe(false);
      expect(parseSubmission({ ...BASE, comments: { odd: 'words' } }, questions).ok).toBe(false);
    }
  });

  it('keeps text answers in comments only, at most the limit, verbatim', () => {
    expect(errorOf({ ...BASE, answers: { 'one-thing-better': 3 } })).toBe('notATextQuestion');
    expect(errorOf({ ...BASE, comments: { 'part-of-team': 'x' } })).toBe('commentNotText');
    expect(errorOf({ ...BASE, comments: { 'one-thing-better': 5 } })).toBe('comments');
    expect(errorOf({ ...BASE, comments: { 'one-thing-better': 'x'.repeat(PULSE_TEXT_MAX + 1) } })).toBe('commentTooLong');
    const verbatim = '  <img src=x onerror=alert(1)> ‮שלום‬ 👩🏽‍🔧\n';
    const parsed = parseSubmission({ ...BASE, comments: { 'one-thing-better': verbatim } }, QUESTIONS);
    expect(parsed.ok && parsed.submission.comments['one-thing-better']).toBe(verbatim);
    // An emoji counts two UTF-16 code units, as SharePoint measures.
    expect(errorOf({ ...BASE, comments: { 'one-thing-better': '🙏'.repeat(PULSE_TEXT_MAX / 2) } })).toBeUndefined();
    expect(errorOf({ ...BASE, comments: { 'one-thing-better': '🙏'.repeat(PULSE_TEXT_MAX / 2) + 'x' } })).toBe('commentTooLong');
  });

  it('refuses a submission that answers nothing, blank comments included', () => {
    expect(errorOf({ ...BASE })).toBe('nothingAnswered');
    expect(errorOf({ ...BASE, answers: { 'part-of-team': null }, comments: { 'one-thing-better': '   ' } })).toBe('nothingAnswered');
  });

  it('refuses malformed bodies, round ids and submission keys', () => {
    expect(errorOf(null)).toBe('body');
    expect(errorOf([1])).toBe('body');
    expect(errorOf({ ...BASE, roundId: 0 })).toBe('roundId');
    expect(errorOf({ ...BASE, roundId: 1.5 })).toBe('roundId');
    expect(errorOf({ ...BASE, roundId: '12' })).toBe('roundId');
    expect(errorOf({ ...BASE, submissionKey: 'short' })).toBe('submissionKey');
    expect(errorOf({ ...BASE, submissionKey: 'has spaces in it, sixteen+' })).toBe('submissionKey');
    expect(errorOf({ ...BASE, submissionKey: 'x'.repeat(65) })).toBe('submissionKey');
    expect(errorOf({ ...BASE, answers: [] })).toBe('answers');
    expect(errorOf({ ...BASE, comments: 'text' })).toBe('comments');
    expect(parseSubmissionHeader({ ...BASE, answers: 'whatever' })).toEqual({ ok: true, ...BASE });
  });
});
