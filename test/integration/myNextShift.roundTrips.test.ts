/**
 * The "My next shift" card as SharePoint hosts it (its definition, the product's services object,
 * the roster over the real Graph client) against the local tenant's Teams Shifts: the Graph round
 * trips of a cold render stay within the budget of 2 for every persona, the card shows the shift
 * the demo plant rosters, and a team list kept on the device never hides a shift.
 */
import type { SPFI } from '@pnp/sp';

import { myNextShiftCard } from '../../src/adaptiveCardExtensions/myNextShift/MyNextShift.part';
import { DEFAULT_PROPERTIES } from '../../src/adaptiveCardExtensions/myNextShift/myNextShiftViews';
import { type DeviceStorage, keyValueStore } from '../../src/app/deviceStorage';
import { type CardState, loadCardState, openCardQuickView } from '../../src/app/host/cardTypes';
import type { HostEnvironment } from '../../src/app/host/types';
import { EngageServices, type HostConnections } from '../../src/app/services';
import type { NextShiftView } from '../../src/core/roster/rosterService';
import { type KeyValueStore, memoryStore, type StorageLike } from '../../src/core/storage';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import type { PersonaKey } from '../../local/tenant/personas';
import { createPlantData } from '../../local/tenant/store';
import { graphAs } from '../support/graph';
import { persona, requestsDuring, startTestTenant } from '../support/tenant';

/** The design's budget: round trips of a part's first render. */
const BUDGET = 2;

/** `sessionStorage` of one browser session: gone with the session. */
function sessionBacking(): StorageLike {
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

/** A new session on a device: nothing in `sessionStorage`, the device's `localStorage` as it is. */
function session(local: KeyValueStore): DeviceStorage {
  const backing = sessionBacking();
  return { local, session: keyValueStore(backing), sessionBacking: backing };
}

describe('My next shift: Graph round trips against the local tenant', () => {
  let tenant: RunningTenant;

  beforeAll(async () => {
    tenant = await startTestTenant();
  });

  afterAll(async () => {
    await tenant?.close();
  });

  /** The card's host environment for `person` on `device`: one page load. */
  function page(person: Person, device: DeviceStorage): HostEnvironment {
    const connections: HostConnections = {
      webUrl: tenant.siteUrl,
      sp: {} as SPFI,
      graph: graphAs(tenant, person),
      user: { loginName: `i:0#.f|membership|${person.userPrincipalName}`, displayName: person.displayName, email: person.userPrincipalName }
    };
    return { ...connections, services: new EngageServices(connections, device), locale: 'en-us', theme: undefined, isEditMode: false };
  }

  /** The card's state and the Graph round trips its load took. */
  async function render(environment: HostEnvironment): Promise<{ state: CardState<NextShiftView>; roundTrips: number }> {
    let state: CardState<NextShiftView> = { status: 'loading' };
    const roundTrips = await requestsDuring(tenant, 'graph', async () => {
      state = await loadCardState(myNextShiftCard, environment, DEFAULT_PROPERTIES);
    });
    return { state, roundTrips };
  }

  /** The person's shift now and next (within the card's look-ahead) as the demo plant rosters them. */
  function rostered(person: Person): { current?: string; next?: string } {
    const now = Date.now();
    const shifts = createPlantData(tenant.context.db)
      .shiftsOfUser(person.id)
      .filter((s) => Date.parse(s.startUtc) < now + DEFAULT_PROPERTIES.daysAhead * 86_400_000)
      .sort((a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc));
    return {
      current: shifts.find((s) => Date.parse(s.startUtc) <= now && Date.parse(s.endUtc) > now)?.id,
      next: shifts.find((s) => Date.parse(s.startUtc) > now)?.id
    };
  }

  function shown(state: CardState<NextShiftView>): { current?: string; next?: string } {
    if (state.status !== 'ready') {
      throw new Error(`The card is ${state.status}, not ready`);
    }
    return { current: state.data.current?.id, next: state.data.next?.id };
  }

  it.each<[PersonaKey]>([['operator'], ['agencyOperator'], ['teamLeader']])(
    'a first use (%s): the rostered shift in at most 2 round trips, the crew when the quick view opens',
    async (key) => {
      const person = persona(tenant, key);
      const environment = page(person, session(memoryStore()));
      const { state, roundTrips } = await render(environment);
      expect(roundTrips).toBeLessThanOrEqual(BUDGET);
      expect(shown(state)).toEqual(rostered(person));

      let opened: CardState<NextShiftView> = state;
      const quickView = await requestsDuring(tenant, 'graph', async () => {
        opened = await openCardQuickView(myNextShiftCard, state, environment, DEFAULT_PROPERTIES);
      });
      expect(quickView).toBe(1);
      const focus = opened.status === 'ready' ? (opened.data.next ?? opened.data.current) : undefined;
      const colleagues = createPlantData(tenant.context.db)
        .shifts(focus?.crewId ?? '')
        .filter((s) => s.userId !== person.id && Date.parse(s.startUtc) < Date.parse(focus?.end ?? '') && Date.parse(s.endUtc) > Date.parse(focus?.start ?? ''))
        .map((s) => tenant.context.directory.byId(s.userId)?.displayName ?? '')
        .sort((a, b) => a.localeCompare(b));
      expect(colleagues.length).toBeGreaterThan(0);
      expect(opened.status === 'ready' && opened.data.crewToRead).toBeFalsy();
      expect(opened.status === 'ready' ? opened.data.crew.map((c) => c.displayName) : []).toEqual(colleagues);
    }
  );

  it.each<[PersonaKey]>([['hr'], ['siteAdmin']])('a first use (%s, in no team): Setup in one round trip', async (key) => {
    const { state, roundTrips } = await render(page(persona(tenant, key), session(memoryStore())));
    expect(state).toEqual({ status: 'setup', reason: 'notConfigured' });
    expect(roundTrips).toBe(1);
  });

  it('a returning person: one round trip on a cold session, none on a reload of the same session', async () => {
    const person = persona(tenant, 'operator');
    const device = memoryStore();
    await render(page(person, session(device)));
    // Only the team ids are kept, under the person's own key.
    expect(Array.from(device.data.keys())).toEqual([`se-roster-teams:i:0#.f|membership|${person.userPrincipalName.toLowerCase()}`]);

    const cold = session(device);
    const returning = await render(page(person, cold));
    expect(returning.roundTrips).toBe(1);
    expect(shown(returning.state)).toEqual(rostered(person));

    const reload = await render(page(person, cold));
    expect(reload.roundTrips).toBe(0);
    expect(shown(reload.state)).toEqual(rostered(person));
  });

  it('a kept team list that is out of date hides no shift: the teams read with it decide', async () => {
    const person = persona(tenant, 'operator');
    const device = memoryStore();
    await render(page(person, session(device)));
    const [key] = Array.from(device.data.keys());
    // The device remembers another crew's team, not the person's own (moved to another crew since).
    const plant = createPlantData(tenant.context.db);
    const elsewhere = plant.teams().find((team) => !plant.isMember(team.id, person.id))?.id ?? '';
    expect(elsewhere).not.toBe('');
    device.write(key, JSON.stringify({ teamIds: [elsewhere], expires: Date.now() + 86_400_000 }));
    const { state, roundTrips } = await render(page(person, session(device)));
    expect(shown(state)).toEqual(rostered(person));
    expect(roundTrips).toBeLessThanOrEqual(BUDGET);
    // Kept again as Graph has them now.
    expect(JSON.parse(device.read(key) ?? '{}').teamIds).not.toContain(elsewhere);
  });
});
