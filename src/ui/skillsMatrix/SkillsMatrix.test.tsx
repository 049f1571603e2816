import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';

import type { Shift, TimeOff, TimeRange } from '../../core/roster/types';
import { SkillsMatrix } from './SkillsMatrix';
import type { LeaderCrews, ReadSkill, SkillsSource } from './types';

type CrewRoster = { readonly shifts: readonly Shift[]; readonly timeOff: readonly TimeOff[] };
type CrewSkillsRead = { readonly skills: readonly ReadSkill[] };

/** A failure as the connectors throw it: which read, and why. */
function failure(source: string, code: string): Error {
  return Object.assign(new Error(`${source} ${code}`), { source, code });
}

const NOW = new Date('2026-05-11T08:00:00Z');
const DAY = 86_400_000;
const ZONE = 'Europe/Stockholm';

const CREWS: LeaderCrews = {
  me: { id: 'd-lea', displayName: 'Lea Leader', userPrincipalName: 'lea@contoso.com' },
  reports: [
    { id: 'd-ria', displayName: 'Ria Rask', userPrincipalName: 'ria@contoso.com' },
    { id: 'd-bo', displayName: '=HYPERLINK("x") Bo', userPrincipalName: 'bo@contoso.com' }
  ],
  teams: [{ id: 'team-a', name: 'Weld A' }]
};

function skill(personId: number, upn: string, station: string, level: ReadSkill['level'], extra: Partial<ReadSkill> = {}): ReadSkill {
  return { personId, personLogin: `i:0#.f|membership|${upn}`, station, stationName: station === 'ST-A' ? 'Robot cell' : 'Weld inspection', level, lapseDays: 0, ...extra };
}

const SKILLS: CrewSkillsRead = {
  skills: [
    skill(1, 'lea@contoso.com', 'ST-A', 'O'),
    // Valid for over a year: the day it ends is shown all the same.
    skill(1, 'lea@contoso.com', 'ST-B', 'O', { expiresAt: new Date(NOW.getTime() + 400 * DAY).toISOString() }),
    // Ends in 10 days: marked expiring, still covers tomorrow's shift.
    skill(2, 'ria@contoso.com', 'ST-A', 'U', { expiresAt: new Date(NOW.getTime() + 10 * DAY).toISOString() }),
    // Ended 5 days ago: shown as expired, covers nothing.
    skill(3, 'bo@contoso.com', 'ST-B', 'U', { expiresAt: new Date(NOW.getTime() - 5 * DAY).toISOString() }),
    skill(3, 'bo@contoso.com', 'ST-A', 'L'),
    // Someone the leader does not lead: never shown.
    skill(9, 'other@contoso.com', 'ST-C', 'O')
  ]
};

/** Tomorrow's morning shift: Ria and Bo, not the leader. */
const ROSTER: CrewRoster = {
  shifts: [
    { id: 's1', personId: 'd-ria', crewId: 'team-a', start: '2026-05-12T04:00:00Z', end: '2026-05-12T12:00:00Z', status: 'scheduled' },
    { id: 's2', personId: 'd-bo', crewId: 'team-a', start: '2026-05-12T04:00:00Z', end: '2026-05-12T12:00:00Z', status: 'scheduled' },
    { id: 's3', personId: 'd-outsider', crewId: 'team-a', start: '2026-05-12T04:00:00Z', end: '2026-05-12T12:00:00Z', status: 'scheduled' }
  ],
  timeOff: []
};

class FakeSource implements SkillsSource {
  public crewCalls = 0;
  public rosterCalls: Array<{ teamIds: readonly string[]; range: TimeRange }> = [];
  public skillCalls: Array<readonly string[]> = [];
  /** The teams this device read last time (`lastTeams`); undefined: a first visit. */
  public known: readonly string[] | undefined;
  public remembered: Array<readonly string[]> = [];

  public constructor(
    public crewsAnswer: () => Promise<LeaderCrews> = async () => CREWS,
    public rosterAnswer: () => Promise<CrewRoster> = async () => ROSTER
  ) {}

  public crews(): Promise<LeaderCrews> {
    this.crewCalls += 1;
    return this.crewsAnswer();
  }

  /** Holds the levels' answer back while set. */
  public skillsGate: Promise<void> | undefined;

