import type { Shift } from '../roster/types';
import { crewShifts, RosterQualification, shiftCoverage } from './coverage';

const NOW = new Date('2026-03-28T12:00:00Z');
const UNTIL = new Date('2026-03-31T00:00:00Z');
const valid = { state: 'valid' as const };
const shift = (id: string, personId: string, start: string, end: string, extra: Partial<Shift> = {}): Shift => ({ id, personId, crewId: 'team-a', start, end, status: 'scheduled', ...extra });

// The night of 28–29 March 2026: Amsterdam's clocks go forward at 02:00, so 22:00–06:00 local is
// 21:00Z–04:00Z, seven hours.
const night = ['2026-03-28T21:00:00Z', '2026-03-29T04:00:00Z'] as const;
const late = ['2026-03-28T13:00:00Z', '2026-03-28T21:00:00Z'] as const;
const roster: Shift[] = [
  shift('s1', 'anna', ...night),
  shift('s2', 'bram', ...night),
  shift('s3', 'cleo', ...night, { status: 'cancelled' }),
  shift('s4', 'dirk', ...late),
  shift('s5', 'eva', ...late),
  shift('s0', 'anna', '2026-03-28T05:00:00Z', '2026-03-28T11:00:00Z')
];
const qualifications: RosterQualification[] = [
  { personId: 'anna', station: 'P1', level: 'U', validity: valid },
  { personId: 'bram', station: 'P1', level: 'O', validity: valid },
  { personId: 'bram', station: 'R1', level: 'L', validity: valid },
  { personId: 'cleo', station: 'R1', level: 'O', validity: valid },
  { personId: 'dirk', station: 'P1', level: 'U', validity: valid },
  // Eva's level ends at 02:30 local (00:30Z), during the night shift, so it would not cover one.
  { personId: 'eva', station: 'R1', level: 'U', validity: { state: 'expiring', validUntil: new Date('2026-03-29T00:30:00Z') } }
];

describe('coverage per coming shift', () => {
  it('groups the roster into crew shifts across midnight and the clock change, leaving out cancelled, past and leave', () => {
    const shifts = crewShifts(roster, [{ id: 'o1', personId: 'eva', start: '2026-03-30T00:00:00Z', end: '2026-03-31T00:00:00Z' }], NOW, UNTIL);
    expect(shifts).toEqual([
      { crewId: 'team-a', start: '2026-03-28T13:00:00.000Z', end: '2026-03-28T21:00:00.000Z', personIds: ['dirk', 'eva'] },
      { crewId: 'team-a', start: '2026-03-28T21:00:00.000Z', end: '2026-03-29T04:00:00.000Z', personIds: ['anna', 'bram'] }
    ]);
    const onLeave = crewShifts(roster, [{ id: 'o1', personId: 'eva', start: '2026-03-28T18:00:00Z', end: '2026-03-29T00:00:00Z' }], NOW, UNTIL);
    expect(onLeave[0].personIds).toEqual(['dirk']);
  });

  it('finds stations nobody covers and stations with a single qualified person', () => {
    const coverage = shiftCoverage(crewShifts(roster, [], NOW, UNTIL), ['P1', 'R1'], qualifications);
    expect(coverage.map((c) => [c.shift.start, c.uncovered, c.single])).toEqual([
      ['2026-03-28T13:00:00.000Z', [], [{ station: 'P1', personId: 'dirk' }, { station: 'R1', personId: 'eva' }]],
      // Cleo (O on R1) is not on it: her shift was cancelled; Bram is only L.
      ['2026-03-28T21:00:00.000Z', ['R1'], []]
    ]);
  });

  it('does not count a level that ends during the shift', () => {
    const night2 = [{ crewId: 'team-a', start: night[0], end: night[1], personIds: ['eva'] }];
    expect(shiftCoverage(night2, ['R1'], qualifications)[0].uncovered).toEqual(['R1']);
  });

  it('closes the gap once someone on the shift is signed off at U', () => {
    const signedOff = qualifications.concat([{ personId: 'bram', station: 'R1', level: 'U', validity: valid }]).filter((q) => !(q.personId === 'bram' && q.level === 'L'));
    const coverage = shiftCoverage(crewShifts(roster, [], NOW, UNTIL), ['P1', 'R1'], signedOff);
    expect(coverage[1]).toMatchObject({ uncovered: [], single: [{ station: 'R1', personId: 'bram' }] });
  });
});
