/**
 * RelayPulseThreads with a scripted relay: what it sends (paths, bodies, one request id however
 * often the client resends a write), what it keeps of the answers, and the code each failure
 * becomes. Over real HTTP against the local tenant's relay in
 * test/integration/relayPulseThreads.test.ts.
 */
import { PulseThreadsError } from '../../core/pulse/threads/wire';
import { type AuthorizedRequest, type AuthorizedResponse, RelayClient } from './relayClient';
import { parseMyComments, parsePulseThreads, RelayPulseThreads } from './relayPulseThreads';

const THREAD = `k1:${'cd'.repeat(32)}`;

function reply(status: number, body: unknown = {}): AuthorizedResponse {
  return { ok: status >= 200 && status < 300, status, headers: { get: () => null }, json: async () => body };
}

type Send = jest.Mock<Promise<AuthorizedResponse>, [string, AuthorizedRequest]>;

/** The threads over a relay answering through `send`, with numbered request ids. */
function threadsOver(send: Send): RelayPulseThreads {
  const client = new RelayClient({
    settings: async () => ({ url: '/relay/api', resource: 'api://relay' }),
    aadFetch: async () => send,
    siteOrigin: 'https://contoso.sharepoint.com',
    sleep: async () => undefined
  });
  let n = 0;
  return new RelayPulseThreads(client, () => `request-id-000000${(n += 1)}`);
}

function threadsWith(...answers: AuthorizedResponse[]): { threads: RelayPulseThreads; send: Send } {
  const queue = answers.slice();
  const send: Send = jest.fn<Promise<AuthorizedResponse>, [string, AuthorizedRequest]>(async () => queue.shift() ?? reply(200, { done: true }));
  return { threads: threadsOver(send), send };
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'resolved';
  } catch (error) {
    return error instanceof PulseThreadsError ? error.code : `not a PulseThreadsError: ${String(error)}`;
  }
}

