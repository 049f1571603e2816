import * as React from 'react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { PulseCrewsError } from '../../../core/pulse/adminPorts';
import { CREWS, DRAFT, FakeCrews, FakePulseStore, FakeRelay, fakeServices, NOW, RUNNING } from './pulseAdminFakes';
import { PulseAdmin } from './PulseAdmin';

// SharePoint registers Fluent UI's icon font; jsdom does not (and needs no glyphs).
setIconOptions({ disableWarnings: true });

function renderAdmin(services = fakeServices(), locale = 'en-us'): ReturnType<typeof fakeServices> {
  render(<PulseAdmin services={services} locale={locale} now={() => NOW} />);
  return services;
}

async function openNewSurvey(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'New survey' }));
  return screen.findByRole('form', { name: 'New survey' });
}

const errorsOf = (element: HTMLElement): string[] => within(element).queryAllByTestId('field-error').map((e) => e.textContent ?? '');

describe('Pulse admin: the surveys', () => {
  it('lists each survey with its status, the round open now and when the next opens', async () => {
    const { store } = renderAdmin();
    const list = await screen.findByRole('list', { name: 'Pulse surveys' });
    const [running, draft] = within(list).getAllByTestId('survey');
    expect(within(running).getByTestId('survey-status').textContent).toBe('Open');
    expect(within(running).getByTestId('survey-rounds').textContent).toMatch(/^Round 2 is open until .*Mar 14.*06:00.*\.$/);
    expect(within(draft).getByTestId('survey-status').textContent).toBe('Draft');
    expect(within(draft).getByTestId('survey-rounds').textContent).toBe('Not scheduled yet.');
    expect(running.textContent).toContain('Every month · 3 questions');
    // One read of everything.
    expect(store.starts).toBe(1);
  });

  it('pauses and closes (after a second tap) writing only what changes, and says so', async () => {
    const { store } = renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: `Pause ${RUNNING.title}` }));
    await screen.findByText(`${RUNNING.title} is paused: no new round opens. A round that is open runs to its end.`);
    expect(store.updates).toEqual([[7, { definition: { ...RUNNING.definition, paused: true } }]]);
    expect(await screen.findByRole('button', { name: `Resume ${RUNNING.title}` })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: `Close ${RUNNING.title}` }));
    expect(store.updates).toHaveLength(1);
    fireEvent.click(await screen.findByRole('button', { name: 'Close the survey' }));
    await screen.findByText(`${RUNNING.title} is closed.`);
    expect(store.updates[1]).toEqual([7, { status: 'closed' }]);
  });

  it('says a step failed and why, and changes nothing shown', async () => {
    const store = new FakePulseStore();
    store.refuseWrites = true;
    renderAdmin(fakeServices(store));
    fireEvent.click(await screen.findByRole('button', { name: `Pause ${RUNNING.title}` }));
    expect(await screen.findByText((text) => text.startsWith(`${RUNNING.title} was not changed. `))).toBeTruthy();
    expect(screen.getByRole('button', { name: `Pause ${RUNNING.title}` })).toBeTruthy();
  });
});

