
import { RosterService } from '../../core/roster/rosterService';
import { type CrewMember, RosterError, type RosterSource, type Shift, type TimeOff, type TimeRange } from '../../core/roster/types';
import { loadCardState, openCardQuickView, submitCardAction } from '../../app/host/cardTypes';
import { testEnvironment } from '../../app/host/testEnvironment';
import { createMyNextShiftCard, myNextShiftCard } from './MyNextShift.part';
import { DEFAULT_PROPERTIES, RETRY_CREW_ACTION_ID } from './myNextShiftViews';

const NOW = new Date('2026-10-22T08:00:00Z');

/** A roster source that answers from fixed data and records the ranges it was asked for. */
class FakeRosterSource implements RosterSource {
  public readonly ranges: TimeRange[] = [];

  public constructor(
    private readonly shifts: Shift[],
    private readonly crew: CrewMember[] = [],
    private readonly failure?: RosterError
  ) {}

  public async myShifts(range: TimeRange): Promise<Shift[]> {
    this.ranges.push(range);
    if (this.failure) {
      throw this.failure;
    }
    return this.shifts;
  }

  public readonly timeOffRanges: TimeRange[] = [];

  public async myTimeOff(range: TimeRange): Promise<TimeOff[]> {
    this.timeOffRanges.push(range);
    return [];
  }

  public readonly crewAsked: string[] = [];
  public crewFailure: RosterError | undefined;

  public async crewOnShift(shift: Shift): Promise<CrewMember[]> {
    this.crewAsked.push(shift.id);
    if (this.crewFailure) {
      throw this.crewFailure;
    }
    return this.crew;
  }
}

const environment = testEnvironment({
  user: { loginName: 'i:0#.f|membership|asa@plant.example', displayName: 'Åsa', email: 'asa@plant.example' }
});

const NEXT: Shift = { id: 's1', start: '2026-10-23T04:00:00Z', end: '2026-10-23T12:00:00Z', status: 'scheduled', crewId: 't' };

function cardOver(source: RosterSource): ReturnType<typeof createMyNextShiftCard> {
  return createMyNextShiftCard(() => new RosterService(source, () => NOW));
}

