/**
 * Action plans through the relay, over real HTTP against the local tenant
 * (relay/src/routes/pulsePlans.ts): who may write which group from the token and Microsoft Graph
 * only, drafts that reach no employee, published plans for the groups a person belongs to, plans
 * written only by the relay (SharePoint REST refuses members, and rows written by hand count for
 * nothing), and bad input refused with the core's codes.
 */
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { createHistoryContext } from '../../local/tenant/history/common';
import { seedPublishedPlans } from '../../local/tenant/history/plans';
import { createRandom } from '../../local/tenant/random';
import { teamIdOf } from '../../local/tenant/rosters';
import { httpStatusOf } from '../../src/connectors/sharepoint/httpErrors';
import { RelayPulsePlans } from '../../src/connectors/relay/relayPulsePlans';
import type { ActionPlanRecord, PlanFields } from '../../src/core/pulse/plans/types';
import { PlanStoreError } from '../../src/core/pulse/plans/wire';
import { newRequestId } from '../../src/core/requestId';
import { LISTS } from '../../src/core/schema/lists';
import { addRound, callRelay, DAY } from '../support/pulse';
import { findPerson, persona, relayClientAs, spAs, spAsApp, startTestTenant } from '../support/tenant';

const PLANS = LISTS.actionPlans.title;

