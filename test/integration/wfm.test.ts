/**
 * The iCalendar roster source over real HTTP (axios → node:http on 127.0.0.1): Quinyx, Planday
 * and UKG style exports around the 2026 DST changes, rotas with cancelled and moved
 * occurrences, crew feeds, retries and failures, and the last good roster kept.
 */
import axios from 'axios';

import { RosterService } from '../../src/core/roster/rosterService';
import { RosterError, Shift, TimeRange } from '../../src/core/roster/types';
import { IcalRosterOptions, IcalRosterSource, ParsedFeed } from '../../src/connectors/wfm/icalRosterSource';
import { LastGoodStore } from '../../src/connectors/wfm/feedFetcher';
import { FeedServer } from '../fixtures/wfm/feedServer';

const ANNA = 'anna.svensson@contoso-plant.example';
const FAST = { retry: { baseDelayMs: 5 } };

let server: FeedServer;

beforeAll(async () => {
  server = await FeedServer.start();
  server.serve('/quinyx/anna.ics?token=s3cret', { fixture: 'quinyx-personal-stockholm.ics' });
  server.serve('/planday/bram.ics', { fixture: 'planday-rota-amsterdam.ics' });
  server.serve('/planday/floating.ics', { fixture: 'planday-personal-floating.ics' });
  server.serve('/ukg/weld-2.ics', { fixture: 'ukg-crew-stockholm.ics' });
});

afterAll(async () => {
  await server.close();
});

function range(from: string, to: string): TimeRange {
  return { start: new Date(from), end: new Date(to) };
}

function source(path: string, options: Partial<IcalRosterOptions> = {}): IcalRosterSource {
  return new IcalRosterSource({ url: server.url(path), ...FAST, ...options }, axios.create());
}

const brief = (s: Shift): string => `${s.id} ${s.start} ${s.end} ${s.status}`;
const hours = (s: { start: string; end: string }): number => (Date.parse(s.end) - Date.parse(s.start)) / 3_600_000;

describe('a personal Quinyx feed (Europe/Stockholm with VTIMEZONE)', () => {
  it('gives shifts as UTC instants, 7 h on the March night, cancelled ones included', async () => {
    const shifts = await source('/quinyx/anna.ics?token=s3cret', { personId: 'aad-anna' }).myShifts(range('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'));
    expect(shifts.map(brief)).toEqual([
      'q-shift-1001@quinyx.com 2026-03-28T21:00:00.000Z 2026-03-29T04:00:00.000Z scheduled',
      'q-shift-1002@quinyx.com 2026-03-30T04:00:00.000Z 2026-03-30T12:00:00.000Z scheduled',
      'q-shift-1005@quinyx.com 2026-03-31T12:00:00.000Z 2026-03-31T20:00:00.000Z cancelled',
      'q-shift-1006@quinyx.com 2026-04-01T04:00:00.000Z 2026-04-01T12:00:00.000Z scheduled'
    ]);
    expect(hours(shifts[0])).toBe(7);
    expect(shifts[0]).toEqual({
      id: 'q-shift-1001@quinyx.com',
      personId: 'aad-anna',
      start: '2026-03-28T21:00:00.000Z',
      end: '2026-03-29T04:00:00.000Z',
      label: 'Natt – Svets cell 2',
      notes: 'Nattskift. Klockan ställs fram en timme natten mot söndag – skiftet är 7 timmar.',
      status: 'scheduled'
    });
  });

  it('gives 9 h on the October night and reads DURATION', async () => {
    const shifts = await source('/quinyx/anna.ics?token=s3cret').myShifts(range('2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z'));
    expect(shifts.map(brief)).toEqual([
      'q-shift-1003@quinyx.com 2026-10-24T20:00:00.000Z 2026-10-25T05:00:00.000Z scheduled',
      'q-shift-1004@quinyx.com 2026-10-26T05:00:00.000Z 2026-10-26T13:00:00.000Z scheduled'
    ]);
    expect(shifts.map(hours)).toEqual([9, 8]);
  });

  it('gives marked all-day events as time off and ignores unmarked ones', async () => {
    const feed = source('/quinyx/anna.ics?token=s3cret');
    expect(await feed.myTimeOff(range('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'))).toEqual([
      { id: 'q-leave-2001@quinyx.com', start: '2026-04-05T22:00:00.000Z', end: '2026-04-08T22:00:00.000Z', reason: 'Semester' }
    ]);
    const shifts = await feed.myShifts(range('2026-04-09T00:00:00Z', '2026-04-12T00:00:00Z'));
    expect(shifts).toEqual([]);
  });

  it('accepts a custom time-off predicate', async () => {
    const feed = source('/quinyx/anna.ics?token=s3cret', { timeOff: { isTimeOff: (e) => e.summary === 'Öppet hus på fabriken' } });
    const off = await feed.myTimeOff(range('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'));
    expect(off.map((o) => [o.id, o.start, o.end])).toEqual([['q-info-3001@quinyx.com', '2026-04-09T22:00:00.000Z', '2026-04-10T22:00:00.000Z']]);
  });

  it('answers "my next shift" through RosterService with one read of the feed', async () => {
    server.serve('/quinyx/once.ics', { fixture: 'quinyx-personal-stockholm.ics' });
    const feed = source('/quinyx/once.ics');
    const view = await new RosterService(feed, () => new Date('2026-03-28T12:00:00Z')).nextShiftView(14);
    expect(view.next?.id).toBe('q-shift-1001@quinyx.com');
    expect(view.current).toBeUndefined();
    expect(view.crew).toEqual([]);
    expect(view.timeOff.map((o) => o.id)).toEqual(['q-leave-2001@quinyx.com']);
    expect(server.requests('/quinyx/once.ics')).toHaveLength(1);
    expect(server.requests('/quinyx/once.ics')[0].accept).toContain('text/calendar');
  });
});

