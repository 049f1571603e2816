import * as React from 'react';
import { registerIcons } from '@fluentui/react/lib/Styling';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import type { ItemId } from '../../../core/models/common';
import type { RecognitionValue } from '../../../core/models/values';
import { type AdminRights, RecognitionStoreError, type ModerationItem, type ValueDraft } from '../../../core/recognition/ports';
import type { AdminStore } from '../../../core/recognition/ports';
import { RecognitionAdmin } from './RecognitionAdmin';

// The page's icon registry (SharePoint's, the workbench's, shared by every Fluent UI copy):
// Shield is known, Sheild is not.
registerIcons({ icons: { Shield: '\uEA18' } });

const SAFETY: RecognitionValue = {
  id: 1,
  valueKey: 'safety',
  title: 'Safety',
  iconName: 'Shield',
  color: '#107c10',
  sortOrder: 1,
  translations: { 'nl-nl': { name: 'Veiligheid', description: '' } },
  isActive: true
};

const REPORT: ModerationItem = {
  reportId: 7,
  reason: 'Not appropriate',
  reporter: { id: 5, displayName: 'Erik Lindqvist' },
  status: 'open',
  created: '2026-03-09T10:00:00Z',
  recognition: {
    id: 42,
    recipient: { id: 12, displayName: 'Seán O’Brien' },
    giver: { id: 11, displayName: 'Åsa Bäckström' },
    kind: 'peer',
    valueKey: 'safety',
    message: '<script>alert(1)</script> thanks!',
    siteCode: 'GOT',
    visibility: 'everyone',
    status: 'reported',
    created: '2026-03-08T10:00:00Z'
  }
};

class FakeAdminStore implements AdminStore {
  public saved: Array<{ draft: ValueDraft; id?: ItemId }> = [];
  public decided: Array<[ItemId, string, string]> = [];
  public refuseWrites = false;
  public reports: ModerationItem[] = [REPORT];
  public may: AdminRights = { values: true, moderation: true };
  public rightsReads = 0;
  private list: RecognitionValue[] = [SAFETY];
  public rights(): Promise<AdminRights> {
    this.rightsReads += 1;
    return Promise.resolve(this.may);
  }
  public values(): Promise<RecognitionValue[]> {
    return Promise.resolve(this.list);
  }
  public save(draft: ValueDraft, id?: ItemId): Promise<ItemId> {
    if (this.refuseWrites) {
      return Promise.reject(new RecognitionStoreError('accessDenied', '403'));
    }
    this.saved.push({ draft, id });
    const next: RecognitionValue = { id: id ?? 2, ...draft, translations: draft.translations };
    this.list = [...this.list.filter((v) => v.id !== next.id), next];
    return Promise.resolve(next.id);
  }
  public openReports(): Promise<ModerationItem[]> {
    return Promise.resolve(this.reports);
  }
  public decide(reportId: ItemId, decision: 'upheld' | 'dismissed', note: string): Promise<void> {
    this.decided.push([reportId, decision, note]);
    return Promise.resolve();
  }
}

function renderAdmin(store: FakeAdminStore = new FakeAdminStore(), locale = 'en-us'): FakeAdminStore {
  render(<RecognitionAdmin store={store} locale={locale} showModeration />);
  return store;
}

