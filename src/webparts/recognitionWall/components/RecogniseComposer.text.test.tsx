import * as React from 'react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import type { PersonProfile } from '../../../core/people/types';
import type { RecognitionValue } from '../../../core/models/values';
import type { RecipientRef, RecognitionDraft } from '../../../core/recognition/compose';
import { composeRecognition } from '../../../core/recognition/compose';
import type { WallViewer } from '../../../core/recognition/wallRules';
import type { IDraftStore, IGiving } from './IRecognitionWallProps';
import { RecogniseComposer } from './RecogniseComposer';

setIconOptions({ disableWarnings: true });
afterEach(cleanup);

const SAFETY: RecognitionValue = { id: 1, valueKey: 'safety', title: 'Safety', sortOrder: 1, translations: {}, isActive: true };
const SEAN: PersonProfile = { id: 'dir-sean', displayName: "Seán O'Brien", employmentType: 'agency' };
const SEAN_USER: RecipientRef = { siteUserId: 20, displayName: "Seán O'Brien", exists: true, siteCode: 'GOT' };
const ME: WallViewer = { siteUserId: 10, displayName: 'Åsa Bäckström', directoryId: 'dir-asa', crewKey: 'GOT-WELD2-A', siteCode: 'GOT', reportEmails: new Set() };

/** The composer at its last step (a draft kept from before), with a giver that applies the rules. */
function openAtMessage(): { given: RecognitionDraft[] } {
  const given: RecognitionDraft[] = [];
  let stored: string | undefined = JSON.stringify({
    step: 3,
    people: [SEAN],
    recipients: { [SEAN.id]: SEAN_USER },
    valueKey: 'safety',
    message: '',
    impact: '',
    visibility: 'everyone',
    requestId: 'req-1'
  });
  const draftStore: IDraftStore = { read: () => stored, write: (text) => (stored = text), clear: () => (stored = undefined) };
  const giving: IGiving = {
    give: async (draft, context) => {
      given.push(draft);
      const result = composeRecognition(draft, context);
      return result.ok ? { status: 'sent', ids: [1] } : { status: 'invalid', errors: result.errors };
    },
    flush: async () => ({ sent: [], failed: [], remaining: 0 }) as never,
    forgetRejected: () => undefined
  };
  render(
    <RecogniseComposer
      isOpen={true}
      onDismiss={() => undefined}
      services={{ people: { myCrew: async () => [], search: async () => [], resolve: async () => SEAN_USER }, giving, draftStore }}
      viewer={ME}
      choosable={[SAFETY]}
      allValues={[SAFETY]}
      locale="en-us"
      now={() => new Date('2025-03-10T12:00:00Z')}
      onSent={() => undefined}
      onQueued={() => undefined}
    />
  );
  return { given };
}

describe('Recognise composer: text as SharePoint keeps it', () => {
  it('counts an emoji as two, as SharePoint does, and says so', async () => {
    openAtMessage();
    const panel = await screen.findByRole('dialog');
    fireEvent.change(within(panel).getByRole('textbox', { name: /What did they do/ }), { target: { value: 'Thanks 👍' } });
    expect(within(panel).getByText('991 characters left; emoji count as two.')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Impact and who can see it' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: /Impact/ }), { target: { value: '🎉'.repeat(3) } });
    expect(within(panel).getByText(/249 characters left; emoji count as two\./)).toBeTruthy();
  });

  it('refuses an impact line of 252 emoji before sending, naming the rule, and keeps it in the field', async () => {
    const { given } = openAtMessage();
    const panel = await screen.findByRole('dialog');
    fireEvent.change(within(panel).getByRole('textbox', { name: /What did they do/ }), { target: { value: 'Kept press 4 running.' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Impact and who can see it' }));
    const impact = within(panel).getByRole('textbox', { name: /Impact/ }) as HTMLInputElement;
    fireEvent.change(impact, { target: { value: '🎉'.repeat(252) } });
    // The field does not cut what was pasted (a cut could split an emoji); the rule explains instead.
    expect(impact.value).toBe('🎉'.repeat(252));
    fireEvent.click(within(panel).getByRole('button', { name: 'Send' }));
    expect(await within(panel).findByText('Keep the impact line to 255 characters; emoji count as two.')).toBeTruthy();
    expect(given.length).toBeLessThanOrEqual(1);
    expect(impact.value).toBe('🎉'.repeat(252));
  });

  it('removes pasted control characters at once and says how many, keeping the rest', async () => {
    const { given } = openAtMessage();
    const panel = await screen.findByRole('dialog');
    const message = within(panel).getByRole('textbox', { name: /What did they do/ }) as HTMLTextAreaElement;
    fireEvent.change(message, { target: { value: 'Great\u0000 job\u0007 on press 2\u000Bnext shift too' } });
    expect(message.value).toBe('Great job on press 2\nnext shift too');
    // A status message: Fluent renders its words a moment later, for screen readers to announce.
    expect(await within(panel).findByText(/Removed 2 invisible control characters/)).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(given[given.length - 1]?.message).toBe('Great job on press 2\nnext shift too'));
  });
});