  public async skills(crewKeys: readonly string[]): Promise<CrewSkillsRead> {
    this.skillCalls.push(crewKeys);
    await this.skillsGate;
    return SKILLS;
  }

  public roster(teamIds: readonly string[], range: TimeRange): Promise<CrewRoster> {
    this.rosterCalls.push({ teamIds, range });
    return this.rosterAnswer();
  }

  public lastTeams(): readonly string[] | undefined {
    return this.known;
  }

  public rememberTeams(teamIds: readonly string[]): void {
    this.remembered.push(teamIds);
  }
}

/** A promise and its resolve, to hold a read back until the test lets it answer. */
function held<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((_resolve) => {
    resolve = _resolve;
  });
  return { promise, resolve };
}

function show(source: SkillsSource, locale = 'en-us', save = jest.fn(), print = jest.fn()): { save: jest.Mock; print: jest.Mock } {
  render(<SkillsMatrix source={source} locale={locale} timeZone={ZONE} now={() => NOW} save={save} print={print} />);
  return { save, print };
}

function cell(person: RegExp, station: string): HTMLElement {
  const table = screen.getByRole('table');
  const column = within(table)
    .getAllByRole('columnheader')
    .findIndex((h) => h.textContent === station);
  const row = within(table).getByRole('rowheader', { name: person }).closest('tr') as HTMLElement;
  return within(row).getAllByRole('cell')[column - 1];
}