describe('Recognition admin: values', () => {
  it('lists values and edits the Dutch name, naming the value in the reader’s language', async () => {
    const store = renderAdmin(undefined, 'nl-nl');
    const list = await screen.findByRole('list', { name: 'Recognition values' });
    expect(within(list).getByText('Veiligheid')).toBeTruthy();
    // The button's name is the value's Dutch name, not its English title ("Safety bewerken").
    expect(screen.queryByRole('button', { name: 'Edit Safety' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Veiligheid' }));
    expect(await screen.findByRole('heading', { name: 'Edit Veiligheid' })).toBeTruthy();
    // The editor loads on demand.
    expect(((await screen.findByRole('textbox', { name: /^Key/ })) as HTMLInputElement).readOnly).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Name (Dutch)' }), { target: { value: 'Veilig werken' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved Veilig werken.');
    expect(store.saved[0].id).toBe(1);
    expect(store.saved[0].draft.translations['nl-nl']).toEqual({ name: 'Veilig werken', description: '' });
    expect(await screen.findByText('Veilig werken')).toBeTruthy();
  });

  it('warns HR of a value readers see in English, in the list and in the form before saving', async () => {
    const store = renderAdmin();
    const row = (await screen.findAllByTestId('value'))[0];
    // Safety has a Dutch name but no Swedish one.
    expect(within(row).getByTestId('untranslated').textContent).toBe('No Swedish text yet: people who read Swedish see this value in English.');
    fireEvent.click(screen.getByRole('button', { name: 'Edit Safety' }));
    const form = await screen.findByRole('form');
    expect(within(form).getByTestId('untranslated').textContent).toBe('No Swedish text yet: people who read Swedish see this value in English.');
    // An English description with no Dutch one: Dutch readers see it in English too.
    fireEvent.change(within(form).getByRole('textbox', { name: /^Description \(English\)/ }), { target: { value: 'Kept someone safe' } });
    expect(within(form).getByTestId('untranslated').textContent).toBe(
      'No Dutch text yet: people who read Dutch see this value in English. No Swedish text yet: people who read Swedish see this value in English.'
    );
    fireEvent.change(within(form).getByRole('textbox', { name: 'Description (Dutch)' }), { target: { value: 'Iemand veilig gehouden' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Name (Swedish)' }), { target: { value: 'Säkerhet' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Description (Swedish)' }), { target: { value: 'Höll någon säker' } });
    expect(within(form).queryByTestId('untranslated')).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved Safety.');
    await waitFor(() => expect(screen.queryByTestId('untranslated')).toBeNull());
    expect(store.saved).toHaveLength(1);
  });

  it('saves a value without translations: the warning stays in the list', async () => {
    const store = renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: 'New value' }));
    fireEvent.change(await screen.findByRole('textbox', { name: /^Name \(English\)/ }), { target: { value: 'Quality' } });
    expect(screen.getByTestId('untranslated').textContent).toContain('No Dutch text yet');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved Quality.');
    expect(store.saved).toHaveLength(1);
    await waitFor(() => expect(screen.getAllByTestId('value')).toHaveLength(2));
    const quality = screen.getAllByTestId('value').find((r) => r.textContent?.includes('Quality'));
    expect(within(quality!).getByTestId('untranslated').textContent).toBe(
      'No Dutch text yet: people who read Dutch see this value in English. No Swedish text yet: people who read Swedish see this value in English.'
    );
  });

  it('validates a new value: name required, key format, colour hex — and saves nothing', async () => {
    const store = renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: 'New value' }));
    fireEvent.change(await screen.findByRole('textbox', { name: /^Key/ }), { target: { value: 'Team Spirit' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Colour/ }), { target: { value: 'green' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a name.')).toBeTruthy();
    expect(screen.getByText(/Use only lower-case letters/)).toBeTruthy();
    expect(screen.getByText(/Enter a colour as #/)).toBeTruthy();
    expect(store.saved).toEqual([]);
  });

  it('suggests the key from the name and saves a new value', async () => {
    const store = renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: 'New value' }));
    fireEvent.change(await screen.findByRole('textbox', { name: /^Name \(English\)/ }), { target: { value: 'Keeping the line running' } });
    expect((screen.getByRole('textbox', { name: /^Key/ }) as HTMLInputElement).value).toBe('keeping-the-line-running');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved Keeping the line running.');
    expect(store.saved[0]).toMatchObject({ id: undefined, draft: { valueKey: 'keeping-the-line-running', sortOrder: 2, isActive: true } });
  });

  it('says "You need HR rights" when SharePoint refuses the save, and keeps the form', async () => {
    const store = new FakeAdminStore();
    store.refuseWrites = true;
    renderAdmin(store);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Safety' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/You need HR rights/)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Name (Dutch)' })).toBeTruthy();
  });
});

