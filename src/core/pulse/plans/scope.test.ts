import { groupKeysOf, mayWritePlanFor, planGroupOf, plansForPerson, plansForWriter, type PersonGroups } from './scope';

const person: PersonGroups = {
  site: 'got',
  line: 'got-weld2',
  crews: ['team-a', 'team-b'],
  shiftPatterns: ['continuous'],
  employmentType: 'agency',
  tenureBand: '1-3'
};

describe('the groups of action plans', () => {
  it('takes the plant and one filter as a plan\'s group, as the results key them', () => {
    expect(planGroupOf('plant')).toEqual([]);
    expect(planGroupOf('crew=team-a')).toEqual([{ dimension: 'crew', value: 'team-a' }]);
    expect(planGroupOf('shiftPattern=continuous')).toEqual([{ dimension: 'shiftPattern', value: 'continuous' }]);
    for (const key of ['site=got&employmentType=agency', 'line=GOT-WELD2', 'site=unknown', 'crew=none', 'floor=2', '', 'other:crew:line=got-weld2']) {
      expect([key, planGroupOf(key)]).toEqual([key, undefined]);
    }
  });

  it('lets HR write for any group, a leader for their crews only, nobody else for any', () => {
    expect(['plant', 'site=got', 'crew=team-z', 'tenureBand=10-plus'].every((key) => mayWritePlanFor({ role: 'hr' }, key))).toBe(true);
    const leader = { role: 'leader' as const, crews: ['TEAM-A'] };
    expect(mayWritePlanFor(leader, 'crew=team-a')).toBe(true);
    expect(['crew=team-b', 'line=got-weld2', 'site=got', 'plant'].some((key) => mayWritePlanFor(leader, key))).toBe(false);
    expect(mayWritePlanFor({ role: 'employee' }, 'crew=team-a')).toBe(false);
  });

  it('finds a person\'s groups: the plant, site, line, every crew, shift pattern, employment type and tenure band', () => {
    expect(groupKeysOf(person)).toEqual([
      'plant',
      'site=got',
      'line=got-weld2',
      'crew=team-a',
      'crew=team-b',
      'shiftPattern=continuous',
      'employmentType=agency',
      'tenureBand=1-3'
    ]);
    expect(groupKeysOf({ site: 'unknown', line: 'unknown', crews: [], shiftPatterns: [], employmentType: 'unknown', tenureBand: 'unknown' })).toEqual(['plant']);
  });

  it('shows a person the published plans of their groups only, newest first, never a draft', () => {
    const plans = [
      { id: 1, groupKey: 'plant', publishedAt: '2026-11-01T08:00:00.000Z' },
      { id: 2, groupKey: 'crew=team-b', publishedAt: '2026-11-20T08:00:00.000Z' },
      { id: 3, groupKey: 'crew=team-c', publishedAt: '2026-11-21T08:00:00.000Z' },
      { id: 4, groupKey: 'line=got-weld2' },
      { id: 5, groupKey: 'site=ein', publishedAt: '2026-11-22T08:00:00.000Z' },
      { id: 6, groupKey: 'employmentType=agency', publishedAt: '2026-11-20T08:00:00.000Z' }
    ];
    expect(plansForPerson(plans, person).map((p) => p.id)).toEqual([6, 2, 1]);
  });

  it('lists a writer the plans of groups they may write for, drafts too', () => {
    const plans = [
      { id: 1, groupKey: 'plant' },
      { id: 2, groupKey: 'crew=team-a' },
      { id: 3, groupKey: 'crew=team-c' }
    ];
    expect(plansForWriter(plans, { role: 'leader', crews: ['team-a'] }).map((p) => p.id)).toEqual([2]);
    expect(plansForWriter(plans, { role: 'hr' }).map((p) => p.id)).toEqual([3, 2, 1]);
    expect(plansForWriter(plans, { role: 'employee' })).toEqual([]);
  });
});
