import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { memoryStore } from '../../core/storage';
import { PlanDrafts } from '../../core/pulse/plans/drafts';
import type { ActionPlanRecord, PublishedPlan } from '../../core/pulse/plans/types';
import { type MyPlansBody, type PlanStore, PlanStoreError, type SavePlanRequest } from '../../core/pulse/plans/wire';
import type { RoundResults } from '../../core/pulse/results/wire';
import { PlanEditor } from './PlanEditor';
import { PlanList } from './PlanList';
import { PublishedPlans } from './PublishedPlans';

const NOW = (): Date => new Date('2026-12-07T10:00:00Z');
const THREAD = `k1:${'ab'.repeat(32)}`;
const COMMENT = 'De magnetron in hal 2 is weer kapot.';
const ZONE = 'Europe/Amsterdam';

const stored: ActionPlanRecord = {
  id: 41,
  surveyId: 3,
  roundId: 10,
  headline: 'Handover at every shift change',
  driver: 'leadership',
  source: { kind: 'driver' },
  youSaid: 'We lose information between shifts.',
  weWillDo: 'A five-minute handover at the line board.',
  owner: { name: 'Sanne de Vries', login: 'sanne.devries@contoso.com' },
  dueDate: '2027-01-15',
  status: 'planned',
  groupKey: 'crew=team-a',
  version: '"1"'
};

function fakeStore(overrides: Partial<PlanStore> = {}): PlanStore & { saved: SavePlanRequest[] } {
  const saved: SavePlanRequest[] = [];
  return {
    saved,
    published: () => Promise.resolve({ plans: [] }),
    mine: () => Promise.resolve({ writer: { role: 'hr', crews: [] }, plans: [] }),
    save: (request) => {
      saved.push(request);
      return Promise.resolve({ ...stored, ...request.plan, id: request.id ?? 50, surveyId: 3, version: '"2"' });
    },
    publish: (id, version, published) => Promise.resolve({ ...stored, id, version: '"3"', ...(published ? { publishedAt: '2026-12-07T10:00:00Z' } : {}) }),
    setStatus: (id, version, status) => Promise.resolve({ ...stored, id, status, version: '"4"' }),
    ...overrides
  };
}

const editorProps = {
  writer: { role: 'leader' as const, crews: ['team-a'] },
  owner: { name: 'Jan Jansen', login: 'jan.jansen@contoso.com' },
  groups: [{ key: 'crew=team-a', label: 'Ploeg Lassen nacht' }],
  timeZone: ZONE,
  now: NOW
};

