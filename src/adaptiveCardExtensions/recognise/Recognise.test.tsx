/**
 * The Recognise card: card face in every state, the quick view form as a valid Adaptive Card
 * 1.5 for Microsoft's renderer (every language), and the submit round trip with typed fakes.
 */
import * as path from 'path';
import * as AdaptiveCards from 'adaptivecards';

import { cardProblems as problems, renderMarkdownAsText } from '../../../test/support/adaptiveCards';
import { loadAmdStrings } from '../../../test/support/sources';
import { GraphCache } from '../../connectors/graph/graphCache';
import type { GraphClientLike, GraphRequestLike } from '../../connectors/graph/graphClient';
import { GraphPeopleDirectory } from '../../connectors/graph/graphPeopleDirectory';
import { type KeyValueStore, memoryStore } from '../../core/storage';
import type { RecognitionValue } from '../../core/models/values';
import type { ComposeContext, RecipientRef, RecognitionDraft } from '../../core/recognition/compose';
import type { GiveResult } from '../../core/recognition/recognitionService';
import type { PersonProfile } from '../../core/people/types';
import { type AdaptiveCard, type CardContext, type CardState, openCardQuickView, statusQuickView, submitCardAction, CardSetupRequired } from '../../app/host/cardTypes';
import type { HostEnvironment } from '../../app/host/types';
import type { RecognitionGiver } from '../../core/recognition/recognitionService';
import { storeErrorSentence } from '../../ui/recognition/storeErrorText';
import { createRecogniseCard, type RecogniseDeps } from './Recognise.part';
import { MANAGER_ID_TTL_MS, managerIdCache, managerIdKey } from './managerIdCache';
import { DEFAULT_PROPERTIES, EMPTY_FORM, type IRecogniseCardProps, type RecogniseData, recogniseCardView, recogniseQuickView, type RecogniseStrings, RETRY_PEERS_ACTION_ID } from './recogniseViews';
import { format } from '../../ui/format';

beforeAll(renderMarkdownAsText);

const ME: PersonProfile = { id: 'me', displayName: 'Åsa Bäckström', employmentType: 'employee' };
const SEAN: PersonProfile = { id: 'sean', displayName: 'Seán O’Brien', userPrincipalName: 'sean.obrien@contoso.com', employmentType: 'agency' };
const JONAS: PersonProfile = { id: 'jonas', displayName: 'Jonas Ødegaard', userPrincipalName: 'jonas@contoso.com', employmentType: 'employee' };
const LINES = ['Caught a defect before it left the line', 'Stopped the batch when the label was wrong'];
const VALUES: RecognitionValue[] = [
  { id: 1, valueKey: 'safety', title: 'Safety', sortOrder: 1, translations: { 'sv-se': { name: 'Säkerhet', description: '' } }, isActive: true },
  { id: 2, valueKey: 'quality', title: 'Quality', sortOrder: 2, translations: { 'en-us': { name: 'Quality', description: '', suggestions: LINES } }, isActive: true },
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

/** The device's storage (localStorage), as a Map. */
function deviceStore(entries: Array<[string, string]> = []): KeyValueStore & { readonly data: Map<string, string> } {
  return memoryStore(entries);
}

const NOW = Date.parse('2026-11-21T06:00:00Z');
const kept = (managerId: string, expires = NOW + MANAGER_ID_TTL_MS): [string, string] => [managerIdKey('asa'), JSON.stringify({ managerId, expires })];

/** A returning person on this device: Jonas is known as the manager (peers come with the first batch). */
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
    giver,
    managerIds: managerIdCache(deviceStore([kept('jonas')]), 'asa', () => NOW)
  };
}

/** The card's words as SharePoint gives them: the shared recognition strings and the card's own. */
function cardStrings(locale: string): RecogniseStrings {
  return {
    ...loadAmdStrings(path.join(__dirname, '..', '..', 'ui', 'recognition', 'loc', `${locale}.js`)),
    ...loadAmdStrings(path.join(__dirname, 'loc', `${locale}.js`))
  } as unknown as RecogniseStrings;
}

const ENV = { locale: 'sv-se', user: { displayName: 'Åsa Bäckström', loginName: 'asa', email: 'asa@contoso.com' } } as unknown as HostEnvironment;

