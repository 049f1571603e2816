/**
 * HR's learning actions over the real relay client, the relay's answers from a typed fake fetch:
 * what is sent to which route, the answers as the part gets them, and failures as codes.
 */
import { type AuthorizedResponse, RelayClient } from './relayClient';
import { LearningAdminError, RelayLearningAdmin } from './relayLearningAdmin';

interface Reply {
  readonly status: number;
  readonly body: unknown;
}

function relayAnswering(replies: Reply[]): { admin: RelayLearningAdmin; sent: Array<{ url: string; body: unknown }> } {
  const sent: Array<{ url: string; body: unknown }> = [];
  const respond = (reply: Reply): AuthorizedResponse => ({ ok: reply.status < 300, status: reply.status, headers: { get: () => null }, json: async () => reply.body });
  const relay = new RelayClient({
    settings: async () => ({ url: 'https://relay.contoso.com/api', resource: 'api://engage-relay' }),
    aadFetch: async () => async (url, init) => {
      sent.push({ url, body: JSON.parse(init.body ?? 'null') });
      return respond(replies.length > 1 ? (replies.shift() as Reply) : replies[0]);
    },
    siteOrigin: 'https://contoso.sharepoint.com',
    sleep: async () => undefined
  });
  return { admin: new RelayLearningAdmin(relay), sent };
}

const problem = (status: number, code: string): Reply => ({ status, body: { error: { code, message: code, field: code } } });

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return error instanceof LearningAdminError ? error.code : 'not a LearningAdminError';
  }
  return 'no failure';
}

const REQUEST = {
  pathId: 4,
  audience: { kind: 'people' as const, people: [{ id: '0f1d6c8e-0000-4000-8000-000000000001', displayName: 'Ria Rask' }] },
  dueDate: '2026-12-20',
  requestId: 'assign-0001',
  timeZone: 'Europe/Amsterdam'
};

describe('RelayLearningAdmin', () => {
  it('sends people by their directory ids only, with the request id, and gives who was assigned', async () => {
    const { admin, sent } = relayAnswering([{ status: 200, body: { pathId: 4, created: [{ id: 'a', displayName: 'Ria Rask' }], alreadyAssigned: [{ id: 'b' }], notLed: 0 } }]);
    expect(await admin.assign(REQUEST)).toEqual({ created: [{ id: 'a', displayName: 'Ria Rask' }], alreadyAssigned: [{ id: 'b' }], notLed: 0 });
    expect(sent).toEqual([
      {
        url: 'https://relay.contoso.com/api/learning/assign',
        body: { pathId: 4, audience: { kind: 'people', people: ['0f1d6c8e-0000-4000-8000-000000000001'] }, requestId: 'assign-0001', timeZone: 'Europe/Amsterdam', dueDate: '2026-12-20' }
      }
    ]);
  });

  it('sends a crew by its key, without its name', async () => {
    const { admin, sent } = relayAnswering([{ status: 200, body: { created: [], alreadyAssigned: [], notLed: 2 } }]);
    expect((await admin.assign({ ...REQUEST, dueDate: undefined, audience: { kind: 'crew', crewKey: 'team-1', name: 'Weld A' } })).notLed).toBe(2);
    expect(sent[0].body).toEqual({ pathId: 4, audience: { kind: 'crew', crewKey: 'team-1' }, requestId: 'assign-0001', timeZone: 'Europe/Amsterdam' });
  });

  it.each([
    [problem(400, 'dueDateInPast'), 'dueDateInPast'],
    [problem(403, 'notYourReport'), 'notYourReport'],
    [problem(403, 'notAllowed'), 'notAllowed'],
    [problem(409, 'pathInactive'), 'pathInactive'],
    [problem(409, 'notSetUp'), 'notSetUp'],
    [{ status: 200, body: { nothing: true } }, 'unexpected']
  ])('gives a refusal as its code (%#)', async (reply, code) => {
    const { admin } = relayAnswering([reply]);
    expect(await failure(admin.assign(REQUEST))).toBe(code);
  });

  it('seals a quiz key and says when the relay finds the quiz invalid', async () => {
    const { admin, sent } = relayAnswering([{ status: 200, body: { stepId: 9, sealed: true } }]);
    await admin.sealQuizKey(9, { q1: [0] });
    expect(sent).toEqual([{ url: 'https://relay.contoso.com/api/learning/quiz-key', body: { stepId: 9, answerKey: { q1: [0] } } }]);
    expect(await failure(relayAnswering([problem(400, 'invalidInput')]).admin.sealQuizKey(9, { q1: [5] }))).toBe('quizInvalid');
    expect(await failure(relayAnswering([problem(404, 'stepNotFound')]).admin.sealQuizKey(9, { q1: [0] }))).toBe('stepNotFound');
  });
});