describe('a Planday weekly rota (Europe/Amsterdam, RRULE)', () => {
  it('expands the series with the cancelled, moved and excluded occurrences', async () => {
    const shifts = await source('/planday/bram.ics').myShifts(range('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'));
    const id = (utc: string): string => `pd-rota-77@planday.com/${utc}`;
    expect(shifts.map(brief)).toEqual([
      `${id('2026-03-07T21:00:00.000Z')} 2026-03-07T21:00:00.000Z 2026-03-08T05:00:00.000Z scheduled`,
      `${id('2026-03-14T21:00:00.000Z')} 2026-03-14T21:00:00.000Z 2026-03-15T05:00:00.000Z scheduled`,
      `${id('2026-03-21T21:00:00.000Z')} 2026-03-21T21:00:00.000Z 2026-03-22T05:00:00.000Z cancelled`,
      // The clocks go forward: 22:00–06:00 is 7 h.
      `${id('2026-03-28T21:00:00.000Z')} 2026-03-28T21:00:00.000Z 2026-03-29T04:00:00.000Z scheduled`,
      `${id('2026-04-04T20:00:00.000Z')} 2026-04-04T20:00:00.000Z 2026-04-05T04:00:00.000Z scheduled`,
      // Moved to Friday by SEQUENCE 2; the SEQUENCE 1 version (Sunday) later in the file loses.
      `${id('2026-04-11T20:00:00.000Z')} 2026-04-10T20:00:00.000Z 2026-04-11T04:00:00.000Z scheduled`,
      // 18 April is an EXDATE.
      `${id('2026-04-25T20:00:00.000Z')} 2026-04-25T20:00:00.000Z 2026-04-26T04:00:00.000Z scheduled`
    ]);
    expect(shifts.find((s) => s.status === 'cancelled')?.label).toBe('Nacht – Inpaklijn 2 (vervallen)');
    expect(shifts[5].label).toBe('Nacht – Inpaklijn 2 (verplaatst naar vrijdag)');
  });

  it('finds a moved occurrence by its new time only', async () => {
    const feed = source('/planday/bram.ics');
    expect((await feed.myShifts(range('2026-04-10T12:00:00Z', '2026-04-11T12:00:00Z'))).map((s) => s.start)).toEqual(['2026-04-10T20:00:00.000Z']);
    expect(await feed.myShifts(range('2026-04-12T12:00:00Z', '2026-04-13T12:00:00Z'))).toEqual([]);
  });

  it('gives 9 h across the October change and stops at a UTC UNTIL', async () => {
    const shifts = await source('/planday/bram.ics').myShifts(range('2026-10-01T00:00:00Z', '2026-12-01T00:00:00Z'));
    expect(shifts.map((s) => [s.start, s.end, hours(s)])).toEqual([
      ['2026-10-17T20:00:00.000Z', '2026-10-18T04:00:00.000Z', 8],
      ['2026-10-24T20:00:00.000Z', '2026-10-25T05:00:00.000Z', 9],
      ['2026-10-31T21:00:00.000Z', '2026-11-01T05:00:00.000Z', 8]
    ]);
  });

  it('reads floating times in X-WR-TIMEZONE, prefixed TZIDs without VTIMEZONE, UTC, and OOF as time off', async () => {
    const feed = source('/planday/floating.ics');
    const shifts = await feed.myShifts(range('2026-03-01T00:00:00Z', '2026-12-01T00:00:00Z'));
    expect(shifts.map((s) => [s.id, s.start, s.end])).toEqual([
      ['pd-9002@planday.com', '2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z'],
      ['pd-9001@planday.com', '2026-10-24T20:00:00.000Z', '2026-10-25T05:00:00.000Z'],
      ['pd-9003@planday.com', '2026-10-26T05:00:00.000Z', '2026-10-26T13:00:00.000Z']
    ]);
    expect((await feed.myTimeOff(range('2026-10-01T00:00:00Z', '2026-12-01T00:00:00Z'))).map((o) => [o.start, o.end, o.reason])).toEqual([
      ['2026-10-26T23:00:00.000Z', '2026-10-27T23:00:00.000Z', 'Ziek']
    ]);
  });

  it('reads floating times in the configured zone when one is given', async () => {
    const shifts = await source('/planday/floating.ics', { timeZone: 'UTC' }).myShifts(range('2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'));
    expect(shifts.map((s) => [s.start, s.end])).toEqual([['2026-10-24T22:00:00.000Z', '2026-10-25T06:00:00.000Z']]);
  });
});