/** The Adaptive Card as Microsoft's renderer shows it, in the document (for the test to read). */
function rendered(template: AdaptiveCard): { element: HTMLElement; inputs: string[]; buttons: string[] } {
  const card = new AdaptiveCards.AdaptiveCard();
  card.parse(template);
  const element = card.render()!;
  document.body.appendChild(element);
  return {
    element,
    inputs: card.getAllInputs().map((i) => i.id ?? ''),
    // Buttons, and blocks that act as one (a container with a select action), by their accessible names.
    buttons: Array.from(element.querySelectorAll('[role="button"]')).map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '')
  };
}

describe.each(['en-us', 'nl-nl', 'sv-se'])('Recognise card views (%s)', (locale) => {
  const strings = cardStrings(locale);
  const context: CardContext<IRecogniseCardProps> = { properties: DEFAULT_PROPERTIES, locale, timeZone: 'Europe/Stockholm', now: new Date() };
  const data: RecogniseData = {
    people: [JONAS, SEAN],
    values: [
      { key: 'safety', name: 'Safety', lines: [] },
      { key: 'quality', name: 'Quality', lines: LINES }
    ],
    form: EMPTY_FORM
  };
  const atLines: RecogniseData = { ...data, form: { ...EMPTY_FORM, person: 'sean', value: 'quality', step: 'message' } };

  it('has a card face for every state', () => {
    expect(recogniseCardView({ status: 'loading' }, context, strings)).toMatchObject({ status: 'loading', buttons: [] });
    expect(recogniseCardView({ status: 'setup', reason: 'noValues' }, context, strings).description).toBe(strings.SetupNoValues);
    expect(recogniseCardView({ status: 'error', error: { code: 'network' } }, context, strings)).toMatchObject({ description: storeErrorSentence('network'), buttons: [{ id: 'retry' }] });
    const ready = recogniseCardView({ status: 'ready', data }, context, strings);
    expect(ready).toMatchObject({ primaryText: strings.PrimaryText, buttons: [{ id: 'recognise', action: { kind: 'quickView' } }] });
  });

  it('the form parses and validates with no errors or warnings, at every step and in every result state', () => {
    const results: Array<RecogniseData['result']> = [
      undefined,
      { status: 'invalid', errors: [{ code: 'messageEmpty', field: 'message' }, { code: 'noRecipient', field: 'recipients' }] },
      { status: 'rejected' },
      { status: 'failed', code: 'network' },
      { status: 'sent', name: 'Seán O’Brien' },
      { status: 'sent', name: 'Seán O’Brien', unnotified: true },
      { status: 'queued', code: 'network' },
      { status: 'queued', code: 'notSetUp' }
    ];
    const forms: RecogniseData['form'][] = [
      EMPTY_FORM,
      atLines.form,
      { ...atLines.form, writing: true },
      { ...atLines.form, more: true, visibility: 'crew', impact: '40 frames' },
      { ...atLines.form, value: 'safety' }
    ];
    for (const form of forms) {
      for (const result of results) {
        const { template } = recogniseQuickView({ ...data, form, result }, context, strings);
        expect(problems(template)).toEqual([]);
        expect(problems(JSON.parse(JSON.stringify(template)))).toEqual([]);
      }
    }
    // While the peers are read (first use on a device), and when they could not be.
    for (const failed of [undefined, true]) {
      const { template } = recogniseQuickView({ ...data, peersToRead: { managerId: 'jonas', meId: 'me', failed } }, context, strings);
      expect(problems(template)).toEqual([]);
      expect(JSON.stringify(template)).toContain(failed ? strings.PeersUnavailable : strings.LoadingColleagues);
    }
    for (const state of [{ status: 'loading' as const }, { status: 'error' as const, error: new Error('x') }]) {
      expect(problems(statusQuickView(recogniseCardView(state, context, strings)).template)).toEqual([]);
    }
  });

  it('tap 1 and 2: the colleagues as rows to tap, the values as buttons; no Send yet', () => {
    const { element, inputs, buttons } = rendered(recogniseQuickView(data, context, strings).template);
    expect(inputs).toEqual(['person']);
    // Rows with a radio each, labelled by the name (a long list filters as one types instead).
    expect(Array.from(element.querySelectorAll('input[type="radio"]')).map((r) => r.getAttribute('aria-label'))).toEqual(['Jonas Ødegaard', 'Seán O’Brien']);
    expect(buttons).toEqual(['Safety', 'Quality']);
    expect(element.querySelectorAll('label[for]').length).toBeGreaterThanOrEqual(3);
    element.remove();
    const many = { ...data, people: Array.from({ length: 26 }, (_v, i) => ({ ...SEAN, id: `p${i}`, displayName: `Person ${i}` })) };
    const filtered = recogniseQuickView(many, context, strings).template.body.find((e) => e.type === 'Input.ChoiceSet');
    expect(filtered).toMatchObject({ id: 'person', style: 'filtered' });
  });

  it('more values than a host shows in one set (Viva Connections shows five, the rest behind "…"): every value is its own button', () => {
    const seven = { ...data, values: Array.from({ length: 7 }, (_v, i) => ({ key: `v${i}`, name: `Value ${i}`, lines: [] })) };
    const { template } = recogniseQuickView(seven, context, strings);
    const sets = template.body.filter((e): e is Extract<typeof e, { type: 'ActionSet' }> => e.type === 'ActionSet');
    expect(sets.every((set) => set.actions.length <= 5)).toBe(true);
    const viva = new AdaptiveCards.HostConfig({ actions: { maxActions: 5 } });
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = viva;
    card.parse(template);
    const element = card.render()!;
    document.body.appendChild(element);
    const buttons = Array.from(element.querySelectorAll('button')).map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '');
    expect(buttons).toEqual(seven.values.map((v) => v.name));
    element.remove();
  });

  it('tap 3: the value\'s lines as buttons that send, "Write your own" and the folded options saying who sees it', () => {
    const { element, inputs, buttons } = rendered(recogniseQuickView(atLines, context, strings).template);
    expect(inputs).toEqual([]);
    expect(buttons).toEqual([strings.ChangeButton, ...LINES, strings.WriteOwn, strings.MoreOptions]);
    expect(element.textContent).toContain(strings.SuggestionsHeading);
    expect(element.textContent).toContain(format(strings.SeenBy, strings.VisibilityEveryone));
    element.remove();
    const own = rendered(recogniseQuickView({ ...atLines, form: { ...atLines.form, writing: true, more: true } }, context, strings).template);
    expect(own.inputs).toEqual(['message', 'impact', 'visibility']);
    expect(own.buttons).toEqual([strings.ChangeButton, strings.UseSuggestion, strings.MoreOptions, strings.SendButton]);
    expect(own.element.querySelector('textarea')?.getAttribute('placeholder')).toBe(strings.MessagePlaceholder);
    own.element.remove();
    // A value without lines: the message box at once.
    const noLines = rendered(recogniseQuickView({ ...atLines, form: { ...atLines.form, value: 'safety' } }, context, strings).template);
    expect(noLines.inputs).toEqual(['message']);
    noLines.element.remove();
  });
});

