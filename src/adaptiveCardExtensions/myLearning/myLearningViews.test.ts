import * as path from 'path';

import { loadAmdStrings } from '../../../test/support/sources';
import type { AdaptiveElement, CardContext, CardState } from '../../app/host/cardTypes';
import { RecognitionStoreError } from '../../core/recognition/ports';
import { COURSES, FORKLIFT_COURSE, LEARNING, LOCKOUT, NOW } from './__fakes__/learning';
import {
  type CardCourses,
  DEFAULT_PROPERTIES,
  type IMyLearningCardProps,
  type MyLearningCardData,
  myLearningCardView,
  myLearningQuickView,
  type MyLearningStrings,
  OPEN_PAGE_ACTION_ID,
  RETRY_COURSES_ACTION_ID
} from './myLearningViews';

function strings(locale: string): MyLearningStrings {
  return loadAmdStrings(path.join(__dirname, 'loc', `${locale}.js`)) as unknown as MyLearningStrings;
}

const en = strings('en-us');

function context(overrides: Partial<CardContext<IMyLearningCardProps>> = {}): CardContext<IMyLearningCardProps> {
  return { properties: DEFAULT_PROPERTIES, locale: 'en-us', timeZone: 'Europe/Stockholm', now: NOW, ...overrides };
}

function data(overrides: Partial<MyLearningCardData> = {}): MyLearningCardData {
  return { learning: LEARNING, courses: { state: 'toRead' }, webUrl: 'https://plant.example/sites/engage', ...overrides };
}

function ready(overrides: Partial<MyLearningCardData> = {}): CardState<MyLearningCardData> {
  return { status: 'ready', data: data(overrides) };
}

/** Every text of the quick view's body, in order (containers opened). */
function texts(elements: readonly AdaptiveElement[]): string[] {
  return elements.flatMap((element) => {
    switch (element.type) {
      case 'TextBlock':
        return [element.text];
      case 'Container':
        return texts(element.items);
      case 'ActionSet':
        return element.actions.map((action) => `[${action.title}]`);
      default:
        return [];
    }
  });
}

function find(elements: readonly AdaptiveElement[], id: string): AdaptiveElement | undefined {
  for (const element of elements) {
    if ('id' in element && element.id === id) return element;
    if (element.type === 'Container') {
      const inner = find(element.items, id);
      if (inner) return inner;
    }
  }
  return undefined;
}

describe('the My learning card face', () => {
  it('says the next small step, with its due day', () => {
    const face = myLearningCardView(ready(), context(), en);
    expect(face).toMatchObject({ status: 'ready', title: 'My learning', primaryText: '7 min: read “Lockout procedure”', description: 'Due Dec 20' });
    expect(face.buttons).toEqual([{ id: 'details', title: 'See my learning', action: { kind: 'quickView' } }]);
    expect(face.onSelect).toEqual({ kind: 'quickView' });
  });

  it('says overdue since the day it was due', () => {
    const learning = { ...LEARNING, assignments: LEARNING.assignments.map((a) => (a.pathId === LOCKOUT ? { ...a, dueDate: '2026-12-01T23:00:00Z' } : a)) };
    expect(myLearningCardView(ready({ learning }), context(), en).description).toBe('Overdue since Dec 1');
  });

  it('names the step and its path when nothing is due', () => {
    const learning = { ...LEARNING, assignments: LEARNING.assignments.map((a) => ({ pathId: a.pathId, created: a.created })) };
    expect(myLearningCardView(ready({ learning }), context(), en).description).toBe('Step 2 of 2 in Lockout/tagout');
  });

  it('says there is nothing to do now, and why', () => {
    const done = { ...LEARNING, progress: [...LEARNING.progress, { stepId: 12, pathId: LOCKOUT, status: 'completed' as const }] };
    expect(myLearningCardView(ready({ learning: done }), context(), en)).toMatchObject({
      primaryText: 'Nothing to do now',
      description: 'You have done every step you can do now.'
    });
    const none = { ...LEARNING, assignments: [] };
    expect(myLearningCardView(ready({ learning: none }), context(), en)).toMatchObject({
      primaryText: 'Nothing to do now',
      description: 'No learning paths are assigned to you right now.'
    });
  });

  it('shows Loading, Setup and Error with Try again', () => {
    expect(myLearningCardView({ status: 'loading' }, context(), en)).toMatchObject({ status: 'loading', primaryText: 'Loading your learning…', buttons: [] });
    expect(myLearningCardView({ status: 'setup', reason: 'notSetUp' }, context(), en)).toMatchObject({
      status: 'setup',
      primaryText: 'Learning isn\'t set up yet',
      description: expect.stringContaining('Shopfloor Engage setup')
    });
    const error = myLearningCardView({ status: 'error', error: new RecognitionStoreError('network', 'down') }, context(), en);
    expect(error).toMatchObject({ status: 'error', primaryText: 'Your learning couldn\'t be loaded', onSelect: { kind: 'retry' } });
    expect(error.description).toBe('The learning service could not be reached. Check the connection and try again.');
    expect(error.buttons).toEqual([{ id: 'retry', title: 'Try again', action: { kind: 'retry' }, style: 'positive' }]);
  });

  it('takes its title from the property, else the language’s', () => {
    expect(myLearningCardView(ready(), context({ properties: { ...DEFAULT_PROPERTIES, title: ' Leren ' } }), en).title).toBe('Leren');
  });

  it.each([
    ['nl-nl', '7 min: lees “Vergrendelprocedure”', 'Mijn leerpaden'],
    ['sv-se', '7 min: läs ”Låsrutinen”', 'Min utbildning']
  ])('speaks %s, with HR’s own words in it', (locale, line, title) => {
    const face = myLearningCardView(ready(), context({ locale }), strings(locale));
    expect(face.primaryText).toBe(line);
    expect(face.title).toBe(title);
    expect(face.description).toMatch(/20/);
  });
});