describe('Pulse admin: authoring', () => {
  it('shows every problem next to its field, saves nothing, and keeps what was typed', async () => {
    const { store } = renderAdmin();
    const form = await openNewSurvey();
    await within(form).findByText('The shortest round that gives every crew of this audience a whole shift: 4 days.');
    fireEvent.change(within(form).getByLabelText('At (the plant\'s local time)'), { target: { value: '07:30' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Smallest group with results (5 or more)' }), { target: { value: '3' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Round length in days' }), { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('The survey was not saved: correct what is marked below.')).toBeTruthy();
    expect(errorsOf(form)).toEqual(
      expect.arrayContaining([
        'Enter a name.',
        'Pick at least 3 questions.',
        'At least 4 days: a shorter round misses crews whose next shift comes later.',
        'At least 5: smaller groups could point to a person.'
      ])
    );
    const group = within(form).getByRole('textbox', { name: 'Smallest group with results (5 or more)' });
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(group.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('At least 5: smaller groups could point to a person.');
    expect((group as HTMLInputElement).value).toBe('3');
    expect((within(form).getByRole('textbox', { name: 'Round length in days' }) as HTMLInputElement).value).toBe('2');
    // A time zone that does not exist is named beside its field.
    fireEvent.change(within(form).getByRole('textbox', { name: 'Time zone, e.g. Europe/Stockholm' }), { target: { value: 'Europe/Gothenburg' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('No time zone is called Europe/Gothenburg. Enter one like Europe/Stockholm.')).toBeTruthy();
    expect(store.added).toEqual([]);
  });

  it('names a question without wording in a chosen language beside that question', async () => {
    const { store } = renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: `Edit ${DRAFT.title}` }));
    const form = await screen.findByRole('form', { name: `Edit ${DRAFT.title}` });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Swedish' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const rows = await within(form).findAllByTestId('survey-question');
    expect(errorsOf(rows[1])).toEqual(['This question has no Swedish wording: add it to the question, or leave Swedish out of the languages.']);
    expect(errorsOf(rows[0])).toEqual([]);
    expect(store.updates).toEqual([]);
  });

  it('builds a survey from the bank in order and saves it; the round length starts at the roster’s minimum', async () => {
    const { store } = renderAdmin(fakeServices(undefined, undefined, new FakeCrews({ ...CREWS, crews: CREWS.crews.map((crew) => ({ ...crew, minimumRoundDays: 5 })) })));
    const form = await openNewSurvey();
    await within(form).findByText('The shortest round that gives every crew of this audience a whole shift: 5 days.');
    expect((within(form).getByRole('textbox', { name: 'Round length in days' }) as HTMLInputElement).value).toBe('5');
    fireEvent.change(within(form).getByRole('textbox', { name: 'Survey name' }), { target: { value: 'Spring pulse' } });
    const pick = within(form).getByRole('combobox', { name: 'Question from the bank' });
    // Inactive questions are not offered.
    expect(within(pick).queryByText(/An old question/)).toBeNull();
    for (const key of ['recommend', 'part-of-team', 'one-thing-better']) {
      fireEvent.change(pick, { target: { value: key } });
      fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    }
    fireEvent.click(within(form).getByRole('button', { name: 'Move I feel part of my crew up' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Göteborg (GOT)' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved Spring pulse.');
    expect(store.added).toHaveLength(1);
    expect(store.added[0]).toMatchObject({
      title: 'Spring pulse',
      minGroupSize: 5,
      minCommentGroupSize: 10,
      definition: { questionKeys: ['part-of-team', 'recommend', 'one-thing-better'], languages: ['en-us', 'nl-nl', 'sv-se'], audience: { siteCodes: ['GOT'] }, roundLengthDays: 5 }
    });
  });

  it('keeps every field when SharePoint refuses the save, and says HR rights are needed', async () => {
    const store = new FakePulseStore();
    store.refuseWrites = true;
    renderAdmin(fakeServices(store));
    const form = await openNewSurvey();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Survey name' }), { target: { value: 'Night-shift pulse' } });
    const pick = within(form).getByRole('combobox', { name: 'Question from the bank' });
    for (const key of ['part-of-team', 'recommend', 'one-thing-better']) {
      fireEvent.change(pick, { target: { value: key } });
      fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    }
    fireEvent.change(within(form).getByRole('textbox', { name: /^Departments/ }), { target: { value: 'Weld cell 2\nPaint shop' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText(/^The survey was not saved; everything you typed is still here\. You need HR rights/)).toBeTruthy();
    expect((within(form).getByRole('textbox', { name: 'Survey name' }) as HTMLInputElement).value).toBe('Night-shift pulse');
    expect((within(form).getByRole('textbox', { name: /^Departments/ }) as HTMLTextAreaElement).value).toBe('Weld cell 2\nPaint shop');
    expect(within(form).getAllByTestId('survey-question')).toHaveLength(3);
    // Trying again works once SharePoint lets it, from the same form.
    store.refuseWrites = false;
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved Night-shift pulse.');
    expect(store.added).toHaveLength(1);
    expect(store.added[0].definition.audience).toEqual({ departments: ['Weld cell 2', 'Paint shop'] });
  });

  it('says plainly that agency consultants are in unless the employment types leave them out', async () => {
    renderAdmin();
    const form = await openNewSurvey();
    const notice = (): string => within(form).getByTestId('agency-notice').textContent ?? '';
    expect(notice()).toBe('Agency consultants are included: they are asked exactly like employees.');
    const types = within(form).getByRole('textbox', { name: /^Employment types/ });
    fireEvent.change(types, { target: { value: 'Employee' } });
    expect(notice()).toBe('Agency consultants are left out: the employment types name none of theirs. Add Agency to include them.');
    // Any agency spelling takes them in again.
    fireEvent.change(types, { target: { value: 'Employee\nUitzendkracht' } });
    expect(notice()).toBe('Agency consultants are included: they are asked exactly like employees.');
  });

  it('shows the thresholds a round locked read only, and refuses a change', async () => {
    const { store } = renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: `Edit ${RUNNING.title}` }));
    const form = await screen.findByRole('form', { name: `Edit ${RUNNING.title}` });
    expect(within(form).getByTestId('thresholds-help').textContent).toBe(
      'Locked since the first round opened: 6 people per group, 12 for comments. They cannot change any more.'
    );
    const group = within(form).getByRole('textbox', { name: 'Smallest group with results (5 or more)' }) as HTMLInputElement;
    expect(group.readOnly).toBe(true);
    expect(group.value).toBe('6');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText(`Saved ${RUNNING.title}.`);
    // Written with the locked values; the status is the timer's and is not written.
    expect(store.updates[0][1]).toMatchObject({ minGroupSize: 6, minCommentGroupSize: 12 });
    expect(store.updates[0][1].status).toBeUndefined();
  });

  it('schedules a draft only with its schedule, then writes the status with it', async () => {
    const { store } = renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: `Schedule ${DRAFT.title}` }));
    const form = await screen.findByRole('form', { name: `Schedule ${DRAFT.title}` });
    fireEvent.click(within(form).getByRole('button', { name: 'Save and schedule' }));
    expect(await within(form).findByText('Enter the day the first round opens.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('First round opens on'), { target: { value: '2026-03-16' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save and schedule' }));
    await screen.findByText(`${DRAFT.title} is scheduled: its rounds open and close on time without anyone on this page.`);
    expect(store.updates[0][1]).toMatchObject({ status: 'scheduled', definition: { firstOpensOn: '2026-03-16', paused: false } });
  });

  it('adds a question to the bank in three languages, checked first', async () => {
    const { store } = renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a question to the bank' }));
    const form = await screen.findByRole('form', { name: 'New question for the bank' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Key/ }), { target: { value: 'part-of-team' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add to the bank' }));
    expect(errorsOf(form)).toEqual(['Another question already has the key part-of-team.', 'Enter the wording in English.']);
    fireEvent.change(within(form).getByRole('textbox', { name: /^Key/ }), { target: { value: 'tools-ready' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Wording (English)' }), { target: { value: 'My tools are ready' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Wording (Dutch)' }), { target: { value: 'Mijn gereedschap is klaar' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Wording (Swedish)' }), { target: { value: 'Mina verktyg är redo' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Driver' }), { target: { value: 'security-meaning' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add to the bank' }));
    await screen.findByText('The question tools-ready is in the bank.');
    expect(store.addedQuestions).toEqual([
      {
        questionKey: 'tools-ready',
        title: 'My tools are ready',
        driver: 'security-meaning',
        kind: 'likert5',
        translations: { 'nl-nl': { text: 'Mijn gereedschap is klaar' }, 'sv-se': { text: 'Mina verktyg är redo' } }
      }
    ]);
  });
});

describe('Pulse admin: preview as an employee', () => {
  it('shows one question per screen in each of the survey’s languages, in a 360 px frame or wide', async () => {
    renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: `Preview ${RUNNING.title}` }));
    const question = await screen.findByTestId('preview-question');
    expect(question.textContent).toBe('I feel part of my crew');
    expect(screen.getByText('Question 1 of 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Swedish' }));
    expect(screen.getByTestId('preview-question').textContent).toBe('Jag känner mig som en del av mitt arbetslag');
    expect(screen.getByTestId('preview-frame').getAttribute('lang')).toBe('sv');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByTestId('preview-question').textContent).toBe('Hur troligt är det att du rekommenderar att jobba här?');
    expect(screen.getByRole('group', { name: '0 = not at all likely, 10 = extremely likely' })).toBeTruthy();
    const frame = screen.getByTestId('preview-frame');
    expect(frame.className).toBe('phoneFrame');
    fireEvent.click(screen.getByRole('switch', { name: 'Phone size (360 px wide)' }));
    expect(screen.getByTestId('preview-frame').className).toBe('desktopFrame');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByTestId('preview-done').textContent).toBe('Thank you. That was the last question.');
    // The languages offered are the survey's own.
    expect(screen.getAllByRole('button', { pressed: false }).map((b) => b.textContent)).toEqual(['English', 'Dutch']);
  });
});

