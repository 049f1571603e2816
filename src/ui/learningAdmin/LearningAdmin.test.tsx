import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';

import {
  type AdminPath,
  type AdminStep,
  type AssignOutcome,
  type AssignRequest,
  type AudienceSource,
  LearningAdminError,
  type LearningAdminRelay,
  type LearningAdminStart,
  type LearningAdminStore
} from '../../core/learning/learningAdminPorts';
import type { PathDraft, StepForm } from '../../core/learning/pathDraft';
import type { QuizAnswerKey } from '../../core/models/learning';
import { RecognitionStoreError } from '../../core/recognition/ports';
import { LearningAdmin } from './LearningAdmin';

const path = (id: number, name: string, requiresPathIds: number[] = []): AdminPath => ({
  id,
  title: name,
  translations: { 'en-us': { name }, 'nl-nl': { name: `${name} (nl)` } },
  category: 'onboarding',
  isActive: true,
  requiresPathIds,
  grants: [],
  trainerIds: [],
  validityMonths: 0,
  lapseDays: 0
});

const START: LearningAdminStart = {
  paths: [path(1, 'Onboarding'), path(2, 'Forklift licence', [1])],
  steps: [
    { id: 10, pathId: 2, sortOrder: 10, kind: 'read', title: 'Forklift rules', translations: {}, estimatedMinutes: 5, contentUrl: '/sites/engage/rules.aspx', keySealed: false },
    { id: 11, pathId: 2, sortOrder: 20, kind: 'quiz', title: 'Forklift quiz', translations: {}, estimatedMinutes: 5, keySealed: false } as AdminStep
  ],
  mayEdit: true
};

class FakeStore implements LearningAdminStore {
  public readonly savedPaths: PathDraft[] = [];
  public readonly savedSteps: Array<{ form: StepForm; sortOrder: number }> = [];
  public readonly reorders: Array<ReadonlyArray<{ id: number; sortOrder: number }>> = [];
  public failSaves = 0;
  public starts = 0;
  public constructor(private readonly data: LearningAdminStart = START) {}
  public async start(): Promise<LearningAdminStart> {
    this.starts += 1;
    return this.data;
  }
  public async trainersOf(): Promise<string[]> {
    return [];
  }
  public async savePath(draft: PathDraft): Promise<number> {
    if (this.failSaves > 0) {
      this.failSaves -= 1;
      throw new RecognitionStoreError('network', 'offline');
    }
    this.savedPaths.push(draft);
    return draft.id ?? 3;
  }
  public async saveStep(form: StepForm, sortOrder: number): Promise<number> {
    this.savedSteps.push({ form, sortOrder });
    return form.id ?? 12;
  }
  public async deleteStep(): Promise<void> {
    return undefined;
  }
  public async reorder(changes: ReadonlyArray<{ id: number; sortOrder: number }>): Promise<void> {
    this.reorders.push(changes);
  }
}

class FakeRelay implements LearningAdminRelay {
  public readonly sealed: Array<{ stepId: number; key: QuizAnswerKey }> = [];
  public readonly assigned: AssignRequest[] = [];
  public refuse?: LearningAdminError;
  public async sealQuizKey(stepId: number, key: QuizAnswerKey): Promise<void> {
    this.sealed.push({ stepId, key });
  }
  public async assign(request: AssignRequest): Promise<AssignOutcome> {
    this.assigned.push(request);
    if (this.refuse) {
      const error = this.refuse;
      this.refuse = undefined;
      throw error;
    }
    return { created: [{ id: 'a' }, { id: 'b' }], alreadyAssigned: [{ id: 'c' }], notLed: 0 };
  }
}

const audiences: AudienceSource = {
  searchPeople: async () => [{ id: 'p-ria', displayName: 'Ria Rask', jobTitle: 'Operator' }],
  crews: async () => [{ crewKey: 'team-weld-a', name: 'Weld A' }]
};

function renderAdmin(store = new FakeStore(), relay = new FakeRelay(), locale = 'en-us'): { store: FakeStore; relay: FakeRelay } {
  render(<LearningAdmin sources={{ store, relay, audiences, tenantHosts: ['contoso.sharepoint.com'] }} locale={locale} timeZone="Europe/Stockholm" newRequestId={() => 'assign-fixed-0001'} />);
  return { store, relay };
}

const field = (name: string): HTMLElement => screen.getByLabelText(name);
const type = (name: string, value: string): void => {
  fireEvent.change(field(name), { target: { value } });
};

