import { EMPTY_PLANT_MAP } from '../../core/plant';
import type { WallItem } from '../../core/recognition/ports';
import { snapshotKey, type WallSnapshot, wallSnapshots } from './wallSnapshot';

class MemoryStorage {
  public readonly data = new Map<string, string>();
  public failWrites = false;
  // eslint-disable-next-line @rushstack/no-new-null -- Web Storage's own signature
  public getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  public setItem(key: string, value: string): void {
    if (this.failWrites) {
      throw new DOMException('QuotaExceededError');
    }
    this.data.set(key, value);
  }
  public removeItem(key: string): void {
    this.data.delete(key);
  }
}

const ITEM: WallItem = {
  id: 7,
  recipient: { id: 20, displayName: "Seán O'Brien" },
  giver: { id: 10, displayName: 'Åsa Bäckström' },
  kind: 'peer',
  valueKey: 'safety',
  message: 'Stopped the line 👏',
  siteCode: 'GOT',
  visibility: 'everyone',
  status: 'published',
  created: '2026-11-20T10:00:00Z'
};

function snapshot(message = ITEM.message): WallSnapshot {
  return {
    viewer: { siteUserId: 10, displayName: 'Åsa Bäckström', directoryId: 'dir-asa', reportEmails: new Set(['sean@contoso.com']) },
    values: [],
    items: [{ ...ITEM, message }],
    cursor: 'window:6',
    reactions: new Map([[7, { counts: { applause: 2 }, mine: 'applause' }]]),
    hidden: new Set([40]),
    hideMe: true,
    plant: EMPTY_PLANT_MAP
  };
}

describe('wall snapshots', () => {
  it('gives the same key whatever order the filters were set in', () => {
    expect(snapshotKey({ siteCode: 'GOT', valueKey: 'safety' }, false)).toBe(snapshotKey({ valueKey: 'safety', siteCode: 'GOT' }, false));
    expect(snapshotKey({ siteCode: 'GOT' }, false)).not.toBe(snapshotKey({ siteCode: 'GOT' }, true));
  });

  it('keeps sets and maps through storage, per set of filters', () => {
    const storage = new MemoryStorage();
    const snapshots = wallSnapshots(storage, 'wall:asa');
    snapshots.write({ siteCode: 'GOT' }, false, snapshot());
    const back = snapshots.read({ siteCode: 'GOT' }, false);
    expect(back?.items[0].message).toBe('Stopped the line 👏');
    expect(back?.reactions.get(7)).toEqual({ counts: { applause: 2 }, mine: 'applause' });
    expect(back?.hidden.has(40)).toBe(true);
    expect(back?.viewer.reportEmails.has('sean@contoso.com')).toBe(true);
    expect(back?.hideMe).toBe(true);
    expect(snapshots.read({ siteCode: 'EIN' }, false)).toBeUndefined();
  });

  it('keeps the five most recent filter sets', () => {
    const snapshots = wallSnapshots(new MemoryStorage(), 'wall:asa');
    for (let i = 0; i < 7; i += 1) {
      snapshots.write({ lineCode: `L${i}` }, false, snapshot(`line ${i}`));
    }
    expect(snapshots.read({ lineCode: 'L0' }, false)).toBeUndefined();
    expect(snapshots.read({ lineCode: 'L1' }, false)).toBeUndefined();
    expect(snapshots.read({ lineCode: 'L2' }, false)?.items[0].message).toBe('line 2');
    expect(snapshots.read({ lineCode: 'L6' }, false)?.items[0].message).toBe('line 6');
  });

  it('treats unreadable, foreign or older stored data as no snapshot, and survives full storage', () => {
    const storage = new MemoryStorage();
    const snapshots = wallSnapshots(storage, 'wall:asa');
    storage.data.set('wall:asa', '{not json');
    expect(snapshots.read({}, false)).toBeUndefined();
    storage.data.set('wall:asa', JSON.stringify({ version: 0, entries: [] }));
    expect(snapshots.read({}, false)).toBeUndefined();
    storage.failWrites = true;
    expect(() => snapshots.write({}, false, snapshot())).not.toThrow();
    expect(wallSnapshots(undefined, 'wall:asa').read({}, false)).toBeUndefined();
  });
});
