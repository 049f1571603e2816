import { buildMatrix, MatrixSkill } from './matrix';

const AMS = 'Europe/Amsterdam';
const NOW = new Date('2026-03-10T08:00:00Z');
const people = [
  { id: 1, displayName: 'Anna' },
  { id: 2, displayName: 'Bram' }
];
const stations = [
  { code: 'P1', name: 'Press 1' },
  { code: 'P2', name: 'Press 2' },
  { code: 'R1', name: 'Robot cell' }
];
const skills: MatrixSkill[] = [
  { personId: 1, station: 'P1', level: 'U', lapseDays: 0 },
  { personId: 1, station: 'p2', level: 'O', expiresAt: '2026-03-20T08:00:00Z', lapseDays: 0 },
  { personId: 1, station: 'R1', level: 'U', expiresAt: '2026-03-01T08:00:00Z', lapseDays: 0 },
  { personId: 2, station: 'P1', level: 'L', lapseDays: 0 },
  { personId: 2, station: 'R1', level: 'O', assessedAt: '2025-10-01T08:00:00Z', lastPractisedAt: '2025-12-01T08:00:00Z', lapseDays: 90 },
  { personId: 3, station: 'P1', level: 'O', lapseDays: 0 }
];

describe('crew skills matrix', () => {
  it('shows people × stations with levels, expiring and ended cells marked, and who covers each', () => {
    const matrix = buildMatrix(people, stations, skills, NOW, AMS, 30);
    expect(matrix.rows.map((row) => [row.person.id, row.cells.map((c) => `${c.level ?? '-'}:${c.state}:${c.qualified ? 'q' : ''}`)])).toEqual([
      [1, ['U:valid:q', 'O:expiring:q', 'U:expired:']],
      [2, ['L:valid:', '-:none:', 'O:lapsed:']]
    ]);
    expect(matrix.rows[0].cells[1].validUntil).toBe('2026-03-20T08:00:00.000Z');
    // Lapsed 90 local days after the last practice (1 December, 09:00 CET): 1 March 09:00 CET.
    expect(matrix.rows[1].cells[2].validUntil).toBe('2026-03-01T08:00:00.000Z');
  });
});
