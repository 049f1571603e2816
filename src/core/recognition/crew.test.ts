import { anniversaryNear, type CrewEntry, daysSince, isOverdue, sortCrew } from './crew';

const NOW = new Date('2026-03-10T09:00:00Z');

function entry(name: string, last?: string): CrewEntry {
  return { profile: { id: name, displayName: name, employmentType: 'employee' }, lastRecognised: last };
}

describe('crew ordering', () => {
  it('puts people never recognised first, then the longest wait, ties by name', () => {
    const sorted = sortCrew(
      [entry('Recent', '2026-03-09T10:00:00Z'), entry('Old', '2026-01-01T10:00:00Z'), entry('Bea never'), entry('Ann never'), entry('Mid', '2026-02-20T00:00:00Z')],
      NOW
    );
    expect(sorted.map((e) => e.profile.displayName)).toEqual(['Ann never', 'Bea never', 'Old', 'Mid', 'Recent']);
  });

  it('counts whole days since, never negative; unreadable dates count as never', () => {
    expect(daysSince('2026-03-10T08:00:00Z', NOW)).toBe(0);
    expect(daysSince('2026-02-24T09:00:00Z', NOW)).toBe(14);
    expect(daysSince('2026-03-11T09:00:00Z', NOW)).toBe(0);
    expect(daysSince(undefined, NOW)).toBeUndefined();
    expect(daysSince('not a date', NOW)).toBeUndefined();
  });

  it('is overdue at the threshold, and when never recognised', () => {
    expect(isOverdue(entry('a', '2026-02-24T09:00:00Z'), NOW, 14)).toBe(true);
    expect(isOverdue(entry('a', '2026-02-25T09:00:00Z'), NOW, 14)).toBe(false);
    expect(isOverdue(entry('a'), NOW, 14)).toBe(true);
  });
});

describe('service anniversaries', () => {
  it.each([
    ['2016-03-10', 10, 0],
    ['2020-03-17', 6, 7],
    ['2020-03-03', 6, -7],
    ['2021-12-31', undefined, undefined],
    ['2020-03-18', undefined, undefined],
    ['2026-03-10', undefined, undefined],
    [undefined, undefined, undefined],
    ['garbage', undefined, undefined]
  ])('hired %s: %s years, %s days away', (hire, years, offset) => {
    const found = anniversaryNear(hire, NOW, 7);
    expect(found?.years).toBe(years);
    expect(found?.offsetDays).toBe(offset);
  });

  it('finds anniversaries across the new year, and 29 February in other years', () => {
    expect(anniversaryNear('2019-12-30', new Date('2026-01-02T12:00:00Z'))).toEqual({ years: 6, date: '2025-12-30', offsetDays: -3 });
    expect(anniversaryNear('2020-01-03', new Date('2025-12-30T12:00:00Z'))).toEqual({ years: 6, date: '2026-01-03', offsetDays: 4 });
    expect(anniversaryNear('2020-02-29', new Date('2026-02-28T12:00:00Z'))).toEqual({ years: 6, date: '2026-02-28', offsetDays: 0 });
  });
});
