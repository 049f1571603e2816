/**
 * The crew skills matrix's reads over real HTTP against the local tenant, as the part builds them
 * (the product's services object, PnPjs, the Graph client): the demo team leader's crew in one
 * SharePoint round trip and its people and shifts in one Graph round trip each, a station only one
 * person covers, coverage per coming shift from Teams Shifts; a crew of 40 people × 30 stations in
 * a list past the view threshold in one round trip; and nobody's matrix for someone nobody reports to.
 */
import type { SPFI } from '@pnp/sp';

import { EngageServices, type HostConnections } from '../../src/app/services';
import { skillsMatrixOf } from '../../src/app/skillsMatrix';
import { keyValueStore } from '../../src/app/deviceStorage';
import { readCrewSkills } from '../../src/connectors/sharepoint/learning/skillsReader';
import { isThresholdError } from '../../src/connectors/sharepoint/httpErrors';
import { skillKey } from '../../src/core/models/keys';
import { memoryStore, type StorageLike } from '../../src/core/storage';
import { crewCoverage, crewMatrix } from '../../src/ui/skillsMatrix/crewMatrix';
import type { SkillsSource } from '../../src/ui/skillsMatrix/types';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { graphAs } from '../support/graph';
import { relayPrincipal } from '../support/permissionMatrix';
import { persona, requestsDuring, secureProductLists, spAs, startTestTenant } from '../support/tenant';

const ZONE = 'Europe/Stockholm';
const BIG_CREW = 'crew-of-forty';

function memoryBacking(): StorageLike {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null, // eslint-disable-line @rushstack/no-new-null -- Web Storage's signature
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    }
  };
}

describe('the crew skills matrix against the local tenant', () => {
  let tenant: RunningTenant;
  let leader: Person;

  beforeAll(async () => {
    tenant = await startTestTenant();
    await secureProductLists(tenant);
    leader = persona(tenant, 'teamLeader');
  }, 60_000);
  afterAll(async () => tenant?.close());

  /** The part's reads as `person` on a fresh page load. */
  function source(person: Person): { source: SkillsSource; sp: SPFI } {
    const sp = spAs(tenant, person);
    const connections: HostConnections = {
      webUrl: tenant.siteUrl,
      sp,
      graph: graphAs(tenant, person),
      user: { loginName: `i:0#.f|membership|${person.userPrincipalName}`, displayName: person.displayName, email: person.userPrincipalName }
    };
    const backing = memoryBacking();
    const services = new EngageServices(connections, { local: memoryStore(), session: keyValueStore(backing), sessionBacking: backing });
    return { source: skillsMatrixOf(services), sp };
  }

  it("reads the demo leader's crew in one Graph and one SharePoint round trip, shows only whom they lead, with a station only one of them covers", async () => {
    const { source: reads } = source(leader);
    let crews: Awaited<ReturnType<SkillsSource['crews']>> | undefined;
    expect(await requestsDuring(tenant, 'graph', async () => (crews = await reads.crews()))).toBe(1);
    if (!crews) throw new Error('no crews');
    const reports = tenant.context.directory.all().filter((p) => p.managerId === leader.id);
    expect(crews.reports.map((p) => p.id).sort()).toEqual(reports.map((p) => p.id).sort());
    expect(crews.teams.length).toBeGreaterThan(0);

    let skills: Awaited<ReturnType<SkillsSource['skills']>> | undefined;
    const teamIds = crews.teams.map((t) => t.id);
    expect(await requestsDuring(tenant, 'sharepoint', async () => (skills = await reads.skills(teamIds)))).toBe(1);
    if (!skills) throw new Error('no skills');

    const now = new Date();
    const view = crewMatrix(crews, skills.skills, now, ZONE);
    expect(view.matrix.rows.map((r) => r.person.displayName)).toEqual([leader.displayName, ...reports.map((p) => p.displayName).sort((a, b) => a.localeCompare(b))]);
    const shownIds = new Set(view.matrix.rows.map((r) => r.person.id));
    const led = new Set([leader.spUserId, ...reports.map((p) => p.spUserId)]);
    shownIds.forEach((id) => expect(id < 0 || led.has(id)).toBe(true));
    expect(view.matrix.stations.length).toBeGreaterThanOrEqual(3);
    // The seed's promise to the demo: one station of the crew only one person runs alone.
    const qualifiedPerStation = view.matrix.stations.map((_, i) => view.matrix.rows.filter((r) => r.cells[i].qualified).length);
    expect(qualifiedPerStation).toContain(1);

    let roster: Awaited<ReturnType<SkillsSource['roster']>> | undefined;
    const range = { start: now, end: new Date(now.getTime() + 7 * 86_400_000) };
    expect(await requestsDuring(tenant, 'graph', async () => (roster = await reads.roster(teamIds, range)))).toBe(1);
    if (!roster) throw new Error('no roster');
    const coverage = crewCoverage(view, roster, now, ZONE);
    expect(coverage.length).toBeGreaterThan(0);
    // Every shift of the crew shows a gap: the single-cover station is either its one person's or nobody's.
    expect(coverage.every((c) => c.uncovered.length + c.single.length > 0)).toBe(true);
  });

  it('gives someone nobody reports to no matrix: no people led, so no levels to read', async () => {
    const { source: reads } = source(persona(tenant, 'operator'));
    expect((await reads.crews()).reports).toEqual([]);
  });

  it('reads a crew of 40 people × 30 stations in one round trip from a list past the view threshold', async () => {
    const sp = tenant.context.sp;
    const relayId = relayPrincipal(tenant).spUserId;
    const people = tenant.context.directory
      .all()
      .filter((p) => !p.isApp && p.spUserId > 0)
      .slice(0, 40);
    expect(people).toHaveLength(40);
    for (const person of people) {
      for (let s = 1; s <= 30; s += 1) {
        const station = `BIG-ST${s}`;
        sp.addItem('SE_Skills', { Title: `Station ${s}`, PersonId: person.spUserId, Station: station, Level: s % 4 === 0 ? 'I' : 'U', CrewKey: BIG_CREW, SkillKey: skillKey(station, person.spUserId) }, { authorId: relayId });
      }
    }
    // Other crews' rows: the list goes past SharePoint's 5,000-item view threshold.
    for (let i = 0; i < 4200; i += 1) {
      const person = people[i % 40];
      const station = `FILL-${i}`;
      sp.addItem('SE_Skills', { Title: station, PersonId: person.spUserId, Station: station, Level: 'L', CrewKey: `other-${i % 7}`, SkillKey: skillKey(station, person.spUserId) }, { authorId: relayId });
    }
    const asLeader = spAs(tenant, leader);
    // A filter on a column that is not indexed is refused past the threshold, as SharePoint does.
    const refused = await asLeader.web.lists.getByTitle('SE_Skills').items.filter("Level eq 'O'").top(10)().catch((e: unknown) => e);
    expect(isThresholdError(refused)).toBe(true);

    let read: Awaited<ReturnType<typeof readCrewSkills>> | undefined;
    expect(await requestsDuring(tenant, 'sharepoint', async () => (read = await readCrewSkills(asLeader, [BIG_CREW])))).toBe(1);
    expect(read?.skills).toHaveLength(1200);
    expect(new Set(read?.skills.map((s) => s.station)).size).toBe(30);
    expect(new Set(read?.skills.map((s) => s.personId)).size).toBe(40);
  }, 120_000);
});
