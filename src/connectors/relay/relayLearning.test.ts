/**
 * The learner's actions over the real relay client, the relay's answers from a typed fake fetch:
 * what is sent to which route, the answers as the part gets them, and every failure as a
 * learning code.
 */
import { type AuthorizedRequest, type AuthorizedResponse, RelayClient } from './relayClient';
import { LearningActionError, parseQuizOutcome, RelayLearning } from './relayLearning';

interface Reply {
  readonly status: number;
  readonly body: unknown;
  /** The Retry-After header, in seconds. */
  readonly retryAfter?: string;
}

interface Sent {
  readonly url: string;
  readonly init: AuthorizedRequest;
}

function relayAnswering(replies: Reply[]): { learning: RelayLearning; sent: Sent[] } {
  const sent: Sent[] = [];
  const respond = (reply: Reply): AuthorizedResponse => ({
    ok: reply.status < 300,
    status: reply.status,
    headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? reply.retryAfter ?? null : null) },
    json: async () => reply.body
  });
  const relay = new RelayClient({
    settings: async () => ({ url: 'https://relay.contoso.com/api', resource: 'api://engage-relay' }),
    aadFetch: async () => async (url, init) => {
      sent.push({ url, init });
      const reply = replies.length > 1 ? replies.shift() : replies[0];
      return respond(reply ?? { status: 500, body: {} });
    },
    siteOrigin: 'https://contoso.sharepoint.com',
    sleep: async () => undefined
  });
  return { learning: new RelayLearning(relay), sent };
}

const problem = (status: number, code: string): Reply => ({ status, body: { error: { code, message: code } } });
// A failed attempt is answered without how many were right.
const QUIZ_ANSWER = { attempt: { passed: false, submittedAt: '2026-12-07T08:00:00Z' }, passed: false, passMark: 2, attempts: 2, attemptsLeft: 1, duplicate: false, levels: [] };
const PASSED = { ...QUIZ_ANSWER, attempt: { passed: true, correct: 2, total: 2, submittedAt: '2026-12-07T08:00:00Z' }, passed: true, attempts: 3, attemptsLeft: 0 };

