/**
 * The Recognise card: card face in every state, the quick view form as a valid Adaptive Card
 * 1.5 for Microsoft's renderer (every language), and the submit round trip with typed fakes.
 */
import * as path from 'path';
import * as AdaptiveCards from 'adaptivecards';

import { loadAmdStrings } from '../../../test/support/sources';
import type { RecognitionValue } from '../../core/models/values';
import type { ComposeContext, RecipientRef, RecognitionDraft } from '../../core/recognition/compose';
import type { GiveResult } from '../../core/recognition/recognitionService';
import type { PersonProfile } from '../../core/people/types';
import { type AdaptiveCard, type CardContext, statusQuickView, submitCardAction, CardSetupRequired } from '../../ui/host/cardTypes';
import type { HostEnvironment } from '../../ui/host/types';
import type { RecognitionGiver } from '../../webparts/crewRecognition/recognitionPorts';
import { createRecogniseCard, type RecogniseDeps } from './Recognise.part';
import { DEFAULT_PROPERTIES, type IRecogniseCardProps, type RecogniseData, recogniseCardView, recogniseQuickView, type RecogniseStrings } from './recogniseViews';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

beforeAll(() => {
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = escapeHtml(text);
    result.didProcess = true;
  };
});

function problems(json: unknown): string[] {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const found: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) {
    found.push(context.getEventAt(i).message);
  }
  return found.concat(card.validateProperties().validationEvents.map((event) => event.message));
}

const ME: PersonProfile = { id: 'me', displayName: 'Åsa Bäckström', employmentType: 'employee' };
const SEAN: PersonProfile = { id: 'sean', displayName: 'Seán O’Brien', userPrincipalName: 'sean.obrien@contoso.com', employmentType: 'agency' };
const JONAS: PersonProfile = { id: 'jonas', displayName: 'Jonas Ødegaard', userPrincipalName: 'jonas@contoso.com', employmentType: 'employee' };
const VALUES: RecognitionValue[] = [
  { id: 1, valueKey: 'safety', title: 'Safety', sortOrder: 1, translations: { 'sv-se': { name: 'Säkerhet', description: '' } }, isActive: true },
  { id: 2, valueKey: 'quality', title: 'Quality', sortOrder: 2, translations: {}, isActive: true },
  { id: 3, valueKey: 'gone', title: 'Gone', sortOrder: 3, translations: {}, isActive: false }
];

class FakeGiver implements RecognitionGiver {
  public given: Array<{ draft: RecognitionDraft; context: ComposeContext }> = [];
  public constructor(public result: GiveResult = { status: 'sent', ids: [9] }) {}
  public give(draft: RecognitionDraft, context: ComposeContext): Promise<GiveResult> {
    this.given.push({ draft, context });
    return Promise.resolve(this.result);
  }
  public flush(): ReturnType<RecognitionGiver['flush']> {
    return Promise.resolve({ sent: [], waiting: [], rejected: [] });
  }
}

function deps(giver: FakeGiver, values = VALUES): RecogniseDeps {
  return {
    directory: {
      me: () => Promise.resolve(ME),
      directReports: (id?: string) => Promise.resolve(id === 'jonas' ? [ME, SEAN] : []),
      manager: () => Promise.resolve(JONAS)
    },
    store: {
      values: () => Promise.resolve(values),
      currentUserId: () => Promise.resolve(11),
      resolveRecipient: (p: PersonProfile): Promise<RecipientRef> => Promise.resolve({ siteUserId: p.id === 'sean' ? 12 : 13, displayName: p.displayName, exists: true, directoryId: p.id })
    },
    giver
  };
}

const ENV = { locale: 'sv-se', user: { displayName: 'Åsa Bäckström', loginName: 'asa', email: 'asa@contoso.com' } } as unknown as HostEnvironment;

describe.each(['en-us', 'nl-nl', 'sv-se'])('Recognise card views (%s)', (locale) => {
  const strings = loadAmdStrings(path.join(__dirname, 'loc', `${locale}.js`)) as unknown as RecogniseStrings;
  const context: CardContext<IRecogniseCardProps> = { properties: DEFAULT_PROPERTIES, locale, timeZone: 'Europe/Stockholm', now: new Date() };
  const data: RecogniseData = {
    people: [JONAS, SEAN],
    values: [{ key: 'safety', name: 'Safety' }, { key: 'quality', name: 'Quality' }],
    form: { person: '', value: '', message: '', impact: '' }
  };

  it('has a card face for every state', () => {
    expect(recogniseCardView({ status: 'loading' }, context, strings)).toMatchObject({ status: 'loading', buttons: [] });
    expect(recogniseCardView({ status: 'setup', reason: 'noValues' }, context, strings).description).toBe(strings.SetupNoValues);
    expect(recogniseCardView({ status: 'error', error: { code: 'network' } }, context, strings)).toMatchObject({ description: strings.ErrorNetwork, buttons: [{ id: 'retry' }] });
    const ready = recogniseCardView({ status: 'ready', data }, context, strings);
    expect(ready).toMatchObject({ primaryText: strings.PrimaryText, buttons: [{ id: 'recognise', action: { kind: 'quickView' } }] });
  });

  it('the form parses and validates with no errors or warnings, in every result state', () => {
    const results: Array<RecogniseData['result']> = [
      undefined,
      { status: 'invalid', errors: [{ code: 'messageEmpty', field: 'message' }, { code: 'noRecipient', field: 'recipients' }] },
      { status: 'rejected' },
      { status: 'failed', code: 'network' },
      { status: 'sent', name: 'Seán O’Brien' },
      { status: 'sent', name: 'Seán O’Brien', unnotified: true },
      { status: 'queued' }
    ];
    for (const result of results) {
      const { template } = recogniseQuickView({ ...data, result }, context, strings);
      expect(problems(template)).toEqual([]);
      expect(problems(JSON.parse(JSON.stringify(template)))).toEqual([]);
    }
    for (const state of [{ status: 'loading' as const }, { status: 'error' as const, error: new Error('x') }]) {
      expect(problems(statusQuickView(recogniseCardView(state, context, strings)).template)).toEqual([]);
    }
  });

  it('renders labelled inputs with the people, the values and the prompt', () => {
    const card = new AdaptiveCards.AdaptiveCard();
    card.parse(recogniseQuickView(data, context, strings).template as AdaptiveCard);
    const element = card.render()!;
    document.body.appendChild(element);
    expect(card.getAllInputs().map((i) => i.id)).toEqual(['person', 'value', 'message', 'impact']);
    expect(element.textContent).toContain('Seán O’Brien');
    expect(element.querySelector('textarea')?.getAttribute('placeholder')).toBe(strings.MessagePlaceholder);
    // Labels render as <label for=…> (their text runs use innerText, which jsdom lacks).
    expect(element.querySelectorAll('label[for]').length).toBeGreaterThanOrEqual(4);
    expect(element.querySelector('textarea')?.getAttribute('aria-labelledby')).toBeTruthy();
    element.remove();
  });
});

