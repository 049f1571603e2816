/**
 * ILUO levels on a station or machine, and the levels a path grants.
 *
 * I = in training (works under supervision), L = limited (works alone with help at hand),
 * U = unsupervised (works alone to standard), O = can train others. A station is covered on a
 * shift by someone at U or O; a trainer signs off at U or O.
 */
import { SKILL_LEVELS, SkillGrant, SkillLevel } from '../models/learning';

/** Longest station code (`SE_Skills.Station` is Text(64)). */
export const MAX_STATION_LENGTH = 64;

export function isSkillLevel(value: unknown): value is SkillLevel {
  return typeof value === 'string' && (SKILL_LEVELS as readonly string[]).indexOf(value) >= 0;
}

/** 0 for I up to 3 for O. */
export function levelRank(level: SkillLevel): number {
  return SKILL_LEVELS.indexOf(level);
}

export function atLeast(level: SkillLevel | undefined, minimum: SkillLevel): boolean {
  return level !== undefined && levelRank(level) >= levelRank(minimum);
}

/** Works the station alone to standard: covers it on a shift. */
export function isQualified(level: SkillLevel | undefined): boolean {
  return atLeast(level, 'U');
}

/** A station code as stored: trimmed, 1–64 characters, no control characters. */
export function normaliseStation(code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  const trimmed = code.trim();
  // eslint-disable-next-line no-control-regex -- a code with control characters is refused
  return trimmed !== '' && trimmed.length <= MAX_STATION_LENGTH && !/[\u0000-\u001F\u007F-\u009F]/.test(trimmed) ? trimmed : undefined;
}

export interface ParsedGrants {
  readonly grants: readonly SkillGrant[];
  /** Entries left out (not a station and level, or a station named twice): their places in the list. */
  readonly skipped: readonly number[];
}

/**
 * The `Grants` column (`[{"station":"GOT-PRESS1-P1","level":"U"}]`), never failing: what is not
 * a station with a level is skipped; a station named twice keeps its first level.
 */
export function parseGrants(value: unknown): ParsedGrants {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = value.trim() === '' ? [] : (JSON.parse(value) as unknown);
    } catch {
      return { grants: [], skipped: [0] };
    }
  }
  if (data === undefined || data === null) return { grants: [], skipped: [] };
  if (!Array.isArray(data)) return { grants: [], skipped: [0] };
  const grants: SkillGrant[] = [];
  const skipped: number[] = [];
  data.forEach((entry: unknown, index) => {
    const record = typeof entry === 'object' && entry !== null ? (entry as { station?: unknown; level?: unknown }) : {};
    const station = normaliseStation(record.station);
    const known = station !== undefined && grants.some((g) => g.station.toLowerCase() === station.toLowerCase());
    if (station === undefined || known || !isSkillLevel(record.level)) {
      skipped.push(index);
    } else {
      grants.push({ station, level: record.level });
    }
  });
  return { grants, skipped };
}

/**
 * The level after a path granting `granted` is signed off, given what the person holds now
 * (`current`, only when still valid: an expired or lapsed level counts for nothing). A path never
 * lowers a level: someone at O who renews with a U path stays at O.
 */
export function levelAfterGrant(current: SkillLevel | undefined, granted: SkillLevel): SkillLevel {
  return current !== undefined && levelRank(current) > levelRank(granted) ? current : granted;
}