describe('the My learning quick view', () => {
  it('shows the next step, progress per path and what each waits for', () => {
    const body = myLearningQuickView(data(), context(), en).template.body;
    const all = texts(body);
    expect(all.slice(0, 4)).toEqual(['Your next step', '7 min: read “Lockout procedure”', 'Step 2 of 2 in Lockout/tagout', 'Due Dec 20']);
    expect(texts([find(body, `path-${LOCKOUT}`) as AdaptiveElement])).toEqual(['Lockout/tagout', '1 of 2 steps done']);
    expect(all).toContain('Starts when you have finished: Onboarding');
    expect(all).toContain('Waiting for a trainer to sign off: Site tour');
    expect(all).toContain('Finished');
    expect(body.filter((e) => e.type === 'TextBlock' && e.style === 'heading').map((e) => (e.type === 'TextBlock' ? e.text : ''))).toEqual([
      'Your next step',
      'Your learning paths',
      'Due dates',
      'Your Viva Learning courses'
    ]);
  });

  it('lists what is due, paths and Viva Learning courses, overdue ones marked', () => {
    const read: CardCourses = { state: 'read', courses: { available: true, courses: COURSES } };
    const body = myLearningQuickView(data({ courses: read }), context(), en).template.body;
    const due = find(body, 'due');
    expect(due && texts([due])).toEqual(['Lockout/tagout: Due Dec 20', 'Forklift safety basics: Overdue since Dec 1', 'Viva Learning course: Due Dec 24']);
    expect(due?.type === 'Container' && due.items.map((item) => (item.type === 'TextBlock' ? item.color : undefined))).toEqual([undefined, 'attention', undefined]);
  });

  it('says when nothing is due', () => {
    const learning = { ...LEARNING, assignments: LEARNING.assignments.map((a) => ({ pathId: a.pathId, created: a.created })) };
    const body = myLearningQuickView(data({ learning }), context(), en).template.body;
    expect(texts([find(body, 'due') as AdaptiveElement])).toEqual(['Nothing you can work on now has a due date.']);
  });

  it('shows the courses with status, percent and due day, named by the step that refers to them', () => {
    const read: CardCourses = { state: 'read', courses: { available: true, courses: COURSES } };
    const body = myLearningQuickView(data({ courses: read }), context(), en).template.body;
    expect(texts([find(body, 'courses') as AdaptiveElement])).toEqual([
      'Forklift safety basics',
      'In progress · 40% done · Overdue since Dec 1',
      'Viva Learning course',
      'Assigned · Due Dec 24',
      'Viva Learning course',
      'Completed'
    ]);
    const nl = myLearningQuickView(data({ courses: read }), context({ locale: 'nl-nl' }), strings('nl-nl')).template.body;
    expect(texts([find(nl, 'courses') as AdaptiveElement])[0]).toBe('Heftruckveiligheid');
  });

  it('says while the courses are read, when Viva Learning is not available, when there are none, and when they failed (with Try again)', () => {
    const courses = (state: CardCourses): string[] => texts(myLearningQuickView(data({ courses: state }), context(), en).template.body).slice(-2);
    expect(courses({ state: 'toRead' })).toEqual(['Your Viva Learning courses', 'Loading your Viva Learning courses…']);
    expect(courses({ state: 'read', courses: { available: false } })[1]).toBe('Viva Learning courses cannot be shown here. Your IT admin can allow it.');
    expect(courses({ state: 'read', courses: { available: true, courses: [] } })[1]).toBe('You have no Viva Learning courses right now.');
    const failed = myLearningQuickView(data({ courses: { state: 'failed', error: { code: 'throttled' } } }), context(), en).template.body;
    expect(texts(failed).slice(-2)).toEqual(['Your Viva Learning courses could not be loaded. Check the connection and try again.', '[Try again]']);
    const retry = find(failed, 'courses-retry');
    expect(retry?.type === 'ActionSet' && retry.actions[0]).toMatchObject({ type: 'Action.Submit', id: RETRY_COURSES_ACTION_ID, associatedInputs: 'none' });
  });

  it('opens the My learning page set in the properties, made absolute on the web', () => {
    const at = (pageUrl: string): unknown => myLearningQuickView(data(), context({ properties: { title: '', pageUrl } }), en).template.actions;
    expect(at('/sites/engage/SitePages/My-learning.aspx')).toEqual([
      { type: 'Action.OpenUrl', id: OPEN_PAGE_ACTION_ID, title: 'Open My learning', url: 'https://plant.example/sites/engage/SitePages/My-learning.aspx' }
    ]);
    expect(at('https://plant.example/sites/engage/SitePages/Learn.aspx')).toEqual([expect.objectContaining({ url: 'https://plant.example/sites/engage/SitePages/Learn.aspx' })]);
    expect(at('')).toBeUndefined();
    expect(at('https://elsewhere.example/phish')).toBeUndefined();
    expect(at(['java', 'script:alert(1)'].join(''))).toBeUndefined();
  });

  it('with nothing assigned, says so and lists no paths', () => {
    const body = myLearningQuickView(data({ learning: { ...LEARNING, assignments: [] } }), context(), en).template.body;
    expect(texts(body).slice(0, 2)).toEqual(['Your next step', 'No learning paths are assigned to you right now.']);
    expect(texts(body)).not.toContain('Your learning paths');
  });

  it('keeps the course ids out of the words', () => {
    const read: CardCourses = { state: 'read', courses: { available: true, courses: COURSES } };
    expect(JSON.stringify(myLearningQuickView(data({ courses: read }), context(), en).template)).not.toContain(FORKLIFT_COURSE);
  });
});
