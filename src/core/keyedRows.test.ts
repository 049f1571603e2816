import { settleKeyedRows } from './keyedRows';

describe('settleKeyedRows', () => {
  it('keeps nothing and drops nothing for a key with no items', () => {
    expect(settleKeyedRows([])).toEqual({ drop: [] });
  });

  it('keeps the oldest trusted item and drops later duplicates (a retry or a race)', () => {
    expect(
      settleKeyedRows([
        { id: 12, trusted: true },
        { id: 7, trusted: true },
        { id: 30, trusted: true }
      ])
    ).toEqual({ keep: 7, drop: [12, 30] });
  });

  it('drops an item written under someone else key, even when it is the oldest', () => {
    expect(
      settleKeyedRows([
        { id: 3, trusted: false },
        { id: 9, trusted: true }
      ])
    ).toEqual({ keep: 9, drop: [3] });
  });

  it('keeps nothing when only forged items are there, so the writer adds its own', () => {
    expect(settleKeyedRows([{ id: 4, trusted: false }])).toEqual({ drop: [4] });
  });

  it('gives two writers that read the same items the same plan', () => {
    const seen = [
      { id: 21, trusted: true },
      { id: 20, trusted: true }
    ];
    expect(settleKeyedRows(seen)).toEqual(settleKeyedRows([...seen].reverse()));
  });
});
