/**
 * The learning timer's roster steps over real HTTP against the local tenant (`POST
 * /relay/learning-timer`): a person moved to another crew keeps what they did and their rows
 * (SE_Assignments, SE_Progress, SE_Skills) follow them to the new crew, so the new leader's
 * matrix read (`readCrewSkills`, SE_Skills by `CrewKey`) shows their levels; a row HR changed by
 * hand stays HR's; a second run writes nothing. A Shifts activity at a station moves the level's
 * `LastPractisedAt` forward; an older one does not move it back. The rules are
 * `src/core/learning/assignment.test.ts` and `rosterPractice.test.ts`.
 *
 * The crew move is made in the tenant's roster (its database, as a planner moving someone in
 * Teams Shifts would): the person's coming shifts go to another team of their site, the shifts
 * they worked stay with the old one, so the rows follow them from the day they move.
 */
import { movableClock, type MovableClock } from '../../local/server/admin';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { createPlantData, insertScheduleRecord, insertTeam, insertTeamMember } from '../../local/tenant/store';
import { readCrewSkills } from '../../src/connectors/sharepoint/learning/skillsReader';
import { LISTS } from '../../src/core/schema/lists';
import { relayPrincipal } from '../support/permissionMatrix';
import { findPerson, persona, spAs, spAsApp, startTestTenant } from '../support/tenant';