describe('the crew skills matrix', () => {
  it('reads the levels and the roster side by side once it knows the teams, and remembers the teams on the device', async () => {
    const crews = held<LeaderCrews>();
    const levels = held<void>();
    const source = new FakeSource(() => crews.promise);
    source.skillsGate = levels.promise;
    show(source);
    expect(source.skillCalls).toEqual([]);
    crews.resolve(CREWS);
    // The roster is asked while the levels are still on their way.
    await waitFor(() => expect(source.rosterCalls.map((c) => c.teamIds)).toEqual([['team-a']]));
    expect(source.skillCalls).toEqual([['team-a']]);
    levels.resolve();
    await screen.findByRole('table');
    expect(source.remembered).toEqual([['team-a']]);
  });

  it('a returning leader: the levels and the roster are asked with the people and teams, for the teams this device read last time', async () => {
    const crews = held<LeaderCrews>();
    const source = new FakeSource(() => crews.promise);
    source.known = ['team-a'];
    show(source);
    // Before the directory has answered: one round of requests, not two one after the other.
    await waitFor(() => expect(source.crewCalls).toBe(1));
    expect(source.skillCalls).toEqual([['team-a']]);
    expect(source.rosterCalls.map((c) => c.teamIds)).toEqual([['team-a']]);
    crews.resolve(CREWS);
    expect(await screen.findByText('Nobody at U or O: Weld inspection')).toBeTruthy();
    expect(cell(/Ria/, 'Robot cell').textContent).toContain('Uunsupervised');
    // The same teams: nothing read twice.
    expect(source.skillCalls).toHaveLength(1);
    expect(source.rosterCalls).toHaveLength(1);
  });

  it('a leader whose teams changed since: the levels and the roster are read again for the teams the directory names now', async () => {
    const source = new FakeSource();
    source.known = ['team-old'];
    show(source);
    await screen.findByRole('table');
    expect(source.skillCalls).toEqual([['team-old'], ['team-a']]);
    expect(source.rosterCalls.map((c) => c.teamIds)).toEqual([['team-old'], ['team-a']]);
    expect(source.remembered).toEqual([['team-a']]);
    expect(await screen.findByText('Nobody at U or O: Weld inspection')).toBeTruthy();
  });

  it('shows the leader and the people they lead × stations, with the level in words and expiring or expired said in words', async () => {
    const source = new FakeSource();
    show(source);
    await screen.findByRole('table', { name: 'Levels per person and station' });
    expect(source.skillCalls).toEqual([['team-a']]);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Lea Leader (you)', '=HYPERLINK("x") Bo ', 'Ria Rask ']);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Person', 'Robot cell', 'Weld inspection']);
    expect(screen.queryByText('Olle Other')).toBeNull();
    expect(cell(/Ria/, 'Robot cell').textContent).toContain('Uunsupervisedexpires May 21, 2026');
    expect(cell(/Bo/, 'Weld inspection').textContent).toContain('Uunsupervisedexpired May 6, 2026');
    expect(cell(/Ria/, 'Weld inspection').textContent).toContain('no level');
    expect(cell(/Lea/, 'Weld inspection').textContent).toContain('Ocan train othersvalid until Jun 15, 2027');
    // A level without an end says none.
    expect(cell(/Lea/, 'Robot cell').textContent).toBe('Ocan train others');
  });

  it('shows coverage per coming shift: a station nobody on it covers and one only one person covers', async () => {
    const source = new FakeSource();
    show(source);
    expect(await screen.findByText('Nobody at U or O: Weld inspection')).toBeTruthy();
    expect(screen.getByText('Only one at U or O on Robot cell: Ria Rask')).toBeTruthy();
    expect(source.rosterCalls[0].teamIds).toEqual(['team-a']);
    expect(source.rosterCalls[0].range.end.getTime() - source.rosterCalls[0].range.start.getTime()).toBe(7 * DAY);
  });

  it('exports exactly what is shown as CSV: byte order mark, the language’s delimiter, formulas neutralised', async () => {
    const { save } = show(new FakeSource());
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const [fileName, text] = save.mock.calls[0] as [string, string];
    expect(fileName).toBe('crew-skills-matrix.csv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').slice(0, 4)).toEqual([
      '\uFEFFPerson,Robot cell,Weld inspection',
      'Lea Leader,O,"O, valid until Jun 15, 2027"',
      `"'=HYPERLINK(""x"") Bo",L,"U, expired May 6, 2026"`,
      'Ria Rask,"U, expires May 21, 2026",'
    ]);
    expect(text).toContain('2026-05-12 06:00,2026-05-12 14:00,,Weld A,Weld inspection,Nobody at U or O,\r\n');
    expect(text).toContain('2026-05-12 06:00,2026-05-12 14:00,,Weld A,Robot cell,Only one at U or O,Ria Rask\r\n');
  });

  it('prints with the print button', async () => {
    const { print } = show(new FakeSource());
    fireEvent.click(await screen.findByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('shows no matrix to someone nobody reports to, and reads no levels', async () => {
    const source = new FakeSource(async () => ({ ...CREWS, reports: [] }));
    show(source);
    expect(await screen.findByText(/Nobody reports to you/)).toBeTruthy();
    expect(source.skillCalls).toEqual([]);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says which read failed and why, and tries again', async () => {
    let fail = true;
    const source = new FakeSource(async () => {
      if (fail) throw failure('directory', 'network');
      return CREWS;
    });
    show(source);
    expect(await screen.findByText(/Your people and teams could not be read from the directory. There is no connection./)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('table');
  });

  it('keeps the matrix up when the roster fails, and tries the roster again alone', async () => {
    let fail = true;
    const source = new FakeSource(undefined, async () => {
      if (fail) throw failure('roster', 'throttled');
      return ROSTER;
    });
    show(source);
    await screen.findByRole('table');
    expect(screen.getByText(/The roster could not be read from Teams Shifts. The service is busy./)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Nobody at U or O: Weld inspection')).toBeTruthy();
    expect(source.crewCalls).toBe(1);
    expect(source.rosterCalls).toHaveLength(2);
  });
});

describe.each([
  ['nl-nl', 'Vaardigheidsmatrix van de ploeg', 'verlopen', 'Niemand zelfstandig: Weld inspection', ';', 'O, geldig tot 15 jun 2027'],
  ['sv-se', 'Kompetensmatris för arbetslaget', 'upphörde', 'Ingen på U eller O: Weld inspection', ';', 'O, giltig till 15 juni 2027']
])('in %s', (locale, heading, expired, gap, delimiter, leaderValid) => {
  it('speaks the language, in the matrix, the gaps and the CSV', async () => {
    const { save } = show(new FakeSource(), locale);
    expect(await screen.findByRole('heading', { name: heading })).toBeTruthy();
    expect(cell(/Bo/, 'Weld inspection').textContent).toContain(expired);
    expect(await screen.findByText(gap)).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button')[0]);
    const text = (save.mock.calls[0] as [string, string])[1];
    expect(text.split('\r\n')[1]).toBe(`Lea Leader${delimiter}O${delimiter}${leaderValid}`);
  });
});
