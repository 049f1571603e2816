/**
 * The per-session cache of Graph answers: a page with four parts asks once. Values live in
 * memory and, when given, in `sessionStorage` (shared by every part's bundle on the page and
 * kept across reloads of the tab). Keys are scoped to the signed-in user. Concurrent loads of
 * one key share one request.
 */
import type { StorageLike } from '../../core/storage';

interface Entry {
  readonly expires: number;
  readonly value: unknown;
}

const PREFIX = 'se-graph:';

export class GraphCache {
  private readonly memory = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  public constructor(
    private readonly scope: string,
    private readonly storage?: StorageLike,
    private readonly now: () => number = () => Date.now()
  ) {}

  private key(key: string): string {
    return `${PREFIX}${this.scope}:${key}`;
  }

  public peek(key: string): unknown {
    const full = this.key(key);
    const entry = this.memory.get(full) ?? this.fromStorage(full);
    if (!entry || entry.expires <= this.now()) {
      return undefined;
    }
    return entry.value;
  }

  private fromStorage(full: string): Entry | undefined {
    try {
      const text = this.storage?.getItem(full);
      if (!text) {
        return undefined;
      }
      const parsed = JSON.parse(text) as Entry;
      this.memory.set(full, parsed);
      return parsed;
    } catch {
      return undefined;
    }
  }

  public set(key: string, value: unknown, ttlMs: number): void {
    const full = this.key(key);
    const entry: Entry = { expires: this.now() + ttlMs, value };
    this.memory.set(full, entry);
    try {
      this.storage?.setItem(full, JSON.stringify(entry));
    } catch {
      // Storage full or blocked: the memory copy still serves this page.
    }
  }

  /** The cached value, or the loader's result (stored for `ttlMs`); one load per key at a time. */
  public async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const cached = this.peek(key);
    if (cached !== undefined) {
      return cached as T;
    }
    const full = this.key(key);
    const running = this.inFlight.get(full);
    if (running) {
      return running as Promise<T>;
    }
    const promise = load().then(
      (value) => {
        this.inFlight.delete(full);
        this.set(key, value, ttlMs);
        return value;
      },
      (error: unknown) => {
        this.inFlight.delete(full);
        throw error;
      }
    );
    this.inFlight.set(full, promise);
    return promise;
  }
}
