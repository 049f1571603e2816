/**
 * The ids of the signed-in person's Teams teams (their crews), kept on the device across
 * sessions, so that a returning person's cold session can ask for each team's shifts in the same
 * Graph `$batch` as `/me` and `/me/joinedTeams`, instead of a second round trip that waits for
 * the team list.
 *
 * Only the ids are kept (no names, no shifts), one entry per person (a shared kiosk never mixes
 * people), for 30 days from when they were last confirmed. The roster checks them on every cold
 * session against the teams read in that same batch: a team joined since is read right after
 * (one more round trip, never a missing shift), a team left since is ignored. The expiry only
 * bounds how long an unused device keeps them.
 */
import type { KeyValueStore } from '../storage';

export const TEAM_IDS_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface TeamIdCache {
  /** The team ids as last confirmed on this device; undefined when none are kept or they expired. */
  read(): string[] | undefined;
  /** Keeps `teamIds` (again, for another full period); an empty list forgets them. */
  write(teamIds: readonly string[]): void;
}

interface Stored {
  readonly teamIds?: unknown;
  readonly expires?: unknown;
}

/** The team ids kept under `key` (a per-person key, e.g. `services.keyFor('roster-teams')`). */
export function teamIdCache(store: KeyValueStore, key: string, now: () => number = () => Date.now()): TeamIdCache {
  return {
    read: () => {
      try {
        const text = store.read(key);
        const stored = text ? (JSON.parse(text) as Stored) : undefined;
        if (!stored || typeof stored.expires !== 'number' || stored.expires <= now() || !Array.isArray(stored.teamIds)) {
          return undefined;
        }
        const ids = stored.teamIds.filter((id): id is string => typeof id === 'string' && id.length > 0);
        return ids.length > 0 ? ids : undefined;
      } catch {
        return undefined; // unreadable: as if nothing were kept
      }
    },
    write: (teamIds) => {
      if (teamIds.length === 0) {
        store.remove(key);
      } else {
        store.write(key, JSON.stringify({ teamIds, expires: now() + TEAM_IDS_TTL_MS }));
      }
    }
  };
}
