/**
 * Where people work, against the local tenant over HTTP: the plant map HR/IT keep in
 * SE_Settings through real PnPjs (alone and inside a caller's `$batch`), crews from Teams
 * Shifts through the Graph JavaScript client (`/me/joinedTeams` + each team's shifts in
 * `$batch`), and `workplaceOf` joining both with the directory's officeLocation and department.
 * Also pins the seed: every seeded person matches the map, and the lists' CrewKey values are
 * the crews' Teams team ids, as the product writes them.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { GraphCache } from '../../src/connectors/graph/graphCache';
import { GraphCrewDirectory } from '../../src/connectors/graph/graphCrewDirectory';
import { BASIC_SELECT, GraphPeopleDirectory, toProfile } from '../../src/connectors/graph/graphPeopleDirectory';
import { PnPPlantSettings, readPlantMap } from '../../src/connectors/sharepoint/plantSettings';
import { sharePointRecognitionStores } from '../../src/connectors/sharepoint/recognition';
import type { PersonProfile } from '../../src/core/people/types';
import { PLANT_SETTING_KEY, plantFilterOptions, shiftByCode, workplaceOf } from '../../src/core/plant';
import type { PlantMap } from '../../src/core/plant';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { teamIdOf } from '../../local/tenant/rosters';
import { createPlantData } from '../../local/tenant/store';
import { countingGraph, graphAs } from '../support/graph';
import { findPerson, persona, requestsDuring, spAs, startTestTenant } from '../support/tenant';

const NOW = new Date('2026-11-21T09:00:00Z');
const fastRetry = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 2000, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 50))), random: Math.random };

type Row = Record<string, unknown>;

describe('plant map and crews against the local tenant', () => {
  let tenant: RunningTenant;
  let asa: Person;
  let sean: Person;
  let daan: Person;
  let map: PlantMap;
  const weldA = teamIdOf('GOT-WELD2-A');

  beforeAll(async () => {
    tenant = await startTestTenant({ now: () => NOW });
    asa = persona(tenant, 'operator');
    sean = persona(tenant, 'agencyOperator');
    daan = findPerson(tenant, (p) => p.displayName === 'Daan van der Berg');
    map = await new PnPPlantSettings(spAs(tenant, asa)).plantMap();
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  function crewsAs(person: Person, calls = { batches: 0, pages: 0 }): GraphCrewDirectory {
    return new GraphCrewDirectory(countingGraph(graphAs(tenant, person), calls), { cache: new GraphCache(person.id), retry: fastRetry, now: () => NOW });
  }

  /** Someone else's profile with the two directory properties the plant map needs (User.Read.All). */
  async function profileOf(viewer: Person, id: string): Promise<PersonProfile> {
    const body: unknown = await graphAs(tenant, viewer).api(`/users/${id}?$select=${BASIC_SELECT},officeLocation,department`).get();
    const profile = toProfile(body);
    if (!profile) {
      throw new Error(`No profile for ${id}`);
    }
    return profile;
  }

  it('reads the plant map HR/IT keep in SE_Settings: sites, lines and shifts with Swedish and Dutch names', () => {
    expect(map.issues).toEqual([]);
    expect(map.sites.map((s) => s.code)).toEqual(['GOT', 'EIN']);
    expect(map.sites[0]).toEqual({ code: 'GOT', name: 'Gothenburg', names: { 'sv-se': 'Göteborg', 'nl-nl': 'Göteborg' }, officeLocations: ['Göteborg plant'] });
    expect(map.lines.map((l) => l.code)).toEqual(['GOT-PRESS1', 'GOT-WELD2', 'GOT-PAINT', 'GOT-FINAL', 'EIN-MOULD', 'EIN-PACK', 'EIN-LOG']);
    expect(map.shifts.map((s) => s.code)).toEqual(['morning', 'afternoon', 'night']);
    const swedish = plantFilterOptions(map, 'sv-se', { siteCode: 'GOT' });
    expect(swedish.sites[0]).toEqual({ code: 'GOT', name: 'Göteborg' });
    expect(swedish.lines.find((l) => l.code === 'GOT-WELD2')?.name).toBe('Svetscell 2');
    expect(plantFilterOptions(map, 'nl-nl').shifts.map((s) => s.name)).toEqual(['Vroege dienst (06–14)', 'Late dienst (14–22)', 'Nachtdienst (22–06)']);
  });

  it('reads the plant map inside a caller’s batch: one request to SharePoint with the other reads', async () => {
    const sp: SPFI = spAs(tenant, asa);
    // A first batch fetches the form digest every POST needs; what follows is one request.
    const [warm, warmUp] = sp.batched();
    const warmRead = warm.web.select('Title')();
    await warmUp();
    await warmRead;
    let inBatch: PlantMap | undefined;
    let values: Row[] = [];
    const count = await requestsDuring(tenant, 'sharepoint', async () => {
      const [batched, execute] = sp.batched();
      const mapRead = new PnPPlantSettings(sp).plantMap(batched);
      const valuesRead = batched.web.lists.getByTitle('SE_Values').items.select('ValueKey').top(10)<Row[]>();
      await execute();
      [inBatch, values] = await Promise.all([mapRead, valuesRead]);
    });
    expect(count).toBe(1);
    expect(inBatch).toEqual(map);
    expect(values.length).toBeGreaterThan(0);
  });

  it('places every seeded person by their directory officeLocation and department', () => {
    const people = tenant.context.directory.all().filter((p) => !p.isApp);
    const misplaced = people
      .map((p) => ({ p, at: workplaceOf(p, map) }))
      .filter(({ p, at }) => at.siteCode !== p.siteCode || at.lineCode !== p.lineCode)
      .map(({ p, at }) => `${p.displayName} (${p.officeLocation} / ${p.department}): ${JSON.stringify(at)}`);
    expect(misplaced).toEqual([]);
    expect(people.filter((p) => p.lineCode).length).toBeGreaterThan(250);
  });

  it('gives Åsa her workplace: Göteborg, Weld cell 2 and her crew’s Teams team', async () => {
    const calls = { batches: 0, pages: 0 };
    const crews = crewsAs(asa, calls);
    const me = await new GraphPeopleDirectory(graphAs(tenant, asa), { retry: fastRetry }).me();
    expect(await crews.myCrewKeys()).toEqual([weldA]);
    expect(await crews.myCrews()).toEqual([{ crewKey: weldA, crewName: 'GOT Weld A' }]);
    const mine = (await crews.crewOf([me.id])).get(me.id);
    expect(workplaceOf(me, map, mine)).toEqual({ siteCode: 'GOT', lineCode: 'GOT-WELD2', crewKey: weldA, crewName: 'GOT Weld A' });
    // Teams and schedules in two batches, the rest of the schedule by the pages Graph sent; then cached.
    expect(calls.batches).toBe(2);
    const again = await requestsDuring(tenant, 'graph', () => crews.crewOf([sean.id, daan.id]));
    expect(again).toBe(0);
  });

  it('finds the agency welder Seán in her crew, with his site and line from the directory', async () => {
    const crews = crewsAs(asa);
    const found = await crews.crewOf([sean.id]);
    expect(found.get(sean.id)).toEqual({ crewKey: weldA, crewName: 'GOT Weld A' });
    const profile = await profileOf(asa, sean.id);
    expect(workplaceOf(profile, map, found.get(sean.id))).toEqual({ siteCode: 'GOT', lineCode: 'GOT-WELD2', crewKey: weldA, crewName: 'GOT Weld A' });
  });

  it('does not place someone from another site in her crew, but knows their site and line', async () => {
    const found = await crewsAs(asa).crewOf([daan.id]);
    expect(found.has(daan.id)).toBe(false);
    const profile = await profileOf(asa, daan.id);
    expect(workplaceOf(profile, map, found.get(daan.id))).toEqual({ siteCode: 'EIN', lineCode: 'EIN-MOULD' });
    // Nor a welder of another Göteborg crew: not on any of Åsa's teams' schedules.
    const weldB = findPerson(tenant, (p) => p.crewKey === 'GOT-WELD2-B' && p.role === 'operator');
    expect((await crewsAs(asa).crewOf([weldB.id])).size).toBe(0);
  });

  it('gives a line manager (owner of the line’s teams, never on shift) no crew, but the crews of the line', async () => {
    const manager = findPerson(tenant, (p) => p.role === 'manager' && p.lineCode === 'GOT-WELD2');
    const weldB = findPerson(tenant, (p) => p.crewKey === 'GOT-WELD2-B' && p.role === 'operator');
    const crews = crewsAs(manager);
    expect(await crews.myCrewKeys()).toEqual([]);
    const found = await crews.crewOf([asa.id, weldB.id, daan.id]);
    expect(found.get(asa.id)?.crewKey).toBe(weldA);
    expect(found.get(weldB.id)).toEqual({ crewKey: teamIdOf('GOT-WELD2-B'), crewName: 'GOT Weld B' });
    expect(found.has(daan.id)).toBe(false);
  });

  it('knows no crews for someone in no team (HR)', async () => {
    const crews = crewsAs(persona(tenant, 'hr'));
    expect(await crews.myCrewKeys()).toEqual([]);
    expect((await crews.crewOf([asa.id])).size).toBe(0);
  });

  it('has seeded the lists with the crews’ team ids as CrewKey, so the wall’s crew filter finds them', async () => {
    const sp = spAs(tenant, asa);
    const teamIds = new Set(createPlantData(tenant.context.db).teams().map((t) => t.id));
    for (const list of ['SE_Recognitions', 'SE_Assignments', 'SE_Skills']) {
      const rows = await sp.web.lists.getByTitle(list).items.select('CrewKey').top(5000)<Row[]>();
      const keys = rows.map((r) => r.CrewKey).filter((k): k is string => typeof k === 'string' && k !== '');
      expect([list, keys.length > 0]).toEqual([list, true]);
      expect([list, keys.filter((k) => !teamIds.has(k))]).toEqual([list, []]);
    }
    const mine = await sp.web.lists.getByTitle('SE_Recognitions').items.select('CrewKey').filter(`RecipientId eq ${asa.spUserId}`).top(500)<Row[]>();
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.CrewKey))).toEqual(new Set([weldA]));
    const wall = await sharePointRecognitionStores(sp).wall.page({ crewKey: weldA }, 10);
    expect(wall.items.length).toBeGreaterThan(0);
    expect(wall.items.every((i) => i.crewKey === weldA)).toBe(true);
  });

  it('covers every ShiftCode the seed wrote with a shift of the map', async () => {
    const rows = await spAs(tenant, asa).web.lists.getByTitle('SE_Recognitions').items.select('ShiftCode').top(5000)<Row[]>();
    const codes = new Set(rows.map((r) => r.ShiftCode).filter((c): c is string => typeof c === 'string' && c !== ''));
    expect(Array.from(codes).sort()).toEqual(['afternoon', 'morning', 'night']);
    expect(Array.from(codes).filter((code) => !shiftByCode(map, code))).toEqual([]);
  });

  it('reads an empty map, not an error, when the plant setting is missing', async () => {
    const sp = spAs(tenant, persona(tenant, 'siteAdmin'));
    const list = sp.web.lists.getByTitle('SE_Settings');
    const [row] = await list.items.select('ID', 'Key', 'Value', 'Title', 'Description').filter(`Key eq '${PLANT_SETTING_KEY}'`).top(1)<Row[]>();
    await list.items.getById(Number(row.ID)).delete();
    try {
      expect(await readPlantMap(spAs(tenant, asa))).toEqual({ sites: [], lines: [], shifts: [], issues: [] });
    } finally {
      await list.items.add({ Title: row.Title, Key: row.Key, Value: row.Value, Description: row.Description });
    }
    expect((await readPlantMap(spAs(tenant, asa))).sites).toHaveLength(2);
  });
});
