import * as path from 'path';
import * as en from 'MyNextShiftAdaptiveCardExtensionStrings';

import { loadAmdStrings } from '../../../test/support/sources';
import type { NextShiftView } from '../../core/roster/rosterService';
import { RosterError, type Shift, type TimeOff } from '../../core/roster/types';
import type { AdaptiveElement, CardContext, CardState } from '../../app/host/cardTypes';
import {
  DEFAULT_PROPERTIES,
  DETAILS_BUTTON_ID,
  type IMyNextShiftCardProps,
  type MyNextShiftStrings,
  myNextShiftCardView,
  myNextShiftQuickView,
  RETRY_BUTTON_ID,
  RETRY_CREW_ACTION_ID
} from './myNextShiftViews';

function strings(locale: string): MyNextShiftStrings {
  return loadAmdStrings(path.join(__dirname, 'loc', `${locale}.js`)) as unknown as MyNextShiftStrings;
}

/** Thursday 22 Oct 2026, 10:00 in Stockholm. */
const NOW = new Date('2026-10-22T08:00:00Z');

function context(overrides: Partial<CardContext<IMyNextShiftCardProps>> = {}): CardContext<IMyNextShiftCardProps> {
  return { properties: DEFAULT_PROPERTIES, locale: 'en-us', timeZone: 'Europe/Stockholm', now: NOW, ...overrides };
}

function shift(id: string, start: string, end: string, extra: Partial<Shift> = {}): Shift {
  return { id, start, end, status: 'scheduled', crewId: 'team-1', ...extra };
}

const NIGHT = shift('night', '2026-10-24T20:00:00Z', '2026-10-25T05:00:00Z', { label: 'Natt 22–06', notes: 'Weld cell 2' });
const TODAY = shift('today', '2026-10-22T04:00:00Z', '2026-10-22T12:00:00Z', { label: 'Förmiddag 06–14' });
const CREW = [
  { personId: 'b', displayName: 'Bo Ek' },
  { personId: 'c', displayName: 'Seán O’Brien' }
];
const LEAVE: TimeOff = { id: 'off', start: '2026-10-19T22:00:00Z', end: '2026-10-23T22:00:00Z' };

function ready(data: Partial<NextShiftView>): CardState<NextShiftView> {
  return { status: 'ready', data: { crew: [], timeOff: [], ...data } };
}