describe('PlanEditor', () => {
  it('starts from a comment in Dutch, says beside each field what is missing to publish, and publishes to the crew', async () => {
    const store = fakeStore();
    const saved = jest.fn();
    render(
      <PlanEditor
        {...editorProps}
        store={store}
        drafts={new PlanDrafts(memoryStore(), 'drafts')}
        start={{ kind: 'comment', roundId: 10, threadId: THREAD, groupKey: 'crew=team-a', text: COMMENT, driver: 'belonging' }}
        locale="nl-nl"
        onSaved={saved}
      />
    );
    expect(screen.getByText(COMMENT, { selector: 'blockquote' })).toBeTruthy();
    expect(screen.getByText(/^De groep ziet de opmerking bij het plan zolang/)).toBeTruthy();
    // "You said" is the writer's own words: the comment is not copied into it.
    expect((screen.getByLabelText('Jullie zeiden') as HTMLTextAreaElement).value).toBe('');
    expect((screen.getByLabelText('Verantwoordelijke') as HTMLInputElement).value).toBe('Jan Jansen');

    fireEvent.click(screen.getByRole('button', { name: 'Publiceren' }));
    expect(screen.getByText('Schrijf een titel.')).toBeTruthy();
    expect(screen.getByText('Schrijf op wat jullie hoorden.')).toBeTruthy();
    expect(screen.getByText('Schrijf op wat jullie gaan doen voordat je publiceert.')).toBeTruthy();
    expect(screen.getByText('Kies een datum voordat je publiceert.')).toBeTruthy();
    const headline = screen.getByLabelText('Titel');
    expect(headline.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(headline);
    expect(store.saved).toEqual([]);

    fireEvent.change(headline, { target: { value: 'Nieuwe magnetron in hal 2' } });
    // A copy of the comment is refused beside the field; the writer's own words are taken.
    fireEvent.change(screen.getByLabelText('Jullie zeiden'), { target: { value: `Jullie zeiden: ${COMMENT}` } });
    fireEvent.change(screen.getByLabelText('Dit gaan we doen'), { target: { value: 'Er komt deze week een nieuwe magnetron.' } });
    fireEvent.change(screen.getByLabelText('Klaar op'), { target: { value: '2026-12-06' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publiceren' }));
    expect(screen.getByText('Deze datum is voorbij; kies vandaag of later.')).toBeTruthy();
    expect(screen.getByText(/^Schrijf in je eigen woorden wat jullie hoorden/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Jullie zeiden'), { target: { value: 'De magnetron in de pauzeruimte werkt vaak niet.' } });
    fireEvent.change(screen.getByLabelText('Klaar op'), { target: { value: '2026-12-11' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Publiceren' }));
    });
    expect(store.saved).toHaveLength(1);
    expect(store.saved[0].plan).toMatchObject({ headline: 'Nieuwe magnetron in hal 2', groupKey: 'crew=team-a', dueDate: '2026-12-11' });
    // The comment is named by its thread id; its words are not sent (the relay reads them from the comment).
    expect(store.saved[0].plan.source).toEqual({ kind: 'comment', threadId: THREAD });
    expect(screen.getByText(/^Gepubliceerd\. De groep ziet het/)).toBeTruthy();
    expect(saved).toHaveBeenLastCalledWith(expect.objectContaining({ publishedAt: '2026-12-07T10:00:00Z' }));
  });

  it('keeps what was typed when the save fails, offers Try again, and sends it again under the same plan key', async () => {
    const drafts = new PlanDrafts(memoryStore(), 'drafts');
    let fail = true;
    const store = fakeStore();
    const save = jest.fn((request: SavePlanRequest) => (fail ? Promise.reject(new PlanStoreError('unavailable', 'offline')) : store.save(request)));
    const start = { kind: 'driver' as const, roundId: 10, driver: 'leadership' as const, groupKey: 'crew=team-a' };
    const { unmount } = render(<PlanEditor {...editorProps} store={{ ...store, save }} drafts={drafts} start={start} locale="en-us" />);
    fireEvent.change(screen.getByLabelText('Headline'), { target: { value: 'Handover at every shift change' } });
    fireEvent.change(screen.getByLabelText('You said'), { target: { value: 'We lose information between shifts.' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    expect(screen.getByText(/^Not saved yet: the connection failed or the service is busy\. What you typed is kept on this device\./)).toBeTruthy();
    expect(drafts.list()).toHaveLength(1);

    // The editor opened again (another visit) brings the words back.
    unmount();
    render(<PlanEditor {...editorProps} store={{ ...store, save }} drafts={drafts} start={start} locale="en-us" />);
    expect((screen.getByLabelText('Headline') as HTMLInputElement).value).toBe('Handover at every shift change');
    expect(screen.getByText('What you typed earlier on this device is back in the form.')).toBeTruthy();

    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    expect(save).toHaveBeenCalledTimes(3);
    // One plan key for the failed send and the one that worked; the next save changes the stored plan.
    expect(save.mock.calls[0][0].planKey).toBe(save.mock.calls[1][0].planKey);
    expect([save.mock.calls[1][0].id, save.mock.calls[2][0].id]).toEqual([undefined, 50]);
    expect(drafts.list()).toEqual([]);
  });

  it('keeps a quoted comment on the device by its thread id only, and brings its words back from the comment when opened again', async () => {
    const device = memoryStore();
    const drafts = new PlanDrafts(device, 'drafts');
    const start = { kind: 'comment' as const, roundId: 10, threadId: THREAD, groupKey: 'crew=team-a', text: COMMENT };
    const { unmount } = render(<PlanEditor {...editorProps} store={fakeStore()} drafts={drafts} start={start} locale="en-us" />);
    fireEvent.change(screen.getByLabelText('Headline'), { target: { value: 'A microwave that works' } });
    expect(device.data.get('drafts')).toContain(THREAD);
    expect(device.data.get('drafts')).not.toContain('magnetron');
    unmount();
    render(<PlanEditor {...editorProps} store={fakeStore()} drafts={drafts} start={start} locale="en-us" />);
    expect((screen.getByLabelText('Headline') as HTMLInputElement).value).toBe('A microwave that works');
    expect(screen.getByText(COMMENT, { selector: 'blockquote' })).toBeTruthy();
  });

  it('says so when the quoted comment is no longer shown, and marks the quote when the relay refuses it', async () => {
    const store = fakeStore({ save: () => Promise.reject(new PlanStoreError('invalid', 'HTTP 400', [{ field: 'source', code: 'sourceUnavailable' }])) });
    const quoting: ActionPlanRecord = { ...stored, source: { kind: 'comment', threadId: THREAD } };
    render(<PlanEditor {...editorProps} store={store} drafts={new PlanDrafts(memoryStore(), 'd')} start={{ kind: 'plan', plan: quoting }} locale="en-us" />);
    expect(screen.queryByRole('blockquote')).toBeNull();
    expect(screen.getByText(/^The comment is no longer shown \(HR hid it, or its author deleted it\)/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    const remove = screen.getByRole('button', { name: 'Do not quote the comment' });
    expect(document.activeElement).toBe(remove);
    expect(screen.getByText(/^This comment cannot be quoted here/)).toBeTruthy();
    expect(remove.getAttribute('aria-describedby')).toContain(screen.getByText(/^This comment cannot be quoted here/).id);
    fireEvent.click(remove);
    expect(screen.queryByText(/^This comment cannot be quoted here/)).toBeNull();
    expect(screen.getByText('From the figures for Leaders who listen and care about safety')).toBeTruthy();
  });

  it('does not offer Try again over someone else\'s change', async () => {
    const store = fakeStore({ save: () => Promise.reject(new PlanStoreError('changed', 'HTTP 409')) });
    render(<PlanEditor {...editorProps} store={store} drafts={new PlanDrafts(memoryStore(), 'd')} start={{ kind: 'plan', plan: stored }} locale="sv-se" />);
    expect(screen.getByRole('heading', { name: 'Redigera åtgärdsplan' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Spara utkast' }));
    });
    expect(screen.getByText(/någon annan har ändrat planen/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Försök igen' })).toBeNull();
  });
});

const result = (roundId: number, opensAt: string, mean: number): RoundResults => ({
  roundId,
  surveyId: 3,
  title: 'Pulse',
  opensAt,
  closesAt: opensAt,
  questions: [],
  release: {
    roundId,
    availability: 'results',
    thresholds: { minGroupSize: 5, minCommentGroupSize: 10 },
    engagementBasis: 'engagement',
    measureIds: ['leadership'],
    groups: [{ key: 'crew=team-a', filters: [], figures: { respondents: 40, measures: [{ id: 'leadership', value: ((mean - 1) / 4) * 100, mean, sd: 0.7, n: 40 }], questions: [] } }],
    participation: [],
    comments: [],
    org: { siteOfLine: {}, lineOfCrew: {} }
  }
});

describe('PlanList', () => {
  it('lists a writer\'s plans with status, due date, and whether the driver moved in the next round', async () => {
    const body: MyPlansBody = {
      writer: { role: 'leader', crews: [{ dimension: 'crew', value: 'team-a' }] },
      plans: [stored, { ...stored, id: 42, headline: 'Newer plan', dueDate: '2026-12-01', publishedAt: '2026-11-20T09:00:00Z', roundId: 11 }]
    };
    const setStatus = jest.fn((id: number, version: string, status: ActionPlanRecord['status']) => Promise.resolve({ ...stored, id, status, version: '"9"' }));
    const onEdit = jest.fn();
    render(
      <PlanList
        store={{ mine: () => Promise.resolve(body), setStatus }}
        results={[result(11, '2027-01-05T06:00:00Z', 3.9), result(10, '2026-12-01T06:00:00Z', 3.2)]}
        groupName={(key) => (key === 'crew=team-a' ? 'Crew Welding nights' : undefined)}
        locale="en-us"
        timeZone={ZONE}
        now={NOW}
        onEdit={onEdit}
      />
    );
    const first = await screen.findByRole('listitem', { name: 'Handover at every shift change' });
    expect(within(first).getByText('Crew Welding nights')).toBeTruthy();
    expect(within(first).getByText('Draft')).toBeTruthy();
    expect(within(first).getByText('Due January 15, 2027')).toBeTruthy();
    expect(within(first).getByText('Went up')).toBeTruthy();
    const second = screen.getByRole('listitem', { name: 'Newer plan' });
    expect(within(second).getByText('Published November 20, 2026')).toBeTruthy();
    expect(within(second).getByText('Overdue')).toBeTruthy();
    expect(within(second).getByText('The next round has no results yet')).toBeTruthy();

    await act(async () => {
      fireEvent.change(within(first).getByLabelText('Status'), { target: { value: 'in-progress' } });
    });
    expect(setStatus).toHaveBeenCalledWith(41, '"1"', 'in-progress');
    expect((within(screen.getByRole('listitem', { name: 'Handover at every shift change' })).getByLabelText('Status') as HTMLSelectElement).value).toBe('in-progress');

    fireEvent.click(within(first).getByRole('button', { name: 'Edit' }));
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ id: 41 }), { role: 'leader', crews: ['team-a'] });
  });

  it('says why it could not read the plans and reads them again on Try again', async () => {
    let calls = 0;
    const mine = (): Promise<MyPlansBody> => (++calls === 1 ? Promise.reject(new PlanStoreError('noRelay', 'none')) : Promise.resolve({ writer: { role: 'hr', crews: [] }, plans: [] }));
    render(<PlanList store={{ mine, setStatus: jest.fn() }} results={[]} locale="sv-se" timeZone={ZONE} now={NOW} />);
    expect(await screen.findByText(/reläet är inte konfigurerat/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText(/^Inga åtgärdsplaner än/)).toBeTruthy();
  });
});

describe('PublishedPlans', () => {
  const published = (id: number, publishedAt: string, extra: Partial<PublishedPlan> = {}): PublishedPlan => ({
    id,
    headline: `Plan ${id}`,
    driver: 'schedule-influence',
    source: { kind: 'driver' },
    youSaid: 'Ruilen van diensten kost te veel moeite.',
    weWillDo: 'Ruilen gaat voortaan via Teams Shifts.',
    ownerName: 'Sanne de Vries',
    dueDate: '2027-01-15',
    status: 'in-progress',
    groupKey: 'crew=team-a',
    publishedAt,
    ...extra
  });

  it('shows "You said, we did" in Dutch, newest first, with status, due date and owner', async () => {
    const plans = [
      published(1, '2026-11-01T09:00:00Z', { groupKey: 'plant', status: 'done', source: { kind: 'comment', text: COMMENT } }),
      published(2, '2026-11-30T23:30:00Z', { groupKey: 'employmentType=agency', source: { kind: 'comment' } })
    ];
    render(<PublishedPlans store={{ published: () => Promise.resolve({ plans }) }} locale="nl-nl" timeZone={ZONE} now={NOW} />);
    expect(screen.getByRole('heading', { name: 'Jullie zeiden, wij deden' })).toBeTruthy();
    const items = await screen.findAllByRole('listitem', { name: /^Plan / });
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual(['Plan 2', 'Plan 1']);
    // Published late on 30 November in UTC is 1 December on the plant's calendar.
    expect(within(items[0]).getByText(/Gepubliceerd op 1 december 2026/)).toBeTruthy();
    expect(within(items[0]).getByText('Voor uitzendkrachten')).toBeTruthy();
    expect(within(items[0]).getByText('Bezig')).toBeTruthy();
    expect(within(items[0]).getByText('Klaar op 15 januari 2027')).toBeTruthy();
    expect(within(items[0]).getByText('Dit gaan we doen')).toBeTruthy();
    expect(within(items[1]).getByText('Voor iedereen in de vestiging')).toBeTruthy();
    expect(within(items[1]).getByText('Dit hebben we gedaan')).toBeTruthy();
    expect(within(items[1]).getByText(/Verantwoordelijke: Sanne de Vries/)).toBeTruthy();
    // A comment's words while the relay serves them; a comment no longer shown leaves no trace.
    expect(within(items[1]).getByText(COMMENT, { selector: 'blockquote' })).toBeTruthy();
    expect(items[0].querySelector('blockquote')).toBeNull();
  });

  it('shows at most `max` on the card, says when there is none, and tries again after a failure', async () => {
    const plans = [published(1, '2026-11-01T09:00:00Z'), published(2, '2026-11-02T09:00:00Z')];
    const { unmount } = render(<PublishedPlans store={{ published: () => Promise.resolve({ plans }) }} locale="en-us" timeZone={ZONE} max={1} headingLevel={3} now={NOW} />);
    await waitFor(() => expect(screen.getAllByRole('listitem', { name: /^Plan / })).toHaveLength(1));
    unmount();
    let calls = 0;
    const failing = (): Promise<{ plans: PublishedPlan[] }> => (++calls === 1 ? Promise.reject(new PlanStoreError('unavailable', 'offline')) : Promise.resolve({ plans: [] }));
    render(<PublishedPlans store={{ published: failing }} locale="sv-se" timeZone={ZONE} now={NOW} />);
    expect(await screen.findByText(/anslutningen misslyckades/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText(/^Inga åtgärdsplaner för dina grupper än/)).toBeTruthy();
  });

  it('below other content shows nothing, no spinner, until the plans are read; then the plans, or the failure with Try again', async () => {
    let answer: (plans: { plans: PublishedPlan[] }) => void = () => undefined;
    const { container, unmount } = render(
      <PublishedPlans store={{ published: () => new Promise((resolve) => (answer = resolve)) }} locale="en-us" timeZone={ZONE} headingLevel={3} quietWhileLoading={true} now={NOW} />
    );
    expect(container.textContent).toBe('');
    expect(container.querySelector('[data-busy="true"]')).toBeNull();
    answer({ plans: [published(1, '2026-11-01T09:00:00Z')] });
    expect(await screen.findByRole('listitem', { name: 'Plan 1' })).toBeTruthy();
    unmount();
    render(<PublishedPlans store={{ published: () => Promise.reject(new PlanStoreError('unavailable', 'offline')) }} locale="en-us" timeZone={ZONE} quietWhileLoading={true} now={NOW} />);
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