describe('action plans through the relay', () => {
  let tenant: RunningTenant;
  let roundId: number;
  let surveyId: number;
  let hr: Person;
  let leader: Person;
  let crew: string;
  let crewMember: Person;
  let agencyInCrew: Person;
  let elsewhere: Person;
  let dueDate: string;

  const plansAs = (person: Person): RelayPulsePlans => new RelayPulsePlans(relayClientAs(tenant, person));
  const plan = (overrides: Partial<PlanFields> = {}): PlanFields => ({
    headline: 'Handover at every shift change',
    driver: 'leadership',
    source: { kind: 'driver' },
    youSaid: 'We lose information between shifts.',
    weWillDo: 'A five-minute handover at the line board.',
    owner: { name: leader.displayName, login: leader.userPrincipalName },
    dueDate,
    status: 'planned',
    groupKey: `crew=${crew}`,
    roundId,
    ...overrides
  });
  const publishedIds = async (person: Person): Promise<number[]> => (await plansAs(person).published()).plans.map((p) => p.id);

  beforeAll(async () => {
    tenant = await startTestTenant();
    const rounds = await (await spAsApp(tenant)).web.lists.getByTitle(LISTS.surveyRounds.title).items.select('ID', 'SurveyId', 'Status')<Array<{ ID: number; SurveyId: number; Status: string }>>();
    const closed = rounds.filter((r) => r.Status === 'closed')[0];
    roundId = closed.ID;
    surveyId = closed.SurveyId;
    hr = persona(tenant, 'hr');
    leader = persona(tenant, 'teamLeader');
    crew = teamIdOf(leader.crewKey as string).toLowerCase();
    crewMember = persona(tenant, 'operator');
    agencyInCrew = persona(tenant, 'agencyOperator');
    elsewhere = findPerson(tenant, (p) => p.role === 'operator' && p.siteCode !== crewMember.siteCode && p.crewKey !== undefined);
    dueDate = new Date(tenant.context.now().getTime() + 14 * DAY).toISOString().slice(0, 10);
  }, 60_000);
  afterAll(async () => tenant.close());

  it('makes a Teams owner a plan writer only for a crew HR named in a survey (owning a team is not enough)', async () => {
    // The demo plant's crew check-in names the workbench leader's crew; another crew's owner is named in no survey yet.
    expect((await plansAs(leader).mine()).writer).toEqual({ role: 'leader', crews: [{ dimension: 'crew', value: crew }] });
    const owner = findPerson(tenant, (p) => p.role === 'teamLeader' && p.crewKey !== undefined && p.crewKey !== leader.crewKey);
    const ownersCrew = teamIdOf(owner.crewKey as string);
    expect((await plansAs(owner).mine()).writer).toEqual({ role: 'employee', crews: [] });
    const refused = await callRelay(tenant, owner, 'POST', 'plans/save', { planKey: newRequestId(), plan: plan({ groupKey: `crew=${ownersCrew.toLowerCase()}` }) });
    expect(refused.status).toBe(403);
    addRound(tenant, { audience: { crewKeys: [ownersCrew] } });
    expect((await plansAs(owner).mine()).writer).toEqual({ role: 'leader', crews: [{ dimension: 'crew', value: ownersCrew.toLowerCase() }] });
  });

  it('lets a leader draft a plan for their crew that no employee sees, publish it to the crew only, move its status and take it back', async () => {
    const leaders = plansAs(leader);
    const mine = await leaders.mine();
    expect(mine.writer).toEqual({ role: 'leader', crews: expect.arrayContaining([{ dimension: 'crew', value: crew }]) });

    const draft = await leaders.save({ planKey: newRequestId(), plan: plan() });
    expect(draft.publishedAt).toBeUndefined();
    expect(draft.surveyId).toBeGreaterThan(0);
    expect(await publishedIds(crewMember)).not.toContain(draft.id);
    expect((await leaders.mine()).plans.map((p) => p.id)).toContain(draft.id);
    expect((await plansAs(hr).mine()).plans.map((p) => p.id)).toContain(draft.id);
    expect((await plansAs(crewMember).mine()).plans).toEqual([]);

    const published = await leaders.publish(draft.id, draft.version, true);
    expect(published.publishedAt).toBeDefined();
    for (const person of [crewMember, agencyInCrew, leader]) {
      expect([person.displayName, await publishedIds(person)]).toEqual([person.displayName, expect.arrayContaining([draft.id])]);
    }
    expect(await publishedIds(elsewhere)).not.toContain(draft.id);
    // What an employee gets: the owner's name, never their sign-in name, the plan key or a version.
    const raw = await callRelay(tenant, crewMember, 'GET', 'plans');
    const seen = (raw.body as unknown as { plans: Array<Record<string, unknown>> }).plans.find((p) => p.id === draft.id) as Record<string, unknown>;
    expect(seen.ownerName).toBe(leader.displayName);
    expect(Object.keys(seen).sort()).toEqual(['driver', 'dueDate', 'groupKey', 'headline', 'id', 'ownerName', 'publishedAt', 'source', 'status', 'weWillDo', 'youSaid']);

    const started = await leaders.setStatus(published.id, published.version, 'in-progress');
    expect(started.status).toBe('in-progress');
    expect((await plansAs(crewMember).published()).plans.find((p) => p.id === draft.id)?.status).toBe('in-progress');

    // An older version is not written over.
    await expect(leaders.setStatus(published.id, published.version, 'done')).rejects.toMatchObject({ code: 'changed' });

    const back = await leaders.publish(started.id, started.version, false);
    expect(back.publishedAt).toBeUndefined();
    expect(await publishedIds(crewMember)).not.toContain(draft.id);
  }, 60_000);

  it('refuses a leader a plan for another crew, their line, their site or the plant, and refuses anyone who leads no crew', async () => {
    const other = teamIdOf(elsewhere.crewKey as string).toLowerCase();
    for (const groupKey of [`crew=${other}`, `line=${(leader.lineCode as string).toLowerCase()}`, `site=${leader.siteCode.toLowerCase()}`, 'plant']) {
      const answer = await callRelay(tenant, leader, 'POST', 'plans/save', { planKey: newRequestId(), plan: plan({ groupKey }) });
      expect([groupKey, answer.status, answer.body.error?.field]).toEqual([groupKey, 400, 'groupNotYours']);
    }
    // HR's plant plan is not the leader's to publish, change or take back.
    const hrPlan = await plansAs(hr).save({ planKey: newRequestId(), plan: plan({ groupKey: 'plant', owner: { name: hr.displayName, login: hr.userPrincipalName } }) });
    for (const [path, body] of [
      ['plans/publish', { id: hrPlan.id, version: hrPlan.version, published: true }],
      ['plans/status', { id: hrPlan.id, version: hrPlan.version, status: 'done' }],
      ['plans/save', { planKey: newRequestId(), id: hrPlan.id, version: hrPlan.version, plan: plan({ groupKey: 'plant' }) }]
    ] as const) {
      expect([path, (await callRelay(tenant, leader, 'POST', path, body)).status]).toEqual([path, 404]);
    }
    const operatorSave = await callRelay(tenant, crewMember, 'POST', 'plans/save', { planKey: newRequestId(), plan: plan() });
    expect([operatorSave.status, operatorSave.body.error?.code]).toEqual([403, 'notAllowed']);
    await expect(plansAs(crewMember).publish(hrPlan.id, hrPlan.version, true)).rejects.toMatchObject({ code: 'notFound' });
  }, 60_000);

  it('shows each person the published plans of their own groups: HR publishes to agency staff, a site, the plant', async () => {
    const hrs = plansAs(hr);
    const publish = async (groupKey: string): Promise<ActionPlanRecord> => {
      const saved = await hrs.save({ planKey: newRequestId(), plan: plan({ groupKey, owner: { name: hr.displayName, login: hr.userPrincipalName } }) });
      return hrs.publish(saved.id, saved.version, true);
    };
    const agency = await publish('employmentType=agency');
    const site = await publish(`site=${crewMember.siteCode.toLowerCase()}`);
    const plant = await publish('plant');
    const otherSite = await publish(`site=${elsewhere.siteCode.toLowerCase()}`);
    expect(await publishedIds(agencyInCrew)).toEqual(expect.arrayContaining([agency.id, site.id, plant.id]));
    expect(await publishedIds(agencyInCrew)).not.toContain(otherSite.id);
    const employee = await publishedIds(crewMember);
    expect(employee).toEqual(expect.arrayContaining([site.id, plant.id]));
    expect(employee).not.toContain(agency.id);
    expect(await publishedIds(elsewhere)).toEqual(expect.arrayContaining([plant.id, otherSite.id]));
    expect(await publishedIds(elsewhere)).not.toContain(site.id);
    // Newest first.
    const order = await publishedIds(agencyInCrew);
    expect(order.indexOf(plant.id)).toBeLessThan(order.indexOf(agency.id));
  }, 60_000);

  it('refuses bad input with the field\'s code and stores a new plan once however often it is sent', async () => {
    const save = async (body: unknown): Promise<[number, string | undefined]> => {
      const answer = await callRelay(tenant, hr, 'POST', 'plans/save', body);
      return [answer.status, answer.body.error?.field];
    };
    const key = newRequestId();
    const hrPlan = (overrides: Partial<PlanFields> = {}): PlanFields => plan({ groupKey: 'plant', owner: { name: hr.displayName, login: hr.userPrincipalName }, ...overrides });
    expect(await save({ planKey: key, plan: hrPlan({ headline: '  ' }) })).toEqual([400, 'headlineEmpty']);
    expect(await save({ planKey: key, plan: hrPlan({ dueDate: '2020-01-01' }) })).toEqual([400, 'dueDatePast']);
    expect(await save({ planKey: key, plan: { ...hrPlan(), driver: 'pay' } })).toEqual([400, 'driverUnknown']);
    expect(await save({ planKey: key, plan: hrPlan({ groupKey: 'site=got&employmentType=agency' }) })).toEqual([400, 'groupInvalid']);
    expect(await save({ planKey: key, plan: hrPlan({ roundId: 999_999 }) })).toEqual([400, 'roundUnknown']);
    expect(await save({ planKey: key, plan: hrPlan({ owner: { name: 'Nobody', login: 'nobody@nowhere.example' } }) })).toEqual([400, 'ownerUnknown']);
    expect(await save({ planKey: 'short', plan: hrPlan() })).toEqual([400, 'planKey']);
    expect((await callRelay(tenant, hr, 'POST', 'plans/save', '{not json')).status).toBe(400);

    // A draft without what will be done may be kept, not published.
    const hrs = plansAs(hr);
    const draft = await hrs.save({ planKey: key, plan: hrPlan({ weWillDo: '', dueDate: '' }) });
    const again = await hrs.save({ planKey: key, plan: hrPlan({ weWillDo: '', dueDate: '' }) });
    expect(again.id).toBe(draft.id);
    const keyed = await (await spAsApp(tenant)).web.lists.getByTitle(PLANS).items.filter(`PlanKey eq '${key}'`)<unknown[]>();
    expect(keyed).toHaveLength(1);
    const refused = await callRelay(tenant, hr, 'POST', 'plans/publish', { id: draft.id, version: draft.version, published: true });
    expect([refused.status, refused.body.error?.field]).toEqual([400, 'weWillDoEmpty']);
    await expect(hrs.publish(draft.id, draft.version, true)).rejects.toBeInstanceOf(PlanStoreError);
  }, 60_000);

  it('seeds the demo plant\'s plans as the relay writes them: each reaches its own group, in the plant\'s languages', async () => {
    const context = createHistoryContext(tenant.context.sp, tenant.context.directory, createRandom(7), tenant.context.now(), tenant.context.siteUrlPath);
    const [mould, weld, plant] = seedPublishedPlans(context, { surveyId, roundId });
    const mouldOperator = findPerson(tenant, (p) => p.role === 'operator' && p.lineCode === 'EIN-MOULD');
    const weldCrew = context.crews.find((c) => c.crew.line.code === 'GOT-WELD2');
    const welder = weldCrew?.operators[0] as Person;
    const mouldSees = await plansAs(mouldOperator).published();
    expect(mouldSees.plans.map((p) => p.id)).toEqual(expect.arrayContaining([mould, plant]));
    expect(mouldSees.plans.map((p) => p.id)).not.toContain(weld);
    expect(mouldSees.plans.find((p) => p.id === mould)).toMatchObject({ headline: 'Overdracht bij elke ploegwissel', status: 'in-progress', groupKey: 'line=ein-mould' });
    const welderSees = (await plansAs(welder).published()).plans;
    expect(welderSees.map((p) => p.id)).toEqual(expect.arrayContaining([weld, plant]));
    expect(welderSees.map((p) => p.id)).not.toContain(mould);
    expect(welderSees.find((p) => p.id === weld)).toMatchObject({ headline: 'Byta skift i Teams Shifts', status: 'done', ownerName: weldCrew?.leader.displayName, source: { kind: 'comment' } });
    // The crew's leader finds it among the plans they may edit, as any plan the relay stored for them.
    expect((await plansAs(weldCrew?.leader as Person).mine()).plans.map((p) => p.id)).toContain(weld);
  }, 60_000);

  it('keeps SE_ActionPlans the relay\'s: members neither read nor write it through SharePoint REST, and rows written by hand count for nothing', async () => {
    const leaders = plansAs(leader);
    const saved = await leaders.save({ planKey: newRequestId(), plan: plan({ headline: 'Relay-written plan' }) });
    const stored = await leaders.publish(saved.id, saved.version, true);

    // A member's REST: no item to read, no item written (a forged published plan).
    const member = spAs(tenant, crewMember).web.lists.getByTitle(PLANS);
    expect(await member.items.select('ID')<unknown[]>()).toEqual([]);
    let status: number | undefined;
    try {
      await member.items.add({ Title: 'Free lunch for crew A', SurveyId: 1, RoundId: roundId, GroupKey: `crew=${crew}`, Driver: 'recognition', YouSaid: 'x', Status: 'planned', PublishedAt: new Date().toISOString() });
    } catch (error) {
      status = httpStatusOf(error);
    }
    expect(status).toBe(403);

    // HR can write the list in SharePoint, but a plan HR added or changed by hand is not the relay's.
    const hrList = spAs(tenant, hr).web.lists.getByTitle(PLANS);
    const forged = await hrList.items.add({ Title: 'Written by hand', SurveyId: 1, RoundId: roundId, GroupKey: 'plant', Driver: 'recognition', YouSaid: 'x', Status: 'planned', PublishedAt: new Date().toISOString() });
    const forgedId = (forged as { data?: { ID?: number }; ID?: number }).data?.ID ?? (forged as { ID?: number }).ID;
    expect(await publishedIds(crewMember)).toContain(stored.id);
    expect(await publishedIds(crewMember)).not.toContain(forgedId);
    await hrList.items.getById(stored.id).update({ Title: 'Changed by hand' });
    expect(await publishedIds(crewMember)).not.toContain(stored.id);
  }, 60_000);
});
