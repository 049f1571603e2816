/**
 * What the crew skills matrix part is given (the composition root's `skillsMatrixOf`, or a
 * test's fake): structural, so the UI needs no connector.
 */
import type { MatrixSkill } from '../../core/learning/matrix';
import type { Shift, TimeOff, TimeRange } from '../../core/roster/types';

/** A person as the directory names them (Entra ID). */
export interface LedPerson {
  readonly id: string;
  readonly displayName: string;
  /** Lower case: where the directory and SharePoint's claims login meet. */
  readonly userPrincipalName: string;
}

/** The signed-in leader, the people whose manager they are, and the teams they are in. */
export interface LeaderCrews {
  readonly me: LedPerson;
  readonly reports: readonly LedPerson[];
  readonly teams: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** A level that counts, with the person as SharePoint knows them. */
export interface ReadSkill extends MatrixSkill {
  /** Claims login (`i:0#.f|membership|<upn>`), lower case. */
  readonly personLogin: string;
  readonly stationName: string;
}

export interface SkillsSource {
  /** The leader and whom they lead (Graph). */
  crews(): Promise<LeaderCrews>;
  /** The levels kept under these crews (SharePoint `CrewKey`). */
  skills(crewKeys: readonly string[]): Promise<{ readonly skills: readonly ReadSkill[] }>;
  /** The teams' shifts and time off over `range` (Graph). */
  roster(teamIds: readonly string[], range: TimeRange): Promise<CrewRosterRead>;
  /** The leader's teams as this device read them last time (undefined: none kept). */
  lastTeams?(): readonly string[] | undefined;
  /** Keeps the leader's teams on the device for their next visit. */
  rememberTeams?(teamIds: readonly string[]): void;
}

export interface CrewRosterRead {
  readonly shifts: readonly Shift[];
  readonly timeOff: readonly TimeOff[];
}

/** Which read failed, as the connectors say it. */
export type ReadSource = 'skills' | 'directory' | 'roster';
export type ReadFailureCode = 'accessDenied' | 'notFound' | 'throttled' | 'network' | 'timeout' | 'threshold' | 'unexpected';

const CODES: readonly ReadFailureCode[] = ['accessDenied', 'notFound', 'throttled', 'network', 'timeout', 'threshold', 'unexpected'];
const SOURCES: readonly ReadSource[] = ['skills', 'directory', 'roster'];

/** A failure's read and reason (`source` and `code` on the error; otherwise unknown). */
export function readFailure(error: unknown, fallback: ReadSource): { readonly source: ReadSource; readonly code: ReadFailureCode } {
  const raw = typeof error === 'object' && error !== null ? (error as { source?: unknown; code?: unknown }) : {};
  return {
    source: SOURCES.indexOf(raw.source as ReadSource) >= 0 ? (raw.source as ReadSource) : fallback,
    code: CODES.indexOf(raw.code as ReadFailureCode) >= 0 ? (raw.code as ReadFailureCode) : 'unexpected'
  };
}
