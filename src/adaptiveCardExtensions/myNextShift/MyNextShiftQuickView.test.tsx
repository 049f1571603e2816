/**
 * The quick view JSON is a valid Adaptive Card 1.5 for Microsoft's renderer (`adaptivecards`,
 * the renderer family SharePoint uses): it parses without warnings, validates, and renders the
 * shift, the crew and the time off as text.
 */
import * as path from 'path';

import { cardProblems as problems, renderMarkdownAsText, renderedCard as rendered } from '../../../test/support/adaptiveCards';
import { loadAmdStrings } from '../../../test/support/sources';
import { statusQuickView } from '../../app/host/cardTypes';
import { DEFAULT_PROPERTIES, type MyNextShiftStrings, myNextShiftCardView, myNextShiftQuickView } from './myNextShiftViews';

const NOW = new Date('2026-10-22T08:00:00Z');

beforeAll(renderMarkdownAsText);

describe.each(['en-us', 'nl-nl', 'sv-se'])('the quick view Adaptive Card (%s)', (locale) => {
  const strings = loadAmdStrings(path.join(__dirname, 'loc', `${locale}.js`)) as unknown as MyNextShiftStrings;
  const context = { properties: DEFAULT_PROPERTIES, locale, timeZone: 'Europe/Stockholm', now: NOW };
  const data = {
    current: { id: 'now', start: '2026-10-22T04:00:00Z', end: '2026-10-22T12:00:00Z', status: 'scheduled' as const },
    next: { id: 'night', start: '2026-10-24T20:00:00Z', end: '2026-10-25T05:00:00Z', status: 'scheduled' as const, label: 'Natt 22–06', notes: 'Weld A' },
    crew: [
      { personId: 'a', displayName: 'Åsa Bäckström' },
      { personId: 'b', displayName: 'Seán O’Brien' }
    ],
    timeOff: [{ id: 'off', start: '2026-11-01T23:00:00Z', end: '2026-11-06T23:00:00Z' }]
  };

  it('parses and validates with no errors or warnings, as JSON too, every time', () => {
    const { template } = myNextShiftQuickView(data, context, strings);
    expect(problems(template)).toEqual([]);
    expect(problems(JSON.parse(JSON.stringify(template)))).toEqual([]);
    expect(problems(template)).toEqual([]);
  });

  it('is valid while the crew is read and when it could not be', () => {
    for (const crewToRead of ['pending', 'failed'] as const) {
      const { template } = myNextShiftQuickView({ ...data, crew: [], crewToRead }, context, strings);
      expect(problems(template)).toEqual([]);
      expect(rendered(template).querySelectorAll('[role="heading"]').length).toBe(3);
    }
  });

  it('renders the shift, the crew by name and the time off, with headings', () => {
    const element = rendered(myNextShiftQuickView(data, context, strings).template);
    const text = element.textContent ?? '';
    expect(text).toContain('Natt 22–06');
    expect(text).toContain('Åsa Bäckström');
    expect(text).toContain('Seán O’Brien');
    expect(element.querySelectorAll('[role="heading"]').length).toBe(3);
  });

  it('gives a valid card in the states before Ready too', () => {
    for (const state of [{ status: 'loading' as const }, { status: 'error' as const, error: new Error('x') }]) {
      const model = statusQuickView(myNextShiftCardView(state, context, strings));
      expect(problems(model.template)).toEqual([]);
    }
  });
});

it('the validity check catches a broken card (the tests above can fail)', () => {
  expect(problems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'typo' }] })).not.toEqual([]);
});
