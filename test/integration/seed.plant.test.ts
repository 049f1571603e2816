/**
 * The demo plant (local/tenant): deterministic from the seed, ~300 people with 10–20% agency
 * consultants, a leader for every crew, eight weeks of rosters in real UTC instants (night
 * shifts across midnight, DST changes), names that test every path, stable personas.
 */
import { Database, openDatabase } from '../../local/server/db';
import { createDirectory, createPlantData, ensureDirectorySchema, personas, PlantData, seedPlant } from '../../local/tenant';
import type { Directory, Person } from '../../local/tenant/directory';

// Four weeks back and ahead of this day include the end of summer time (Sunday 2026-10-25).
const TODAY = new Date('2026-10-20T09:00:00Z');
const SEED = 20261121;

interface Plant {
  readonly db: Database;
  readonly directory: Directory;
  readonly data: PlantData;
  readonly people: readonly Person[];
}

function plant(seed: number, today = TODAY): Plant {
  const db = openDatabase(undefined);
  ensureDirectorySchema(db);
  seedPlant(db, { seed, today });
  const directory = createDirectory(db);
  return { db, directory, data: createPlantData(db), people: directory.all().filter((p) => !p.isApp) };
}

interface ShiftJson {
  readonly id: string;
  readonly userId: string;
  readonly sharedShift: { readonly startDateTime: string; readonly endDateTime: string; readonly displayName: string; readonly theme: string };
}

function asShift(json: Readonly<Record<string, unknown>>): ShiftJson {
  return json as unknown as ShiftJson;
}

const hours = (shift: ShiftJson): number =>
  (Date.parse(shift.sharedShift.endDateTime) - Date.parse(shift.sharedShift.startDateTime)) / 3600000;