describe('card view', () => {
  it('Loading: says so, no buttons', () => {
    const face = myNextShiftCardView({ status: 'loading' }, context(), en);
    expect(face).toMatchObject({ status: 'loading', title: 'My next shift', primaryText: 'Loading your roster…', buttons: [] });
  });

  it('Setup: explains how to get a roster, no buttons', () => {
    const face = myNextShiftCardView({ status: 'setup', reason: 'notConfigured' }, context(), en);
    expect(face.status).toBe('setup');
    expect(face.primaryText).toBe('Your roster isn\'t here yet');
    expect(face.description).toMatch(/team leader/);
    expect(face.buttons).toEqual([]);
  });

  it('Error: says what went wrong by code and offers a retry', () => {
    const face = myNextShiftCardView({ status: 'error', error: new RosterError('throttled', 'HTTP 429') }, context(), en);
    expect(face).toMatchObject({ status: 'error', primaryText: 'Your roster couldn\'t be loaded', description: en.ErrorThrottled });
    expect(face.buttons).toEqual([{ id: RETRY_BUTTON_ID, title: 'Try again', action: { kind: 'retry' }, style: 'positive' }]);
    expect(myNextShiftCardView({ status: 'error', error: new Error('boom') }, context(), en).description).toBe(en.ErrorUnexpected);
  });

  it('Ready: the next shift in the person’s time zone, the label below, one button to the quick view', () => {
    const face = myNextShiftCardView(ready({ next: NIGHT, crew: CREW }), context(), en);
    expect(face.primaryText).toBe('Next shift: Sat 22:00 – Sun 06:00');
    expect(face.description).toBe('Natt 22–06');
    expect(face.buttons).toEqual([{ id: DETAILS_BUTTON_ID, title: 'Shift details', action: { kind: 'quickView' } }]);
    expect(face.onSelect).toEqual({ kind: 'quickView' });
  });

  it('Ready: in Dutch and Swedish', () => {
    expect(myNextShiftCardView(ready({ next: NIGHT }), context({ locale: 'nl-nl', timeZone: 'Europe/Amsterdam' }), strings('nl-nl')).primaryText).toBe(
      'Volgende dienst: za 22:00 – zo 06:00'
    );
    expect(myNextShiftCardView(ready({ next: NIGHT }), context({ locale: 'sv-se' }), strings('sv-se')).primaryText).toBe(
      'Nästa skift: lör 22:00 – sön 06:00'
    );
  });

  it('Ready: on shift now, until when, and what comes next', () => {
    const face = myNextShiftCardView(ready({ current: TODAY, next: NIGHT }), context(), en);
    expect(face.primaryText).toBe('On shift now until 14:00');
    expect(face.description).toBe('Then: Sat 22:00 – Sun 06:00');
  });

  it('Ready: follows the clock after loading (the current shift has ended)', () => {
    const later = new Date('2026-10-22T12:30:00Z');
    const face = myNextShiftCardView(ready({ current: TODAY, next: NIGHT }), context({ now: later }), en);
    expect(face.primaryText).toBe('Next shift: Sat 22:00 – Sun 06:00');
  });

  it('Ready: on leave, until the last day of leave, then the next shift', () => {
    const face = myNextShiftCardView(ready({ next: NIGHT, timeOff: [LEAVE] }), context(), en);
    expect(face.primaryText).toBe('On leave until Fri, Oct 23');
    expect(face.description).toBe('Next shift: Sat 22:00 – Sun 06:00');
    expect(myNextShiftCardView(ready({ timeOff: [LEAVE] }), context({ locale: 'nl-nl' }), strings('nl-nl')).primaryText).toBe(
      'Met verlof tot en met vr 23 okt'
    );
  });

  it('Ready: no shifts in the look-ahead window', () => {
    const face = myNextShiftCardView(ready({}), context({ properties: { ...DEFAULT_PROPERTIES, daysAhead: 21 } }), en);
    expect(face.primaryText).toBe('No shifts in the next 21 days');
    expect(myNextShiftCardView(ready({}), context({ locale: 'sv-se' }), strings('sv-se')).primaryText).toBe('Inga skift de närmaste 14 dagarna');
  });

  it.each([
    ['en-us', 'No shifts in the next 1 day', 'No time off in the next 1 day.'],
    ['nl-nl', 'Geen diensten in de komende 1 dag', 'Geen verlof in de komende 1 dag.'],
    ['sv-se', 'Inga skift den närmaste 1 dagen', 'Ingen ledighet den närmaste 1 dagen.']
  ])('%s: a look-ahead of one day is counted in the singular', (locale, face, timeOff) => {
    const oneDay = context({ locale, properties: { ...DEFAULT_PROPERTIES, daysAhead: 1 } });
    expect(myNextShiftCardView(ready({}), oneDay, strings(locale)).primaryText).toBe(face);
    expect(JSON.stringify(myNextShiftQuickView({ crew: [], timeOff: [] }, oneDay, strings(locale)))).toContain(timeOff);
  });

  it('uses the title property when set, the localised title when empty', () => {
    expect(myNextShiftCardView({ status: 'loading' }, context({ properties: { ...DEFAULT_PROPERTIES, title: ' Weld A ' } }), en).title).toBe('Weld A');
    expect(myNextShiftCardView({ status: 'loading' }, context({ locale: 'sv-se' }), strings('sv-se')).title).toBe('Mitt nästa skift');
  });
});

function texts(elements: readonly AdaptiveElement[]): string[] {
  return elements.flatMap((element): string[] => {
    switch (element.type) {
      case 'TextBlock':
        return [element.text];
      case 'FactSet':
        return element.facts.map((fact) => `${fact.title}: ${fact.value}`);
      case 'Container':
        return texts(element.items);
      default:
        return []; // inputs: this card has none
    }
  });
}

