/**
 * The REST/JSON roster source over real HTTP (axios → node:http on 127.0.0.1): two vendor
 * shapes read through two declared mappings, next-page links, local times without offset
 * around the DST changes, retries, broken pages and the last good roster kept.
 */
import axios from 'axios';

import { RosterError, TimeRange } from '../../src/core/roster/types';
import { RestRosterOptions, RestRosterSource } from '../../src/connectors/wfm/restRosterSource';
import { FeedServer } from '../fixtures/wfm/feedServer';

let server: FeedServer;

beforeAll(async () => {
  server = await FeedServer.start();
  server.serve('/api/v2/roster', { fixture: 'rest-quinyx-page1.json' });
  server.serve('/api/v2/roster?page=2', { fixture: 'rest-quinyx-page2.json' });
  server.serve('/planday/shifts', { fixture: 'rest-planday.json' });
});

afterAll(async () => {
  await server.close();
});

const YEAR: TimeRange = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') };

/** Vendor A: UTC or offset times, nested employee, paged through `links.next`. */
function quinyxLike(path: string, overrides: Partial<RestRosterOptions> = {}): RestRosterOptions {
  return {
    url: server.url(path),
    itemsPath: 'data.shifts',
    fields: {
      id: 'shiftId',
      personId: 'employee.id',
      personEmail: 'employee.email',
      displayName: 'employee.name',
      start: 'startUtc',
      end: 'endUtc',
      crewId: 'team',
      label: 'type',
      status: { path: 'state', cancelledValues: ['CANCELLED', 'deleted'] },
      kind: { path: 'kind', timeOffValues: ['absence'] }
    },
    nextPagePath: 'links.next',
    personMatch: { personId: 'E1001' },
    retry: { baseDelayMs: 5 },
    ...overrides
  };
}

/** Vendor B: flat items, numeric ids, local times without offset in Europe/Amsterdam. */
function plandayLike(overrides: Partial<RestRosterOptions> = {}): RestRosterOptions {
  return {
    url: server.url('/planday/shifts'),
    itemsPath: 'data',
    fields: {
      id: 'id',
      personId: 'employeeId',
      displayName: 'employeeName',
      start: 'startDateTime',
      end: 'endDateTime',
      crewId: 'departmentId',
      label: 'shiftType.name',
      notes: 'comment',
      status: { path: 'status', cancelledValues: ['Deleted'] },
      kind: { path: 'kind', timeOffValues: ['absence'] }
    },
    timeZone: 'Europe/Amsterdam',
    personMatch: { personId: '1001' },
    ...overrides
  };
}

describe('vendor A through its mapping', () => {
  it('follows next links and reads shifts, cancelled ones and time off', async () => {
    const before = server.requests().length;
    const feed = new RestRosterSource(quinyxLike('/api/v2/roster'), axios.create());
    const [shifts, timeOff] = await Promise.all([feed.myShifts(YEAR), feed.myTimeOff(YEAR)]);
    expect(shifts).toEqual([
      { id: 'QX-70001', personId: 'E1001', crewId: 'weld-2', start: '2026-03-28T21:00:00.000Z', end: '2026-03-29T04:00:00.000Z', label: 'Natt', status: 'scheduled' },
      { id: 'QX-70004', personId: 'E1001', crewId: 'weld-2', start: '2026-03-31T12:00:00.000Z', end: '2026-03-31T20:00:00.000Z', label: 'Eftermiddag', status: 'cancelled' }
    ]);
    expect(timeOff).toEqual([{ id: 'QX-70005', personId: 'E1001', start: '2026-04-05T22:00:00.000Z', end: '2026-04-08T22:00:00.000Z', reason: 'Semester' }]);
    expect(server.requests().slice(before).map((r) => r.path)).toEqual(['/api/v2/roster', '/api/v2/roster?page=2']);
    expect(server.requests('/api/v2/roster').pop()?.accept).toBe('application/json');
  });

  it('matches the person by e-mail, case-insensitive', async () => {
    const feed = new RestRosterSource(quinyxLike('/api/v2/roster', { personMatch: { email: 'ANNA.svensson@contoso-plant.example' } }), axios.create());
    expect((await feed.myShifts(YEAR)).map((s) => s.id)).toEqual(['QX-70001', 'QX-70004']);
  });

  it('lists the crew on a shift: same crew, overlapping, not cancelled', async () => {
    const feed = new RestRosterSource(quinyxLike('/api/v2/roster'), axios.create());
    const [night] = await feed.myShifts(YEAR);
    // Bram's times carry offsets (+01:00 / +02:00) and mean the same instants.
    expect(await feed.crewOnShift(night)).toEqual([{ personId: 'E1002', displayName: 'Bram de Vries' }]);
    expect(await feed.crewOnShift({ ...night, crewId: undefined })).toEqual([
      { personId: 'E1002', displayName: 'Bram de Vries' },
      { personId: 'E1003', displayName: 'Chen Li' }
    ]);
  });

  it('gives a personal feed (no person match) everything and no crew', async () => {
    const feed = new RestRosterSource(quinyxLike('/api/v2/roster', { personMatch: undefined }), axios.create());
    const shifts = await feed.myShifts(YEAR);
    expect(shifts).toHaveLength(5);
    expect(await feed.crewOnShift(shifts[0])).toEqual([]);
  });
});