describe('Pulse admin: the relay', () => {
  it.each([
    ['notConfigured', 'No Shopfloor Engage relay is set up, or this page cannot sign in to it (its API permission is not approved yet).'],
    ['unreachable', 'The Shopfloor Engage relay is set up, but it does not answer.'],
    ['noPulseKeys', 'The Shopfloor Engage relay runs without its pulse keys, so it refuses every answer.']
  ] as const)('%s: says no answer is collected, why, and how to deploy the relay', async (readiness, what) => {
    const { relay } = renderAdmin(fakeServices(undefined, new FakeRelay(readiness)));
    const panel = await screen.findByTestId('relay-panel');
    expect(within(panel).getByRole('heading', { name: 'Answers are not collected' })).toBeTruthy();
    expect(panel.textContent).toContain(what);
    expect(panel.textContent).toContain('SharePoint records who wrote every item, and a site owner can read every list');
    expect(panel.textContent).toContain('docs/relay.md');
    // Asked again on request (after IT fixed it).
    relay.answer = 'ready';
    fireEvent.click(within(panel).getByRole('button', { name: 'Check the relay again' }));
    await waitFor(() => expect(screen.queryByTestId('relay-panel')).toBeNull());
    expect(relay.asked).toBe(2);
  });

  it('shows no panel when the relay is ready', async () => {
    const { relay } = renderAdmin();
    await screen.findByRole('list', { name: 'Pulse surveys' });
    await waitFor(() => expect(relay.asked).toBe(1));
    expect(screen.queryByTestId('relay-panel')).toBeNull();
  });
});

