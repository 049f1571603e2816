import type { WallItem } from './ports';
import {
  distinctCodes,
  mayView,
  parseValueKeys,
  periodStart,
  relativeTime,
  toggledReaction,
  visibleItems,
  type WallViewer,
  withReaction
} from './wallRules';

const NOW = new Date('2025-03-10T12:00:00Z');

function item(overrides: Partial<WallItem> & { id: number }): WallItem {
  return {
    recipient: { id: 20, displayName: "Seán O'Brien", email: 'sean.obrien@contoso.com' },
    giver: { id: 10, displayName: 'Åsa Bäckström', email: 'asa.backstrom@contoso.com' },
    kind: 'peer',
    valueKey: 'safety',
    message: 'Stopped the line before a jam.',
    siteCode: 'GOT',
    crewKey: 'GOT-WELD2-A',
    visibility: 'everyone',
    status: 'published',
    created: '2025-03-10T08:00:00Z',
    ...overrides
  };
}

function viewer(overrides: Partial<WallViewer> = {}): WallViewer {
  return { siteUserId: 99, displayName: 'Someone', directoryId: 'dir-99', reportEmails: new Set(), ...overrides };
}

const none = new Set<number>();

describe('mayView', () => {
  it('shows a public recognition to everyone', () => {
    expect(mayView(item({ id: 1 }), viewer(), none)).toBe(true);
  });

  it('shows a private one only to recipient, giver and the recipient’s leader', () => {
    const post = item({ id: 1, visibility: 'private' });
    expect(mayView(post, viewer({ siteUserId: 20 }), none)).toBe(true);
    expect(mayView(post, viewer({ siteUserId: 10 }), none)).toBe(true);
    expect(mayView(post, viewer({ reportEmails: new Set(['sean.obrien@contoso.com']) }), none)).toBe(true);
    expect(mayView(post, viewer({ crewKey: 'GOT-WELD2-A' }), none)).toBe(false);
    expect(mayView(post, viewer(), none)).toBe(false);
  });

  it('shows a crew one to the same crew only (and to the parties)', () => {
    const post = item({ id: 1, visibility: 'crew' });
    expect(mayView(post, viewer({ crewKey: 'GOT-WELD2-A' }), none)).toBe(true);
    expect(mayView(post, viewer({ crewKey: 'GOT-WELD2-B' }), none)).toBe(false);
    expect(mayView(post, viewer(), none)).toBe(false);
    expect(mayView(item({ id: 2, visibility: 'crew', crewKey: undefined }), viewer({ crewKey: undefined }), none)).toBe(false);
    expect(mayView(post, viewer({ siteUserId: 10 }), none)).toBe(true);
  });

  it('keeps people who opted out off the public wall, but they still see their own', () => {
    const hidden = new Set([20]);
    const post = item({ id: 1 });
    expect(mayView(post, viewer(), hidden)).toBe(false);
    expect(mayView(post, viewer({ siteUserId: 20 }), hidden)).toBe(true);
    expect(mayView(post, viewer({ siteUserId: 10 }), hidden)).toBe(true);
  });

  it('never shows posts that are not published', () => {
    expect(mayView(item({ id: 1, status: 'reported' }), viewer({ siteUserId: 20 }), none)).toBe(false);
    expect(mayView(item({ id: 1, status: 'removed' }), viewer(), none)).toBe(false);
  });
});

describe('visibleItems', () => {
  const items = [
    item({ id: 1, created: '2025-01-01T08:00:00Z', valueKey: 'quality' }),
    item({ id: 3, created: '2025-03-09T08:00:00Z' }),
    item({ id: 2, created: '2025-02-20T08:00:00Z', valueKey: 'team-spirit' }),
    item({ id: 3, created: '2025-03-09T08:00:00Z' })
  ];

  it('sorts newest first and drops duplicates from overlapping pages', () => {
    const shown = visibleItems(items, viewer(), none, { period: 'all', allowedValues: [], removed: new Set() }, NOW);
    expect(shown.map((i) => i.id)).toEqual([3, 2, 1]);
  });

  it('filters by period on created, by allowed values and drops reported posts', () => {
    expect(visibleItems(items, viewer(), none, { period: '30', allowedValues: [], removed: new Set() }, NOW).map((i) => i.id)).toEqual([3, 2]);
    expect(visibleItems(items, viewer(), none, { period: '7', allowedValues: [], removed: new Set() }, NOW).map((i) => i.id)).toEqual([3]);
    expect(visibleItems(items, viewer(), none, { period: 'all', allowedValues: ['quality', 'team-spirit'], removed: new Set([2]) }, NOW).map((i) => i.id)).toEqual([1]);
  });

  it('computes period starts', () => {
    expect(periodStart('all', NOW)).toBeUndefined();
    expect(periodStart('7', NOW)?.toISOString()).toBe('2025-03-03T12:00:00.000Z');
  });
});

describe('relativeTime', () => {
  it('speaks the reader’s language', () => {
    expect(relativeTime('2025-03-10T11:55:00Z', NOW, 'en-us')).toBe('5 minutes ago');
    expect(relativeTime('2025-03-09T12:00:00Z', NOW, 'en-us')).toBe('yesterday');
    expect(relativeTime('2025-03-09T12:00:00Z', NOW, 'nl-nl')).toBe('gisteren');
    expect(relativeTime('2025-03-07T12:00:00Z', NOW, 'sv-se')).toBe('för 3 dagar sedan');
    expect(relativeTime('2025-03-10T11:59:50Z', NOW, 'en-us')).toBe('now');
  });

  it('reads a clock that runs ahead as now, and keeps an unreadable date as written', () => {
    expect(relativeTime('2025-03-10T12:05:00Z', NOW, 'en-us')).toBe('now');
    expect(relativeTime('not a date', NOW, 'en-us')).toBe('not a date');
  });
});

describe('value keys, reactions and codes', () => {
  it('parses the property pane’s value list', () => {
    expect(parseValueKeys(' safety, quality;;\nteam-spirit ')).toEqual(['safety', 'quality', 'team-spirit']);
    expect(parseValueKeys(undefined)).toEqual([]);
  });

  it('toggles one reaction per person with counts', () => {
    const start = { counts: { applause: 2 } };
    const mine = withReaction(start, toggledReaction(start, 'heart'));
    expect(mine).toEqual({ counts: { applause: 2, heart: 1 }, mine: 'heart' });
    const changed = withReaction(mine, toggledReaction(mine, 'applause'));
    expect(changed).toEqual({ counts: { applause: 3, heart: 0 }, mine: 'applause' });
    const removed = withReaction(changed, toggledReaction(changed, 'applause'));
    expect(removed).toEqual({ counts: { applause: 2, heart: 0 } });
  });

  it('lists distinct codes with the chosen one', () => {
    expect(distinctCodes([item({ id: 1, lineCode: 'B' }), item({ id: 2, lineCode: 'A' }), item({ id: 3 })], (i) => i.lineCode, 'C')).toEqual(['A', 'B', 'C']);
  });
});
