/**
 * The demo plant's tables in the tenant database: people, Teams teams (one per crew) and their
 * members, Shifts schedules (shifts, time off, reasons, scheduling groups), Viva Learning course
 * activities and recorded Teams activity notifications. Graph objects are stored as the JSON
 * Graph returns, with the columns needed to query them.
 */
import type { Database } from '../server/db';
import type { Directory, EmploymentType, Person, PersonaRole } from './directory';

type Statement = ReturnType<Database['prepare']>;
const statements = new WeakMap<Database, Map<string, Statement>>();

/** A prepared statement, reused per database (seeding inserts ~12,000 rows). */
function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

export function ensurePlantTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS people (
      id TEXT PRIMARY KEY,
      sp_user_id INTEGER NOT NULL UNIQUE,
      login_name TEXT NOT NULL,
      upn TEXT NOT NULL,
      mail TEXT NOT NULL,
      display_name TEXT NOT NULL,
      given_name TEXT NOT NULL,
      surname TEXT NOT NULL,
      job_title TEXT NOT NULL,
      department TEXT NOT NULL,
      office_location TEXT NOT NULL,
      employee_type TEXT NOT NULL,
      preferred_language TEXT NOT NULL,
      hire_date TEXT NOT NULL,
      manager_id TEXT,
      role TEXT NOT NULL,
      site_code TEXT NOT NULL,
      line_code TEXT,
      crew_key TEXT,
      is_site_owner INTEGER NOT NULL DEFAULT 0,
      is_hr INTEGER NOT NULL DEFAULT 0,
      is_app INTEGER NOT NULL DEFAULT 0,
      has_photo INTEGER NOT NULL DEFAULT 0,
      mobile_phone TEXT,
      business_phones TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE IF NOT EXISTS teams (
      id TEXT PRIMARY KEY,
      crew_key TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      description TEXT NOT NULL,
      site_code TEXT NOT NULL,
      line_code TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      pattern TEXT NOT NULL,
      created TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS team_members (
      team_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      role TEXT NOT NULL,
      PRIMARY KEY (team_id, person_id)
    );
    CREATE INDEX IF NOT EXISTS team_members_person ON team_members (person_id);
    CREATE TABLE IF NOT EXISTS scheduling_groups (id TEXT PRIMARY KEY, team_id TEXT NOT NULL, json TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS time_off_reasons (id TEXT PRIMARY KEY, team_id TEXT NOT NULL, json TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS shifts (
      id TEXT PRIMARY KEY, team_id TEXT NOT NULL, user_id TEXT NOT NULL,
      start_utc TEXT NOT NULL, end_utc TEXT NOT NULL, json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS shifts_team_start ON shifts (team_id, start_utc);
    CREATE INDEX IF NOT EXISTS shifts_user_start ON shifts (user_id, start_utc);
    CREATE TABLE IF NOT EXISTS time_off (
      id TEXT PRIMARY KEY, team_id TEXT NOT NULL, user_id TEXT NOT NULL,
      start_utc TEXT NOT NULL, end_utc TEXT NOT NULL, json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS time_off_team_start ON time_off (team_id, start_utc);
    CREATE INDEX IF NOT EXISTS time_off_user_start ON time_off (user_id, start_utc);
    CREATE TABLE IF NOT EXISTS learning_course_activities (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, json TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS learning_course_activities_user ON learning_course_activities (user_id);
    CREATE TABLE IF NOT EXISTS notifications (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      sender_id TEXT NOT NULL,
      recipient_id TEXT NOT NULL,
      created TEXT NOT NULL,
      json TEXT NOT NULL
    );
  `);
}

interface PersonRow {
  id: string;
  sp_user_id: number;
  login_name: string;
  upn: string;
  mail: string;
  display_name: string;
  given_name: string;
  surname: string;
  job_title: string;
  department: string;
  office_location: string;
  employee_type: string;
  preferred_language: string;
  hire_date: string;
  manager_id: string | null;
  role: string;
  site_code: string;
  line_code: string | null;
  crew_key: string | null;
  is_site_owner: number;
  is_hr: number;
  is_app: number;
  has_photo: number;
  mobile_phone: string | null;
  business_phones: string;
}

function toPerson(row: PersonRow): Person {
  const phones = JSON.parse(row.business_phones) as unknown;
  return {
    id: row.id,
    spUserId: row.sp_user_id,
    loginName: row.login_name,
    userPrincipalName: row.upn,
    mail: row.mail,
    displayName: row.display_name,
    givenName: row.given_name,
    surname: row.surname,
    jobTitle: row.job_title,
    department: row.department,
    officeLocation: row.office_location,
    employeeType: row.employee_type as EmploymentType,
    preferredLanguage: row.preferred_language,
    employeeHireDate: row.hire_date,
    managerId: row.manager_id ?? undefined,
    role: row.role as PersonaRole,
    siteCode: row.site_code,
    lineCode: row.line_code ?? undefined,
    crewKey: row.crew_key ?? undefined,
    isSiteOwner: row.is_site_owner === 1,
    isHr: row.is_hr === 1,
    mobilePhone: row.mobile_phone ?? undefined,
    businessPhones: Array.isArray(phones) ? phones.filter((p): p is string => typeof p === 'string') : [],
    hasPhoto: row.has_photo === 1,
    isApp: row.is_app === 1 ? true : undefined
  };
}

export function insertPerson(db: Database, person: Person): void {
  prepared(
    db,
    `INSERT INTO people (id, sp_user_id, login_name, upn, mail, display_name, given_name, surname, job_title,
       department, office_location, employee_type, preferred_language, hire_date, manager_id, role, site_code,
       line_code, crew_key, is_site_owner, is_hr, is_app, has_photo, mobile_phone, business_phones)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    person.id,
    person.spUserId,
    person.loginName,
    person.userPrincipalName,
    person.mail,
    person.displayName,
    person.givenName,
    person.surname,
    person.jobTitle,
    person.department,
    person.officeLocation,
    person.employeeType,
    person.preferredLanguage,
    person.employeeHireDate,
    person.managerId ?? null,
    person.role,
    person.siteCode,
    person.lineCode ?? null,
    person.crewKey ?? null,
    person.isSiteOwner ? 1 : 0,
    person.isHr ? 1 : 0,
    person.isApp ? 1 : 0,
    person.hasPhoto ? 1 : 0,
    person.mobilePhone ?? null,
    JSON.stringify(person.businessPhones ?? [])
  );
}

/** The default persona: Åsa Bäckström, operator in the Göteborg weld crew A (fixed in every seed). */
export const DEFAULT_PERSONA_UPN = 'asa.backstrom@contoso-plant.example';

/**
 * Who a request is signed in as when the tenant has no people (started without demo data):
 * SharePoint's system account, so requests still resolve a user. Not listed by `all()`.
 */
const EMPTY_TENANT_USER: Person = {
  id: '00000000-0000-0000-0000-000000000001',
  spUserId: 1073741823,
  loginName: 'SHAREPOINT\\system',
  userPrincipalName: '',
  mail: '',
  displayName: 'System Account',
  givenName: '',
  surname: '',
  jobTitle: '',
  department: '',
  officeLocation: '',
  employeeType: 'Employee',
  preferredLanguage: 'en-GB',
  employeeHireDate: '2026-01-01',
  role: 'siteAdmin',
  siteCode: 'GOT',
  isSiteOwner: true,
  isHr: false,
  isApp: true
};

/** Reads the people once; the directory does not change while the tenant runs. */
export function readDirectory(db: Database): Directory {
  const rows = db.prepare('SELECT * FROM people ORDER BY sp_user_id').all() as unknown as PersonRow[];
  const people = rows.map(toPerson);
  const byId = new Map<string, Person>();
  const bySpUserId = new Map<number, Person>();
  const byLogin = new Map<string, Person>();
  for (const person of people) {
    byId.set(person.id.toLowerCase(), person);
    bySpUserId.set(person.spUserId, person);
    for (const login of [person.loginName, person.userPrincipalName, person.mail]) {
      if (login) {
        byLogin.set(login.toLowerCase(), person);
      }
    }
  }
  return {
    all: () => people,
    byId: (id) => byId.get(id.toLowerCase()),
    bySpUserId: (id) => bySpUserId.get(id),
    byLogin: (login) => {
      const key = login.trim().toLowerCase();
      return key ? byLogin.get(key) : undefined;
    },
    defaultPersona: () =>
      byLogin.get(DEFAULT_PERSONA_UPN) ?? people.find((p) => p.role === 'operator' && !p.isApp) ?? EMPTY_TENANT_USER
  };
}

export interface TeamRecord {
  readonly id: string;
  readonly crewKey: string;
  readonly displayName: string;
  readonly description: string;
  readonly siteCode: string;
  readonly lineCode: string;
  readonly timeZone: string;
  readonly pattern: string;
  readonly created: string;
}

export interface TeamMemberRecord {
  readonly teamId: string;
  readonly personId: string;
  readonly role: 'owner' | 'member';
}

/** A stored Graph object with the columns it is queried by. */
export interface ScheduleRecord {
  readonly id: string;
  readonly teamId: string;
  readonly userId: string;
  readonly startUtc: string;
  readonly endUtc: string;
  readonly json: Readonly<Record<string, unknown>>;
}

export interface NotificationRecord {
  readonly id: number;
  readonly senderId: string;
  readonly recipientId: string;
  readonly created: string;
  readonly json: Readonly<Record<string, unknown>>;
}

function parseObject(text: string): Record<string, unknown> {
  const value = JSON.parse(text) as unknown;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

interface TeamRow {
  id: string;
  crew_key: string;
  display_name: string;
  description: string;
  site_code: string;
  line_code: string;
  time_zone: string;
  pattern: string;
  created: string;
}

function toTeam(row: TeamRow): TeamRecord {
  return {
    id: row.id,
    crewKey: row.crew_key,
    displayName: row.display_name,
    description: row.description,
    siteCode: row.site_code,
    lineCode: row.line_code,
    timeZone: row.time_zone,
    pattern: row.pattern,
    created: row.created
  };
}

interface ScheduleRow {
  id: string;
  team_id: string;
  user_id: string;
  start_utc: string;
  end_utc: string;
  json: string;
}

function toSchedule(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    userId: row.user_id,
    startUtc: row.start_utc,
    endUtc: row.end_utc,
    json: parseObject(row.json)
  };
}

export function insertTeam(db: Database, team: TeamRecord): void {
  prepared(
    db,
    `INSERT INTO teams (id, crew_key, display_name, description, site_code, line_code, time_zone, pattern, created)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    team.id,
    team.crewKey,
    team.displayName,
    team.description,
    team.siteCode,
    team.lineCode,
    team.timeZone,
    team.pattern,
    team.created
  );
}

export function insertTeamMember(db: Database, member: TeamMemberRecord): void {
  prepared(db, 'INSERT OR REPLACE INTO team_members (team_id, person_id, role) VALUES (?, ?, ?)').run(
    member.teamId,
    member.personId,
    member.role
  );
}

export type ScheduleTable = 'shifts' | 'time_off';

export function insertScheduleRecord(db: Database, table: ScheduleTable, record: ScheduleRecord): void {
  prepared(db, `INSERT INTO ${table} (id, team_id, user_id, start_utc, end_utc, json) VALUES (?, ?, ?, ?, ?, ?)`).run(
    record.id,
    record.teamId,
    record.userId,
    record.startUtc,
    record.endUtc,
    JSON.stringify(record.json)
  );
}

export type TeamObjectTable = 'scheduling_groups' | 'time_off_reasons';

export function insertTeamObject(db: Database, table: TeamObjectTable, teamId: string, json: Record<string, unknown>): void {
  prepared(db, `INSERT INTO ${table} (id, team_id, json) VALUES (?, ?, ?)`).run(String(json.id), teamId, JSON.stringify(json));
}

export function insertCourseActivity(db: Database, userId: string, json: Record<string, unknown>): void {
  prepared(db, 'INSERT INTO learning_course_activities (id, user_id, json) VALUES (?, ?, ?)').run(
    String(json.id),
    userId,
    JSON.stringify(json)
  );
}

/** Typed queries over the plant tables, for the Graph stand-in and the workbench. */
export interface PlantData {
  teams(): TeamRecord[];
  team(id: string): TeamRecord | undefined;
  teamByCrewKey(crewKey: string): TeamRecord | undefined;
  teamsOf(personId: string): TeamRecord[];
  members(teamId: string): TeamMemberRecord[];
  isMember(teamId: string, personId: string): boolean;
  shifts(teamId: string): ScheduleRecord[];
  shiftsOfUser(personId: string): ScheduleRecord[];
  timesOff(teamId: string): ScheduleRecord[];
  timesOffOfUser(personId: string): ScheduleRecord[];
  teamObjects(table: TeamObjectTable, teamId: string): Array<Record<string, unknown>>;
  courseActivities(personId: string): Array<Record<string, unknown>>;
  addNotification(senderId: string, recipientId: string, created: string, json: Record<string, unknown>): number;
  notifications(): NotificationRecord[];
  clearNotifications(): number;
}

export function createPlantData(db: Database): PlantData {
  const schedules = (table: ScheduleTable, column: 'team_id' | 'user_id', value: string): ScheduleRecord[] =>
    (
      db
        .prepare(`SELECT * FROM ${table} WHERE ${column} = ? ORDER BY start_utc, id`)
        .all(value) as unknown as ScheduleRow[]
    ).map(toSchedule);
  return {
    teams: () => (db.prepare('SELECT * FROM teams ORDER BY crew_key').all() as unknown as TeamRow[]).map(toTeam),
    team: (id) => {
      const row = db.prepare('SELECT * FROM teams WHERE id = ? COLLATE NOCASE').get(id) as unknown as TeamRow | undefined;
      return row ? toTeam(row) : undefined;
    },
    teamByCrewKey: (crewKey) => {
      const row = db.prepare('SELECT * FROM teams WHERE crew_key = ?').get(crewKey) as unknown as TeamRow | undefined;
      return row ? toTeam(row) : undefined;
    },
    teamsOf: (personId) =>
      (
        db
          .prepare(
            `SELECT teams.* FROM teams JOIN team_members ON team_members.team_id = teams.id
             WHERE team_members.person_id = ? ORDER BY teams.crew_key`
          )
          .all(personId) as unknown as TeamRow[]
      ).map(toTeam),
    members: (teamId) =>
      (
        db.prepare('SELECT team_id, person_id, role FROM team_members WHERE team_id = ?').all(teamId) as unknown as Array<{
          team_id: string;
          person_id: string;
          role: string;
        }>
      ).map((row) => ({ teamId: row.team_id, personId: row.person_id, role: row.role === 'owner' ? 'owner' : 'member' })),
    isMember: (teamId, personId) =>
      db.prepare('SELECT 1 AS found FROM team_members WHERE team_id = ? AND person_id = ?').get(teamId, personId) !== undefined,
    shifts: (teamId) => schedules('shifts', 'team_id', teamId),
    shiftsOfUser: (personId) => schedules('shifts', 'user_id', personId),
    timesOff: (teamId) => schedules('time_off', 'team_id', teamId),
    timesOffOfUser: (personId) => schedules('time_off', 'user_id', personId),
    teamObjects: (table, teamId) =>
      (db.prepare(`SELECT json FROM ${table} WHERE team_id = ? ORDER BY id`).all(teamId) as unknown as Array<{ json: string }>).map(
        (row) => parseObject(row.json)
      ),
    courseActivities: (personId) =>
      (
        db
          .prepare('SELECT json FROM learning_course_activities WHERE user_id = ? ORDER BY id')
          .all(personId) as unknown as Array<{ json: string }>
      ).map((row) => parseObject(row.json)),
    addNotification: (senderId, recipientId, created, json) => {
      const result = db
        .prepare('INSERT INTO notifications (sender_id, recipient_id, created, json) VALUES (?, ?, ?, ?)')
        .run(senderId, recipientId, created, JSON.stringify(json));
      return Number(result.lastInsertRowid);
    },
    notifications: () =>
      (
        db.prepare('SELECT * FROM notifications ORDER BY id').all() as unknown as Array<{
          id: number;
          sender_id: string;
          recipient_id: string;
          created: string;
          json: string;
        }>
      ).map((row) => ({
        id: row.id,
        senderId: row.sender_id,
        recipientId: row.recipient_id,
        created: row.created,
        json: parseObject(row.json)
      })),
    clearNotifications: () => Number(db.prepare('DELETE FROM notifications').run().changes)
  };
}
