import ICAL from 'ical.js';

import { completeTimezones, generatedVtimezone, resolveIanaZone } from './icalTimezones';
import { offsetMinutesAt, wallTimeAt } from '../../core/zonedTime';

describe('icalTimezones', () => {
  it('resolves IANA ids, prefixed ids and common Windows names', () => {
    expect(resolveIanaZone('Europe/Stockholm')).toBe('Europe/Stockholm');
    expect(resolveIanaZone('/freeassociation.sourceforge.net/Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(resolveIanaZone('/mozilla.org/20050126_1/Europe/Stockholm')).toBe('Europe/Stockholm');
    expect(resolveIanaZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(resolveIanaZone('Middle Earth/Shire')).toBeUndefined();
  });

  it.each(['Europe/Stockholm', 'Europe/Amsterdam', 'Europe/Helsinki', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'])(
    'generates a VTIMEZONE for %s that ical.js reads exactly as Intl does',
    (zone) => {
      const tz = new ICAL.Timezone(generatedVtimezone(zone, zone));
      // Every 3 days, 1 h 13 min over 2001–2039: lands on every hour of the day, both sides of the changes.
      for (let t = Date.parse('2001-01-01T00:00:00Z'); t < Date.parse('2039-12-31T00:00:00Z'); t += 263_580_000) {
        const wall = wallTimeAt(t, zone);
        const time = new ICAL.Time({ ...wall, isDate: false }, tz);
        const expected = offsetMinutesAt(t, zone) * 60;
        if (tz.utcOffset(time) !== expected) {
          // Only in an autumn overlap may ical.js choose the other offset of the same wall time.
          const other = offsetMinutesAt(t + 3_600_000, zone) * 60;
          const earlier = offsetMinutesAt(t - 3_600_000, zone) * 60;
          expect([other, earlier]).toContain(tz.utcOffset(time));
        }
      }
      // And precisely at the 2026 changes of the European zones.
      if (zone.startsWith('Europe/')) {
        const before = new ICAL.Time({ year: 2026, month: 3, day: 29, hour: 0, minute: 30, second: 0, isDate: false }, tz);
        const after = new ICAL.Time({ year: 2026, month: 3, day: 29, hour: 4, minute: 0, second: 0, isDate: false }, tz);
        expect(tz.utcOffset(before) < tz.utcOffset(after)).toBe(true);
      }
    }
  );

  it('adds a definition only for zones the feed uses but does not define, and reports unknown ones', () => {
    const calendar = new ICAL.Component(['vcalendar', [], []]);
    const unknown = completeTimezones(calendar, ['Europe/Stockholm', 'Europe/Amsterdam', 'Nowhere/Land'], ['Europe/Amsterdam']);
    expect(unknown).toEqual(['Nowhere/Land']);
    expect(calendar.getAllSubcomponents('vtimezone').map((c) => c.getFirstPropertyValue('tzid'))).toEqual(['Europe/Stockholm']);
    const night = ICAL.Time.fromData({ year: 2026, month: 3, day: 29, hour: 6, minute: 0, second: 0 }, calendar.getTimeZoneByID('Europe/Stockholm'));
    expect(night.toJSDate().toISOString()).toBe('2026-03-29T04:00:00.000Z');
  });
});
