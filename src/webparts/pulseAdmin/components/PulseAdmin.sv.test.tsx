// The Swedish strings modules, as SharePoint loads them for an sv-SE page.
jest.mock('PulseAdminWebPartStrings', () => jest.requireActual('../loc/sv-se.js'));
jest.mock('RecognitionSharedStrings', () => jest.requireActual('../../../ui/recognition/loc/sv-se.js'));

import * as React from 'react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { PulseCrewsError } from '../../../core/pulse/adminPorts';
import { FakeCrews, FakePulseStore, fakeServices, NOW, RUNNING } from './pulseAdminFakes';
import { PulseAdmin } from './PulseAdmin';

setIconOptions({ disableWarnings: true });

const errorsOf = (element: HTMLElement): string[] => within(element).queryAllByTestId('field-error').map((e) => e.textContent ?? '');

describe('Pulse admin in Swedish', () => {
  it('names every problem beside its field in Swedish, and keeps what was typed', async () => {
    const services = fakeServices();
    render(<PulseAdmin services={services} locale="sv-se" now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ny pulsenkät' }));
    const form = await screen.findByRole('form', { name: 'Ny pulsenkät' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Pulsenkätens namn' }), { target: { value: 'Vårens puls' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Omgångens längd i dagar' }), { target: { value: '1' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Påminnelser/ }), { target: { value: '9' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Anställningsformer/ }), { target: { value: 'Employee' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Spara' }));
    expect(await within(form).findByText('Pulsenkäten sparades inte: rätta det som är markerat nedan.')).toBeTruthy();
    expect(errorsOf(form)).toEqual([
      'Välj minst 3 frågor.',
      'Minst 4 dagar: en kortare omgång missar arbetslag vars nästa skift kommer senare.',
      'Ange ett heltal från 0 till 5.'
    ]);
    expect(within(form).getByTestId('agency-notice').textContent).toBe(
      'Inhyrda konsulter ingår inte: anställningsformerna nämner ingen av deras. Lägg till Agency för att ta med dem.'
    );
    expect((within(form).getByRole('textbox', { name: 'Pulsenkätens namn' }) as HTMLInputElement).value).toBe('Vårens puls');
    expect(services.store.added).toEqual([]);
  });

  it('shows an operator the surveys read only, in Swedish', async () => {
    const store = new FakePulseStore();
    store.rights = { surveys: false };
    render(<PulseAdmin services={fakeServices(store)} locale="sv-se" now={() => NOW} />);
    expect((await screen.findByTestId('read-only')).textContent).toBe('Här ser du pulsenkäterna. Bara HR och webbplatsens ägare kan skapa eller ändra dem.');
    expect(screen.getByText(RUNNING.title)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
  it('lists the crews by name with their site and line, and says in Swedish why they cannot be listed', async () => {
    const { unmount } = render(<PulseAdmin services={fakeServices()} locale="sv-se" now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ny pulsenkät' }));
    const picker = await screen.findByRole('group', { name: 'Arbetslag' });
    expect(within(picker).getByRole('checkbox', { name: /GOT Weld A/ }).closest('label')?.textContent).toBe('GOT Weld AGöteborg · Svetscell 2');
    unmount();
    render(<PulseAdmin services={fakeServices(undefined, undefined, new FakeCrews(new PulseCrewsError('relayFault', 'refused')))} locale="sv-se" now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ny pulsenkät' }));
    expect((await screen.findByTestId('crews-unavailable')).textContent).toBe('Arbetslagen kan inte visas nu: reläet får inte läsa Teams eller deras scheman i Skift. IT måste ge det Team.ReadBasic.All och Schedule.Read.All. De arbetslag som enkäten redan nämner finns kvar.');
  });
});
