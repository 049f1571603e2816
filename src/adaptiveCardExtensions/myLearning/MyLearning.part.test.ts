import type { CardLearning, LearningCardSource } from '../../app/learningCard';
import { loadCardState, openCardQuickView, submitCardAction } from '../../app/host/cardTypes';
import { testEnvironment } from '../../app/host/testEnvironment';
import { VivaLearningError, type VivaCourses } from '../../app/vivaLearning';
import { RecognitionStoreError } from '../../core/recognition/ports';
import { COURSES, LEARNING } from './__fakes__/learning';
import { createMyLearningCard, myLearningCard } from './MyLearning.part';
import { DEFAULT_PROPERTIES, RETRY_COURSES_ACTION_ID } from './myLearningViews';

/** A learning source that answers from fixed data, counts its reads, and fails when told to. */
class FakeLearning implements LearningCardSource {
  public reads = 0;
  public courseReads = 0;
  public readFailure: Error | undefined;
  public courseFailures: Error[] = [];

  public constructor(
    private readonly learning: CardLearning = LEARNING,
    private readonly answer: VivaCourses = { available: true, courses: COURSES }
  ) {}

  public async read(): Promise<CardLearning> {
    this.reads += 1;
    if (this.readFailure) throw this.readFailure;
    return this.learning;
  }

  public async courses(): Promise<VivaCourses> {
    this.courseReads += 1;
    const failure = this.courseFailures.shift();
    if (failure) throw failure;
    return this.answer;
  }
}

const environment = testEnvironment();

describe('My learning card definition', () => {
  it('is a card with the manifest’s id and a property pane with its title and page', () => {
    expect(myLearningCard).toMatchObject({ kind: 'card', id: 'faed5375-1950-4d89-8fa6-97f227603a7c', alias: 'MyLearningAdaptiveCardExtension' });
    const fields = myLearningCard.propertyPane().groups.flatMap((g) => g.fields);
    expect(fields.map((f) => f.name)).toEqual(['title', 'pageUrl']);
    const page = fields[1];
    const validate = page.kind === 'text' ? page.validate : undefined;
    expect(validate?.('/sites/engage/SitePages/My-learning.aspx')).toBe('');
    expect(validate?.('')).toBe('');
    expect(validate?.(['java', 'script:alert(1)'].join(''))).toMatch(/page of this site/);
    expect(validate?.('http://plant.example/x')).toMatch(/page of this site/);
  });

  it('loads the person’s learning once, the courses not yet (the face waits for SharePoint only)', async () => {
    const source = new FakeLearning();
    const state = await loadCardState(createMyLearningCard(() => source), environment, DEFAULT_PROPERTIES);
    expect(state).toEqual({ status: 'ready', data: { learning: LEARNING, courses: { state: 'toRead' }, webUrl: environment.webUrl } });
    expect([source.reads, source.courseReads]).toEqual([1, 0]);
  });

  it('is Setup before Engage Setup has secured the learning lists, Error for anything else', async () => {
    const source = new FakeLearning();
    const card = createMyLearningCard(() => source);
    source.readFailure = new RecognitionStoreError('notSetUp', 'not set up');
    expect(await loadCardState(card, environment, DEFAULT_PROPERTIES)).toEqual({ status: 'setup', reason: 'notSetUp' });
    const down = new RecognitionStoreError('network', 'down');
    source.readFailure = down;
    expect(await loadCardState(card, environment, DEFAULT_PROPERTIES)).toEqual({ status: 'error', error: down });
  });

  it('reads the courses as the quick view opens, once', async () => {
    const source = new FakeLearning();
    const card = createMyLearningCard(() => source);
    const loaded = await loadCardState(card, environment, DEFAULT_PROPERTIES);
    const opened = await openCardQuickView(card, loaded, environment, DEFAULT_PROPERTIES);
    expect(opened.status === 'ready' && opened.data.courses).toEqual({ state: 'read', courses: { available: true, courses: COURSES } });
    const again = await openCardQuickView(card, opened, environment, DEFAULT_PROPERTIES);
    expect(again).toBe(opened);
    expect(source.courseReads).toBe(1);
  });

  it('keeps a failed course read in the data, and reads again on Try again; the rest of the card stays', async () => {
    const source = new FakeLearning();
    const failure = new VivaLearningError('throttled', 'busy');
    source.courseFailures = [failure];
    const card = createMyLearningCard(() => source);
    const loaded = await loadCardState(card, environment, DEFAULT_PROPERTIES);
    const opened = await openCardQuickView(card, loaded, environment, DEFAULT_PROPERTIES);
    expect(opened).toMatchObject({ status: 'ready', data: { learning: LEARNING, courses: { state: 'failed', error: failure } } });
    const retried = await submitCardAction(card, opened, RETRY_COURSES_ACTION_ID, {}, environment, DEFAULT_PROPERTIES);
    expect(retried).toMatchObject({ status: 'ready', data: { courses: { state: 'read', courses: { available: true } } } });
    expect(source.courseReads).toBe(2);
  });

  it('says Viva Learning is not available without failing', async () => {
    const source = new FakeLearning(LEARNING, { available: false });
    const card = createMyLearningCard(() => source);
    const opened = await openCardQuickView(card, await loadCardState(card, environment, DEFAULT_PROPERTIES), environment, DEFAULT_PROPERTIES);
    expect(opened).toMatchObject({ status: 'ready', data: { courses: { state: 'read', courses: { available: false } } } });
    const view = card.quickView(opened.status === 'ready' ? opened.data : (undefined as never), {
      properties: DEFAULT_PROPERTIES,
      locale: 'en-us',
      timeZone: 'UTC',
      now: new Date('2026-12-07T08:00:00Z')
    });
    expect(JSON.stringify(view.template)).toContain('Viva Learning courses cannot be shown here.');
  });

  it('ignores submits it does not know', async () => {
    const source = new FakeLearning();
    const card = createMyLearningCard(() => source);
    const loaded = await loadCardState(card, environment, DEFAULT_PROPERTIES);
    expect(await submitCardAction(card, loaded, 'something', {}, environment, DEFAULT_PROPERTIES)).toEqual(loaded);
    expect(source.courseReads).toBe(0);
  });
});