describe('a UKG crew feed (TZID Europe/Stockholm without VTIMEZONE)', () => {
  const march = range('2026-03-01T00:00:00Z', '2026-04-30T00:00:00Z');

  it('keeps the events of the person by ATTENDEE, or ORGANIZER when there are no attendees', async () => {
    const shifts = await source('/ukg/weld-2.ics', { personMatch: { email: 'Anna.Svensson@contoso-plant.example' } }).myShifts(range('2026-03-01T00:00:00Z', '2026-11-01T00:00:00Z'));
    expect(shifts.map((s) => [s.id, s.start, s.end, s.crewId])).toEqual([
      ['ukg-5001@ukg.example', '2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z', 'weld-2'],
      ['ukg-5009@ukg.example', '2026-03-30T06:00:00.000Z', '2026-03-30T10:00:00.000Z', undefined],
      ['ukg-5006@ukg.example', '2026-10-24T20:00:00.000Z', '2026-10-25T05:00:00.000Z', 'weld-2']
    ]);
  });

  it('keeps the events of the person by a configurable employee id property', async () => {
    const byId = await source('/ukg/weld-2.ics', { personMatch: { employeeId: 'E1001' } }).myShifts(march);
    expect(byId.map((s) => s.id)).toEqual(['ukg-5001@ukg.example']);
    const byOther = await source('/ukg/weld-2.ics', { personMatch: { employeeId: 'weld-2', employeeIdProperty: 'X-CREW-ID' } }).myShifts(march);
    expect(byOther.map((s) => s.id)).toEqual(['ukg-5003@ukg.example', 'ukg-5001@ukg.example', 'ukg-5002@ukg.example', 'ukg-5004@ukg.example']);
  });

  it('lists the crew overlapping a shift: not me, not adjacent shifts, not people on leave or who declined', async () => {
    const feed = source('/ukg/weld-2.ics', { personMatch: { email: ANNA } });
    const [night] = await feed.myShifts(range('2026-03-28T00:00:00Z', '2026-03-29T00:00:00Z'));
    const crew = await feed.crewOnShift(night);
    expect(crew).toEqual([
      { personId: 'bram.devries@contoso-plant.example', displayName: 'Bram de Vries' },
      { personId: 'E1004', displayName: 'Dana Karlsson' }
    ]);
    const [october] = await feed.myShifts(range('2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'));
    expect(await feed.crewOnShift(october)).toEqual([
      { personId: 'bram.devries@contoso-plant.example', displayName: 'Bram de Vries' },
      { personId: 'chen.li@contoso-plant.example', displayName: 'Li, Chen' }
    ]);
  });

  it('answers the crew through RosterService, sorted by name', async () => {
    const feed = source('/ukg/weld-2.ics', { personMatch: { email: ANNA } });
    const view = await new RosterService(feed, () => new Date('2026-03-28T12:00:00Z')).nextShiftView(7);
    expect(view.next?.id).toBe('ukg-5001@ukg.example');
    expect(view.crew.map((c) => c.displayName)).toEqual(['Bram de Vries', 'Dana Karlsson']);
  });

  it('lists no crew for a personal feed', async () => {
    const feed = source('/quinyx/anna.ics?token=s3cret');
    const [night] = await feed.myShifts(march);
    expect(await feed.crewOnShift(night)).toEqual([]);
  });
});