describe('Recognise card data and submit', () => {
  const en = cardStrings('en-us');
  const enContext: CardContext<IRecogniseCardProps> = { properties: DEFAULT_PROPERTIES, locale: 'en-us', timeZone: 'UTC', now: new Date() };

  it('loads colleagues (reports, manager, peers; never me) and active values with their lines in my language', async () => {
    const card = createRecogniseCard(() => deps(new FakeGiver()), () => 'req-1');
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    expect(data.people.map((p) => p.displayName)).toEqual(['Jonas Ødegaard', 'Seán O’Brien']);
    // Swedish readers get Quality's English lines: it has none in Swedish.
    expect(data.values).toEqual([
      { key: 'safety', name: 'Säkerhet', lines: [] },
      { key: 'quality', name: 'Quality', lines: LINES }
    ]);
  });

  it('is Setup when HR has no active values', async () => {
    const card = createRecogniseCard(() => deps(new FakeGiver(), [VALUES[2]]));
    await expect(card.load(ENV, DEFAULT_PROPERTIES)).rejects.toBeInstanceOf(CardSetupRequired);
  });

  it('three taps: a colleague, a value, a line, which is sent at once; "another" starts afresh', async () => {
    const giver = new FakeGiver();
    const card = createRecogniseCard(() => deps(giver), () => 'req-1');
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const properties = { ...DEFAULT_PROPERTIES, siteCode: 'GOT' };
    // Tap 1 is the row (no round trip); tap 2 the value's button, which takes the colleague along.
    const atLines = await submitCardAction(card, { status: 'ready', data }, 'value:quality', { person: 'sean' }, ENV, properties);
    expect(atLines.status === 'ready' && atLines.data.form).toMatchObject({ person: 'sean', value: 'quality', step: 'message', writing: false });
    expect(giver.given).toHaveLength(0);
    const state = await submitCardAction(card, atLines, 'line:1', {}, ENV, properties);
    expect(giver.given).toHaveLength(1);
    expect(giver.given[0].draft).toMatchObject({ valueKey: 'quality', message: LINES[1], impact: '', visibility: 'everyone' });
    expect(giver.given[0].draft.recipients.map((r) => r.siteUserId)).toEqual([12]);
    expect(giver.given[0].context).toMatchObject({ giverId: 11, requestId: 'req-1', siteCode: 'GOT' });
    expect(state.status === 'ready' && state.data.result).toEqual({ status: 'sent', name: 'Seán O’Brien', unnotified: false });
    const again = await submitCardAction(card, state, 'another', {}, ENV, DEFAULT_PROPERTIES);
    expect(again.status === 'ready' && again.data).toMatchObject({ result: undefined, form: EMPTY_FORM });
  });

  it('own words, impact and who sees it, each one tap away', async () => {
    const giver = new FakeGiver();
    const card = createRecogniseCard(() => deps(giver), () => 'req-2');
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    let state = await submitCardAction(card, { status: 'ready', data }, 'value:quality', { person: 'sean' }, ENV, DEFAULT_PROPERTIES);
    state = await submitCardAction(card, state, 'more', {}, ENV, DEFAULT_PROPERTIES);
    state = await submitCardAction(card, state, 'write', { impact: '40 frames saved', visibility: 'crew' }, ENV, DEFAULT_PROPERTIES);
    expect(state.status === 'ready' && state.data.form).toMatchObject({ writing: true, more: true, impact: '40 frames saved', visibility: 'crew' });
    await submitCardAction(card, state, 'send', { message: 'Found the crack in the weld jig', impact: '40 frames saved', visibility: 'crew' }, ENV, DEFAULT_PROPERTIES);
    expect(giver.given[0].draft).toMatchObject({ valueKey: 'quality', message: 'Found the crack in the weld jig', impact: '40 frames saved', visibility: 'crew' });
  });

  it('a value tapped before a colleague is chosen stays at the colleagues and says so', async () => {
    const giver = new FakeGiver();
    const card = createRecogniseCard(() => deps(giver));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const state = await submitCardAction(card, { status: 'ready', data }, 'value:safety', {}, ENV, DEFAULT_PROPERTIES);
    const shown = (state as { data: RecogniseData }).data;
    expect(shown.form).toMatchObject({ value: 'safety', step: 'person' });
    expect(shown.result).toEqual({ status: 'invalid', errors: [{ code: 'noRecipient', field: 'recipients' }] });
    expect(JSON.stringify(recogniseQuickView(shown, enContext, en).template)).toContain('Pick at least one person.');
    expect(giver.given).toHaveLength(0);
  });

  it('keeps what was typed and lists the problems when the draft is invalid', async () => {
    const giver = new FakeGiver({ status: 'invalid', errors: [{ code: 'messageEmpty', field: 'message' }] });
    const card = createRecogniseCard(() => deps(giver));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const atBox = await submitCardAction(card, { status: 'ready', data }, 'value:safety', { person: 'sean' }, ENV, DEFAULT_PROPERTIES);
    const state = await submitCardAction(card, atBox, 'send', { message: 'Great job', impact: 'x' }, ENV, DEFAULT_PROPERTIES);
    expect(state.status === 'ready' && state.data.form).toMatchObject({ message: 'Great job', value: 'safety', person: 'sean', writing: true });
    const view = recogniseQuickView((state as { data: RecogniseData }).data, enContext, en);
    expect(JSON.stringify(view.template)).toContain('Write what they did and what it achieved.');
    expect(JSON.stringify(view.template)).toContain('"value":"Great job"');
  });

  it('a colleague refused goes back to the colleagues, with the value kept', async () => {
    const giver = new FakeGiver({ status: 'invalid', errors: [{ code: 'recipientUnknown', field: 'recipients', detail: 'Seán O’Brien' }] });
    const card = createRecogniseCard(() => deps(giver));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const atLines = await submitCardAction(card, { status: 'ready', data }, 'value:quality', { person: 'sean' }, ENV, DEFAULT_PROPERTIES);
    const state = await submitCardAction(card, atLines, 'line:0', {}, ENV, DEFAULT_PROPERTIES);
    expect(state.status === 'ready' && state.data.form).toMatchObject({ person: 'sean', value: 'quality', step: 'person' });
  });

  it('says so when Teams could not tell the person, while the recognition is saved', async () => {
    const card = createRecogniseCard(() => deps(new FakeGiver({ status: 'sent', ids: [7], unnotified: ['Seán O’Brien'] })));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const atLines = await submitCardAction(card, { status: 'ready', data }, 'value:quality', { person: 'sean' }, ENV, DEFAULT_PROPERTIES);
    const state = await submitCardAction(card, atLines, 'line:0', {}, ENV, DEFAULT_PROPERTIES);
    expect(state.status === 'ready' && state.data.result).toEqual({ status: 'sent', name: 'Seán O’Brien', unnotified: true });
    const view = recogniseQuickView((state as { data: RecogniseData }).data, enContext, en);
    expect(JSON.stringify(view.template)).toContain('Teams could not tell Seán O’Brien: let them know yourself.');
  });

  it('says Saved offline when the connection is down', async () => {
    const card = createRecogniseCard(() => deps(new FakeGiver({ status: 'queued', reason: 'network' })));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const atLines = await submitCardAction(card, { status: 'ready', data }, 'value:quality', { person: 'sean' }, ENV, DEFAULT_PROPERTIES);
    const state = await submitCardAction(card, atLines, 'line:0', {}, ENV, DEFAULT_PROPERTIES);
    expect(state.status === 'ready' && state.data.result).toEqual({ status: 'queued', code: 'network' });
  });
});

