import { crewsFromRoster, practisedSince, stationShifts, type RosteredShift } from './rosterPractice';

const NOW = new Date('2026-03-10T12:00:00Z');
const at = (iso: string): Date => new Date(iso);

function shift(personId: string, teamId: string, start: string, end: string, extra: Partial<RosteredShift> = {}): RosteredShift {
  return { personId, teamId, start: at(start), end: at(end), activities: [], ...extra };
}

describe("a person's crews from the roster", () => {
  it('puts the team with most shifts first, leaves cancelled shifts out and breaks a tie the same way every time', () => {
    const roster = [
      shift('P-1', 'team-a', '2026-03-02T05:00:00Z', '2026-03-02T13:00:00Z'),
      shift('p-1', 'team-b', '2026-03-03T05:00:00Z', '2026-03-03T13:00:00Z'),
      shift('p-1', 'team-b', '2026-03-04T05:00:00Z', '2026-03-04T13:00:00Z'),
      shift('p-1', 'team-a', '2026-03-05T05:00:00Z', '2026-03-05T13:00:00Z', { cancelled: true }),
      shift('p-2', 'team-d', '2026-03-02T05:00:00Z', '2026-03-02T13:00:00Z'),
      shift('p-2', 'team-c', '2026-03-03T05:00:00Z', '2026-03-03T13:00:00Z')
    ];
    const crews = crewsFromRoster(roster);
    expect(crews.get('p-1')).toEqual(['team-b', 'team-a']);
    expect(crews.get('p-2')).toEqual(['team-c', 'team-d']);
    expect(crewsFromRoster([...roster].reverse()).get('p-2')).toEqual(['team-c', 'team-d']);
  });

  it('knows no crew of someone with no shift, nor only cancelled ones', () => {
    const crews = crewsFromRoster([shift('p-3', 'team-a', '2026-03-02T05:00:00Z', '2026-03-02T13:00:00Z', { cancelled: true })]);
    expect(crews.has('p-3')).toBe(false);
    expect(crews.get('p-4')).toBeUndefined();
  });
});

describe('practice at a station from the roster', () => {
  const press = { code: 'GOT-PRESS1-DIE', start: at('2026-03-09T05:00:00Z'), end: at('2026-03-09T09:00:00Z') };
  const roster = [
    shift('p-1', 'team-a', '2026-03-09T05:00:00Z', '2026-03-09T13:00:00Z', { activities: [press, { start: at('2026-03-09T09:00:00Z'), end: at('2026-03-09T13:00:00Z') }] }),
    // Notes and names tell no station.
    shift('p-1', 'team-a', '2026-03-08T05:00:00Z', '2026-03-08T13:00:00Z'),
    shift('p-2', 'team-a', '2026-03-09T05:00:00Z', '2026-03-09T13:00:00Z', { activities: [{ ...press, code: 'GOT-PRESS1-QC' }] })
  ];

  it('ties a shift to a station only by an activity whose code names it, with the crew whose schedule holds it', () => {
    expect(stationShifts(roster, 'P-1')).toEqual([{ station: 'GOT-PRESS1-DIE', start: press.start, end: press.end, teamId: 'team-a' }]);
    expect(stationShifts(roster, 'p-9')).toEqual([]);
  });

  it('moves the last practice forward to the activity end, never back', () => {
    const shifts = stationShifts(roster, 'p-1');
    expect(practisedSince('got-press1-die', shifts, NOW, at('2026-02-01T10:00:00Z'))).toEqual(press.end);
    expect(practisedSince('GOT-PRESS1-DIE', shifts, NOW)).toEqual(press.end);
    // A later stored practice stays: an older shift does not move it back.
    expect(practisedSince('GOT-PRESS1-DIE', shifts, NOW, at('2026-03-10T06:00:00Z'))).toBeUndefined();
    // The same practice again moves nothing (a second run writes nothing).
    expect(practisedSince('GOT-PRESS1-DIE', shifts, NOW, press.end)).toBeUndefined();
    // Another station, or one not on the roster: nothing.
    expect(practisedSince('GOT-PRESS1-QC', shifts, NOW, at('2026-02-01T10:00:00Z'))).toBeUndefined();
  });

  it('counts a running activity to now, and neither a coming nor a cancelled one', () => {
    const running = [shift('p-1', 'team-a', '2026-03-10T05:00:00Z', '2026-03-10T13:00:00Z', { activities: [{ ...press, start: at('2026-03-10T10:00:00Z'), end: at('2026-03-10T13:00:00Z') }] })];
    expect(practisedSince('GOT-PRESS1-DIE', stationShifts(running, 'p-1'), NOW, at('2026-02-01T10:00:00Z'))).toEqual(NOW);
    const coming = [shift('p-1', 'team-a', '2026-03-11T05:00:00Z', '2026-03-11T13:00:00Z', { activities: [{ ...press, start: at('2026-03-11T05:00:00Z'), end: at('2026-03-11T09:00:00Z') }] })];
    expect(practisedSince('GOT-PRESS1-DIE', stationShifts(coming, 'p-1'), NOW, at('2026-02-01T10:00:00Z'))).toBeUndefined();
    const cancelled = [{ ...roster[0], cancelled: true }];
    expect(practisedSince('GOT-PRESS1-DIE', stationShifts(cancelled, 'p-1'), NOW, at('2026-02-01T10:00:00Z'))).toBeUndefined();
  });
});