describe('HTTP behaviour', () => {
  async function failure(feed: IcalRosterSource): Promise<RosterError> {
    try {
      await feed.myShifts(range('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'));
    } catch (error) {
      expect(error).toBeInstanceOf(RosterError);
      return error as RosterError;
    }
    throw new Error('expected the read to fail');
  }

  it('retries a 503 after its Retry-After, then succeeds', async () => {
    server.serve('/busy.ics', { status: 503, headers: { 'Retry-After': '1' } }, { fixture: 'quinyx-personal-stockholm.ics' });
    const shifts = await source('/busy.ics').myShifts(range('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'));
    expect(shifts.map((s) => s.id)).toEqual(['q-shift-1001@quinyx.com']);
    const [first, second] = server.requests('/busy.ics');
    expect(server.requests('/busy.ics')).toHaveLength(2);
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up on 429 after three attempts, with growing pauses', async () => {
    server.serve('/throttled.ics', { status: 429, headers: { 'Retry-After': '0' } });
    const error = await failure(source('/throttled.ics', { retry: { baseDelayMs: 40 } }));
    expect(error.code).toBe('throttled');
    expect(error.message).toContain('(after 3 attempts)');
    const times = server.requests('/throttled.ics').map((r) => r.at);
    expect(times).toHaveLength(3);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(35);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(75);
  });

  it('does not wait for a Retry-After longer than it accepts', async () => {
    server.serve('/maintenance.ics', { status: 503, headers: { 'Retry-After': '3600' } });
    const error = await failure(source('/maintenance.ics'));
    expect(error.code).toBe('throttled');
    expect(error.message).toContain('asks to wait 3600 s');
    expect(server.requests('/maintenance.ics')).toHaveLength(1);
  });

  it('retries a dropped connection, and reports network after three drops', async () => {
    server.serve('/drop-once.ics', { drop: true }, { fixture: 'quinyx-personal-stockholm.ics' });
    expect(await source('/drop-once.ics').myShifts(range('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'))).toHaveLength(1);
    expect(server.requests('/drop-once.ics')).toHaveLength(2);
    server.serve('/drop.ics', { drop: true });
    expect((await failure(source('/drop.ics'))).code).toBe('network');
    expect(server.requests('/drop.ics')).toHaveLength(3);
  });

  it('times out a feed that does not answer', async () => {
    server.serve('/silent.ics', { hang: true });
    const error = await failure(source('/silent.ics', { timeoutMs: 300 }));
    expect(error.code).toBe('network');
    expect(error.message).toContain('did not answer within 300 ms');
    expect(server.requests('/silent.ics')).toHaveLength(1);
  });

  it.each([
    [401, 'accessDenied'],
    [403, 'accessDenied'],
    [404, 'notFound'],
    [500, 'unexpected']
  ])('turns HTTP %i into %s without retrying, keeping the token out of the message', async (status, code) => {
    server.serve(`/status-${status}.ics?token=s3cret`, { status });
    const error = await failure(source(`/status-${status}.ics?token=s3cret`));
    expect(error.code).toBe(code);
    expect(error.message).toContain(`/status-${status}.ics`);
    expect(error.message).not.toContain('s3cret');
    expect(server.requests(`/status-${status}.ics?token=s3cret`)).toHaveLength(1);
  });
});

