import { CREWS, CrewDefinition } from '../../../local/tenant/plantModel';
import { crewShiftOn, shiftTimes } from '../../../local/tenant/rosters';
import type { Shift } from '../roster/types';
import {
  defaultRoundLengthDays,
  minimumRoundLength,
  minimumRoundLengthFromShifts,
  minimumRoundLengthOfCrews,
  parseRotation,
  repeatingPeriodDays,
  Rotation,
  RoundLengthResult
} from './roundLength';

const SHIFTS = {
  M: { start: '06:00', end: '14:00' },
  A: { start: '14:00', end: '22:00' },
  N: { start: '22:00', end: '06:00' },
  D: { start: '07:00', end: '19:00' },
  X: { start: '19:00', end: '07:00' }
};

function rotation(codes: string): Rotation {
  const parsed = parseRotation(codes, SHIFTS);
  if (!parsed) {
    throw new Error(`bad rotation ${codes}`);
  }
  return parsed;
}

const days = (result: RoundLengthResult): number | string => (result.ok ? result.minimumDays : result.code);

describe('minimumRoundLength (rotation described day by day)', () => {
  it('a 5-crew continuous pattern (2 mornings, 2 afternoons, 2 nights, 4 off) needs 5 days', () => {
    // Opening on the first rest day: four days off, then a morning 06–14 ends 4 d 14 h later.
    expect(days(minimumRoundLength([rotation('MMAANN----')]))).toBe(5);
  });

  it('a 4-crew 2-2-2-2 continuous pattern needs 3 days, a day-shift-only week 3', () => {
    expect(days(minimumRoundLength([rotation('MMAANN--')]))).toBe(3);
    // Monday to Friday mornings: opening Saturday, Monday's shift ends 2 d 14 h later.
    expect(days(minimumRoundLength([rotation('MMMMM--')]))).toBe(3);
  });

  it('takes the longest of several rotations', () => {
    expect(days(minimumRoundLength([rotation('MMAANN--'), rotation('MMAANN----')]))).toBe(5);
  });

  it('counts only whole shifts: a night running when the round opens does not count', () => {
    // Nights only, every night: opening at midnight, the night that started at 22:00 is half over;
    // the next one ends at 06:00 the day after: 30 hours.
    expect(days(minimumRoundLength([rotation('N')]))).toBe(2);
    // Opening at 22:00 the night is whole: 8 hours.
    expect(days(minimumRoundLength([rotation('N')], '22:00'))).toBe(1);
  });

  it('depends on the time rounds open', () => {
    // 12-hour days and nights, 2 on 2 off 3 on 2 off 2 on 3 off (the "Panama" over 14 days).
    const panama = rotation('DD--DDD--DD---');
    expect(days(minimumRoundLength([panama]))).toBe(4);
    expect(days(minimumRoundLength([panama], '07:00'))).toBe(4);
    expect(days(minimumRoundLength([panama], '20:00'))).toBe(4);
    expect(days(minimumRoundLength([rotation('MMMMM--')], '14:00'))).toBe(3);
  });

  it('is at least one day, even for someone on shift around the clock', () => {
    expect(days(minimumRoundLength([{ days: [{ start: '00:00', end: '00:00' }] }]))).toBe(1);
  });

  it('refuses what cannot be computed, saying which rotation', () => {
    expect(minimumRoundLength([])).toEqual({ ok: false, code: 'noShifts' });
    expect(minimumRoundLength([rotation('MM'), rotation('----')])).toEqual({ ok: false, code: 'noShifts', index: 1 });
    expect(minimumRoundLength([{ days: [] }])).toEqual({ ok: false, code: 'invalidRotation', index: 0 });
    expect(minimumRoundLength([{ days: [{ start: '6:00', end: '14:00' }] }])).toEqual({ ok: false, code: 'invalidRotation', index: 0 });
    expect(minimumRoundLength([rotation('M')], 'midnight')).toEqual({ ok: false, code: 'invalidOpeningTime' });
  });
});

describe('parseRotation', () => {
  it('reads one code a day, - and . as rest days, spaces ignored', () => {
    expect(parseRotation('M- .N', SHIFTS)).toEqual({ days: [SHIFTS.M, undefined, undefined, SHIFTS.N] });
    expect(parseRotation('MMQ', SHIFTS)).toBeUndefined();
  });
});