// A run reads the demo plant's roster and its learning lists whole.
jest.setTimeout(120_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Tuesday 10 March 2026, 09:00 UTC. */
const START = new Date('2026-03-10T09:00:00Z');

type Row = Record<string, unknown>;

interface StepReport {
  readonly status: string;
  readonly moved?: string[];
  readonly practised?: string[];
  readonly handWritten: string[];
}

interface TimerRun {
  readonly status: string;
  readonly crewMoves: StepReport;
  readonly practice: StepReport;
}

describe('the learning timer follows the roster', () => {
  let tenant: RunningTenant;
  let clock: MovableClock;
  let relayId: number;

  beforeAll(async () => {
    clock = movableClock(START);
    tenant = await startTestTenant({ now: clock });
    relayId = relayPrincipal(tenant).spUserId;
    // Whatever the demo plant's rows need is settled first.
    await timerRun();
  });

  afterAll(async () => tenant?.close());

  /** One run of the learning timer, an hour after the last (a run reads the roster anew). */
  async function timerRun(): Promise<TimerRun> {
    clock.moveBy(HOUR);
    const response = await fetch(`${tenant.origin}/relay/learning-timer`, { method: 'POST', body: '' });
    expect(response.status).toBe(200);
    return (await response.json()) as TimerRun;
  }

  const plant = (): ReturnType<typeof createPlantData> => createPlantData(tenant.context.db);

  /** An operator on a crew, with shifts in the fortnight around now, each test its own. */
  const taken = new Set<string>();
  function rosteredOperator(): { person: Person; teamId: string } {
    const now = clock().getTime();
    const person = findPerson(
      tenant,
      (p) =>
        p.role === 'operator' &&
        !p.isApp &&
        p.crewKey !== undefined &&
        !taken.has(p.id) &&
        plant()
          .shiftsOfUser(p.id)
          .filter((s) => Math.abs(Date.parse(s.startUtc) - now) < 6 * DAY).length >= 4
    );
    taken.add(person.id);
    const team = plant().teamByCrewKey(person.crewKey as string);
    return { person, teamId: team?.id as string };
  }

  async function app(): Promise<ReturnType<typeof spAs>> {
    return spAsApp(tenant);
  }

  /** Adds a row as the relay; its id. */
  async function relayRow(list: string, values: Row): Promise<number> {
    const added = await (await app()).web.lists.getByTitle(list).items.add(values);
    return Number((added as { Id?: number; ID?: number }).Id ?? (added as { ID?: number }).ID);
  }

  const COLUMNS: Record<string, string[]> = {
    [LISTS.assignments.title]: ['AssignmentKey'],
    [LISTS.progress.title]: ['ProgressKey', 'Status'],
    [LISTS.skills.title]: ['SkillKey', 'Station', 'Level', 'LastPractisedAt']
  };

  async function rowsOf(list: string, column: string, person: Person): Promise<Row[]> {
    return (await app()).web.lists
      .getByTitle(list)
      .items.select('ID', 'CrewKey', 'EditorId', ...COLUMNS[list])
      .filter(`${column}Id eq ${person.spUserId}`)
      .top(5000)<Row[]>();
  }

  /** The person's rows in the three lists. */
  async function learningRows(person: Person): Promise<Row[]> {
    return [
      ...(await rowsOf(LISTS.assignments.title, 'Learner', person)),
      ...(await rowsOf(LISTS.progress.title, 'Learner', person)),
      ...(await rowsOf(LISTS.skills.title, 'Person', person))
    ];
  }

  /**
   * Moves the person to crew `to` from now on, as the planner does in Shifts: their coming shifts
   * go to the new team (they join it); the shifts they worked stay in the old team's schedule.
   */
  function moveInRoster(person: Person, from: string, to: string): void {
    const db = tenant.context.db;
    db.prepare('UPDATE shifts SET team_id = ? WHERE team_id = ? AND user_id = ? AND end_utc > ?').run(to, from, person.id, clock().toISOString());
    insertTeamMember(db, { teamId: to, personId: person.id, role: 'member' });
  }

  /** A published shift of `person` on `teamId` with an activity at `station`. */
  function stationShift(person: Person, teamId: string, station: string, start: Date, hours: number): Date {
    const end = new Date(start.getTime() + hours * HOUR);
    const id = `SHFT_practice_${person.id}_${start.getTime()}`;
    insertScheduleRecord(tenant.context.db, 'shifts', {
      id,
      teamId,
      userId: person.id,
      startUtc: start.toISOString(),
      endUtc: end.toISOString(),
      json: {
        id,
        userId: person.id,
        isStagedForDeletion: false,
        draftShift: null,
        sharedShift: {
          displayName: 'Morning',
          startDateTime: start.toISOString(),
          endDateTime: end.toISOString(),
          notes: 'Press line 1',
          theme: 'yellow',
          activities: [{ code: station, displayName: station, isPaid: true, theme: 'yellow', startDateTime: start.toISOString(), endDateTime: end.toISOString() }]
        }
      }
    });
    return end;
  }

  it("moves a person's assignments, progress and levels to their new crew, leaves HR's row, and a second run writes nothing", async () => {
    const { person, teamId: oldTeam } = rosteredOperator();
    const newTeam = plant()
      .teams()
      .find((team) => team.siteCode === person.siteCode && team.id !== oldTeam)?.id as string;
    const key = (suffix: string): string => `${suffix}:${person.spUserId}`;
    await relayRow(LISTS.assignments.title, { Title: key('9001'), AssignmentKey: key('9001'), LearnerId: person.spUserId, PathId: 1, Reason: 'qualification', AssignedVia: 'person', CrewKey: oldTeam });
    await relayRow(LISTS.progress.title, { Title: key('9002'), ProgressKey: key('9002'), LearnerId: person.spUserId, PathId: 1, StepId: 9002, Status: 'completed', CrewKey: oldTeam });
    const station = `GOT-MOVE-${person.spUserId}`;
    await relayRow(LISTS.skills.title, { Title: `Station ${station}`, SkillKey: key(station), PersonId: person.spUserId, Station: station, Level: 'U', CrewKey: oldTeam, AssessedAt: new Date(clock().getTime() - 30 * DAY).toISOString() });
    // HR corrected one level by hand: it is HR's.
    const hrStation = `GOT-HR-${person.spUserId}`;
    const hrRow = await relayRow(LISTS.skills.title, { Title: `Station ${hrStation}`, SkillKey: key(hrStation), PersonId: person.spUserId, Station: hrStation, Level: 'L', CrewKey: oldTeam });
    await spAs(tenant, persona(tenant, 'hr')).web.lists.getByTitle(LISTS.skills.title).items.getById(hrRow).update({ Level: 'U' });

    // Not moved yet: the run changes nothing of theirs.
    const before = await timerRun();
    expect(before.crewMoves.status).toBe('done');
    expect(before.crewMoves.moved?.filter((k) => k.endsWith(`:${person.spUserId}`))).toEqual([]);

    moveInRoster(person, oldTeam, newTeam);
    const moved = await timerRun();
    expect(moved.crewMoves.status).toBe('done');
    expect(moved.crewMoves.moved).toEqual(expect.arrayContaining([key('9001'), key('9002'), key(station)]));
    expect(moved.crewMoves.handWritten).toContain(key(hrStation));

    const rows = await learningRows(person);
    const hr = rows.filter((row) => row.SkillKey === key(hrStation));
    const relays = rows.filter((row) => row.SkillKey !== key(hrStation));
    expect(relays.length).toBeGreaterThanOrEqual(3);
    // Every row the relay keeps is under the new crew now, written by the relay; HR's stays.
    relays.forEach((row) => expect(row).toMatchObject({ CrewKey: newTeam, EditorId: relayId }));
    expect(hr).toEqual([expect.objectContaining({ CrewKey: oldTeam, Level: 'U' })]);
    expect(rows.find((row) => row.ProgressKey === key('9002'))).toMatchObject({ CrewKey: newTeam });

    // The new leader's matrix shows their level; the old crew's no longer does.
    const leader = tenant.context.directory.all().find((p) => plant().members(newTeam).some((m) => m.personId === p.id && m.role === 'owner') && !p.isApp) as Person;
    const matrix = await readCrewSkills(spAs(tenant, leader), [newTeam]);
    expect(matrix.skills.filter((s) => s.personId === person.spUserId).map((s) => [s.station, s.level])).toContainEqual([station, 'U']);
    const old = await readCrewSkills(spAs(tenant, leader), [oldTeam]);
    expect(old.skills.filter((s) => s.personId === person.spUserId && s.station === station)).toEqual([]);

    const again = await timerRun();
    expect(again.crewMoves).toMatchObject({ status: 'done', moved: [] });
    expect(await learningRows(person)).toEqual(rows);
  });

  it('moves LastPractisedAt forward from a rostered activity at the station, never back', async () => {
    const { person, teamId } = rosteredOperator();
    const now = clock().getTime();
    const forward = `GOT-PRACTICE-${person.spUserId}`;
    const back = `GOT-LATER-${person.spUserId}`;
    const earlier = new Date(now - 20 * DAY).toISOString();
    const later = new Date(now - 1 * DAY).toISOString();
    await relayRow(LISTS.skills.title, { Title: `Station ${forward}`, SkillKey: `${forward}:${person.spUserId}`, PersonId: person.spUserId, Station: forward, Level: 'U', CrewKey: teamId, AssessedAt: earlier, LastPractisedAt: earlier });
    await relayRow(LISTS.skills.title, { Title: `Station ${back}`, SkillKey: `${back}:${person.spUserId}`, PersonId: person.spUserId, Station: back, Level: 'U', CrewKey: teamId, AssessedAt: earlier, LastPractisedAt: later });
    // Worked both stations three days ago, four hours each.
    const ended = stationShift(person, teamId, forward, new Date(now - 3 * DAY), 4);
    stationShift(person, teamId, back, new Date(now - 3 * DAY + 4 * HOUR), 4);

    const run = await timerRun();
    expect(run.practice.status).toBe('done');
    expect(run.practice.practised).toEqual([`${forward}:${person.spUserId}`]);
    const skills = await rowsOf(LISTS.skills.title, 'Person', person);
    const of = (station: string): Row | undefined => skills.find((row) => row.Station === station);
    expect(Date.parse(String(of(forward)?.LastPractisedAt))).toBe(ended.getTime());
    // The older shift does not move a later practice back.
    expect(Date.parse(String(of(back)?.LastPractisedAt))).toBe(Date.parse(later));

    const again = await timerRun();
    expect(again.practice).toMatchObject({ status: 'done', practised: [] });
    expect(await rowsOf(LISTS.skills.title, 'Person', person)).toEqual(skills);
  });

  it('counts practice only in the crew the level is kept under: a colleague’s own team rostering the person keeps no level alive', async () => {
    const { person, teamId } = rosteredOperator();
    const now = clock().getTime();
    const station = `GOT-OWNTEAM-${person.spUserId}`;
    const earlier = new Date(now - 20 * DAY).toISOString();
    await relayRow(LISTS.skills.title, { Title: `Station ${station}`, SkillKey: `${station}:${person.spUserId}`, PersonId: person.spUserId, Station: station, Level: 'U', CrewKey: teamId, AssessedAt: earlier, LastPractisedAt: earlier });
    // Anyone can make a Teams team, add a colleague and roster them: one short shift at the station.
    const ownTeam = `own-team-${person.spUserId}`;
    insertTeam(tenant.context.db, { id: ownTeam, crewKey: ownTeam, displayName: 'Made by a colleague', description: '', siteCode: 'GOT', lineCode: 'GOT-PRESS1', timeZone: 'Europe/Stockholm', pattern: 'weekdays', created: earlier });
    insertTeamMember(tenant.context.db, { teamId: ownTeam, personId: person.id, role: 'member' });
    stationShift(person, ownTeam, station, new Date(now - 3 * HOUR), 2);

    const run = await timerRun();
    expect(run.practice.practised).not.toContain(`${station}:${person.spUserId}`);
    const [row] = (await rowsOf(LISTS.skills.title, 'Person', person)).filter((r) => r.Station === station);
    expect(Date.parse(String(row.LastPractisedAt))).toBe(Date.parse(earlier));
  });

  it('without Schedule.Read.All moves and records nothing, says so, and still renews', async () => {
    const { person, teamId } = rosteredOperator();
    const newTeam = plant()
      .teams()
      .find((team) => team.siteCode === person.siteCode && team.id !== teamId)?.id as string;
    const key = `9101:${person.spUserId}`;
    await relayRow(LISTS.assignments.title, { Title: key, AssignmentKey: key, LearnerId: person.spUserId, PathId: 1, Reason: 'qualification', AssignedVia: 'person', CrewKey: teamId });
    moveInRoster(person, teamId, newTeam);
    await fetch(`${tenant.origin}/_local/app-permissions`, { method: 'POST', body: JSON.stringify({ notGranted: ['Schedule.Read.All'] }) });
    try {
      const refused = await timerRun();
      expect(refused.crewMoves).toMatchObject({ status: 'notGranted', moved: [] });
      expect(refused.practice).toMatchObject({ status: 'notGranted', practised: [] });
      expect((refused.crewMoves as { message?: string }).message).toContain('Schedule.Read.All');
      expect(refused.status).toBe('done');
      expect((await rowsOf(LISTS.assignments.title, 'Learner', person)).find((row) => row.AssignmentKey === key)).toMatchObject({ CrewKey: teamId });
    } finally {
      await fetch(`${tenant.origin}/_local/app-permissions`, { method: 'POST', body: JSON.stringify({ notGranted: [] }) });
    }
    const granted = await timerRun();
    expect(granted.crewMoves.moved).toContain(key);
  });
});