describe('malformed feeds', () => {
  const march = range('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z');

  it.each([
    ['malformed-truncated.ics', 'the feed ends inside BEGIN:VEVENT (line 11) — it is cut off (missing END:VEVENT, END:VCALENDAR)'],
    ['malformed-garbage-dates.ics', 'line 14: DTSTART "2026-13-45T25:99" is not a valid date or date-time'],
    ['malformed-not-calendar.txt', 'it does not start with BEGIN:VCALENDAR'],
    ['malformed-html-error.html', 'the answer is an HTML page']
  ])('refuses %s with a clear malformedFeed error when there never was a good roster', async (file, expected) => {
    server.serve(`/bad/${file}`, { fixture: file });
    const feed = source(`/bad/${file}`);
    await expect(feed.myShifts(march)).rejects.toMatchObject({ name: 'RosterError', code: 'malformedFeed', message: expect.stringContaining(expected) });
    expect(feed.lastError?.code).toBe('malformedFeed');
    expect(feed.lastSuccessAt).toBeUndefined();
  });

  it('keeps the last good roster, marked stale, while the feed is broken', async () => {
    server.serve(
      '/flaky.ics',
      { fixture: 'quinyx-personal-stockholm.ics' },
      { fixture: 'malformed-html-error.html' },
      { fixture: 'malformed-garbage-dates.ics' },
      { status: 403 },
      { fixture: 'quinyx-personal-stockholm.ics' }
    );
    const feed = source('/flaky.ics', { maxAgeMs: 0 });
    const good = await feed.myShifts(march);
    expect(good).toHaveLength(4);
    expect(feed.stale).toBe(false);
    const firstSuccess = feed.lastSuccessAt;
    expect(firstSuccess).toBeInstanceOf(Date);

    expect(await feed.myShifts(march)).toEqual(good);
    expect(feed.stale).toBe(true);
    expect(feed.lastError).toMatchObject({ code: 'malformedFeed', message: expect.stringContaining('HTML page') });

    expect(await feed.myTimeOff(march)).toHaveLength(1);
    expect(feed.lastError?.message).toContain('line 14');
    expect(await feed.myShifts(march)).toEqual(good);
    expect(feed.lastError?.code).toBe('accessDenied');
    expect(feed.lastSuccessAt).toEqual(firstSuccess);

    expect(await feed.myShifts(march)).toEqual(good);
    expect(feed.stale).toBe(false);
    expect(feed.lastError).toBeUndefined();
    expect(feed.lastSuccessAt?.getTime()).toBeGreaterThanOrEqual(firstSuccess?.getTime() ?? Infinity);
  });

  it('shares the last good roster with a new source for the same URL through the store', async () => {
    server.serve('/shared.ics', { fixture: 'ukg-crew-stockholm.ics' }, { fixture: 'malformed-truncated.ics' });
    const store = new LastGoodStore<ParsedFeed>();
    const options = { url: server.url('/shared.ics'), personMatch: { email: ANNA }, maxAgeMs: 0 };
    expect(await new IcalRosterSource(options, axios.create(), store).myShifts(march)).toHaveLength(2);
    const later = new IcalRosterSource(options, axios.create(), store);
    expect((await later.myShifts(march)).map((s) => s.id)).toEqual(['ukg-5001@ukg.example', 'ukg-5009@ukg.example']);
    expect(later.stale).toBe(true);
    expect(later.lastError?.message).toContain('cut off');
  });

  it('refuses a configuration it cannot use', () => {
    expect(() => new IcalRosterSource({ url: 'webcal://example.com/a.ics' })).toThrow(expect.objectContaining({ code: 'notConfigured' }));
    expect(() => new IcalRosterSource({ url: server.url('/x.ics'), personMatch: {} })).toThrow('"personMatch" needs "email" or "employeeId"');
    expect(() => new IcalRosterSource({ url: server.url('/x.ics'), timeZone: 'Stockholm' })).toThrow('"timeZone" "Stockholm" is not an IANA time zone');
  });
});
