/**
 * The signed-in person's manager id, kept on the device across sessions, so that a returning
 * person's cold session can ask for the manager's other reports (the peers: for an operator
 * without reports, the crew) in the same Graph `$batch` as `/me`, the reports and the manager,
 * instead of a second round trip that waits for the manager's id.
 *
 * Only the id is kept (no names, no profiles), one entry per person (a shared kiosk never mixes
 * people), for 30 days from when it was last confirmed. The card checks it on every load
 * against the manager read in that batch, so a stale id costs one extra round trip, never a
 * wrong list: the expiry only bounds how long an unused device keeps it.
 */
import type { KeyValueStore } from '../../core/storage';

export const MANAGER_ID_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface ManagerIdCache {
  /** The manager's directory id as last confirmed on this device; undefined when unknown or expired. */
  read(): string | undefined;
  /** Keeps `managerId` (again, for another full period); undefined forgets it (no manager any more). */
  write(managerId: string | undefined): void;
}

/** Where the manager id of `userKey` (login name) is kept in the device's storage. */
export function managerIdKey(userKey: string): string {
  return `se-recognise-manager:${userKey.trim().toLowerCase()}`;
}

interface Stored {
  readonly managerId?: unknown;
  readonly expires?: unknown;
}

export function managerIdCache(store: KeyValueStore, userKey: string, now: () => number = () => Date.now()): ManagerIdCache {
  const key = managerIdKey(userKey);
  return {
    read: () => {
      try {
        const text = store.read(key);
        const stored = text ? (JSON.parse(text) as Stored) : undefined;
        return stored && typeof stored.managerId === 'string' && stored.managerId && typeof stored.expires === 'number' && stored.expires > now()
          ? stored.managerId
          : undefined;
      } catch {
        return undefined; // unreadable: as if nothing were kept
      }
    },
    write: (managerId) => {
      store.write(key, managerId ? JSON.stringify({ managerId, expires: now() + MANAGER_ID_TTL_MS }) : '{}');
    }
  };
}
