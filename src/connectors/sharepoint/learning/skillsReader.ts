/**
 * The crew skills matrix's SharePoint read: the levels (SE_Skills) of the crews a leader's
 * people work in, and the lapse rule of the paths that granted them (SE_LearningPaths), in one
 * `$batch`.
 *
 * - **Indexed filters only.** A crew's levels are `CrewKey eq '<team id>'` (CrewKey is indexed
 *   for this), one request per crew, so a list past the 5,000-item view threshold answers. The
 *   paths are a small list HR keeps (read whole; members never could write it, so every row
 *   counts).
 * - **Which rows count** (docs/learning.md, "Integrity"): a row counts when its last writer
 *   (`Editor`) is the relay, an app-only principal (`isAppLogin`, as the wall trusts a post only
 *   when an app wrote it: `wallItems.ts`), or SharePoint's system account. A row a member wrote
 *   before Engage Setup counts for nothing. The page cannot ask whether another person holds
 *   Override List Behaviors (`getUserEffectivePermissions` for someone else needs Enumerate
 *   Permissions, which a team leader lacks), so a level HR or a site owner changed by hand counts
 *   for the relay (`relay/src/pulse/trustedConfig.ts`) but not here: the cell shows no level,
 *   never a member's forgery.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { isSkillLevel } from '../../../core/learning/levels';
import type { MatrixSkill } from '../../../core/learning/matrix';
import type { SkillLevel } from '../../../core/models/learning';
import { odataString } from '../../../core/odata';
import { isAppLogin } from '../../../core/people/claims';
import { LISTS } from '../../../core/schema/lists';
import { storeErrorCodeOf } from '../httpErrors';
import { settledBatch } from '../requestPolicy';

const SKILLS = LISTS.skills;
const PATHS = LISTS.learningPaths;

/** SharePoint's system account (author of the rows a package provisions). */
const SYSTEM_ACCOUNT = 'sharepoint\\system';
/** Levels per crew read at most: 40 people × 30 stations fit many times over. */
const CREW_TOP = 5000;

type Raw = Readonly<Record<string, unknown>>;

/** What the reads failed on, as a code the part turns into words. */
export type SkillsReadErrorCode = 'accessDenied' | 'notFound' | 'throttled' | 'network' | 'timeout' | 'threshold' | 'unexpected';

