/**
 * RelayPulseCard with a scripted relay: the one path it reads, each part of the answer checked as
 * its own route's connector checks it, a part the relay could not read (or sent malformed) kept
 * as that part's failure with the others read, and a refusal of the whole read as the open
 * rounds' own. Over real HTTP against the local tenant's relay in
 * test/integration/relayPulseCard.test.ts.
 */
import { PulseError } from '../../core/pulse/answerPorts';
import { type AuthorizedRequest, type AuthorizedResponse, RelayClient } from './relayClient';
import { parsePulseCard, RelayPulseCard } from './relayPulseCard';

const THREAD = `k1:${'ab'.repeat(32)}`;

const OPEN = {
  rounds: [
    {
      roundId: 7,
      surveyId: 2,
      title: 'Weld hall pulse',
      opensAt: '2026-12-01T05:00:00Z',
      closesAt: '2026-12-15T16:00:00Z',
      languages: ['en-us', 'sv-se'],
      language: 'sv-se',
      questions: [{ key: 'belong', kind: 'likert5', driver: 'belonging', texts: { 'en-us': 'I belong in my crew.' } }],
      privacy: { anonymous: true, groupAttributes: ['crew'], minGroupSize: 5, minCommentGroupSize: 10, commentsReadBy: ['hr', 'leader'], resultsFrom: '2026-12-15T16:00:00Z' },
      answered: false
    }
  ]
};

const COMMENT = {
  roundId: 3,
  title: 'Crew check-in',
  questionKey: 'one-thing-better',
  text: 'A second fixture',
  threadId: THREAD,
  status: 'visible',
  messages: [{ role: 'leader', text: 'Ordered.', mine: false }],
  answeredBy: 'leader',
  canAnswer: true
};

const PLAN = {
  id: 11,
  headline: 'Byta skift i Teams Shifts',
  driver: 'schedule-influence',
  source: { kind: 'driver' },
  youSaid: 'Swapping takes too long.',
  weWillDo: 'Swaps in Teams Shifts.',
  ownerName: 'Jonas Ødegaard',
  dueDate: '2027-01-15',
  status: 'done',
  groupKey: 'crew=team-weld-a',
  publishedAt: '2026-12-01T08:00:00Z'
};

function reply(status: number, body: unknown = {}): AuthorizedResponse {
  return { ok: status >= 200 && status < 300, status, headers: { get: () => null }, json: async () => body };
}

function cardWith(...answers: AuthorizedResponse[]): { card: RelayPulseCard; send: jest.Mock<Promise<AuthorizedResponse>, [string, AuthorizedRequest]> } {
  const queue = answers.slice();
  const send = jest.fn<Promise<AuthorizedResponse>, [string, AuthorizedRequest]>(async () => queue.shift() ?? reply(500));
  const client = new RelayClient({
    settings: async () => ({ url: '/relay/api', resource: 'api://relay' }),
    aadFetch: async () => send,
    siteOrigin: 'https://contoso.sharepoint.com',
    sleep: async () => undefined
  });
  return { card: new RelayPulseCard(client), send };
}

async function failureOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'resolved';
  } catch (error) {
    return error instanceof PulseError ? error.code : `not a PulseError: ${String(error)}`;
  }
}

describe('RelayPulseCard', () => {
  it('reads the open rounds, the person\'s comments and the published plans in one GET', async () => {
    const { card, send } = cardWith(reply(200, { open: OPEN, mine: { comments: [COMMENT] }, plans: { plans: [PLAN] } }));
    const read = await card.read();
    expect(send.mock.calls.map(([url, init]) => [url, init.method])).toEqual([['https://contoso.sharepoint.com/relay/api/pulse/card', 'GET']]);
    expect(read.rounds.map((r) => [r.roundId, r.title, r.language, r.answered])).toEqual([[7, 'Weld hall pulse', 'sv-se', false]]);
    expect(read.comments).toEqual({ state: 'read', value: { comments: [{ ...COMMENT, messages: [{ role: 'leader', text: 'Ordered.', mine: false }] }] } });
    expect(read.plans).toEqual({ state: 'read', value: [PLAN] });
  });

  it.each([
    ['relayMisconfigured', 'relayFault'],
    ['unavailable', 'unavailable'],
    ['notSetUp', 'notSetUp'],
    ['notASiteUser', 'accessDenied'],
    ['internal', 'unexpected'],
    ['somethingNew', 'unexpected']
  ])('a part the relay answers {error: %s}: that part failed with %s, the rest read', async (relayCode, code) => {
    const { card } = cardWith(reply(200, { open: OPEN, mine: { error: relayCode }, plans: { plans: [PLAN] } }), reply(200, { open: OPEN, mine: { comments: [] }, plans: { error: relayCode } }));
    const commentsFailed = await card.read();
    expect([commentsFailed.rounds.length, commentsFailed.comments, commentsFailed.plans.state]).toEqual([1, { state: 'failed', code }, 'read']);
    const plansFailed = await card.read();
    expect([plansFailed.rounds.length, plansFailed.comments.state, plansFailed.plans]).toEqual([1, 'read', { state: 'failed', code }]);
  });

  it('a malformed part is that part\'s failure (unexpected); malformed entries in a part are left out as their own routes do', () => {
    expect(parsePulseCard({ open: OPEN, mine: 'nonsense', plans: { plans: 'many' } })).toMatchObject({ comments: { state: 'failed', code: 'unexpected' }, plans: { state: 'failed', code: 'unexpected' } });
    expect(parsePulseCard({ open: OPEN, mine: { error: 42 } }).comments).toEqual({ state: 'failed', code: 'unexpected' });
    const read = parsePulseCard({ open: OPEN, mine: { comments: [COMMENT, { threadId: 5 }] }, plans: { plans: [PLAN, { id: 'x' }] } });
    expect(read.comments.state === 'read' ? read.comments.value.comments.map((c) => c.threadId) : []).toEqual([THREAD]);
    expect(read.plans.state === 'read' ? read.plans.value.map((p) => p.id) : []).toEqual([11]);
  });

  it('an answer without the open rounds fails the whole read (the card must not say nothing is open)', async () => {
    expect(() => parsePulseCard({ mine: { comments: [] }, plans: { plans: [] } })).toThrow(PulseError);
    expect(() => parsePulseCard({ open: { rounds: 'none' }, mine: { comments: [] }, plans: { plans: [] } })).toThrow(PulseError);
    const { card } = cardWith(reply(200, null));
    expect(await failureOf(card.read())).toBe('unexpected');
  });

  it('a refusal of the whole read is the open rounds\' refusal: the codes the card words as Setup or Error', async () => {
    expect(await failureOf(cardWith(reply(409, { error: { code: 'notSetUp' } })).card.read())).toBe('notSetUp');
    expect(await failureOf(cardWith(reply(502, { error: { code: 'relayMisconfigured' } })).card.read())).toBe('relayFault');
    // Busy: asked again as every relay read is, then throttled.
    const busy = cardWith(reply(503), reply(503), reply(503));
    expect(await failureOf(busy.card.read())).toBe('throttled');
    expect(busy.send).toHaveBeenCalledTimes(3);
  });
});
