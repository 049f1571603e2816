// The Dutch strings modules, as SharePoint loads them for an nl-NL page.
jest.mock('PulseAdminWebPartStrings', () => jest.requireActual('../loc/nl-nl.js'));
jest.mock('RecognitionSharedStrings', () => jest.requireActual('../../../ui/recognition/loc/nl-nl.js'));

import * as React from 'react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { PulseCrewsError } from '../../../core/pulse/adminPorts';
import { DRAFT, FakeCrews, FakePulseStore, FakeRelay, fakeServices, NOW, RUNNING } from './pulseAdminFakes';
import { PulseAdmin } from './PulseAdmin';

setIconOptions({ disableWarnings: true });

const errorsOf = (element: HTMLElement): string[] => within(element).queryAllByTestId('field-error').map((e) => e.textContent ?? '');

describe('Pulse admin in Dutch', () => {
  it('names every problem beside its field in Dutch, and saves nothing', async () => {
    const services = fakeServices();
    render(<PulseAdmin services={services} locale="nl-nl" now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: `${DRAFT.title} bewerken` }));
    const form = await screen.findByRole('form', { name: `${DRAFT.title} bewerken` });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Naam van de pulsmeting' }), { target: { value: ' ' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Zweeds' }));
    fireEvent.change(within(form).getByRole('textbox', { name: 'Kleinste groep met opmerkingen (10 of meer)' }), { target: { value: '8' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Duur van een ronde in dagen' }), { target: { value: '120' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await within(form).findByText('De pulsmeting is niet opgeslagen: verbeter wat hieronder is gemarkeerd.')).toBeTruthy();
    expect(errorsOf(form)).toEqual([
      'Vul een naam in.',
      'Deze vraag heeft geen tekst in het Zweeds: voeg die toe aan de vraag, of laat Zweeds weg uit de talen.',
      'Hoogstens 90 dagen: een ronde sluit voordat de volgende opengaat. Kies een lagere frequentie voor langere rondes.',
      'Minstens 10: kleinere groepen kunnen naar een persoon wijzen.'
    ]);
    expect(services.store.updates).toEqual([]);
  });

  it('says in Dutch that agency consultants take part, and that a round locked the thresholds', async () => {
    render(<PulseAdmin services={fakeServices()} locale="nl-nl" now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: `${RUNNING.title} bewerken` }));
    const form = await screen.findByRole('form', { name: `${RUNNING.title} bewerken` });
    expect(within(form).getByTestId('agency-notice').textContent).toBe('Uitzendkrachten doen mee: ze worden precies zo gevraagd als medewerkers.');
    expect(within(form).getByTestId('thresholds-help').textContent).toBe(
      'Vastgezet sinds de eerste ronde openging: 6 mensen per groep, 12 voor opmerkingen. Ze kunnen niet meer veranderen.'
    );
  });

  it('tells HR in Dutch that no answer is collected without the relay', async () => {
    render(<PulseAdmin services={fakeServices(new FakePulseStore(), new FakeRelay('noPulseKeys'))} locale="nl-nl" now={() => NOW} />);
    const panel = await screen.findByTestId('relay-panel');
    expect(within(panel).getByRole('heading', { name: 'Er worden geen antwoorden verzameld' })).toBeTruthy();
    expect(panel.textContent).toContain('De Shopfloor Engage-relay draait zonder zijn pulssleutels en weigert daarom elk antwoord.');
  });
  it('lists the crews by name with their site and line, and says in Dutch why they cannot be listed', async () => {
    const { unmount } = render(<PulseAdmin services={fakeServices()} locale="nl-nl" now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nieuwe pulsmeting' }));
    const picker = await screen.findByRole('group', { name: 'Ploegen' });
    expect(within(picker).getByRole('checkbox', { name: /GOT Weld A/ }).closest('label')?.textContent).toBe('GOT Weld AGöteborg · Lascel 2');
    unmount();
    render(<PulseAdmin services={fakeServices(undefined, undefined, new FakeCrews(new PulseCrewsError('notAllowed', 'refused')))} locale="nl-nl" now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nieuwe pulsmeting' }));
    expect((await screen.findByTestId('crews-unavailable')).textContent).toBe(
      'De ploegen kunnen nu niet worden getoond: de relay toont de ploegen alleen aan HR en site-eigenaren. De ploegen die deze enquête al noemt, blijven staan.'
    );
  });
});
