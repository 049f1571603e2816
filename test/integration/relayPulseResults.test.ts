/**
 * Pulse results through the relay, over real HTTP against the local tenant
 * (`GET /api/pulse/results`, relay/src/routes/pulseResults.ts): who sees what from the token only,
 * figures only for a closed round the timer's closing run published (after its drain and a
 * consistent box check), aggregates only, the publication held to and never made again, leaders
 * from the crews HR named, crews named as the rosters knew them, and thresholds sealed when the
 * round opened.
 */
import { movableClock, type MovableClock } from '../../local/server/admin';
import type { RunningTenant } from '../../local/server/tenant';
import { appendEntry } from '../../relay/src/pulse/ballotStore';
import { publishedPlace } from '../../relay/src/pulse/results';
import { thresholdsPlace } from '../../relay/src/pulse/resultsSeal';
import { PLANT, parseCellKey } from '../../src/core/pulse/results/cells';
import type { GroupResult } from '../../src/core/pulse/results/release';
import { isRefused, type PulseResultsBody, type RoundResults, type RoundResultsShown } from '../../src/core/pulse/results/wire';
import { LISTS } from '../../src/core/schema/lists';
import { RelayPulseResults } from '../../src/connectors/relay/relayPulseResults';
import { addRound, addScheduledSurvey, callRelay, DAY, KEYS, roundsOf, runPulseTimer, submissionKey, type TimerRun } from '../support/pulse';
import { persona, relayClientAs, spAs, spAsApp, startTestTenant } from '../support/tenant';
import type { Person } from '../../local/tenant/directory';
import { teamIdOf } from '../../local/tenant/rosters';
import { createPlantData } from '../../local/tenant/store';

/** What one timer run published (step 7 of the relay's pulse timer). */
async function publishedByTimer(tenant: RunningTenant): Promise<unknown> {
  const run: TimerRun & { published?: unknown } = await runPulseTimer(tenant);
  return run.published;
}

async function resultsAs(tenant: RunningTenant, person: Person, query = ''): Promise<PulseResultsBody> {
  const answer = await callRelay(tenant, person, 'GET', `results${query}`);
  expect(answer.status).toBe(200);
  return answer.body as unknown as PulseResultsBody;
}

function roundIn(body: PulseResultsBody, roundId: number): RoundResults {
  const round = body.rounds.find((r) => r.roundId === roundId);
  if (!round) {
    throw new Error(`Round ${roundId} is not in the answer.`);
  }
  return round;
}

function shown(round: RoundResults): RoundResultsShown {
  if (isRefused(round)) {
    throw new Error(`Round ${round.roundId} was refused (${round.refused}).`);
  }
  return round;
}

const figuresOf = (group: Exclude<GroupResult, { readonly withheld: unknown }>): typeof group.figures => group.figures;

/** Aggregates only: no entry, token, author or day; every shown group and figure at least the round's minimum. */
function expectAggregatesOnly(body: PulseResultsBody): void {
  const text = JSON.stringify(body);
  for (const word of ['"answers"', '"token"', '"author"', '"day"', '"groups":{', '"published"']) {
    expect(text).not.toContain(word);
  }
  body.rounds.filter((r) => !isRefused(r)).forEach((r) => {
    const { release } = shown(r);
    const minimum = release.thresholds.minGroupSize;
    release.groups.forEach((group) => {
      if ('withheld' in group) {
        expect(group.withheld).not.toBe('tooFew');
        return;
      }
      const figures = figuresOf(group);
      expect(figures.respondents).toBeGreaterThanOrEqual(minimum);
      figures.measures.forEach((m) => expect('withheld' in m || m.n >= minimum).toBe(true));
      figures.questions.forEach((q) => expect('withheld' in q || q.n >= minimum).toBe(true));
    });
    release.participation.forEach((entry) => expect('withheld' in entry || entry.respondents >= minimum).toBe(true));
    release.comments.forEach((list) => {
      if ('comments' in list) {
        list.comments.forEach((comment) => expect(Object.keys(comment).sort()).toEqual(['questionKey', 'text', 'threadId']));
      }
    });
  });
}

