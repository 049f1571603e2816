/**
 * Where a person works: the plant map (sites, lines, shifts) that HR/IT keep in SE_Settings
 * under the key `plant`, and the ports that tell a person's site, line and crew. Framework-free.
 *
 * - Site and line come from the directory: Graph `officeLocation` → site, `department` → line,
 *   through the plant map's `officeLocations` and `departments` (case- and space-insensitive).
 * - Crew = the Teams team whose Shifts schedule the person works on; CrewKey = that team's id.
 *   Another person's crew is known only when they are on the schedule of one of my teams.
 * Nothing is guessed: what cannot be told is left undefined.
 */
import type { Translations } from '../models/common';

/** The SE_Settings key the plant map is stored under. */
export const PLANT_SETTING_KEY = 'Plant';

/** Longest code the list columns take (SiteCode, LineCode, ShiftCode are Text(64)). */
export const MAX_CODE_LENGTH = 64;

export interface SiteRef {
  /** Stored in SiteCode, e.g. `GOT`. Unique (case-insensitive). */
  readonly code: string;
  /** Default (English) name. */
  readonly name: string;
  /** Names per lower-case language tag (`sv-se`, `nl-nl`), as in the product's other Translations. */
  readonly names: Translations<string>;
  /** Directory `officeLocation` values that mean this site. */
  readonly officeLocations: readonly string[];
}

export interface LineRef {
  /** Stored in LineCode, e.g. `GOT-WELD2`. Unique (case-insensitive) across all sites. */
  readonly code: string;
  readonly name: string;
  readonly names: Translations<string>;
  /** The site the line belongs to (the canonical code of a site in the map). */
  readonly siteCode: string;
  /** Directory `department` values that mean this line (matched within its site). */
  readonly departments: readonly string[];
}

export interface ShiftRef {
  /** Stored in ShiftCode, e.g. `morning`. Unique (case-insensitive). */
  readonly code: string;
  readonly name: string;
  readonly names: Translations<string>;
  /**
   * Teams Shifts display names (`sharedShift.displayName`) that mean this shift, e.g.
   * `Förmiddag 06–14`, so the shift a person is on can be turned into a ShiftCode.
   */
  readonly labels: readonly string[];
}

export type PlantMapIssueCode =
  /** The setting's Value is not JSON. The map is empty. */
  | 'invalidJson'
  /** The JSON is not an object. The map is empty. */
  | 'notAnObject'
  /** `sites`, `lines` or `shifts` is not an array; that part is empty. */
  | 'notAList'
  /** An entry is not an object; skipped. */
  | 'invalidEntry'
  /** An entry has no code; skipped. */
  | 'missingCode'
  /** A code is longer than {@link MAX_CODE_LENGTH}; skipped. */
  | 'codeTooLong'
  /** A code (case-insensitive) is used twice in one part; the later entry is skipped. */
  | 'duplicateCode'
  /** A line names no site, or a site the map does not have; skipped. */
  | 'unknownSite'
  /** An entry has no name; its code is shown instead (kept). */
  | 'missingName'
  /** `names` is not an object of texts; what is not text is ignored (kept). */
  | 'invalidNames'
  /** `officeLocations`, `departments` or `labels` is not a list of texts; what is not text is ignored (kept). */
  | 'invalidAliases'
  /** An office location belongs to two sites: it matches neither (kept). */
  | 'ambiguousOfficeLocation'
  /** A department belongs to two lines of one site: it matches neither (kept). */
  | 'ambiguousDepartment'
  /** A Shifts label belongs to two shifts: it matches neither (kept). */
  | 'ambiguousShiftLabel';

export interface PlantMapIssue {
  readonly code: PlantMapIssueCode;
  /** `error`: the entry (or the whole map) was left out; `warning`: it was kept. */
  readonly severity: 'error' | 'warning';
  /** Where in the JSON, e.g. `lines[2].siteCode`; empty for the whole value. */
  readonly path: string;
  /** The value concerned (a code, a name), for the message. */
  readonly detail?: string;
}

export interface PlantMap {
  readonly sites: readonly SiteRef[];
  readonly lines: readonly LineRef[];
  readonly shifts: readonly ShiftRef[];
  /** What was wrong with the stored value; empty for a good map. Never thrown. */
  readonly issues: readonly PlantMapIssue[];
}

/** A person's crew: the Teams team id (CrewKey) and the team's name. */
export interface CrewRef {
  readonly crewKey: string;
  readonly crewName: string;
}

/** Where a person works. Each part is undefined when it cannot be told. */
export interface Workplace {
  readonly siteCode?: string;
  readonly lineCode?: string;
  readonly crewKey?: string;
  readonly crewName?: string;
}

/** The plant map as HR/IT keep it. */
export interface PlantSettings {
  /** The map; an empty map (no issues) when none is stored. Problems in it are in `issues`. */
  plantMap(): Promise<PlantMap>;
}

/** Crews from Teams Shifts, as far as the signed-in person can see them. */
export interface CrewDirectory {
  /** The signed-in person's crews (team ids), the one they work most shifts with first. */
  myCrewKeys(): Promise<string[]>;
  /** The same, with the teams' names. */
  myCrews(): Promise<CrewRef[]>;
  /**
   * The crew of each person (directory ids) who is on the schedule of one of the signed-in
   * person's teams. People who are not are absent from the map: their crew is unknown.
   */
  crewOf(personDirectoryIds: readonly string[]): Promise<Map<string, CrewRef>>;
}

export type WorkplaceErrorCode = 'accessDenied' | 'notFound' | 'throttled' | 'network' | 'unexpected';

/** Reading the plant map or the crews failed; the code is for the UI to turn into words. */
export class WorkplaceError extends Error {
  public constructor(
    public readonly code: WorkplaceErrorCode,
    message: string
  ) {
    super(message);
    this.name = 'WorkplaceError';
    // The SPFx build targets ES5, where `instanceof` fails for Error subclasses without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
