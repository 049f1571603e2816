import { isValidTimeZone, offsetMinutesAt, parseIsoInstant, wallTimeAt, zonedToUtc, zoneTransitions } from './zonedTime';

const iso = (ms: number): string => new Date(ms).toISOString();
const wall = (text: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } => {
  const [date, time = '00:00:00'] = text.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  return { year, month, day, hour, minute, second };
};

describe('zonedTime', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isValidTimeZone('Europe/Stockholm')).toBe(true);
    expect(isValidTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('gives the offset on both sides of the 2026 changes', () => {
    expect(offsetMinutesAt(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Stockholm')).toBe(60);
    expect(offsetMinutesAt(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Stockholm')).toBe(120);
    expect(offsetMinutesAt(Date.parse('2026-10-25T00:59:59Z'), 'Europe/Amsterdam')).toBe(120);
    expect(offsetMinutesAt(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Amsterdam')).toBe(60);
    expect(offsetMinutesAt(Date.parse('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutesAt(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('converts wall time to UTC, DST-correct', () => {
    expect(iso(zonedToUtc(wall('2026-03-28T22:00'), 'Europe/Stockholm'))).toBe('2026-03-28T21:00:00.000Z');
    expect(iso(zonedToUtc(wall('2026-03-29T06:00'), 'Europe/Stockholm'))).toBe('2026-03-29T04:00:00.000Z');
    expect(iso(zonedToUtc(wall('2026-10-24T22:00'), 'Europe/Stockholm'))).toBe('2026-10-24T20:00:00.000Z');
    expect(iso(zonedToUtc(wall('2026-10-25T06:00'), 'Europe/Stockholm'))).toBe('2026-10-25T05:00:00.000Z');
    expect(iso(zonedToUtc(wall('2026-01-15T00:00'), 'Asia/Kolkata'))).toBe('2026-01-14T18:30:00.000Z');
    expect(iso(zonedToUtc(wall('2026-06-01T12:00'), 'UTC'))).toBe('2026-06-01T12:00:00.000Z');
  });

  it('moves a time in the spring gap forward and takes the earlier of an autumn overlap', () => {
    // 02:30 does not exist on 29 March in Stockholm: it reads as 03:30 CEST.
    expect(iso(zonedToUtc(wall('2026-03-29T02:30'), 'Europe/Stockholm'))).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October: the first (CEST) is taken.
    expect(iso(zonedToUtc(wall('2026-10-25T02:30'), 'Europe/Amsterdam'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedToUtc(wall('2026-10-25T03:00'), 'Europe/Amsterdam'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('reads the wall time of an instant', () => {
    expect(wallTimeAt(Date.parse('2026-10-24T22:30:00Z'), 'Europe/Stockholm')).toEqual(wall('2026-10-25T00:30:00'));
    expect(wallTimeAt(Date.parse('2026-03-28T23:00:00Z'), 'Europe/Amsterdam')).toEqual(wall('2026-03-29T00:00:00'));
  });

  it('round-trips every hour of 2026 in Stockholm outside the gap', () => {
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000) {
      const local = wallTimeAt(t, 'Europe/Stockholm');
      const back = zonedToUtc(local, 'Europe/Stockholm');
      // In the overlap hour the earlier instant is returned.
      expect(back === t || back === t - 3_600_000).toBe(true);
    }
  });

  it('finds the transitions of a year to the second', () => {
    const year = zoneTransitions('Europe/Stockholm', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z'));
    expect(year).toEqual([
      { at: Date.parse('2026-03-29T01:00:00Z'), offsetBefore: 60, offsetAfter: 120 },
      { at: Date.parse('2026-10-25T01:00:00Z'), offsetBefore: 120, offsetAfter: 60 }
    ]);
    expect(zoneTransitions('Asia/Kolkata', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z'))).toEqual([]);
  });

  describe('parseIsoInstant', () => {
    it('reads instants with Z or an offset without a zone', () => {
      expect(parseIsoInstant('2026-03-28T21:00:00Z')).toEqual({ ok: true, instant: Date.parse('2026-03-28T21:00:00Z'), dateOnly: false });
      expect(parseIsoInstant('2026-03-29T06:00:00+02:00')).toMatchObject({ ok: true, instant: Date.parse('2026-03-29T04:00:00Z') });
      expect(parseIsoInstant('2026-03-29T06:00:00.250+0200')).toMatchObject({ ok: true, instant: Date.parse('2026-03-29T04:00:00.250Z') });
      expect(parseIsoInstant('2026-03-28 22:00-05')).toMatchObject({ ok: true, instant: Date.parse('2026-03-29T03:00:00Z') });
    });

    it('reads local times and dates in the zone', () => {
      expect(parseIsoInstant('2026-10-24T22:00:00', 'Europe/Amsterdam')).toMatchObject({ ok: true, instant: Date.parse('2026-10-24T20:00:00Z') });
      expect(parseIsoInstant('2026-10-25T06:00', 'Europe/Amsterdam')).toMatchObject({ ok: true, instant: Date.parse('2026-10-25T05:00:00Z') });
      expect(parseIsoInstant('2026-10-27', 'Europe/Amsterdam')).toEqual({ ok: true, instant: Date.parse('2026-10-26T23:00:00Z'), dateOnly: true });
    });

    it('says what is wrong', () => {
      expect(parseIsoInstant('2026-10-24T22:00:00')).toEqual({ ok: false, problem: expect.stringContaining('no UTC offset and no time zone') });
      expect(parseIsoInstant('garbage')).toEqual({ ok: false, problem: '"garbage" is not an ISO 8601 date or date-time' });
      expect(parseIsoInstant('2026-02-30T10:00:00Z')).toEqual({ ok: false, problem: '"2026-02-30T10:00:00Z" is not a real date and time' });
      expect(parseIsoInstant('2026-03-28T25:00:00Z')).toMatchObject({ ok: false });
    });
  });
});
