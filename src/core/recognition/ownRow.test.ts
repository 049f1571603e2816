import { newNonce, type OwnRows, writeOwnRow } from './ownRow';

class DuplicateError extends Error {}

/** A list with a unique key column: items by id, with their key and whether the person wrote them. */
class FakeRows implements OwnRows {
  public readonly items = new Map<number, { key: string; mine: boolean; value: string }>();
  public readonly log: string[] = [];
  private nextId = 1;

  public constructor(private readonly value: string) {}

  public seed(key: string, mine: boolean, value = 'old'): number {
    const id = this.nextId++;
    this.items.set(id, { key, mine, value });
    return id;
  }

  public read(): Promise<number[]> {
    return Promise.resolve(Array.from(this.items.entries()).filter(([, item]) => item.mine).map(([id]) => id));
  }

  public add(key: string): Promise<void> {
    this.log.push(`add ${key}`);
    if (Array.from(this.items.values()).some((item) => item.key === key)) {
      return Promise.reject(new DuplicateError(key));
    }
    this.seed(key, true, this.value);
    return Promise.resolve();
  }

  public update(id: number): Promise<void> {
    this.log.push(`update ${id}`);
    this.items.get(id)!.value = this.value;
    return Promise.resolve();
  }

  public remove(id: number): Promise<void> {
    this.log.push(`remove ${id}`);
    this.items.delete(id);
    return Promise.resolve();
  }

  public isDuplicate(error: unknown): boolean {
    return error instanceof DuplicateError;
  }
}

describe('writeOwnRow', () => {
  it('adds the row under its key when the person has none', async () => {
    const rows = new FakeRows('applause');
    await writeOwnRow(rows, '41:7', 'save');
    expect(rows.log).toEqual(['add 41:7']);
  });

  it("updates the person's row, and keeps only the oldest of theirs", async () => {
    const rows = new FakeRows('heart');
    const first = rows.seed('41:7', true);
    const second = rows.seed('41:7:rabc', true);
    await writeOwnRow(rows, '41:7', 'save');
    expect(rows.log).toEqual([`remove ${second}`, `update ${first}`]);
    expect(rows.items.get(first)?.value).toBe('heart');
  });

  it('updates the row a second tab added meanwhile (exactly once under the key)', async () => {
    const rows = new FakeRows('heart');
    const read = rows.read.bind(rows);
    let calls = 0;
    rows.read = () => {
      calls += 1;
      if (calls === 1) {
        rows.seed('41:7', true);
        return Promise.resolve([]);
      }
      return read();
    };
    await writeOwnRow(rows, '41:7', 'save');
    expect(rows.log).toEqual(['add 41:7', 'update 1']);
    expect(rows.items.size).toBe(1);
  });

  it("adds under the squat-proof key when someone else's item holds the key", async () => {
    const rows = new FakeRows('applause');
    const squatter = rows.seed('41:7', false, 'heart');
    await writeOwnRow(rows, '41:7', 'save', () => 'n0nce');
    expect(rows.log).toEqual(['add 41:7', 'add 41:7:rn0nce']);
    expect(rows.items.get(squatter)).toEqual({ key: '41:7', mine: false, value: 'heart' });
  });

  it("removes the person's own rows only", async () => {
    const rows = new FakeRows('');
    const squatter = rows.seed('41:7', false);
    rows.seed('41:7:ra', true);
    rows.seed('41:7:rb', true);
    await writeOwnRow(rows, '41:7', 'remove');
    expect(Array.from(rows.items.keys())).toEqual([squatter]);
  });

  it('passes on a failure that is not a duplicate key', async () => {
    const rows = new FakeRows('x');
    rows.add = () => Promise.reject(new Error('403'));
    await expect(writeOwnRow(rows, '41:7', 'save')).rejects.toThrow('403');
  });

  it('makes nonces nobody can foresee', () => {
    const nonces = new Set(Array.from({ length: 20 }, newNonce));
    expect(nonces.size).toBe(20);
    expect(Array.from(nonces).every((n) => /^[0-9a-f]{24}$/.test(n))).toBe(true);
  });
});
