import type { GraphClientLike, GraphRequestLike } from './graphClient';
import { GraphCoalescer } from './graphCoalescer';
import { DEFAULT_RETRY_POLICY } from './graphBatch';

interface Posted {
  readonly requests: Array<{ id: string; url: string }>;
}

/** Answers every `$batch` with 200 and the request's URL as the body; records each batch. */
class EchoGraph implements GraphClientLike {
  public readonly batches: Posted[] = [];
  public api(path: string): GraphRequestLike {
    return {
      get: async () => {
        throw new Error(`unexpected GET ${path}`);
      },
      post: async (content: unknown) => {
        const posted = content as Posted;
        this.batches.push(posted);
        return { responses: posted.requests.map((r) => ({ id: r.id, status: 200, headers: {}, body: { url: r.url } })) };
      }
    };
  }
}

describe('GraphCoalescer', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, sleep: async () => undefined };

  it('sends requests started together in one $batch, each with its own answer', async () => {
    const graph = new EchoGraph();
    const batcher = new GraphCoalescer(graph, policy);
    const [me, reports] = await Promise.all([batcher.send({ url: '/me' }), batcher.send({ url: '/me/directReports' })]);
    expect(graph.batches).toHaveLength(1);
    expect(graph.batches[0].requests.map((r) => r.url)).toEqual(['/me', '/me/directReports']);
    expect(me.body).toEqual({ url: '/me' });
    expect(reports.body).toEqual({ url: '/me/directReports' });
  });

  it('starts a new batch for requests made after the first was sent', async () => {
    const graph = new EchoGraph();
    const batcher = new GraphCoalescer(graph, policy);
    await batcher.send({ url: '/me' });
    await batcher.send({ url: '/me/manager' });
    expect(graph.batches).toHaveLength(2);
  });

  it('rejects every waiting request when the batch itself fails', async () => {
    const failing: GraphClientLike = {
      api: () => ({
        get: async () => undefined,
        post: async () => {
          throw new TypeError('Failed to fetch');
        }
      })
    };
    const batcher = new GraphCoalescer(failing, { ...policy, maxAttempts: 1 });
    const results = await Promise.allSettled([batcher.send({ url: '/me' }), batcher.send({ url: '/me/manager' })]);
    // A network failure is either thrown or answered as a failed response per request; nothing resolves as a success.
    for (const result of results) {
      expect(result.status === 'rejected' || (result.status === 'fulfilled' && result.value.status >= 400)).toBe(true);
    }
  });
});
