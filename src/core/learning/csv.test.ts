import type { ShiftCoverage } from './coverage';
import { csvOf } from '../text/csv';
import { coverageCsvRows } from './csv';

describe('coverage export', () => {
  const coverage: ShiftCoverage[] = [
    {
      shift: { crewId: 'team-a', start: '2026-03-28T21:00:00.000Z', end: '2026-03-29T04:00:00.000Z', label: 'Natt 22–06', personIds: ['anna', 'bram'] },
      uncovered: ['R1'],
      single: [{ station: 'P1', personId: 'bram' }]
    },
    { shift: { crewId: 'team-a', start: '2026-03-29T04:00:00.000Z', end: '2026-03-29T12:00:00.000Z', personIds: ['dirk'] }, uncovered: [], single: [] }
  ];
  const words = { headers: ['Start', 'End', 'Shift', 'Crew', 'Station', 'Gap', 'Person'] as const, nobody: 'Nobody qualified', single: 'Only one qualified' };
  const names = { crew: () => 'Crew A', station: (code: string) => (code === 'P1' ? 'Press 1' : 'Robot cell'), person: () => '=cmd|calc' };

  it('has exactly the gaps, one row each, in the plant local time, with names neutralised', () => {
    expect(coverageCsvRows(coverage, words, names, 'Europe/Amsterdam')).toEqual([
      ['Start', 'End', 'Shift', 'Crew', 'Station', 'Gap', 'Person'],
      ['2026-03-28 22:00', '2026-03-29 06:00', 'Natt 22–06', 'Crew A', 'Robot cell', 'Nobody qualified', ''],
      ['2026-03-28 22:00', '2026-03-29 06:00', 'Natt 22–06', 'Crew A', 'Press 1', 'Only one qualified', '=cmd|calc']
    ]);
    expect(csvOf(coverageCsvRows(coverage, words, names, 'Europe/Amsterdam'))).toContain(",'=cmd|calc\r\n");
  });
});
