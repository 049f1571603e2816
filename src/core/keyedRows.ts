/**
 * One item per key without a unique column. SharePoint refuses a column that enforces unique
 * values in a list whose readers see only their own items (docs/local-tenant.md, "Unique columns
 * and item-level security"), so writers of such lists (SE_Reports, SE_Participation,
 * SE_Responses) keep one item per key themselves: read the key, add only when nothing trusted is
 * there, read the key again, and delete what this plan drops. Two writers racing, or a retry after
 * a lost answer, each add one item; both then keep the same one, the oldest.
 */

/** An item found under a key. */
export interface KeyedRow {
  readonly id: number;
  /**
   * Written by an identity entitled to the key: the relay's app identity, or the person the key
   * names. Any other author wrote it under someone else's key.
   */
  readonly trusted: boolean;
}

export interface KeyedRowsPlan {
  /** The item that stands for the key: the oldest trusted one; none when nothing trusted is there. */
  readonly keep?: number;
  /** Later trusted duplicates and every item written under someone else's key. */
  readonly drop: readonly number[];
}

export function settleKeyedRows(rows: readonly KeyedRow[]): KeyedRowsPlan {
  const trusted = rows.filter((row) => row.trusted).map((row) => row.id);
  const keep = trusted.length > 0 ? Math.min(...trusted) : undefined;
  const drop = rows
    .map((row) => row.id)
    .filter((id) => id !== keep)
    .sort((a, b) => a - b);
  return keep === undefined ? { drop } : { keep, drop };
}
