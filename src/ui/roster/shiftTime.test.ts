import { clock, dayLabel, leavePeriod, leaveUntil, localDayNumber, shiftTimes, shiftWhen } from './shiftTime';

const STOCKHOLM = 'Europe/Stockholm';
const AMSTERDAM = 'Europe/Amsterdam';
const en = { locale: 'en-us', timeZone: STOCKHOLM };
const nl = { locale: 'nl-nl', timeZone: AMSTERDAM };
const sv = { locale: 'sv-se', timeZone: STOCKHOLM };

/** Thursday 22 Oct 2026, 10:00 in Stockholm (CEST, UTC+2). */
const NOW = new Date('2026-10-22T08:00:00Z');

describe('shiftWhen', () => {
  it('shows a day shift as weekday and times: "Mon 06:00–14:00"', () => {
    // Monday 26 Oct 2026, after the change to CET (UTC+1).
    expect(shiftWhen(new Date('2026-10-26T05:00:00Z'), new Date('2026-10-26T13:00:00Z'), en, NOW)).toBe('Mon 06:00–14:00');
  });

  it('shows a night shift across midnight with both days: "Sat 22:00 – Sun 06:00"', () => {
    // 24–25 Oct 2026: DST ends at 03:00 in the night, so the shift is 9 hours long (20:00Z–05:00Z).
    const start = new Date('2026-10-24T20:00:00Z');
    const end = new Date('2026-10-25T05:00:00Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(9);
    expect(shiftWhen(start, end, en, NOW)).toBe('Sat 22:00 – Sun 06:00');
    expect(shiftWhen(start, end, sv, NOW)).toBe('lör 22:00 – sön 06:00');
  });

  it('keeps wall-clock times across the spring change (a 7-hour night)', () => {
    // 28–29 Mar 2026: clocks go forward at 02:00 (21:00Z–04:00Z).
    const now = new Date('2026-03-26T08:00:00Z');
    expect(shiftWhen(new Date('2026-03-28T21:00:00Z'), new Date('2026-03-29T04:00:00Z'), nl, now)).toBe('za 22:00 – zo 06:00');
  });

  it('uses the person’s time zone, not UTC: the same instant is another day elsewhere', () => {
    const start = new Date('2026-10-24T22:30:00Z');
    const end = new Date('2026-10-25T06:30:00Z');
    expect(shiftWhen(start, end, { locale: 'en-us', timeZone: 'UTC' }, NOW)).toBe('Sat 22:30 – Sun 06:30');
    expect(shiftWhen(start, end, { locale: 'en-us', timeZone: 'Asia/Tokyo' }, NOW)).toBe('Sun 07:30–15:30');
  });

  it('adds the date once the shift is a week or more away', () => {
    const start = new Date('2026-10-29T13:00:00Z');
    const end = new Date('2026-10-29T21:00:00Z');
    expect(shiftWhen(start, end, en, NOW)).toBe('Thu, Oct 29 14:00–22:00');
    expect(shiftWhen(start, end, nl, NOW)).toBe('do 29 okt 14:00–22:00');
    expect(shiftWhen(new Date('2026-10-28T13:00:00Z'), new Date('2026-10-28T21:00:00Z'), en, NOW)).toBe('Wed 14:00–22:00');
  });

  it('treats a shift ending at midnight as ending on its own day', () => {
    expect(shiftWhen(new Date('2026-10-23T14:00:00Z'), new Date('2026-10-23T22:00:00Z'), en, NOW)).toBe('Fri 16:00–00:00');
  });
});

describe('clock and days', () => {
  it('writes 24-hour times in every language, midnight as 00:00', () => {
    expect(clock(new Date('2026-10-22T22:00:00Z'), STOCKHOLM)).toBe('00:00');
    expect(clock(new Date('2026-10-22T12:05:00Z'), AMSTERDAM)).toBe('14:05');
  });

  it('counts local calendar days, not 24-hour periods', () => {
    const lateSaturday = new Date('2026-10-24T21:59:00Z'); // 23:59 CEST
    const earlySunday = new Date('2026-10-24T22:01:00Z'); // 00:01 CEST
    expect(localDayNumber(earlySunday, STOCKHOLM) - localDayNumber(lateSaturday, STOCKHOLM)).toBe(1);
  });

  it('shows only times for the quick view: "22:00 – Sun 06:00"', () => {
    expect(shiftTimes(new Date('2026-10-24T20:00:00Z'), new Date('2026-10-25T05:00:00Z'), en)).toBe('22:00 – Sun 06:00');
    expect(shiftTimes(new Date('2026-10-26T05:00:00Z'), new Date('2026-10-26T13:00:00Z'), en)).toBe('06:00–14:00');
  });
});

describe('leave', () => {
  // Leave from Mon 2 Nov to Fri 6 Nov 2026 inclusive: local midnights, end exclusive.
  const start = new Date('2026-11-01T23:00:00Z');
  const end = new Date('2026-11-06T23:00:00Z');

  it('names the last day of leave, not the midnight it ends at', () => {
    expect(leaveUntil(end, en)).toBe('Fri, Nov 6');
    expect(leaveUntil(end, sv)).toBe('fre 6 nov.');
  });

  it('names the day and time when leave ends during a day', () => {
    expect(leaveUntil(new Date('2026-11-06T11:00:00Z'), en)).toBe('Fri, Nov 6 12:00');
  });

  it('shows periods of whole days, and a single day once', () => {
    expect(leavePeriod(start, end, en)).toBe('Mon, Nov 2 – Fri, Nov 6');
    expect(leavePeriod(start, new Date('2026-11-02T23:00:00Z'), nl)).toBe(dayLabel(start, nl));
    expect(leavePeriod(start, new Date('2026-11-02T23:00:00Z'), nl)).toBe('ma 2 nov');
  });
});
