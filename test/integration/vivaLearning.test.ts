/**
 * Viva Learning beside the learning paths, over real HTTP against the local tenant's Graph
 * stand-in: the product's reader (`GraphVivaLearning`, through the real Graph client and the
 * composition root's `vivaLearningOf`) gives each person exactly the demo plant's course
 * activities in one Graph round trip, survives throttling, and says an outage with a code. The My
 * learning card, composed as SharePoint composes it, shows its face after one SharePoint round
 * trip and reads the courses (one Graph round trip) only as its quick view opens, naming a course
 * by the learning step that refers to it.
 */
import { myLearningCard } from '../../src/adaptiveCardExtensions/myLearning/MyLearning.part';
import type { MyLearningCardData } from '../../src/adaptiveCardExtensions/myLearning/myLearningViews';
import { type AdaptiveElement, type CardState, loadCardState, openCardQuickView } from '../../src/app/host/cardTypes';
import { testEnvironment } from '../../src/app/host/testEnvironment';
import type { HostEnvironment } from '../../src/app/host/types';
import { learningOf } from '../../src/app/learning';
import { vivaLearningOf } from '../../src/app/vivaLearning';
import { GraphCache } from '../../src/connectors/graph/graphCache';
import { GraphVivaLearning, type VivaCourse } from '../../src/connectors/graph/vivaLearning';
import { createPlantData } from '../../local/tenant/store';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { countingGraph, graphAs } from '../support/graph';
import { requestsDuring, setFaults, spAs, startTestTenant } from '../support/tenant';

const fastRetry = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)), random: Math.random };

type Row = Readonly<Record<string, unknown>>;

/** What the stand-in serves a person, as the product should show it. */
function expectedCourses(tenant: RunningTenant, person: Person): VivaCourse[] {
  return createPlantData(tenant.context.db)
    .courseActivities(person.id)
    .map((row: Row) => {
      const assigned = row['@odata.type'] === '#microsoft.graph.learningAssignment';
      const due = (row.dueDateTime as { dateTime?: string } | undefined)?.dateTime;
      return {
        id: String(row.id),
        contentId: String(row.learningContentId),
        assigned,
        status: row.status as VivaCourse['status'],
        percent: Number(row.completionPercentage),
        ...(assigned && due ? { dueDay: due.slice(0, 10) } : {}),
        ...(typeof row.completedDateTime === 'string' ? { completedAt: row.completedDateTime } : {})
      };
    });
}

function environmentOf(tenant: RunningTenant, person: Person): HostEnvironment {
  return testEnvironment({
    webUrl: tenant.siteUrl,
    sp: spAs(tenant, person),
    graph: graphAs(tenant, person),
    user: { loginName: person.loginName, displayName: person.displayName, email: person.mail, siteUserId: person.spUserId }
  });
}

function texts(elements: readonly AdaptiveElement[]): string[] {
  return elements.flatMap((e) => (e.type === 'TextBlock' ? [e.text] : e.type === 'Container' ? texts(e.items) : []));
}

