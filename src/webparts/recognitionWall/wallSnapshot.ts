/**
 * The wall as the reader last saw it, kept for the browser session so a revisit paints at once
 * (no request before paint) and is then refreshed from SharePoint. One snapshot per set of
 * server filters, a few kept; anything unreadable counts as no snapshot.
 */
import type { StorageLike } from '../../core/storage';
import type { ItemId } from '../../core/models/common';
import type { RecognitionValue } from '../../core/models/values';
import type { PlantMap } from '../../core/plant';
import type { ReactionSummary, WallItem } from '../../core/recognition/ports';
import type { WallFilters } from '../../core/recognition/wallQuery';
import type { WallViewer } from '../../core/recognition/wallRules';

export interface WallSnapshot {
  readonly viewer: WallViewer;
  readonly values: RecognitionValue[];
  readonly items: WallItem[];
  readonly cursor?: string;
  readonly reactions: ReadonlyMap<ItemId, ReactionSummary>;
  readonly hidden: ReadonlySet<number>;
  readonly hideMe: boolean;
  /** The plant's sites, lines and shifts (the filters' choices). */
  readonly plant: PlantMap;
}

export interface WallSnapshots {
  read(filters: WallFilters, myCrew: boolean): WallSnapshot | undefined;
  write(filters: WallFilters, myCrew: boolean, snapshot: WallSnapshot): void;
}

/** Bumped whenever the stored shape changes: older snapshots are then ignored. */
const VERSION = 2;
/** Filter combinations kept per reader. */
const KEEP = 5;

interface Stored {
  readonly version: number;
  readonly entries: Array<{ readonly key: string; readonly snapshot: StoredSnapshot }>;
}

interface StoredSnapshot {
  readonly viewer: Omit<WallViewer, 'reportEmails'> & { readonly reportEmails: string[] };
  readonly values: RecognitionValue[];
  readonly items: WallItem[];
  readonly cursor?: string;
  readonly reactions: Array<[ItemId, ReactionSummary]>;
  readonly hidden: number[];
  readonly hideMe: boolean;
  readonly plant: PlantMap;
}

/** The same filters give the same key whatever order they were set in. */
export function snapshotKey(filters: WallFilters, myCrew: boolean): string {
  const parts = Object.keys(filters)
    .sort()
    .map((name) => `${name}=${String((filters as Record<string, unknown>)[name] ?? '')}`);
  return `${parts.join('&')}|crew=${myCrew ? 1 : 0}`;
}

function isStored(value: unknown): value is Stored {
  return typeof value === 'object' && value !== null && (value as Stored).version === VERSION && Array.isArray((value as Stored).entries);
}

/**
 * Snapshots in `storage` (sessionStorage in the browser) under one key per reader. Storage that
 * is full, blocked or holds something else never breaks the wall: it just starts empty.
 */
export function wallSnapshots(storage: StorageLike | undefined, storageKey: string): WallSnapshots {
  const load = (): Stored => {
    try {
      const parsed = JSON.parse(storage?.getItem(storageKey) ?? 'null') as unknown;
      return isStored(parsed) ? parsed : { version: VERSION, entries: [] };
    } catch {
      return { version: VERSION, entries: [] };
    }
  };
  return {
    read: (filters, myCrew) => {
      const key = snapshotKey(filters, myCrew);
      const found = load().entries.find((entry) => entry.key === key)?.snapshot;
      if (!found) {
        return undefined;
      }
      return {
        ...found,
        viewer: { ...found.viewer, reportEmails: new Set(found.viewer.reportEmails) },
        reactions: new Map(found.reactions),
        hidden: new Set(found.hidden)
      };
    },
    write: (filters, myCrew, snapshot) => {
      const key = snapshotKey(filters, myCrew);
      const stored: StoredSnapshot = {
        ...snapshot,
        viewer: { ...snapshot.viewer, reportEmails: Array.from(snapshot.viewer.reportEmails) },
        reactions: Array.from(snapshot.reactions.entries()),
        hidden: Array.from(snapshot.hidden)
      };
      const entries = [{ key, snapshot: stored }].concat(load().entries.filter((entry) => entry.key !== key)).slice(0, KEEP);
      try {
        storage?.setItem(storageKey, JSON.stringify({ version: VERSION, entries }));
      } catch {
        // Storage full or blocked: the next visit loads from SharePoint, as a first visit does.
      }
    }
  };
}
