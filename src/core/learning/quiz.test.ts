import type { Quiz, QuizAnswerKey } from '../models/learning';
import { attemptsLeft, ATTEMPT_WINDOW_HOURS, EMPTY_QUIZ_RECORD, isAttemptKey, MAX_ATTEMPTS_IN_WINDOW, MAX_KEPT_ATTEMPTS, nextAttemptAt, parseQuiz, QuizRecord, recordAttempt, scoreQuiz, validateQuiz } from './quiz';

function question(key: string, options = ['Yes', 'No', 'Maybe']): Quiz['questions'][number] {
  return {
    key,
    translations: {
      'en-us': { prompt: `Question ${key}?`, options },
      'nl-nl': { prompt: `Vraag ${key}?`, options: options.map((o) => `${o} (nl)`) },
      'sv-se': { prompt: `Fråga ${key}?`, options: options.map((o) => `${o} (sv)`) }
    }
  };
}

const quiz: Quiz = { questions: [question('q1'), question('q2'), question('q3')], passMark: 2 };
const key: QuizAnswerKey = { q1: [0], q2: [1, 2], q3: [2] };

describe('quiz shape', () => {
  it('accepts a quiz in three languages with a pass mark within its questions', () => {
    expect(validateQuiz(quiz, key)).toEqual([]);
  });

  it('refuses a pass mark of zero, above the questions, or not whole', () => {
    for (const passMark of [0, 4, 1.5]) {
      expect([passMark, validateQuiz({ ...quiz, passMark }).map((p) => p.code)]).toEqual([passMark, ['passMark']]);
    }
  });

  it('refuses a language whose choices differ in number from English: the same index would mean another answer', () => {
    const q = question('q1');
    const broken: Quiz = { questions: [{ ...q, translations: { ...q.translations, 'nl-nl': { prompt: 'Vraag?', options: ['Ja', 'Nee'] } } }], passMark: 1 };
    expect(validateQuiz(broken).filter((p) => p.severity === 'error')).toEqual([{ code: 'optionsDiffer', severity: 'error', questionKey: 'q1', language: 'nl-nl' }]);
  });

  it('warns, without refusing, when Swedish has no prompt of its own', () => {
    const q = question('q1');
    const english = { questions: [{ key: 'q1', translations: { 'en-us': q.translations['en-us'], 'nl-nl': q.translations['nl-nl'] } }], passMark: 1 };
    expect(validateQuiz(english)).toEqual([{ code: 'translationMissing', severity: 'warning', questionKey: 'q1', language: 'sv-se' }]);
  });

  it('refuses a repeated question key, a single choice, and an answer key outside the choices', () => {
    const codes = validateQuiz({ questions: [question('q1'), question('q1', ['Only'])], passMark: 1 }, { q1: [5] }).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['questionKey', 'optionCount', 'answerKey']));
  });

  it('reads the Quiz column without taking right answers from it', () => {
    const stored = JSON.stringify({ questions: [{ key: 'q1', translations: { 'en-us': { prompt: 'P?', options: ['a', 'b'] } }, correctOptions: [1] }], passMark: 1 });
    const parsed = parseQuiz(stored);
    expect(parsed).toEqual({ questions: [{ key: 'q1', translations: { 'en-us': { prompt: 'P?', options: ['a', 'b'] } } }], passMark: 1 });
    expect(parseQuiz('{not json')).toBeUndefined();
    expect(parseQuiz({ questions: 'x', passMark: 1 })).toBeUndefined();
  });
});

describe('scoring', () => {
  it('counts a question only when exactly its right choices were ticked', () => {
    expect(scoreQuiz(quiz, key, { q1: [0], q2: [1, 2], q3: [2] })).toEqual({ correct: 3, total: 3, passed: true });
    // q2 needs both right choices; one of them, or one too many, is wrong.
    expect(scoreQuiz(quiz, key, { q1: [0], q2: [1], q3: [0, 2] })).toEqual({ correct: 1, total: 3, passed: false });
  });

  it('enforces the pass mark: one below fails, the mark itself passes', () => {
    expect(scoreQuiz(quiz, key, { q1: [0] }).passed).toBe(false);
    expect(scoreQuiz(quiz, key, { q1: [0], q3: [2] }).passed).toBe(true);
  });

  it('gives nothing for answers to questions the quiz does not have', () => {
    expect(scoreQuiz(quiz, key, { q9: [0], q1: [1] }).correct).toBe(0);
  });
});