describe('the demo plant', () => {
  let a: Plant;
  let b: Plant;

  beforeAll(() => {
    a = plant(SEED);
    b = plant(SEED);
  });

  afterAll(() => {
    a.db.close();
    b.db.close();
  });

  it('is the same for the same seed: people, teams and rosters', () => {
    expect(b.people).toEqual(a.people);
    expect(b.data.teams()).toEqual(a.data.teams());
    const team = a.data.teams()[0];
    expect(b.data.shifts(team.id)).toEqual(a.data.shifts(team.id));
    expect(b.data.timesOff(team.id)).toEqual(a.data.timesOff(team.id));
  });

  it('differs for another seed, while the personas stay the same people', () => {
    const other = plant(SEED + 1);
    try {
      const names = (p: Plant): string[] => p.people.filter((x) => x.role === 'operator').map((x) => x.displayName);
      expect(names(other)).not.toEqual(names(a));
      const keyed = (p: Plant): Array<[string, string, number]> =>
        personas(p.directory).map((choice) => [choice.key, choice.person.userPrincipalName, choice.person.spUserId]);
      expect(keyed(other)).toEqual(keyed(a));
    } finally {
      other.db.close();
    }
  });

  it('has about 300 people, 10–20% of them agency consultants, in crews and roles', () => {
    expect(a.people.length).toBeGreaterThanOrEqual(280);
    expect(a.people.length).toBeLessThanOrEqual(320);
    const agency = a.people.filter((p) => p.employeeType === 'Agency');
    expect(agency.length / a.people.length).toBeGreaterThanOrEqual(0.1);
    expect(agency.length / a.people.length).toBeLessThanOrEqual(0.2);
    // Agency consultants are first-class: in crews, on shifts, and one of them leads a crew.
    expect(agency.every((p) => p.crewKey !== undefined)).toBe(true);
    expect(agency.some((p) => p.role === 'teamLeader')).toBe(true);
    expect(new Set(a.people.map((p) => p.siteCode))).toEqual(new Set(['GOT', 'EIN']));
    expect(a.people.filter((p) => p.isHr).length).toBeGreaterThanOrEqual(3);
    expect(a.people.filter((p) => p.isSiteOwner).length).toBeGreaterThanOrEqual(1);
    expect(a.people.filter((p) => p.role === 'manager').length).toBeGreaterThanOrEqual(3);
    const languages = new Set(a.people.map((p) => p.preferredLanguage));
    expect(languages).toEqual(new Set(['sv-SE', 'nl-NL', 'en-GB']));
  });

  it('gives every crew (one Teams team each) a leader who manages its members', () => {
    const teams = a.data.teams();
    expect(teams.length).toBeGreaterThanOrEqual(20);
    for (const team of teams) {
      const crew = a.people.filter((p) => p.crewKey === team.crewKey);
      const leaders = crew.filter((p) => p.role === 'teamLeader');
      expect(leaders).toHaveLength(1);
      const operators = crew.filter((p) => p.role === 'operator');
      expect(operators.length).toBeGreaterThanOrEqual(8);
      expect(operators.every((p) => p.managerId === leaders[0].id)).toBe(true);
      const members = new Set(a.data.members(team.id).map((m) => m.personId));
      expect(crew.every((p) => members.has(p.id))).toBe(true);
      expect(a.data.members(team.id).find((m) => m.personId === leaders[0].id)?.role).toBe('owner');
    }
  });

  it('has unique, ASCII-folded UPNs, claims logins and site user ids from 10 (the relay is 9)', () => {
    const upns = a.people.map((p) => p.userPrincipalName);
    expect(new Set(upns).size).toBe(upns.length);
    expect(upns.every((upn) => /^[a-z0-9.]+@contoso-plant\.example$/.test(upn))).toBe(true);
    expect(a.people.every((p) => p.loginName === `i:0#.f|membership|${p.userPrincipalName}`)).toBe(true);
    expect(Math.min(...a.people.map((p) => p.spUserId))).toBe(10);
    const relay = a.directory.bySpUserId(9);
    expect(relay?.isApp).toBe(true);
    expect(relay?.displayName).toBe('Shopfloor Engage relay');
    expect(a.directory.byLogin('ASA.BACKSTROM@contoso-plant.example')?.displayName).toBe('Åsa Bäckström');
  });

  it('has names with apostrophes, diacritics and Dutch prefixes', () => {
    const names = a.people.map((p) => p.displayName);
    expect(names).toContain("Seán O'Brien");
    expect(names).toContain('Jonas Ødegaard');
    expect(names).toContain("Marieke 't Hart");
    expect(names.some((n) => /[åäöÅÄÖ]/.test(n))).toBe(true);
    expect(names.some((n) => /Ü|ü/.test(n))).toBe(true);
    expect(a.people.some((p) => /^van (der |den )?/.test(p.surname))).toBe(true);
    expect(a.directory.byLogin('sean.obrien@contoso-plant.example')?.displayName).toBe("Seán O'Brien");
  });

  it('spreads hire dates, with some anniversaries close to today', () => {
    const years = new Set(a.people.map((p) => p.employeeHireDate.slice(0, 4)));
    expect(years.size).toBeGreaterThan(10);
    const near = a.people.filter((p) => {
      const hired = new Date(`${p.employeeHireDate}T00:00:00Z`);
      const anniversary = Date.UTC(TODAY.getUTCFullYear(), hired.getUTCMonth(), hired.getUTCDate());
      return hired.getUTCFullYear() < TODAY.getUTCFullYear() && Math.abs(anniversary - TODAY.getTime()) < 14 * 86400000;
    });
    expect(near.length).toBeGreaterThanOrEqual(5);
  });

  it('picks stable personas: an operator, an agency colleague in the same crew, their leader, HR and the site admin', () => {
    const chosen = personas(a.directory);
    const byKey = new Map(chosen.map((c) => [c.key, c.person]));
    expect(chosen.map((c) => c.key)).toEqual(['operator', 'agencyOperator', 'teamLeader', 'hr', 'siteAdmin']);
    const operator = byKey.get('operator');
    expect(operator).toBe(a.directory.defaultPersona());
    expect(operator?.siteCode).toBe('GOT');
    expect(operator?.role).toBe('operator');
    expect(byKey.get('agencyOperator')?.employeeType).toBe('Agency');
    expect(byKey.get('agencyOperator')?.crewKey).toBe(operator?.crewKey);
    expect(byKey.get('teamLeader')?.id).toBe(operator?.managerId);
    expect(byKey.get('hr')?.isHr).toBe(true);
    expect(byKey.get('siteAdmin')?.isSiteOwner).toBe(true);
  });

  it('rosters eight weeks around today, with night shifts that cross midnight', () => {
    const team = a.data.teamByCrewKey('GOT-WELD2-A');
    expect(team).toBeDefined();
    const shifts = a.data.shifts(team?.id ?? '').map((r) => asShift(r.json));
    const starts = shifts.map((s) => Date.parse(s.sharedShift.startDateTime));
    expect(Math.min(...starts)).toBeLessThan(TODAY.getTime() - 25 * 86400000);
    expect(Math.max(...starts)).toBeGreaterThan(TODAY.getTime() + 25 * 86400000);
    const nights = shifts.filter((s) => s.sharedShift.theme === 'darkPurple');
    expect(nights.length).toBeGreaterThan(0);
    for (const night of nights) {
      expect(night.sharedShift.startDateTime.slice(0, 10)).not.toBe(night.sharedShift.endDateTime.slice(0, 10));
    }
    // Rest days: in a 2-2-2-2 rotation a person works 6 days in 8.
    const asa = a.directory.defaultPersona();
    const own = shifts.filter((s) => s.userId === asa.id);
    expect(own.length).toBeGreaterThanOrEqual(38);
    expect(own.length).toBeLessThanOrEqual(44);
  });

  it('turns local shift times into DST-correct UTC instants', () => {
    const got = a.data.teams().filter((t) => t.siteCode === 'GOT' && t.pattern === 'continuous');
    const all = got.flatMap((t) => a.data.shifts(t.id).map((r) => asShift(r.json)));
    const starting = (iso: string): ShiftJson[] => all.filter((s) => s.sharedShift.startDateTime === iso);
    // Summer time (UTC+2): 06:00 local is 04:00Z; winter time (UTC+1): 05:00Z.
    expect(starting('2026-10-23T04:00:00Z').length).toBeGreaterThan(0);
    expect(starting('2026-10-27T05:00:00Z').length).toBeGreaterThan(0);
    expect(starting('2026-10-27T04:00:00Z')).toHaveLength(0);
    // The night of 24–25 October lasts nine hours: 22:00 CEST to 06:00 CET.
    const longNight = starting('2026-10-24T20:00:00Z');
    expect(longNight.length).toBeGreaterThan(0);
    expect(longNight.every((s) => s.sharedShift.endDateTime === '2026-10-25T05:00:00Z' && hours(s) === 9)).toBe(true);
    // Everything else is eight hours.
    expect(all.filter((s) => hours(s) !== 8).every((s) => s.sharedShift.startDateTime === '2026-10-24T20:00:00Z')).toBe(true);
    // Eindhoven (Europe/Amsterdam) changes on the same night.
    const ein = a.data.teams().find((t) => t.crewKey.startsWith('EIN-MOULD'));
    expect(ein?.timeZone).toBe('Europe/Amsterdam');
  });

  it('has time off with shifts removed, and swapped shifts with notes', () => {
    let timeOff = 0;
    let swapped = 0;
    for (const team of a.data.teams()) {
      const shifts = a.data.shifts(team.id);
      for (const record of a.data.timesOff(team.id)) {
        timeOff += 1;
        const overlapping = shifts.filter((s) => s.userId === record.userId && s.startUtc >= record.startUtc && s.startUtc < record.endUtc);
        expect(overlapping).toHaveLength(0);
        const json = record.json as { sharedTimeOff?: { timeOffReasonId?: string } };
        expect(json.sharedTimeOff?.timeOffReasonId).toMatch(/^TOR_/);
      }
      swapped += shifts.filter((s) => /Bytt pass med|Dienst geruild met/.test(String((s.json.sharedShift as { notes?: string }).notes))).length;
    }
    expect(timeOff).toBeGreaterThan(20);
    expect(swapped).toBeGreaterThanOrEqual(10);
  });

  it('has Viva Learning course activities in the v1.0 shapes', () => {
    const activities = a.people.flatMap((p) => a.data.courseActivities(p.id));
    expect(activities.length).toBeGreaterThan(300);
    const types = new Set(activities.map((x) => x['@odata.type']));
    expect(types).toEqual(new Set(['#microsoft.graph.learningAssignment', '#microsoft.graph.learningSelfInitiatedCourse']));
    for (const activity of activities) {
      expect(['notStarted', 'inProgress', 'completed']).toContain(activity.status);
      expect(typeof activity.learningContentId).toBe('string');
      expect(typeof activity.learnerUserId).toBe('string');
    }
  });

  it('seeds quickly', () => {
    const started = Date.now();
    const again = plant(SEED + 2);
    again.db.close();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