/** A crew of the demo plant over one period of its pattern, as the local tenant's Teams Shifts has it. */
function demoShifts(crew: CrewDefinition, first: { year: number; month: number; day: number }, periodDays: number): Shift[] {
  const shifts: Shift[] = [];
  for (let offset = 0; offset < periodDays; offset += 1) {
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + offset));
    const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    const kind = crewShiftOn(crew, day);
    if (kind) {
      const { start, end } = shiftTimes(crew.site.timeZone, day, kind);
      shifts.push({ id: `${crew.key}-${offset}`, start: start.toISOString(), end: end.toISOString(), status: 'scheduled' });
    }
  }
  return shifts;
}

describe('minimumRoundLengthFromShifts (the demo plant)', () => {
  // A Monday; three weeks hold a whole period of both of the plant's patterns (8 and 21 days).
  const first = { year: 2026, month: 11, day: 30 };
  const periodOf = (crew: CrewDefinition): number => (crew.line.pattern === 'continuous' ? 8 : 21);
  const minimumFor = (crews: readonly CrewDefinition[], opensAt?: string): number | string =>
    days(
      minimumRoundLengthFromShifts(
        crews.map((crew) => demoShifts(crew, first, periodOf(crew))),
        { periodStart: '2026-11-30', periodDays: periodOf(crews[0]), timeZone: crews[0].site.timeZone, opensAt }
      )
    );

  it('a continuous line (four crews, 2-2-2-2) needs 3 days', () => {
    const weld = CREWS.filter((crew) => crew.line.code === 'GOT-WELD2');
    expect(weld).toHaveLength(4);
    expect(minimumFor(weld)).toBe(3);
    expect(minimumFor(weld, '06:00')).toBe(3);
  });

  it('a weekday line (three crews rotating weekly) needs 4 days: from Saturday to the end of Monday’s night after a week of afternoons', () => {
    const packaging = CREWS.filter((crew) => crew.line.code === 'EIN-PACK');
    expect(packaging).toHaveLength(3);
    expect(minimumFor(packaging)).toBe(4);
    // Opening at 22:00 on the Friday after a week of afternoons, Monday's night ends 3 d 8 h later.
    expect(minimumFor(packaging, '22:00')).toBe(4);
  });

  it('the whole plant: the longest any crew needs, and what HR is shown as the default', () => {
    const byPattern = ['continuous', 'weekday'].map((pattern) => CREWS.filter((crew) => crew.line.pattern === pattern));
    const results = byPattern.map((crews) =>
      minimumRoundLengthFromShifts(
        crews.map((crew) => demoShifts(crew, first, periodOf(crew))),
        { periodStart: '2026-11-30', periodDays: periodOf(crews[0]), timeZone: 'Europe/Stockholm' }
      )
    );
    expect(results.map(days)).toEqual([3, 4]);
    const plant = Math.max(...results.map((r) => (r.ok ? r.minimumDays : 0)));
    expect(defaultRoundLengthDays({ ok: true, minimumDays: plant }, 'monthly')).toBe(4);
  });

  it('is the same across a daylight-saving change (local days, not 24-hour blocks)', () => {
    const weld = CREWS.filter((crew) => crew.line.code === 'GOT-WELD2');
    const autumn = { year: 2026, month: 10, day: 20 };
    const result = minimumRoundLengthFromShifts(
      weld.map((crew) => demoShifts(crew, autumn, 8)),
      { periodStart: '2026-10-20', periodDays: 8, timeZone: 'Europe/Stockholm' }
    );
    expect(days(result)).toBe(3);
  });

  it('leaves out cancelled shifts and shifts outside the period', () => {
    const crew = CREWS.filter((c) => c.line.code === 'GOT-WELD2')[0];
    const shifts = demoShifts(crew, first, 8);
    const cancelled = shifts.map((shift) => ({ ...shift, status: 'cancelled' as const }));
    const period = { periodStart: '2026-11-30', periodDays: 8, timeZone: 'Europe/Stockholm' };
    expect(minimumRoundLengthFromShifts([cancelled], period)).toEqual({ ok: false, code: 'noShifts', index: 0 });
    expect(minimumRoundLengthFromShifts([shifts], { ...period, periodStart: '2027-06-01' })).toEqual({ ok: false, code: 'noShifts', index: 0 });
  });

  it('refuses a bad period, zone or opening time', () => {
    const period = { periodStart: '2026-11-30', periodDays: 8, timeZone: 'Europe/Stockholm' };
    expect(minimumRoundLengthFromShifts([[]], { ...period, periodDays: 0 })).toEqual({ ok: false, code: 'invalidPeriod' });
    expect(minimumRoundLengthFromShifts([[]], { ...period, periodDays: 2.5 })).toEqual({ ok: false, code: 'invalidPeriod' });
    expect(minimumRoundLengthFromShifts([[]], { ...period, periodStart: '30/11/2026' })).toEqual({ ok: false, code: 'invalidPeriod' });
    expect(minimumRoundLengthFromShifts([[]], { ...period, timeZone: 'CET+1' })).toEqual({ ok: false, code: 'invalidTimeZone' });
    expect(minimumRoundLengthFromShifts([[]], { ...period, opensAt: '7' })).toEqual({ ok: false, code: 'invalidOpeningTime' });
    expect(minimumRoundLengthFromShifts([], period)).toEqual({ ok: false, code: 'noShifts' });
  });
});

