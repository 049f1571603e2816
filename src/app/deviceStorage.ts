/**
 * The browser's storage, as the parts use it: `localStorage` for what must survive a closed
 * tab (the recognition outbox), `sessionStorage` for per-session caches and drafts. Storage
 * that is blocked (privacy settings) or full never breaks a part: reads fall back to memory.
 */
import type { KeyValueStore, StorageLike } from '../core/storage';

/** The browser's storage of that kind; undefined outside a browser or when it is blocked. */
export function browserStorage(kind: 'localStorage' | 'sessionStorage'): StorageLike | undefined {
  try {
    return typeof window !== 'undefined' ? window[kind] : undefined;
  } catch {
    return undefined; // blocked by the browser's privacy settings
  }
}

/** A KeyValueStore over `backing`, with a memory copy for when writing there fails. */
export function keyValueStore(backing: StorageLike | undefined): KeyValueStore {
  const memory = new Map<string, string>();
  return {
    read: (key) => {
      try {
        return backing?.getItem(key) ?? memory.get(key);
      } catch {
        return memory.get(key);
      }
    },
    write: (key, value) => {
      memory.set(key, value);
      try {
        backing?.setItem(key, value);
      } catch {
        // Storage full or blocked: the memory copy keeps it while the page is open.
      }
    },
    remove: (key) => {
      memory.delete(key);
      try {
        backing?.removeItem(key);
      } catch {
        // blocked storage kept nothing there
      }
    }
  };
}

/** The device's storage: `local` survives a closed tab (outboxes), `session` lasts the tab (drafts, caches). */
export interface DeviceStorage {
  readonly local: KeyValueStore;
  readonly session: KeyValueStore;
  /** Web Storage itself, for caches that keep their own entries (undefined when blocked). */
  readonly sessionBacking: StorageLike | undefined;
}

export function browserDeviceStorage(): DeviceStorage {
  const sessionBacking = browserStorage('sessionStorage');
  return { local: keyValueStore(browserStorage('localStorage')), session: keyValueStore(sessionBacking), sessionBacking };
}

/** Storage that lasts as long as the page (no browser storage: tests, or a host that keeps nothing). */
export function memoryDeviceStorage(): DeviceStorage {
  return { local: keyValueStore(undefined), session: keyValueStore(undefined), sessionBacking: undefined };
}
