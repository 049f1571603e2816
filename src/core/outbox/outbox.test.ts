import { memoryStore } from '../storage';
import { Outbox, type OutboxEntry, type SendOutcome } from './outbox';

/** A server that stores each key once and can be switched off. */
class FakeServer {
  public online = true;
  public readonly stored = new Map<string, string>();
  public loseNextAnswer = false;
  public async send(entry: OutboxEntry<string>): Promise<SendOutcome> {
    if (!this.online) {
      throw new TypeError('Failed to fetch');
    }
    if (entry.payload.trim() === '') {
      return { kind: 'rejected', error: 'messageEmpty' };
    }
    if (this.stored.has(entry.id)) {
      return { kind: 'duplicate' };
    }
    this.stored.set(entry.id, entry.payload);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new TypeError('connection reset');
    }
    return { kind: 'sent' };
  }
}

describe('Outbox', () => {
  let clock: Date;
  let store: ReturnType<typeof memoryStore>;
  let server: FakeServer;
  const outbox = (): Outbox<string> => new Outbox<string>(store, 'se-outbox:recognitions', () => clock);

  beforeEach(() => {
    clock = new Date('2026-11-21T10:00:00Z');
    store = memoryStore();
    server = new FakeServer();
  });

  it('keeps what was sent offline, across a reload, and sends it when back', async () => {
    server.online = false;
    outbox().enqueue('r1', 'Thanks for the quick fix');
    const offline = await outbox().flush((e) => server.send(e));
    expect(offline.waiting.map((e) => [e.id, e.attempts, e.lastError])).toEqual([['r1', 1, 'Failed to fetch']]);

    server.online = true;
    clock = new Date(clock.getTime() + 1_000);
    expect((await outbox().flush((e) => server.send(e))).sent).toEqual([]); // still backing off
    clock = new Date(clock.getTime() + 5_000);
    const back = await outbox().flush((e) => server.send(e));
    expect(back.sent).toEqual(['r1']);
    expect(server.stored.get('r1')).toBe('Thanks for the quick fix');
    expect(outbox().pending()).toEqual([]);
  });

  it('stores exactly once when the answer to a send was lost', async () => {
    outbox().enqueue('r2', 'Great save');
    server.loseNextAnswer = true;
    await outbox().flush((e) => server.send(e));
    expect(outbox().pending()).toHaveLength(1);
    clock = new Date(clock.getTime() + 60_000);
    const report = await outbox().flush((e) => server.send(e));
    expect(report.sent).toEqual(['r2']);
    expect([...server.stored.keys()]).toEqual(['r2']);
  });

  it('keeps the order and stops at the first passing failure', async () => {
    outbox().enqueue('a', 'first');
    outbox().enqueue('b', 'second');
    server.online = false;
    await outbox().flush((e) => server.send(e));
    expect(outbox().pending().map((e) => [e.id, e.attempts])).toEqual([['a', 1], ['b', 0]]);
  });

  it('sets aside what the server refuses, for the person to fix — never drops it', async () => {
    outbox().enqueue('bad', '   ');
    outbox().enqueue('good', 'ok');
    const report = await outbox().flush((e) => server.send(e));
    expect(report.sent).toEqual(['good']);
    expect(report.rejected.map((e) => [e.id, e.lastError])).toEqual([['bad', 'messageEmpty']]);
    expect(outbox().takeRejected('bad')?.payload).toBe('   ');
    expect(outbox().rejected()).toEqual([]);
  });

  it('does not queue the same request twice', () => {
    outbox().enqueue('r', 'x');
    outbox().enqueue('r', 'x');
    expect(outbox().pending()).toHaveLength(1);
  });

  it('waits at least as long as Retry-After asks', async () => {
    outbox().enqueue('t', 'throttled');
    await outbox().flush(async () => ({ kind: 'retry', error: 'throttled', retryAfterMs: 30_000 }));
    expect(outbox().pending()[0].notBefore).toBe('2026-11-21T10:00:30.000Z');
  });
});
