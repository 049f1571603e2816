/**
 * The pure parts of the relay's learning routes: the bodies they take, the sealed columns (bound
 * to their list, item and column, opened only with the learning keys) and the levels a finished
 * path grants.
 */
import { grantedSkills, type GrantInput } from '../../relay/src/learning/grants';
import { LearningKeyError, learningKeyring, openQuizKey, openQuizRecord, sealQuizKey, sealQuizRecord } from '../../relay/src/learning/keys';
import { parseAttemptsRequest, parseProgressRequest, parseQuizKeyRequest, parseQuizRequest, parseSignOffRequest } from '../../relay/src/learning/requests';
import { newPulseKey, pulseKeyring } from '../../relay/src/pulse/envelope';
import { MAX_KEPT_ATTEMPTS, MAX_QUIZ_OPTIONS, MAX_QUIZ_QUESTIONS, type QuizAttempt, type QuizRecord } from '../../src/core/learning/quiz';

const KEYS = learningKeyring(newPulseKey('l1'));
const LEARNER = '1a1a32f2-9950-4673-8f1c-f99504e2f4c7';

describe('the learning routes\' bodies', () => {
  it('takes a step and a request id, and names the rule a bad body breaks', () => {
    expect(parseProgressRequest({ stepId: 12, requestId: 'req-0001' })).toEqual({ ok: true, value: { stepId: 12, requestId: 'req-0001' } });
    expect(parseProgressRequest({ stepId: '12', requestId: 'req-0001' })).toMatchObject({ ok: false, field: 'stepId' });
    expect(parseProgressRequest({ stepId: 0, requestId: 'req-0001' })).toMatchObject({ ok: false, field: 'stepId' });
    expect(parseProgressRequest({ stepId: 12, requestId: 'x' })).toMatchObject({ ok: false, field: 'requestId' });
    expect(parseProgressRequest(null)).toMatchObject({ ok: false, field: 'stepId' });
  });

  it('takes a quiz\'s choices as whole indexes within a question\'s choices, and nothing the page says about the score', () => {
    const parsed = parseQuizRequest({ stepId: 4, attemptKey: 'attempt-01', answers: { q1: [0], q2: [1, 2] }, score: 2, passed: true });
    expect(parsed).toEqual({ ok: true, value: { stepId: 4, attemptKey: 'attempt-01', answers: { q1: [0], q2: [1, 2] } } });
    for (const answers of [{ q1: [8] }, { q1: [-1] }, { q1: [0.5] }, { q1: 'all' }, [0, 1]]) {
      expect([answers, parseQuizRequest({ stepId: 4, attemptKey: 'attempt-01', answers })]).toEqual([answers, expect.objectContaining({ ok: false, field: 'answers' })]);
    }
    expect(parseQuizRequest({ stepId: 4, attemptKey: 'no', answers: {} })).toMatchObject({ ok: false, field: 'attemptKey' });
    expect(parseQuizKeyRequest({ stepId: 4, answerKey: { q1: [9] } })).toMatchObject({ ok: false, field: 'answerKey' });
  });

  it('takes a sign-off\'s learner by directory id only, the time zone when it is one, and leaves the station and note to the rules', () => {
    const body = { learnerId: LEARNER.toUpperCase(), stepId: 5, station: ' GOT-P1 ', note: '<b>ok</b>', requestId: 'sign-0001', timeZone: 'Europe/Stockholm', signedOffBy: 99 };
    expect(parseSignOffRequest(body)).toEqual({
      ok: true,
      value: { learnerId: LEARNER, stepId: 5, station: ' GOT-P1 ', note: '<b>ok</b>', requestId: 'sign-0001', timeZone: 'Europe/Stockholm' }
    });
    expect(parseSignOffRequest({ ...body, learnerId: 41 })).toMatchObject({ ok: false, field: 'learnerId' });
    expect(parseSignOffRequest({ ...body, station: undefined })).toMatchObject({ ok: false, field: 'stationMissing' });
    expect(parseSignOffRequest({ ...body, note: { text: 'x' } })).toMatchObject({ ok: false, field: 'note' });
    expect(parseSignOffRequest({ ...body, timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, field: 'timeZone' });
    expect(parseSignOffRequest({ ...body, timeZone: undefined })).toMatchObject({ ok: true, value: { timeZone: 'UTC' } });
    expect(parseAttemptsRequest({})).toEqual({ ok: true, value: {} });
    expect(parseAttemptsRequest({ person: 'someone' })).toMatchObject({ ok: false, field: 'person' });
  });
});

describe('the learning lists\' sealed columns', () => {
  it('opens an answer key only for the step it was sealed for, and only with the learning keys', () => {
    const sealed = sealQuizKey(KEYS, 7, { q1: [0], q2: [1, 2] });
    expect(sealed).not.toContain('answerKey');
    expect(openQuizKey(KEYS, 7, sealed)).toEqual({ q1: [0], q2: [1, 2] });
    expect(() => openQuizKey(KEYS, 8, sealed)).toThrow();
    expect(() => openQuizKey(learningKeyring(newPulseKey('l1')), 7, sealed)).toThrow();
  });

  it('opens a person\'s attempts only on their own progress row', () => {
    const record = { attemptCount: 3, attempts: [{ attemptKey: 'attempt-01', submittedAt: '2026-03-02T08:00:00.000Z', correct: 2, total: 2, passed: true }], passedAt: '2026-03-02T08:00:00.000Z' };
    const sealed = sealQuizRecord(KEYS, '7:41', record);
    expect(openQuizRecord(KEYS, '7:41', sealed)).toEqual(record);
    expect(() => openQuizRecord(KEYS, '7:42', sealed)).toThrow();
    expect(openQuizRecord(KEYS, '7:41', undefined)).toEqual({ attemptCount: 0, attempts: [] });
  });

  it('seals every record of attempts to one length: one failed attempt reads like the most kept, passed or not', () => {
    const attempt = (n: number, passed: boolean): QuizAttempt => ({ attemptKey: `attempt-${n}`.padEnd(n % 2 === 0 ? 8 : 64, 'x'), submittedAt: new Date(Date.UTC(2026, 2, 2, 8, n)).toISOString(), correct: passed ? 20 : n % 3, total: 20, passed });
    const records: QuizRecord[] = [
      { attemptCount: 1, attempts: [attempt(1, false)] },
      { attemptCount: 1, attempts: [attempt(1, true)], passedAt: attempt(1, true).submittedAt },
      { attemptCount: 2, attempts: [attempt(1, false), attempt(2, false)] },
      { attemptCount: 5, attempts: [1, 2, 3, 4].map((n) => attempt(n, false)).concat([attempt(5, true)]), passedAt: attempt(5, true).submittedAt },
      { attemptCount: 4_000, attempts: Array.from({ length: MAX_KEPT_ATTEMPTS }, (_, n) => attempt(n, n === 0)), passedAt: attempt(0, true).submittedAt }
    ];
    const sealed = records.map((record) => sealQuizRecord(KEYS, '7:41', record));
    expect(sealed.map((envelope) => envelope.length)).toEqual(sealed.map(() => sealed[0].length));
    expect(sealed.map((envelope) => openQuizRecord(KEYS, '7:41', envelope))).toEqual(records);
  });

  it('seals every answer key to one length: how many choices are right does not show', () => {
    const choices = Array.from({ length: MAX_QUIZ_OPTIONS }, (_, index) => index);
    const largest = Object.fromEntries(Array.from({ length: MAX_QUIZ_QUESTIONS }, (_, n) => [`${n}`.padEnd(64, 'q'), choices]));
    const keys = [{ q1: [0] }, { q1: [0, 1, 2], q2: [1] }, largest];
    const sealed = keys.map((key) => sealQuizKey(KEYS, 7, key));
    expect(sealed.map((envelope) => envelope.length)).toEqual(sealed.map(() => sealed[0].length));
    expect(sealed.map((envelope) => openQuizKey(KEYS, 7, envelope))).toEqual(keys);
  });

  it('binds an answer key to its learning context (never a pulse box, even under the same bytes), and words a bad setting as SE_LEARNING_KEYS', () => {
    const setting = newPulseKey('k1');
    const sealed = sealQuizKey(learningKeyring(setting), 7, { q1: [0] });
    expect(() => pulseKeyring(setting).open(sealed, 'round:7|box:x')).toThrow();
    expect(() => learningKeyring('')).toThrow(LearningKeyError);
    expect(() => learningKeyring('k1=c2hvcnQ=')).toThrow(/learning key k1/);
    expect(() => learningKeyring('k 1=x')).toThrow(/SE_LEARNING_KEYS/);
  });
});

describe('the levels a finished path grants', () => {
  const at = new Date('2026-03-28T09:00:00Z');
  const base: GrantInput = {
    grants: [
      { station: 'GOT-P1', level: 'U' },
      { station: 'GOT-P2', level: 'U' }
    ],
    finish: { at, trainerId: 11, station: 'GOT-P1', expiresAt: new Date('2027-03-28T08:00:00Z') },
    current: [],
    lapseDaysOf: () => 0,
    now: at,
    timeZone: 'Europe/Stockholm'
  };

  it('grants each station at the trainer\'s moment with the sign-off\'s expiry; only the station signed off at was practised', () => {
    expect(grantedSkills(base)).toEqual([
      { station: 'GOT-P1', level: 'U', assessedAt: at, assessedById: 11, expiresAt: new Date('2027-03-28T08:00:00Z'), lastPractisedAt: at },
      { station: 'GOT-P2', level: 'U', assessedAt: at, assessedById: 11, expiresAt: new Date('2027-03-28T08:00:00Z') }
    ]);
  });

  it('never lowers a level still held, and counts an expired or lapsed one for nothing', () => {
    const current = [
      { station: 'gOT-p1', level: 'O' as const, expiresAt: new Date('2026-12-01T00:00:00Z') },
      { station: 'GOT-P2', level: 'O' as const, expiresAt: new Date('2026-01-01T00:00:00Z') }
    ];
    expect(grantedSkills({ ...base, current }).map((s) => s.level)).toEqual(['O', 'U']);
    const lapsed = [{ station: 'GOT-P1', level: 'O' as const, lastPractisedAt: new Date('2025-12-01T00:00:00Z'), pathId: 3 }];
    expect(grantedSkills({ ...base, current: lapsed, lapseDaysOf: (id) => (id === 3 ? 60 : 0) })[0].level).toBe('U');
  });
});
