// The demo plant: people, crews (Teams), rosters (Shifts), Viva Learning activity and history.
import * as fs from 'fs';
import * as path from 'path';

import { parseElements } from '../../src/core/schema/listSchema';
import type { TenantContext } from '../server/context';
import { Database, transaction } from '../server/db';
import { courseActivitiesFor } from './courses';
import type { Directory, Person } from './directory';
import { createHistoryContext } from './history/common';
import { seedLearning } from './history/learning';
import { QuestionInfo, seedPulse } from './history/pulse';
import { seedRecognitions } from './history/recognitions';
import { seedRelayTenantProperty, seedSettings } from './history/settings';
import { generatePeople, relayAccount } from './people';
import { createRandom } from './random';
import { generateRosters } from './rosters';
import {
  ensurePlantTables,
  insertCourseActivity,
  insertPerson,
  insertScheduleRecord,
  insertTeam,
  insertTeamMember,
  insertTeamObject,
  readDirectory
} from './store';

export { personas, PERSONA_KEYS } from './personas';
export type { PersonaKey, PersonaChoice } from './personas';
export { createPlantData } from './store';
export type { PlantData, TeamRecord, ScheduleRecord, NotificationRecord } from './store';
export { RELAY, TENANT_ID, SITES, LINES, CREWS } from './plantModel';

export interface SeedOptions {
  readonly seed: number;
  readonly today: Date;
}

const PLANT_TABLES = [
  'people',
  'teams',
  'team_members',
  'scheduling_groups',
  'time_off_reasons',
  'shifts',
  'time_off',
  'learning_course_activities',
  'notifications'
];

/** Creates the directory and roster tables if they do not exist. */
export function ensureDirectorySchema(db: Database): void {
  ensurePlantTables(db);
}

/**
 * Seeds people, crews (Teams), rosters, time off and learning activity. Deterministic from the
 * seed (and `today`, which places the eight roster weeks and the anniversaries). Replaces any
 * earlier plant data, all in one transaction.
 */
export function seedPlant(db: Database, options: SeedOptions): void {
  ensurePlantTables(db);
  const plant = generatePeople(options.seed, options.today);
  const rosters = generateRosters(options.seed, options.today, plant);
  transaction(db, () => {
    for (const table of PLANT_TABLES) {
      db.exec(`DELETE FROM ${table}`);
    }
    insertPerson(db, relayAccount());
    for (const person of plant.people) {
      insertPerson(db, person);
    }
    for (const team of rosters.teams) {
      insertTeam(db, team);
    }
    for (const member of rosters.members) {
      insertTeamMember(db, member);
    }
    for (const group of rosters.schedulingGroups) {
      insertTeamObject(db, 'scheduling_groups', group.teamId, group.json);
    }
    for (const reason of rosters.timeOffReasons) {
      insertTeamObject(db, 'time_off_reasons', reason.teamId, reason.json);
    }
    for (const shift of rosters.shifts) {
      insertScheduleRecord(db, 'shifts', shift);
    }
    for (const timeOff of rosters.timesOff) {
      insertScheduleRecord(db, 'time_off', timeOff);
    }
    for (const person of plant.people) {
      for (const activity of courseActivitiesFor(options.seed, options.today, person)) {
        insertCourseActivity(db, person.id, activity);
      }
    }
  });
}

/** Reads the people from the database (once: the directory does not change while running). */
export function createDirectory(db: Database): Directory {
  return readDirectory(db);
}

function readProvisionedRows(repoRoot: string): { valueKeys: string[]; questions: QuestionInfo[] } {
  const xml = fs.readFileSync(path.join(repoRoot, 'sharepoint', 'assets', 'elements.xml'), 'utf8');
  const manifest = parseElements(xml);
  const rowsOf = (title: string): ReadonlyArray<Readonly<Record<string, string>>> =>
    manifest.listInstances.find((list) => list.title === title)?.rows ?? [];
  const valueKeys = rowsOf('SE_Values')
    .filter((row) => row.IsActive !== '0')
    .map((row) => row.ValueKey)
    .filter((key): key is string => typeof key === 'string' && key.length > 0);
  const questions = rowsOf('SE_Questions')
    .filter((row) => row.IsActive !== '0' && row.QuestionKey)
    .map((row) => ({ key: row.QuestionKey, kind: row.Kind ?? 'likert5', driver: row.Driver ?? 'engagement' }));
  if (valueKeys.length === 0) {
    throw new Error('elements.xml provisions no SE_Values rows: the seed needs value keys.');
  }
  return { valueKeys, questions };
}

/**
 * Writes the plant map setting (SE_Settings `plant`) and some history for every feature into
 * the SharePoint lists (recognitions, reactions, reports, preferences, learning paths and
 * progress, skills, pulse rounds, answers through the relay, comments, action plans), through
 * `context.sp.addItem`.
 */
export function seedHistory(context: TenantContext, options: SeedOptions): void {
  const { valueKeys, questions } = readProvisionedRows(context.repoRoot);
  const rng = createRandom(options.seed);
  const area = (name: string): ReturnType<typeof createHistoryContext> =>
    createHistoryContext(context.sp, context.directory, rng.fork(`history:${name}`), options.today, context.siteUrlPath);
  const write = (): void => {
    seedSettings(area('settings'));
    seedRelayTenantProperty(context.db);
    seedRecognitions(area('recognitions'), valueKeys);
    seedLearning(area('learning'));
    seedPulse(area('pulse'), questions);
  };
  // One transaction makes the ~3,000 writes fast on a file database; join one already open.
  if ((context.db as unknown as { isTransaction?: boolean }).isTransaction) {
    write();
  } else {
    transaction(context.db, write);
  }
}

/** People in site user id order, for tests and tools. */
export function plantPeople(directory: Directory): readonly Person[] {
  return directory.all().filter((person) => !person.isApp);
}