describe('pulse results on the seeded history', () => {
  let tenant: RunningTenant;
  let closedId: number;
  let openId: number;
  beforeAll(async () => {
    tenant = await startTestTenant();
    const rounds = await (await spAsApp(tenant)).web.lists.getByTitle(LISTS.surveyRounds.title).items.select('ID', 'Status')<Array<{ ID: number; Status: string }>>();
    closedId = rounds.filter((r) => r.Status === 'closed')[0].ID;
    openId = rounds.filter((r) => r.Status === 'open')[0].ID;
  }, 60_000);
  afterAll(async () => tenant.close());

  it('shows a closed round\'s counts only until the timer\'s closing run has published it', async () => {
    const before = shown(roundIn(await resultsAs(tenant, persona(tenant, 'hr')), closedId)).release;
    expect(before.availability).toBe('participation');
    expect(before.groups.every((g) => 'withheld' in g)).toBe(true);
    expect(await publishedByTimer(tenant)).toEqual(expect.arrayContaining([{ roundId: closedId, state: 'published' }]));
  }, 120_000);

  it('gives HR the plant with suppressed cells for the closed round, and counts only for the open one', async () => {
    const body = await resultsAs(tenant, persona(tenant, 'hr'));
    expect(body.viewer).toEqual({ role: 'hr', leads: [] });
    expectAggregatesOnly(body);
    const closed = shown(roundIn(body, closedId)).release;
    expect(closed.availability).toBe('results');
    const plant = closed.groups.find((g) => g.key === PLANT);
    expect(plant && 'figures' in plant ? plant.figures.respondents : 0).toBeGreaterThanOrEqual(100);
    expect(closed.groups.some((g) => 'withheld' in g && g.withheld === 'protectsAnother')).toBe(true);
    expect(closed.groups.filter((g) => parseCellKey(g.key)?.[0]?.dimension === 'crew').length).toBeGreaterThan(1);

    // The rosters' crews, named, answered or not (the release may leave small ones out); none before publication.
    const crews = shown(roundIn(body, closedId)).crews ?? {};
    const crewCells = closed.groups.map((g) => parseCellKey(g.key) ?? []).filter((f) => f.length === 1 && f[0].dimension === 'crew').map((f) => f[0].value);
    expect(Object.keys(crews).length).toBeGreaterThanOrEqual(new Set(crewCells).size);
    expect(crewCells.every((crew) => crews[crew]?.name !== undefined && crews[crew]?.name !== crew)).toBe(true);
    expect(shown(roundIn(body, openId)).crews).toBeUndefined();

    // The plant's participation against who was asked: everyone the crews' rosters put on the
    // two sites the survey asks, as the relay read them to publish (from yesterday, 31 days).
    const from = Math.floor(tenant.context.now().getTime() / DAY) * DAY - DAY;
    const plantData = createPlantData(tenant.context.db);
    const siteOf = new Map(tenant.context.directory.all().map((p) => [p.id, p.siteCode]));
    const asked = plantData
      .teams()
      .map((team) => new Set(plantData.shifts(team.id).filter((shift) => Date.parse(shift.startUtc) >= from && Date.parse(shift.endUtc) <= from + 31 * DAY).map((shift) => shift.userId)))
      .reduce((total, rostered) => total + Array.from(rostered).filter((id) => ['GOT', 'EIN'].indexOf(siteOf.get(id ?? '') ?? '') >= 0).length, 0);
    const plantParticipation = closed.participation.find((p) => p.key === PLANT);
    const respondents = plant && 'figures' in plant ? plant.figures.respondents : 0;
    expect(plantParticipation).toEqual({ key: PLANT, respondents, audience: asked, rate: respondents / asked });
    // Rates beside shown counts only; a crew too small to show has none, nor a name with a count.
    closed.participation.forEach((entry) => expect('rate' in entry ? entry.respondents : Infinity).toBeGreaterThanOrEqual(closed.thresholds.minGroupSize));
    expect(JSON.stringify(crews)).not.toMatch(/audience|rate|respondents/);

    // Each question with its words in the product's languages, read by the relay with the round:
    // the page needs no read of the question bank of its own.
    const questions = shown(roundIn(body, closedId)).questions;
    expect(questions.length).toBeGreaterThan(3);
    questions.forEach((question) => expect(Object.keys(question.texts ?? {})).toEqual(expect.arrayContaining(['en-us', 'nl-nl', 'sv-se'])));
    expect(questions.find((question) => question.key === 'part-of-team')?.texts).toEqual({
      'en-us': 'I feel part of my team.',
      'nl-nl': 'Ik voel me onderdeel van mijn ploeg.',
      'sv-se': 'Jag känner mig som en del av mitt lag.'
    });
    const open = shown(roundIn(body, openId)).release;
    expect(open.availability).toBe('participation');
    expect(open.groups.every((g) => 'withheld' in g)).toBe(true);
    expect(open.participation.some((p) => 'respondents' in p)).toBe(true);
  }, 60_000);

  it('makes nobody a leader of a round whose audience names no crews, whatever teams they own', async () => {
    // The monthly pulse asks whole sites; a Teams owner (anyone can make a team and put colleagues
    // on its Shifts) learns nothing more than the plant from it. The crew check-in HR sent to
    // Weld A by name makes its owner a leader of that crew, in that round alone.
    const leader = persona(tenant, 'teamLeader');
    const body = await resultsAs(tenant, leader);
    expectAggregatesOnly(body);
    expect(body.viewer).toEqual({ role: 'leader', leads: [{ dimension: 'crew', value: teamIdOf(leader.crewKey as string).toLowerCase() }] });
    expect(shown(roundIn(body, closedId)).release.groups.map((g) => g.key)).toEqual([PLANT]);
    expect(shown(roundIn(body, closedId)).crews).toBeUndefined();
  }, 60_000);

  it('gives an employee the plant only, and no query parameter widens anyone\'s scope', async () => {
    const operator = persona(tenant, 'operator');
    const body = await resultsAs(tenant, operator);
    expectAggregatesOnly(body);
    expect(body.viewer).toEqual({ role: 'employee', leads: [] });
    body.rounds.forEach((r) => {
      const { release } = shown(r);
      expect(release.groups.map((g) => g.key)).toEqual([PLANT]);
      expect(release.participation.map((p) => p.key)).toEqual([PLANT]);
      expect(release.comments).toEqual([]);
      expect(shown(r).crews).toBeUndefined();
    });
    const strip = (b: PulseResultsBody): unknown => b.rounds.map((r) => ({ ...r, release: { ...shown(r).release, comments: [] } }));
    const widened = await resultsAs(tenant, operator, '?role=hr&scope=plant&viewer=hr&crew=all&site=GOT');
    expect(widened.viewer).toEqual(body.viewer);
    expect(strip(widened)).toEqual(strip(body));
    const leader = persona(tenant, 'teamLeader');
    const asLeader = await resultsAs(tenant, leader);
    const leaderWidened = await resultsAs(tenant, leader, '?role=hr&leads=site%3DGOT');
    expect(leaderWidened.viewer).toEqual(asLeader.viewer);
    expect(strip(leaderWidened)).toEqual(strip(asLeader));
  }, 60_000);

  it('reads through the page\'s connector, on the one relay client', async () => {
    const body = await new RelayPulseResults(relayClientAs(tenant, persona(tenant, 'operator'))).results();
    expect(body.viewer.role).toBe('employee');
    expect(body.rounds.map((r) => r.roundId)).toEqual(expect.arrayContaining([closedId, openId]));
  }, 60_000);
});