describe('defaultRoundLengthDays', () => {
  it('is the minimum, or two weeks within the cadence when the roster cannot tell', () => {
    expect(defaultRoundLengthDays({ ok: true, minimumDays: 5 }, 'weekly')).toBe(5);
    expect(defaultRoundLengthDays({ ok: true, minimumDays: 9 }, 'weekly')).toBe(9);
    expect(defaultRoundLengthDays(undefined, 'monthly')).toBe(14);
    expect(defaultRoundLengthDays({ ok: false, code: 'noShifts' }, 'weekly')).toBe(7);
  });
});

describe('minimumRoundLengthOfCrews (an audience from its crews\' own minimums)', () => {
  it('is the longest any crew of the audience needs', () => {
    const continuous = minimumRoundLength([parseRotation('MMAANN--', SHIFTS) as Rotation]);
    const weekday = minimumRoundLength([parseRotation('AAAAA--', SHIFTS) as Rotation]);
    const days = [continuous, weekday].map((result) => (result.ok ? result.minimumDays : undefined));
    expect(minimumRoundLengthOfCrews(days)).toEqual(minimumRoundLength([parseRotation('MMAANN--', SHIFTS) as Rotation, parseRotation('AAAAA--', SHIFTS) as Rotation]));
    expect(minimumRoundLengthOfCrews([3])).toEqual({ ok: true, minimumDays: 3 });
  });

  it('cannot tell for no crew, or for a crew whose roster could not tell, and says which', () => {
    expect(minimumRoundLengthOfCrews([])).toEqual({ ok: false, code: 'noShifts' });
    expect(minimumRoundLengthOfCrews([3, undefined, 4])).toEqual({ ok: false, code: 'noShifts', index: 1 });
    expect(minimumRoundLengthOfCrews([3, 0])).toEqual({ ok: false, code: 'noShifts', index: 1 });
    expect(minimumRoundLengthOfCrews([2.5])).toEqual({ ok: false, code: 'noShifts', index: 0 });
  });
});

describe('repeatingPeriodDays (a crew\'s pattern in four weeks of its schedule)', () => {
  const first = { year: 2026, month: 11, day: 30 };
  const window = (crew: CrewDefinition): { periodStart: string; periodDays: number; timeZone: string } => ({ periodStart: '2026-11-30', periodDays: 28, timeZone: crew.site.timeZone });

  it('finds 8 days for a continuous crew and 21 for a weekday crew, whichever crew of the line', () => {
    CREWS.filter((crew) => crew.line.code === 'GOT-WELD2' || crew.line.code === 'EIN-PACK').forEach((crew) => {
      expect(repeatingPeriodDays(demoShifts(crew, first, 28), window(crew))).toBe(crew.line.pattern === 'continuous' ? 8 : 21);
    });
  });

  it('keeps the shortest round true where four weeks taken as one period would join their end to their start', () => {
    const weld = CREWS.filter((crew) => crew.line.code === 'GOT-WELD2');
    const asWindow = weld.map((crew) => days(minimumRoundLengthFromShifts([demoShifts(crew, first, 28)], window(crew))));
    const asPattern = weld.map((crew) => {
      const shifts = demoShifts(crew, first, 28);
      return days(minimumRoundLengthFromShifts([shifts], { ...window(crew), periodDays: repeatingPeriodDays(shifts, window(crew)) as number }));
    });
    expect(asPattern).toEqual([3, 3, 3, 3]);
    // The wrong way: some crew's four weeks end mid-cycle, and the jump back makes a longer wait.
    expect(Math.max(...(asWindow as number[]))).toBeGreaterThan(3);
  });

  it('finds none in a schedule that never repeats within the window, or in an empty one', () => {
    const crew = CREWS.filter((c) => c.line.code === 'GOT-WELD2')[0];
    const shifts = demoShifts(crew, first, 28).filter((_shift, index) => index !== 12);
    expect(repeatingPeriodDays(shifts, window(crew))).toBeUndefined();
    expect(repeatingPeriodDays([], window(crew))).toBeUndefined();
    expect(repeatingPeriodDays(demoShifts(crew, first, 28), { ...window(crew), timeZone: 'Nowhere/Else' })).toBeUndefined();
  });
});
