/**
 * Action plans through the relay, over real HTTP against the local tenant
 * (relay/src/routes/pulsePlans.ts): who may write which group from the token and Microsoft Graph
 * only, drafts that reach no employee, published plans for the groups a person belongs to, plans
 * written only by the relay (SharePoint REST refuses members, and rows written by hand count for
 * nothing), and bad input refused with the core's codes.
 */
import { movableClock, type MovableClock } from '../../local/server/admin';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { createHistoryContext } from '../../local/tenant/history/common';
import { seedPublishedPlans } from '../../local/tenant/history/plans';
import { createRandom } from '../../local/tenant/random';
import { teamIdOf } from '../../local/tenant/rosters';
import { threadIdOf } from '../../relay/src/pulse/threadsStore';
import { httpStatusOf } from '../../src/connectors/sharepoint/httpErrors';
import { RelayPulsePlans } from '../../src/connectors/relay/relayPulsePlans';
import type { ActionPlanRecord, PlanFields } from '../../src/core/pulse/plans/types';
import { PlanStoreError } from '../../src/core/pulse/plans/wire';
import { commentEntries } from '../../src/core/pulse/ballot';
import { newRequestId } from '../../src/core/requestId';
import { LISTS } from '../../src/core/schema/lists';
import { addRound, callRelay, DAY, entriesOf, KEYS, runPulseTimer, submissionKey, type TestRound } from '../support/pulse';
import { findPerson, persona, relayClientAs, spAs, spAsApp, startTestTenant } from '../support/tenant';

const PLANS = LISTS.actionPlans.title;

/** A complete plan from the driver's figures, owned by `owner`, for `groupKey` of round `roundId`. */
const planFor = (owner: Person, groupKey: string, roundId: number, dueDate: string): PlanFields => ({
  headline: 'Handover at every shift change',
  driver: 'leadership',
  source: { kind: 'driver' },
  youSaid: 'We lose information between shifts.',
  weWillDo: 'A five-minute handover at the line board.',
  owner: { name: owner.displayName, login: owner.userPrincipalName },
  dueDate,
  status: 'planned',
  groupKey,
  roundId
});

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
  const plan = (overrides: Partial<PlanFields> = {}): PlanFields => ({ ...planFor(leader, `crew=${crew}`, roundId, dueDate), ...overrides });
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
    expect(welderSees.find((p) => p.id === weld)).toMatchObject({ headline: 'Byta skift i Teams Shifts', status: 'done', ownerName: weldCrew?.leader.displayName });
    // Given no comment to quote, the crew's plan starts from its driver.
    expect(welderSees.find((p) => p.id === weld)?.source).toEqual({ kind: 'driver' });
    // The demo plant's own crew plan quotes the crew check-in's comment on swapping shifts by its
    // thread: the welder reads that it came from a comment, the crew's leader reads its words.
    const seededWeld = welderSees.find((p) => p.id !== weld && p.headline === 'Byta skift i Teams Shifts');
    expect(seededWeld?.source).toEqual({ kind: 'comment' });
    const leaderSees = (await plansAs(weldCrew?.leader as Person).mine()).plans.find((p) => p.id === seededWeld?.id);
    expect(leaderSees?.source).toMatchObject({ kind: 'comment', text: expect.stringMatching(/pappersblankett|papieren formulier|paper form/) });
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

/**
 * A plan that quotes a comment names it by its thread id; the relay takes the words from the
 * released comment itself, only for a writer who is shown it in the plan's group, and serves them
 * only while HR and leaders are shown the comment (docs/pulse-results.md "Quoting a comment").
 */
