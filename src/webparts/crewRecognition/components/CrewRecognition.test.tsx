import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import type { RecognitionValue } from '../../../core/models/values';
import type { ComposeContext, RecipientRef, RecognitionDraft } from '../../../core/recognition/compose';
import type { GiveResult } from '../../../core/recognition/recognitionService';
import type { PersonProfile } from '../../../core/people/types';
import type { CrewStore } from '../../../core/recognition/ports';
import type { RecognitionGiver } from '../../../core/recognition/recognitionService';
import { CrewRecognition } from './CrewRecognition';

const NOW = new Date('2026-03-10T09:00:00Z');

function person(id: string, displayName: string, hireDate?: string): PersonProfile {
  return { id, displayName, employmentType: id === 'sean' ? 'agency' : 'employee', hireDate };
}

const PEOPLE = [
  person('asa', 'Åsa Bäckström', '2016-03-12'),
  person('sean', 'Seán O’Brien'),
  person('lars', 'Lars Berg', '2020-06-01'),
  person('mia', 'Mia Nilsson')
];
const SITE_IDS: Record<string, number> = { asa: 11, sean: 12, lars: 13, mia: 14 };

const VALUES: RecognitionValue[] = [
  { id: 1, valueKey: 'safety', title: 'Safety', iconName: 'Shield', color: '#107c10', sortOrder: 1, translations: { 'nl-nl': { name: 'Veiligheid', description: '' } }, isActive: true },
  {
    id: 2,
    valueKey: 'quality',
    title: 'Quality',
    sortOrder: 2,
    translations: { 'en-us': { name: 'Quality', description: '', suggestions: ['Caught a defect before it left the line', 'Stopped the batch when the label was wrong'] } },
    isActive: true
  },
  { id: 3, valueKey: 'old', title: 'Retired value', sortOrder: 0, translations: {}, isActive: false }
];

class FakeStore implements CrewStore {
  public asked: number[][] = [];
  public constructor(private readonly last: Map<number, string>) {}
  public resolveRecipient(profile: PersonProfile): Promise<RecipientRef> {
    return Promise.resolve({ siteUserId: SITE_IDS[profile.id], displayName: profile.displayName, exists: true, directoryId: profile.id, siteCode: 'GOT' });
  }
  public currentUserId(): Promise<number> {
    return Promise.resolve(99);
  }
  public values(): Promise<RecognitionValue[]> {
    return Promise.resolve(VALUES);
  }
  public lastRecognised(ids: readonly number[]): Promise<Map<number, string>> {
    this.asked.push([...ids]);
    return Promise.resolve(this.last);
  }
}

class FakeGiver implements RecognitionGiver {
  public given: Array<{ draft: RecognitionDraft; context: ComposeContext; names: { giverName: string; valueName: string } }> = [];
  public constructor(private readonly result: GiveResult = { status: 'sent', ids: [1] }) {}
  public give(draft: RecognitionDraft, context: ComposeContext, names: { giverName: string; valueName: string }): Promise<GiveResult> {
    this.given.push({ draft, context, names });
    return Promise.resolve(this.result);
  }
  public flush(): ReturnType<RecognitionGiver['flush']> {
    return Promise.resolve({ sent: [], waiting: [], rejected: [] });
  }
}

function renderCrew(
  giver = new FakeGiver(),
  store = new FakeStore(new Map([[11, '2026-03-09T10:00:00Z'], [13, '2026-01-10T10:00:00Z']])),
  crew: { people?: PersonProfile[]; thresholdDays?: number } = {}
): { giver: FakeGiver; store: FakeStore } {
  render(
    <CrewRecognition
      directory={{ directReports: () => Promise.resolve(crew.people ?? PEOPLE) }}
      store={store}
      giver={giver}
      giverName="Jonas Ødegaard"
      locale="en-us"
      thresholdDays={crew.thresholdDays ?? 14}
      showAnniversaries
      siteCode=""
      now={() => NOW}
      requestId={() => 'req-1'}
    />
  );
  return { giver, store };
}

async function crewRows(): Promise<string[]> {
  const list = await screen.findByRole('list', { name: /Crew members/ });
  return within(list)
    .getAllByTestId('crew-member')
    .map((row) => row.textContent ?? '');
}