const HOUR = 3_600_000;

describe('attempts', () => {
  const at = new Date('2026-03-02T08:00:00Z');

  it('keeps every attempt with its score, and the first pass', () => {
    const first = recordAttempt(EMPTY_QUIZ_RECORD, { attemptKey: 'attempt-0001', answers: { q1: [0] }, submittedAt: at }, quiz, key);
    if (!first.ok) throw new Error(first.code);
    const second = recordAttempt(first.record, { attemptKey: 'attempt-0002', answers: { q1: [0], q3: [2] }, submittedAt: new Date(at.getTime() + 60_000) }, quiz, key);
    if (!second.ok) throw new Error(second.code);
    expect(second.record.attemptCount).toBe(2);
    expect(second.record.attempts.map((a) => [a.attemptKey, a.correct, a.passed])).toEqual([
      ['attempt-0001', 1, false],
      ['attempt-0002', 2, true]
    ]);
    expect(second.record.passedAt).toBe('2026-03-02T08:01:00.000Z');
  });

  it('counts the same attempt sent twice once, answering with the first result', () => {
    const submission = { attemptKey: 'attempt-0001', answers: { q1: [0], q3: [2] }, submittedAt: at };
    const first = recordAttempt(EMPTY_QUIZ_RECORD, submission, quiz, key);
    if (!first.ok) throw new Error(first.code);
    // The resend carries other answers (a changed form): the stored attempt stands.
    const again = recordAttempt(first.record, { ...submission, answers: {} }, quiz, key);
    expect(again).toEqual({ ok: true, record: first.record, attempt: first.attempt, duplicate: true });
  });

  it('two submissions of one attempt racing from the same record: the second write, read again, counts once', () => {
    const submission = { attemptKey: 'attempt-race1', answers: { q1: [0] }, submittedAt: at };
    const a = recordAttempt(EMPTY_QUIZ_RECORD, submission, quiz, key);
    const b = recordAttempt(EMPTY_QUIZ_RECORD, submission, quiz, key);
    if (!a.ok || !b.ok) throw new Error('refused');
    // b's write is refused by the ETag (412); it reads a's record and tries again.
    const retried = recordAttempt(a.record, submission, quiz, key);
    expect(retried.ok && retried.duplicate && retried.record.attemptCount).toBe(1);
  });

  it('stays passed after a later failed attempt, and keeps only the latest attempts while counting all', () => {
    let record: QuizRecord = EMPTY_QUIZ_RECORD;
    for (let i = 0; i < MAX_KEPT_ATTEMPTS + 3; i += 1) {
      const answers = i === 0 ? { q1: [0], q2: [1, 2] } : {};
      // Three a day, the most there can be.
      const outcome = recordAttempt(record, { attemptKey: `attempt-${1000 + i}`, answers, submittedAt: new Date(at.getTime() + (i * HOUR * ATTEMPT_WINDOW_HOURS) / MAX_ATTEMPTS_IN_WINDOW) }, quiz, key);
      if (!outcome.ok) throw new Error(outcome.code);
      record = outcome.record;
    }
    expect(record.attemptCount).toBe(MAX_KEPT_ATTEMPTS + 3);
    expect(record.attempts).toHaveLength(MAX_KEPT_ATTEMPTS);
    expect(record.attempts[0].attemptKey).toBe('attempt-1003');
    expect(record.passedAt).toBe(at.toISOString());
  });

  it('refuses an attempt without a usable key, and a quiz HR could not have saved', () => {
    expect(recordAttempt(EMPTY_QUIZ_RECORD, { attemptKey: 'x', answers: {}, submittedAt: at }, quiz, key)).toEqual({ ok: false, code: 'attemptKeyInvalid' });
    expect(recordAttempt(EMPTY_QUIZ_RECORD, { attemptKey: 'attempt-0001', answers: {}, submittedAt: at }, quiz, {})).toEqual({ ok: false, code: 'quizInvalid' });
  });

  it('takes as an attempt key what a device makes (8–64 letters, digits, -, _ or :), nothing else', () => {
    for (const good of ['attempt-0001', '7f3c2a1e-4b5d-4c6e-8f70-112233445566', 'a:b_c-d1', 'x'.repeat(64)]) {
      expect([good, isAttemptKey(good)]).toEqual([good, true]);
    }
    for (const bad of ['', 'short', 'x'.repeat(65), 'has space1', 'semi;colon', '<script>1', 'ünïcode-key']) {
      expect([bad, isAttemptKey(bad)]).toEqual([bad, false]);
    }
  });
});

