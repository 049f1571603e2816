import { expandOccurrences } from './icalOccurrences';
import { parseFeed } from './icalRosterSource';

const YEAR = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') };

function expand(events: string[][], range = YEAR): string[] {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN'];
  for (const event of events) {
    lines.push('BEGIN:VEVENT', ...event, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  const feed = parseFeed(lines.join('\r\n'));
  return expandOccurrences(feed.calendar, range, feed.feedZone)
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))
    .map((o) => `${o.id} ${new Date(o.start).toISOString()} ${new Date(o.end).toISOString()}${o.cancelled ? ' cancelled' : ''}`);
}

describe('expandOccurrences', () => {
  it('reads DURATION as RFC 5545 does: hours exact, days nominal', () => {
    expect(
      expand([
        ['UID:hours', 'DTSTART;TZID=Europe/Stockholm:20260328T220000', 'DURATION:PT8H'],
        ['UID:day', 'DTSTART;TZID=Europe/Stockholm:20260328T220000', 'DURATION:P1D'],
        ['UID:allday', 'DTSTART;VALUE=DATE:20260329']
      ])
    ).toEqual([
      // 22:00 + 1 day is 22:00 the next day (23 h); 22:00 + 8 h is 07:00 CEST.
      'day 2026-03-28T21:00:00.000Z 2026-03-29T20:00:00.000Z',
      'hours 2026-03-28T21:00:00.000Z 2026-03-29T05:00:00.000Z',
      // The feed's one zone (Stockholm) is the zone of its dates: 29 March has 23 hours.
      'allday 2026-03-28T23:00:00.000Z 2026-03-29T22:00:00.000Z'
    ]);
  });

  it('keeps the wall-clock end of a recurring DTEND and lets an override without end inherit it', () => {
    expect(
      expand(
        [
          ['UID:rota', 'DTSTART;TZID=Europe/Amsterdam:20261017T220000', 'DTEND;TZID=Europe/Amsterdam:20261018T060000', 'RRULE:FREQ=WEEKLY;COUNT=3', 'RDATE;TZID=Europe/Amsterdam:20261022T220000'],
          ['UID:rota', 'RECURRENCE-ID;TZID=Europe/Amsterdam:20261031T220000', 'DTSTART;TZID=Europe/Amsterdam:20261031T230000']
        ],
        { start: new Date('2026-10-01T00:00:00Z'), end: new Date('2026-11-30T00:00:00Z') }
      )
    ).toEqual([
      'rota/2026-10-17T20:00:00.000Z 2026-10-17T20:00:00.000Z 2026-10-18T04:00:00.000Z',
      'rota/2026-10-22T20:00:00.000Z 2026-10-22T20:00:00.000Z 2026-10-23T04:00:00.000Z',
      'rota/2026-10-24T20:00:00.000Z 2026-10-24T20:00:00.000Z 2026-10-25T05:00:00.000Z',
      'rota/2026-10-31T21:00:00.000Z 2026-10-31T22:00:00.000Z 2026-11-01T06:00:00.000Z'
    ]);
  });

  it('takes the version with the higher SEQUENCE, then the later DTSTAMP', () => {
    expect(
      expand([
        ['UID:a', 'SEQUENCE:3', 'DTSTAMP:20260101T000000Z', 'DTSTART:20260301T060000Z', 'DTEND:20260301T140000Z'],
        ['UID:a', 'SEQUENCE:2', 'DTSTAMP:20260201T000000Z', 'DTSTART:20260301T070000Z', 'DTEND:20260301T150000Z'],
        ['UID:b', 'DTSTAMP:20260201T000000Z', 'DTSTART:20260302T060000Z', 'DTEND:20260302T140000Z', 'STATUS:CANCELLED'],
        ['UID:b', 'DTSTAMP:20260101T000000Z', 'DTSTART:20260302T060000Z', 'DTEND:20260302T140000Z']
      ])
    ).toEqual(['a 2026-03-01T06:00:00.000Z 2026-03-01T14:00:00.000Z', 'b 2026-03-02T06:00:00.000Z 2026-03-02T14:00:00.000Z cancelled']);
  });

  it('expands an endless rule only up to the range, including an occurrence running into it', () => {
    const shifts = expand([['UID:daily', 'DTSTART:20200101T220000Z', 'DTEND:20200102T060000Z', 'RRULE:FREQ=DAILY']], {
      start: new Date('2026-06-10T02:00:00Z'),
      end: new Date('2026-06-11T00:00:00Z')
    });
    expect(shifts).toEqual([
      'daily/2026-06-09T22:00:00.000Z 2026-06-09T22:00:00.000Z 2026-06-10T06:00:00.000Z',
      'daily/2026-06-10T22:00:00.000Z 2026-06-10T22:00:00.000Z 2026-06-11T06:00:00.000Z'
    ]);
  });
});