describe('Recognition admin: only what SharePoint allows', () => {
  it('shows an operator the values read only, says why, and offers no moderation queue', async () => {
    const store = new FakeAdminStore();
    store.may = { values: false, moderation: false };
    renderAdmin(store);
    const list = await screen.findByRole('list', { name: 'Recognition values' });
    expect(within(list).getByText('Safety')).toBeTruthy();
    expect(screen.getByTestId('read-only').textContent).toBe("You can see the values here. Only HR and the site's owners can add or change them.");
    expect(screen.getByTestId('no-moderation').textContent).toBe("Reported posts are decided by HR and the site's owners, so they are not shown to you.");
    expect(screen.queryByRole('button', { name: 'New value' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit Safety' })).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('tab')).toBeNull();
    // HR's translation warnings are HR's: not shown to a reader.
    expect(screen.queryByTestId('untranslated')).toBeNull();
    expect(store.rightsReads).toBe(1);
  });

  it('offers HR editing and the moderation tab, and no read-only sentence', async () => {
    renderAdmin();
    expect(await screen.findByRole('button', { name: 'New value' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit Safety' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Moderation' })).toBeTruthy();
    expect(screen.queryByTestId('read-only')).toBeNull();
    expect(screen.queryByTestId('no-moderation')).toBeNull();
  });

  it('lets someone who may change values but not decide edit, without a moderation tab', async () => {
    const store = new FakeAdminStore();
    store.may = { values: true, moderation: false };
    renderAdmin(store);
    expect(await screen.findByRole('button', { name: 'Edit Safety' })).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.getByTestId('no-moderation')).toBeTruthy();
  });

  it('refuses an icon no part can show, in the page language, and saves nothing', async () => {
    const store = renderAdmin(undefined, 'en-us');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Safety' }));
    const icon = await screen.findByRole('textbox', { name: /^Icon/ });
    fireEvent.change(icon, { target: { value: 'Sheild' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('No icon is called "Sheild". Enter the name of a Fluent UI icon, e.g. Shield, Heart or Trophy.')).toBeTruthy();
    expect(store.saved).toEqual([]);
    fireEvent.change(icon, { target: { value: 'Shield' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved Safety.');
    expect(store.saved[0].draft.iconName).toBe('Shield');
  });
});

describe('Recognition admin: moderation', () => {
  it.each([
    ['Uphold: remove the post', 'upheld', 'The post was removed.'],
    ['Dismiss: put the post back', 'dismissed', 'The post is back on the wall.']
  ])('%s decides with the note', async (button, decision, message) => {
    const store = renderAdmin();
    fireEvent.click(await screen.findByRole('tab', { name: 'Moderation' }));
    const report = await screen.findByTestId('report');
    expect(report.textContent).toContain('Åsa Bäckström recognised Seán O’Brien');
    // Shown as text, never run.
    expect(report.textContent).toContain('<script>alert(1)</script> thanks!');
    expect(report.querySelector('script')).toBeNull();
    expect(report.textContent).toContain('Reason: Not appropriate');
    expect(report.textContent).toContain('Reported by Erik Lindqvist');
    fireEvent.change(within(report).getByRole('textbox', { name: /Note on your decision/ }), { target: { value: ' Checked with the team ' } });
    fireEvent.click(within(report).getByRole('button', { name: button }));
    await screen.findByText(message);
    expect(store.decided).toEqual([[7, decision, 'Checked with the team']]);
    await waitFor(() => expect(screen.queryByTestId('report')).toBeNull());
    expect(screen.getByText('No reported posts. Nothing to decide.')).toBeTruthy();
  });

  it('decides a post once for all its reports: the other reports of it leave the queue too', async () => {
    const store = new FakeAdminStore();
    const other: ModerationItem = { ...REPORT, reportId: 9, recognition: { ...REPORT.recognition, id: 43, message: 'Another post' } };
    store.reports = [REPORT, { ...REPORT, reportId: 8, reason: 'Names a customer', reporter: { id: 6, displayName: 'Noor de Vries' } }, other];
    renderAdmin(store);
    fireEvent.click(await screen.findByRole('tab', { name: 'Moderation' }));
    await waitFor(() => expect(screen.getAllByTestId('report')).toHaveLength(3));
    fireEvent.click(within(screen.getAllByTestId('report')[0]).getByRole('button', { name: 'Uphold: remove the post' }));
    await screen.findByText('The post was removed.');
    await waitFor(() => expect(screen.getAllByTestId('report')).toHaveLength(1));
    expect(screen.getByTestId('report').textContent).toContain('Another post');
    expect(store.decided).toEqual([[7, 'upheld', '']]);
  });
});