describe('RelayLearning', () => {
  it('marks a step done with its request id, as the person from their token', async () => {
    const { learning, sent } = relayAnswering([{ status: 200, body: { status: 'completed', completedAt: '2026-12-07T08:00:00.000Z', resent: false, levels: [] } }]);
    expect(await learning.markDone(100, 'req-0001-abcd')).toEqual({ completedAt: '2026-12-07T08:00:00.000Z', resent: false });
    expect(sent.map((s) => [s.url, s.init.method, JSON.parse(s.init.body ?? '')])).toEqual([
      ['https://relay.contoso.com/api/learning/progress', 'POST', { stepId: 100, requestId: 'req-0001-abcd' }]
    ]);
  });

  it('sends a quiz attempt with its key and answers and gives the score, the pass mark and the attempts', async () => {
    const { learning, sent } = relayAnswering([{ status: 200, body: QUIZ_ANSWER }]);
    const outcome = await learning.submitQuiz(104, 'attempt-0001', { q1: [0], q2: [2] });
    expect(outcome).toEqual({ attemptPassed: false, passed: false, passMark: 2, attempts: 2, attemptsLeft: 1, duplicate: false });
    expect(JSON.parse(sent[0].init.body ?? '')).toEqual({ stepId: 104, attemptKey: 'attempt-0001', answers: { q1: [0], q2: [2] } });
    expect(sent[0].url).toBe('https://relay.contoso.com/api/learning/quiz');
  });

  it('gives how many were right for a pass', () => {
    expect(parseQuizOutcome(PASSED)).toEqual({ attemptPassed: true, correct: 2, total: 2, passed: true, passMark: 2, attempts: 3, attemptsLeft: 0, duplicate: false });
  });

  it('refuses an answer without what the part shows rather than guess it', () => {
    expect(parseQuizOutcome({ ...QUIZ_ANSWER, attemptsLeft: undefined })).toBeUndefined();
    expect(parseQuizOutcome({ ...QUIZ_ANSWER, attempt: undefined })).toBeUndefined();
    expect(parseQuizOutcome({ ...QUIZ_ANSWER, passMark: '2' })).toBeUndefined();
    expect(parseQuizOutcome({ ...QUIZ_ANSWER, passed: 'yes' })).toBeUndefined();
    expect(parseQuizOutcome({ ...QUIZ_ANSWER, duplicate: true })?.duplicate).toBe(true);
  });

  it.each([
    [problem(403, 'notAssigned'), 'notAssigned'],
    [problem(409, 'pathInactive'), 'pathInactive'],
    [problem(404, 'stepNotFound'), 'stepNotFound'],
    [problem(409, 'quizNotReady'), 'quizNotReady'],
    [problem(429, 'quizAttemptsUsed'), 'attemptsUsed'],
    [problem(409, 'notSetUp'), 'notSetUp'],
    [problem(400, 'invalidInput'), 'invalid'],
    [problem(401, 'unauthorized'), 'accessDenied'],
    [problem(429, 'rateLimited'), 'rateLimited'],
    [problem(502, 'relayMisconfigured'), 'relayFault'],
    [problem(503, 'busy'), 'unavailable'],
    [problem(500, 'internal'), 'unexpected'],
    [{ status: 200, body: { status: 'maybe' } }, 'unexpected']
  ])('turns %j into %s', async (reply, code) => {
    const { learning } = relayAnswering([reply]);
    const failure = await learning.markDone(100, 'req-0001-abcd').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LearningActionError);
    expect((failure as LearningActionError).code).toBe(code);
  });

  it('takes a fourth attempt in 24 hours as refused at once, with when the next may go (not asked again)', async () => {
    const { learning, sent } = relayAnswering([{ ...problem(429, 'quizAttemptsUsed'), retryAfter: '3600' }, { status: 200, body: PASSED }]);
    const failure = await learning.submitQuiz(104, 'attempt-0004', {}).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'attemptsUsed', retryAfterSeconds: 3600 });
    expect(sent).toHaveLength(1);
  });

  it('asks for a practice step\'s sign-off with its request id, and says when a trainer was quicker', async () => {
    const { learning, sent } = relayAnswering([
      { status: 200, body: { status: 'completed', askedAt: '2026-12-07T08:00:00.000Z', resent: false } },
      { status: 200, body: { status: 'signed-off', resent: true } }
    ]);
    expect(await learning.askSignOff(101, 'ask-0001-abcd')).toEqual({ status: 'completed', resent: false });
    expect(await learning.askSignOff(101, 'ask-0001-abcd')).toEqual({ status: 'signed-off', resent: true });
    expect(sent.map((s) => [s.url, JSON.parse(s.init.body ?? '')])).toEqual([
      ['https://relay.contoso.com/api/learning/signoff-request', { stepId: 101, requestId: 'ask-0001-abcd' }],
      ['https://relay.contoso.com/api/learning/signoff-request', { stepId: 101, requestId: 'ask-0001-abcd' }]
    ]);
    const odd = relayAnswering([{ status: 200, body: { status: 'not-started' } }]);
    await expect(odd.learning.askSignOff(101, 'ask-0001-abcd')).rejects.toMatchObject({ code: 'unexpected' });
  });

  const SIGN_OFF = { learnerId: '1a1a32f2-9950-4673-8f1c-f99504e2f4c7', stepId: 101, station: 'GOT-FLT', note: 'Twice', requestId: 'sign-0001-abcd', timeZone: 'Europe/Stockholm' };

  it('signs off with the learner\'s directory id, the station, the note and the request id', async () => {
    const { learning, sent } = relayAnswering([{ status: 200, body: { status: 'signed-off', signedOffAt: '2026-12-07T08:00:00.000Z', station: 'GOT-FLT', resent: false, levels: [] } }]);
    expect(await learning.signOff(SIGN_OFF)).toEqual({ signedOffAt: '2026-12-07T08:00:00.000Z', station: 'GOT-FLT', resent: false });
    expect(sent.map((s) => [s.url, JSON.parse(s.init.body ?? '')])).toEqual([['https://relay.contoso.com/api/learning/signoff', SIGN_OFF]]);
  });

  it.each([
    [problem(403, 'ownSignOff'), 'ownSignOff'],
    [problem(403, 'notQualified'), 'notQualified'],
    [problem(404, 'learnerNotFound'), 'learnerNotFound'],
    [problem(409, 'stepNotDone'), 'stepNotDone'],
    [problem(403, 'notAssigned'), 'notAssigned'],
    [problem(400, 'invalidInput'), 'invalid'],
    [problem(403, 'forbidden'), 'accessDenied']
  ])('turns the sign-off\'s refusal %j into %s', async (reply, code) => {
    const { learning } = relayAnswering([reply]);
    await expect(learning.signOff(SIGN_OFF)).rejects.toMatchObject({ code });
  });

  it('says there is no relay when none is configured', async () => {
    const learning = new RelayLearning(new RelayClient({ settings: async () => undefined, siteOrigin: '' }));
    await expect(learning.submitQuiz(104, 'attempt-0001', {})).rejects.toMatchObject({ code: 'noRelay' });
  });
});
