/**
 * Learning renewals over real HTTP against the local tenant: a run of the relay's learning timer
 * (`POST /relay/learning-timer`, as the Functions host posts `/learning-timer`) assigns the renewal path before a skill ends and tells the
 * person and their manager in Entra ID by Teams activity notification, each once; a second run
 * writes and sends nothing more; a renewed skill, or one whose renewal is open, gets no new
 * assignment; without TeamsActivity.Send.User the renewal is still assigned and the notices go
 * once it is granted; lead time and end day are the plant's local days (the local relay's
 * SE_PLANT_TIME_ZONE is Europe/Stockholm) across the change to summer time. The rule itself is
 * `src/core/learning/expiry.test.ts`.
 *
 * Paths and skills are written here over HTTP (HR's path, the relay's skill rows): the demo
 * plant's own skills end by expiry more than a year out.
 */
import { movableClock, type MovableClock } from '../../local/server/admin';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { teamIdOf } from '../../local/tenant/rosters';
import { skillKey } from '../../src/core/models/keys';
import { LISTS } from '../../src/core/schema/lists';
import { LEARNING_RENEWAL_ACTIVITY_TYPE } from '../../relay/src/learning/renewalNotices';
import { relayPrincipal } from '../support/permissionMatrix';
import { findPerson, persona, spAs, spAsApp, startTestTenant } from '../support/tenant';

// A run reads every skill of the demo plant (its paths lapse unpractised) and tells about those due.
jest.setTimeout(120_000);

const DAY = 86_400_000;
/** Monday 2 March 2026, 09:00 UTC. */
const START = new Date('2026-03-02T09:00:00Z');

type Row = Record<string, unknown>;

interface RenewalsRun {
  readonly at: string;
  readonly status: string;
  readonly assigned: string[];
  readonly notified: string[];
  readonly message?: string;
}

