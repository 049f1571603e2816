/**
 * HR's crews through the relay (`POST /api/pulse/crews`), against the real local tenant over
 * HTTP: the page's relay client as HR, the relay reading Teams, the crews' Shifts schedules and
 * the directory with its own identity. HR is on no crew's roster, yet gets every crew by name
 * with its site and line, and the shortest round of an audience comes from that audience's
 * schedules. A member is refused; a missing Graph grant says so; nobody's name or shifts leave
 * the relay.
 */
import { RelayPulseCrews } from '../../src/connectors/relay/relayPulseCrews';
import { SharePointPulseAdmin } from '../../src/connectors/sharepoint/pulseAdminStore';
import { audienceMinimumRound, type PulseCrewList, PulseCrewsError } from '../../src/core/pulse/adminPorts';
import { minimumRoundLengthFromShifts, type RoundLengthResult } from '../../src/core/pulse/roundLength';
import { addLocalDays, formatLocalDate, localDateOf } from '../../src/core/pulse/zonedTime';
import type { Shift } from '../../src/core/roster/types';
import type { RunningTenant } from '../../local/server/tenant';
import { CREWS, type CrewDefinition } from '../../local/tenant/plantModel';
import { crewShiftOn, shiftTimes, teamIdOf } from '../../local/tenant/rosters';
import { createPlantData } from '../../local/tenant/store';
import { callRelay } from '../support/pulse';
import { persona, relayClientAs, secureProductLists, spAs, startTestTenant } from '../support/tenant';

const OPENS_AT = '00:00';
const ZONE = 'Europe/Stockholm';

async function setNotGranted(tenant: RunningTenant, notGranted: string[]): Promise<void> {
  await fetch(`${tenant.origin}/_local/app-permissions`, { method: 'POST', body: JSON.stringify({ notGranted }) });
}

async function failureOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'answered';
  } catch (error) {
    return error instanceof PulseCrewsError ? error.code : String(error);
  }
}

