/**
 * HR's suggested lines in the value editor: one box per language, one line per suggestion,
 * checked before saving (a line that shows nothing or is longer than a message is refused
 * with its line number) and saved in the value's Translations, per language.
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import type { RecognitionValue } from '../../../core/models/values';
import type { ValueDraft } from '../../../core/recognition/ports';
import { ValueEditor } from './ValueEditor';

const QUALITY: RecognitionValue = {
  id: 2,
  valueKey: 'quality',
  title: 'Quality',
  sortOrder: 2,
  isActive: true,
  translations: {
    'en-us': { name: 'Quality', description: '', suggestions: ['Caught a defect before it left the line', 'Stopped the batch when the label was wrong'] },
    'nl-nl': { name: 'Kwaliteit', description: '', suggestions: ['Hield een fout tegen voordat die de lijn verliet'] }
  }
};

function renderEditor(): { saved: ValueDraft[] } {
  const saved: ValueDraft[] = [];
  render(
    <ValueEditor
      value={QUALITY}
      existing={[QUALITY]}
      locale="en-us"
      save={(draft) => {
        saved.push(draft);
        return Promise.resolve(2);
      }}
      onSaved={() => undefined}
      onCancel={() => undefined}
    />
  );
  return { saved };
}

describe('Value editor: suggested lines', () => {
  it('shows the stored lines one per line, per language, and saves the edited ones with the value', async () => {
    const { saved } = renderEditor();
    const group = screen.getByRole('group', { name: 'Suggested lines' });
    const english = within(group).getByRole('textbox', { name: 'Suggested lines (English), one per line' }) as HTMLTextAreaElement;
    expect(english.value).toBe('Caught a defect before it left the line\nStopped the batch when the label was wrong');
    expect((within(group).getByRole('textbox', { name: 'Suggested lines (Dutch), one per line' }) as HTMLTextAreaElement).value).toBe(
      'Hield een fout tegen voordat die de lijn verliet'
    );
    fireEvent.change(within(group).getByRole('textbox', { name: 'Suggested lines (Swedish), one per line' }), {
      target: { value: 'Stoppade ett fel innan det lämnade linjen\n\n  Stoppade batchen när etiketten var fel  ' }
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].translations['sv-se']).toEqual({
      name: '',
      description: '',
      suggestions: ['Stoppade ett fel innan det lämnade linjen', 'Stoppade batchen när etiketten var fel']
    });
    expect(saved[0].translations['en-us']?.suggestions).toEqual(QUALITY.translations['en-us']?.suggestions);
  });

  it('refuses a line that shows nothing or is too long, naming the line, and saves nothing', async () => {
    const { saved } = renderEditor();
    const dutch = screen.getByRole('textbox', { name: 'Suggested lines (Dutch), one per line' });
    fireEvent.change(dutch, { target: { value: `Goed gedaan\n\u200B\n${'x'.repeat(1001)}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        'Line 2 shows no text: write the line or delete it. Line 3 is longer than a message may be (1000 characters; emoji count as two): shorten it.'
      )
    ).toBeTruthy();
    expect(saved).toEqual([]);
  });
});
