/**
 * The device's storage as the product sees it: Web Storage's shape (`StorageLike`, satisfied by
 * `localStorage` and `sessionStorage`) and the key-value store the parts keep outboxes, drafts
 * and caches in (`KeyValueStore`). Framework-free, so core rules and connectors share one shape.
 */
export interface StorageLike {
  // eslint-disable-next-line @rushstack/no-new-null -- Web Storage's own signature
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface KeyValueStore {
  read(key: string): string | undefined;
  write(key: string, value: string): void;
  /** Forgets the key: a read afterwards finds nothing, on this page and later ones. */
  remove(key: string): void;
}

/** A KeyValueStore in memory (for the page's lifetime): the fallback when a device keeps nothing, and the tests' store. */
export function memoryStore(entries: Iterable<[string, string]> = []): KeyValueStore & { readonly data: Map<string, string> } {
  const data = new Map<string, string>(entries);
  return {
    data,
    read: (key) => data.get(key),
    write: (key, value) => {
      data.set(key, value);
    },
    remove: (key) => {
      data.delete(key);
    }
  };
}