describe('HR\'s crews through the relay', () => {
  let tenant: RunningTenant;
  const weldA = CREWS.find((crew) => crew.line.code === 'GOT-WELD2' && crew.index === 0) as CrewDefinition;
  const packA = CREWS.find((crew) => crew.line.code === 'EIN-PACK' && crew.index === 0) as CrewDefinition;

  /**
   * A crew's shortest round from the demo plant's own rotation (not from Graph): its shifts over
   * one cycle of its pattern from the plant's today, as the seed generates them.
   */
  function expectedMinimum(crew: CrewDefinition): RoundLengthResult {
    const today = localDateOf(ZONE, tenant.context.now());
    const cycle = crew.line.pattern === 'continuous' ? 8 : 21;
    const shifts: Shift[] = [];
    for (let offset = 0; offset < cycle; offset += 1) {
      const day = addLocalDays(today, offset);
      const kind = crewShiftOn(crew, day);
      if (kind) {
        const { start, end } = shiftTimes(crew.site.timeZone, day, kind);
        shifts.push({ id: `${crew.key}-${offset}`, start: start.toISOString(), end: end.toISOString(), status: 'scheduled' });
      }
    }
    return minimumRoundLengthFromShifts([shifts], { periodStart: formatLocalDate(today), periodDays: cycle, timeZone: ZONE, opensAt: OPENS_AT });
  }

  beforeAll(async () => {
    tenant = await startTestTenant();
    await secureProductLists(tenant);
  }, 60_000);
  afterAll(async () => tenant?.close());

  // First, while nothing is kept: a failed read is never kept by the relay.
  it('says the relay lacks a grant when Graph refuses it the teams or the schedules', async () => {
    const hr = persona(tenant, 'hr');
    try {
      await setNotGranted(tenant, ['Schedule.Read.All']);
      expect(await failureOf(new RelayPulseCrews(relayClientAs(tenant, hr)).crews(OPENS_AT, ZONE))).toBe('relayFault');
      await setNotGranted(tenant, ['Team.ReadBasic.All']);
      const refused = await callRelay(tenant, hr, 'POST', 'crews', { opensAt: OPENS_AT, timeZone: ZONE });
      expect(refused).toMatchObject({ status: 502, body: { error: { code: 'relayMisconfigured' } } });
    } finally {
      await setNotGranted(tenant, []);
    }
  });

  it('refuses a member, and anyone who does not author surveys, before reading any roster', async () => {
    for (const key of ['operator', 'teamLeader', 'agencyOperator'] as const) {
      const member = persona(tenant, key);
      const answer = await callRelay(tenant, member, 'POST', 'crews', { opensAt: OPENS_AT, timeZone: ZONE });
      expect({ key, status: answer.status, code: answer.body.error?.code }).toEqual({ key, status: 403, code: 'notAllowed' });
    }
    expect(await failureOf(new RelayPulseCrews(relayClientAs(tenant, persona(tenant, 'operator'))).crews(OPENS_AT, ZONE))).toBe('notAllowed');
  });

  it('refuses a request without a valid opening time or zone', async () => {
    const hr = persona(tenant, 'hr');
    expect(await callRelay(tenant, hr, 'POST', 'crews', { opensAt: '25:00', timeZone: ZONE })).toMatchObject({ status: 400, body: { error: { field: 'opensAt' } } });
    expect(await callRelay(tenant, hr, 'POST', 'crews', { opensAt: OPENS_AT, timeZone: 'Mars/Olympus' })).toMatchObject({ status: 400, body: { error: { field: 'timeZone' } } });
    expect(await callRelay(tenant, hr, 'POST', 'crews', '[1]')).toMatchObject({ status: 400, body: { error: { field: 'body' } } });
  });

  it('reads the teams from Graph as Graph lists them: the selected properties, pages, 400 for an unknown property', async () => {
    const hr = persona(tenant, 'hr');
    const get = async (query: string): Promise<{ status: number; body: { value?: Array<Record<string, unknown>>; '@odata.nextLink'?: string } }> => {
      const response = await fetch(`${tenant.origin}/graph/v1.0/teams${query}`, { headers: { 'x-local-user': hr.userPrincipalName } });
      return { status: response.status, body: (await response.json()) as { value?: Array<Record<string, unknown>> } };
    };
    const first = await get('?$select=id,displayName&$top=5');
    expect(first.status).toBe(200);
    expect(first.body.value?.map((team) => Object.keys(team).sort())).toEqual(Array(5).fill(['displayName', 'id']));
    const next = first.body['@odata.nextLink'] as string;
    const second = await fetch(next, { headers: { 'x-local-user': hr.userPrincipalName } });
    const names = ((await second.json()) as { value: Array<{ id: string }> }).value.map((team) => team.id);
    expect(names.some((id) => first.body.value?.some((team) => team.id === id))).toBe(false);
    expect((await get('?$select=id,nickname')).status).toBe(400);
    // Without $select, as Graph's list: only id, displayName and description are filled.
    const whole = (await get('?$top=1')).body.value?.[0] ?? {};
    expect(whole.webUrl).toBeNull();
    expect(typeof whole.displayName).toBe('string');
  });

  describe('HR, who is on no crew\'s roster', () => {
    let list: PulseCrewList;

    beforeAll(async () => {
      list = await new RelayPulseCrews(relayClientAs(tenant, persona(tenant, 'hr'))).crews(OPENS_AT, ZONE);
    }, 60_000);

    it('is on no team\'s schedule (the page could not read a crew\'s roster as HR)', () => {
      expect(createPlantData(tenant.context.db).teamsOf(persona(tenant, 'hr').id)).toEqual([]);
    });

    it('gets every crew by its Teams name, placed on its site and line by the plant map', () => {
      const teams = createPlantData(tenant.context.db).teams();
      expect(list.crews.map((crew) => crew.crewKey).sort()).toEqual(teams.map((team) => team.id).sort());
      for (const team of teams) {
        expect(list.crews.find((crew) => crew.crewKey === team.id)).toMatchObject({ name: team.displayName, siteCode: team.siteCode, lineCode: team.lineCode });
      }
      expect(list.crews.find((crew) => crew.crewKey === teamIdOf(weldA.key))?.name).toBe(weldA.displayName);
    });

    it('gets the shortest round of an audience from the audience\'s own schedules', async () => {
      const { plantMap } = await new SharePointPulseAdmin(spAs(tenant, persona(tenant, 'hr'))).start();
      const weld = expectedMinimum(weldA);
      const both = [weld, expectedMinimum(packA)].reduce((longest, result) => (result.ok && longest.ok && result.minimumDays > longest.minimumDays ? result : longest));
      expect(weld.ok && both.ok && both.minimumDays > weld.minimumDays).toBe(true);
      expect(audienceMinimumRound(list, { crewKeys: [teamIdOf(weldA.key)] }, plantMap)).toEqual(weld);
      expect(audienceMinimumRound(list, { crewKeys: [teamIdOf(weldA.key), teamIdOf(packA.key)] }, plantMap)).toEqual(both);
      // A site's audience reaches its crews only: Gothenburg's continuous lines and its weekday paint shop.
      const gothenburg = CREWS.filter((crew) => crew.site.code === 'GOT').map(expectedMinimum);
      const longest = Math.max(...gothenburg.map((result) => (result.ok ? result.minimumDays : Infinity)));
      expect(audienceMinimumRound(list, { siteCodes: ['GOT'] }, plantMap)).toEqual({ ok: true, minimumDays: longest });
    });

    it('learns nobody\'s name, id or shifts: per crew only its id, name, place and a number of days', async () => {
      const raw = await callRelay(tenant, persona(tenant, 'hr'), 'POST', 'crews', { opensAt: OPENS_AT, timeZone: ZONE });
      const text = JSON.stringify(raw.body);
      const crews = (raw.body as unknown as { crews: Array<Record<string, unknown>> }).crews;
      expect(new Set(crews.flatMap((crew) => Object.keys(crew)))).toEqual(new Set(['crewKey', 'name', 'siteCode', 'lineCode', 'minimumRoundDays']));
      const people = tenant.context.directory.all();
      expect(people.filter((person) => !person.isApp && person.userPrincipalName !== '').filter((person) => text.includes(person.id) || text.includes(person.userPrincipalName) || text.includes(person.displayName))).toEqual([]);
      expect(text).not.toMatch(/T\d{2}:\d{2}/);
    });
  });
});