describe('Recognise card data and submit', () => {
  it('loads colleagues (reports, manager, peers; never me) and active values in my language', async () => {
    const card = createRecogniseCard(() => deps(new FakeGiver()), () => 'req-1');
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    expect(data.people.map((p) => p.displayName)).toEqual(['Jonas Ødegaard', 'Seán O’Brien']);
    expect(data.values).toEqual([{ key: 'safety', name: 'Säkerhet' }, { key: 'quality', name: 'Quality' }]);
  });

  it('is Setup when HR has no active values', async () => {
    const card = createRecogniseCard(() => deps(new FakeGiver(), [VALUES[2]]));
    await expect(card.load(ENV, DEFAULT_PROPERTIES)).rejects.toBeInstanceOf(CardSetupRequired);
  });

  it('sends the form through the service and shows Sent; "another" clears it', async () => {
    const giver = new FakeGiver();
    const card = createRecogniseCard(() => deps(giver), () => 'req-1');
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const state = await submitCardAction(card, { status: 'ready', data }, 'send', { person: 'sean', value: 'quality', message: 'Found the crack in the weld jig', impact: '40 frames saved' }, ENV, { ...DEFAULT_PROPERTIES, siteCode: 'GOT' });
    expect(giver.given).toHaveLength(1);
    expect(giver.given[0].draft).toMatchObject({ valueKey: 'quality', message: 'Found the crack in the weld jig', impact: '40 frames saved', visibility: 'everyone' });
    expect(giver.given[0].draft.recipients.map((r) => r.siteUserId)).toEqual([12]);
    expect(giver.given[0].context).toMatchObject({ giverId: 11, requestId: 'req-1', siteCode: 'GOT' });
    expect(state.status === 'ready' && state.data.result).toEqual({ status: 'sent', name: 'Seán O’Brien', unnotified: false });
    const again = await submitCardAction(card, state, 'another', {}, ENV, DEFAULT_PROPERTIES);
    expect(again.status === 'ready' && again.data.result).toBeUndefined();
  });

  it('keeps what was typed and lists the problems when the draft is invalid', async () => {
    const giver = new FakeGiver({ status: 'invalid', errors: [{ code: 'noRecipient', field: 'recipients' }] });
    const card = createRecogniseCard(() => deps(giver));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const state = await submitCardAction(card, { status: 'ready', data }, 'send', { value: 'safety', message: 'Great job' }, ENV, DEFAULT_PROPERTIES);
    expect(state.status === 'ready' && state.data.form).toMatchObject({ message: 'Great job', value: 'safety' });
    const strings = loadAmdStrings(path.join(__dirname, 'loc', 'en-us.js')) as unknown as RecogniseStrings;
    const view = recogniseQuickView((state as { data: RecogniseData }).data, { properties: DEFAULT_PROPERTIES, locale: 'en-us', timeZone: 'UTC', now: new Date() }, strings);
    expect(JSON.stringify(view.template)).toContain('Choose a colleague.');
    expect(JSON.stringify(view.template)).toContain('"value":"Great job"');
  });

  it('says so when Teams could not tell the person, while the recognition is saved', async () => {
    const card = createRecogniseCard(() => deps(new FakeGiver({ status: 'sent', ids: [7], unnotified: ['Seán O’Brien'] })));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const state = await submitCardAction(card, { status: 'ready', data }, 'send', { person: 'sean', value: 'safety', message: 'x' }, ENV, DEFAULT_PROPERTIES);
    expect(state.status === 'ready' && state.data.result).toEqual({ status: 'sent', name: 'Seán O’Brien', unnotified: true });
    const strings = loadAmdStrings(path.join(__dirname, 'loc', 'en-us.js')) as unknown as RecogniseStrings;
    const view = recogniseQuickView((state as { data: RecogniseData }).data, { properties: DEFAULT_PROPERTIES, locale: 'en-us', timeZone: 'UTC', now: new Date() }, strings);
    expect(JSON.stringify(view.template)).toContain('Teams could not tell Seán O’Brien: let them know yourself.');
  });

  it('says Saved offline when the connection is down', async () => {
    const card = createRecogniseCard(() => deps(new FakeGiver({ status: 'queued', reason: 'network' })));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const state = await submitCardAction(card, { status: 'ready', data }, 'send', { person: 'sean', value: 'safety', message: 'x' }, ENV, DEFAULT_PROPERTIES);
    expect(state.status === 'ready' && state.data.result).toEqual({ status: 'queued' });
  });
});
