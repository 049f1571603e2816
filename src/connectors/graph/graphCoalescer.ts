/**
 * Graph requests started in the same turn of the event loop share one JSON `$batch`: a part
 * that asks for the signed-in person and their direct reports at once makes one round trip,
 * not two. Each request keeps its own answer; retries and the 20-request limit are
 * `sendBatch`'s.
 */
import { type BatchRequest, type BatchResponse, DEFAULT_RETRY_POLICY, type RetryPolicy, sendBatch } from './graphBatch';
import type { GraphClientLike } from './graphClient';

interface Waiting {
  readonly request: BatchRequest;
  resolve(response: BatchResponse): void;
  reject(error: unknown): void;
}

export class GraphCoalescer {
  private waiting: Waiting[] = [];

  public constructor(
    private readonly graph: GraphClientLike,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY
  ) {}

  public send(request: BatchRequest): Promise<BatchResponse> {
    return new Promise<BatchResponse>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (this.waiting.length === 1) {
        setTimeout(() => this.flush(), 0);
      }
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    sendBatch(
      this.graph,
      batch.map((w) => w.request),
      this.retry
    ).then(
      (responses) => batch.forEach((w, index) => w.resolve(responses[index])),
      (error: unknown) => batch.forEach((w) => w.reject(error))
    );
  }
}