describe('My crew', () => {
  // Each walks a Fluent UI dialog tap by tap; on a busy machine that outlasts jest's 5 s.
  jest.setTimeout(30_000);

  it('lists the crew never-recognised first, then oldest, with days since', async () => {
    const { store } = renderCrew();
    const rows = await crewRows();
    expect(rows[0]).toMatch(/^Mia Nilsson.*Never recognised/);
    expect(rows[1]).toMatch(/^Seán O’Brien.*Never recognised/);
    expect(rows[2]).toMatch(/^Lars Berg.*58 days since last recognised.*Due/);
    expect(rows[3]).toMatch(/^Åsa Bäckström.*0|^Åsa Bäckström.*Recognised today/);
    expect(rows[3]).not.toContain('Due');
    expect(store.asked).toEqual([[11, 12, 13, 14]]);
  });

  it('recognises a person in three taps: Recognise, a value, a suggested line that sends at once', async () => {
    const { giver } = renderCrew();
    fireEvent.click(await screen.findByRole('button', { name: 'Recognise Seán O’Brien' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Recognise Seán O’Brien')).toBeTruthy();
    // Only active values, in HR's order; none chosen yet (a tap chooses and moves on).
    expect(within(dialog).queryAllByRole('button', { pressed: true })).toEqual([]);
    expect(within(dialog).queryByRole('button', { name: 'Retired value' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quality' }));
    expect(await within(dialog).findByText('For Seán O’Brien · Quality')).toBeTruthy();
    const lines = within(dialog).getByRole('group', { name: 'Tap a line to send it now' });
    expect(within(dialog).getByText('Who can see it: Everyone')).toBeTruthy();
    fireEvent.click(within(lines).getByRole('button', { name: 'Caught a defect before it left the line' }));
    await screen.findByText('Sent to Seán O’Brien.');
    expect(giver.given).toHaveLength(1);
    const [{ draft, context, names }] = giver.given;
    expect(draft).toMatchObject({ valueKey: 'quality', kind: 'leader', visibility: 'everyone', message: 'Caught a defect before it left the line', impact: '' });
    expect(draft.recipients.map((r) => r.siteUserId)).toEqual([12]);
    expect(context).toMatchObject({ giverId: 99, requestId: 'req-1' });
    expect(names).toEqual({ giverName: 'Jonas Ødegaard', valueName: 'Quality' });
    // Seán moves down: recognised today.
    const rows = await crewRows();
    expect(rows[3]).toMatch(/^Seán O’Brien.*Recognised today/);
  });

  it('keeps "Sent to …" where the leader is: it takes the focus, in a live region that was there before it', async () => {
    renderCrew();
    const opener = await screen.findByRole('button', { name: 'Recognise Mia Nilsson' });
    const regionsBefore = Array.from(document.querySelectorAll('[aria-live]'));
    opener.focus();
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quality' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Caught a defect before it left the line' }));
    const sent = await screen.findByText('Sent to Mia Nilsson.');
    // Mia moved to the end of the list; focus is on the words, not on her button down there.
    await waitFor(() => expect(document.activeElement?.contains(sent)).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement?.contains(sent)).toBe(true);
    expect(regionsBefore.some((region) => region.getAttribute('aria-live') !== 'off' && region.contains(sent))).toBe(true);
    expect((await crewRows())[3]).toMatch(/^Mia Nilsson.*Recognised today/);
  });

  it('gives the focus back to the button that opened the composer when it is closed unsent', async () => {
    renderCrew();
    const opener = await screen.findByRole('button', { name: 'Recognise Mia Nilsson' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog');
    within(dialog).getByRole('button', { name: 'Cancel' }).focus();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('offers who can see it and the impact one tap away, and the leader’s own words', async () => {
    const { giver } = renderCrew();
    fireEvent.click(await screen.findByRole('button', { name: 'Recognise Seán O’Brien' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quality' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Impact and who can see it' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Impact/ }), { target: { value: '500 orders saved' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Only the person and their team leader' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Write your own' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /What did they do/ }), {
      target: { value: 'Caught the wrong label on 500 orders <b>before</b> shipping' }
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await screen.findByText('Sent to Seán O’Brien.');
    expect(giver.given[0].draft).toMatchObject({
      valueKey: 'quality',
      visibility: 'private',
      impact: '500 orders saved',
      message: 'Caught the wrong label on 500 orders <b>before</b> shipping'
    });
  });

  it('says when Teams could not tell the person, while the recognition is saved', async () => {
    renderCrew(new FakeGiver({ status: 'sent', ids: [1], unnotified: ['Seán O’Brien'] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Recognise Seán O’Brien' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Safety' }));
    // Safety has no suggested lines: the message box is there at once.
    fireEvent.change(await within(dialog).findByRole('textbox', { name: /What did they do/ }), { target: { value: 'Kept press 4 running' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Sent to Seán O’Brien. Teams could not tell Seán O’Brien: let them know yourself.')).toBeTruthy();
  });

  it('shows the problems the service finds next to the fields and keeps the text', async () => {
    const giver = new FakeGiver({ status: 'invalid', errors: [{ code: 'messageEmpty', field: 'message' }] });
    renderCrew(giver);
    fireEvent.click(await screen.findByRole('button', { name: 'Recognise Mia Nilsson' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Safety' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Send' }));
    await within(dialog).findByText('Write what they did and what it achieved.');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('says a recognition is kept on the device when the connection is down', async () => {
    renderCrew(new FakeGiver({ status: 'queued', reason: 'network' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Recognise Mia Nilsson' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quality' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Stopped the batch when the label was wrong' }));
    await screen.findByText(/kept on this device/);
  });

  it('posts a streak milestone to several crew members', async () => {
    const { giver } = renderCrew();
    fireEvent.click(await screen.findByRole('button', { name: 'Post a milestone' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Zero-defect run' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    await within(dialog).findByText('Enter the number of days (1 or more).');
    expect(giver.given).toHaveLength(0);
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Number of days' }), { target: { value: '180' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    await within(dialog).findByText('Pick at least one person.');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Åsa Bäckström' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Lars Berg' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Quality' }));
    // A milestone's words are the leader's own: no suggested lines.
    expect(within(dialog).queryByRole('group', { name: 'Tap a line to send it now' })).toBeNull();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /What did they do/ }), { target: { value: 'Half a year without a single defect on Weld A.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await screen.findByText('Sent to Åsa Bäckström, Lars Berg.');
    const [{ draft }] = giver.given;
    expect(draft).toMatchObject({ kind: 'milestone', milestoneKind: 'zero-defect-streak', impact: '180 days without a defect', valueKey: 'quality' });
    expect(draft.recipients.map((r) => r.siteUserId)).toEqual([11, 13]);
  });

  it('shows anniversaries within 7 days, says which hire dates are unknown, and congratulates', async () => {
    const { giver } = renderCrew();
    const rows = await screen.findAllByTestId('anniversary');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringMatching(/^Åsa Bäckström10 years in 2 days/)]);
    expect(screen.getByText('Hire date not known for Mia Nilsson, Seán O’Brien.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Congratulate Åsa Bäckström' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quality' }));
    // The congratulations are written already: the box shows them, not the value's lines.
    expect(((await within(dialog).findByRole('textbox', { name: /What did they do/ })) as HTMLTextAreaElement).value).toContain('10 years');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(giver.given).toHaveLength(1));
    expect(giver.given[0].draft).toMatchObject({ kind: 'anniversary', milestoneKind: 'service-anniversary' });
  });

  it('counts one day and one year in the singular (the page’s plural rules)', async () => {
    renderCrew(new FakeGiver(), new FakeStore(new Map([[11, '2026-03-09T08:00:00Z'], [13, '2026-03-08T08:00:00Z']])), {
      people: [person('asa', 'Åsa Bäckström', '2025-03-11'), person('lars', 'Lars Berg', '2025-03-09')],
      thresholdDays: 1
    });
    const rows = await crewRows();
    expect(rows[0]).toMatch(/^Lars Berg2 days since last recognised/);
    expect(rows[1]).toMatch(/^Åsa Bäckström1 day since last recognised/);
    expect(screen.getByText('Oldest first. People not recognised in 1 day or more are marked.')).toBeTruthy();
    const anniversaries = (await screen.findAllByTestId('anniversary')).map((r) => r.textContent);
    expect(anniversaries).toEqual([expect.stringMatching(/^Lars Berg1 year, 1 day ago/), expect.stringMatching(/^Åsa Bäckström1 year in 1 day/)]);
    fireEvent.click(screen.getByRole('button', { name: 'Congratulate Åsa Bäckström' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quality' }));
    expect(((await within(dialog).findByRole('textbox', { name: /What did they do/ })) as HTMLTextAreaElement).value).toMatch(/^Congratulations on 1 year with us!/);
  });

  it('shows a clear error with a retry when the lists refuse', async () => {
    const store = new FakeStore(new Map());
    store.values = () => Promise.reject(Object.assign(new Error('403'), { code: 'accessDenied' }));
    renderCrew(new FakeGiver(), store);
    await screen.findByText(/You don't have permission/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