describe('a round published, held to, and refused when its boxes do not match', () => {
  // The tenant's clock, moved past the round's close when the test says so.
  const clock: MovableClock = movableClock(new Date('2026-05-04T08:00:00Z'));
  const START = clock();
  let tenant: RunningTenant;
  beforeAll(async () => (tenant = await startTestTenant({ now: clock })), 60_000);
  afterAll(async () => tenant.close());

  it('keeps the first publication, ignores what others write, and withholds figures that would differ', async () => {
    const round = addRound(tenant, { closes: START.getTime() + DAY });
    // Eight people of one site answer while the round is open.
    const people = tenant.context.directory
      .all()
      .filter((p) => !p.isApp && p.siteCode === 'GOT')
      .slice(80, 88);
    for (const person of people) {
      const answer = await callRelay(tenant, person, 'POST', 'answers', {
        roundId: round.roundId,
        submissionKey: submissionKey(),
        answers: { 'part-of-team': 4, 'safe-to-speak-up': 3, 'recommend-workplace': 9 },
        comments: {}
      });
      expect(answer.status).toBe(200);
    }
    const hr = persona(tenant, 'hr');
    // Open: participation counts only.
    const open = shown(roundIn(await resultsAs(tenant, hr), round.roundId)).release;
    expect(open.availability).toBe('participation');
    expect(open.groups.every((g) => 'withheld' in g)).toBe(true);
    const owner = spAs(tenant, persona(tenant, 'siteAdmin'));
    const published = (): Promise<Array<{ ID: number; Envelope: string }>> =>
      owner.web.lists.getByTitle(LISTS.responses.title).items.select('ID', 'Envelope').filter(`BoxKey eq '${publishedPlace(round.roundId)}'`)();
    expect(await published()).toEqual([]);
    // A published record the site owner writes before the relay publishes counts for nothing.
    await owner.web.lists
      .getByTitle(LISTS.responses.title)
      .items.add({ RoundId: round.roundId, SurveyId: round.surveyId, Title: publishedPlace(round.roundId), BoxKey: publishedPlace(round.roundId), Envelope: 'pe1.k1.AAAA.AAAA.AAAA' });

    clock.moveTo(new Date(START.getTime() + DAY + 60_000));
    // Closed, but the timer's closing run has not published it: counts only, nothing written.
    const closing = shown(roundIn(await resultsAs(tenant, hr), round.roundId)).release;
    expect(closing.availability).toBe('participation');
    expect(closing.groups.every((g) => 'withheld' in g)).toBe(true);
    expect(await published()).toHaveLength(1);
    expect(await publishedByTimer(tenant)).toEqual(expect.arrayContaining([{ roundId: round.roundId, state: 'published' }]));
    const first = await resultsAs(tenant, hr);
    expectAggregatesOnly(first);
    const release = shown(roundIn(first, round.roundId)).release;
    expect(release.availability).toBe('results');
    const plant = release.groups.find((g) => g.key === PLANT);
    expect(plant && 'figures' in plant ? plant.figures.respondents : 0).toBe(people.length);
    // Kept once beside the forged one, sealed: the site owner reads no count.
    const kept = (await published()).slice(1);
    expect(kept).toHaveLength(1);
    expect(kept[0].Envelope).toMatch(/^pe1\.local-1\./);
    expect(kept[0].Envelope).not.toContain('plant');

    // Someone else forges a box: ignored, the figures stand as published.
    const forged = { RoundId: round.roundId, SurveyId: round.surveyId };
    await owner.web.lists.getByTitle(LISTS.responses.title).items.add({ ...forged, Title: `${round.roundId}:0:7`, BoxKey: `${round.roundId}:0`, Envelope: kept[0].Envelope });
    const again = shown(roundIn(await resultsAs(tenant, hr), round.roundId)).release;
    expect(again.groups).toEqual(release.groups);
    expect(await published()).toHaveLength(2);

    // An answer the relay's own boxes gain after publication (with its participation, so the box
    // check still holds): the figures no longer match what was published, so none is shown.
    const app = await spAsApp(tenant);
    const late = people[0];
    await appendEntry(app, KEYS, { kind: 'answers', token: KEYS.token(round.roundId, submissionKey()), day: '2026-05-04', groups: { site: 'got', line: 'got-weld2', crew: 'none', employmentType: 'employee', tenureBand: '1-3', groupKey: 'got/staff' }, answers: { 'part-of-team': 1 } }, round);
    const key = `${round.roundId}:${late.spUserId + 100000}`;
    await app.web.lists.getByTitle(LISTS.participation.title).items.add({ Title: key, RoundId: round.roundId, ParticipantId: persona(tenant, 'operator').spUserId, ParticipationKey: key, Status: 'counted' });
    // The box written again has lost the published mark: the timer marks it again, never publishes again.
    expect(await publishedByTimer(tenant)).toEqual(expect.arrayContaining([{ roundId: round.roundId, state: 'published' }]));
    expect(await published()).toHaveLength(2);
    const changed = shown(roundIn(await resultsAs(tenant, hr), round.roundId)).release;
    const plantNow = changed.groups.find((g) => g.key === PLANT);
    expect(plantNow && 'withheld' in plantNow ? plantNow.withheld : 'shown').toBe('changedSincePublished');
    expect(changed.groups.some((g) => 'figures' in g)).toBe(false);

    // A counted participation with no answer behind it: the box check fails, the round is refused.
    const missing = `${round.roundId}:${late.spUserId + 200000}`;
    await app.web.lists.getByTitle(LISTS.participation.title).items.add({ Title: missing, RoundId: round.roundId, ParticipantId: hr.spUserId, ParticipationKey: missing, Status: 'counted' });
    const refused = roundIn(await resultsAs(tenant, hr), round.roundId);
    expect(refused).toMatchObject({ refused: 'boxCheckFailed', check: 'answersMissing' });
    expect('release' in refused).toBe(false);
    const forEmployee = roundIn(await resultsAs(tenant, persona(tenant, 'operator')), round.roundId);
    expect(forEmployee).toMatchObject({ refused: 'boxCheckFailed' });
    expect('check' in forEmployee).toBe(false);
  }, 120_000);

  /** Eight people of one site answer the round. */
  async function eightAnswer(roundId: number): Promise<void> {
    const people = tenant.context.directory
      .all()
      .filter((p) => !p.isApp && p.siteCode === 'GOT')
      .slice(100, 108);
    for (const person of people) {
      const answer = await callRelay(tenant, person, 'POST', 'answers', { roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 4, 'recommend-workplace': 9 }, comments: {} });
      expect(answer.status).toBe(200);
    }
  }

  it('refuses a round whose published record was deleted, and never publishes it again', async () => {
    const round = addRound(tenant, { closes: clock().getTime() + DAY });
    await eightAnswer(round.roundId);
    clock.moveTo(new Date(clock().getTime() + DAY + 60_000));
    expect(await publishedByTimer(tenant)).toEqual(expect.arrayContaining([{ roundId: round.roundId, state: 'published' }]));
    const hr = persona(tenant, 'hr');
    expect(shown(roundIn(await resultsAs(tenant, hr), round.roundId)).release.availability).toBe('results');

    // A site owner deletes the record, hoping the next call publishes again from today's roster.
    const owner = spAs(tenant, persona(tenant, 'siteAdmin'));
    const responses = owner.web.lists.getByTitle(LISTS.responses.title);
    const records = await responses.items.select('ID').filter(`BoxKey eq '${publishedPlace(round.roundId)}'`)<Array<{ ID: number }>>();
    expect(records).toHaveLength(1);
    await responses.items.getById(records[0].ID).delete();

    expect(roundIn(await resultsAs(tenant, hr), round.roundId)).toMatchObject({ refused: 'boxCheckFailed', check: 'publicationTampered' });
    expect(await publishedByTimer(tenant)).toEqual(expect.arrayContaining([{ roundId: round.roundId, state: 'tampered' }]));
    expect(await responses.items.select('ID').filter(`BoxKey eq '${publishedPlace(round.roundId)}'`)()).toEqual([]);
    const forEmployee = roundIn(await resultsAs(tenant, persona(tenant, 'operator')), round.roundId);
    expect(forEmployee).toMatchObject({ refused: 'boxCheckFailed' });
    expect('check' in forEmployee).toBe(false);
  }, 120_000);

  it('makes a Teams owner a leader only of the crews HR named in the round, answered or not', async () => {
    const leader = persona(tenant, 'teamLeader');
    const crew = teamIdOf(leader.crewKey as string);
    const named = addRound(tenant, { audience: { crewKeys: [crew] } });
    const body = await resultsAs(tenant, leader);
    // Nobody in the crew answered: the leader leads it all the same, and sees no count of it.
    expect(body.viewer).toEqual({ role: 'leader', leads: [{ dimension: 'crew', value: crew.toLowerCase() }] });
    const release = shown(roundIn(body, named.roundId)).release;
    expect(release.participation.filter((p) => p.key !== PLANT)).toEqual([]);
    expect(release.groups.filter((g) => g.key !== PLANT)).toEqual([]);
  }, 60_000);

  it('publishes who was asked with the round, and shows rates only beside the counts it shows', async () => {
    const leader = persona(tenant, 'teamLeader');
    const crew = teamIdOf(leader.crewKey as string);
    const round = addRound(tenant, { audience: { crewKeys: [crew] }, closes: clock().getTime() + DAY });
    // The crew's people answer (those the relay takes in: on the crew's schedule now).
    let answered = 0;
    for (const person of tenant.context.directory.all().filter((p) => !p.isApp && p.crewKey === leader.crewKey)) {
      const answer = await callRelay(tenant, person, 'POST', 'answers', { roundId: round.roundId, submissionKey: submissionKey(), answers: { 'part-of-team': 4, 'recommend-workplace': 8 }, comments: {} });
      answered += answer.status === 200 ? 1 : 0;
    }
    expect(answered).toBeGreaterThanOrEqual(5);
    const hr = persona(tenant, 'hr');
    // Open: counts, no rates.
    const open = shown(roundIn(await resultsAs(tenant, hr), round.roundId)).release;
    expect(open.participation.some((p) => 'respondents' in p)).toBe(true);
    expect(open.participation.every((p) => !('rate' in p) && !('audience' in p))).toBe(true);

    clock.moveTo(new Date(clock().getTime() + DAY + 60_000));
    expect(await publishedByTimer(tenant)).toEqual(expect.arrayContaining([{ roundId: round.roundId, state: 'published' }]));
    // Who was asked: the crew's roster as the relay read it to publish (from yesterday, 31 days).
    const from = Math.floor(clock().getTime() / DAY) * DAY - DAY;
    const rostered = new Set(
      createPlantData(tenant.context.db)
        .shifts(crew)
        .filter((shift) => Date.parse(shift.startUtc) >= from && Date.parse(shift.endUtc) <= from + 31 * DAY && shift.userId)
        .map((shift) => shift.userId)
    );
    const body = await resultsAs(tenant, hr);
    expectAggregatesOnly(body);
    const release = shown(roundIn(body, round.roundId)).release;
    const plant = release.participation.find((p) => p.key === PLANT);
    expect(plant).toEqual({ key: PLANT, respondents: answered, audience: rostered.size, rate: answered / rostered.size });
    expect(release.participation.find((p) => p.key === `crew=${crew.toLowerCase()}`)).toEqual(plant && { ...plant, key: `crew=${crew.toLowerCase()}` });
    // Rates only beside shown counts, never on what the rosters do not tell (employment type, years of service).
    release.participation.forEach((entry) => {
      if ('rate' in entry) {
        expect(entry.respondents).toBeGreaterThanOrEqual(release.thresholds.minGroupSize);
        expect(parseCellKey(entry.key)?.every((f) => ['site', 'line', 'crew', 'shiftPattern'].indexOf(f.dimension) >= 0)).toBe(true);
      }
    });
    // The crew's leader reads the same rate for their crew; an employee the plant's.
    const asLeader = shown(roundIn(await resultsAs(tenant, leader), round.roundId)).release;
    expect(asLeader.participation.find((p) => p.key === `crew=${crew.toLowerCase()}`)).toMatchObject({ audience: rostered.size });
    const asEmployee = shown(roundIn(await resultsAs(tenant, persona(tenant, 'operator')), round.roundId)).release;
    expect(asEmployee.participation).toEqual([plant]);
  }, 120_000);

  it('holds a round to the thresholds it opened with, and refuses it when they are removed', async () => {
    const day = clock().toISOString().slice(0, 10);
    const surveyId = addScheduledSurvey(tenant, { firstOpensOn: day, opensAt: '00:00', timeZone: 'UTC', status: 'open' });
    expect((await runPulseTimer(tenant)).rounds?.opened).toHaveLength(1);
    const [round] = await roundsOf(tenant, surveyId);
    const roundId = Number(round.ID);
    const hr = persona(tenant, 'hr');
    // HR lowers the thresholds on the round after it opened.
    await spAs(tenant, hr).web.lists.getByTitle(LISTS.surveyRounds.title).items.getById(roundId).update({ MinGroupSize: 5, MinCommentGroupSize: 10 });
    const release = shown(roundIn(await resultsAs(tenant, hr), roundId)).release;
    expect(release.thresholds).toEqual({ minGroupSize: 6, minCommentGroupSize: 12 });
    // A site owner deletes what the relay sealed: the round is refused, not computed with the row's.
    const responses = spAs(tenant, persona(tenant, 'siteAdmin')).web.lists.getByTitle(LISTS.responses.title);
    const sealed = await responses.items.select('ID').filter(`BoxKey eq '${thresholdsPlace(roundId)}'`)<Array<{ ID: number }>>();
    expect(sealed).toHaveLength(1);
    await responses.items.getById(sealed[0].ID).delete();
    expect(roundIn(await resultsAs(tenant, hr), roundId)).toMatchObject({ refused: 'boxCheckFailed', check: 'thresholdsRemoved' });
  }, 120_000);
});
