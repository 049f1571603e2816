import * as React from 'react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { SPFI } from '@pnp/sp';

import type { ItemId } from '../../../core/models/common';
import type { ReactionKind } from '../../../core/models/recognition';
import type { RecognitionValue } from '../../../core/models/values';
import type { FlushReport } from '../../../core/outbox/outbox';
import type { PersonProfile } from '../../../core/people/types';
import { EMPTY_PLANT_MAP, parsePlantMap, type PlantMap } from '../../../core/plant';
import { composeRecognition, type RecipientRef } from '../../../core/recognition/compose';
import { RecognitionStoreError, type ReactionSummary, type WallItem, type WallPage, type WallReader, type WallStart } from '../../../core/recognition/ports';
import type { ReportOutcome } from '../../../core/recognition/moderation';
import type { GiveResult, QueuedRecognition } from '../../../core/recognition/recognitionService';
import type { WallFilters } from '../../../core/recognition/wallQuery';
import type { WallViewer } from '../../../core/recognition/wallRules';
import { KeptReactions } from '../../../core/recognition/keptReactions';
import { type KeyValueStore, memoryStore } from '../../../core/storage';
import type { IDraftStore, IGiving, IPeopleSource, IRecognitionWallServices, IRecognitionWallSettings } from './IRecognitionWallProps';
import { RecognitionWall } from './RecognitionWall';
import { recognitionOf } from '../../../app/recognition';
import { EngageServices } from '../../../app/services';
import { wallSnapshots } from '../wallSnapshot';
import { composeErrorText } from '../../../ui/recognition/composeErrorText';

// SharePoint registers Fluent UI's icon font; jsdom does not (and needs no glyphs).
setIconOptions({ disableWarnings: true });
const NOW = new Date('2025-03-10T12:00:00Z');

const VALUES: RecognitionValue[] = [
  { id: 1, valueKey: 'safety', title: 'Safety', iconName: 'Shield', color: '#107c10', sortOrder: 1, isActive: true, translations: { 'nl-nl': { name: 'Veiligheid', description: 'Veilig werken' } } },
  {
    id: 2,
    valueKey: 'quality',
    title: 'Quality',
    iconName: 'Ribbon',
    color: '#0078d4',
    sortOrder: 2,
    isActive: true,
    translations: { 'en-us': { name: 'Quality', description: '', suggestions: ['Caught a defect before it left the line', 'Stopped the batch when the label was wrong'] } }
  },
  { id: 3, valueKey: 'old', title: 'Old value', sortOrder: 3, isActive: false, translations: {} }
];

const ASA: PersonProfile = { id: 'dir-asa', displayName: 'Åsa Bäckström', mail: 'asa@contoso.com', employmentType: 'employee' };
const SEAN: PersonProfile = { id: 'dir-sean', displayName: "Seán O'Brien", mail: 'sean@contoso.com', employmentType: 'agency', jobTitle: 'Welder' };
const MIRA: PersonProfile = { id: 'dir-mira', displayName: 'Mira Haddad', mail: 'mira@contoso.com', employmentType: 'employee' };

function post(id: number, overrides: Partial<WallItem> = {}): WallItem {
  return {
    id,
    recipient: { id: 20, displayName: "Seán O'Brien", email: 'sean@contoso.com' },
    giver: { id: 30, displayName: 'Mira Haddad', email: 'mira@contoso.com' },
    kind: 'peer',
    valueKey: 'safety',
    message: `Message ${id}`,
    siteCode: 'GOT',
    visibility: 'everyone',
    status: 'published',
    created: '2025-03-10T10:00:00Z',
    ...overrides
  };
}

/** A typed fake of the wall's ports; each test scripts its answers. */
class FakeStore implements WallReader {
  public pages: Array<WallPage | Error> = [];
  public pageCalls: Array<{ filters: WallFilters; cursor?: string }> = [];
  public reactionMap = new Map<ItemId, ReactionSummary>();
  public hidden = new Set<number>();
  public reactCalls: Array<[ItemId, ReactionKind | undefined]> = [];
  public reactFails = false;
  public reports: Array<[ItemId, string]> = [];
  /** What a report does: through the relay it hides the post for everyone. */
  public reportOutcome: ReportOutcome | Error = 'hiddenForReporter';
  public hideMe = false;

  public async page(filters: WallFilters, _top: number, cursor?: string): Promise<WallPage> {
    this.pageCalls.push({ filters, cursor });
    const next = this.pages.length > 1 ? this.pages.shift() : this.pages[0];
    if (!next || next instanceof Error) {
      throw next ?? new Error('no page');
    }
    return next;
  }
  public startCalls = 0;
  public plant: PlantMap = EMPTY_PLANT_MAP;
  public async start(filters: WallFilters, top: number): Promise<WallStart> {
    this.startCalls += 1;
    const page = await this.page(filters, top);
    return { values: await this.values(), page, hiddenFromPublicWall: new Set(this.hidden), hideMe: this.hideMe, plant: this.plant };
  }
  public reactionCalls = 0;
  public async reactions(): Promise<Map<ItemId, ReactionSummary>> {
    this.reactionCalls += 1;
    return new Map(this.reactionMap);
  }
  public async hiddenFromPublicWall(): Promise<Set<number>> {
    return new Set(this.hidden);
  }
  public async lastRecognised(): Promise<Map<number, string>> {
    return new Map();
  }
  public async react(id: ItemId, kind: ReactionKind | undefined): Promise<void> {
    this.reactCalls.push([id, kind]);
    if (this.reactFails) {
      throw new RecognitionStoreError('network', 'offline');
    }
  }
  public async report(id: ItemId, reason: string): Promise<ReportOutcome> {
    this.reports.push([id, reason]);
    if (this.reportOutcome instanceof Error) {
      throw this.reportOutcome;
    }
    return this.reportOutcome;
  }
  public async values(): Promise<RecognitionValue[]> {
    return VALUES;
  }
  public async hideFromPublicWall(): Promise<boolean> {
    return this.hideMe;
  }
  public async setHideFromPublicWall(hidden: boolean): Promise<void> {
    this.hideMe = hidden;
  }
}

