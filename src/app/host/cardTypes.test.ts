import {
  type CardPartDefinition,
  cardRecovery,
  CardSetupRequired,
  isCardPartDefinition,
  loadCardState,
  quickViewOf,
  stateFromError
} from './cardTypes';
import { testEnvironment } from './testEnvironment';

const environment = testEnvironment({ user: { loginName: 'ada', displayName: 'Ada', email: 'ada@plant.example' }, locale: 'nl-nl' });

function card(load: () => Promise<string>): CardPartDefinition<{ label: string }, string> {
  return {
    id: 'id',
    alias: 'TestCard',
    kind: 'card',
    defaultProperties: { label: 'x' },
    propertyPane: () => ({ description: '', groups: [] }),
    load,
    cardView: (state) => ({ status: state.status, title: 'Test', primaryText: state.status === 'ready' ? state.data : state.status, buttons: [] }),
    quickView: (data) => ({
      title: 'Test',
      template: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: data }] },
      data: { data }
    })
  };
}

const context = { properties: { label: 'x' }, locale: 'nl-nl', timeZone: 'Europe/Amsterdam', now: new Date() };

describe('card contract', () => {
  it('settles a load into Ready, Setup or Error, never a rejection', async () => {
    await expect(loadCardState(card(async () => 'hello'), environment, { label: 'x' })).resolves.toEqual({ status: 'ready', data: 'hello' });
    await expect(loadCardState(card(() => Promise.reject(new CardSetupRequired('noTeam'))), environment, { label: 'x' })).resolves.toEqual({
      status: 'setup',
      reason: 'noTeam'
    });
    const failure = new Error('offline');
    await expect(loadCardState(card(() => Promise.reject(failure)), environment, { label: 'x' })).resolves.toEqual({ status: 'error', error: failure });
  });

  it('keeps CardSetupRequired recognisable (instanceof, name, reason)', () => {
    const error = new CardSetupRequired('noTeam');
    expect(error).toBeInstanceOf(CardSetupRequired);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CardSetupRequired');
    expect(stateFromError(error)).toEqual({ status: 'setup', reason: 'noTeam' });
  });

  it('gives a card that is not ready a quick view with its status text', () => {
    const definition = card(async () => 'hello');
    expect(quickViewOf(definition, { status: 'ready', data: 'hi' }, context).data).toEqual({ data: 'hi' });
    const loading = quickViewOf(definition, { status: 'loading' }, context);
    expect(loading.template).toMatchObject({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'loading' }] });
  });

  it('recognises card definitions and nothing else', () => {
    expect(isCardPartDefinition(card(async () => ''))).toBe(true);
    expect(isCardPartDefinition({ ...card(async () => ''), kind: 'webPart' })).toBe(false);
    expect(isCardPartDefinition({ id: 'x', alias: 'y', kind: 'card', defaultProperties: {}, propertyPane: () => undefined, render: () => undefined })).toBe(false);
    expect(isCardPartDefinition(undefined)).toBe(false);
  });
});

describe('a card in an outage', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('settles a load that never ends into Error at its deadline, never an endless Loading', async () => {
    const settled = loadCardState(card(() => new Promise<string>(() => undefined)), environment, { label: 'x' }, 5_000);
    jest.advanceTimersByTime(5_000);
    const state = await settled;
    expect(state).toMatchObject({ status: 'error', error: { code: 'timeout' } });
  });

  it('loads again by itself while the card shows Error, and stops once it shows anything else', () => {
    let reloads = 0;
    const recovery = cardRecovery(() => (reloads += 1));
    recovery.shown({ status: 'error', error: new Error('busy') });
    jest.advanceTimersByTime(3_600);
    expect(reloads).toBe(1);
    recovery.shown({ status: 'error', error: new Error('busy') });
    jest.advanceTimersByTime(7_200);
    expect(reloads).toBe(2);
    recovery.shown({ status: 'ready', data: 'hello' });
    jest.advanceTimersByTime(120_000);
    expect(reloads).toBe(2);
    recovery.shown({ status: 'error', error: new Error('busy') });
    recovery.dispose();
    jest.advanceTimersByTime(120_000);
    expect(reloads).toBe(2);
  });
});