export class SkillsReadError extends Error {
  public constructor(
    /** Which read: the levels (SharePoint), the leader's people and teams, or the roster (Graph). */
    public readonly source: 'skills' | 'directory' | 'roster',
    public readonly code: SkillsReadErrorCode,
    message: string
  ) {
    super(message);
    this.name = 'SkillsReadError';
    // The SPFx build targets ES5, where `instanceof` fails for Error subclasses without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** A level as stored, with the person as SharePoint knows them (site user id, claims login, name). */
export interface StoredSkill extends MatrixSkill {
  readonly personLogin: string;
  readonly personName: string;
  readonly stationName: string;
  readonly crewKey: string;
}

export interface CrewSkillsRead {
  readonly skills: readonly StoredSkill[];
  /** Rows left out because their last writer may not write levels. */
  readonly skipped: number;
}

function record(value: unknown): Raw {
  return typeof value === 'object' && value !== null ? (value as Raw) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function loginOf(row: Raw, column: 'Editor' | 'Person'): string {
  return String(record(row[column]).Name ?? '').toLowerCase();
}

const SKILL_SELECT = [
  'ID',
  SKILLS.fields.title,
  SKILLS.fields.station,
  SKILLS.fields.level,
  SKILLS.fields.crewKey,
  SKILLS.fields.expiresAt,
  SKILLS.fields.assessedAt,
  SKILLS.fields.lastPractisedAt,
  SKILLS.fields.pathId,
  `${SKILLS.fields.person}/Id`,
  `${SKILLS.fields.person}/Title`,
  `${SKILLS.fields.person}/Name`,
  'Editor/Name'
];

function skillOf(row: Raw, lapseDays: ReadonlyMap<number, number>): StoredSkill | undefined {
  const person = record(row[SKILLS.fields.person]);
  const personId = typeof person.Id === 'number' ? person.Id : undefined;
  const station = text(row[SKILLS.fields.station]);
  const level = row[SKILLS.fields.level];
  if (personId === undefined || !station || !isSkillLevel(level)) {
    return undefined;
  }
  const pathId = row[SKILLS.fields.pathId];
  const optional = (name: 'expiresAt' | 'assessedAt' | 'lastPractisedAt'): Partial<MatrixSkill> => {
    const value = text(row[SKILLS.fields[name]]);
    return value ? { [name]: value } : {};
  };
  return {
    personId,
    personLogin: loginOf(row, 'Person'),
    personName: text(person.Title) ?? '',
    station: station.trim(),
    stationName: text(row[SKILLS.fields.title]) ?? station.trim(),
    crewKey: text(row[SKILLS.fields.crewKey]) ?? '',
    level: level as SkillLevel,
    ...optional('expiresAt'),
    ...optional('assessedAt'),
    ...optional('lastPractisedAt'),
    lapseDays: typeof pathId === 'number' ? lapseDays.get(pathId) ?? 0 : 0
  };
}

/** Whether the row's last writer needs no rights check: the relay (an app), the system account. */
function writtenByService(row: Raw): boolean {
  const login = loginOf(row, 'Editor');
  return isAppLogin(login) || login === SYSTEM_ACCOUNT;
}

/** Of `rows`, those that count (see above), in their order. */
export function countingRows<T extends Raw>(rows: readonly T[]): T[] {
  return rows.filter(writtenByService);
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SkillsReadError) {
      throw error;
    }
    const code = storeErrorCodeOf(error);
    const known: readonly SkillsReadErrorCode[] = ['accessDenied', 'notFound', 'throttled', 'network', 'timeout', 'threshold'];
    throw new SkillsReadError('skills', known.indexOf(code as SkillsReadErrorCode) >= 0 ? (code as SkillsReadErrorCode) : 'unexpected', error instanceof Error ? error.message : String(error));
  }
}

/**
 * The levels that count of the crews `crewKeys` (Teams team ids, `SE_Skills.CrewKey`), each
 * crew's rows by its index, and the paths' lapse days, in one `$batch`.
 */
export function readCrewSkills(sp: SPFI, crewKeys: readonly string[]): Promise<CrewSkillsRead> {
  return guarded(async () => {
    const keys = Array.from(new Set(crewKeys.filter((key) => key.trim() !== '')));
    const [batched, execute] = settledBatch(sp);
    const crews = keys.map((key) =>
      batched.web.lists
        .getByTitle(SKILLS.title)
        .items.select(...SKILL_SELECT)
        .expand(SKILLS.fields.person, 'Editor')
        .filter(`${SKILLS.fields.crewKey} eq ${odataString(key)}`)
        .top(CREW_TOP)<Raw[]>()
    );
    const paths = keys.length === 0 ? Promise.resolve([] as Raw[]) : batched.web.lists.getByTitle(PATHS.title).items.select('ID', PATHS.fields.lapseDays).top(5000)<Raw[]>();
    const [, pathRows, ...crewRows] = await Promise.all([keys.length > 0 ? execute() : Promise.resolve(), paths, ...crews]);
    const skillRows = crewRows.flat();
    const countingSkills = countingRows(skillRows);
    const lapseDays = new Map<number, number>();
    pathRows.forEach((row) => {
      const days = row[PATHS.fields.lapseDays];
      lapseDays.set(Number(row.ID), typeof days === 'number' && days > 0 ? days : 0);
    });
    // A person in two crews read twice: their row once (by id).
    const seen = new Set<number>();
    const skills = countingSkills
      .filter((row) => (seen.has(Number(row.ID)) ? false : (seen.add(Number(row.ID)), true)))
      .map((row) => skillOf(row, lapseDays))
      .filter((skill): skill is StoredSkill => skill !== undefined);
    return { skills, skipped: skillRows.length - countingSkills.length };
  });
}