/* ------------------------------------------------------------------------------------------
 * Round trips: the real Graph directory (one `$batch` per tick) over a Graph that answers
 * from a small org chart and records what each `$batch` asked for.
 * ---------------------------------------------------------------------------------------- */

/** Åsa (operator, no reports) under Jonas, with Seán; Karin led Åsa before, with Lotta. */
const ORG: Readonly<Record<string, { manager?: string; reports: string[] }>> = {
  me: { manager: 'jonas', reports: [] },
  jonas: { reports: ['me', 'sean'] },
  karin: { reports: ['lotta'] }
};
const LOTTA: PersonProfile = { id: 'lotta', displayName: 'Lotta Öberg', employmentType: 'employee' };
const PEOPLE: Readonly<Record<string, PersonProfile>> = { me: ME, jonas: JONAS, sean: SEAN, lotta: LOTTA };

/** `/me?$select=…`, `/me/manager?…`, `/users/jonas/directReports?…` → the org chart's answer. */
function answer(url: string, org: typeof ORG): { status: number; body: unknown } {
  const path = url.split('?')[0];
  const match = /^\/(?:me|users\/([^/]+))(\/manager|\/directReports)?$/.exec(path);
  const who = match ? decodeURIComponent(match[1] ?? 'me') : undefined;
  const entry = who !== undefined ? org[who] : undefined;
  if (!match || !entry) {
    return { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: `No ${path}` } } };
  }
  const json = (p: PersonProfile): unknown => ({ id: p.id, displayName: p.displayName, userPrincipalName: p.userPrincipalName });
  if (match[2] === '/manager') {
    return entry.manager ? { status: 200, body: json(PEOPLE[entry.manager]) } : { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: 'No manager' } } };
  }
  if (match[2] === '/directReports') {
    return { status: 200, body: { value: entry.reports.map((id) => json(PEOPLE[id])) } };
  }
  return { status: 200, body: json(PEOPLE[who ?? 'me']) };
}