describe('vendor B through its mapping (local times in Europe/Amsterdam)', () => {
  it('converts local times across both DST changes', async () => {
    const feed = new RestRosterSource(plandayLike(), axios.create());
    const shifts = await feed.myShifts(YEAR);
    expect(shifts).toEqual([
      { id: '90312', personId: '1001', crewId: '12', start: '2026-03-28T21:00:00.000Z', end: '2026-03-29T04:00:00.000Z', label: 'Nacht', status: 'cancelled' },
      {
        id: '90311',
        personId: '1001',
        crewId: '12',
        start: '2026-10-24T20:00:00.000Z',
        end: '2026-10-25T05:00:00.000Z',
        label: 'Nacht',
        notes: 'Klok gaat een uur terug',
        status: 'scheduled'
      }
    ]);
    expect(shifts.map((s) => (Date.parse(s.end) - Date.parse(s.start)) / 3_600_000)).toEqual([7, 9]);
    expect(await feed.myTimeOff(YEAR)).toEqual([{ id: '90314', personId: '1001', start: '2026-10-26T23:00:00.000Z', end: '2026-10-28T23:00:00.000Z', reason: 'Verlof' }]);
    expect(await feed.crewOnShift(shifts[1])).toEqual([{ personId: '1002', displayName: 'Sanne Jansen' }]);
  });

  it('filters by the requested range', async () => {
    const feed = new RestRosterSource(plandayLike(), axios.create());
    const october = await feed.myShifts({ start: new Date('2026-10-25T04:59:00Z'), end: new Date('2026-10-26T00:00:00Z') });
    expect(october.map((s) => s.id)).toEqual(['90311']);
  });
});

describe('mapping validation at construction', () => {
  const refuse = (options: RestRosterOptions, expected: string): void => {
    let error: unknown;
    try {
      // eslint-disable-next-line no-new -- the constructor is what is tested
      new RestRosterSource(options, axios.create());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RosterError);
    expect(error).toMatchObject({ code: 'notConfigured', message: expect.stringContaining(expected) });
  };

  it('names the missing or wrong field', () => {
    const base = plandayLike();
    refuse({ ...base, fields: { ...base.fields, start: '' } }, '"fields.start" is missing');
    refuse({ ...base, personMatch: { email: 'a@b.example' } }, '"fields.personEmail" is missing — it is needed to match "personMatch.email"');
    refuse({ ...base, url: 'ftp://example.com/roster' }, '"url" must be an absolute http(s) address');
    refuse({ ...base, timeZone: 'Amsterdam' }, '"timeZone" ("Amsterdam") is not an IANA time zone');
    refuse({ ...base, personMatch: {} }, '"personMatch" needs "personId" or "email"');
  });
});

describe('HTTP and broken pages', () => {
  it('retries a page answered 503 with Retry-After', async () => {
    server.serve('/busy/roster', { fixture: 'rest-quinyx-page1.json' });
    server.serve('/api/v2/roster?page=2', { status: 503, headers: { 'Retry-After': '0' } }, { fixture: 'rest-quinyx-page2.json' });
    const before = server.requests('/api/v2/roster?page=2').length;
    const feed = new RestRosterSource(quinyxLike('/busy/roster'), axios.create());
    expect((await feed.myShifts(YEAR)).map((s) => s.id)).toEqual(['QX-70001', 'QX-70004']);
    expect(server.requests('/api/v2/roster?page=2').length - before).toBe(2);
  });

  it('keeps the last good roster when a page becomes an HTML error page', async () => {
    server.serve('/flaky/roster', { fixture: 'rest-planday.json' }, { fixture: 'malformed-html-error.html' });
    const feed = new RestRosterSource(plandayLike({ url: server.url('/flaky/roster'), maxAgeMs: 0 }), axios.create());
    const good = await feed.myShifts(YEAR);
    expect(await feed.myShifts(YEAR)).toEqual(good);
    expect(feed.stale).toBe(true);
    expect(feed.lastError).toMatchObject({ code: 'malformedFeed', message: expect.stringContaining('page 1 is not JSON (starts with "<!DOCTYPE html>') });
  });

  it.each([
    ['a broken date', JSON.stringify({ data: [{ id: 1, employeeId: 1001, startDateTime: '28/03/2026 22:00', endDateTime: '2026-03-29T06:00' }] }), 'broken item (page 1, item 1): "startDateTime": "28/03/2026 22:00" is not an ISO 8601'],
    ['no list', JSON.stringify({ error: { message: 'unauthorized' } }), 'page 1 has no list at "data"'],
    ['a next link back to itself', JSON.stringify({ data: [], next: '/loop/roster' }), 'page 1 links back to an earlier page']
  ])('refuses %s with malformedFeed when there never was good data', async (name, body, expected) => {
    const path = name.startsWith('a next') ? '/loop/roster' : `/broken/${encodeURIComponent(name)}`;
    server.serve(path, { body, headers: { 'Content-Type': 'application/json' } });
    const url = server.url(path);
    const feed = new RestRosterSource(plandayLike({ url, nextPagePath: 'next' }), axios.create());
    await expect(feed.myShifts(YEAR)).rejects.toMatchObject({ name: 'RosterError', code: 'malformedFeed', message: expect.stringContaining(expected) });
  });
});
