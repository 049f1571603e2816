import {
  type CardPartDefinition,
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