describe('Viva Learning against the local tenant', () => {
  let tenant: RunningTenant;
  let people: Person[];

  beforeAll(async () => {
    tenant = await startTestTenant();
    const plant = createPlantData(tenant.context.db);
    people = tenant.context.directory.all().filter((p) => !p.isApp && plant.courseActivities(p.id).length > 0);
  }, 60_000);

  afterAll(async () => tenant?.close());

  afterEach(async () => setFaults(tenant, { throttleRate: 0, unavailableRate: 0, throttleNext: 0, pathFilter: '' }));

  it('gives each person exactly their course activities, assignments with their due day, in one Graph round trip', async () => {
    expect(people.length).toBeGreaterThan(5);
    let assignments = 0;
    for (const person of people.slice(0, 12)) {
      const calls = { batches: 0, pages: 0 };
      const reader = new GraphVivaLearning(countingGraph(graphAs(tenant, person), calls), { cache: new GraphCache(person.id), retry: fastRetry });
      let answer: Awaited<ReturnType<GraphVivaLearning['courses']>> | undefined;
      const requests = await requestsDuring(tenant, 'graph', async () => {
        answer = await reader.courses();
      });
      const expected = expectedCourses(tenant, person);
      expect(answer).toEqual({ available: true, courses: expected });
      expect([calls.batches, calls.pages, requests]).toEqual([1, 0, 1]);
      assignments += expected.filter((c) => c.assigned && c.dueDay).length;
    }
    expect(assignments).toBeGreaterThan(0);
  });

  it('reads them through the composition root as a part does, and asks nothing more in the same session', async () => {
    const person = people[0];
    const services = environmentOf(tenant, person).services;
    expect(await vivaLearningOf(services).courses()).toEqual({ available: true, courses: expectedCourses(tenant, person) });
    expect(await requestsDuring(tenant, 'graph', () => vivaLearningOf(services).courses())).toBe(0);
  });

  it('tries again after Graph throttles the request inside the batch', async () => {
    const person = people[1];
    await setFaults(tenant, { throttleNext: 1, retryAfterSeconds: 0, pathFilter: 'learningCourseActivities' });
    const reader = new GraphVivaLearning(graphAs(tenant, person), { cache: new GraphCache(person.id), retry: fastRetry });
    expect(await reader.courses()).toEqual({ available: true, courses: expectedCourses(tenant, person) });
  });

  it('says an outage with a code, and reads once Graph is back', async () => {
    const person = people[2];
    const reader = new GraphVivaLearning(graphAs(tenant, person), { cache: new GraphCache(person.id), retry: fastRetry });
    await setFaults(tenant, { unavailableRate: 1, retryAfterSeconds: 0, pathFilter: '/graph/' });
    await expect(reader.courses()).rejects.toMatchObject({ name: 'VivaLearningError', code: 'throttled' });
    await setFaults(tenant, { unavailableRate: 0, pathFilter: '' });
    expect(await reader.courses()).toEqual({ available: true, courses: expectedCourses(tenant, person) });
  });

  it('the My learning card: its face after one SharePoint round trip and no Graph; the courses as the quick view opens, named by their step', async () => {
    // Someone with learning and a course that one of the demo's steps names.
    let found: { person: Person; title: string } | undefined;
    const plant = createPlantData(tenant.context.db);
    for (const person of people) {
      const contents = plant.courseActivities(person.id).map((row: Row) => String(row.learningContentId));
      const read = await learningOf(environmentOf(tenant, person).services).read();
      const named = read.steps.filter((s) => s.vivaCourseId !== undefined && contents.indexOf(s.vivaCourseId) >= 0)[0];
      if (named && read.assignments.length > 0) {
        found = { person, title: named.title };
        break;
      }
    }
    expect(found).toBeDefined();
    const { person, title } = found as { person: Person; title: string };
    const environment = environmentOf(tenant, person);
    const properties = myLearningCard.defaultProperties;
    // Set inside the measured work (a holder, so the type checker does not take the first value as the only one).
    const card: { state: CardState<MyLearningCardData> } = { state: { status: 'loading' } };
    const sharePoint = await requestsDuring(tenant, 'sharepoint', async () => {
      const graph = await requestsDuring(tenant, 'graph', async () => {
        card.state = await loadCardState(myLearningCard, environment, properties);
      });
      expect(graph).toBe(0);
    });
    expect(sharePoint).toBe(1);
    const context = { properties, locale: 'en-us', timeZone: 'Europe/Stockholm', now: tenant.context.now() };
    const face = myLearningCard.cardView(card.state, context);
    expect(face.status).toBe('ready');
    expect(face.primaryText).not.toBe('');

    const loaded = card.state;
    const after: { state: CardState<MyLearningCardData> } = { state: loaded };
    const graph = await requestsDuring(tenant, 'graph', async () => {
      after.state = await openCardQuickView(myLearningCard, loaded, environment, properties);
    });
    expect(graph).toBe(1);
    const opened = after.state;
    if (opened.status !== 'ready') {
      throw new Error(`The card is ${opened.status} after opening its quick view.`);
    }
    expect(opened.data.courses.state).toBe('read');
    expect(texts(myLearningCard.quickView(opened.data, context).template.body)).toContain(title);
  });
});
