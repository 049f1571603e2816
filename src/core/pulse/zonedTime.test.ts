import {
  addLocalDays,
  addLocalMonths,
  formatLocalDate,
  isTimeZone,
  localDateOf,
  localDaysBetween,
  localMinuteOf,
  parseLocalDate,
  parseLocalTime,
  zonedInstant
} from './zonedTime';

const STOCKHOLM = 'Europe/Stockholm';

describe('zonedInstant', () => {
  it('turns a local day and time into the instant, winter and summer', () => {
    expect(zonedInstant(STOCKHOLM, { year: 2026, month: 1, day: 15 }, 0).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(zonedInstant(STOCKHOLM, { year: 2026, month: 7, day: 15 }, 6 * 60).toISOString()).toBe('2026-07-15T04:00:00.000Z');
    expect(zonedInstant('UTC', { year: 2026, month: 7, day: 15 }, 90).toISOString()).toBe('2026-07-15T01:30:00.000Z');
    expect(zonedInstant('America/New_York', { year: 2026, month: 12, day: 6 }, 0).toISOString()).toBe('2026-12-06T05:00:00.000Z');
  });

  it('keeps local midnight on the days the clocks change', () => {
    // 2026: summer time starts 29 March, ends 25 October in the EU.
    expect(zonedInstant(STOCKHOLM, { year: 2026, month: 3, day: 29 }, 0).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedInstant(STOCKHOLM, { year: 2026, month: 3, day: 30 }, 0).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(zonedInstant(STOCKHOLM, { year: 2026, month: 10, day: 25 }, 0).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(zonedInstant(STOCKHOLM, { year: 2026, month: 10, day: 26 }, 0).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('moves a skipped time on by the gap and takes the first of a repeated time', () => {
    expect(zonedInstant(STOCKHOLM, { year: 2026, month: 3, day: 29 }, 2 * 60 + 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant(STOCKHOLM, { year: 2026, month: 10, day: 25 }, 2 * 60 + 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('local days', () => {
  it('reads the local day and minute of an instant', () => {
    expect(localDateOf(STOCKHOLM, new Date('2026-12-06T23:30:00Z'))).toEqual({ year: 2026, month: 12, day: 7 });
    expect(localMinuteOf(STOCKHOLM, new Date('2026-12-06T23:30:00Z'))).toBe(30);
    expect(localMinuteOf(STOCKHOLM, new Date('2026-07-06T04:15:00Z'))).toBe(6 * 60 + 15);
  });

  it('adds days and months by the calendar, a missing day becoming the month’s last', () => {
    expect(addLocalDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2 });
    expect(addLocalMonths({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addLocalMonths({ year: 2028, month: 1, day: 31 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addLocalMonths({ year: 2026, month: 1, day: 31 }, 2)).toEqual({ year: 2026, month: 3, day: 31 });
    expect(addLocalMonths({ year: 2026, month: 11, day: 15 }, 3)).toEqual({ year: 2027, month: 2, day: 15 });
    expect(localDaysBetween({ year: 2026, month: 3, day: 1 }, { year: 2026, month: 4, day: 1 })).toBe(31);
  });

  it('parses only real days and times', () => {
    expect(parseLocalDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseLocalDate('2026-02-29')).toBeUndefined();
    expect(parseLocalDate('2026-2-1')).toBeUndefined();
    expect(parseLocalDate(20260201)).toBeUndefined();
    expect(formatLocalDate({ year: 2026, month: 2, day: 8 })).toBe('2026-02-08');
    expect(parseLocalTime('06:00')).toBe(360);
    expect(parseLocalTime('23:59')).toBe(1439);
    expect(parseLocalTime('24:00')).toBeUndefined();
    expect(parseLocalTime('6:00')).toBeUndefined();
    expect(parseLocalTime(undefined)).toBeUndefined();
  });

  it('knows an IANA zone from a made-up one', () => {
    expect(isTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});
