import type { ShiftCoverage } from './coverage';
import { coverageCsvRows, csvCell, toCsv } from './csv';

describe('CSV that is safe to open', () => {
  it('neutralises cells a spreadsheet would read as a formula', () => {
    expect(['=1+1', '+31 6', '-2', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+31 6", "'-2", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });

  it('quotes commas, quotes and line breaks, and leaves plain text as it is', () => {
    expect(csvCell('Press 1, Göteborg')).toBe('"Press 1, Göteborg"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Pers 1 – Eindhoven')).toBe('Pers 1 – Eindhoven');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it('writes a UTF-8 document with a byte order mark and CRLF lines', () => {
    expect(toCsv([['a', 'b'], ['=c', 'd']])).toBe("\uFEFFa,b\r\n'=c,d\r\n");
  });
});

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
    expect(toCsv(coverageCsvRows(coverage, words, names, 'Europe/Amsterdam'))).toContain(",'=cmd|calc\r\n");
  });
});