class OrgGraph implements GraphClientLike {
  /** The relative URLs (no query) of each `$batch`, in order. */
  public readonly batches: string[][] = [];
  /** Inner requests answered with a failure (e.g. a network blip on one of them). */
  public readonly failing = new Set<string>();
  public constructor(public org: typeof ORG = ORG) {}

  public api(path: string): GraphRequestLike {
    return {
      get: () => Promise.reject(new Error(`Unexpected GET ${path}`)),
      post: (content: unknown) => {
        const requests = (content as { requests: Array<{ id: string; url: string }> }).requests;
        this.batches.push(requests.map((r) => r.url.split('?')[0]));
        return Promise.resolve({
          responses: requests.map((r) =>
            this.failing.has(r.url.split('?')[0])
              ? { id: r.id, status: 500, headers: {}, body: { error: { code: 'generalException', message: 'Try later' } } }
              : { id: r.id, status: answer(r.url, this.org).status, headers: {}, body: answer(r.url, this.org).body }
          )
        });
      }
    };
  }
}

/** A session: a fresh Graph session cache and directory over `graph`, the device storage given. */
function session(graph: OrgGraph, device: KeyValueStore): RecogniseDeps {
  const directory = new GraphPeopleDirectory(graph, { cache: new GraphCache('asa') });
  return { ...deps(new FakeGiver()), directory, managerIds: managerIdCache(device, 'asa', () => NOW) };
}