class FakePeople implements IPeopleSource {
  public searches: string[] = [];
  public async myCrew(): Promise<PersonProfile[]> {
    return [SEAN, ASA];
  }
  public async search(text: string): Promise<PersonProfile[]> {
    this.searches.push(text);
    return [MIRA, SEAN].filter((p) => p.displayName.toLowerCase().includes(text.toLowerCase()));
  }
  public async resolve(profile: PersonProfile): Promise<RecipientRef> {
    const ids: Record<string, number> = { 'dir-asa': 10, 'dir-sean': 20, 'dir-mira': 30 };
    // Åsa and Seán work in the same crew; Mira's crew is not known.
    const crewKey = profile.id === 'dir-mira' ? undefined : 'GOT-WELD2-A';
    return { siteUserId: ids[profile.id] ?? 0, displayName: profile.displayName, exists: true, directoryId: profile.id, ...(crewKey ? { crewKey } : {}) };
  }
}

class FakeGiving implements IGiving {
  public given: Array<Parameters<IGiving['give']>> = [];
  public next: GiveResult = { status: 'sent', ids: [500] };
  public forgotten: string[] = [];
  public flushReport: FlushReport<QueuedRecognition> = { sent: [], waiting: [], rejected: [] };
  public async give(...args: Parameters<IGiving['give']>): Promise<GiveResult> {
    this.given.push(args);
    // The real rules, as RecognitionService runs them before anything is stored.
    const composed = composeRecognition(args[0], args[1]);
    return composed.ok ? this.next : { status: 'invalid', errors: composed.errors };
  }
  public async flush(): Promise<FlushReport<QueuedRecognition>> {
    return this.flushReport;
  }
  public forgetRejected(requestId: string): void {
    this.forgotten.push(requestId);
  }
}

class MemoryDraft implements IDraftStore {
  public text: string | undefined;
  public read(): string | undefined {
    return this.text;
  }
  public write(text: string): void {
    this.text = text;
  }
  public clear(): void {
    this.text = undefined;
  }
}

const ME: WallViewer = { siteUserId: 10, displayName: 'Åsa Bäckström', directoryId: 'dir-asa', crewKey: 'GOT-WELD2-A', siteCode: 'GOT', reportEmails: new Set() };

/** `device`: the device's storage, shared by two walls to stand for the same phone. */
function setup(overrides: Partial<IRecognitionWallSettings> = {}, device: KeyValueStore = memoryStore()): {
  store: FakeStore;
  people: FakePeople;
  giving: FakeGiving;
  draft: MemoryDraft;
  services: IRecognitionWallServices;
  settings: IRecognitionWallSettings;
} {
  const store = new FakeStore();
  const people = new FakePeople();
  const giving = new FakeGiving();
  const draft = new MemoryDraft();
  const services: IRecognitionWallServices = {
    wall: store,
    // As the part wires it: taps kept on the device until SharePoint has them.
    reactions: new KeptReactions(store, device, 'reactions:asa'),
    moderation: store,
    preferences: store,
    people,
    giving,
    draftStore: draft,
    viewer: async () => ME
  };
  const settings: IRecognitionWallSettings = { valueKeys: [], showReactions: true, compact: false, pageSize: 10, ...overrides };
  return { store, people, giving, draft, services, settings };
}

function renderWall(s: ReturnType<typeof setup>, locale = 'en-us'): ReturnType<typeof render> {
  return render(<RecognitionWall services={s.services} settings={s.settings} locale={locale} now={() => NOW} />);
}

/** One of the wall's notices (in its live region of notices). */
async function findNotice(text: string | RegExp): Promise<HTMLElement> {
  const found = await screen.findByText(text);
  expect(found.closest('[role="log"][aria-live="polite"]')).not.toBeNull();
  return found;
}

async function feed(): Promise<HTMLElement> {
  return screen.findByRole('list', { name: 'Recognitions, newest first' });
}

