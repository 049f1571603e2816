import { memoryStore } from '../storage';
import { TEAM_IDS_TTL_MS, teamIdCache } from './teamIdCache';

describe('the team ids kept on the device', () => {
  it('keeps the ids for 30 days from when they were last confirmed', () => {
    let now = 1_000;
    const store = memoryStore();
    const kept = teamIdCache(store, 'se-roster-teams:asa', () => now);
    expect(kept.read()).toBeUndefined();
    kept.write(['team-a', 'team-b']);
    expect(kept.read()).toEqual(['team-a', 'team-b']);
    now += TEAM_IDS_TTL_MS - 1;
    expect(kept.read()).toEqual(['team-a', 'team-b']);
    kept.write(['team-a']);
    now += TEAM_IDS_TTL_MS - 1;
    expect(kept.read()).toEqual(['team-a']);
    now += 1;
    expect(kept.read()).toBeUndefined();
  });

  it('keeps ids only, under the person’s own key', () => {
    const store = memoryStore();
    teamIdCache(store, 'se-roster-teams:asa', () => 0).write(['team-a']);
    expect(Array.from(store.data.keys())).toEqual(['se-roster-teams:asa']);
    expect(Object.keys(JSON.parse(store.data.get('se-roster-teams:asa') ?? '{}'))).toEqual(['teamIds', 'expires']);
    expect(teamIdCache(store, 'se-roster-teams:mira', () => 0).read()).toBeUndefined();
  });

  it('forgets them when the person is in no team any more', () => {
    const store = memoryStore();
    const kept = teamIdCache(store, 'k', () => 0);
    kept.write(['team-a']);
    kept.write([]);
    expect(kept.read()).toBeUndefined();
    expect(store.data.size).toBe(0);
  });

  it('reads anything unreadable as nothing kept', () => {
    for (const text of ['not json', '{}', '{"teamIds":"team-a","expires":99}', '{"teamIds":[],"expires":99}', '{"teamIds":[1,""],"expires":99}', 'null']) {
      expect(teamIdCache(memoryStore([['k', text]]), 'k', () => 0).read()).toBeUndefined();
    }
    expect(teamIdCache(memoryStore([['k', '{"teamIds":["a",7],"expires":99}']]), 'k', () => 0).read()).toEqual(['a']);
  });
});