describe('LearningAdmin', () => {
  it('lists the paths with their steps and the actions for HR', async () => {
    renderAdmin();
    expect(await screen.findByText('Forklift licence', { selector: 'span.name' })).toBeTruthy();
    expect(screen.getByText(/Active · 2 steps/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Edit path' })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'New path' })).toBeTruthy();
  });

  it('creates a path with its names and keeps what was typed when saving fails, then Try again saves it', async () => {
    const store = new FakeStore();
    store.failSaves = 1;
    renderAdmin(store);
    fireEvent.click(await screen.findByRole('button', { name: 'New path' }));
    await screen.findByLabelText('Name (English)');
    type('Name (English)', 'Lockout/tagout');
    type('Name (Dutch)', 'Vergrendelen');
    type('Name (Swedish)', 'Låsning');
    type('Valid for (months)', '24');
    fireEvent.change(field('Kind of path'), { target: { value: 'safety' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('There is no connection. Nothing was lost.')).toBeTruthy();
    expect((field('Name (English)') as HTMLInputElement).value).toBe('Lockout/tagout');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(store.savedPaths).toHaveLength(1));
    expect(store.savedPaths[0]).toMatchObject({ names: { 'en-us': 'Lockout/tagout', 'nl-nl': 'Vergrendelen', 'sv-se': 'Låsning' }, validityMonths: '24', isActive: true, category: 'safety' });
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('refuses a name too long for SharePoint at the field, keeps it whole and saves nothing', async () => {
    const store = new FakeStore();
    renderAdmin(store);
    fireEvent.click(await screen.findByRole('button', { name: 'New path' }));
    await screen.findByLabelText('Name (English)');
    const long = 'x'.repeat(2000);
    type('Name (English)', long);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findAllByText('A name can have at most 255 characters; this one has 2000. Shorten it: nothing is cut.')).length).toBeGreaterThan(0);
    expect((field('Name (English)') as HTMLInputElement).value).toBe(long);
    expect(store.savedPaths).toEqual([]);
  });

  it('refuses a requirement that closes a cycle, naming the paths, and saves nothing', async () => {
    const { store } = renderAdmin();
    fireEvent.click((await screen.findAllByRole('button', { name: 'Edit path' }))[0]);
    fireEvent.click(await screen.findByLabelText('Forklift licence'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findAllByText('These requirements go round in a circle: Onboarding → Forklift licence → Onboarding.')).length).toBeGreaterThan(0);
    expect(store.savedPaths).toEqual([]);
  });

  it('adds a quiz step: the questions go to SharePoint, the answer key only to the relay', async () => {
    const { store, relay } = renderAdmin();
    fireEvent.click((await screen.findAllByRole('button', { name: 'Steps' }))[1]);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a step' }));
    fireEvent.change(await screen.findByLabelText('Kind of step'), { target: { value: 'quiz' } });
    type('Title (English)', 'Lockout quiz');
    type('Title (Dutch)', 'Quiz vergrendelen');
    type('Title (Swedish)', 'Quiz låsning');
    fireEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    type('Question (English)', 'Who locks out?');
    type('Choice 1 (English)', 'You');
    type('Choice 2 (English)', 'Nobody');
    type('Right answers needed to pass', '1');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // No right choice ticked yet: refused, nothing sent.
    expect((await screen.findAllByText('Tick at least one right choice for each question.')).length).toBeGreaterThan(0);
    expect(store.savedSteps).toEqual([]);
    fireEvent.click(screen.getByLabelText('Choice 1 is right'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(relay.sealed).toEqual([{ stepId: 12, key: { q1: [0] } }]));
    expect(store.savedSteps[0].sortOrder).toBe(30);
    expect(store.savedSteps[0].form.kind).toBe('quiz');
  });

  it('moves a step up', async () => {
    const { store } = renderAdmin();
    fireEvent.click((await screen.findAllByRole('button', { name: 'Steps' }))[1]);
    const moveUp = await screen.findAllByRole('button', { name: 'Move up' });
    fireEvent.click(moveUp[1]);
    await waitFor(() => expect(store.reorders).toEqual([[{ id: 11, sortOrder: 10 }, { id: 10, sortOrder: 20 }]]));
  });

  it('assigns a path to a crew and says how many were assigned and already had it', async () => {
    const { relay } = renderAdmin();
    fireEvent.click((await screen.findAllByRole('button', { name: 'Assign' }))[0]);
    fireEvent.click(await screen.findByLabelText('A crew'));
    const crew = await screen.findByLabelText('Crew');
    await within(crew).findByText('Weld A');
    fireEvent.change(crew, { target: { value: 'team-weld-a' } });
    type('Due date (optional)', '2026-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('2 assigned, 1 already had it.')).toBeTruthy();
    expect(relay.assigned).toEqual([
      { pathId: 1, audience: { kind: 'crew', crewKey: 'team-weld-a', name: 'Weld A' }, requestId: 'assign-fixed-0001', timeZone: 'Europe/Stockholm', dueDate: '2026-12-31' }
    ]);
  });

  it('says a past due date in words, keeps the choice, and Try again resends the same request', async () => {
    const relay = new FakeRelay();
    relay.refuse = new LearningAdminError('dueDateInPast', 'past');
    renderAdmin(new FakeStore(), relay);
    fireEvent.click((await screen.findAllByRole('button', { name: 'Assign' }))[0]);
    type('Find a colleague', 'Ri');
    fireEvent.click(await screen.findByRole('button', { name: 'Add Ria Rask' }));
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('The due date has passed. Pick today or later.')).toBeTruthy();
    expect(screen.getByText('Ria Rask')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('2 assigned, 1 already had it.')).toBeTruthy();
    expect(relay.assigned.map((r) => r.requestId)).toEqual(['assign-fixed-0001', 'assign-fixed-0001']);
  });

  it('shows someone without the right the paths, and why they cannot change them', async () => {
    renderAdmin(new FakeStore({ ...START, mayEdit: false }));
    expect(await screen.findByText('Only HR and site owners can change learning paths. You can see them here.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit path' })).toBeNull();
  });

  it('speaks Dutch and Swedish', async () => {
    renderAdmin(new FakeStore(), new FakeRelay(), 'nl-nl');
    expect(await screen.findByText('Forklift licence (nl)', { selector: 'span.name' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nieuw traject' })).toBeTruthy();
  });

  it('says when the paths cannot be read, with Try again', async () => {
    const store = new FakeStore();
    let fail = true;
    store.start = async () => {
      if (fail) {
        fail = false;
        throw new RecognitionStoreError('throttled', 'busy');
      }
      return START;
    };
    renderAdmin(store, new FakeRelay(), 'sv-se');
    expect(await screen.findByText('SharePoint är upptaget. Inget gick förlorat.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText('Forklift licence', { selector: 'span.name' })).toBeTruthy();
  });
});