describe('RecognitionWall feed', () => {
  it('shows who recognised whom, the value, the message as text, impact and when', async () => {
    const s = setup();
    s.store.pages = [
      {
        items: [
          post(2, { message: '<img src=x onerror=alert(1)> مرحبا 👏', impact: '500 orders saved', created: '2025-03-10T11:55:00Z' }),
          post(1, { kind: 'milestone', milestoneKind: 'safety-streak', created: '2025-03-09T12:00:00Z' })
        ]
      }
    ];
    renderWall(s);
    const list = await feed();
    const articles = within(list).getAllByRole('article');
    expect(articles).toHaveLength(2);
    const first = articles[0];
    expect(within(first).getByRole('heading', { name: "Mira Haddad recognised Seán O'Brien" })).toBeTruthy();
    expect(within(first).getByText('Safety')).toBeTruthy();
    const message = within(first).getByText('<img src=x onerror=alert(1)> مرحبا 👏');
    expect(message.getAttribute('dir')).toBe('auto');
    expect(first.querySelector('img')).toBeNull();
    expect(within(first).getByText('500 orders saved')).toBeTruthy();
    expect(within(first).getByText('5 minutes ago')).toBeTruthy();
    expect(within(articles[1]).getByText('Milestone: days without incident')).toBeTruthy();
    expect(within(articles[1]).getByText('yesterday')).toBeTruthy();
  });

  it('shows a learning path the relay posted as the person’s milestone: their name alone, never an empty giver', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(3, { kind: 'milestone', milestoneKind: 'learning-path', giver: { id: 0, displayName: '', email: '' }, message: 'Finished Forklift licence' })] }];
    renderWall(s);
    const [article] = within(await feed()).getAllByRole('article');
    expect(within(article).getByRole('heading', { name: "Seán O'Brien" })).toBeTruthy();
    expect(within(article).getByText('Milestone: learning path finished')).toBeTruthy();
  });

  it('hides private posts of others and people who opted out of the public wall', async () => {
    const s = setup();
    s.store.pages = [
      {
        items: [
          post(3, { visibility: 'private' }),
          post(2, { recipient: { id: 40, displayName: 'Quiet Person' } }),
          post(1, { visibility: 'private', recipient: { id: 10, displayName: 'Åsa Bäckström' } })
        ]
      }
    ];
    s.store.hidden = new Set([40]);
    renderWall(s);
    const articles = within(await feed()).getAllByRole('article');
    expect(articles).toHaveLength(1);
    expect(within(articles[0]).getByRole('heading').textContent).toContain('Åsa Bäckström');
  });

  it('shows an empty state, an error with retry, and pages with "Show more"', async () => {
    const s = setup();
    s.store.pages = [new RecognitionStoreError('network', 'offline'), { items: [post(5)], cursor: 'c1' }, { items: [post(4)] }];
    renderWall(s);
    expect(await screen.findByText(/The recognitions could not be loaded\. The connection was lost/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(within(await feed()).getAllByRole('article')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Recognitions, newest first' })).getAllByRole('article')).toHaveLength(2));
    expect(s.store.pageCalls[2].cursor).toBe('c1');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('says so when there is nothing yet', async () => {
    const s = setup();
    s.store.pages = [{ items: [] }];
    renderWall(s);
    expect(await screen.findByText('No recognitions yet. Be the first to recognise a colleague!')).toBeTruthy();
  });

  it('with filters and nothing more to load, says the filters match nothing (no "show more" without its button)', async () => {
    const s = setup({ defaultSiteCode: 'GOT' });
    s.store.pages = [{ items: [] }];
    renderWall(s);
    expect(await screen.findByText('No recognitions match these filters. Change the filters.')).toBeTruthy();
    expect(screen.queryByText(/show more/i)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('with filters and more to load, offers "Show more" beside the message that names it', async () => {
    const s = setup({ defaultSiteCode: 'GOT' });
    s.store.pages = [{ items: [], cursor: 'c1' }];
    renderWall(s);
    expect(await screen.findByText(/No recognitions match these filters in what is loaded\. Change the filters or show more\./)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show more' })).toBeTruthy();
  });

  it('asks the store for the chosen value and my crew', async () => {
    const s = setup({ defaultSiteCode: 'GOT' });
    s.store.pages = [{ items: [post(1)] }];
    renderWall(s);
    await feed();
    expect(s.store.pageCalls[0].filters).toEqual({ siteCode: 'GOT' });
    fireEvent.click(screen.getByRole('button', { name: 'Filters (1)' }));
    // The filters load on demand.
    fireEvent.click(await screen.findByRole('switch', { name: 'Only my crew' }));
    await waitFor(() => expect(s.store.pageCalls[s.store.pageCalls.length - 1].filters).toEqual({ siteCode: 'GOT', crewKey: 'GOT-WELD2-A' }));
    expect(screen.getByText(/The period applies to the recognitions loaded so far/)).toBeTruthy();
  });

  it('offers the plant map\'s sites and lines in the reader\'s language (names from the map, nl-nl here), lines narrowed to the site', async () => {
    const s = setup();
    s.store.plant = parsePlantMap({
      sites: [
        { code: 'GOT', name: 'Göteborg', officeLocations: ['Göteborg plant'] },
        { code: 'EIN', name: 'Eindhoven', officeLocations: ['Eindhoven plant'] }
      ],
      lines: [
        { code: 'GOT-WELD2', name: 'Weld cell 2', names: { 'nl-nl': 'Lascel 2' }, siteCode: 'GOT', departments: ['Weld cell 2'] },
        { code: 'EIN-MOULD', name: 'Moulding', names: { 'nl-nl': 'Spuitgieten' }, siteCode: 'EIN', departments: ['Moulding'] }
      ],
      shifts: [{ code: 'night', name: 'Night', names: { 'nl-nl': 'Nacht' } }]
    });
    // The loaded posts name no line at all: the choices still come from the map.
    s.store.pages = [{ items: [post(1)] }];
    renderWall(s, 'nl-nl');
    await screen.findAllByRole('article');
    fireEvent.click(screen.getByRole('button', { name: /^Filters/ }));
    const line = await screen.findByRole('combobox', { name: 'Line' });
    expect(within(line).getAllByRole('option').map((o) => o.textContent)).toEqual(['All lines', 'Lascel 2', 'Spuitgieten']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Site' }), { target: { value: 'EIN' } });
    await waitFor(() => expect(within(screen.getByRole('combobox', { name: 'Line' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['All lines', 'Spuitgieten']));
    expect(within(screen.getByRole('combobox', { name: 'Shift' })).getAllByRole('option').map((o) => o.textContent)).toContain('Nacht');
  });
});

describe('RecognitionWall reactions and reports', () => {
  it('keeps a reaction made before the counts arrived, on top of the others\' reactions', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(1)] }];
    let answer: (map: Map<ItemId, ReactionSummary>) => void = () => undefined;
    s.store.reactions = () => new Promise<Map<ItemId, ReactionSummary>>((resolve) => (answer = resolve));
    renderWall(s);
    await feed();
    fireEvent.click(screen.getByRole('button', { name: 'Applause (0)' }));
    await waitFor(() => expect(s.store.reactCalls).toEqual([[1, 'applause']]));
    // The counts read when the wall opened: two colleagues, not yet this reader.
    await act(async () => answer(new Map([[1, { counts: { applause: 2 } }]])));
    const pressed = screen.getByRole('button', { name: 'Applause (3)' });
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
  });

  it('toggles a reaction at once and keeps it when saved', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(1)] }];
    s.store.reactionMap.set(1, { counts: { applause: 2 } });
    renderWall(s);
    await feed();
    fireEvent.click(screen.getByRole('button', { name: 'Applause (2)' }));
    const pressed = screen.getByRole('button', { name: 'Applause (3)' });
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(s.store.reactCalls).toEqual([[1, 'applause']]));
    fireEvent.click(screen.getByRole('button', { name: 'Applause (3)' }));
    await waitFor(() => expect(s.store.reactCalls).toEqual([[1, 'applause'], [1, undefined]]));
    expect(screen.getByRole('button', { name: 'Applause (2)' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('rolls the count back with a message when the reaction fails', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(1)] }];
    s.store.reactFails = true;
    renderWall(s);
    await feed();
    fireEvent.click(screen.getByRole('button', { name: 'Heart (0)' }));
    expect(screen.getByRole('button', { name: 'Heart (1)' })).toBeTruthy();
    expect(await findNotice(/Your reaction was not saved: the connection was lost/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Heart (0)' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('sends again a reaction whose save was on its way when the reader left the page, shown pressed meanwhile', async () => {
    const device = memoryStore();
    const first = setup({}, device);
    first.store.pages = [{ items: [post(1)] }];
    // The save never gets its answer: the reader leaves the page while it is on its way.
    first.store.react = async (id, kind) => {
      first.store.reactCalls.push([id, kind]);
      return new Promise<void>(() => undefined);
    };
    const view = renderWall(first);
    await feed();
    fireEvent.click(screen.getByRole('button', { name: 'Applause (0)' }));
    await waitFor(() => expect(first.store.reactCalls).toEqual([[1, 'applause']]));
    view.unmount();

    const again = setup({}, device);
    again.store.pages = [{ items: [post(1)] }];
    again.store.reactionMap.set(1, { counts: { heart: 1 } }); // SharePoint never got it
    renderWall(again);
    await feed();
    await waitFor(() => expect(again.store.reactCalls).toEqual([[1, 'applause']]));
    expect((await screen.findByRole('button', { name: 'Applause (1)' })).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Heart (1)' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('says a reaction from the last visit is not saved yet when sending it again fails for now, and keeps it', async () => {
    const device = memoryStore();
    const first = setup({}, device);
    first.store.pages = [{ items: [post(1)] }];
    first.store.react = async () => new Promise<void>(() => undefined);
    const view = renderWall(first);
    await feed();
    fireEvent.click(screen.getByRole('button', { name: 'Like (0)' }));
    view.unmount();

    const again = setup({}, device);
    again.store.pages = [{ items: [post(1)] }];
    again.store.reactFails = true; // offline
    renderWall(again);
    await feed();
    expect(await findNotice(/A reaction from your last visit is not saved yet: the connection was lost/)).toBeTruthy();
    expect(again.services.reactions.waiting()).toEqual(new Map([[1, 'like']]));
  });

  it('hides reactions when the property pane says so', async () => {
    const s = setup({ showReactions: false });
    s.store.pages = [{ items: [post(1)] }];
    renderWall(s);
    await feed();
    expect(screen.queryByRole('group', { name: 'Reactions' })).toBeNull();
  });

  it('reports a post with a reason: it leaves the wall for the reporter at once', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(2), post(1)] }];
    renderWall(s);
    await feed();
    fireEvent.click(within(screen.getAllByRole('article')[0]).getByRole('button', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Report' }));
    expect(await within(dialog).findByText('Say briefly what is wrong, so HR can decide.')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /What is wrong with it/ }), { target: { value: 'Names a customer' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Report' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.queryByText('Message 2')).toBeNull();
    expect(s.store.reports).toEqual([[2, 'Names a customer']]);
    expect(await findNotice(/HR will review it/)).toBeTruthy();
  });

  it('says the post is off the wall for everyone when the relay hid it', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(2), post(1)] }];
    s.store.reportOutcome = 'hiddenForEveryone';
    renderWall(s);
    await feed();
    fireEvent.click(within(screen.getAllByRole('article')[0]).getByRole('button', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /What is wrong with it/ }), { target: { value: 'Names a customer' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Report' }));
    expect(await findNotice('Thank you. The recognition is off the wall for everyone until HR has reviewed it.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
  });

  it('keeps the reason of a report that failed to send for the next try', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(2), post(1)] }];
    s.store.reportOutcome = new RecognitionStoreError('network', 'offline');
    renderWall(s);
    await feed();
    fireEvent.click(within(screen.getAllByRole('article')[0]).getByRole('button', { name: 'Report' }));
    let dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /What is wrong with it/ }), { target: { value: 'Names a customer' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Report' }));
    expect(await findNotice(/The report was not sent, so the recognition is back/)).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    fireEvent.click(within(screen.getAllByRole('article')[0]).getByRole('button', { name: 'Report' }));
    dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByRole('textbox', { name: /What is wrong with it/ }) as HTMLTextAreaElement).value).toBe('Names a customer');
  });

  it('keeps recognitions of me off the public wall when I switch it on', async () => {
    const s = setup();
    s.store.pages = [{ items: [] }];
    renderWall(s);
    await screen.findByText(/No recognitions yet/);
    fireEvent.click(screen.getByRole('button', { name: 'My privacy' }));
    const toggle = await screen.findByRole('switch', { name: 'Keep recognitions of me off the public wall' });
    fireEvent.click(toggle);
    await waitFor(() => expect(s.store.hideMe).toBe(true));
    expect(await findNotice('Recognitions of you are now kept off the public wall.')).toBeTruthy();
  });
});