const CONTEXT: CardContext<IRecogniseCardProps> = { properties: DEFAULT_PROPERTIES, locale: 'en-us', timeZone: 'UTC', now: new Date(NOW) };
const EN = cardStrings('en-us');

/** The names the quick view's person drop-down offers, as Microsoft's renderer shows them. */
function offeredPeople(data: RecogniseData): string[] {
  const card = new AdaptiveCards.AdaptiveCard();
  card.parse(recogniseQuickView(data, CONTEXT, EN).template as AdaptiveCard);
  const element = card.render()!;
  document.body.appendChild(element);
  // The colleagues' rows (radio buttons named by the colleague).
  const names = Array.from(element.querySelectorAll('input[type="radio"]'), (radio) => radio.getAttribute('aria-label') ?? '');
  element.remove();
  return names;
}

describe('Recognise card round trips (the peers)', () => {
  it('a returning person (manager id kept on the device): me, reports, manager and the peers in ONE Graph $batch', async () => {
    const graph = new OrgGraph();
    const device = deviceStore([kept('jonas', NOW + 1000)]);
    const card = createRecogniseCard(() => session(graph, device));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    expect(graph.batches).toHaveLength(1);
    expect(graph.batches[0].sort()).toEqual(['/me', '/me/directReports', '/me/manager', '/users/jonas/directReports']);
    expect(data.people.map((p) => p.displayName)).toEqual(['Jonas Ødegaard', 'Seán O’Brien']);
    expect(data.peersToRead).toBeUndefined();
    // Confirmed: kept for another full period. Nothing but the id is stored.
    expect(JSON.parse(device.data.get(managerIdKey('asa')) ?? '')).toEqual({ managerId: 'jonas', expires: NOW + MANAGER_ID_TTL_MS });
    // The quick view has nothing to add: no request, the same state.
    const state: CardState<RecogniseData> = { status: 'ready', data };
    await expect(openCardQuickView(card, state, ENV, DEFAULT_PROPERTIES)).resolves.toBe(state);
    expect(graph.batches).toHaveLength(1);
    expect(offeredPeople(data)).toEqual(['Jonas Ødegaard', 'Seán O’Brien']);
  });

  it('the manager changed since the id was kept: the real manager\'s reports are read, not the old one\'s, and the id is replaced', async () => {
    const graph = new OrgGraph();
    const device = deviceStore([kept('karin')]);
    const card = createRecogniseCard(() => session(graph, device));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    expect(graph.batches).toHaveLength(2);
    expect(graph.batches[0]).toContain('/users/karin/directReports');
    expect(graph.batches[1]).toEqual(['/users/jonas/directReports']);
    expect(data.people.map((p) => p.displayName)).toEqual(['Jonas Ødegaard', 'Seán O’Brien']);
    expect(data.peersToRead).toBeUndefined();
    expect(managerIdCache(device, 'asa', () => NOW).read()).toBe('jonas');
  });

  it('first use on a device: the card loads without the peers (one Graph $batch); opening the quick view reads them and the form lists them', async () => {
    const graph = new OrgGraph();
    const device = deviceStore();
    const card = createRecogniseCard(() => session(graph, device));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    expect(graph.batches).toEqual([expect.arrayContaining(['/me', '/me/directReports', '/me/manager'])]);
    expect(graph.batches[0]).toHaveLength(3);
    expect(data.people.map((p) => p.displayName)).toEqual(['Jonas Ødegaard']);
    expect(data.peersToRead).toEqual({ managerId: 'jonas', meId: 'me' });
    // Nothing kept yet: a reload in this session does not spend a request on the peers either.
    expect(device.data.size).toBe(0);

    // What the quick view shows the moment it opens: that the colleagues are being found, no half list.
    const opening = recogniseQuickView(data, CONTEXT, EN);
    expect(JSON.stringify(opening.template)).toContain(EN.LoadingColleagues);
    expect(JSON.stringify(opening.template)).not.toContain('Input.ChoiceSet');
    expect(problems(opening.template)).toEqual([]);

    const opened = await openCardQuickView(card, { status: 'ready', data }, ENV, DEFAULT_PROPERTIES);
    expect(graph.batches).toHaveLength(2);
    expect(graph.batches[1]).toEqual(['/users/jonas/directReports']);
    expect(opened.status).toBe('ready');
    const full = (opened as { data: RecogniseData }).data;
    expect(full.peersToRead).toBeUndefined();
    expect(offeredPeople(full)).toEqual(['Jonas Ødegaard', 'Seán O’Brien']);
    expect(JSON.stringify(recogniseQuickView(full, CONTEXT, EN).template)).not.toContain(EN.LoadingColleagues);
    // Now the device knows the manager: the next cold session asks for everything in one batch.
    expect(managerIdCache(device, 'asa', () => NOW).read()).toBe('jonas');
    const next = new OrgGraph();
    const again = await createRecogniseCard(() => session(next, device)).load(ENV, DEFAULT_PROPERTIES);
    expect(next.batches).toHaveLength(1);
    expect(again.people.map((p) => p.displayName)).toEqual(['Jonas Ødegaard', 'Seán O’Brien']);
  });

  it('an expired id counts as nothing kept', async () => {
    const graph = new OrgGraph();
    const card = createRecogniseCard(() => session(graph, deviceStore([kept('jonas', NOW)])));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    expect(graph.batches).toHaveLength(1);
    expect(graph.batches[0]).not.toContain('/users/jonas/directReports');
    expect(data.peersToRead).toEqual({ managerId: 'jonas', meId: 'me' });
  });

  it('when the peers cannot be read on opening, the form lists who is known and says so; "Try again" reads them', async () => {
    const graph = new OrgGraph();
    graph.failing.add('/users/jonas/directReports');
    const device = deviceStore();
    const card = createRecogniseCard(() => session(graph, device));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    const failed = await openCardQuickView(card, { status: 'ready', data }, ENV, DEFAULT_PROPERTIES);
    const shown = (failed as { data: RecogniseData }).data;
    expect(shown.peersToRead).toEqual({ managerId: 'jonas', meId: 'me', failed: true });
    const view = recogniseQuickView(shown, CONTEXT, EN);
    expect(JSON.stringify(view.template)).toContain(EN.PeersUnavailable);
    expect(problems(view.template)).toEqual([]);
    expect(offeredPeople(shown)).toEqual(['Jonas Ødegaard']);
    expect(device.data.size).toBe(0);

    // Opening again does not re-read behind the person's back (a re-render would wipe what
    // they type): the form offers "Try again", which they choose.
    graph.failing.clear();
    expect(await openCardQuickView(card, failed, ENV, DEFAULT_PROPERTIES)).toBe(failed);
    const retry = (view.template.actions ?? []).find((a) => a.id === RETRY_PEERS_ACTION_ID);
    expect(retry).toMatchObject({ type: 'Action.Submit', title: EN.Retry, associatedInputs: 'auto' });
    const typed = { person: 'jonas', message: 'Kept the line running' };
    const full = ((await submitCardAction(card, failed, RETRY_PEERS_ACTION_ID, typed, ENV, DEFAULT_PROPERTIES)) as { data: RecogniseData }).data;
    // What was typed comes back in the form.
    expect(full.form).toMatchObject({ person: 'jonas', message: 'Kept the line running' });
    expect(full.peersToRead).toBeUndefined();
    expect(offeredPeople(full)).toEqual(['Jonas Ødegaard', 'Seán O’Brien']);
    expect(JSON.stringify(recogniseQuickView(full, CONTEXT, EN).template)).not.toContain(EN.PeersUnavailable);
  });

  it('no manager any more: no peers to wait for, and the kept id is forgotten', async () => {
    const graph = new OrgGraph({ ...ORG, me: { reports: ['sean'] } });
    const device = deviceStore([kept('jonas')]);
    const card = createRecogniseCard(() => session(graph, device));
    const data = await card.load(ENV, DEFAULT_PROPERTIES);
    expect(data.people.map((p) => p.displayName)).toEqual(['Seán O’Brien']);
    expect(data.peersToRead).toBeUndefined();
    expect(managerIdCache(device, 'asa', () => NOW).read()).toBeUndefined();
  });
});