describe('quick view', () => {
  it('shows the next shift, the crew on it and upcoming time off', () => {
    const leave: TimeOff = { id: 'later', start: '2026-11-01T23:00:00Z', end: '2026-11-06T23:00:00Z' };
    const { template, title } = myNextShiftQuickView({ next: NIGHT, crew: CREW, timeOff: [leave] }, context(), en);
    expect(title).toBe('My next shift');
    expect(template).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(texts(template.body)).toEqual([
      'Next shift',
      'Date: Saturday, October 24',
      'Time: 22:00 – Sun 06:00',
      'Shift: Natt 22–06',
      'Notes: Weld cell 2',
      'Working with you (2)',
      'Bo Ek',
      'Seán O’Brien',
      'Your time off',
      'Mon, Nov 2 – Fri, Nov 6'
    ]);
    const headings = template.body.filter((e) => e.type === 'TextBlock' && e.style === 'heading');
    expect(headings).toHaveLength(3);
  });

  it('says when no one else works the shift and no time off is planned (Swedish)', () => {
    const { template } = myNextShiftQuickView({ next: NIGHT, crew: [], timeOff: [] }, context({ locale: 'sv-se' }), strings('sv-se'));
    expect(texts(template.body)).toEqual(
      expect.arrayContaining(['Jobbar med dig (0)', 'Ingen annan är schemalagd på det här skiftet.', 'Ingen ledighet de närmaste 14 dagarna.'])
    );
  });

  it('says the crew is on its way while the names are read, and when they could not be', () => {
    const pending = myNextShiftQuickView({ next: NIGHT, crew: [], crewToRead: 'pending', timeOff: [] }, context(), en);
    expect(texts(pending.template.body).slice(5, 8)).toEqual(['Working with you', 'Finding who works with you…', 'Your time off']);
    const failed = myNextShiftQuickView({ next: NIGHT, crew: [], crewToRead: 'failed', timeOff: [] }, context(), en);
    expect(texts(failed.template.body)).toContain('Who works with you couldn\'t be loaded.');
    // "Try again" reads the names again, in the quick view.
    expect(failed.template.body).toContainEqual(
      expect.objectContaining({ type: 'ActionSet', actions: [expect.objectContaining({ type: 'Action.Submit', id: RETRY_CREW_ACTION_ID, title: 'Try again' })] })
    );
    expect(JSON.stringify(pending.template)).not.toContain(RETRY_CREW_ACTION_ID);
    for (const locale of ['nl-nl', 'sv-se']) {
      const words = strings(locale);
      const shown = texts(myNextShiftQuickView({ next: NIGHT, crew: [], crewToRead: 'pending', timeOff: [] }, context({ locale }), words).template.body);
      expect(shown).toEqual(expect.arrayContaining([words.CrewHeadingPending, words.CrewLoading]));
      expect(words.CrewFailed.length).toBeGreaterThan(0);
    }
  });

  it('hides the crew when the card is set not to show it', () => {
    const { template } = myNextShiftQuickView({ next: NIGHT, crew: CREW, timeOff: [] }, context({ properties: { ...DEFAULT_PROPERTIES, showCrew: false } }), en);
    expect(texts(template.body).join('\n')).not.toMatch(/Bo Ek|Working with you/);
  });

  it('shows the current shift when nothing follows it in the window', () => {
    const { template } = myNextShiftQuickView({ current: TODAY, crew: CREW, timeOff: [] }, context(), en);
    expect(texts(template.body).slice(0, 3)).toEqual(['On shift now', 'Date: Thursday, October 22', 'Time: 06:00–14:00']);
  });

  it('says there is no shift in the window', () => {
    const { template } = myNextShiftQuickView({ crew: [], timeOff: [] }, context({ locale: 'nl-nl' }), strings('nl-nl'));
    expect(texts(template.body)).toEqual(['Volgende dienst', 'Geen diensten in de komende 14 dagen', 'Je verlof', 'Geen verlof in de komende 14 dagen.']);
  });
});