describe('Recognise composer', () => {
  // Each walks the panel tap by tap through Fluent UI; on a busy machine that outlasts jest's 5 s.
  jest.setTimeout(30_000);

  async function openComposer(s: ReturnType<typeof setup>): Promise<HTMLElement> {
    s.store.pages = [{ items: [post(1)] }];
    renderWall(s);
    await feed();
    fireEvent.click(screen.getByRole('button', { name: 'Recognise' }));
    // The composer is its own chunk: on a busy machine it can take longer than the default second to arrive.
    return screen.findByRole('dialog', { name: 'Recognise a colleague' }, { timeout: 10_000 });
  }

  /** Tap 1: a crew mate (my crew first). */
  async function pickFromCrew(panel: HTMLElement, name: RegExp): Promise<void> {
    fireEvent.click(within(await within(panel).findByRole('list', { name: 'My crew' })).getByRole('button', { name }));
  }

  it('recognises in three taps: a crew mate, a value, a suggested line that sends at once; the post goes to the top', async () => {
    const s = setup();
    const panel = await openComposer(s);
    expect(within(panel).getByText('Step 1 of 3')).toBeTruthy();
    await pickFromCrew(panel, /Seán O'Brien/);
    expect(await within(panel).findByText('Step 2 of 3')).toBeTruthy();
    expect(within(panel).getByText("For Seán O'Brien")).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: /Quality/ }));
    expect(await within(panel).findByText('Step 3 of 3')).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: 'What did they do?' })).toBe(document.activeElement);
    // The lines, each a button that sends; the message box is one tap away; impact and who sees it folded.
    const lines = within(panel).getByRole('group', { name: 'Tap a line to send it now' });
    expect(within(panel).queryByRole('textbox', { name: /What did they do, and what did it achieve/ })).toBeNull();
    expect(within(panel).getByRole('button', { name: 'Impact and who can see it' }).getAttribute('aria-expanded')).toBe('false');
    expect(within(panel).getByText('Who can see it: Everyone')).toBeTruthy();
    fireEvent.click(within(lines).getByRole('button', { name: 'Caught a defect before it left the line' }));
    const thanks = await findNotice('Thank you! Your recognition is on the wall.');
    // The composer closed by sending: the thanks takes the focus (not "Recognise" at the top), where the person is.
    await waitFor(() => expect(document.activeElement?.contains(thanks)).toBe(true));
    expect(s.giving.given).toHaveLength(1);
    const [draft, context, names] = s.giving.given[0];
    expect(draft).toMatchObject({ valueKey: 'quality', message: 'Caught a defect before it left the line', impact: '', visibility: 'everyone' });
    expect(draft.recipients.map((r) => r.siteUserId)).toEqual([20]);
    expect(context.giverId).toBe(10);
    expect(names).toEqual({ giverName: 'Åsa Bäckström', valueName: 'Quality' });
    const first = within(await feed()).getAllByRole('article')[0];
    expect(within(first).getByText('Caught a defect before it left the line')).toBeTruthy();
    expect(s.draft.text).toBeUndefined();
  });

  it('writes their own words when the value has no lines: an empty message is refused; impact and who sees it one tap away', async () => {
    const s = setup();
    const panel = await openComposer(s);
    // No "Next" to find: a tap on a person moves on.
    expect(within(panel).queryByRole('button', { name: 'Next' })).toBeNull();
    // Picking myself is refused with a clear message (my crew lists me; the fake directory does).
    const crew = await within(panel).findByRole('list', { name: 'My crew' });
    expect(within(crew).queryByRole('button', { name: /Åsa/ })).toBeNull();
    fireEvent.click(within(crew).getByRole('button', { name: /Seán O'Brien/ }));
    fireEvent.click(await within(panel).findByRole('button', { name: /Safety/ }));
    expect(await within(panel).findByText('Step 3 of 3')).toBeTruthy();
    // Safety has no suggested lines: the box is there at once.
    const box = within(panel).getByRole('textbox', { name: /What did they do, and what did it achieve/ });
    expect(within(panel).queryByRole('group', { name: 'Tap a line to send it now' })).toBeNull();
    fireEvent.change(box, { target: { value: '  \n ' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Send' }));
    expect(await within(panel).findByText('Write what they did and what it achieved.')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'Caught a wrong label before packing.' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Impact and who can see it' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: /Impact/ }), { target: { value: '500 orders saved' } });
    fireEvent.click(within(panel).getByRole('radio', { name: 'My crew' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Send' }));
    expect(await findNotice('Thank you! Your recognition is on the wall.')).toBeTruthy();
    const [draft] = s.giving.given[s.giving.given.length - 1];
    expect(draft).toMatchObject({ valueKey: 'safety', message: 'Caught a wrong label before packing.', impact: '500 orders saved', visibility: 'crew' });
    const first = within(await feed()).getAllByRole('article')[0];
    expect(within(first).getByText('Caught a wrong label before packing.')).toBeTruthy();
  });

  it('"Write your own" opens the box with the focus in it; back to the lines while it is empty', async () => {
    const s = setup();
    const panel = await openComposer(s);
    await pickFromCrew(panel, /Seán/);
    fireEvent.click(await within(panel).findByRole('button', { name: /Quality/ }));
    fireEvent.click(await within(panel).findByRole('button', { name: 'Write your own' }));
    const box = within(panel).getByRole('textbox', { name: /What did they do/ });
    await waitFor(() => expect(document.activeElement).toBe(box));
    fireEvent.click(within(panel).getByRole('button', { name: 'Use a suggested line' }));
    expect(await within(panel).findByRole('button', { name: 'Stopped the batch when the label was wrong' })).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Write your own' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: /What did they do/ }), { target: { value: 'Checked all 40 frames' } });
    // What is typed is not thrown away for a line.
    expect(within(panel).queryByRole('button', { name: 'Use a suggested line' })).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Send' }));
    expect(await findNotice('Thank you! Your recognition is on the wall.')).toBeTruthy();
    expect(s.giving.given[0][0].message).toBe('Checked all 40 frames');
  });

  it('"Add someone" makes a crew award: several people, then Next', async () => {
    const s = setup();
    const panel = await openComposer(s);
    await pickFromCrew(panel, /Seán/);
    fireEvent.click(await within(panel).findByRole('button', { name: 'Add someone' }));
    expect(await within(panel).findByText('Step 1 of 3')).toBeTruthy();
    fireEvent.change(within(panel).getByRole('searchbox'), { target: { value: 'Mi' } });
    fireEvent.click(await within(panel).findByRole('button', { name: /Mira Haddad/ }, { timeout: 2000 }));
    expect(within(within(panel).getByRole('list', { name: 'Picked people' })).getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(within(panel).getByRole('button', { name: 'Next (2 picked)' }));
    fireEvent.click(await within(panel).findByRole('button', { name: /Quality/ }));
    fireEvent.click(await within(panel).findByRole('button', { name: 'Stopped the batch when the label was wrong' }));
    expect(await findNotice('Thank you! Your recognition is on the wall.')).toBeTruthy();
    expect(s.giving.given[0][0].recipients.map((r) => r.siteUserId)).toEqual([20, 30]);
  });

  it('starts afresh after sending, with the draft store the product wires: a remounted wall gives a new request id', async () => {
    // The wall's real draft store (the composition root's, over this tab's sessionStorage).
    const connections = {
      webUrl: 'https://contoso.sharepoint.com/sites/plant',
      sp: {} as SPFI,
      graph: { api: () => ({ get: async () => ({}), post: async () => ({}) }) },
      user: { loginName: 'i:0#.f|membership|asa@contoso.com', displayName: 'Åsa Bäckström', email: 'asa@contoso.com', siteUserId: 10 }
    };
    const wired = recognitionOf(new EngageServices(connections));
    const sendOnce = async (s: ReturnType<typeof setup>, message: string): Promise<void> => {
      const panel = await openComposer(s);
      expect(within(panel).getByText('Step 1 of 3')).toBeTruthy();
      await pickFromCrew(panel, /Seán O'Brien/);
      fireEvent.click(await within(panel).findByRole('button', { name: /Safety/ }));
      fireEvent.change(await within(panel).findByRole('textbox', { name: /What did they do, and what did it achieve/ }), { target: { value: message } });
      fireEvent.click(within(panel).getByRole('button', { name: 'Send' }));
      expect(await findNotice('Thank you! Your recognition is on the wall.')).toBeTruthy();
    };
    const first = setup();
    first.services = { ...first.services, draftStore: wired.draft };
    await sendOnce(first, 'Caught a wrong label before packing.');
    cleanup();
    const second = setup();
    second.services = { ...second.services, draftStore: wired.draft };
    await sendOnce(second, 'Cleared the walkway before the forklift came.');
    const firstId = first.giving.given[0][1].requestId;
    const secondId = second.giving.given[0][1].requestId;
    expect(second.giving.given[0][0].message).toBe('Cleared the walkway before the forklift came.');
    expect(secondId).not.toBe(firstId);
  });

  it('refuses "My crew" visibility for someone whose crew is unknown, unfolding the choice, and sends once changed', async () => {
    const s = setup();
    s.people.search = async (): Promise<PersonProfile[]> => [MIRA];
    const panel = await openComposer(s);
    fireEvent.change(within(panel).getByRole('searchbox'), { target: { value: 'Mi' } });
    fireEvent.click(await within(panel).findByRole('button', { name: /Mira Haddad/ }));
    fireEvent.click(await within(panel).findByRole('button', { name: /Quality/ }));
    fireEvent.click(await within(panel).findByRole('button', { name: 'Impact and who can see it' }));
    fireEvent.click(within(panel).getByRole('radio', { name: 'My crew' }));
    // Folded again, it says what was chosen; a line sends with it.
    fireEvent.click(within(panel).getByRole('button', { name: 'Impact and who can see it' }));
    expect(within(panel).getByText('Who can see it: My crew')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Caught a defect before it left the line' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe(composeErrorText({ code: 'crewUnknown', field: 'visibility', detail: 'Mira Haddad' }, 'en-us'));
    expect(within(panel).getByRole('button', { name: 'Impact and who can see it' }).getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(within(panel).getByRole('radio', { name: 'Only the person and their team leader' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Caught a defect before it left the line' }));
    expect(await findNotice('Thank you! Your recognition is on the wall.')).toBeTruthy();
    expect(s.giving.given[s.giving.given.length - 1][0]).toMatchObject({ visibility: 'private', message: 'Caught a defect before it left the line' });
  });

  it('says whom Teams could not tell after sending', async () => {
    const s = setup();
    s.giving.next = { status: 'sent', ids: [500], unnotified: ["Seán O'Brien"] };
    const panel = await openComposer(s);
    await pickFromCrew(panel, /Seán O'Brien/);
    fireEvent.click(await within(panel).findByRole('button', { name: /Quality/ }));
    fireEvent.click(await within(panel).findByRole('button', { name: 'Caught a defect before it left the line' }));
    expect(await findNotice('Thank you! Your recognition is on the wall.')).toBeTruthy();
    expect(await findNotice("Teams could not tell Seán O'Brien: let them know yourself.")).toBeTruthy();
  });

  it('refuses self-recognition found by search, and searches from two letters', async () => {
    const s = setup();
    s.people.search = async (text: string): Promise<PersonProfile[]> => {
      s.people.searches.push(text);
      return [ASA, MIRA];
    };
    const panel = await openComposer(s);
    const box = within(panel).getByRole('searchbox', { name: 'Search by name' });
    fireEvent.change(box, { target: { value: 'a' } });
    expect(await within(panel).findByText('Type at least 2 letters to search.')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'Bä' } });
    const results = await within(panel).findByRole('list', { name: 'Search results' }, { timeout: 2000 });
    expect(s.people.searches).toEqual(['Bä']);
    fireEvent.click(within(results).getByRole('button', { name: /Åsa Bäckström/ }));
    expect(await within(panel).findByText("You can't recognise yourself. Pick a colleague who made a difference.")).toBeTruthy();
    expect(within(panel).getByText('Step 1 of 3')).toBeTruthy();
  });

  it('goes back to the people when the one picked has left the directory', async () => {
    const s = setup();
    s.people.resolve = async (profile: PersonProfile): Promise<RecipientRef> => ({ siteUserId: 20, displayName: profile.displayName, exists: false });
    const panel = await openComposer(s);
    await pickFromCrew(panel, /Seán O'Brien/);
    expect(await within(panel).findByText("Seán O'Brien is no longer in the directory. Remove them and pick someone else.")).toBeTruthy();
    expect(within(panel).getByText('Step 1 of 3')).toBeTruthy();
  });

  it('keeps the draft when the panel closes, and says when it is queued offline', async () => {
    const s = setup();
    const panel = await openComposer(s);
    await pickFromCrew(panel, /Seán/);
    fireEvent.click(await within(panel).findByRole('button', { name: /Quality/ }));
    fireEvent.click(await within(panel).findByRole('button', { name: 'Write your own' }));
    fireEvent.change(await within(panel).findByRole('textbox', { name: /What did they do/ }), { target: { value: 'Kept line 2 running 🚀' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Recognise a colleague' })).toBeNull());
    expect(JSON.parse(s.draft.text ?? '{}')).toMatchObject({ message: 'Kept line 2 running 🚀', valueKey: 'quality', step: 'message', writing: true });
    fireEvent.click(screen.getByRole('button', { name: 'Recognise' }));
    const again = await screen.findByRole('dialog', { name: 'Recognise a colleague' }, { timeout: 10_000 });
    expect((within(again).getByRole('textbox', { name: /What did they do/ }) as HTMLTextAreaElement).value).toBe('Kept line 2 running 🚀');
    s.giving.next = { status: 'queued', reason: 'network' };
    fireEvent.click(within(again).getByRole('button', { name: 'Send' }));
    expect(await findNotice("Saved on this device; it will be sent when you're back online.")).toBeTruthy();
  });

  it('puts a refused recognition back in the form with the reason', async () => {
    const s = setup();
    const panel = await openComposer(s);
    await pickFromCrew(panel, /Seán/);
    fireEvent.click(await within(panel).findByRole('button', { name: /Safety/ }));
    fireEvent.change(await within(panel).findByRole('textbox', { name: /What did they do/ }), { target: { value: 'Helped out' } });
    s.giving.next = { status: 'rejected', reason: 'accessDenied' };
    fireEvent.click(within(panel).getByRole('button', { name: 'Send' }));
    expect(await within(panel).findByText(/Not sent: you don't have permission/)).toBeTruthy();
    expect((within(panel).getByRole('textbox', { name: /What did they do/ }) as HTMLTextAreaElement).value).toBe('Helped out');
    expect(s.giving.forgotten).toHaveLength(1);
  });

  it('sends what waited on the device when the connection is back', async () => {
    const s = setup();
    s.store.pages = [{ items: [] }];
    renderWall(s);
    await screen.findByText(/No recognitions yet/);
    s.giving.flushReport = { sent: ['r1'], waiting: [], rejected: [] };
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await findNotice('1 recognition saved on this device has been sent.')).toBeTruthy();
  });
});

/** Web Storage in memory, as sessionStorage behaves. */
class MemoryStorage {
  public readonly data = new Map<string, string>();
  // eslint-disable-next-line @rushstack/no-new-null -- Web Storage's own signature
  public getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  public setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  public removeItem(key: string): void {
    this.data.delete(key);
  }
}

/** A first visit that leaves the wall ("Seen before") in the session's storage. */
async function seenBefore(): Promise<MemoryStorage> {
  const storage = new MemoryStorage();
  const first = setup();
  first.services = { ...first.services, snapshots: wallSnapshots(storage, 'wall:asa') };
  first.store.pages = [{ items: [post(1, { message: 'Seen before' })] }];
  const view = renderWall(first);
  await within(await feed()).findByText('Seen before');
  await waitFor(() => expect(storage.data.size).toBe(1));
  view.unmount();
  return storage;
}

describe('RecognitionWall loading', () => {
  it('reads the values, page and preferences in one start call; reactions follow the paint', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(2), post(1)] }];
    s.store.reactionMap = new Map([[2, { counts: { applause: 3 }, mine: 'applause' as ReactionKind }]]);
    const valueReads = jest.spyOn(s.store, 'values');
    const preferenceReads = jest.spyOn(s.store, 'hideFromPublicWall');
    renderWall(s);
    expect(within(await feed()).getAllByRole('article')).toHaveLength(2);
    await screen.findByRole('button', { name: 'Applause (3)' });
    expect(s.store.startCalls).toBe(1);
    expect(s.store.reactionCalls).toBe(1);
    // values come with the start call only; the privacy choice is not read on its own
    expect(valueReads).toHaveBeenCalledTimes(1);
    expect(preferenceReads).not.toHaveBeenCalled();
  });

  it('paints the wall as last seen this session before SharePoint answers, then shows the fresh one', async () => {
    const storage = await seenBefore();

    // The revisit: SharePoint has not answered yet, the saved wall shows at once.
    const again = setup();
    let answer: (start: WallStart) => void = () => undefined;
    again.store.start = () => new Promise<WallStart>((resolve) => (answer = resolve));
    again.services = { ...again.services, snapshots: wallSnapshots(storage, 'wall:asa') };
    renderWall(again);
    expect(within(await feed()).getByText('Seen before')).toBeTruthy();
    await act(async () => {
      answer({ values: VALUES, page: { items: [post(2, { message: 'New since' }), post(1, { message: 'Seen before' })] }, hiddenFromPublicWall: new Set(), hideMe: false, plant: EMPTY_PLANT_MAP });
    });
    expect(within(await feed()).getAllByRole('article')).toHaveLength(2);
    expect(screen.getByText('New since')).toBeTruthy();
  });

  it('keeps showing the saved wall with a warning when the refresh fails', async () => {
    const storage = await seenBefore();

    const again = setup();
    again.store.pages = [new RecognitionStoreError('network', 'offline')];
    again.services = { ...again.services, snapshots: wallSnapshots(storage, 'wall:asa') };
    renderWall(again);
    expect(await findNotice(/Showing the wall as you last saw it/)).toBeTruthy();
    expect(within(await feed()).getByText('Seen before')).toBeTruthy();
  });
});

describe('RecognitionWall on the shop floor', () => {
  it('writes each reaction\'s name beside its count (not only in a tooltip); the button says both', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(1)] }];
    s.store.reactionMap.set(1, { counts: { heart: 4 } });
    renderWall(s);
    const group = within(await feed()).getByRole('group', { name: 'Reactions' });
    const heart = await within(group).findByRole('button', { name: 'Heart (4)' });
    expect(heart.textContent).toBe('Heart4');
    expect(heart.getAttribute('title')).toBeNull();
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Applause0', 'Like0', 'Heart4', 'Celebrate0']);
  });

  it('marks a post about the reader "About you", for the eye and in the post\'s name', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(2, { recipient: { id: 10, displayName: 'Åsa Bäckström' } }), post(1)] }];
    renderWall(s);
    const [mine, other] = within(await feed()).getAllByRole('article');
    expect(within(mine).getByText('About you')).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Mira Haddad recognised Åsa Bäckström About you' })).toBe(mine);
    expect(within(other).queryByText('About you')).toBeNull();
    expect(screen.getByRole('article', { name: "Mira Haddad recognised Seán O'Brien" })).toBe(other);
  });

  /** The wall's polite live region: on the page from the first paint, before anything is said. */
  function politeRegion(container: HTMLElement): HTMLElement {
    const region = container.querySelector<HTMLElement>('section > [role="status"][aria-live="polite"]');
    expect(region).not.toBeNull();
    return region as HTMLElement;
  }

  it('says a saved reaction in a live region that was there before (the pressed button is what the eye sees)', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(1)] }];
    const { container } = renderWall(s);
    await feed();
    const region = politeRegion(container);
    expect(region.textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Like (0)' }));
    await waitFor(() => expect(region.textContent).toBe('You reacted with Like.'));
    expect(politeRegion(container)).toBe(region);
    fireEvent.click(screen.getByRole('button', { name: 'Like (1)' }));
    await waitFor(() => expect(region.textContent).toBe('Your reaction Like is taken back.'));
  });

  it('shows the thanks for a report at the end of the wall (kept on screen), in the live region of notices, and gives it the focus', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(2), post(1)] }];
    s.store.reportOutcome = 'hiddenForEveryone';
    const { container } = renderWall(s);
    await feed();
    const region = container.querySelector('section > [role="log"][aria-live="polite"]') as HTMLElement;
    expect(region.textContent).toBe('');
    fireEvent.click(within(screen.getAllByRole('article')[0]).getByRole('button', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /What is wrong with it/ }), { target: { value: 'Names a customer' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Report' }));
    const thanks = 'Thank you. The recognition is off the wall for everyone until HR has reviewed it.';
    await waitFor(() => expect(region.textContent).toBe(thanks));
    // Seen: the last thing in the wall (its place sticks to the bottom of the screen); said once.
    const shown = screen.getByText(thanks);
    expect(region.contains(shown)).toBe(true);
    const section = container.querySelector('section') as HTMLElement;
    expect(section.lastElementChild?.contains(shown)).toBe(true);
    // The reported post and its Report button are gone: the thanks takes the focus (and so is scrolled to).
    await waitFor(() => expect(document.activeElement?.contains(shown)).toBe(true));
  });

  it('says an error assertively, in the live region of notices', async () => {
    const s = setup();
    s.store.pages = [{ items: [post(1)] }];
    s.store.reactFails = true;
    const { container } = renderWall(s);
    await feed();
    const region = container.querySelector('section > [role="log"]') as HTMLElement;
    fireEvent.click(screen.getByRole('button', { name: 'Heart (0)' }));
    const error = await findNotice(/^Your reaction was not saved: the connection was lost/);
    expect(region.contains(error)).toBe(true);
    expect(error.closest('[aria-live]')?.getAttribute('aria-live')).toBe('assertive');
  });

  it('offers "Try again" when the privacy choice could not be read (no "reload the page"), and reads it again', async () => {
    const s = setup();
    s.store.pages = [new RecognitionStoreError('network', 'offline'), { items: [] }];
    s.store.hideMe = true;
    renderWall(s);
    await screen.findByText(/The recognitions could not be loaded/);
    fireEvent.click(screen.getByRole('button', { name: 'My privacy' }));
    const panel = await screen.findByText(/Your privacy choice could not be read\./);
    expect(panel.textContent).not.toMatch(/reload/i);
    const group = document.getElementById('se-wall-privacy') as HTMLElement;
    fireEvent.click(within(group).getByRole('button', { name: 'Try again' }));
    const toggle = await within(group).findByRole('switch', { name: 'Keep recognitions of me off the public wall' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
  });

  it('brings the privacy choice back by itself when the wall loads again after a failure', async () => {
    const s = setup();
    s.store.pages = [new RecognitionStoreError('network', 'offline'), { items: [] }];
    renderWall(s);
    await screen.findByText(/The recognitions could not be loaded/);
    fireEvent.click(screen.getByRole('button', { name: 'My privacy' }));
    await screen.findByText(/Your privacy choice could not be read\./);
    // No tap: the wall tries again by itself (after 3 s), and reads the choice with it.
    expect(await screen.findByRole('switch', { name: 'Keep recognitions of me off the public wall' }, { timeout: 6_000 })).toBeTruthy();
    expect(screen.queryByText(/Your privacy choice could not be read\./)).toBeNull();
  }, 10_000);
});