describe('Pulse admin: only what SharePoint allows', () => {
  it('shows an operator the surveys read only, says why, offers no button and does not ask the relay', async () => {
    const store = new FakePulseStore();
    store.rights = { surveys: false };
    const { relay } = renderAdmin(fakeServices(store, new FakeRelay('notConfigured')));
    const list = await screen.findByRole('list', { name: 'Pulse surveys' });
    expect(within(list).getAllByTestId('survey')).toHaveLength(2);
    expect(screen.getByTestId('read-only').textContent).toBe("You can see the pulse surveys here. Only HR and the site's owners can create or change them.");
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByTestId('relay-panel')).toBeNull();
    expect(relay.asked).toBe(0);
  });

  it('shows Loading, then the failure with Try again, and loads on Try again', async () => {
    const store = new FakePulseStore();
    let fail = true;
    const start = store.start.bind(store);
    store.start = () => (fail ? Promise.reject(new TypeError('Failed to fetch')) : start());
    renderAdmin(fakeServices(store));
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(await screen.findByText(/^The pulse surveys could not be loaded\./)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Pulse surveys' })).toBeTruthy();
  });
});

describe('Pulse admin: crews by name, and the shortest round from their rosters', () => {
  it('lists the crews by name with their site and line, and the shortest round follows the crews picked', async () => {
    const { store, crews } = renderAdmin();
    const form = await openNewSurvey();
    const picker = await within(form).findByRole('group', { name: 'Crews' });
    const weld = within(picker).getByRole('checkbox', { name: /GOT Weld A/ });
    expect(weld.closest('label')?.textContent).toBe('GOT Weld AGöteborg · Weld cell 2');
    // Every crew the relay listed (the audience as yet restricts nothing): the longest, 4 days.
    await within(form).findByText('The shortest round that gives every crew of this audience a whole shift: 4 days.');
    fireEvent.click(weld);
    await within(form).findByText('The shortest round that gives every crew of this audience a whole shift: 3 days.');
    expect((within(form).getByRole('textbox', { name: 'Round length in days' }) as HTMLInputElement).value).toBe('3');
    // Asked for the form's opening time and zone; HR's own teams are never asked.
    const opensAt = (within(form).getByLabelText('At (the plant\'s local time)') as HTMLInputElement).value;
    const zone = (within(form).getByRole('textbox', { name: 'Time zone, e.g. Europe/Stockholm' }) as HTMLInputElement).value;
    expect(crews.asked).toEqual([[opensAt, zone]]);
    fireEvent.change(within(form).getByLabelText('At (the plant\'s local time)'), { target: { value: '22:00' } });
    await waitFor(() => expect(crews.asked).toEqual([[opensAt, zone], ['22:00', zone]]));

    fireEvent.change(within(form).getByRole('textbox', { name: 'Survey name' }), { target: { value: 'Weld pulse' } });
    const pick = within(form).getByRole('combobox', { name: 'Question from the bank' });
    for (const key of ['part-of-team', 'recommend', 'one-thing-better']) {
      fireEvent.change(pick, { target: { value: key } });
      fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    }
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved Weld pulse.');
    expect(store.added[0].definition).toMatchObject({ audience: { crewKeys: ['team-weld-a'] }, roundLengthDays: 3 });
  });

  it('lists the crews but counts no round while the time zone is no zone', async () => {
    const { crews } = renderAdmin();
    const form = await openNewSurvey();
    await within(form).findByText('The shortest round that gives every crew of this audience a whole shift: 4 days.');
    fireEvent.change(within(form).getByRole('textbox', { name: 'Time zone, e.g. Europe/Stockholm' }), { target: { value: 'Europe/Gothenburg' } });
    await within(form).findByText(/cannot tell the shortest round/);
    expect(within(form).getByRole('checkbox', { name: /GOT Weld A/ })).toBeTruthy();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Time zone, e.g. Europe/Stockholm' }), { target: { value: 'Europe/Amsterdam' } });
    await within(form).findByText('The shortest round that gives every crew of this audience a whole shift: 4 days.');
    expect(crews.asked[crews.asked.length - 1][1]).toBe('Europe/Amsterdam');
  });

  it('a site\'s audience takes its crews\' longest round; another site\'s crews do not count', async () => {
    const list = { ...CREWS, crews: CREWS.crews.map((crew) => (crew.siteCode === 'EIN' ? { ...crew, minimumRoundDays: 9 } : crew)) };
    renderAdmin(fakeServices(undefined, undefined, new FakeCrews(list)));
    const form = await openNewSurvey();
    await within(form).findByText('The shortest round that gives every crew of this audience a whole shift: 9 days.');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Göteborg (GOT)' }));
    await within(form).findByText('The shortest round that gives every crew of this audience a whole shift: 4 days.');
  });

  it('without a relay says why the crews are unavailable, suggests a length, and keeps the crews a survey names', async () => {
    const store = new FakePulseStore();
    store.surveys = store.surveys.map((survey) => (survey.id === DRAFT.id ? { ...survey, definition: { ...survey.definition, audience: { crewKeys: ['team-weld-a'] } } } : survey));
    const { crews } = renderAdmin(fakeServices(store, new FakeRelay('notConfigured'), new FakeCrews(new PulseCrewsError('noRelay', 'no relay'))));
    fireEvent.click(await screen.findByRole('button', { name: `Edit ${DRAFT.title}` }));
    const form = await screen.findByRole('form', { name: `Edit ${DRAFT.title}` });
    expect((await within(form).findByTestId('crews-unavailable')).textContent).toBe(
      "The crews cannot be listed now: only the relay may read the crews' rosters, and none is set up (or its API permission is not approved). Ask IT to deploy it. The crews this survey already names are kept."
    );
    expect(within(form).getByText(/The crews' rosters cannot tell the shortest round for this audience: \d+ days is suggested\./)).toBeTruthy();
    const kept = within(form).getByRole('checkbox', { name: 'A crew chosen earlier (team-weld-a)' }) as HTMLInputElement;
    expect(kept.checked).toBe(true);
    // Nothing else to pick: no crew is offered from anywhere but the relay.
    expect(within(within(form).getByTestId('crew-picker')).getAllByRole('checkbox')).toHaveLength(1);
    fireEvent.click(within(form).getByRole('button', { name: 'Read the crews again' }));
    await waitFor(() => expect(crews.asked.length).toBeGreaterThan(1));
  });

  it('says a crew the relay no longer lists is gone, and HR can take it out', async () => {
    const store = new FakePulseStore();
    store.surveys = store.surveys.map((survey) => (survey.id === DRAFT.id ? { ...survey, definition: { ...survey.definition, audience: { crewKeys: ['team-gone'] } } } : survey));
    renderAdmin(fakeServices(store));
    fireEvent.click(await screen.findByRole('button', { name: `Edit ${DRAFT.title}` }));
    const form = await screen.findByRole('form', { name: `Edit ${DRAFT.title}` });
    const gone = (await within(form).findByRole('checkbox', { name: 'A crew no longer in Teams Shifts (team-gone)' })) as HTMLInputElement;
    // The audience names only a crew no roster has: the rosters cannot tell.
    await within(form).findByText(/cannot tell the shortest round/);
    fireEvent.click(gone);
    expect(within(form).queryByRole('checkbox', { name: /team-gone/ })).toBeNull();
    await within(form).findByText('The shortest round that gives every crew of this audience a whole shift: 4 days.');
  });
});
