import { GraphCache } from './graphCache';
import { type StorageLike } from '../../core/storage';

class MemoryStorage implements StorageLike {
  public readonly items = new Map<string, string>();
  // eslint-disable-next-line @rushstack/no-new-null -- implements Web Storage's signature
  public getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  public setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  public removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe('GraphCache', () => {
  it('loads once for concurrent callers and serves the value until it expires', async () => {
    let now = 1000;
    let loads = 0;
    const cache = new GraphCache('user-a', undefined, () => now);
    const load = async (): Promise<number> => {
      loads += 1;
      return loads;
    };
    const [a, b] = await Promise.all([cache.get('k', 100, load), cache.get('k', 100, load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    now += 99;
    expect(await cache.get('k', 100, load)).toBe(1);
    now += 2;
    expect(await cache.get('k', 100, load)).toBe(2);
  });

  it('shares values through session storage between parts of one page, per user', async () => {
    const storage = new MemoryStorage();
    await new GraphCache('user-a', storage).get('k', 60_000, async () => 'from graph');
    expect(await new GraphCache('user-a', storage).get('k', 60_000, async () => 'again')).toBe('from graph');
    expect(await new GraphCache('user-b', storage).get('k', 60_000, async () => 'other user')).toBe('other user');
  });

  it('does not cache a failed load', async () => {
    const cache = new GraphCache('u');
    await expect(cache.get('k', 1000, async () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(await cache.get('k', 1000, async () => 'ok')).toBe('ok');
  });
});