describe('RelayPulseThreads', () => {
  it('posts a reply with one request id, the same when the client sends it again after a busy relay', async () => {
    const { threads, send } = threadsWith(reply(503), reply(200, { done: true }));
    await threads.reply(THREAD, 'Thanks for telling us.');
    expect(send).toHaveBeenCalledTimes(2);
    const bodies = send.mock.calls.map(([url, init]) => [url, init.method, init.body]);
    const expected = ['https://contoso.sharepoint.com/relay/api/pulse/threads/reply', 'POST', JSON.stringify({ threadId: THREAD, text: 'Thanks for telling us.', requestId: 'request-id-0000001' })];
    expect(bodies).toEqual([expected, expected]);
  });

  it('sends hide, answer back and delete to their routes, each with a request id of its own', async () => {
    const { threads, send } = threadsWith();
    await threads.setHidden(THREAD, true);
    await threads.answer(THREAD, 'It was on nights.');
    await threads.remove(THREAD);
    expect(send.mock.calls.map(([url, init]) => [url.replace('https://contoso.sharepoint.com/relay/api', ''), JSON.parse(String(init.body))])).toEqual([
      ['/pulse/threads/visibility', { threadId: THREAD, hidden: true, requestId: 'request-id-0000001' }],
      ['/pulse/threads/answer', { threadId: THREAD, text: 'It was on nights.', requestId: 'request-id-0000002' }],
      ['/pulse/threads/delete', { threadId: THREAD, requestId: 'request-id-0000003' }]
    ]);
  });

  describe('a write the relay kept before its answer was lost', () => {
    /** A relay that keeps each write by its request id (a resend of one is kept once), and loses the answers to the first `lost` requests. */
    function storingRelay(lost: number): { threads: RelayPulseThreads; kept: Array<{ path: string; body: { [key: string]: unknown } }>; sentIds: () => unknown[] } {
      const kept: Array<{ path: string; body: { [key: string]: unknown } }> = [];
      let losing = lost;
      const send: Send = jest.fn(async (url: string, init: AuthorizedRequest) => {
        const body = JSON.parse(String(init.body)) as { [key: string]: unknown };
        if (!kept.some((write) => write.body.requestId === body.requestId)) {
          kept.push({ path: url.replace('https://contoso.sharepoint.com/relay/api', ''), body });
        }
        if (losing > 0) {
          losing -= 1;
          return reply(503);
        }
        return reply(200, { done: true });
      });
      return { threads: threadsOver(send), kept, sentIds: () => send.mock.calls.map(([, init]) => (JSON.parse(String(init.body)) as { requestId: unknown }).requestId) };
    }

    it('sends the answer back again under the same request id, so the relay keeps it once', async () => {
      // The client asks three times before it gives up: every answer of the first Send is lost.
      const { threads, kept, sentIds } = storingRelay(3);
      expect(await codeOf(threads.answer(THREAD, 'It was on nights.'))).toBe('unavailable');
      await threads.answer(THREAD, 'It was on nights.');
      expect(new Set(sentIds())).toEqual(new Set(['request-id-0000001']));
      expect(kept).toHaveLength(1);
      // Kept: the next answer back, even in the same words, is one of its own.
      await threads.answer(THREAD, 'It was on nights.');
      expect(kept.map((write) => write.body.requestId)).toEqual(['request-id-0000001', 'request-id-0000002']);
    });

    it('does the same for a reply, a hide and a deletion', async () => {
      const { threads, kept } = storingRelay(9);
      expect(await codeOf(threads.reply(THREAD, 'Thanks, on Thursday'))).toBe('unavailable');
      expect(await codeOf(threads.setHidden(THREAD, true))).toBe('unavailable');
      expect(await codeOf(threads.remove(THREAD))).toBe('unavailable');
      await threads.reply(THREAD, 'Thanks, on Thursday');
      await threads.setHidden(THREAD, true);
      await threads.remove(THREAD);
      expect(kept.map((write) => [write.path, write.body.requestId])).toEqual([
        ['/pulse/threads/reply', 'request-id-0000001'],
        ['/pulse/threads/visibility', 'request-id-0000002'],
        ['/pulse/threads/delete', 'request-id-0000003']
      ]);
    });

    it('makes a new request id when the text changed, the hide became a show, or it is another thread', async () => {
      const other = `k1:${'ef'.repeat(32)}`;
      const { threads, kept } = storingRelay(6);
      expect(await codeOf(threads.reply(THREAD, 'Thanks, on Thursday'))).toBe('unavailable');
      expect(await codeOf(threads.setHidden(THREAD, true))).toBe('unavailable');
      await threads.reply(THREAD, 'Thanks, on Friday');
      await threads.setHidden(THREAD, false);
      await threads.reply(other, 'Thanks, on Thursday');
      expect(kept.map((write) => [write.path, write.body.threadId === THREAD ? 'thread' : 'other', write.body.requestId])).toEqual([
        ['/pulse/threads/reply', 'thread', 'request-id-0000001'],
        ['/pulse/threads/visibility', 'thread', 'request-id-0000002'],
        ['/pulse/threads/reply', 'thread', 'request-id-0000003'],
        ['/pulse/threads/visibility', 'thread', 'request-id-0000004'],
        ['/pulse/threads/reply', 'other', 'request-id-0000005']
      ]);
    });
  });

  it('never sends a blank or too long text', async () => {
    const { threads, send } = threadsWith();
    expect(await codeOf(threads.reply(THREAD, '  '))).toBe('textEmpty');
    expect(await codeOf(threads.answer(THREAD, 'x'.repeat(1001)))).toBe('textTooLong');
    expect(send).not.toHaveBeenCalled();
  });

  it('reads threads and the caller\'s comments, leaving out what is not one', async () => {
    const { threads, send } = threadsWith(
      reply(200, { viewer: { role: 'leader' }, threads: [{ roundId: 3, threadId: THREAD, status: 'visible', messages: [{ role: 'hr', text: 'Hi' }, { role: 'boss', text: 'x' }] }, { roundId: 'x' }] }),
      reply(200, { comments: [{ roundId: 3, title: 'Pulse', questionKey: 'q', text: 'Mine', threadId: THREAD, status: 'visible', messages: [{ role: 'employee', text: 'Back', mine: true }], answeredBy: 'hr', canAnswer: true }, { roundId: 3 }] })
    );
    expect(await threads.threads()).toEqual({ viewer: { role: 'leader' }, threads: [{ roundId: 3, threadId: THREAD, status: 'visible', messages: [{ role: 'hr', text: 'Hi' }] }] });
    expect(await threads.mine()).toEqual({
      comments: [{ roundId: 3, title: 'Pulse', questionKey: 'q', text: 'Mine', threadId: THREAD, status: 'visible', messages: [{ role: 'employee', text: 'Back', mine: true }], answeredBy: 'hr', canAnswer: true }]
    });
    expect(send.mock.calls.map(([url, init]) => [url, init.method])).toEqual([
      ['https://contoso.sharepoint.com/relay/api/pulse/threads', 'GET'],
      ['https://contoso.sharepoint.com/relay/api/pulse/threads/mine', 'GET']
    ]);
  });

  it('turns the relay\'s refusals into codes the parts word', async () => {
    const refused = (status: number, code: string): AuthorizedResponse => reply(status, { error: { code, message: code } });
    expect(await codeOf(threadsWith(refused(404, 'notFound')).threads.reply(THREAD, 'x'))).toBe('notFound');
    expect(await codeOf(threadsWith(refused(409, 'threadClosed')).threads.answer(THREAD, 'x'))).toBe('threadClosed');
    expect(await codeOf(threadsWith(refused(409, 'nothingToAnswer')).threads.answer(THREAD, 'x'))).toBe('nothingToAnswer');
    expect(await codeOf(threadsWith(refused(409, 'notSetUp')).threads.threads())).toBe('notSetUp');
    expect(await codeOf(threadsWith(refused(403, 'notAllowed')).threads.setHidden(THREAD, true))).toBe('accessDenied');
    expect(await codeOf(threadsWith(refused(502, 'relayMisconfigured')).threads.mine())).toBe('relayFault');
  });

  it('gives an employee an empty list from anything it does not understand', () => {
    expect(parsePulseThreads(undefined)).toEqual({ viewer: { role: 'employee' }, threads: [] });
    expect(parseMyComments('nope')).toEqual({ comments: [] });
  });
});
