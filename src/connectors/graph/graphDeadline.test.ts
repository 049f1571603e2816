import { GraphFailure, TIMEOUT_CODE } from './graphBatch';
import type { GraphClientLike } from './graphClient';
import { graphWithDeadline } from './graphDeadline';

/** A Graph client whose calls answer after `ms` (never, when undefined), recording the fetch options set. */
function slowGraph(ms: number | undefined, options: Array<[string, unknown]>): GraphClientLike {
  const answer = (): Promise<unknown> => (ms === undefined ? new Promise(() => undefined) : new Promise((resolve) => setTimeout(() => resolve({ ok: true }), ms)));
  return {
    api: () => ({
      get: answer,
      post: answer,
      option: (key: string, value: unknown) => options.push([key, value])
    })
  };
}

describe('graphWithDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers what Graph answers in time', async () => {
    const graph = graphWithDeadline(slowGraph(100, []), 1_000);
    const call = graph.api('/me').get();
    jest.advanceTimersByTime(100);
    await expect(call).resolves.toEqual({ ok: true });
  });

  it('fails a call with no answer at its deadline (504, Timeout) and aborts its fetch', async () => {
    const options: Array<[string, unknown]> = [];
    const graph = graphWithDeadline(slowGraph(undefined, options), 1_000);
    const call = graph.api('/$batch').post({ requests: [] });
    jest.advanceTimersByTime(1_000);
    const error: unknown = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphFailure);
    expect(error).toMatchObject({ status: 504, code: TIMEOUT_CODE });
    const [key, signal] = options[0];
    expect(key).toBe('signal');
    expect((signal as AbortSignal).aborted).toBe(true);
  });
});