describe('attempts in a day', () => {
  const at = new Date('2026-03-02T08:00:00Z');
  const minutes = (n: number): Date => new Date(at.getTime() + n * 60_000);
  function recorded(times: readonly number[], answers: (n: number) => { [question: string]: number[] } = () => ({})): QuizRecord {
    return times.reduce<QuizRecord>((record, time, n) => {
      const outcome = recordAttempt(record, { attemptKey: `attempt-${1000 + n}`, answers: answers(n), submittedAt: minutes(time) }, quiz, key);
      if (!outcome.ok) throw new Error(outcome.code);
      return outcome.record;
    }, EMPTY_QUIZ_RECORD);
  }

  it('gives three attempts in any 24 hours: the fourth waits until the oldest of the three leaves the window', () => {
    const record = recorded([0, 10, 20]);
    expect(MAX_ATTEMPTS_IN_WINDOW).toBe(3);
    expect(attemptsLeft(record, minutes(30))).toBe(0);
    const fourth = { attemptKey: 'attempt-2000', answers: { q1: [0], q2: [1, 2], q3: [2] }, submittedAt: minutes(30) };
    expect(recordAttempt(record, fourth, quiz, key)).toEqual({ ok: false, code: 'attemptsUsed', retryAt: '2026-03-03T08:00:00.000Z' });
    expect(nextAttemptAt(record, minutes(24 * 60 - 1))).toEqual(minutes(24 * 60));
    expect(recordAttempt(record, { ...fourth, submittedAt: new Date(minutes(24 * 60).getTime() - 1) }, quiz, key)).toMatchObject({ ok: false, code: 'attemptsUsed' });
    const later = recordAttempt(record, { ...fourth, submittedAt: minutes(24 * 60) }, quiz, key);
    expect(later.ok && [later.record.attemptCount, later.attempt.passed]).toEqual([4, true]);
  });

  it('counts attempts in the window only: one from yesterday leaves two today', () => {
    const record = recorded([0, 23 * 60, 24 * 60 + 5]);
    expect(nextAttemptAt(record, minutes(24 * 60 + 10))).toBeUndefined();
    expect(attemptsLeft(record, minutes(24 * 60 + 10))).toBe(1);
    expect(attemptsLeft(EMPTY_QUIZ_RECORD, at)).toBe(3);
  });

  it('still answers a resend of an attempt counted before, when no attempts are left', () => {
    const record = recorded([0, 1, 2]);
    const resent = recordAttempt(record, { attemptKey: 'attempt-1002', answers: {}, submittedAt: minutes(3) }, quiz, key);
    expect(resent.ok && [resent.duplicate, resent.attempt.submittedAt]).toEqual([true, minutes(2).toISOString()]);
  });

  it('holds after a pass too: nobody finds the answers by trying, for themselves or for others', () => {
    const record = recorded([0, 1, 2], (n): { [question: string]: number[] } => (n === 0 ? { q1: [0], q2: [1, 2] } : {}));
    expect(record.passedAt).toBe(at.toISOString());
    expect(recordAttempt(record, { attemptKey: 'attempt-2000', answers: {}, submittedAt: minutes(3) }, quiz, key)).toMatchObject({ ok: false, code: 'attemptsUsed' });
  });
});
