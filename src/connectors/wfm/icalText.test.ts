import { RosterError } from '../../core/roster/types';
import { checkIcalText, paramValue, parseContentLine, parseIcal, readAllValues, unfold } from './icalText';

const calendar = (...lines: string[]): string => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]): string[] => ['BEGIN:VEVENT', 'UID:e1', ...lines, 'END:VEVENT'];

function problemOf(text: string): string {
  try {
    checkIcalText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(RosterError);
    expect((error as RosterError).code).toBe('malformedFeed');
    return (error as RosterError).message;
  }
  throw new Error('expected the feed to be refused');
}

describe('icalText', () => {
  it('unfolds continuation lines and keeps the first line number', () => {
    expect(unfold('A:1\r\nDESCRIPTION:long\r\n  text\r\n\tmore\r\nB:2')).toEqual([
      { line: 1, text: 'A:1' },
      { line: 2, text: 'DESCRIPTION:long textmore' },
      { line: 5, text: 'B:2' }
    ]);
  });

  it('splits a content line at the first colon outside quotes', () => {
    expect(parseContentLine('ATTENDEE;CN="Li: Chen";PARTSTAT=ACCEPTED:mailto:chen@x.example', 3)).toEqual({
      line: 3,
      name: 'ATTENDEE',
      params: ';CN="Li: Chen";PARTSTAT=ACCEPTED',
      value: 'mailto:chen@x.example'
    });
    expect(parseContentLine('not a line', 1)).toBeUndefined();
    expect(paramValue(';TZID="Europe/Stockholm";VALUE=DATE-TIME', 'tzid')).toBe('Europe/Stockholm');
  });

  it('reports what it learned', () => {
    const facts = checkIcalText(
      calendar('PRODID:-//Quinyx AB//Quinyx WFM//EN', 'X-WR-TIMEZONE:Europe/Stockholm', ...event('DTSTART;TZID=Europe/Amsterdam:20260328T220000', 'DURATION:PT8H', 'RRULE:FREQ=WEEKLY;COUNT=2'))
    );
    expect(facts).toEqual({ tzidsUsed: ['Europe/Amsterdam'], tzidsDefined: [], calendarTimeZone: 'Europe/Stockholm', prodId: '-//Quinyx AB//Quinyx WFM//EN', eventCount: 1 });
  });

  it.each([
    ['an empty answer', '  \r\n', 'the feed is empty'],
    ['an HTML page', '<!DOCTYPE html><html><body>Sign in</body></html>', 'an HTML page'],
    ['JSON', '{"error":"unauthorized"}', 'the answer is JSON'],
    ['a CSV export', 'Employee;Date\nAnna;2026-03-28', 'it does not start with BEGIN:VCALENDAR (found "Employee;Date Anna;2026-03-28")'],
    ['a cut-off feed', ['BEGIN:VCALENDAR', ...event('DTSTART:20260328T2200')].slice(0, 4).join('\n'), 'the feed ends inside BEGIN:VEVENT (line 2) — it is cut off (missing END:VEVENT, END:VCALENDAR)'],
    ['a wrong END', ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20260328T220000', 'END:VTODO', 'END:VCALENDAR'].join('\n'), 'line 4: END:VTODO does not close BEGIN:VEVENT (line 2)'],
    ['a garbage date', calendar(...event('DTSTART;TZID=Europe/Stockholm:2026-13-45T25:99')), 'line 5: DTSTART "2026-13-45T25:99" is not a valid date or date-time'],
    ['an impossible date', calendar(...event('DTSTART:20260230T100000Z')), 'line 5: DTSTART "20260230T100000Z"'],
    ['a bad EXDATE in a list', calendar(...event('DTSTART:20260301T100000Z', 'EXDATE:20260308T100000Z,2026031')), 'line 6: EXDATE'],
    ['a bad duration', calendar(...event('DTSTART:20260301T100000Z', 'DURATION:8 hours')), 'line 6: DURATION "8 hours" is not a duration'],
    ['a bad rule', calendar(...event('DTSTART:20260301T100000Z', 'RRULE:FREQ=SOMETIMES')), 'line 6: RRULE "FREQ=SOMETIMES" cannot be read'],
    ['an event without start', calendar(...event('SUMMARY:Night')), 'line 3: the VEVENT e1 has no DTSTART'],
    ['a line without a colon', calendar('GARBAGE LINE'), 'line 3: "GARBAGE LINE" is not an iCalendar content line'],
    ['content after the end', `${calendar()}\r\nBEGIN:VEVENT`, 'line 4: content after END:VCALENDAR']
  ])('refuses %s with the line and problem', (_name, text, expected) => {
    expect(problemOf(text)).toContain(expected);
  });

  it('names the event of a bad value', () => {
    expect(problemOf(calendar(...event('DTSTART:20261399T000000')))).toMatch(/\(event e1\)$/);
  });
});

describe('readAllValues', () => {
  it('surfaces a value ical.js would only fail on when a query reads it', () => {
    const broken = parseIcal(calendar(...event('DTSTART:20260301T100000Z', 'COMPLETED:yesterday')));
    expect(() => readAllValues(broken.calendar)).toThrow('event e1: COMPLETED cannot be read');
    const fine = parseIcal(calendar(...event('DTSTART:20260301T100000Z', 'RDATE;VALUE=PERIOD:20260308T100000Z/PT8H', 'X-EMPLOYEE-ID:E1')));
    expect(() => readAllValues(fine.calendar)).not.toThrow();
  });
});
