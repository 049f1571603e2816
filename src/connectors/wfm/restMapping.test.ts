import { RosterError } from '../../core/roster/types';
import { readItem, RestFeedMapping, textAt, validateMapping, valueAt } from './restMapping';

const QUINYX_LIKE: RestFeedMapping = {
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
  nextPagePath: 'links.next'
};

function configError(mapping: unknown): RosterError {
  try {
    validateMapping(mapping);
  } catch (error) {
    expect(error).toBeInstanceOf(RosterError);
    return error as RosterError;
  }
  throw new Error('expected the mapping to be refused');
}

describe('REST field mapping', () => {
  it('accepts a complete mapping', () => {
    expect(() => validateMapping(QUINYX_LIKE)).not.toThrow();
    expect(() => validateMapping({ itemsPath: '', fields: { id: 'id', start: 'from', end: 'to' }, timeZone: 'Europe/Amsterdam' })).not.toThrow();
  });

  it.each([
    ['no mapping', undefined, 'the mapping is missing'],
    ['no fields', { itemsPath: 'data' }, '"fields" is missing'],
    ['no start', { ...QUINYX_LIKE, fields: { ...QUINYX_LIKE.fields, start: undefined } }, '"fields.start" is missing — give the path to each item\'s start'],
    ['an empty id', { ...QUINYX_LIKE, fields: { ...QUINYX_LIKE.fields, id: ' ' } }, '"fields.id" is missing'],
    ['a path with spaces', { ...QUINYX_LIKE, fields: { ...QUINYX_LIKE.fields, personEmail: 'employee. email' } }, '"fields.personEmail" ("employee. email") is not a dot path'],
    ['a path that is not text', { ...QUINYX_LIKE, fields: { ...QUINYX_LIKE.fields, label: 42 } }, '"fields.label" is missing'],
    ['no items path', { ...QUINYX_LIKE, itemsPath: undefined }, '"itemsPath" is missing'],
    ['status without values', { ...QUINYX_LIKE, fields: { ...QUINYX_LIKE.fields, status: { path: 'state', cancelledValues: [] } } }, '"fields.status.cancelledValues" must list at least one value'],
    ['kind without path', { ...QUINYX_LIKE, fields: { ...QUINYX_LIKE.fields, kind: { timeOffValues: ['absence'] } } }, '"fields.kind.path" is missing'],
    ['an unknown zone', { ...QUINYX_LIKE, timeZone: 'Europe/Atlantis' }, '"timeZone" ("Europe/Atlantis") is not an IANA time zone']
  ])('refuses %s, naming the field', (_name, mapping, expected) => {
    const error = configError(mapping);
    expect(error.code).toBe('notConfigured');
    expect(error.message).toContain(expected);
  });

  it('reads dot paths into unknown JSON', () => {
    const json: unknown = { data: { shifts: [{ id: 7, employee: { email: ' A@B.example ' }, ok: true, empty: '' }] } };
    expect(valueAt(json, 'data.shifts.0.id')).toBe(7);
    expect(valueAt(json, 'data.missing.deeper')).toBeUndefined();
    expect(valueAt(json, 'data.shifts.x')).toBeUndefined();
    expect(valueAt(json, '')).toBe(json);
    expect(textAt(json, 'data.shifts.0.id')).toBe('7');
    expect(textAt(json, 'data.shifts.0.employee.email')).toBe('A@B.example');
    expect(textAt(json, 'data.shifts.0.ok')).toBe('true');
    expect(textAt(json, 'data.shifts.0.empty')).toBeUndefined();
    expect(textAt(json, 'data.shifts.0.employee')).toBeUndefined();
  });

  it('reads an item through the mapping', () => {
    const item = {
      shiftId: 'QX-1',
      employee: { id: 'E1001', email: 'Anna@Contoso.example', name: 'Anna' },
      startUtc: '2026-03-28T22:00:00+01:00',
      endUtc: '2026-03-29T06:00:00+02:00',
      team: 'weld-2',
      type: 'Natt',
      state: 'Deleted',
      kind: 'shift'
    };
    expect(readItem(item, 'page 1, item 1', QUINYX_LIKE)).toEqual({
      id: 'QX-1',
      start: Date.parse('2026-03-28T21:00:00Z'),
      end: Date.parse('2026-03-29T04:00:00Z'),
      personId: 'E1001',
      email: 'anna@contoso.example',
      displayName: 'Anna',
      crewId: 'weld-2',
      label: 'Natt',
      notes: undefined,
      reason: undefined,
      cancelled: true,
      timeOff: false
    });
  });

  it('names the item and field of a broken value', () => {
    const broken = (item: unknown, mapping: RestFeedMapping = QUINYX_LIKE): string => {
      try {
        readItem(item, 'page 2, item 3', mapping);
      } catch (error) {
        expect((error as RosterError).code).toBe('malformedFeed');
        return (error as RosterError).message;
      }
      return 'accepted';
    };
    expect(broken({ shiftId: 'x', startUtc: 'soon', endUtc: '2026-03-29T04:00:00Z' })).toBe(
      'The roster feed has a broken item (page 2, item 3): "startUtc": "soon" is not an ISO 8601 date or date-time'
    );
    expect(broken({ shiftId: 'x', startUtc: '2026-03-29T04:00:00Z' })).toContain('"endUtc" (the end) is missing');
    expect(broken({ startUtc: '2026-03-29T04:00:00Z' })).toContain('"shiftId" (the id) is missing');
    expect(broken('text')).toContain('it is not an object');
    expect(broken({ shiftId: 'x', startUtc: '2026-03-29T04:00:00Z', endUtc: '2026-03-29T03:00:00Z' })).toContain('before it starts');
    expect(broken({ shiftId: 'x', startUtc: '2026-03-28T22:00', endUtc: '2026-03-29T06:00' })).toContain('no time zone is configured');
  });
});