describe('My next shift card definition', () => {
  it('is a card with the manifest’s id and a property pane with its three properties', () => {
    expect(myNextShiftCard).toMatchObject({ kind: 'card', id: '58f4ecd2-bc37-4c9b-a954-2b5785570d3d', alias: 'MyNextShiftAdaptiveCardExtension' });
    const fields = myNextShiftCard.propertyPane().groups.flatMap((group) => group.fields.map((field) => `${field.kind}:${field.name}`));
    expect(fields).toEqual(['text:title', 'number:daysAhead', 'toggle:showCrew']);
  });

  it('loads the next shift without waiting for its crew, looking as far ahead as the property says', async () => {
    const source = new FakeRosterSource([NEXT], [{ personId: 'b', displayName: 'Bo Ek' }]);
    const state = await loadCardState(cardOver(source), environment, { ...DEFAULT_PROPERTIES, daysAhead: 7 });
    expect(state).toEqual({ status: 'ready', data: { current: undefined, next: NEXT, crew: [], crewToRead: 'pending', timeOff: [] } });
    expect(source.crewAsked).toEqual([]);
    // Time off over the whole look-ahead; shifts first over the next days, never beyond it.
    expect(source.timeOffRanges[0].end.getTime() - NOW.getTime()).toBe(7 * 86_400_000);
    expect(Math.max(...source.ranges.map((r) => r.end.getTime())) - NOW.getTime()).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it('reads the crew on the shift when the quick view opens', async () => {
    const source = new FakeRosterSource([NEXT], [{ personId: 'c', displayName: 'Dana Ek' }, { personId: 'b', displayName: 'Bo Ek' }]);
    const card = cardOver(source);
    const loaded = await loadCardState(card, environment, DEFAULT_PROPERTIES);
    const opened = await openCardQuickView(card, loaded, environment, DEFAULT_PROPERTIES);
    expect(opened).toEqual({
      status: 'ready',
      data: { current: undefined, next: NEXT, crew: [{ personId: 'b', displayName: 'Bo Ek' }, { personId: 'c', displayName: 'Dana Ek' }], timeOff: [] }
    });
    expect(source.crewAsked).toEqual(['s1']);
    // Opening it again asks for nothing: the crew is in.
    expect(await openCardQuickView(card, opened, environment, DEFAULT_PROPERTIES)).toBe(opened);
    expect(source.crewAsked).toEqual(['s1']);
  });

  it('says the crew could not be read, and reads it again the next time the quick view opens', async () => {
    const source = new FakeRosterSource([NEXT], [{ personId: 'b', displayName: 'Bo Ek' }]);
    source.crewFailure = new RosterError('network', 'offline');
    const card = cardOver(source);
    const failed = await openCardQuickView(card, await loadCardState(card, environment, DEFAULT_PROPERTIES), environment, DEFAULT_PROPERTIES);
    expect(failed).toMatchObject({ status: 'ready', data: { next: NEXT, crew: [], crewToRead: 'failed' } });
    source.crewFailure = undefined;
    expect(await openCardQuickView(card, failed, environment, DEFAULT_PROPERTIES)).toMatchObject({ status: 'ready', data: { crew: [{ displayName: 'Bo Ek' }] } });
    expect(source.crewAsked).toEqual(['s1', 's1']);
  });

  it('reads the crew again on the quick view\'s "Try again", keeping the quick view open', async () => {
    const source = new FakeRosterSource([NEXT], [{ personId: 'b', displayName: 'Bo Ek' }]);
    source.crewFailure = new RosterError('network', 'offline');
    const card = cardOver(source);
    const failed = await openCardQuickView(card, await loadCardState(card, environment, DEFAULT_PROPERTIES), environment, DEFAULT_PROPERTIES);
    expect(await submitCardAction(card, failed, RETRY_CREW_ACTION_ID, {}, environment, DEFAULT_PROPERTIES)).toMatchObject({
      status: 'ready',
      data: { crewToRead: 'failed' }
    });
    source.crewFailure = undefined;
    expect(await submitCardAction(card, failed, RETRY_CREW_ACTION_ID, {}, environment, DEFAULT_PROPERTIES)).toMatchObject({
      status: 'ready',
      data: { crew: [{ displayName: 'Bo Ek' }], crewToRead: undefined }
    });
    expect(source.crewAsked).toEqual(['s1', 's1', 's1']);
  });

  it('reads no crew when the card is set not to show it, or there is no shift', async () => {
    const source = new FakeRosterSource([NEXT], [{ personId: 'b', displayName: 'Bo Ek' }]);
    const card = cardOver(source);
    const hidden = { ...DEFAULT_PROPERTIES, showCrew: false };
    const loaded = await loadCardState(card, environment, hidden);
    expect(await openCardQuickView(card, loaded, environment, hidden)).toBe(loaded);
    const nothing = await loadCardState(cardOver(new FakeRosterSource([])), environment, DEFAULT_PROPERTIES);
    expect(nothing).toEqual({ status: 'ready', data: { current: undefined, next: undefined, crew: [], timeOff: [] } });
    expect(await openCardQuickView(card, nothing, environment, DEFAULT_PROPERTIES)).toBe(nothing);
    expect(source.crewAsked).toEqual([]);
  });

  it('looks as far as the property says when no shift comes in the next days', async () => {
    const source = new FakeRosterSource([], []);
    await loadCardState(cardOver(source), environment, { ...DEFAULT_PROPERTIES, daysAhead: 7 });
    expect(source.ranges.map((r) => Math.round((r.end.getTime() - NOW.getTime()) / 86_400_000))).toEqual([3, 7]);
  });

  it('shows Setup when the person is in no team with a schedule', async () => {
    const source = new FakeRosterSource([], [], new RosterError('notConfigured', 'You are not in a team with a Shifts schedule.'));
    expect(await loadCardState(cardOver(source), environment, DEFAULT_PROPERTIES)).toEqual({ status: 'setup', reason: 'notConfigured' });
  });

  it('shows Error (with the roster’s code) for any other failure', async () => {
    const failure = new RosterError('accessDenied', 'Forbidden');
    const state = await loadCardState(cardOver(new FakeRosterSource([], [], failure)), environment, DEFAULT_PROPERTIES);
    expect(state).toEqual({ status: 'error', error: failure });
  });

  it('reloads only when the look-ahead changes', () => {
    expect(myNextShiftCard.reloadsOn?.('daysAhead')).toBe(true);
    expect(myNextShiftCard.reloadsOn?.('title')).toBe(false);
    expect(myNextShiftCard.reloadsOn?.('showCrew')).toBe(false);
  });
});
