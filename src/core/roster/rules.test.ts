import { currentShift, DEFAULT_PROMPT_SETTINGS, inQuietHours, localMinutes, mayPromptNow, nextShift } from './rules';
import type { Shift, TimeOff } from './types';

function shift(id: string, start: string, end: string, status: Shift['status'] = 'scheduled'): Shift {
  return { id, start, end, status };
}

// Night shift 22:00–06:00 Europe/Stockholm over the end of summer time (25 Oct 2026, 03:00 CEST → 02:00 CET):
// 22:00 CEST = 20:00Z, 06:00 CET = 05:00Z, so it lasts 9 hours.
const autumnNight = shift('n1', '2026-10-24T20:00:00Z', '2026-10-25T05:00:00Z');
// Night shift over the start of summer time (29 Mar 2026, 02:00 CET → 03:00 CEST): 21:00Z to 04:00Z, 7 hours.
const springNight = shift('n2', '2026-03-28T21:00:00Z', '2026-03-29T04:00:00Z');
const morning = shift('m1', '2026-10-26T05:00:00Z', '2026-10-26T13:00:00Z');

describe('current and next shift', () => {
  it('is on the night shift just after midnight, and the next one is the following morning', () => {
    const now = new Date('2026-10-24T23:30:00Z');
    expect(currentShift([autumnNight, morning], now)?.id).toBe('n1');
    expect(nextShift([autumnNight, morning], now)?.id).toBe('m1');
  });

  it('treats the start as inside and the end as outside the shift', () => {
    expect(currentShift([morning], new Date('2026-10-26T05:00:00Z'))?.id).toBe('m1');
    expect(currentShift([morning], new Date('2026-10-26T13:00:00Z'))).toBeUndefined();
  });

  it('ignores cancelled shifts', () => {
    const cancelled = shift('c', '2026-10-26T05:00:00Z', '2026-10-26T13:00:00Z', 'cancelled');
    expect(nextShift([cancelled], new Date('2026-10-25T12:00:00Z'))).toBeUndefined();
  });
});

describe('may we prompt this person now?', () => {
  const settings = { ...DEFAULT_PROMPT_SETTINGS, startGraceMinutes: 15, endGraceMinutes: 15 };

  it('prompts in the middle of a night shift that crosses midnight and the DST change', () => {
    const decision = mayPromptNow(new Date('2026-10-25T01:30:00Z'), [autumnNight], [], settings);
    expect(decision).toEqual({ allowed: true, shift: autumnNight });
  });

  it('does not prompt in the first or last minutes of the shift', () => {
    expect(mayPromptNow(new Date('2026-10-24T20:10:00Z'), [autumnNight], [], settings)).toEqual({ allowed: false, reason: 'shiftStarting' });
    expect(mayPromptNow(new Date('2026-10-25T04:50:00Z'), [autumnNight], [], settings)).toEqual({ allowed: false, reason: 'shiftEnding' });
    expect(mayPromptNow(new Date('2026-10-25T04:44:00Z'), [autumnNight], [], settings).allowed).toBe(true);
  });

  it('never prompts off shift or on rest days', () => {
    expect(mayPromptNow(new Date('2026-10-25T12:00:00Z'), [autumnNight, morning], [], settings)).toEqual({ allowed: false, reason: 'notOnShift' });
  });

  it('never prompts on leave, even when a shift is still rostered', () => {
    const leave: TimeOff = { id: 'v', start: '2026-10-24T00:00:00Z', end: '2026-10-27T00:00:00Z', reason: 'vacation' };
    expect(mayPromptNow(new Date('2026-10-25T01:30:00Z'), [autumnNight], [leave], settings)).toEqual({ allowed: false, reason: 'onLeave' });
  });

  it('respects quiet hours that cross midnight, in the plant\'s time zone across DST', () => {
    const quiet = { ...settings, quietHours: [{ start: '02:00', end: '04:00', timeZone: 'Europe/Stockholm' }] };
    // 01:30Z on 29 March is 03:30 CEST (summer time began at 02:00 → 03:00): quiet.
    expect(mayPromptNow(new Date('2026-03-29T01:30:00Z'), [springNight], [], quiet)).toEqual({ allowed: false, reason: 'quietHours' });
    // 02:30Z is 04:30 CEST: no longer quiet.
    expect(mayPromptNow(new Date('2026-03-29T02:30:00Z'), [springNight], [], quiet).allowed).toBe(true);
  });
});

describe('local time in a zone', () => {
  it('follows daylight saving time', () => {
    expect(localMinutes(new Date('2026-07-01T10:00:00Z'), 'Europe/Amsterdam')).toBe(12 * 60);
    expect(localMinutes(new Date('2026-12-01T10:00:00Z'), 'Europe/Amsterdam')).toBe(11 * 60);
    expect(localMinutes(new Date('2026-12-01T23:00:00Z'), 'Europe/Stockholm')).toBe(0);
  });

  it('handles a quiet period that wraps midnight', () => {
    const q = { start: '22:00', end: '06:00', timeZone: 'Europe/Stockholm' };
    expect(inQuietHours(new Date('2026-12-01T22:30:00Z'), q)).toBe(true);
    expect(inQuietHours(new Date('2026-12-01T12:00:00Z'), q)).toBe(false);
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => inQuietHours(new Date(), { start: '25:00', end: '06:00', timeZone: 'Europe/Stockholm' })).toThrow(RangeError);
  });
});
