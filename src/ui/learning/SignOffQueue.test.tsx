/**
 * The trainer's part of My learning: who waits for their sign-off (only what they may sign off,
 * never their own), two taps from the name to the form, the sign-off sent with one request id
 * across Try again, every refusal in words with the note kept, nl and sv.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import type { ItemId } from '../../core/models/common';
import { MyLearning } from './MyLearning';
import type { LearningSnapshot, MyLearningSource, SignOffAskAnswer, SignOffAskedRow, SignOffGiven } from './types';

const NOW = new Date('2026-12-07T08:00:00Z');
const TRAINER = 4;

const trainerView: LearningSnapshot = {
  personId: TRAINER,
  paths: [
    { id: 1, title: 'Forklift licence', translations: { 'nl-nl': { name: 'Heftruckcertificaat' } }, isActive: true, requiresPathIds: [], grants: [{ station: 'GOT-FLT', level: 'U' }, { station: 'EIN-FLT', level: 'U' }], trainerIds: [], lapseDays: 90 },
    { id: 2, title: 'Lockout/tagout', translations: {}, isActive: true, requiresPathIds: [], grants: [{ station: 'GOT-DIE', level: 'U' }], trainerIds: [], lapseDays: 0 },
    { id: 3, title: 'Moulding', translations: {}, isActive: true, requiresPathIds: [], grants: [{ station: 'EIN-IMM', level: 'U' }, { station: 'EIN-TOOL', level: 'U' }], trainerIds: [TRAINER], lapseDays: 0 }
  ],
  steps: [
    { id: 11, pathId: 1, sortOrder: 10, kind: 'practice', estimatedMinutes: 45, requiresSignOff: true, title: 'Practical test', translations: { 'nl-nl': { title: 'Praktijktoets' } } },
    { id: 21, pathId: 2, sortOrder: 10, kind: 'practice', estimatedMinutes: 20, requiresSignOff: true, title: 'Lock out the press', translations: {} },
    { id: 31, pathId: 3, sortOrder: 10, kind: 'practice', estimatedMinutes: 60, requiresSignOff: true, title: 'First-part inspection', translations: {} }
  ],
  assignments: [],
  progress: [],
  // U on the forklift station at Göteborg, held (practised lately); an expired O on the press.
  skills: [
    { station: 'GOT-FLT', level: 'U', lastPractisedAt: new Date('2026-11-20T08:00:00Z'), pathId: 1 },
    { station: 'GOT-DIE', level: 'O', expiresAt: new Date('2026-11-01T00:00:00Z') }
  ]
};

const row = (learnerId: number, name: string, stepId: ItemId, pathId: ItemId): SignOffAskedRow => ({
  learnerId,
  learnerName: name,
  learnerLogin: `i:0#.f|membership|${name.split(' ')[0].toLowerCase()}@contoso.com`,
  stepId,
  pathId,
  status: 'completed',
  completedAt: '2026-12-06T14:00:00Z'
});

const REQUESTS = [row(17, 'Åsa Bäckström', 11, 1), row(18, 'Bo Berg', 31, 3), row(TRAINER, 'Me Myself', 11, 1), row(19, 'Cas Cole', 21, 2)];

class Source implements MyLearningSource {
  public reads: Array<readonly ItemId[]> = [];
  public readFailures: unknown[] = [];
  public given: SignOffGiven[] = [];
  public failures: unknown[] = [];
  public constructor(private readonly data: LearningSnapshot = trainerView) {}
  public read(): Promise<LearningSnapshot> {
    return Promise.resolve(this.data);
  }
  public quiz(): Promise<never> {
    return Promise.reject(new Error('no quiz'));
  }
  public markDone(): Promise<unknown> {
    return Promise.resolve({});
  }
  public submitQuiz(): Promise<never> {
    return Promise.reject(new Error('no quiz'));
  }
  public askSignOff(): Promise<SignOffAskAnswer> {
    return Promise.resolve({ status: 'completed' });
  }
  public signOffRequests(pathIds: readonly ItemId[]): Promise<readonly SignOffAskedRow[]> {
    this.reads.push(pathIds);
    const failure = this.readFailures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve(REQUESTS);
  }
  public signOff(given: SignOffGiven): Promise<unknown> {
    this.given.push(given);
    const failure = this.failures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve({ resent: false });
  }
}

const coded = (code: string): Error & { code: string } => Object.assign(new Error(code), { code });

async function shown(source: Source, locale = 'en-us'): Promise<HTMLElement> {
  await act(async () => {
    render(<MyLearning source={source} locale={locale} timeZone="Europe/Stockholm" now={() => NOW} />);
  });
  return screen.getByRole('region', { name: locale === 'nl-nl' ? 'Wacht op jouw aftekening' : 'Waiting for your sign-off' });
}

async function tap(name: string | RegExp): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

describe('MyLearning: waiting for your sign-off', () => {
  it('lists only colleagues whose practice this trainer may sign off: a valid level on a granted station, or named; never their own', async () => {
    const source = new Source();
    const section = await shown(source);
    // The press path is left out: the trainer's O there expired.
    expect(source.reads).toEqual([[1, 3]]);
    const names = within(section).getAllByRole('listitem').map((item) => within(item).getByRole('button').textContent);
    expect(names).toEqual(['Åsa Bäckström', 'Bo Berg']);
    expect(within(section).getAllByText('1 step waiting')).toHaveLength(2);
  });

  it('signs off in two taps from the name: the station preselected when only one fits, the note sent as typed, and the person leaves the list', async () => {
    const source = new Source();
    await shown(source);
    await tap('Åsa Bäckström');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Åsa Bäckström' }));
    await tap('Sign off');
    expect(screen.getByRole('heading', { name: 'Sign off “Practical test” for Åsa Bäckström' })).toBeTruthy();
    // The path grants two stations; the trainer holds only one of them.
    expect(screen.getAllByRole('radio').map((r) => [(r as HTMLInputElement).value, (r as HTMLInputElement).checked])).toEqual([['GOT-FLT', true]]);
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: 'Drove <b>well</b> 🚜' } });
    expect(screen.getByText('20 of 1000 characters')).toBeTruthy();
    await tap('Confirm sign-off');
    expect(source.given).toEqual([
      { learnerLogin: 'i:0#.f|membership|åsa@contoso.com', stepId: 11, station: 'GOT-FLT', note: 'Drove <b>well</b> 🚜', requestId: expect.stringMatching(/^[A-Za-z0-9_:-]{8,64}$/), timeZone: 'Europe/Stockholm' }
    ]);
    expect(within(screen.getByRole('status')).getByText('Signed off: “Practical test” for Åsa Bäckström.')).toBeTruthy();
    const section = screen.getByRole('region', { name: 'Waiting for your sign-off' });
    expect(within(section).queryByRole('button', { name: 'Åsa Bäckström' })).toBeNull();
    expect(within(section).getByRole('button', { name: 'Bo Berg' })).toBeTruthy();
  });

  it('lets a named trainer choose among the path\'s stations, and asks for one before sending', async () => {
    const source = new Source();
    await shown(source);
    await tap('Bo Berg');
    await tap('Sign off');
    expect(screen.getAllByRole('radio').map((r) => [(r as HTMLInputElement).value, (r as HTMLInputElement).checked])).toEqual([
      ['EIN-IMM', false],
      ['EIN-TOOL', false]
    ]);
    await tap('Confirm sign-off');
    expect(screen.getByText('Choose the station first.')).toBeTruthy();
    expect(source.given).toEqual([]);
    fireEvent.click(screen.getByRole('radio', { name: 'EIN-TOOL' }));
    await tap('Confirm sign-off');
    expect(source.given.map((g) => g.station)).toEqual(['EIN-TOOL']);
    expect(screen.queryByRole('button', { name: 'Bo Berg' })).toBeNull();
    await tap('Åsa Bäckström');
    await tap('Sign off');
    await tap('Confirm sign-off');
    expect(screen.getByText('Nobody is waiting for your sign-off.')).toBeTruthy();
    // Back at the list, its heading has the focus.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Waiting for your sign-off' }));
  });

  it('refuses a note over 1,000 characters as SharePoint counts them (an emoji is two), keeping it, and sends nothing', async () => {
    const source = new Source();
    await shown(source);
    await tap('Åsa Bäckström');
    await tap('Sign off');
    const long = `${'x'.repeat(999)}🚜`;
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: long } });
    expect(screen.getByText('1001 of 1000 characters')).toBeTruthy();
    await tap('Confirm sign-off');
    expect(screen.getByText('The note is 1 characters too long. Shorten it: nothing is cut.')).toBeTruthy();
    expect((screen.getByLabelText('Note (optional)') as HTMLTextAreaElement).value).toBe(long);
    expect(source.given).toEqual([]);
  });

  it.each([
    ['ownSignOff', 'Nobody signs off their own practice.'],
    ['notQualified', 'You cannot sign this off: you hold no valid U or O level on this station and are not a trainer of this path.'],
    ['learnerNotFound', 'This colleague could not be found in the directory or on the site.'],
    ['stepNotDone', 'Your colleague has not done this step yet. It is signed off after.'],
    ['invalid', 'The sign-off was not accepted: the path\'s stations may have changed. Reload the page and try again.'],
    ['unavailable', 'The learning service could not be reached. Check the connection and try again.']
  ])('says the refusal %s in words, keeps the note, and Try again sends the same sign-off', async (code, words) => {
    const source = new Source();
    source.failures.push(coded(code));
    await shown(source);
    await tap('Åsa Bäckström');
    await tap('Sign off');
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: 'Twice round the yard' } });
    await tap('Confirm sign-off');
    expect(screen.getByText(words)).toBeTruthy();
    expect((screen.getByLabelText('Note (optional)') as HTMLTextAreaElement).value).toBe('Twice round the yard');
    await tap('Try again');
    expect(source.given).toHaveLength(2);
    expect(source.given[1]).toEqual(source.given[0]);
  });

  it('says why the list could not be read, and Try again reads it', async () => {
    const source = new Source();
    source.readFailures.push(coded('network'));
    const section = await shown(source);
    expect(within(section).getByText('The learning service could not be reached. Check the connection and try again.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Try again' }));
    });
    expect(within(section).getByRole('button', { name: 'Åsa Bäckström' })).toBeTruthy();
  });

  it('reads and shows nothing for someone who may sign off nothing', async () => {
    const source = new Source({ ...trainerView, skills: [], paths: trainerView.paths.map((p) => ({ ...p, trainerIds: [] })) });
    await act(async () => {
      render(<MyLearning source={source} locale="en-us" timeZone="Europe/Stockholm" now={() => NOW} />);
    });
    expect(screen.queryByRole('region', { name: 'Waiting for your sign-off' })).toBeNull();
    expect(source.reads).toEqual([]);
  });

  it('speaks Dutch and Swedish', async () => {
    const source = new Source();
    const section = await shown(source, 'nl-nl');
    expect(within(section).getAllByText('1 stap wacht')).toHaveLength(2);
    await tap('Åsa Bäckström');
    await tap('Aftekenen');
    expect(screen.getByRole('heading', { name: '“Praktijktoets” aftekenen voor Åsa Bäckström' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Aftekenen bevestigen' })).toBeTruthy();
  });

  it('speaks Swedish', async () => {
    await act(async () => {
      render(<MyLearning source={new Source()} locale="sv-se" timeZone="Europe/Stockholm" now={() => NOW} />);
    });
    expect(screen.getByRole('heading', { name: 'Väntar på ditt godkännande' })).toBeTruthy();
    await tap('Bo Berg');
    await tap('Godkänn');
    expect(screen.getByText('Anteckning (valfri)')).toBeTruthy();
  });
});
