/**
 * The quick view JSON is a valid Adaptive Card 1.5 for Microsoft's renderer (`adaptivecards`,
 * the renderer family SharePoint uses): it parses without warnings, validates, and renders the
 * next step, the paths, what is due and the courses as text under their headings, with its
 * buttons.
 */
import * as path from 'path';

import { cardProblems as problems, renderMarkdownAsText, renderedCard as rendered } from '../../../test/support/adaptiveCards';
import { loadAmdStrings } from '../../../test/support/sources';
import { statusQuickView } from '../../app/host/cardTypes';
import { COURSES, LEARNING, NOW } from './__fakes__/learning';
import { type CardCourses, DEFAULT_PROPERTIES, myLearningCardView, myLearningQuickView, type MyLearningStrings } from './myLearningViews';

beforeAll(renderMarkdownAsText);

const WEB = 'https://plant.example/sites/engage';
const STATES: ReadonlyArray<[string, CardCourses]> = [
  ['courses being read', { state: 'toRead' }],
  ['courses read', { state: 'read', courses: { available: true, courses: COURSES } }],
  ['no Viva Learning', { state: 'read', courses: { available: false } }],
  ['courses failed', { state: 'failed', error: new Error('down') }]
];

describe.each(['en-us', 'nl-nl', 'sv-se'])('the My learning quick view Adaptive Card (%s)', (locale) => {
  const strings = loadAmdStrings(path.join(__dirname, 'loc', `${locale}.js`)) as unknown as MyLearningStrings;
  const context = { properties: { ...DEFAULT_PROPERTIES, pageUrl: '/sites/engage/SitePages/My-learning.aspx' }, locale, timeZone: 'Europe/Stockholm', now: NOW };

  it.each(STATES)('parses and validates with no errors or warnings, as JSON too (%s)', (_name, courses) => {
    const { template } = myLearningQuickView({ learning: LEARNING, courses, webUrl: WEB }, context, strings);
    expect(problems(template)).toEqual([]);
    expect(problems(JSON.parse(JSON.stringify(template)))).toEqual([]);
  });

  it('renders the next step, the paths, what is due and the courses under four headings, and the page button', () => {
    const element = rendered(myLearningQuickView({ learning: LEARNING, courses: STATES[1][1], webUrl: WEB }, context, strings).template);
    expect(element.querySelectorAll('[role="heading"]').length).toBe(4);
    const text = element.textContent ?? '';
    expect(text).toContain('7 min');
    expect(text).toContain('40');
    // The renderer names a button by its title (jsdom leaves innerText out).
    const buttons = Array.from(element.querySelectorAll('button')).map((b) => b.getAttribute('aria-label') ?? b.title);
    expect(buttons).toEqual([strings.OpenPage]);
  });

  it('renders a Try again button when the courses failed', () => {
    const element = rendered(myLearningQuickView({ learning: LEARNING, courses: STATES[3][1], webUrl: WEB }, context, strings).template);
    const buttons = Array.from(element.querySelectorAll('button')).map((b) => b.getAttribute('aria-label') ?? b.title);
    expect(buttons).toHaveLength(2);
    expect(buttons).toContain(strings.OpenPage);
  });

  it('gives a valid card in the states before Ready too', () => {
    for (const state of [{ status: 'loading' as const }, { status: 'error' as const, error: new Error('x') }, { status: 'setup' as const, reason: 'notSetUp' }]) {
      expect(problems(statusQuickView(myLearningCardView(state, context, strings)).template)).toEqual([]);
    }
  });
});

it('the validity check catches a broken card (the tests above can fail)', () => {
  expect(problems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'typo' }] })).not.toEqual([]);
});