describe('action plans quoting a released comment', () => {
  const clock: MovableClock = movableClock(new Date());
  const START = clock();
  let tenant: RunningTenant;
  let round: TestRound;
  let hr: Person;
  let leader: Person;
  let otherLeader: Person;
  let crewMember: Person;
  let crewKey: string;
  let otherCrewKey: string;
  let dueDate: string;
  /** The crew's released comments: thread id, words, and who wrote them (only the relay's keys tell). */
  let comments: Array<{ threadId: string; text: string; author: Person }> = [];

  const plansAs = (person: Person): RelayPulsePlans => new RelayPulsePlans(relayClientAs(tenant, person));
  /** HR's plan for the crew quoting the comment of `threadId` (none: no thread id sent). */
  const quoting = (threadId: string | undefined, overrides: Partial<Omit<PlanFields, 'source' | 'roundId'>> & { source?: unknown; roundId?: unknown } = {}): Record<string, unknown> => ({
    ...planFor(hr, `crew=${crewKey}`, round.roundId, dueDate),
    source: { kind: 'comment', threadId },
    ...overrides
  });
  const save = async (person: Person, plan: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<{ status: number; field?: string; plan?: ActionPlanRecord }> => {
    const answer = await callRelay(tenant, person, 'POST', 'plans/save', { planKey: newRequestId(), plan, ...extra });
    return { status: answer.status, field: answer.body.error?.field, plan: (answer.body as { plan?: ActionPlanRecord }).plan };
  };
  const publishQuote = async (threadId: string): Promise<ActionPlanRecord> => {
    const hrs = plansAs(hr);
    const saved = await hrs.save({ planKey: newRequestId(), plan: quoting(threadId) as unknown as PlanFields });
    return hrs.publish(saved.id, saved.version, true);
  };
  const sourceSeenBy = async (person: Person, id: number): Promise<unknown> => {
    const answer = await callRelay(tenant, person, 'GET', 'plans');
    return (answer.body as unknown as { plans: Array<{ id: number; source: unknown }> }).plans.find((p) => p.id === id)?.source;
  };
  /** The words of the comment plan `id` quotes, as its writers (HR here) are served them. */
  const quotedWords = async (id: number): Promise<string | undefined> => {
    const source = (await plansAs(hr).mine()).plans.find((p) => p.id === id)?.source;
    return source?.kind === 'comment' ? source.text : undefined;
  };
  const rowOf = async (id: number): Promise<Record<string, unknown>> =>
    (await spAs(tenant, persona(tenant, 'siteAdmin')).web.lists.getByTitle(PLANS).items.getById(id)()) as Record<string, unknown>;

  beforeAll(async () => {
    tenant = await startTestTenant({ now: clock });
    hr = persona(tenant, 'hr');
    leader = persona(tenant, 'teamLeader');
    otherLeader = findPerson(tenant, (p) => p.role === 'teamLeader' && p.crewKey !== undefined && p.crewKey !== leader.crewKey && p.lineCode !== leader.lineCode);
    crewKey = teamIdOf(leader.crewKey as string).toLowerCase();
    otherCrewKey = teamIdOf(otherLeader.crewKey as string).toLowerCase();
    dueDate = new Date(START.getTime() + 14 * DAY).toISOString().slice(0, 10);
    // HR names both crews: both leaders write plans for their own crew.
    round = addRound(tenant, { audience: { crewKeys: [teamIdOf(leader.crewKey as string), teamIdOf(otherLeader.crewKey as string)] }, closes: START.getTime() + DAY });
    const crew = tenant.context.directory.all().filter((p) => !p.isApp && p.crewKey === leader.crewKey && p.id !== leader.id);
    crewMember = crew[0];
    for (const [index, person] of crew.entries()) {
      await callRelay(tenant, person, 'POST', 'answers', {
        roundId: round.roundId,
        submissionKey: submissionKey(),
        answers: { 'part-of-team': 4, 'recommend-workplace': 8 },
        comments: { 'one-thing-better': `Comment ${index} of the crew: the handover board is never filled in on nights` }
      });
    }
    clock.moveTo(new Date(START.getTime() + DAY + 60_000));
    await runPulseTimer(tenant);
    const entries = commentEntries(await entriesOf(tenant, round.roundId));
    comments = entries.map((entry) => ({
      threadId: threadIdOf(KEYS, round.roundId, entry),
      text: entry.text,
      author: crew.find((person) => KEYS.authorTags(round.roundId, person.id).indexOf(entry.author) >= 0) as Person
    }));
    expect(comments.length).toBeGreaterThanOrEqual(10);
  }, 180_000);
  afterAll(async () => tenant.close());

  it('takes no words from the writer as a quote: only a released comment, named by its thread id, whose words the relay serves', async () => {
    // Words nobody wrote, typed as the "comment" a plan heard.
    expect(await save(hr, quoting(undefined, { source: { kind: 'comment', text: 'We all want a free lunch every Friday.' } }))).toMatchObject({ status: 400, field: 'sourceUnavailable' });

    // A real comment named by its thread id: words sent beside the id count for nothing.
    const [first] = comments;
    const saved = await save(hr, quoting(first.threadId, { source: { kind: 'comment', threadId: first.threadId, text: 'Forged words' } }));
    expect(saved.status).toBe(200);
    expect(saved.plan?.source).toEqual({ kind: 'comment', threadId: first.threadId, text: first.text });

    // "You said" is the writer's own words: the comment copied into it is refused (it would stay when the comment goes).
    expect(await save(hr, quoting(first.threadId, { youSaid: `You said: ${first.text}` }))).toMatchObject({ status: 400, field: 'youSaidRepeatsComment' });

    const published = await plansAs(hr).publish((saved.plan as ActionPlanRecord).id, (saved.plan as ActionPlanRecord).version, true);
    // The crew reads that the plan came from a comment, never its words or thread id: ten
    // colleagues can tell each other's words apart, and the author wrote to HR and leaders only.
    expect(await sourceSeenBy(crewMember, published.id)).toEqual({ kind: 'comment' });
    expect(await quotedWords(published.id)).toBe(first.text);
    // A site owner reading the list finds the thread id only: no words of the comment, none of the forgery.
    const row = await rowOf(published.id);
    expect(row.SourceComment).toBe(`thread:${first.threadId}`);
    expect(JSON.stringify(row)).not.toContain('handover board is never');
    expect(JSON.stringify(row)).not.toContain('Forged');
  }, 120_000);

  it('refuses a thread the writer is not shown in the plan\'s group: another crew\'s leader, another group, another round, a made-up id', async () => {
    const { threadId } = comments[1];
    // The crew's leader is shown it in their crew's list.
    expect((await save(leader, quoting(threadId, { owner: { name: leader.displayName, login: leader.userPrincipalName } }))).status).toBe(200);
    // Another crew's leader writes plans for their own crew, where this comment is not listed.
    expect((await plansAs(otherLeader).mine()).writer.role).toBe('leader');
    expect(await save(otherLeader, quoting(threadId, { groupKey: `crew=${otherCrewKey}`, owner: { name: otherLeader.displayName, login: otherLeader.userPrincipalName } }))).toMatchObject({
      status: 400,
      field: 'sourceUnavailable'
    });
    // HR, shown it in the crew's list, may not publish it to another crew.
    expect(await save(hr, quoting(threadId, { groupKey: `crew=${otherCrewKey}` }))).toMatchObject({ status: 400, field: 'sourceUnavailable' });
    // The thread id of this round, in another round.
    const seeded = (await (await spAsApp(tenant)).web.lists.getByTitle(LISTS.surveyRounds.title).items.select('ID', 'Status')<Array<{ ID: number; Status: string }>>()).find((r) => r.Status === 'closed' && r.ID !== round.roundId);
    expect(await save(hr, quoting(threadId, { roundId: seeded?.ID }))).toMatchObject({ status: 400, field: 'sourceUnavailable' });
    // An id the relay never made.
    expect(await save(hr, quoting(`${KEYS.activeId}:${'0'.repeat(64)}`))).toMatchObject({ status: 400, field: 'sourceUnavailable' });
    // Not an id at all.
    expect(await save(hr, quoting('not-a-thread'))).toMatchObject({ status: 400, field: 'sourceInvalid' });
  }, 120_000);

  it('takes a comment HR hid out of every plan at once, refuses it as a new quote, and brings it back when HR shows it', async () => {
    const { threadId, text } = comments[2];
    const plan = await publishQuote(threadId);
    const hide = await callRelay(tenant, hr, 'POST', 'threads/visibility', { threadId, requestId: newRequestId(), hidden: true });
    expect(hide.status).toBe(200);

    expect(await quotedWords(plan.id)).toBeUndefined();
    const hrs = (await plansAs(hr).mine()).plans.find((p) => p.id === plan.id);
    expect(hrs?.source).toEqual({ kind: 'comment', threadId });
    expect(await save(hr, quoting(threadId))).toMatchObject({ status: 400, field: 'sourceUnavailable' });
    expect(await save(leader, quoting(threadId, { owner: { name: leader.displayName, login: leader.userPrincipalName } }))).toMatchObject({ status: 400, field: 'sourceUnavailable' });
    // The plan itself may still be changed: it keeps naming the comment, and shows it only when it may.
    const changed = await save(hr, quoting(threadId, { headline: 'Handover board, nights first' }), { id: hrs?.id, version: hrs?.version });
    expect([changed.status, changed.plan?.source]).toEqual([200, { kind: 'comment', threadId }]);

    const show = await callRelay(tenant, hr, 'POST', 'threads/visibility', { threadId, requestId: newRequestId(), hidden: false });
    expect(show.status).toBe(200);
    expect(await quotedWords(plan.id)).toBe(text);
    expect(await sourceSeenBy(crewMember, plan.id)).toEqual({ kind: 'comment' });
  }, 120_000);

  it('serves no words for a plan stored with a comment\'s words in plain text, and drops them when the plan is next saved', async () => {
    const context = createHistoryContext(tenant.context.sp, tenant.context.directory, createRandom(11), tenant.context.now(), tenant.context.siteUrlPath);
    const legacy = context.add(
      PLANS,
      {
        Title: 'Quoted before quotes were tied to comments',
        SurveyId: round.surveyId,
        RoundId: round.roundId,
        GroupKey: `crew=${crewKey}`,
        Driver: 'leadership',
        YouSaid: 'Handovers miss things.',
        WeDid: 'A board.',
        SourceComment: 'Words kept in plain text since an older version',
        OwnerName: hr.displayName,
        DueDate: dueDate,
        Status: 'planned',
        PlanKey: 'legacy-plan-key-0001',
        PublishedAt: clock().toISOString()
      },
      context.relaySpUserId
    );
    expect(await sourceSeenBy(crewMember, legacy)).toEqual({ kind: 'comment' });
    const stored = (await plansAs(hr).mine()).plans.find((p) => p.id === legacy) as ActionPlanRecord;
    expect(stored.source).toEqual({ kind: 'comment' });
    // Another words-only quote is no quote for a plan that had none.
    expect(await save(hr, quoting(undefined))).toMatchObject({ status: 400, field: 'sourceUnavailable' });
    const resaved = await save(hr, { ...quoting(undefined), headline: 'Saved again' }, { id: legacy, version: stored.version });
    expect([resaved.status, resaved.plan?.source]).toEqual([200, { kind: 'comment' }]);
    expect(JSON.stringify(await rowOf(legacy))).not.toContain('plain text since');
  }, 120_000);

  it('keeps quoting a comment its author deleted until the deletion reaches HR and leaders (the next midnight, UTC), then serves no words', async () => {
    const { threadId, text, author } = comments[3];
    const plan = await publishQuote(threadId);
    const deleted = await callRelay(tenant, author, 'POST', 'threads/delete', { threadId, requestId: newRequestId() });
    expect(deleted.status).toBe(200);
    // The same day nothing tells the minute it was deleted: its writers still read it, HR may still quote it.
    expect(await quotedWords(plan.id)).toBe(text);
    expect((await save(hr, quoting(threadId))).status).toBe(200);

    const now = clock();
    clock.moveTo(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 5)));
    expect(await sourceSeenBy(crewMember, plan.id)).toEqual({ kind: 'comment' });
    expect((await plansAs(hr).mine()).plans.find((p) => p.id === plan.id)?.source).toEqual({ kind: 'comment', threadId });
    expect(await save(hr, quoting(threadId))).toMatchObject({ status: 400, field: 'sourceUnavailable' });
  }, 120_000);
});