describe('learning renewals from the relay timer', () => {
  let tenant: RunningTenant;
  let clock: MovableClock;
  let hr: Person;
  let relayId: number;
  let station = 0;

  beforeAll(async () => {
    clock = movableClock(START);
    tenant = await startTestTenant({ now: clock });
    hr = persona(tenant, 'hr');
    relayId = relayPrincipal(tenant).spUserId;
    // The demo plant's own renewals due now (skills lapsing unpractised) are assigned and told by this first run.
    const first = await renewalsRun();
    expect(first.status).toBe('done');
    expect(first.assigned.length).toBeGreaterThan(0);
  });

  afterAll(async () => tenant?.close());

  /** One run of the learning timer at `at`, the tenant's clock unless given. */
  async function renewalsRun(at?: Date): Promise<RenewalsRun> {
    const response = await fetch(`${tenant.origin}/relay/learning-timer`, { method: 'POST', body: at ? JSON.stringify({ at: at.toISOString() }) : '' });
    expect(response.status).toBe(200);
    return (await response.json()) as RenewalsRun;
  }

  /** HR's path granting U on `code`, valid 12 months, renewed 30 days ahead; its id. */
  async function hrPath(code: string, extra: Row = {}): Promise<number> {
    const added = await spAs(tenant, hr)
      .web.lists.getByTitle(LISTS.learningPaths.title)
      .items.add({ Title: `${code} qualification`, Category: 'machine-qualification', ValidityMonths: 12, LapseDays: 0, IsActive: true, RenewalLeadDays: 30, Grants: JSON.stringify([{ station: code, level: 'U' }]), ...extra });
    return Number((added as { Id?: number; ID?: number }).Id ?? (added as { ID?: number }).ID);
  }

  /** The relay's skill row: `person` holds U on `code` from `pathId`, assessed at `assessedAt`, ending at `expiresAt`. */
  async function relaySkill(person: Person, code: string, pathId: number, assessedAt: Date, expiresAt: Date): Promise<string> {
    const key = skillKey(code, person.spUserId);
    await (await spAsApp(tenant)).web.lists.getByTitle(LISTS.skills.title).items.add({
      Title: `Station ${code}`,
      SkillKey: key,
      PersonId: person.spUserId,
      Station: code,
      Level: 'U',
      CrewKey: teamIdOf(person.crewKey as string),
      AssessedAt: assessedAt.toISOString(),
      ExpiresAt: expiresAt.toISOString(),
      PathId: pathId
    });
    return key;
  }

  function newStation(): string {
    station += 1;
    return `GOT-RENEW-${station}`;
  }

  /** An operator with a manager, each test its own. */
  const taken = new Set<string>();
  function operator(): { person: Person; manager: Person } {
    const person = findPerson(tenant, (p) => p.role === 'operator' && !p.isApp && p.managerId !== undefined && !taken.has(p.id));
    taken.add(person.id);
    const manager = tenant.context.directory.byId(person.managerId as string) as Person;
    return { person, manager };
  }

  async function assignmentsOf(person: Person, pathId: number): Promise<Row[]> {
    return (await spAsApp(tenant)).web.lists
      .getByTitle(LISTS.assignments.title)
      .items.select('ID', 'AssignmentKey', 'Reason', 'DueDate', 'AssignedVia', 'CrewKey', 'RenewalNotices', 'EditorId', 'LearnerId')
      .filter(`AssignmentKey eq '${pathId}:${person.spUserId}'`)<Row[]>();
  }

  /** The renewal notices Teams recorded for `person` about station `code`. */
  async function noticesTo(person: Person, code: string): Promise<Row[]> {
    const body = (await (await fetch(`${tenant.origin}/_local/notifications?recipient=${person.id}`)).json()) as { value: Row[] };
    return body.value.filter((n) => n.activityType === LEARNING_RENEWAL_ACTIVITY_TYPE && (n.topic as { value?: string }).value === `Station ${code}`);
  }

  it('assigns the renewal once and tells the person and their manager once, in their languages', async () => {
    const { person, manager } = operator();
    const code = newStation();
    const pathId = await hrPath(code);
    const ends = new Date(clock().getTime() + 20 * DAY);
    const key = await relaySkill(person, code, pathId, new Date(clock().getTime() - 345 * DAY), ends);

    const first = await renewalsRun();
    expect(first.status).toBe('done');
    expect(first.assigned).toContain(`${pathId}:${person.spUserId}`);
    const [row, ...more] = await assignmentsOf(person, pathId);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({ Reason: 'renewal', AssignedVia: `renewal:${key}`, CrewKey: teamIdOf(person.crewKey as string), LearnerId: person.spUserId, EditorId: relayId });
    expect(Date.parse(String(row.DueDate))).toBe(ends.getTime());

    const toPerson = await noticesTo(person, code);
    const toManager = await noticesTo(manager, code);
    expect(toPerson).toHaveLength(1);
    expect(toManager).toHaveLength(1);
    const day = ends.toISOString().slice(0, 10);
    expect(String(row.RenewalNotices).split('\n').sort()).toEqual([`${key}:${day}:${person.spUserId}`, `${key}:${day}:${manager.spUserId}`].sort());
    const preview = (n: Row): string => String((n.previewText as { content: string }).content);
    expect(preview(toPerson[0])).toContain(`Station ${code}`);
    expect(preview(toManager[0])).toContain(person.displayName);
    // Each in their own language (Graph preferredLanguage).
    const word = (who: Person): string => ({ sv: 'behörighet', nl: 'kwalificatie' })[who.preferredLanguage.toLowerCase().slice(0, 2)] ?? 'qualification';
    expect(preview(toPerson[0])).toContain(word(person));
    expect(preview(toManager[0])).toContain(word(manager));
    expect((toPerson[0].templateParameters as Row[])[0]).toEqual({ name: 'station', value: `Station ${code}` });

    // A second run, and one a day later: nothing written, nothing sent.
    const second = await renewalsRun();
    expect(second.assigned).not.toContain(`${pathId}:${person.spUserId}`);
    clock.moveBy(DAY);
    await renewalsRun();
    expect(await assignmentsOf(person, pathId)).toEqual([row]);
    expect(await noticesTo(person, code)).toHaveLength(1);
    expect(await noticesTo(manager, code)).toHaveLength(1);
  });

  it('writes one assignment and sends each notice once when runs race', async () => {
    const { person, manager } = operator();
    const code = newStation();
    const pathId = await hrPath(code);
    await relaySkill(person, code, pathId, new Date(clock().getTime() - 350 * DAY), new Date(clock().getTime() + 10 * DAY));

    const runs = await Promise.all([renewalsRun(), renewalsRun(), renewalsRun()]);

    expect(await assignmentsOf(person, pathId)).toHaveLength(1);
    expect(runs.filter((r) => r.assigned.includes(`${pathId}:${person.spUserId}`))).toHaveLength(1);
    expect(await noticesTo(person, code)).toHaveLength(1);
    expect(await noticesTo(manager, code)).toHaveLength(1);
  });

  it('assigns nothing for a skill renewed since, nor again while the renewal is open', async () => {
    const renewed = operator();
    const code = newStation();
    const pathId = await hrPath(code);
    // Signed off again last week: it ends in a year, far beyond the lead time.
    await relaySkill(renewed.person, code, pathId, new Date(clock().getTime() - 7 * DAY), new Date(clock().getTime() + 358 * DAY));

    const open = operator();
    const openCode = newStation();
    const openPath = await hrPath(openCode);
    await relaySkill(open.person, openCode, openPath, new Date(clock().getTime() - 340 * DAY), new Date(clock().getTime() + 25 * DAY));
    // HR assigned the path again (through the relay) after the last sign-off, due in two weeks.
    const openKey = `${openPath}:${open.person.spUserId}`;
    const due = new Date(clock().getTime() + 14 * DAY).toISOString();
    await (await spAsApp(tenant)).web.lists
      .getByTitle(LISTS.assignments.title)
      .items.add({ Title: openKey, AssignmentKey: openKey, LearnerId: open.person.spUserId, PathId: openPath, Reason: 'qualification', AssignedVia: 'person', DueDate: due });

    const run = await renewalsRun();
    expect(run.assigned).not.toContain(`${pathId}:${renewed.person.spUserId}`);
    expect(run.assigned).not.toContain(openKey);
    expect(await assignmentsOf(renewed.person, pathId)).toEqual([]);
    expect(await noticesTo(renewed.person, code)).toEqual([]);
    // HR's assignment stays as it was; the person and their manager are told the skill ends (once).
    const [row, ...more] = await assignmentsOf(open.person, openPath);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({ Reason: 'qualification', AssignedVia: 'person' });
    expect(Date.parse(String(row.DueDate))).toBe(Date.parse(due));
    expect(await noticesTo(open.person, openCode)).toHaveLength(1);
    expect(await noticesTo(open.manager, openCode)).toHaveLength(1);
  });

  it('without TeamsActivity.Send.User assigns the renewal and tells no one; the notices go once it is granted', async () => {
    const { person, manager } = operator();
    const code = newStation();
    const pathId = await hrPath(code);
    await relaySkill(person, code, pathId, new Date(clock().getTime() - 350 * DAY), new Date(clock().getTime() + 12 * DAY));
    await fetch(`${tenant.origin}/_local/app-permissions`, { method: 'POST', body: JSON.stringify({ notGranted: ['TeamsActivity.Send.User'] }) });
    try {
      const refused = await renewalsRun();
      expect(refused.status).toBe('notGranted');
      expect(refused.assigned).toContain(`${pathId}:${person.spUserId}`);
      const [row] = await assignmentsOf(person, pathId);
      expect(row).toMatchObject({ Reason: 'renewal' });
      // No key kept for a notice not sent.
      expect(String(row.RenewalNotices ?? '')).toBe('');
      expect(await noticesTo(person, code)).toEqual([]);
    } finally {
      await fetch(`${tenant.origin}/_local/app-permissions`, { method: 'POST', body: JSON.stringify({ notGranted: [] }) });
    }
    const granted = await renewalsRun();
    expect(granted.status).toBe('done');
    expect(granted.assigned).not.toContain(`${pathId}:${person.spUserId}`);
    expect(await assignmentsOf(person, pathId)).toHaveLength(1);
    expect(await noticesTo(person, code)).toHaveLength(1);
    expect(await noticesTo(manager, code)).toHaveLength(1);
  });

  it('counts lead days and the end day in the plant zone, across the change to summer time (Europe/Stockholm)', async () => {
    const { person } = operator();
    const code = newStation();
    const pathId = await hrPath(code);
    // 10:00 CEST on 28 March 2027, the day the clocks go forward: 08:00Z.
    const ends = new Date('2027-03-28T08:00:00Z');
    const key = await relaySkill(person, code, pathId, new Date('2026-03-28T09:00:00Z'), ends);
    // 30 local days before is 10:00 CET on 26 February (09:00Z): at 08:30Z nothing is due yet (in UTC it would be).
    const early = await renewalsRun(new Date('2027-02-26T08:30:00Z'));
    expect(early.assigned).not.toContain(`${pathId}:${person.spUserId}`);
    expect(await assignmentsOf(person, pathId)).toEqual([]);
    const due = await renewalsRun(new Date('2027-02-26T09:00:00Z'));
    expect(due.assigned).toContain(`${pathId}:${person.spUserId}`);
    const [row] = await assignmentsOf(person, pathId);
    expect(Date.parse(String(row.DueDate))).toBe(ends.getTime());
    expect(String(row.RenewalNotices)).toContain(`${key}:2027-03-28:${person.spUserId}`);
  });
});

describe('learning renewals before Engage Setup', () => {
  let tenant: RunningTenant;

  beforeAll(async () => {
    tenant = await startTestTenant({ freshInstall: true });
  });

  afterAll(async () => tenant?.close());

  it('assigns nothing and tells no one while the learning lists are open to every member', async () => {
    const response = await fetch(`${tenant.origin}/relay/learning-timer`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'notSetUp', assigned: [], notified: [] });
    const notices = (await (await fetch(`${tenant.origin}/_local/notifications`)).json()) as { value: Row[] };
    expect(notices.value.filter((n) => n.activityType === LEARNING_RENEWAL_ACTIVITY_TYPE)).toEqual([]);
  });
});
